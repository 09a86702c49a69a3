-- DropIndex
DROP INDEX "Partnership_providerId_state_startedAt_idx";

-- DropIndex
DROP INDEX "Partnership_resellerId_state_startedAt_idx";

-- DropIndex
DROP INDEX "Subscription_customerId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Partnership_providerId_state_startedAt_id_idx" ON "Partnership"("providerId", "state", "startedAt", "id");

-- CreateIndex
CREATE INDEX "Partnership_resellerId_state_startedAt_id_idx" ON "Partnership"("resellerId", "state", "startedAt", "id");

-- CreateIndex
CREATE INDEX "Partnership_state_startedAt_id_idx" ON "Partnership"("state", "startedAt", "id");

-- CreateIndex
CREATE INDEX "Subscription_customerId_createdAt_id_idx" ON "Subscription"("customerId", "createdAt", "id");
