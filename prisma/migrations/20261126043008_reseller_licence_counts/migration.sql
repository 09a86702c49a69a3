-- CreateTable
CREATE TABLE "ResellerLicenceCount" (
    "providerId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "licences" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ResellerLicenceCount_pkey" PRIMARY KEY ("providerId","resellerId")
);

-- Kept by a trigger: every insert, delete and change of a subscription's
-- status, licences or reseller moves the count of the (provider, reseller)
-- pair it leaves and the one it joins, in the same transaction. A
-- subscription's customer, and a customer's provider, never change.
CREATE FUNCTION "subscription_licence_count"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  provider TEXT;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'ACTIVE' AND OLD."resellerId" IS NOT NULL THEN
    SELECT "providerId" INTO provider FROM "Customer" WHERE "id" = OLD."customerId";
    UPDATE "ResellerLicenceCount" SET "licences" = "licences" - OLD."quantity"
     WHERE "providerId" = provider AND "resellerId" = OLD."resellerId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'ACTIVE' AND NEW."resellerId" IS NOT NULL THEN
    SELECT "providerId" INTO provider FROM "Customer" WHERE "id" = NEW."customerId";
    INSERT INTO "ResellerLicenceCount" ("providerId", "resellerId", "licences") VALUES (provider, NEW."resellerId", NEW."quantity")
    ON CONFLICT ("providerId", "resellerId") DO UPDATE SET "licences" = "ResellerLicenceCount"."licences" + EXCLUDED."licences";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "subscription_licence_count"
AFTER INSERT OR DELETE OR UPDATE OF "status", "quantity", "resellerId" ON "Subscription"
FOR EACH ROW EXECUTE FUNCTION "subscription_licence_count"();

-- The counts of the subscriptions already there.
INSERT INTO "ResellerLicenceCount" ("providerId", "resellerId", "licences")
SELECT c."providerId", s."resellerId", sum(s."quantity")::int
  FROM "Subscription" s JOIN "Customer" c ON c."id" = s."customerId"
 WHERE s."status" = 'ACTIVE' AND s."resellerId" IS NOT NULL
 GROUP BY c."providerId", s."resellerId";
