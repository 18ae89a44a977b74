ALTER TABLE "checkout"."payments" DROP CONSTRAINT "payments_status_valid";--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "tracking_number" text;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "checkout"."payments" ADD CONSTRAINT "payments_status_valid" CHECK ("checkout"."payments"."status" in ('PENDING', 'AUTHORISED', 'REFUSED', 'ERROR', 'EXPIRED', 'CANCELLED'));