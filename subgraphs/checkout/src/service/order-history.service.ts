/** A customer's order history (`Customer.orders`): their own orders, newest first, by page. */
import { and, desc, eq, sql } from 'drizzle-orm';
import { badUserInput, isUuid, type Actor } from '@commerce-graph/kit';
import type { CheckoutDb } from '../db/client.ts';
import { orders, type OrderRow } from '../db/schema.ts';

/** The identity subgraph's Customer, as checkout sees it: only its id. */
export interface CustomerRef {
  id: string;
}

export interface OrderPage {
  edges: Array<{ cursor: string; node: OrderRow }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const MAX_ORDERS_PAGE = 100;

const EMPTY: OrderPage = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/**
 * The position of an order in the newest-first list: its number, which grows with every order
 * and is never reused (exact where two orders share a timestamp).
 */
const cursorOf = (order: OrderRow) => Buffer.from(`order:${order.number}`).toString('base64url');

/** 6 to 18 digits: an order number, which always fits a bigint. */
const CURSOR = /^order:([1-9][0-9]{5,17})$/;

function numberOf(cursor: string): string {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badUserInput('after is not a cursor of this list');
  return match[1]!;
}

/** Orders of a customer, for that customer alone. */
export class OrderHistoryService {
  constructor(private readonly db: CheckoutDb) {}

  /**
   * The customer's orders, newest (highest number) first, `first` at a time after `after`: one
   * statement per page on the index `(customer_id, number desc)`. Anyone but the
   * customer themself sees an empty list, the same as a customer without orders.
   */
  async customerOrders(
    actor: Actor,
    customerId: string,
    input: { first?: number | null; after?: string | null },
  ): Promise<OrderPage> {
    const first = input.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_ORDERS_PAGE) {
      throw badUserInput(`first must be between 1 and ${MAX_ORDERS_PAGE}`);
    }
    const after = input.after ? numberOf(input.after) : null;
    if (actor.kind !== 'customer' || !isUuid(customerId)) return EMPTY;
    const owner = customerId.toLowerCase();
    if (actor.customerId.toLowerCase() !== owner) return EMPTY;
    const rows = await this.db
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.customerId, owner),
          after ? sql`${orders.number} < ${after}::bigint` : undefined,
        ),
      )
      .orderBy(desc(orders.number))
      .limit(first + 1);
    const page = rows.slice(0, first);
    return {
      edges: page.map((node) => ({ cursor: cursorOf(node), node })),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: page.length > 0 ? cursorOf(page[page.length - 1]!) : null,
      },
    };
  }
}
