ALTER TABLE "checkout"."orders" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "access_key_hash" text;