-- Trigram matching for the staff search by part of a name or an address (a trusted extension since PostgreSQL 13:
-- the database owner may create it; on a managed database, allow it once if needed).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "accounts_usageName_trgm_idx" ON "accounts" USING GIN ("usageName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "accounts_firstNames_trgm_idx" ON "accounts" USING GIN ("firstNames" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "accounts_email_trgm_idx" ON "accounts" USING GIN ("email" gin_trgm_ops);
