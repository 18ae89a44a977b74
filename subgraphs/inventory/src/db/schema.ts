import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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

/**
 * The reservation of one order as a whole: its status is what a repeated `reserveStock` answers,
 * and a release recorded before the reserve (checkout gave up waiting) makes that reserve refuse.
 */
export const orderReservations = inventorySchema.table(
  'order_reservations',
  {
    orderId: uuid('order_id').primaryKey(),
    status: text('status').$type<ReservationStatus>().notNull(),
    /** Who buys (purchase limits per customer count by it); null for a release before any reserve. */
    customerKey: text('customer_key'),
    /** The order's lines, summed per variant and sorted (`<variant>:<qty>,...`): a repeat must match. */
    linesFingerprint: text('lines_fingerprint'),
    /** When an unpaid reservation expires; null for a release before any reserve. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The expiry sweep reads only live reservations, oldest expiry first.
    index('order_reservations_expiring_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'RESERVED'`),
    index('order_reservations_customer_key_idx').on(t.customerKey),
    check('order_reservations_status_valid', sql`${t.status} in ('RESERVED', 'SOLD', 'RELEASED')`),
  ],
);

/**
 * One order's hold on units of one variant in one warehouse. Without a warehouse the units are
 * not taken from stock: a backorder (`backordered`), or a variant inventory does not track.
 */
export const reservations = inventorySchema.table(
  'reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id').references(() => warehouses.id),
    quantity: integer('quantity').notNull(),
    backordered: boolean('backordered').notNull().default(false),
    status: text('status').$type<ReservationStatus>().notNull().default('RESERVED'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reservations_order_id_idx').on(t.orderId),
    check('reservations_quantity_positive', sql`${t.quantity} > 0`),
    check('reservations_status_valid', sql`${t.status} in ('RESERVED', 'SOLD', 'RELEASED')`),
    check(
      'reservations_backorder_without_warehouse',
      sql`not ${t.backordered} or ${t.warehouseId} is null`,
    ),
  ],
);

export const stockMovementKinds = [
  'RECEIPT',
  'ADJUSTMENT',
  'RESERVATION',
  'RELEASE',
  'SALE',
  'RETURN',
  'TRANSFER_OUT',
  'TRANSFER_IN',
] as const;
export type StockMovementKind = (typeof stockMovementKinds)[number];

/**
 * The append-only ledger: every change of a `stock_levels` row writes its movement in the same
 * transaction, so on hand and reserved are always the sums of the deltas per (variant, warehouse).
 */
export const stockMovements = inventorySchema.table(
  'stock_movements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    kind: text('kind').$type<StockMovementKind>().notNull(),
    onHandDelta: integer('on_hand_delta').notNull().default(0),
    reservedDelta: integer('reserved_delta').notNull().default(0),
    orderId: uuid('order_id'),
    /** `staff:<id>` or `partner:<key id>` for admin changes. */
    actor: text('actor'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movements_variant_idx').on(t.variantId, t.id),
    check(
      'stock_movements_kind_valid',
      sql`${t.kind} in ('RECEIPT', 'ADJUSTMENT', 'RESERVATION', 'RELEASE', 'SALE', 'RETURN', 'TRANSFER_OUT', 'TRANSFER_IN')`,
    ),
  ],
);

/** How inventory treats a variant; a variant without a row has the column defaults. */
export const variantSettings = inventorySchema.table(
  'variant_settings',
  {
    variantId: uuid('variant_id').primaryKey(),
    trackInventory: boolean('track_inventory').notNull().default(true),
    allowBackorder: boolean('allow_backorder').notNull().default(false),
    safetyStock: integer('safety_stock').notNull().default(0),
    maxPerOrder: integer('max_per_order'),
    maxPerCustomer: integer('max_per_customer'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('variant_settings_safety_stock_nonnegative', sql`${t.safetyStock} >= 0`),
    check('variant_settings_max_per_order_positive', sql`${t.maxPerOrder} > 0`),
    check('variant_settings_max_per_customer_positive', sql`${t.maxPerCustomer} > 0`),
  ],
);

/** Orders every `inventory.availability.changed` change, so consumers can drop a stale one. */
export const availabilitySequence = inventorySchema.sequence('availability_sequence');

/** Events inventory produces (the audit of admin stock changes), relayed to the bus. */
export const outboxEvents = defineOutboxTable(inventorySchema);

export type WarehouseRow = typeof warehouses.$inferSelect;
export type StockLevelRow = typeof stockLevels.$inferSelect;
export type ReservationRow = typeof reservations.$inferSelect;
export type OrderReservationRow = typeof orderReservations.$inferSelect;
export type StockMovementRow = typeof stockMovements.$inferSelect;
export type VariantSettingsRow = typeof variantSettings.$inferSelect;
