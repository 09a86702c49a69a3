-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('VENDOR', 'INDIRECT_PROVIDER', 'INDIRECT_RESELLER');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('PENDING', 'ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VENDOR_ADMIN', 'ADMIN', 'ADMIN_AGENT', 'SALES_AGENT', 'HELPDESK_AGENT', 'CUSTOMER_ADMIN', 'CUSTOMER_USER');

-- CreateEnum
CREATE TYPE "InvitationState" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "PartnershipState" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "BillingFrequency" AS ENUM ('MONTHLY', 'ANNUAL', 'USAGE');

-- CreateEnum
CREATE TYPE "OrderState" AS ENUM ('COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('OK', 'REFUSED');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "legalName" TEXT NOT NULL,
    "mpnId" TEXT,
    "country" TEXT NOT NULL,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "website" TEXT,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderProfile" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "regionsServed" TEXT[],
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "website" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "ProviderProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" TEXT,
    "customerId" TEXT,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT,
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnershipInvitation" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "resellerEmail" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "state" "InvitationState" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "respondedAt" TIMESTAMPTZ(3),
    "acceptedByOrgId" TEXT,
    "acceptedByUserId" TEXT,

    CONSTRAINT "PartnershipInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partnership" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "state" "PartnershipState" NOT NULL DEFAULT 'ACTIVE',
    "activeMarker" BOOLEAN DEFAULT true,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "endedById" TEXT,
    "invitationId" TEXT,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "companyName" TEXT NOT NULL,
    "domainPrefix" TEXT NOT NULL,
    "tenantDomain" TEXT NOT NULL,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "region" TEXT,
    "postalCode" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "contactFirstName" TEXT NOT NULL,
    "contactLastName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "providerId" TEXT NOT NULL,
    "managingResellerId" TEXT,
    "resellerTenantOwner" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerRelationshipRequest" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "includeDelegatedAdmin" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "state" "InvitationState" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "respondedAt" TIMESTAMPTZ(3),
    "respondedById" TEXT,

    CONSTRAINT "CustomerRelationshipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "billingFrequency" "BillingFrequency" NOT NULL,
    "termMonths" INTEGER,
    "unitPriceMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "minQuantity" INTEGER NOT NULL DEFAULT 1,
    "maxQuantity" INTEGER NOT NULL DEFAULT 300,
    "isAzurePlan" BOOLEAN NOT NULL DEFAULT false,
    "incentiveRateBps" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "placedByUserId" TEXT NOT NULL,
    "placedByOrgId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "state" "OrderState" NOT NULL DEFAULT 'COMPLETED',
    "failureReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "resellerMpnId" TEXT,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "orderId" TEXT,
    "quantity" INTEGER NOT NULL,
    "status" "SubscriptionStatus" NOT NULL DEFAULT 'ACTIVE',
    "autoRenew" BOOLEAN NOT NULL DEFAULT true,
    "purchasedAt" TIMESTAMPTZ(3) NOT NULL,
    "termStartedAt" TIMESTAMPTZ(3) NOT NULL,
    "renewsAt" TIMESTAMPTZ(3),
    "suspendedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "resellerId" TEXT,
    "supportContactOrgId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriptionResellerAssociation" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SubscriptionResellerAssociation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorOrgId" TEXT,
    "action" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'OK',
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "orgIds" TEXT[],
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "state" "OutboxState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_OfferUpgrades" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_OfferUpgrades_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_mpnId_key" ON "Organization"("mpnId");

-- CreateIndex
CREATE INDEX "Organization_kind_status_legalName_idx" ON "Organization"("kind", "status", "legalName");

-- CreateIndex
CREATE INDEX "Organization_legalName_idx" ON "Organization"("legalName");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderProfile_organizationId_key" ON "ProviderProfile"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_name_idx" ON "User"("organizationId", "name");

-- CreateIndex
CREATE INDEX "User_customerId_name_idx" ON "User"("customerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PartnershipInvitation_tokenHash_key" ON "PartnershipInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "PartnershipInvitation_providerId_state_createdAt_idx" ON "PartnershipInvitation"("providerId", "state", "createdAt");

-- CreateIndex
CREATE INDEX "PartnershipInvitation_resellerEmail_state_idx" ON "PartnershipInvitation"("resellerEmail", "state");

-- CreateIndex
CREATE INDEX "Partnership_providerId_state_startedAt_idx" ON "Partnership"("providerId", "state", "startedAt");

-- CreateIndex
CREATE INDEX "Partnership_resellerId_state_startedAt_idx" ON "Partnership"("resellerId", "state", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_providerId_resellerId_activeMarker_key" ON "Partnership"("providerId", "resellerId", "activeMarker");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_domainPrefix_key" ON "Customer"("domainPrefix");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_tenantDomain_key" ON "Customer"("tenantDomain");

-- CreateIndex
CREATE INDEX "Customer_providerId_companyName_id_idx" ON "Customer"("providerId", "companyName", "id");

-- CreateIndex
CREATE INDEX "Customer_providerId_managingResellerId_companyName_id_idx" ON "Customer"("providerId", "managingResellerId", "companyName", "id");

-- CreateIndex
CREATE INDEX "Customer_managingResellerId_companyName_id_idx" ON "Customer"("managingResellerId", "companyName", "id");

-- CreateIndex
CREATE INDEX "Customer_companyName_id_idx" ON "Customer"("companyName", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerRelationshipRequest_tokenHash_key" ON "CustomerRelationshipRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "CustomerRelationshipRequest_customerId_state_createdAt_idx" ON "CustomerRelationshipRequest"("customerId", "state", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerRelationshipRequest_providerId_state_createdAt_idx" ON "CustomerRelationshipRequest"("providerId", "state", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerRelationshipRequest_resellerId_state_createdAt_idx" ON "CustomerRelationshipRequest"("resellerId", "state", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_sku_key" ON "Offer"("sku");

-- CreateIndex
CREATE INDEX "Offer_active_name_idx" ON "Offer"("active", "name");

-- CreateIndex
CREATE INDEX "Order_customerId_createdAt_idx" ON "Order"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_placedByOrgId_idempotencyKey_key" ON "Order"("placedByOrgId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

-- CreateIndex
CREATE INDEX "OrderLine_offerId_idx" ON "OrderLine"("offerId");

-- CreateIndex
CREATE INDEX "Subscription_customerId_createdAt_idx" ON "Subscription"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Subscription_resellerId_status_idx" ON "Subscription"("resellerId", "status");

-- CreateIndex
CREATE INDEX "Subscription_supportContactOrgId_status_idx" ON "Subscription"("supportContactOrgId", "status");

-- CreateIndex
CREATE INDEX "Subscription_offerId_idx" ON "Subscription"("offerId");

-- CreateIndex
CREATE INDEX "SubscriptionResellerAssociation_subscriptionId_startedAt_idx" ON "SubscriptionResellerAssociation"("subscriptionId", "startedAt");

-- CreateIndex
CREATE INDEX "SubscriptionResellerAssociation_resellerId_startedAt_idx" ON "SubscriptionResellerAssociation"("resellerId", "startedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorOrgId_occurredAt_idx" ON "AuditEvent"("actorOrgId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_occurredAt_idx" ON "AuditEvent"("targetType", "targetId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_orgIds_idx" ON "AuditEvent" USING GIN ("orgIds");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_nextAttemptAt_idx" ON "OutboxMessage"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_idx" ON "OutboxMessage"("createdAt");

-- CreateIndex
CREATE INDEX "_OfferUpgrades_B_index" ON "_OfferUpgrades"("B");

-- AddForeignKey
ALTER TABLE "ProviderProfile" ADD CONSTRAINT "ProviderProfile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipInvitation" ADD CONSTRAINT "PartnershipInvitation_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipInvitation" ADD CONSTRAINT "PartnershipInvitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipInvitation" ADD CONSTRAINT "PartnershipInvitation_acceptedByOrgId_fkey" FOREIGN KEY ("acceptedByOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipInvitation" ADD CONSTRAINT "PartnershipInvitation_acceptedByUserId_fkey" FOREIGN KEY ("acceptedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "PartnershipInvitation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_managingResellerId_fkey" FOREIGN KEY ("managingResellerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerRelationshipRequest" ADD CONSTRAINT "CustomerRelationshipRequest_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerRelationshipRequest" ADD CONSTRAINT "CustomerRelationshipRequest_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerRelationshipRequest" ADD CONSTRAINT "CustomerRelationshipRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerRelationshipRequest" ADD CONSTRAINT "CustomerRelationshipRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerRelationshipRequest" ADD CONSTRAINT "CustomerRelationshipRequest_respondedById_fkey" FOREIGN KEY ("respondedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_placedByUserId_fkey" FOREIGN KEY ("placedByUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_placedByOrgId_fkey" FOREIGN KEY ("placedByOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_supportContactOrgId_fkey" FOREIGN KEY ("supportContactOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriptionResellerAssociation" ADD CONSTRAINT "SubscriptionResellerAssociation_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriptionResellerAssociation" ADD CONSTRAINT "SubscriptionResellerAssociation_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OfferUpgrades" ADD CONSTRAINT "_OfferUpgrades_A_fkey" FOREIGN KEY ("A") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OfferUpgrades" ADD CONSTRAINT "_OfferUpgrades_B_fkey" FOREIGN KEY ("B") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
