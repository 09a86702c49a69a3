-- DropIndex
DROP INDEX "Partnership_providerId_state_startedAt_idx";

-- DropIndex
DROP INDEX "Partnership_resellerId_state_startedAt_idx";

-- DropIndex
DROP INDEX "Subscription_customerId_createdAt_idx";

-- DropIndex
DROP INDEX "Subscription_supportContactOrgId_status_idx";

-- CreateIndex
CREATE INDEX "Organization_mpnId_trgm_idx" ON "Organization" USING GIN ("mpnId" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Partnership_providerId_state_startedAt_id_idx" ON "Partnership"("providerId", "state", "startedAt", "id");

-- CreateIndex
CREATE INDEX "Partnership_resellerId_state_startedAt_id_idx" ON "Partnership"("resellerId", "state", "startedAt", "id");

-- CreateIndex
CREATE INDEX "Partnership_state_startedAt_id_idx" ON "Partnership"("state", "startedAt", "id");

-- CreateIndex
CREATE INDEX "Subscription_customerId_createdAt_id_idx" ON "Subscription"("customerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Subscription_supportContactOrgId_status_customerId_id_idx" ON "Subscription"("supportContactOrgId", "status", "customerId", "id");
