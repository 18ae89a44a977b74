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
}

export type Reservation =
  | { __typename: 'Reservation' }
  | {
      __typename: 'InsufficientStock';
      lines: Array<{ variantId: string; requested: number; available: number }>;
    };

/** The calls checkout makes to other subgraphs, over their own GraphQL endpoints. */
export interface Upstream {
  /**
   * Reads a cart as the shopper would: `identity` is the gateway's assertion this request came
   * with, so a customer's cart is found only for that customer.
   */
  fetchCart(cartId: string, identity: string | undefined): Promise<CartSnapshot | null>;
  reserveStock(
    orderId: string,
    lines: Array<{ variantId: string; quantity: number }>,
  ): Promise<Reservation>;
  releaseReservation(orderId: string): Promise<void>;
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
            }
          }
        }`,
        { r: [{ __typename: 'Cart', id: cartId }] },
        identity ? { [IDENTITY_HEADER]: identity } : {},
      );
      return data._entities[0] ?? null;
    },
    async reserveStock(orderId, lines) {
      const data = await inventory.request<{ reserveStock: Reservation }>(
        `mutation($input: ReserveStockInput!) {
          reserveStock(input: $input) {
            __typename
            ... on InsufficientStock { lines { variantId requested available } }
          }
        }`,
        { input: { orderId, lines } },
      );
      return data.reserveStock;
    },
    async releaseReservation(orderId) {
      await inventory.request(`mutation($id: ID!) { releaseReservation(orderId: $id) }`, {
        id: orderId,
      });
    },
  };
}
