-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "resellerDelegatedAdmin" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "CustomerRelationshipRequest" ADD COLUMN     "recipientEmail" TEXT,
ADD COLUMN     "sentAt" TIMESTAMPTZ(3);

-- AlterTable: association periods carry what they earn on. Existing
-- periods take their subscription's current offer and licences.
ALTER TABLE "SubscriptionResellerAssociation" ADD COLUMN     "currency" TEXT,
ADD COLUMN     "incentiveRateBps" INTEGER,
ADD COLUMN     "offerId" TEXT,
ADD COLUMN     "quantity" INTEGER,
ADD COLUMN     "unitPriceMinor" INTEGER;

UPDATE "SubscriptionResellerAssociation" a
SET "offerId" = s."offerId", "quantity" = s."quantity", "unitPriceMinor" = o."unitPriceMinor", "currency" = o."currency", "incentiveRateBps" = o."incentiveRateBps"
FROM "Subscription" s JOIN "Offer" o ON o."id" = s."offerId"
WHERE s."id" = a."subscriptionId";

ALTER TABLE "SubscriptionResellerAssociation" ALTER COLUMN "currency" SET NOT NULL,
ALTER COLUMN "incentiveRateBps" SET NOT NULL,
ALTER COLUMN "offerId" SET NOT NULL,
ALTER COLUMN "quantity" SET NOT NULL,
ALTER COLUMN "unitPriceMinor" SET NOT NULL;

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- AddForeignKey
ALTER TABLE "SubscriptionResellerAssociation" ADD CONSTRAINT "SubscriptionResellerAssociation_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
