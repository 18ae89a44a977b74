import { sql, type SQL } from 'drizzle-orm';
import type { CartDb } from '../db/client.ts';

/** Carts changed per transaction: short transactions, and the index serves each batch. */
export const SWEEP_BATCH = 500;

/** Any replica may run the sweep; this advisory lock lets one at a time do a batch. */
const SWEEP_LOCK = sql`hashtext('cart.abandoned-carts')`;

/** Carts nobody changed for `ttlDays`, oldest first, one batch, skipping rows in use. */
const staleCarts = (ttlDays: number, status: SQL, batchSize: number) => sql`
  select id from cart.carts
  where updated_at < now() - make_interval(days => ${ttlDays}::int) and ${status}
  order by updated_at
  limit ${batchSize}
  for update skip locked`;

/**
 * Runs `statement` (which returns the rows it changed) batch after batch under the sweep lock
 * until a batch is short. Returns the rows changed; stops at once when another replica holds
 * the sweep.
 */
async function inBatches(db: CartDb, statement: SQL, batchSize: number): Promise<number> {
  let changed = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const [lock] = await tx.execute<{ locked: boolean }>(
        sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as locked`,
      );
      if (!lock?.locked) return null;
      return (await tx.execute<{ id: string }>(statement)).length;
    });
    if (batch === null) return changed;
    changed += batch;
    if (batch < batchSize) return changed;
  }
}

/**
 * Deletes ACTIVE and MERGED carts (and their lines) nobody changed for `ttlDays`, oldest first,
 * in batches; checked-out carts stay (their order refers to them). Returns how many it deleted;
 * 0 when another replica holds the sweep.
 */
export function deleteAbandonedCarts(
  db: CartDb,
  ttlDays: number,
  batchSize = SWEEP_BATCH,
): Promise<number> {
  const stale = staleCarts(ttlDays, sql`status in ('ACTIVE', 'MERGED')`, batchSize);
  return inBatches(db, sql`delete from cart.carts where id in (${stale}) returning id`, batchSize);
}

/**
 * Clears the addresses of CHECKED_OUT carts nobody changed for `ttlDays`: their order keeps its
 * own copy, and a guest cart's address would otherwise name its shopper for ever (erasure by
 * customer id cannot find a guest cart). `updated_at` is left as it was. Returns how many carts
 * it cleared; 0 when another replica holds the sweep.
 */
export function forgetOrderedCartAddresses(
  db: CartDb,
  ttlDays: number,
  batchSize = SWEEP_BATCH,
): Promise<number> {
  const stale = staleCarts(
    ttlDays,
    sql`status = 'CHECKED_OUT' and (shipping_address is not null or billing_address is not null)`,
    batchSize,
  );
  return inBatches(
    db,
    sql`update cart.carts set shipping_address = null, billing_address = null
        where id in (${stale}) returning id`,
    batchSize,
  );
}
