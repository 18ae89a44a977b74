import {
  cartQuoteSchema,
  createSubgraphClient,
  IDENTITY_HEADER,
  internalHeaders,
  type CartQuote,
} from '@commerce-graph/kit';

/**
 * A cart as checkout needs it: its status, the lines the catalog no longer sells, and its quote
 * (the priced lines with their discount shares and tax classes, the discount, the addresses),
 * which checkout prices with shipping and tax.
 */
export interface CartSnapshot {
  id: string;
  status: 'ACTIVE' | 'CHECKED_OUT' | 'MERGED';
  /** Lines of variants the catalog no longer sells (unpublished, archived): no price. */
  unavailableLines: Array<{ variantId: string }>;
  /** The cart's `checkoutQuote`, checked against the kit's schema. */
  quote: CartQuote;
}

/** The cart's answer to redeeming its discount code for an order. */
export type DiscountRedemption =
  | { __typename: 'DiscountRedeemed'; code: string; amount: number }
  | { __typename: 'DiscountRejected'; code: string; message: string; discountCode: string };

/** A line over a variant's purchase limit, as inventory reports it. */
export interface PurchaseLimitLine {
  variantId: string;
  limit: number;
  requested: number;
  alreadyBought: number;
}

/** Inventory's answer to a reserve: held, or why not (nothing held then). */
export type Reservation =
  | { __typename: 'Reservation' }
  | {
      __typename: 'InsufficientStock';
      lines: Array<{ variantId: string; requested: number; available: number }>;
    }
  | { __typename: 'PurchaseLimitExceeded'; message: string; lines: PurchaseLimitLine[] }
  /** This order id's reservation was released before: cannot happen for a fresh id. */
  | { __typename: 'ReservationReleased'; message: string }
  /** This order id holds other lines already: cannot happen for a fresh id. */
  | { __typename: 'ReservationConflict'; message: string };

/** The calls checkout makes to other subgraphs, over their own GraphQL endpoints. */
export interface Upstream {
  /**
   * Reads a cart as the shopper would: `identity` is the gateway's assertion this request came
   * with, so a customer's cart is found only for that customer.
   */
  fetchCart(cartId: string, identity: string | undefined): Promise<CartSnapshot | null>;
  /**
   * Holds the lines' stock for `orderId`, all or nothing. `customerKey` names the buyer for
   * purchase limits per customer: a customer's id, or `email:` and a guest's lower-cased email.
   */
  reserveStock(
    orderId: string,
    customerKey: string,
    lines: Array<{ variantId: string; quantity: number }>,
  ): Promise<Reservation>;
  releaseReservation(orderId: string): Promise<void>;
  /**
   * Redeems the cart's discount code for `orderId`, within its usage limits; `amount` is the
   * discount the cart's quote showed. Idempotent per order.
   */
  redeemCartDiscount(
    cartId: string,
    orderId: string,
    customerKey: string,
    amount: number,
  ): Promise<DiscountRedemption>;
  /** Gives an order's redemption back (idempotent; nothing to give back is fine). */
  releaseCartDiscount(orderId: string): Promise<void>;
}

/**
 * Reads carts through the cart subgraph's `_entities` entry point and reserves stock through
 * inventory's `@inaccessible` mutations, which only services on the private network can call.
 */
export function createUpstream(urls: {
  cart: string;
  inventory: string;
  internalToken?: string;
}): Upstream {
  const headers = internalHeaders(urls.internalToken);
  const cart = createSubgraphClient('cart', urls.cart, { headers });
  const inventory = createSubgraphClient('inventory', urls.inventory, { headers });
  return {
    async fetchCart(cartId, identity) {
      const data = await cart.request<{
        _entities: Array<(Omit<CartSnapshot, 'quote'> & { checkoutQuote: unknown }) | null>;
      }>(
        `query($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Cart {
              id
              status
              unavailableLines { variantId }
              checkoutQuote
            }
          }
        }`,
        { r: [{ __typename: 'Cart', id: cartId }] },
        identity ? { [IDENTITY_HEADER]: identity } : {},
      );
      const found = data._entities[0];
      if (!found) return null;
      const { checkoutQuote, ...rest } = found;
      return { ...rest, quote: parseCartQuote(checkoutQuote, found.id) };
    },
    async reserveStock(orderId, customerKey, lines) {
      const data = await inventory.request<{ reserveStock: Reservation }>(
        `mutation($input: ReserveStockInput!) {
          reserveStock(input: $input) {
            __typename
            ... on InsufficientStock { lines { variantId requested available } }
            ... on PurchaseLimitExceeded {
              message
              lines { variantId limit requested alreadyBought }
            }
            ... on ReservationReleased { message }
            ... on ReservationConflict { message }
          }
        }`,
        { input: { orderId, customerKey, lines } },
      );
      return data.reserveStock;
    },
    async releaseReservation(orderId) {
      await inventory.request(`mutation($id: ID!) { releaseReservation(orderId: $id) }`, {
        id: orderId,
      });
    },
    async redeemCartDiscount(cartId, orderId, customerKey, amount) {
      const data = await cart.request<{ redeemCartDiscount: DiscountRedemption }>(
        `mutation($cartId: ID!, $orderId: ID!, $customerKey: String!, $amount: Int!) {
          redeemCartDiscount(
            cartId: $cartId
            orderId: $orderId
            customerKey: $customerKey
            amount: $amount
          ) {
            __typename
            ... on DiscountRedeemed { code amount }
            ... on DiscountRejected { code message discountCode }
          }
        }`,
        { cartId, orderId, customerKey, amount },
      );
      return data.redeemCartDiscount;
    },
    async releaseCartDiscount(orderId) {
      await cart.request(`mutation($id: ID!) { releaseCartDiscount(orderId: $id) }`, {
        id: orderId,
      });
    },
  };
}

/**
 * The cart's `checkoutQuote`, as the kit's contract describes it. A quote that does not fit is a
 * bug in one of the two services, never a shopper's mistake: it throws.
 */
export function parseCartQuote(value: unknown, cartId: string): CartQuote {
  const parsed = cartQuoteSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`cart ${cartId} answered a malformed checkoutQuote: ${parsed.error.message}`);
  }
  if (parsed.data.cartId.toLowerCase() !== cartId.toLowerCase()) {
    throw new Error(`cart ${cartId} answered the checkoutQuote of cart ${parsed.data.cartId}`);
  }
  return parsed.data;
}
