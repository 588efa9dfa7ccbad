-- CreateEnum
CREATE TYPE "QuotientSource" AS ENUM ('API_PARTICULIER', 'ATTESTATION');

-- CreateEnum
CREATE TYPE "QuotientStatus" AS ENUM ('RETRIEVED', 'VALID', 'DISPUTED', 'SUBMITTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "BillingRunStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "BillableState" AS ENUM ('PRESENT', 'ABSENT_UNJUSTIFIED', 'LATE_CANCELLATION', 'WALK_IN', 'ABSENT_JUSTIFIED', 'FLAT_FEE', 'CREDIT');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('PAYFIP', 'CASH', 'CHEQUE', 'CESU', 'TRANSFER');

-- AlterEnum
ALTER TYPE "InvoiceStatus" ADD VALUE 'DRAFT';

-- AlterEnum
BEGIN;
CREATE TYPE "PaymentStatus_new" AS ENUM ('PENDING', 'SUCCEEDED', 'REFUSED', 'ABANDONED', 'EXPIRED');
ALTER TABLE "public"."payments" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "payments" ALTER COLUMN "status" TYPE "PaymentStatus_new" USING ("status"::text::"PaymentStatus_new");
ALTER TYPE "PaymentStatus" RENAME TO "PaymentStatus_old";
ALTER TYPE "PaymentStatus_new" RENAME TO "PaymentStatus";
DROP TYPE "public"."PaymentStatus_old";
ALTER TABLE "payments" ALTER COLUMN "status" SET DEFAULT 'PENDING';
COMMIT;

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "correctionReason" TEXT,
ADD COLUMN     "correctsId" UUID,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "creditedCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" "InvoiceKind" NOT NULL DEFAULT 'INVOICE',
ADD COLUMN     "paidCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quotientBracket" TEXT NOT NULL,
ADD COLUMN     "quotientValue" INTEGER,
ADD COLUMN     "refundableCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refundedCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "regie" TEXT NOT NULL,
ADD COLUMN     "reminderSentAt" TIMESTAMP(3),
ADD COLUMN     "runId" UUID,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL,
ALTER COLUMN "number" DROP NOT NULL,
ALTER COLUMN "status" SET DEFAULT 'DRAFT',
ALTER COLUMN "issuedAt" DROP NOT NULL,
ALTER COLUMN "issuedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "payments" DROP COLUMN "provider",
ADD COLUMN     "accountId" UUID,
ADD COLUMN     "idOp" TEXT,
ADD COLUMN     "method" "PaymentMethod" NOT NULL,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "pendingInvoiceId" UUID,
ADD COLUMN     "recordedById" UUID,
ADD COLUMN     "resultrans" TEXT;

-- CreateTable
CREATE TABLE "quotients_familiaux" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "value" INTEGER,
    "source" "QuotientSource" NOT NULL,
    "status" "QuotientStatus" NOT NULL,
    "provider" TEXT,
    "referenceMonth" TEXT,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE NOT NULL,
    "documentId" UUID,
    "accountId" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "quotients_familiaux_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_runs" (
    "id" UUID NOT NULL,
    "regie" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "status" "BillingRunStatus" NOT NULL DEFAULT 'DRAFT',
    "dueDate" DATE NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "publishedAt" TIMESTAMP(3),
    "publishedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "billing_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_counters" (
    "regie" TEXT NOT NULL,
    "kind" "InvoiceKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "invoice_counters_pkey" PRIMARY KEY ("regie","kind","year")
);

-- CreateTable
CREATE TABLE "invoice_lines" (
    "id" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "childId" UUID,
    "childName" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "activityCode" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "state" "BillableState" NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "reductionCents" INTEGER NOT NULL DEFAULT 0,
    "amountCents" INTEGER NOT NULL,
    "pricing" TEXT NOT NULL,
    "warning" TEXT,
    "correction" TEXT,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "sourceId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "creditNoteId" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "reference" TEXT,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "quotients_familiaux_familyId_status_validFrom_idx" ON "quotients_familiaux"("familyId", "status", "validFrom");

-- CreateIndex
CREATE INDEX "quotients_familiaux_status_createdAt_idx" ON "quotients_familiaux"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "billing_runs_regie_month_key" ON "billing_runs"("regie", "month");

-- CreateIndex
CREATE INDEX "invoice_lines_invoiceId_position_idx" ON "invoice_lines"("invoiceId", "position");

-- CreateIndex
CREATE INDEX "invoice_lines_sourceId_idx" ON "invoice_lines"("sourceId");

-- CreateIndex
CREATE INDEX "refunds_creditNoteId_idx" ON "refunds"("creditNoteId");

-- CreateIndex
CREATE INDEX "invoices_runId_idx" ON "invoices"("runId");

-- CreateIndex
CREATE INDEX "invoices_regie_status_issuedAt_idx" ON "invoices"("regie", "status", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "payments_idOp_key" ON "payments"("idOp");

-- CreateIndex
CREATE UNIQUE INDEX "payments_pendingInvoiceId_key" ON "payments"("pendingInvoiceId");

-- CreateIndex
CREATE INDEX "payments_invoiceId_idx" ON "payments"("invoiceId");

-- CreateIndex
CREATE INDEX "payments_status_createdAt_idx" ON "payments"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "quotients_familiaux" ADD CONSTRAINT "quotients_familiaux_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "families"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_runId_fkey" FOREIGN KEY ("runId") REFERENCES "billing_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what the database itself guarantees about money (lib/billing/).
-- An invoice is never paid or credited beyond its amount; amounts are never negative. Triggers rather than CHECK
-- constraints: the offline schema engine (WebAssembly) panics when it introspects a CHECK, which breaks `db:status`.
CREATE FUNCTION invoices_amounts_consistent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (
    NEW."amountCents" >= 0 AND NEW."paidCents" >= 0 AND NEW."creditedCents" >= 0 AND NEW."paidCents" + NEW."creditedCents" <= NEW."amountCents"
    AND NEW."refundableCents" >= 0 AND NEW."refundedCents" >= 0 AND NEW."refundedCents" <= NEW."refundableCents"
  ) THEN
    RAISE EXCEPTION 'invoices_amounts_consistent' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "invoices_amounts_consistent" BEFORE INSERT OR UPDATE ON "invoices" FOR EACH ROW EXECUTE FUNCTION invoices_amounts_consistent();

-- Payments and refunds: a positive amount (one function for both tables, which share the column).
CREATE FUNCTION billing_amount_positive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (NEW."amountCents" > 0) THEN
    RAISE EXCEPTION '%_amount_positive', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "payments_amount_positive" BEFORE INSERT OR UPDATE ON "payments" FOR EACH ROW EXECUTE FUNCTION billing_amount_positive();
CREATE TRIGGER "refunds_amount_positive" BEFORE INSERT OR UPDATE ON "refunds" FOR EACH ROW EXECUTE FUNCTION billing_amount_positive();

CREATE FUNCTION quotients_familiaux_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (NEW."validFrom" <= NEW."validUntil" AND (NEW."value" IS NULL OR NEW."value" >= 0)) THEN
    RAISE EXCEPTION 'quotients_familiaux_period' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "quotients_familiaux_period" BEFORE INSERT OR UPDATE ON "quotients_familiaux" FOR EACH ROW EXECUTE FUNCTION quotients_familiaux_period();

-- A published invoice is immutable: its number, family, amount, period and lines never change again
-- (only what is paid, credited or refunded moves, and its status with them).
CREATE FUNCTION billing_published_invoice_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'DRAFT' AND (
    NEW."number" IS DISTINCT FROM OLD."number" OR NEW."amountCents" <> OLD."amountCents" OR NEW."familyId" <> OLD."familyId"
    OR NEW."period" <> OLD."period" OR NEW."kind" <> OLD."kind" OR NEW."regie" <> OLD."regie" OR NEW."dueDate" <> OLD."dueDate"
    OR NEW."status" = 'DRAFT'
  ) THEN
    RAISE EXCEPTION 'published invoice % is immutable', OLD."number" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "invoices_published_immutable" BEFORE UPDATE ON "invoices" FOR EACH ROW EXECUTE FUNCTION billing_published_invoice_immutable();

CREATE FUNCTION billing_published_invoice_refuses_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'DRAFT' THEN
    RAISE EXCEPTION 'published invoice % cannot be deleted', OLD."number" USING ERRCODE = 'check_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER "invoices_published_no_delete" BEFORE DELETE ON "invoices" FOR EACH ROW EXECUTE FUNCTION billing_published_invoice_refuses_delete();

CREATE FUNCTION billing_published_lines_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  invoice_status "InvoiceStatus";
BEGIN
  SELECT "status" INTO invoice_status FROM "invoices" WHERE "id" = COALESCE(NEW."invoiceId", OLD."invoiceId");
  IF invoice_status IS NOT NULL AND invoice_status <> 'DRAFT' THEN
    RAISE EXCEPTION 'lines of a published invoice are immutable' USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER "invoice_lines_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "invoice_lines" FOR EACH ROW EXECUTE FUNCTION billing_published_lines_immutable();
