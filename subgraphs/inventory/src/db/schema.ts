import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { defineOutboxTable } from '@commerce-graph/events';

export const inventorySchema = pgSchema('inventory');

export const warehouses = inventorySchema.table('warehouses', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

/**
 * Units of a variant in a warehouse. The check constraints are the last line of defence against
 * overselling: no code path can leave reserved above on hand.
 */
export const stockLevels = inventorySchema.table(
  'stock_levels',
  {
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.warehouseId] }),
    check('stock_levels_on_hand_nonnegative', sql`${t.onHand} >= 0`),
    check('stock_levels_reserved_range', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
  ],
);

export const reservationStatus = ['RESERVED', 'SOLD', 'RELEASED'] as const;
export type ReservationStatus = (typeof reservationStatus)[number];

/** One order's hold on units of one variant in one warehouse. */
export const reservations = inventorySchema.table(
  'reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    quantity: integer('quantity').notNull(),
    status: text('status').$type<ReservationStatus>().notNull().default('RESERVED'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reservations_order_id_idx').on(t.orderId),
    check('reservations_quantity_positive', sql`${t.quantity} > 0`),
    check('reservations_status_valid', sql`${t.status} in ('RESERVED', 'SOLD', 'RELEASED')`),
  ],
);

/** Events inventory produces (the audit of admin stock changes), relayed to the bus. */
export const outboxEvents = defineOutboxTable(inventorySchema);

export type WarehouseRow = typeof warehouses.$inferSelect;
export type StockLevelRow = typeof stockLevels.$inferSelect;
export type ReservationRow = typeof reservations.$inferSelect;
