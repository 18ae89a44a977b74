/** The order state machine: which status may follow which, and the one way to change it. */
import { eq, sql } from 'drizzle-orm';
import type { Logger } from '@commerce-graph/kit';
import { orderHistory, orders, type OrderRow, type OrderStatus } from '../db/schema.ts';

type OrderInsert = typeof orders.$inferInsert;
import type { Tx } from './payment.service.ts';

/**
 * Every legal move. PAID is "payment authorised and stock sold": Adyen captures automatically,
 * so an authorisation is the payment (AUTHORISED: authorised, waiting for a manual capture). The refund states
 * follow the payment's ledger, which can also give money back to the merchant (a failed
 * refund, a reversed chargeback): PARTIALLY_REFUNDED and REFUNDED may then return to PAID or
 * FULFILLED. PAYMENT_FAILED and CANCELLED are final.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING_PAYMENT: ['AUTHORISED', 'PAID', 'PAYMENT_FAILED', 'CANCELLED'],
  AUTHORISED: ['PAID', 'PAYMENT_FAILED', 'CANCELLED'],
  PAID: ['FULFILLED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED'],
  FULFILLED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED', 'PAID', 'FULFILLED'],
  REFUNDED: ['PARTIALLY_REFUNDED', 'PAID', 'FULFILLED'],
  PAYMENT_FAILED: [],
  CANCELLED: [],
};

/** Whether an order in `from` may move to `to`. */
export const isLegalTransition = (from: OrderStatus, to: OrderStatus): boolean =>
  ORDER_TRANSITIONS[from].includes(to);

export type TransitionResult =
  | { ok: true; order: OrderRow; from: OrderStatus }
  | { ok: false; reason: 'NOT_FOUND' }
  | { ok: false; reason: 'ILLEGAL'; from: OrderStatus; to: OrderStatus };

/**
 * Moves an order to `to` inside `tx`, under the order's row lock: a legal move updates the status
 * and writes its `order_history` row in the same transaction; an illegal one is logged and
 * changes nothing. `extra` sets other columns of the order with the status (fulfilment data).
 */
export async function transitionOrder(
  tx: Tx,
  logger: Logger,
  orderId: string,
  to: OrderStatus,
  cause: string,
  extra: Omit<Partial<OrderInsert>, 'id' | 'status' | 'number'> = {},
): Promise<TransitionResult> {
  const [current] = await tx
    .select({ status: orders.status })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update');
  if (!current) return { ok: false, reason: 'NOT_FOUND' };
  const from = current.status;
  if (!isLegalTransition(from, to)) {
    logger.warn({ orderId, from, to, cause }, 'illegal order transition refused');
    return { ok: false, reason: 'ILLEGAL', from, to };
  }
  const [order] = await tx
    .update(orders)
    .set({ ...extra, status: to, updatedAt: sql`now()` })
    .where(eq(orders.id, orderId))
    .returning();
  await tx.insert(orderHistory).values({ orderId, fromStatus: from, toStatus: to, cause });
  return { ok: true, order: order!, from };
}

/** The history row of an order's placement (from no status to PENDING_PAYMENT). */
export async function recordPlacement(tx: Tx, orderId: string): Promise<void> {
  await tx
    .insert(orderHistory)
    .values({ orderId, fromStatus: null, toStatus: 'PENDING_PAYMENT', cause: 'order placed' });
}
