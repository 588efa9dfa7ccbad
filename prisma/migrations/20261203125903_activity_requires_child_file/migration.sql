-- AlterTable
ALTER TABLE "activities" ADD COLUMN     "requiresChildFile" BOOLEAN NOT NULL DEFAULT false;
