-- CreateEnum
CREATE TYPE "DelegatedRole" AS ENUM ('GLOBAL_READER', 'USER_ADMINISTRATOR', 'HELPDESK_ADMINISTRATOR', 'LICENSE_ADMINISTRATOR', 'GLOBAL_ADMINISTRATOR');

-- CreateTable
CREATE TABLE "AdminRelationship" (
    "id" TEXT NOT NULL,
    "partnerOrgId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" "DelegatedRole"[],
    "durationDays" INTEGER NOT NULL,
    "autoExtend" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "requestExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "approvedAt" TIMESTAMPTZ(3),
    "approvedById" TEXT,
    "endsAt" TIMESTAMPTZ(3),
    "declinedAt" TIMESTAMPTZ(3),
    "terminatedAt" TIMESTAMPTZ(3),
    "terminatedById" TEXT,

    CONSTRAINT "AdminRelationship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessAssignment" (
    "id" TEXT NOT NULL,
    "relationshipId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "roles" "DelegatedRole"[],

    CONSTRAINT "AccessAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminRelationshipNotice" (
    "relationshipId" TEXT NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "daysBefore" INTEGER NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdminRelationshipNotice_pkey" PRIMARY KEY ("relationshipId","endsAt","daysBefore")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdminRelationship_tokenHash_key" ON "AdminRelationship"("tokenHash");

-- CreateIndex
CREATE INDEX "AdminRelationship_customerId_requestedAt_idx" ON "AdminRelationship"("customerId", "requestedAt");

-- CreateIndex
CREATE INDEX "AdminRelationship_partnerOrgId_customerId_idx" ON "AdminRelationship"("partnerOrgId", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "AdminRelationship_partnerOrgId_name_key" ON "AdminRelationship"("partnerOrgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AccessAssignment_relationshipId_groupId_key" ON "AccessAssignment"("relationshipId", "groupId");

-- AddForeignKey
ALTER TABLE "AdminRelationship" ADD CONSTRAINT "AdminRelationship_partnerOrgId_fkey" FOREIGN KEY ("partnerOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminRelationship" ADD CONSTRAINT "AdminRelationship_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessAssignment" ADD CONSTRAINT "AccessAssignment_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "AdminRelationship"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessAssignment" ADD CONSTRAINT "AccessAssignment_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "UserGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminRelationshipNotice" ADD CONSTRAINT "AdminRelationshipNotice_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "AdminRelationship"("id") ON DELETE CASCADE ON UPDATE CASCADE;
