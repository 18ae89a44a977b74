import { createSubgraphClient, IDENTITY_HEADER, internalHeaders } from '@commerce-graph/kit';

/**
 * A cart as checkout needs it: lines with the server-side prices the cart subgraph computed,
 * and the lines it can no longer price because the catalog stopped selling their variant.
 */
export interface CartSnapshot {
  id: string;
  status: 'ACTIVE' | 'CHECKED_OUT';
  lines: Array<{
    quantity: number;
    variant: { id: string };
    unitPrice: { amount: number; currencyCode: string };
  }>;
  /** Lines of variants the catalog no longer sells (unpublished, archived): no price. */
  unavailableLines: Array<{ variantId: string }>;
  /** The discount code applied to the cart, or null. */
  discountCode: string | null;
  /** The cart's own totals: the discount checkout redeems is the one the cart showed. */
  totals: {
    subtotal: { amount: number; currencyCode: string };
    discount: { amount: number };
    total: { amount: number };
  };
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
   * discount the cart's totals showed. Idempotent per order.
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
      const data = await cart.request<{ _entities: Array<CartSnapshot | null> }>(
        `query($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Cart {
              id
              status
              lines { quantity variant { id } unitPrice { amount currencyCode } }
              unavailableLines { variantId }
              discountCode
              totals {
                subtotal { amount currencyCode }
                discount { amount }
                total { amount }
              }
            }
          }
        }`,
        { r: [{ __typename: 'Cart', id: cartId }] },
        identity ? { [IDENTITY_HEADER]: identity } : {},
      );
      return data._entities[0] ?? null;
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
