-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "AuditEvent_occurredAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_id_idx" ON "AuditEvent"("occurredAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_action_occurredAt_id_idx" ON "AuditEvent"("action", "occurredAt", "id");

-- CreateIndex
CREATE INDEX "Customer_companyName_trgm_idx" ON "Customer" USING GIN ("companyName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_tenantDomain_trgm_idx" ON "Customer" USING GIN ("tenantDomain" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Organization_legalName_trgm_idx" ON "Organization" USING GIN ("legalName" gin_trgm_ops);
