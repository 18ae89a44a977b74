ALTER TABLE "checkout"."payments" DROP CONSTRAINT "payments_status_valid";--> statement-breakpoint
DROP INDEX "checkout"."orders_cart_id_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "orders_live_cart_id_unique" ON "checkout"."orders" USING btree ("cart_id") WHERE "checkout"."orders"."status" <> 'PAYMENT_FAILED';--> statement-breakpoint
CREATE INDEX "orders_cart_id_idx" ON "checkout"."orders" USING btree ("cart_id");--> statement-breakpoint
CREATE INDEX "payments_pending_created_at_idx" ON "checkout"."payments" USING btree ("created_at") WHERE "checkout"."payments"."status" = 'PENDING';--> statement-breakpoint
ALTER TABLE "checkout"."payments" ADD CONSTRAINT "payments_status_valid" CHECK ("checkout"."payments"."status" in ('PENDING', 'AUTHORISED', 'REFUSED', 'ERROR', 'EXPIRED'));