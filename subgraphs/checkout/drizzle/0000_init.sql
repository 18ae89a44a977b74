CREATE SCHEMA "checkout";
--> statement-breakpoint
CREATE TABLE "checkout"."adyen_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"psp_reference" text NOT NULL,
	"original_reference" text,
	"merchant_reference" text NOT NULL,
	"event_code" text NOT NULL,
	"success" boolean NOT NULL,
	"amount_value" integer,
	"amount_currency" char(3),
	"reason" text,
	"event_date" text,
	"item" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "checkout"."order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_amount" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "order_lines_quantity_positive" CHECK ("checkout"."order_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "checkout"."orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cart_id" uuid NOT NULL,
	"email" text NOT NULL,
	"status" text DEFAULT 'PENDING_PAYMENT' NOT NULL,
	"total_amount" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_status_valid" CHECK ("checkout"."orders"."status" in ('PENDING_PAYMENT', 'PAID', 'PAYMENT_FAILED')),
	CONSTRAINT "orders_total_nonnegative" CHECK ("checkout"."orders"."total_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "checkout"."outbox_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "checkout"."payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"amount" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"psp_reference" text,
	"result_code" text,
	"refusal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_status_valid" CHECK ("checkout"."payments"."status" in ('PENDING', 'AUTHORISED', 'REFUSED', 'ERROR'))
);
--> statement-breakpoint
ALTER TABLE "checkout"."order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "checkout"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkout"."payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "checkout"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "adyen_notifications_delivery_unique" ON "checkout"."adyen_notifications" USING btree ("psp_reference","event_code","success");--> statement-breakpoint
CREATE INDEX "adyen_notifications_unprocessed_idx" ON "checkout"."adyen_notifications" USING btree ("received_at") WHERE "checkout"."adyen_notifications"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "order_lines_order_id_idx" ON "checkout"."order_lines" USING btree ("order_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_cart_id_unique" ON "checkout"."orders" USING btree ("cart_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_order_id_unique" ON "checkout"."payments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_psp_reference_unique" ON "checkout"."payments" USING btree ("psp_reference");