CREATE TABLE "checkout"."cart_shipping_selections" (
	"cart_id" uuid PRIMARY KEY NOT NULL,
	"method_code" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkout"."shipping_methods" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"countries" text[] NOT NULL,
	"min_days" integer NOT NULL,
	"max_days" integer NOT NULL,
	"prices" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "shipping_methods_days_valid" CHECK ("checkout"."shipping_methods"."min_days" >= 0 and "checkout"."shipping_methods"."max_days" >= "checkout"."shipping_methods"."min_days"),
	CONSTRAINT "shipping_methods_prices_object" CHECK (jsonb_typeof("checkout"."shipping_methods"."prices") = 'object')
);
--> statement-breakpoint
CREATE TABLE "checkout"."tax_rates" (
	"country_code" char(2) NOT NULL,
	"tax_class" text NOT NULL,
	"rate_basis_points" integer NOT NULL,
	CONSTRAINT "tax_rates_country_code_tax_class_pk" PRIMARY KEY("country_code","tax_class"),
	CONSTRAINT "tax_rates_tax_class_valid" CHECK ("checkout"."tax_rates"."tax_class" in ('STANDARD', 'REDUCED', 'ZERO')),
	CONSTRAINT "tax_rates_rate_valid" CHECK ("checkout"."tax_rates"."rate_basis_points" >= 0 and "checkout"."tax_rates"."rate_basis_points" <= 10000),
	CONSTRAINT "tax_rates_country_upper" CHECK ("checkout"."tax_rates"."country_code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
ALTER TABLE "checkout"."orders" DROP CONSTRAINT "orders_total_is_subtotal_less_discount";--> statement-breakpoint
ALTER TABLE "checkout"."order_lines" ADD COLUMN "discount_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."order_lines" ADD COLUMN "tax_class" text;--> statement-breakpoint
ALTER TABLE "checkout"."order_lines" ADD COLUMN "tax_rate_basis_points" integer;--> statement-breakpoint
ALTER TABLE "checkout"."order_lines" ADD COLUMN "tax_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "shipping_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "tax_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "tax_included" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "tax_lines" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "shipping_address" jsonb;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "billing_address" jsonb;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD COLUMN "shipping_method" jsonb;--> statement-breakpoint
ALTER TABLE "checkout"."cart_shipping_selections" ADD CONSTRAINT "cart_shipping_selections_method_code_shipping_methods_code_fk" FOREIGN KEY ("method_code") REFERENCES "checkout"."shipping_methods"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_customer_number_idx" ON "checkout"."orders" USING btree ("customer_id","number" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "checkout"."order_lines" ADD CONSTRAINT "order_lines_discount_within_total" CHECK ("checkout"."order_lines"."discount_amount" >= 0 and "checkout"."order_lines"."discount_amount" <= "checkout"."order_lines"."unit_amount"::bigint * "checkout"."order_lines"."quantity");--> statement-breakpoint
ALTER TABLE "checkout"."order_lines" ADD CONSTRAINT "order_lines_tax_class_valid" CHECK ("checkout"."order_lines"."tax_class" is null or "checkout"."order_lines"."tax_class" in ('STANDARD', 'REDUCED', 'ZERO'));--> statement-breakpoint
ALTER TABLE "checkout"."order_lines" ADD CONSTRAINT "order_lines_tax_nonnegative" CHECK ("checkout"."order_lines"."tax_amount" >= 0);--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD CONSTRAINT "orders_shipping_nonnegative" CHECK ("checkout"."orders"."shipping_amount" >= 0);--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD CONSTRAINT "orders_tax_nonnegative" CHECK ("checkout"."orders"."tax_amount" >= 0);--> statement-breakpoint
ALTER TABLE "checkout"."orders" ADD CONSTRAINT "orders_total_adds_up" CHECK ("checkout"."orders"."total_amount" = "checkout"."orders"."subtotal_amount" - "checkout"."orders"."discount_amount" + "checkout"."orders"."shipping_amount" + case when "checkout"."orders"."tax_included" then 0 else "checkout"."orders"."tax_amount" end);