CREATE TABLE "checkout"."order_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"cause" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkout"."orders" DROP CONSTRAINT "orders_status_valid";--> statement-breakpoint
ALTER TABLE "checkout"."order_history" ADD CONSTRAINT "order_history_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "checkout"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_history_order_id_idx" ON "checkout"."order_history" USING btree ("order_id","at");--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD CONSTRAINT "orders_status_valid" CHECK ("checkout"."orders"."status" in ('PENDING_PAYMENT', 'AUTHORISED', 'PAID', 'FULFILLED', 'CANCELLED', 'PAYMENT_FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED'));