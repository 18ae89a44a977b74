import { asc } from 'drizzle-orm';
import { anyOf, isUuid, loaderByGroup, loaderByKey } from '@commerce-graph/kit';
import type { CheckoutDb } from './db/client.ts';
import { orderLines, orders, payments } from './db/schema.ts';

/** Per-request loaders: every lookup by key in this subgraph is one statement per batch. */
export function createLoaders(db: CheckoutDb) {
  const uuids = (keys: readonly string[]) => keys.filter(isUuid);
  return {
    orderById: loaderByKey(
      (ids: readonly string[]) =>
        db
          .select()
          .from(orders)
          .where(anyOf(orders.id, uuids(ids))),
      (row) => row.id,
    ),
    linesByOrderId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(orderLines)
          .where(anyOf(orderLines.orderId, uuids(ids)))
          .orderBy(asc(orderLines.position)),
      (row) => row.orderId,
    ),
    paymentByOrderId: loaderByKey(
      (ids: readonly string[]) =>
        db
          .select()
          .from(payments)
          .where(anyOf(payments.orderId, uuids(ids))),
      (row) => row.orderId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
