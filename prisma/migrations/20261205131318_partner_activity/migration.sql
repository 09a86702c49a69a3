-- CreateTable
CREATE TABLE "PartnerActivity" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "partnerOrgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "relationshipId" TEXT NOT NULL,
    "role" "DelegatedRole" NOT NULL,
    "action" TEXT NOT NULL,
    "targetId" TEXT,
    "detail" JSONB,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PartnerActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartnerActivity_customerId_occurredAt_id_idx" ON "PartnerActivity"("customerId", "occurredAt", "id");

-- AddForeignKey
ALTER TABLE "PartnerActivity" ADD CONSTRAINT "PartnerActivity_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "AdminRelationship"("id") ON DELETE CASCADE ON UPDATE CASCADE;
