-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "Civility" AS ENUM ('MONSIEUR', 'MADAME');

-- CreateEnum
CREATE TYPE "ContactMeans" AS ENUM ('EMAIL', 'PHONE', 'MOBILE', 'SMS', 'POSTAL_MAIL');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('ACTIVATION', 'PASSWORD_RESET', 'EMAIL_CHANGE');

-- CreateEnum
CREATE TYPE "FamilyStatus" AS ENUM ('KNOWN', 'ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('HOLDER', 'CO_REPRESENTATIVE', 'CHILD', 'CONTACT');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMININ', 'MASCULIN');

-- CreateEnum
CREATE TYPE "AllocataireRegime" AS ENUM ('GENERAL', 'MSA', 'AUTRE');

-- CreateEnum
CREATE TYPE "ParentQuality" AS ENUM ('PERE', 'MERE', 'TUTEUR', 'TUTRICE', 'BEAU_PERE', 'BELLE_MERE', 'FAMILLE_ACCUEIL', 'AUTRE');

-- CreateEnum
CREATE TYPE "DemarcheKind" AS ENUM ('FAMILY_DECLARATION', 'FAMILY_UPDATE', 'SERVICE_ENROLMENT', 'SCHOOL_ENROLMENT');

-- CreateEnum
CREATE TYPE "DemarcheStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'NEEDS_CORRECTION', 'ACCEPTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "DemarcheEventType" AS ENUM ('CREATED', 'SUBMITTED', 'TAKEN', 'CORRECTION_REQUESTED', 'RESUBMITTED', 'ACCEPTED', 'REFUSED', 'MESSAGE');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('LIVRET_FAMILLE', 'JUSTIFICATIF_DOMICILE', 'JUGEMENT', 'PHOTO', 'AUTRE');

-- CreateEnum
CREATE TYPE "StorageProvider" AS ENUM ('LOCAL', 'UPLOADTHING');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('AGENT', 'ADMINISTRATOR');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('STAFF', 'ACCOUNT', 'SYSTEM', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('ALSH', 'VACANCES_SPORTIVES', 'RESTAURATION', 'ACTION_JEUNES', 'ECOLE_MULTISPORT', 'PERISCOLAIRE', 'TRANSPORT');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'REFUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('BOOKED', 'CANCELLED', 'ATTENDED', 'ABSENT');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('ISSUED', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "login" TEXT,
    "email" TEXT NOT NULL,
    "emailVerifiedAt" TIMESTAMP(3),
    "passwordHash" TEXT,
    "status" "AccountStatus" NOT NULL DEFAULT 'PENDING_ACTIVATION',
    "activatedAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "civility" "Civility" NOT NULL,
    "usageName" TEXT NOT NULL,
    "birthName" TEXT,
    "firstNames" TEXT NOT NULL,
    "birthDate" DATE,
    "birthCountryCode" TEXT,
    "birthDepartmentCode" TEXT,
    "birthCommuneCode" TEXT,
    "photoDocumentId" UUID,
    "addressLine" TEXT,
    "streetNumber" TEXT,
    "building" TEXT,
    "apartment" TEXT,
    "addressComplement" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "country" TEXT DEFAULT 'FRANCE',
    "phone" TEXT,
    "mobile" TEXT,
    "preferredContact" "ContactMeans" NOT NULL DEFAULT 'EMAIL',
    "cguAcceptedAt" TIMESTAMP(3) NOT NULL,
    "cguVersion" TEXT NOT NULL,
    "familyId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastLoginAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "franceconnect_identities" (
    "id" UUID NOT NULL,
    "sub" TEXT NOT NULL,
    "accountId" UUID NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "franceconnect_identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_tokens" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signup_drafts" (
    "id" UUID NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "franceConnect" JSONB,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "signup_drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "scope" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "used_challenges" (
    "signatureHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "used_challenges_pkey" PRIMARY KEY ("signatureHash")
);

-- CreateTable
CREATE TABLE "families" (
    "id" UUID NOT NULL,
    "dossierNumber" TEXT NOT NULL,
    "status" "FamilyStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" UUID,

    CONSTRAINT "families_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "child_keys" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "keyHash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" UUID,
    "revokedAt" TIMESTAMP(3),
    "usedAt" TIMESTAMP(3),
    "usedByAccountId" UUID,

    CONSTRAINT "child_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family_members" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "role" "MemberRole" NOT NULL,
    "accountId" UUID,
    "civility" "Civility",
    "usageName" TEXT NOT NULL,
    "birthName" TEXT,
    "firstName" TEXT NOT NULL,
    "sex" "Sex",
    "birthDate" DATE,
    "expectedBirth" BOOLEAN NOT NULL DEFAULT false,
    "expectedBirthDate" DATE,
    "streetNumber" TEXT,
    "streetName" TEXT,
    "building" TEXT,
    "apartment" TEXT,
    "addressComplement" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "country" TEXT,
    "homePhone" TEXT,
    "homePhoneUnlisted" BOOLEAN NOT NULL DEFAULT false,
    "mobile" TEXT,
    "refusesSms" BOOLEAN NOT NULL DEFAULT false,
    "email" TEXT,
    "refusesEmail" BOOLEAN NOT NULL DEFAULT false,
    "profession" TEXT,
    "employer" TEXT,
    "workPhone" TEXT,
    "allocataireMember" BOOLEAN,
    "allocataireRegime" "AllocataireRegime",
    "allocataireOrganisation" TEXT,
    "allocataireNumber" TEXT,
    "dependentChildren" INTEGER,
    "emergencyContact" BOOLEAN NOT NULL DEFAULT false,
    "relationship" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "family_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "parental_links" (
    "childId" UUID NOT NULL,
    "representativeId" UUID NOT NULL,
    "quality" "ParentQuality" NOT NULL,
    "parentalAuthority" BOOLEAN NOT NULL,

    CONSTRAINT "parental_links_pkey" PRIMARY KEY ("childId","representativeId")
);

