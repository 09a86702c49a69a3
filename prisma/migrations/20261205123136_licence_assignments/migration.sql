-- CreateTable
CREATE TABLE "LicenceAssignment" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignedById" TEXT,

    CONSTRAINT "LicenceAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LicenceAssignment_userId_idx" ON "LicenceAssignment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LicenceAssignment_subscriptionId_userId_key" ON "LicenceAssignment"("subscriptionId", "userId");

-- AddForeignKey
ALTER TABLE "LicenceAssignment" ADD CONSTRAINT "LicenceAssignment_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceAssignment" ADD CONSTRAINT "LicenceAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceAssignment" ADD CONSTRAINT "LicenceAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
