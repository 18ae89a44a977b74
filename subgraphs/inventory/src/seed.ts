import { sql } from 'drizzle-orm';
import { recordEvent } from '@commerce-graph/events';
import type { InventoryDb } from './db/client.ts';
import { outboxEvents, stockLevels, stockMovements, warehouses } from './db/schema.ts';
import { nextSequences } from './service/availability.ts';

export interface StockSeed {
  warehouses: Array<{ code: string; name: string }>;
  levels: Array<{ variantId: string; warehouseCode: string; onHand: number }>;
}

/**
 * Loads warehouses and stock into an empty inventory schema; false when there already is stock.
 * Tells the catalog which variants can be bought (`inventory.availability.changed`, 1,000
 * variants an event), as any later stock change does. Each level's units arrive as a RECEIPT
 * movement, so the ledger balances from the first row.
 */
export async function seedStock(db: InventoryDb, seed: StockSeed): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed:inventory'))`);
    const [existing] = await tx.select({ id: warehouses.id }).from(warehouses).limit(1);
    if (existing) return false;
    const created = await tx.insert(warehouses).values(seed.warehouses).returning();
    const idByCode = new Map(created.map((w) => [w.code, w.id]));
    const rows = seed.levels.map((level) => {
      const warehouseId = idByCode.get(level.warehouseCode);
      if (!warehouseId)
        throw new Error(`Stock seed names unknown warehouse ${level.warehouseCode}`);
      return { variantId: level.variantId, warehouseId, onHand: level.onHand };
    });
    for (let i = 0; i < rows.length; i += 1_000) {
      const slice = rows.slice(i, i + 1_000);
      await tx.insert(stockLevels).values(slice);
      const received = slice.filter((row) => row.onHand !== 0);
      if (received.length > 0) {
        await tx.insert(stockMovements).values(
          received.map((row) => ({
            variantId: row.variantId,
            warehouseId: row.warehouseId,
            kind: 'RECEIPT' as const,
            onHandDelta: row.onHand,
            note: 'initial stock',
          })),
        );
      }
    }
    const onHand = new Map<string, number>();
    for (const row of rows)
      onHand.set(row.variantId, (onHand.get(row.variantId) ?? 0) + row.onHand);
    const sequences = await nextSequences(tx, onHand.size);
    const changes = [...onHand].map(([variantId, units], i) => ({
      variantId,
      inStock: units > 0,
      sequence: sequences[i]!,
    }));
    for (let i = 0; i < changes.length; i += 1_000) {
      await recordEvent(tx, outboxEvents, 'inventory.availability.changed', {
        changes: changes.slice(i, i + 1_000),
      });
    }
    return true;
  });
}
