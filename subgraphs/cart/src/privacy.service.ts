import { asc, eq } from 'drizzle-orm';
import { anyOf, isUuid, toPlainJson, type PlainJson } from '@commerce-graph/kit';
import type { CartDb } from './db/client.ts';
import { cartLines, carts, discountRedemptions } from './db/schema.ts';

/**
 * GDPR: what cart holds about a customer (their carts and lines, by `carts.customer_id`, and
 * their discount redemptions, by `customer_key`), for the export, and its erasure. Guest carts
 * name nobody and are not touched; a guest's redemptions are keyed by email, which cart cannot
 * match to a customer id.
 */
export class CartPrivacyService {
  constructor(private readonly db: CartDb) {}

  /** The customer's carts, lines and redemptions as plain JSON: `{ carts, cartLines, ... }`. */
  async personalData(customerId: string): Promise<PlainJson> {
    if (!isUuid(customerId)) return { carts: [], cartLines: [], discountRedemptions: [] };
    const owned = await this.db
      .select()
      .from(carts)
      .where(eq(carts.customerId, customerId.toLowerCase()))
      .orderBy(asc(carts.createdAt), asc(carts.id));
    const lines = owned.length
      ? await this.db
          .select()
          .from(cartLines)
          .where(
            anyOf(
              cartLines.cartId,
              owned.map((cart) => cart.id),
            ),
          )
          .orderBy(asc(cartLines.cartId), asc(cartLines.createdAt), asc(cartLines.id))
      : [];
    const redemptions = await this.db
      .select()
      .from(discountRedemptions)
      .where(eq(discountRedemptions.customerKey, customerId.toLowerCase()))
      .orderBy(asc(discountRedemptions.createdAt), asc(discountRedemptions.orderId));
    return toPlainJson({ carts: owned, cartLines: lines, discountRedemptions: redemptions });
  }

  /**
   * Deletes every cart of the customer, lines included (`on delete cascade`), and unlinks their
   * discount redemptions (kept, so the codes' usage counts stay right); answers how many carts.
   * Idempotent: a second call finds none.
   */
  async eraseCustomer(customerId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx
        .update(discountRedemptions)
        .set({ customerKey: null })
        .where(eq(discountRedemptions.customerKey, customerId.toLowerCase()));
      const deleted = await tx
        .delete(carts)
        .where(eq(carts.customerId, customerId.toLowerCase()))
        .returning({ id: carts.id });
      return deleted.length;
    });
  }
}
