CREATE TABLE "identity"."privacy_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"actor_kind" text NOT NULL,
	"network" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_audit_action_valid" CHECK ("identity"."privacy_audit"."action" in ('export', 'erasure')),
	CONSTRAINT "privacy_audit_actor_kind_valid" CHECK ("identity"."privacy_audit"."actor_kind" in ('customer', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "identity"."customers" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "identity"."customers" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "privacy_audit_customer_id_idx" ON "identity"."privacy_audit" USING btree ("customer_id","created_at");--> statement-breakpoint
ALTER TABLE "identity"."customers" ADD CONSTRAINT "customers_erased_without_password" CHECK ("identity"."customers"."erased_at" is null or "identity"."customers"."password_hash" is null);