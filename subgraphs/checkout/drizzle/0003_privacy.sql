ALTER TABLE "checkout"."adyen_notifications" ALTER COLUMN "item" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "anonymised_at" timestamp with time zone;