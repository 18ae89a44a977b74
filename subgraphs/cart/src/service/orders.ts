import { and, eq, sql } from 'drizzle-orm';
import type { CartDb } from '../db/client.ts';
import { carts, orderOutcomes } from '../db/schema.ts';
import { canonicalId } from './cart-lines.ts';

/** What a `checkout.order.placed` delivery did to its cart. */
export type CheckoutOutcome =
  'checked-out' | 'already-checked-out' | 'other-order' | 'unknown-cart' | 'order-failed';

/**
 * What checkout's order events do to a cart, whatever order they arrive in. Both handlers take
 * the cart's row lock, so they serialise; a payment failure is recorded in `order_outcomes`,
 * and an order placed that arrives after its own failure changes nothing.
 */
export class CartOrderService {
  constructor(private readonly db: CartDb) {}

  /**
   * Marks a cart as turned into an order. Idempotent: a repeated delivery of the same order
   * changes nothing; an unknown cart, a cart spent by another order, and an order already known
   * to have failed are reported, not changed.
   */
  async checkOutCart(id: string, orderIdInput: string): Promise<CheckoutOutcome> {
    const cartId = canonicalId(id);
    const orderId = canonicalId(orderIdInput);
    if (!cartId || !orderId) return 'unknown-cart';
    return this.db.transaction(async (tx): Promise<CheckoutOutcome> => {
      const [cart] = await tx.select().from(carts).where(eq(carts.id, cartId)).for('update');
      if (!cart) return 'unknown-cart';
      const [failed] = await tx
        .select({ orderId: orderOutcomes.orderId })
        .from(orderOutcomes)
        .where(eq(orderOutcomes.orderId, orderId));
      if (failed) return 'order-failed';
      if (cart.status === 'CHECKED_OUT') {
        return cart.orderId === orderId ? 'already-checked-out' : 'other-order';
      }
      if (cart.status !== 'ACTIVE') return 'other-order';
      await tx
        .update(carts)
        .set({ status: 'CHECKED_OUT', orderId, updatedAt: sql`now()` })
        .where(eq(carts.id, cartId));
      return 'checked-out';
    });
  }

  /**
   * Records that the order's payment failed and opens its cart again if that order checked it
   * out. Returns whether the cart was reopened (false when unknown, open, or spent by another
   * order). Idempotent.
   */
  async recordPaymentFailed(id: string, orderIdInput: string): Promise<boolean> {
    const cartId = canonicalId(id);
    const orderId = canonicalId(orderIdInput);
    if (!cartId || !orderId) return false;
    return this.db.transaction(async (tx) => {
      // The lock serialises with checkOutCart of the same cart; an unknown cart has no row to
      // lock, and its failure is still recorded in case the cart's order placed comes later.
      await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).for('update');
      await tx
        .insert(orderOutcomes)
        .values({ orderId, cartId, outcome: 'PAYMENT_FAILED' })
        .onConflictDoNothing();
      const reopened = await tx
        .update(carts)
        .set({ status: 'ACTIVE', orderId: null, updatedAt: sql`now()` })
        .where(
          and(eq(carts.id, cartId), eq(carts.status, 'CHECKED_OUT'), eq(carts.orderId, orderId)),
        )
        .returning({ id: carts.id });
      return reopened.length > 0;
    });
  }
}
