import { asc } from 'drizzle-orm';
import { anyUuidOf, loaderByGroup, loaderByKey } from '@commerce-graph/kit';
import type { CheckoutDb } from './db/client.ts';
import { orderLines, orders, payments } from './db/schema.ts';

/** Per-request loaders: every lookup by key in this subgraph is one statement per batch. */
export function createLoaders(db: CheckoutDb) {
  return {
    orderById: loaderByKey(
      (ids: readonly string[]) => db.select().from(orders).where(anyUuidOf(orders.id, ids)),
      (row) => row.id,
    ),
    linesByOrderId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(orderLines)
          .where(anyUuidOf(orderLines.orderId, ids))
          .orderBy(asc(orderLines.position)),
      (row) => row.orderId,
    ),
    paymentByOrderId: loaderByKey(
      (ids: readonly string[]) =>
        db.select().from(payments).where(anyUuidOf(payments.orderId, ids)),
      (row) => row.orderId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
