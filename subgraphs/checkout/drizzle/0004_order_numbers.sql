-- Edited after `drizzle-kit generate --name order_numbers`, for the backfill only: the generated
-- single `ADD COLUMN ... GENERATED ALWAYS AS IDENTITY` numbers existing orders in storage order.
-- Here they are numbered in the order they were placed (created_at, then id), from 100001, and
-- the identity sequence continues after the highest number. The end state is the snapshot's.
ALTER TABLE "checkout"."orders" ADD COLUMN "number" bigint;--> statement-breakpoint
UPDATE "checkout"."orders" AS o SET "number" = placed."number"
FROM (
  SELECT "id", 100000 + row_number() OVER (ORDER BY "created_at", "id") AS "number"
  FROM "checkout"."orders"
) AS placed
WHERE o."id" = placed."id";--> statement-breakpoint
ALTER TABLE "checkout"."orders" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."orders" ALTER COLUMN "number" ADD GENERATED ALWAYS AS IDENTITY (sequence name "checkout"."orders_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1);--> statement-breakpoint
SELECT setval('"checkout"."orders_number_seq"', (SELECT coalesce(max("number"), 100000) + 1 FROM "checkout"."orders"), false);--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_unique" ON "checkout"."orders" USING btree ("number");
