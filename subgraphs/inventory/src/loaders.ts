import DataLoader from 'dataloader';
import { asc } from 'drizzle-orm';
import { anyUuidOf, loaderByGroup, loaderByKey } from '@commerce-graph/kit';
import type { InventoryDb } from './db/client.ts';
import { stockLevels, warehouses } from './db/schema.ts';
import { DEFAULT_POLICY, readVariantStock, type VariantStock } from './service/availability.ts';

/** Per-request loaders: every lookup by key in this subgraph is one statement per batch. */
export function createLoaders(db: InventoryDb) {
  return {
    /**
     * Policy and free units per variant (defaults and 0 for a variant inventory never heard of):
     * availability and the admin policy of a page of variants in one statement.
     */
    variantStockById: new DataLoader<string, VariantStock>(async (ids) => {
      const byId = await readVariantStock(db, ids);
      return ids.map(
        (id) => byId.get(id.toLowerCase()) ?? { variantId: id, ...DEFAULT_POLICY, free: 0 },
      );
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
