-- Edited after `drizzle-kit generate --name order_discounts`, for the backfill only: a NOT NULL
-- column without a default cannot be added to a table that has orders. Orders placed before
-- discounts existed had none, so their subtotal is their total. The end state is the snapshot's.
ALTER TABLE "checkout"."orders" ADD COLUMN "subtotal_amount" integer;--> statement-breakpoint
UPDATE "checkout"."orders" SET "subtotal_amount" = "total_amount";--> statement-breakpoint
ALTER TABLE "checkout"."orders" ALTER COLUMN "subtotal_amount" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "discount_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "discount_code" text;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD CONSTRAINT "orders_discount_within_subtotal" CHECK ("checkout"."orders"."discount_amount" >= 0 and "checkout"."orders"."discount_amount" <= "checkout"."orders"."subtotal_amount");--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD CONSTRAINT "orders_total_is_subtotal_less_discount" CHECK ("checkout"."orders"."total_amount" = "checkout"."orders"."subtotal_amount" - "checkout"."orders"."discount_amount");
