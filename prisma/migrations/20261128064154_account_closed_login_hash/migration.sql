-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "closedLoginHash" TEXT;

-- CreateIndex
CREATE INDEX "accounts_closedLoginHash_idx" ON "accounts"("closedLoginHash");
