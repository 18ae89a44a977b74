ALTER TABLE "cart"."carts" ADD COLUMN "shipping_address" jsonb;--> statement-breakpoint
ALTER TABLE "cart"."carts" ADD COLUMN "billing_address" jsonb;--> statement-breakpoint
ALTER TABLE "cart"."carts" ADD CONSTRAINT "carts_addresses_are_objects" CHECK (("cart"."carts"."shipping_address" is null or jsonb_typeof("cart"."carts"."shipping_address") = 'object')
        and ("cart"."carts"."billing_address" is null or jsonb_typeof("cart"."carts"."billing_address") = 'object'));