CREATE TABLE "checkout"."idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"cart_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"action" jsonb,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_order_id_unique" ON "checkout"."idempotency_keys" USING btree ("order_id");