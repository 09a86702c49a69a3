-- CreateIndex
CREATE INDEX "Organization_kind_legalName_id_idx" ON "Organization"("kind", "legalName", "id");

-- CreateIndex
CREATE INDEX "OutboxMessage_to_createdAt_idx" ON "OutboxMessage"("to", "createdAt");
