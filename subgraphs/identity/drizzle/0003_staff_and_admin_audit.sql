CREATE TABLE "identity"."admin_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"service" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"network" text,
	"request_id" text,
	CONSTRAINT "admin_audit_actor_kind_valid" CHECK ("identity"."admin_audit"."actor_kind" in ('staff', 'partner', 'operator'))
);
--> statement-breakpoint
CREATE TABLE "identity"."staff_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_roles_role_valid" CHECK (role in ('owner', 'catalog-manager', 'stock-manager', 'order-manager', 'customer-support', 'security'))
);
--> statement-breakpoint
ALTER TABLE "identity"."staff_roles" ADD CONSTRAINT "staff_roles_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "identity"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_audit_occurred_at_idx" ON "identity"."admin_audit" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "admin_audit_actor_idx" ON "identity"."admin_audit" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_roles_customer_role_unique" ON "identity"."staff_roles" USING btree ("customer_id","role");