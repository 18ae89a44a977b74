import { sql } from 'drizzle-orm';
import { recordEvent } from '@commerce-graph/events';
import { isUuid } from '@commerce-graph/kit';
import type { InventoryDb, InventoryTx } from '../db/client.ts';
import { outboxEvents, stockLevels, variantSettings } from '../db/schema.ts';

/** What inventory knows of one variant: its policy and the units free across warehouses. */
export interface VariantStock {
  variantId: string;
  tracked: boolean;
  backorderable: boolean;
  safetyStock: number;
  maxPerOrder: number | null;
  maxPerCustomer: number | null;
  /** On hand minus reserved, summed over warehouses (before the safety stock is kept back). */
  free: number;
}

/** Availability as the public schema shows it. */
export interface AvailabilityView {
  available: number;
  inStock: boolean;
  backorderable: boolean;
  tracked: boolean;
  maxPerOrder: number | null;
  maxPerCustomer: number | null;
}

/** The policy of a variant nobody set one for (the `variant_settings` column defaults). */
export const DEFAULT_POLICY = {
  tracked: true,
  backorderable: false,
  safetyStock: 0,
  maxPerOrder: null,
  maxPerCustomer: null,
} as const;

/** Units promisable now: free units minus the safety stock, never below 0. */
export function promisable(stock: VariantStock): number {
  return Math.max(0, stock.free - stock.safetyStock);
}

/** Whether the variant can be ordered now; false is what the sold-out marker caches. */
export function isInStock(stock: VariantStock): boolean {
  return !stock.tracked || stock.backorderable || promisable(stock) > 0;
}

export function availabilityOf(stock: VariantStock): AvailabilityView {
  return {
    available: promisable(stock),
    inStock: isInStock(stock),
    backorderable: stock.backorderable,
    tracked: stock.tracked,
    maxPerOrder: stock.maxPerOrder,
    maxPerCustomer: stock.maxPerCustomer,
  };
}

type Executor = Pick<InventoryDb, 'execute'> | Pick<InventoryTx, 'execute'>;

/**
 * Policy and free units of each variant in one statement, whatever the batch size (a variant
 * inventory never heard of has the defaults and 0 free; a malformed id is left out). In a transaction that locked the stock
 * rows first, it reads what the lock holder may change.
 */
export async function readVariantStock(
  db: Executor,
  variantIds: readonly string[],
): Promise<Map<string, VariantStock>> {
  const rows = await db.execute<{
    variant_id: string;
    track_inventory: boolean | null;
    allow_backorder: boolean | null;
    safety_stock: number | null;
    max_per_order: number | null;
    max_per_customer: number | null;
    free: number;
  }>(sql`
    select v.id as variant_id, s.track_inventory, s.allow_backorder, s.safety_stock,
           s.max_per_order, s.max_per_customer,
           coalesce((select sum(l.on_hand - l.reserved) from ${stockLevels} l
                     where l.variant_id = v.id), 0)::int as free
    from unnest(${sql.param(variantIds.filter(isUuid))}::uuid[]) as v(id)
    left join ${variantSettings} s on s.variant_id = v.id`);
  return new Map(
    rows.map((row) => [
      row.variant_id,
      {
        variantId: row.variant_id,
        tracked: row.track_inventory ?? DEFAULT_POLICY.tracked,
        backorderable: row.allow_backorder ?? DEFAULT_POLICY.backorderable,
        safetyStock: row.safety_stock ?? DEFAULT_POLICY.safetyStock,
        maxPerOrder: row.max_per_order,
        maxPerCustomer: row.max_per_customer,
        free: row.free,
      },
    ]),
  );
}

/** Postgres channel on which every replica hears variants going out of or into stock. */
export const STOCK_CHANNEL = 'inventory_stock';

/** What travels on `STOCK_CHANNEL`: variants that went out of stock, and back in. */
export interface StockNotice {
  soldOut: string[];
  inStock: string[];
}

/**
 * Records `inventory.availability.changed` for the variants whose `inStock` flipped between
 * `before` and `after`, each change with the next `inventory.availability_sequence` value, and
 * tells every replica's sold-out marker on `STOCK_CHANNEL` (delivered at commit, in commit
 * order). Call it while holding the variants' stock row locks, so sequence order is commit order
 * per variant. True when it recorded an event (the caller flushes the outbox after commit).
 */
export async function recordAvailability(
  tx: InventoryTx,
  before: ReadonlyMap<string, VariantStock>,
  after: ReadonlyMap<string, VariantStock>,
): Promise<boolean> {
  const flipped = [...after.values()]
    .filter((now) => {
      const was = before.get(now.variantId);
      return (was ? isInStock(was) : false) !== isInStock(now);
    })
    .sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
  if (flipped.length === 0) return false;
  const sequences = await nextSequences(tx, flipped.length);
  const changes = flipped.map((stock, i) => ({
    variantId: stock.variantId,
    inStock: isInStock(stock),
    sequence: sequences[i]!,
  }));
  for (let i = 0; i < changes.length; i += 1_000) {
    await recordEvent(tx, outboxEvents, 'inventory.availability.changed', {
      changes: changes.slice(i, i + 1_000),
    });
  }
  // A NOTIFY payload holds under 8,000 bytes: 100 ids a notice.
  for (let i = 0; i < changes.length; i += 100) {
    const slice = changes.slice(i, i + 100);
    const notice: StockNotice = {
      soldOut: slice.filter((c) => !c.inStock).map((c) => c.variantId),
      inStock: slice.filter((c) => c.inStock).map((c) => c.variantId),
    };
    await tx.execute(sql`select pg_notify(${STOCK_CHANNEL}, ${JSON.stringify(notice)})`);
  }
  return true;
}

/** `count` values of `inventory.availability_sequence`, ascending. */
export async function nextSequences(tx: Executor, count: number): Promise<number[]> {
  const rows = await tx.execute<{ n: string }>(
    sql`select nextval('inventory.availability_sequence')::text as n from generate_series(1, ${count})`,
  );
  return rows.map((row) => Number(row.n)).sort((a, b) => a - b);
}
