import DataLoader from 'dataloader';
import { asc, sql } from 'drizzle-orm';
import { anyUuidOf, loaderByGroup, loaderByKey } from '@commerce-graph/kit';
import type { InventoryDb } from './db/client.ts';
import { stockLevels, warehouses } from './db/schema.ts';

/** Per-request loaders: every lookup by key in this subgraph is one statement per batch. */
export function createLoaders(db: InventoryDb) {
  return {
    /** Units available now per variant (0 for a variant inventory has never heard of). */
    availableByVariantId: new DataLoader<string, number>(async (ids) => {
      const rows = await db
        .select({
          variantId: stockLevels.variantId,
          available: sql<number>`sum(${stockLevels.onHand} - ${stockLevels.reserved})::int`,
        })
        .from(stockLevels)
        .where(anyUuidOf(stockLevels.variantId, ids))
        .groupBy(stockLevels.variantId);
      const byId = new Map(rows.map((r) => [r.variantId, r.available]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
    stockLevelsByVariantId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(stockLevels)
          .where(anyUuidOf(stockLevels.variantId, ids))
          .orderBy(asc(stockLevels.warehouseId)),
      (row) => row.variantId,
    ),
    warehouseById: loaderByKey(
      (ids: readonly string[]) => db.select().from(warehouses).where(anyUuidOf(warehouses.id, ids)),
      (row) => row.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
