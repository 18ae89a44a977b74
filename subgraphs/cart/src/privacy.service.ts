import { asc, eq } from 'drizzle-orm';
import { anyOf, isUuid, toPlainJson, type PlainJson } from '@commerce-graph/kit';
import type { CartDb } from './db/client.ts';
import { cartLines, carts } from './db/schema.ts';

/**
 * GDPR: what cart holds about a customer (their carts and lines, by `carts.customer_id`), for
 * the export, and its erasure. Guest carts name nobody and are not touched.
 */
export class CartPrivacyService {
  constructor(private readonly db: CartDb) {}

  /** The customer's carts and lines as plain JSON: `{ carts: [...], cartLines: [...] }`. */
  async personalData(customerId: string): Promise<PlainJson> {
    if (!isUuid(customerId)) return { carts: [], cartLines: [] };
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
    return toPlainJson({ carts: owned, cartLines: lines });
  }

  /**
   * Deletes every cart of the customer, lines included (`on delete cascade`); answers how many.
   * Idempotent: a second call finds none.
   */
  async eraseCustomer(customerId: string): Promise<number> {
    const deleted = await this.db
      .delete(carts)
      .where(eq(carts.customerId, customerId.toLowerCase()))
      .returning({ id: carts.id });
    return deleted.length;
  }
}
