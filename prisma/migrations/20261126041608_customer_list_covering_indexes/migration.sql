-- DropIndex
DROP INDEX "Customer_managingResellerId_companyName_id_idx";

-- DropIndex
DROP INDEX "Customer_providerId_companyName_id_idx";

-- DropIndex
DROP INDEX "Customer_providerId_managingResellerId_companyName_id_idx";

-- CreateIndex
CREATE INDEX "Customer_providerId_companyName_id_tenantDomain_idx" ON "Customer"("providerId", "companyName", "id", "tenantDomain");

-- CreateIndex
CREATE INDEX "Customer_providerId_managingResellerId_companyName_id_tenan_idx" ON "Customer"("providerId", "managingResellerId", "companyName", "id", "tenantDomain");

-- CreateIndex
CREATE INDEX "Customer_managingResellerId_companyName_id_tenantDomain_idx" ON "Customer"("managingResellerId", "companyName", "id", "tenantDomain");
