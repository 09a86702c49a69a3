-- A reseller's support list (R9) holds the subscriptions it is the support
-- contact for on customers it does not manage. To find those without reading
-- every subscription it supports, each subscription carries its customer's
-- managing reseller, kept by the database: set when a subscription is
-- created (or moved to another customer), and changed on every subscription of
-- a customer when the customer's managing reseller changes.
ALTER TABLE "Subscription" ADD COLUMN "customerManagingResellerId" TEXT;

UPDATE "Subscription" s SET "customerManagingResellerId" = c."managingResellerId"
  FROM "Customer" c WHERE c."id" = s."customerId" AND c."managingResellerId" IS NOT NULL;

CREATE FUNCTION "subscription_customer_manager"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- FOR SHARE: waits for a change of the customer's managing reseller being
  -- made at this moment, and reads its outcome (the change then finds this row).
  SELECT "managingResellerId" INTO NEW."customerManagingResellerId" FROM "Customer" WHERE "id" = NEW."customerId" FOR SHARE;
  RETURN NEW;
END $$;

CREATE TRIGGER "subscription_customer_manager"
BEFORE INSERT OR UPDATE OF "customerId", "customerManagingResellerId" ON "Subscription"
FOR EACH ROW EXECUTE FUNCTION "subscription_customer_manager"();

CREATE FUNCTION "customer_manager_to_subscriptions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Subscription" SET "customerManagingResellerId" = NEW."managingResellerId" WHERE "customerId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "customer_manager_to_subscriptions"
AFTER UPDATE OF "managingResellerId" ON "Customer"
FOR EACH ROW WHEN (OLD."managingResellerId" IS DISTINCT FROM NEW."managingResellerId")
EXECUTE FUNCTION "customer_manager_to_subscriptions"();

-- CreateIndex
CREATE INDEX "Subscription_supportContactOrgId_customerManagingResellerId_idx" ON "Subscription"("supportContactOrgId", "customerManagingResellerId");
