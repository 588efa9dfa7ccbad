-- CreateIndex
CREATE INDEX "demarches_kind_status_submittedAt_id_idx" ON "demarches"("kind", "status", "submittedAt", "id");
