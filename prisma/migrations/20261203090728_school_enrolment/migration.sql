-- CreateEnum
CREATE TYPE "SchoolKind" AS ENUM ('MATERNELLE', 'ELEMENTAIRE');

-- CreateEnum
CREATE TYPE "SectorParity" AS ENUM ('ALL', 'EVEN', 'ODD');

-- CreateEnum
CREATE TYPE "SchoolEnrolmentStatus" AS ENUM ('REQUESTED', 'VALIDATED', 'REFUSED');

-- CreateEnum
CREATE TYPE "DerogationStatus" AS ENUM ('NONE', 'REQUESTED', 'GRANTED', 'REFUSED');

-- AlterTable
ALTER TABLE "school_enrolments" DROP COLUMN "school",
ADD COLUMN     "accountId" UUID,
ADD COLUMN     "computedLevel" TEXT NOT NULL,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" UUID,
ADD COLUMN     "derogation" "DerogationStatus" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "derogationDecision" TEXT,
ADD COLUMN     "derogationDetails" TEXT,
ADD COLUMN     "derogationReason" TEXT,
ADD COLUMN     "derogationSchoolId" UUID,
ADD COLUMN     "documents" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "familyId" UUID NOT NULL,
ADD COLUMN     "levelReason" TEXT,
ADD COLUMN     "reference" TEXT NOT NULL,
ADD COLUMN     "refusalReason" TEXT,
ADD COLUMN     "schoolId" UUID NOT NULL,
ADD COLUMN     "sectorSchoolId" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
DROP COLUMN "status",
ADD COLUMN     "status" "SchoolEnrolmentStatus" NOT NULL DEFAULT 'REQUESTED';

-- CreateTable
CREATE TABLE "schools" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SchoolKind" NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "director" TEXT,
    "capacity" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "schools_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "school_sectors" (
    "id" UUID NOT NULL,
    "street" TEXT NOT NULL,
    "streetKey" TEXT NOT NULL,
    "parity" "SectorParity" NOT NULL DEFAULT 'ALL',
    "fromNumber" INTEGER,
    "toNumber" INTEGER,
    "maternelleId" UUID NOT NULL,
    "elementaireId" UUID NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "school_sectors_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "schools_code_key" ON "schools"("code");

-- CreateIndex
CREATE INDEX "school_sectors_streetKey_idx" ON "school_sectors"("streetKey");

-- CreateIndex
CREATE UNIQUE INDEX "school_sectors_streetKey_parity_fromNumber_toNumber_key" ON "school_sectors"("streetKey", "parity", "fromNumber", "toNumber");

-- CreateIndex
CREATE UNIQUE INDEX "school_enrolments_reference_key" ON "school_enrolments"("reference");

-- CreateIndex
CREATE INDEX "school_enrolments_schoolYear_schoolId_level_status_idx" ON "school_enrolments"("schoolYear", "schoolId", "level", "status");

-- CreateIndex
CREATE INDEX "school_enrolments_familyId_idx" ON "school_enrolments"("familyId");

-- AddForeignKey
ALTER TABLE "school_sectors" ADD CONSTRAINT "school_sectors_maternelleId_fkey" FOREIGN KEY ("maternelleId") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_sectors" ADD CONSTRAINT "school_sectors_elementaireId_fkey" FOREIGN KEY ("elementaireId") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_enrolments" ADD CONSTRAINT "school_enrolments_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
