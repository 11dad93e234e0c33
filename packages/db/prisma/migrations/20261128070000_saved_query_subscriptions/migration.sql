-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "query" JSONB;

