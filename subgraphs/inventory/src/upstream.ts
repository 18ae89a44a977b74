import { createSubgraphClient, internalHeaders, type SubgraphClient } from '@commerce-graph/kit';

/** Checkout's verdict on an order whose reservation expired (its `OrderPaymentState`). */
export type OrderPaymentState = 'PAID' | 'FAILED' | 'NOT_FOUND';

/** The calls inventory makes to checkout. */
export interface CheckoutClient {
  /**
   * Settles the order's payment if it is still pending (as expired) and says whether the order
   * is paid: PAID -> its reservation becomes a sale; FAILED or NOT_FOUND -> it is released.
   */
  expireUnpaidOrder(orderId: string): Promise<OrderPaymentState>;
}

/**
 * Calls checkout's `@inaccessible` `expireUnpaidOrder` on its own GraphQL endpoint, with the
 * internal token. `url` may be a function: in one process the graph starts inventory before
 * checkout, whose port is known only then.
 */
export function createCheckoutClient(options: {
  url: string | (() => string);
  internalToken?: string;
  timeoutMs?: number;
}): CheckoutClient {
  const headers = internalHeaders(options.internalToken);
  let client: SubgraphClient | undefined;
  let clientUrl: string | undefined;
  const current = () => {
    const url = typeof options.url === 'function' ? options.url() : options.url;
    if (!client || clientUrl !== url) {
      client = createSubgraphClient('checkout', url, { headers, timeoutMs: options.timeoutMs });
      clientUrl = url;
    }
    return client;
  };
  return {
    async expireUnpaidOrder(orderId) {
      const data = await current().request<{ expireUnpaidOrder: OrderPaymentState }>(
        `mutation($id: ID!) { expireUnpaidOrder(orderId: $id) }`,
        { id: orderId },
      );
      return data.expireUnpaidOrder;
    },
  };
}