-- CreateTable
CREATE TABLE "demarches" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "DemarcheKind" NOT NULL,
    "status" "DemarcheStatus" NOT NULL DEFAULT 'DRAFT',
    "accountId" UUID NOT NULL,
    "familyId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "assignedToId" UUID,
    "submissionKey" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "refusalReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "demarches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "demarche_events" (
    "id" UUID NOT NULL,
    "demarcheId" UUID NOT NULL,
    "type" "DemarcheEventType" NOT NULL,
    "fromStatus" "DemarcheStatus",
    "toStatus" "DemarcheStatus",
    "staffId" UUID,
    "accountId" UUID,
    "message" TEXT,
    "remarks" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "demarche_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "provider" "StorageProvider" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "demarche_documents" (
    "demarcheId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "attachedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "demarche_documents_pkey" PRIMARY KEY ("demarcheId","documentId")
);

-- CreateTable
CREATE TABLE "family_documents" (
    "familyId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "keptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "family_documents_pkey" PRIMARY KEY ("familyId","documentId")
);

-- CreateTable
CREATE TABLE "staff_users" (
    "id" UUID NOT NULL,
    "login" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL DEFAULT 'AGENT',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_mails" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_mails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "news_items" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "authorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "news_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "public_documents" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "fileName" TEXT NOT NULL,
    "provider" "StorageProvider" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "public_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "town_settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "town_settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "services" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "ServiceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "minAge" INTEGER NOT NULL DEFAULT 3,
    "maxAge" INTEGER NOT NULL DEFAULT 17,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrolments" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'REQUESTED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "enrolments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservations" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "status" "ReservationStatus" NOT NULL DEFAULT 'BOOKED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reservations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "school_enrolments" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "school" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'REQUESTED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "school_enrolments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "familyId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'ISSUED',
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueDate" DATE NOT NULL,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_login_key" ON "accounts"("login");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_photoDocumentId_key" ON "accounts"("photoDocumentId");

-- CreateIndex
CREATE INDEX "accounts_email_idx" ON "accounts"("email");

-- CreateIndex
CREATE INDEX "accounts_familyId_idx" ON "accounts"("familyId");

-- CreateIndex
CREATE UNIQUE INDEX "franceconnect_identities_sub_key" ON "franceconnect_identities"("sub");

-- CreateIndex
CREATE INDEX "franceconnect_identities_accountId_idx" ON "franceconnect_identities"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "account_tokens_tokenHash_key" ON "account_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "account_tokens_accountId_purpose_idx" ON "account_tokens"("accountId", "purpose");

-- CreateIndex
CREATE INDEX "account_tokens_expiresAt_idx" ON "account_tokens"("expiresAt");

-- CreateIndex
CREATE INDEX "signup_drafts_expiresAt_idx" ON "signup_drafts"("expiresAt");

-- CreateIndex
CREATE INDEX "login_attempts_scope_identifier_createdAt_idx" ON "login_attempts"("scope", "identifier", "createdAt");

-- CreateIndex
CREATE INDEX "login_attempts_scope_ipAddress_createdAt_idx" ON "login_attempts"("scope", "ipAddress", "createdAt");

-- CreateIndex
CREATE INDEX "login_attempts_createdAt_idx" ON "login_attempts"("createdAt");

-- CreateIndex
CREATE INDEX "used_challenges_expiresAt_idx" ON "used_challenges"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "families_dossierNumber_key" ON "families"("dossierNumber");

-- CreateIndex
CREATE UNIQUE INDEX "child_keys_keyHash_key" ON "child_keys"("keyHash");

-- CreateIndex
CREATE INDEX "child_keys_familyId_idx" ON "child_keys"("familyId");

-- CreateIndex
CREATE INDEX "family_members_familyId_role_idx" ON "family_members"("familyId", "role");

-- CreateIndex
CREATE INDEX "family_members_accountId_idx" ON "family_members"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "demarches_reference_key" ON "demarches"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "demarches_submissionKey_key" ON "demarches"("submissionKey");

-- CreateIndex
CREATE INDEX "demarches_status_submittedAt_idx" ON "demarches"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "demarches_accountId_kind_idx" ON "demarches"("accountId", "kind");

-- CreateIndex
CREATE INDEX "demarches_updatedAt_idx" ON "demarches"("updatedAt");

-- CreateIndex
CREATE INDEX "demarche_events_demarcheId_createdAt_idx" ON "demarche_events"("demarcheId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "documents_storageKey_key" ON "documents"("storageKey");

-- CreateIndex
CREATE INDEX "documents_ownerId_createdAt_idx" ON "documents"("ownerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_login_key" ON "staff_users"("login");

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users"("email");

-- CreateIndex
CREATE INDEX "audit_logs_at_idx" ON "audit_logs"("at");

-- CreateIndex
CREATE INDEX "audit_logs_actorType_actorId_at_idx" ON "audit_logs"("actorType", "actorId", "at");

-- CreateIndex
CREATE INDEX "audit_logs_targetType_targetId_idx" ON "audit_logs"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "notifications_accountId_createdAt_idx" ON "notifications"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "outbox_mails_to_createdAt_idx" ON "outbox_mails"("to", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "news_items_slug_key" ON "news_items"("slug");

-- CreateIndex
CREATE INDEX "news_items_publishedAt_idx" ON "news_items"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "public_documents_storageKey_key" ON "public_documents"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "services_code_key" ON "services"("code");

-- CreateIndex
CREATE UNIQUE INDEX "enrolments_childId_serviceId_schoolYear_key" ON "enrolments"("childId", "serviceId", "schoolYear");

-- CreateIndex
CREATE UNIQUE INDEX "reservations_enrolmentId_date_key" ON "reservations"("enrolmentId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "school_enrolments_childId_schoolYear_key" ON "school_enrolments"("childId", "schoolYear");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices"("number");

-- CreateIndex
CREATE INDEX "invoices_familyId_issuedAt_idx" ON "invoices"("familyId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "payments_reference_key" ON "payments"("reference");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_photoDocumentId_fkey" FOREIGN KEY ("photoDocumentId") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "families"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "franceconnect_identities" ADD CONSTRAINT "franceconnect_identities_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "families" ADD CONSTRAINT "families_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_keys" ADD CONSTRAINT "child_keys_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "families"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_keys" ADD CONSTRAINT "child_keys_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "families"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "parental_links" ADD CONSTRAINT "parental_links_childId_fkey" FOREIGN KEY ("childId") REFERENCES "family_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "parental_links" ADD CONSTRAINT "parental_links_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "family_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demarches" ADD CONSTRAINT "demarches_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demarches" ADD CONSTRAINT "demarches_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "families"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demarches" ADD CONSTRAINT "demarches_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demarche_events" ADD CONSTRAINT "demarche_events_demarcheId_fkey" FOREIGN KEY ("demarcheId") REFERENCES "demarches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demarche_events" ADD CONSTRAINT "demarche_events_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demarche_documents" ADD CONSTRAINT "demarche_documents_demarcheId_fkey" FOREIGN KEY ("demarcheId") REFERENCES "demarches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demarche_documents" ADD CONSTRAINT "demarche_documents_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_documents" ADD CONSTRAINT "family_documents_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "families"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_documents" ADD CONSTRAINT "family_documents_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_childId_fkey" FOREIGN KEY ("childId") REFERENCES "family_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_enrolments" ADD CONSTRAINT "school_enrolments_childId_fkey" FOREIGN KEY ("childId") REFERENCES "family_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "families"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------
-- Written by hand (Prisma's diff does not see triggers, so later migrations leave this alone).
--
-- "audit_logs" is append-only. It is the evidence of who did what (staff decisions on démarches, sign-ins,
-- changes to a family's dossier); an entry that can be edited or removed proves nothing. The application
-- role usually owns its tables, so privileges alone cannot forbid it: the database refuses UPDATE and DELETE
-- row by row, and TRUNCATE (which fires no row trigger) with a statement trigger. A bug or a compromised
-- application account can add entries, never rewrite history.
-- A retention purge, when the law requires one, is a deliberate administrator operation: inside one
-- transaction, ALTER TABLE "audit_logs" DISABLE TRIGGER USER, delete, ENABLE TRIGGER USER.
-- ---------------------------------------------------------------------------------------------------------

-- CreateFunction
CREATE FUNCTION "audit_logs_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP
        USING HINT = 'Audit entries are evidence: record a new entry instead of changing one.';
END;
$$;

-- CreateTrigger
CREATE TRIGGER "audit_logs_no_update_or_delete"
    BEFORE UPDATE OR DELETE ON "audit_logs"
    FOR EACH ROW EXECUTE FUNCTION "audit_logs_append_only"();

-- CreateTrigger
CREATE TRIGGER "audit_logs_no_truncate"
    BEFORE TRUNCATE ON "audit_logs"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_logs_append_only"();
