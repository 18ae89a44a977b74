-- Custom SQL migration (drizzle-kit generate --custom): a data backfill, which drizzle cannot
-- express. Stock loaded before the ledger existed gets one opening movement per level, so on hand
-- and reserved equal the sums of movements from here on; orders reserved before order headers
-- existed get one, so repeats, releases and the expiry sweep treat them like new ones.
INSERT INTO "inventory"."stock_movements" ("variant_id", "warehouse_id", "kind", "on_hand_delta", "reserved_delta", "note")
SELECT "variant_id", "warehouse_id", 'RECEIPT', "on_hand", "reserved", 'opening balance'
FROM "inventory"."stock_levels"
WHERE "on_hand" <> 0 OR "reserved" <> 0;
--> statement-breakpoint
INSERT INTO "inventory"."order_reservations" ("order_id", "status", "expires_at", "created_at", "updated_at")
SELECT "order_id",
  CASE WHEN bool_or("status" = 'RESERVED') THEN 'RESERVED'
       WHEN bool_or("status" = 'SOLD') THEN 'SOLD'
       ELSE 'RELEASED' END,
  min("created_at") + interval '15 minutes',
  min("created_at"),
  max("updated_at")
FROM "inventory"."reservations"
GROUP BY "order_id";
