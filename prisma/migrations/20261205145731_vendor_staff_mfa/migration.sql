-- AlterTable
ALTER TABLE "User" ADD COLUMN     "demoAccount" BOOLEAN NOT NULL DEFAULT false;
