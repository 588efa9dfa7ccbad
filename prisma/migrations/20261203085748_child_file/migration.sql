-- CreateEnum
CREATE TYPE "ChildFileChange" AS ENUM ('CREATED', 'UPDATED', 'CONFIRMED');

-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "childId" UUID,
ADD COLUMN     "documentDate" DATE,
ADD COLUMN     "expiryReminderSentAt" TIMESTAMP(3),
ADD COLUMN     "kindCode" TEXT,
ADD COLUMN     "validUntil" DATE;

-- AlterTable
ALTER TABLE "staff_users" ADD COLUMN     "healthDataAccess" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "child_files" (
    "childId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "healthSealed" TEXT NOT NULL,
    "hasPai" BOOLEAN NOT NULL DEFAULT false,
    "hasAllergy" BOOLEAN NOT NULL DEFAULT false,
    "authorisations" JSONB NOT NULL DEFAULT '{}',
    "pickupPeople" JSONB NOT NULL DEFAULT '[]',
    "confirmedSchoolYear" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "attentionVersion" INTEGER,
    "seenVersion" INTEGER,
    "seenAt" TIMESTAMP(3),
    "seenById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "child_files_pkey" PRIMARY KEY ("childId")
);

-- CreateTable
CREATE TABLE "child_file_versions" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "change" "ChildFileChange" NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "authorAccountId" UUID,
    "authorName" TEXT NOT NULL,
    "changedFields" JSONB NOT NULL DEFAULT '[]',
    "snapshotSealed" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "child_file_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "child_files_hasPai_idx" ON "child_files"("hasPai");

-- CreateIndex
CREATE INDEX "child_files_hasAllergy_idx" ON "child_files"("hasAllergy");

-- CreateIndex
CREATE INDEX "child_files_updatedAt_idx" ON "child_files"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "child_file_versions_childId_version_key" ON "child_file_versions"("childId", "version");

-- CreateIndex
CREATE INDEX "documents_validUntil_idx" ON "documents"("validUntil");

-- CreateIndex
CREATE INDEX "documents_childId_idx" ON "documents"("childId");

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_childId_fkey" FOREIGN KEY ("childId") REFERENCES "family_members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_files" ADD CONSTRAINT "child_files_childId_fkey" FOREIGN KEY ("childId") REFERENCES "family_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_file_versions" ADD CONSTRAINT "child_file_versions_childId_fkey" FOREIGN KEY ("childId") REFERENCES "child_files"("childId") ON DELETE CASCADE ON UPDATE CASCADE;
