import { sql } from 'drizzle-orm';
import type { CartDb } from '../db/client.ts';

/** Carts deleted per transaction: short transactions, and the index serves each batch. */
export const SWEEP_BATCH = 500;

/** Any replica may run the sweep; this advisory lock lets one at a time do a batch. */
const SWEEP_LOCK = sql`hashtext('cart.abandoned-carts')`;

/**
 * Deletes ACTIVE and MERGED carts (and their lines) nobody changed for `ttlDays`, oldest first,
 * in batches; checked-out carts stay (their order refers to them). Returns how many it deleted;
 * 0 when another replica holds the sweep.
 */
export async function deleteAbandonedCarts(
  db: CartDb,
  ttlDays: number,
  batchSize = SWEEP_BATCH,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const [lock] = await tx.execute<{ locked: boolean }>(
        sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as locked`,
      );
      if (!lock?.locked) return null;
      const rows = await tx.execute<{ id: string }>(sql`
        delete from cart.carts where id in (
          select id from cart.carts
          where updated_at < now() - make_interval(days => ${ttlDays}::int)
            and status in ('ACTIVE', 'MERGED')
          order by updated_at
          limit ${batchSize}
          for update skip locked
        )
        returning id`);
      return rows.length;
    });
    if (batch === null) return deleted;
    deleted += batch;
    if (batch < batchSize) return deleted;
  }
}
