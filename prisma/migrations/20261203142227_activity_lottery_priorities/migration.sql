-- AlterTable
ALTER TABLE "activities" ADD COLUMN     "lotteryPriorities" TEXT[] DEFAULT ARRAY[]::TEXT[];
