CREATE SEQUENCE "inventory"."availability_sequence" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "inventory"."order_reservations" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"customer_key" text,
	"lines_fingerprint" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_reservations_status_valid" CHECK ("inventory"."order_reservations"."status" in ('RESERVED', 'SOLD', 'RELEASED'))
);
--> statement-breakpoint
CREATE TABLE "inventory"."stock_movements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inventory"."stock_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"variant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_hand_delta" integer DEFAULT 0 NOT NULL,
	"reserved_delta" integer DEFAULT 0 NOT NULL,
	"order_id" uuid,
	"actor" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_kind_valid" CHECK ("inventory"."stock_movements"."kind" in ('RECEIPT', 'ADJUSTMENT', 'RESERVATION', 'RELEASE', 'SALE', 'RETURN', 'TRANSFER_OUT', 'TRANSFER_IN'))
);
--> statement-breakpoint
CREATE TABLE "inventory"."variant_settings" (
	"variant_id" uuid PRIMARY KEY NOT NULL,
	"track_inventory" boolean DEFAULT true NOT NULL,
	"allow_backorder" boolean DEFAULT false NOT NULL,
	"safety_stock" integer DEFAULT 0 NOT NULL,
	"max_per_order" integer,
	"max_per_customer" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "variant_settings_safety_stock_nonnegative" CHECK ("inventory"."variant_settings"."safety_stock" >= 0),
	CONSTRAINT "variant_settings_max_per_order_positive" CHECK ("inventory"."variant_settings"."max_per_order" > 0),
	CONSTRAINT "variant_settings_max_per_customer_positive" CHECK ("inventory"."variant_settings"."max_per_customer" > 0)
);
--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ALTER COLUMN "warehouse_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD COLUMN "backordered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."stock_movements" ADD CONSTRAINT "stock_movements_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "inventory"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_reservations_expiring_idx" ON "inventory"."order_reservations" USING btree ("expires_at") WHERE "inventory"."order_reservations"."status" = 'RESERVED';--> statement-breakpoint
CREATE INDEX "order_reservations_customer_key_idx" ON "inventory"."order_reservations" USING btree ("customer_key");--> statement-breakpoint
CREATE INDEX "stock_movements_variant_idx" ON "inventory"."stock_movements" USING btree ("variant_id","id");--> statement-breakpoint
ALTER TABLE "inventory"."reservations" ADD CONSTRAINT "reservations_backorder_without_warehouse" CHECK (not "inventory"."reservations"."backordered" or "inventory"."reservations"."warehouse_id" is null);