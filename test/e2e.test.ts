import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import type { RunningGraph } from '../scripts/graph.ts';
import { startTestGraph, type TestGraph } from './support/graph.ts';
import { graphql } from './support/graphql.ts';
import { ENCRYPTED_TEST_CARD } from './support/payment.ts';
import { eventually } from './support/eventually.ts';
import { queueBackends } from './support/queues.ts';
import { isBackgroundStatement } from '../scripts/background-statements.ts';
import { shipCartTo } from './support/delivery.ts';

const INTERNAL_TOKEN = 'e2e-internal-token-0123456789abcdef';
const catalog = buildDemoCatalog(40);

const BROWSE = /* GraphQL */ `
  query Browse($first: Int!) {
    products(first: $first) {
      totalCount
      edges {
        node {
          slug
          name
          variants {
            id
            sku
            price {
              amount
              currencyCode
            }
            availability {
              available
              inStock
            }
          }
        }
      }
    }
  }
`;
const CARD = ENCRYPTED_TEST_CARD;
const PLACE_ORDER = /* GraphQL */ `
  mutation Place($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on OrderPlaced {
        accessKey
        order {
          id
          status
          total {
            amount
            currencyCode
          }
        }
        payment {
          status
          resultCode
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`;
const ORDER = /* GraphQL */ `
  query Order($id: ID!, $key: String) {
    order(id: $id, accessKey: $key) {
      status
      payment {
        status
        pspReference
      }
      lines {
        quantity
        variant {
          id
          availability {
            available
          }
          stockLevels {
            onHand
            reserved
          }
        }
      }
    }
  }
`;

type Variant = {
  id: string;
  price: { amount: number; currencyCode: string };
  availability: { available: number; inStock: boolean };
};
type Browse = { products: { totalCount: number; edges: Array<{ node: { variants: Variant[] } }> } };
type Order = {
  order: {
    status: string;
    payment: { status: string; pspReference: string | null };
    lines: Array<{
      quantity: number;
      variant: {
        availability: { available: number };
        stockLevels: Array<{ onHand: number; reserved: number }>;
      };
    }>;
  };
};

for (const backend of queueBackends()) {
  describe(`the graph end to end (BullMQ on ${backend.name})`, () => {
    let shop: TestGraph;
    let graph: RunningGraph;
    const statements: Record<string, number> = {};
    let gateway: (
      query: string,
      variables?: Record<string, unknown>,
      headers?: Record<string, string>,
    ) => ReturnType<typeof graphql>;

    beforeAll(async () => {
      shop = await startTestGraph(backend, {
        catalog,
        internalToken: INTERNAL_TOKEN,
        onQuery: (subgraph, query) => {
          // A product page runs no transaction: what the relays poll is not its work.
          if (isBackgroundStatement(query)) return;
          statements[subgraph] = (statements[subgraph] ?? 0) + 1;
        },
      });
      graph = shop.graph;
      gateway = (query, variables, headers) => graphql(graph.gatewayUrl, query, variables, headers);
    });

    afterAll(async () => {
      await shop?.close();
    });

    /** Browses the catalog and returns the first variant with at least `units` available. */
    async function variantInStock(units: number): Promise<Variant> {
      const { data } = await gateway(BROWSE, { first: 40 });
      const variants = (data as Browse).products.edges.flatMap((e) => e.node.variants);
      const variant = variants.find((v) => v.availability.available >= units);
      if (!variant) throw new Error('the demo catalog has no variant in stock');
      return variant;
    }

    async function cartWith(variantId: string, quantity: number): Promise<string> {
      const created = await gateway(`mutation { createCart { id } }`);
      const cartId = (created.data as { createCart: { id: string } }).createCart.id;
      const added = await gateway(
        `mutation($c: ID!, $v: ID!, $q: Int!) { addCartLine(cartId: $c, variantId: $v, quantity: $q) { __typename ... on Cart { subtotal { amount } } } }`,
        { c: cartId, v: variantId, q: quantity },
      );
      expect(added.data).toMatchObject({ addCartLine: { __typename: 'Cart' } });
      await shipCartTo(gateway, cartId);
      return cartId;
    }

    it('browses, buys, and after the signed webhook the order is PAID and the stock sold', async () => {
      const { data: page } = await gateway(BROWSE, { first: 24 });
      expect((page as Browse).products.totalCount).toBe(40);
      const variant = await variantInStock(2);
      const before = variant.availability.available;

      const cartId = await cartWith(variant.id, 2);
      const cart = await gateway(
        `query($id: ID!) { cart(id: $id) { subtotal { amount currencyCode } } }`,
        { id: cartId },
      );
      expect(cart.data).toEqual({
        cart: { subtotal: { amount: variant.price.amount * 2, currencyCode: 'EUR' } },
      });

      const placed = await gateway(PLACE_ORDER, {
        input: {
          cartId,
          idempotencyKey: crypto.randomUUID(),
          email: 'shopper@example.com',
          paymentMethod: { ...CARD, holderName: 'APPROVED' },
        },
      });
      const result = (
        placed.data as {
          placeOrder: {
            __typename: string;
            accessKey: string;
            order: { id: string; status: string; total: { amount: number } };
          };
        }
      ).placeOrder;
      expect(result.__typename).toBe('OrderPlaced');
      expect(result.order.status).toBe('PENDING_PAYMENT');
      expect(result.order.total.amount).toBe(variant.price.amount * 2);

      const paid = await eventually(async () => {
        const { data } = await gateway(
          ORDER,
          { id: result.order.id, key: result.accessKey },
          await shop.staffHeaders(),
        );
        const order = (data as Order).order;
        // PAID comes from the worker; the stock is sold by inventory's worker a moment later.
        return order.status === 'PAID' &&
          order.lines[0]!.variant.stockLevels.every((l) => l.reserved === 0)
          ? order
          : null;
      });
      expect(paid.payment.status).toBe('AUTHORISED');
      expect(paid.payment.pspReference).toMatch(/^[A-Z0-9]{16}$/);
      expect(paid.lines[0]!.variant.availability.available).toBe(before - 2);
      const onHand = paid.lines[0]!.variant.stockLevels.reduce((sum, l) => sum + l.onHand, 0);
      expect(onHand).toBe(before - 2);

      const delivered = graph.simulator!.deliveries.filter(
        (d) => d.merchantReference === result.order.id,
      );
      expect(delivered.map((d) => [d.eventCode, d.success, d.delivered])).toEqual([
        ['AUTHORISATION', 'true', true],
      ]);

      const closed = await gateway(`query($id: ID!) { cart(id: $id) { status } }`, { id: cartId });
      expect(closed.data).toEqual({ cart: { status: 'CHECKED_OUT' } });
    });

    it('releases the reserved stock when the payment is refused', async () => {
      const variant = await variantInStock(1);
      const before = variant.availability.available;
      const cartId = await cartWith(variant.id, 1);
      const placed = await gateway(PLACE_ORDER, {
        input: {
          cartId,
          idempotencyKey: crypto.randomUUID(),
          email: 'shopper@example.com',
          paymentMethod: { ...CARD, holderName: 'DECLINED' },
        },
      });
      const result = (
        placed.data as {
          placeOrder: {
            order: { id: string };
            accessKey: string;
            payment: { status: string; resultCode: string };
          };
        }
      ).placeOrder;
      expect(result.payment).toEqual({ status: 'REFUSED', resultCode: 'Refused' });
      const settled = await eventually(async () => {
        const { data } = await gateway(
          ORDER,
          { id: result.order.id, key: result.accessKey },
          await shop.staffHeaders(),
        );
        const order = (data as Order).order;
        return order.lines[0]!.variant.availability.available === before ? order : null;
      });
      expect(settled.status).toBe('PAYMENT_FAILED');
    });

    it('serves a product page with variants, prices and availability in a constant number of SQL statements', async () => {
      // The fewest of three runs: work a service does on its own (a poll, an event) can only add
      // to a run's count, never take from it.
      const count = async (first: number) => {
        await gateway(BROWSE, { first }); // warm: new pool connections read the type catalogue
        const runs: Array<{ products: number; inventory: number }> = [];
        for (let run = 0; run < 3; run++) {
          statements.products = 0;
          statements.inventory = 0;
          await gateway(BROWSE, { first });
          runs.push({ products: statements.products ?? 0, inventory: statements.inventory ?? 0 });
        }
        return {
          products: Math.min(...runs.map((r) => r.products)),
          inventory: Math.min(...runs.map((r) => r.inventory)),
        };
      };
      const small = await count(2);
      expect(await count(24)).toEqual(small);
      // products: the page, its count, the variants, their prices; inventory: availability.
      expect(small).toEqual({ products: 4, inventory: 1 });
    });

    it('lets product pages be cached for the shortest subgraph max-age, and never carts', async () => {
      const page = await gateway(BROWSE, { first: 6 });
      // products says 60 s, inventory's availability 5 s: the gateway keeps the smaller.
      expect(page.headers.get('cache-control')).toBe('max-age=5, public');
      const names = await gateway(`{ products(first: 6) { edges { node { name } } } }`);
      expect(names.headers.get('cache-control')).toBe('max-age=60, public');
      const created = await gateway(`mutation { createCart { id } }`);
      const cartId = (created.data as { createCart: { id: string } }).createCart.id;
      const cart = await gateway(`query($id: ID!) { cart(id: $id) { id } }`, { id: cartId });
      expect(cart.headers.get('cache-control')).toBe('no-store');
    });

    it('keeps subgraphs to the graph: direct calls need the internal token, webhooks do not', async () => {
      const releasing = `mutation { releaseReservation(orderId: "${crypto.randomUUID()}") }`;
      const outsider = await graphql(shop.url('inventory'), releasing);
      expect(outsider.status).toBe(401);
      expect(outsider.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const insider = await graphql(shop.url('inventory'), releasing, undefined, {
        'x-internal-token': INTERNAL_TOKEN,
      });
      expect(insider.data).toEqual({ releaseReservation: false });
      // Adyen cannot know the token: the webhook is guarded by its HMAC signatures instead.
      const webhook = await fetch(shop.url('checkout').replace('/graphql', '/webhooks/adyen'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'not json',
      });
      expect(webhook.status).toBe(400);
    });

    it('answers malformed GraphQL, unknown fields and over-deep queries with clear errors', async () => {
      const malformed = await gateway('{ products(first: 2) { edges { node { id }');
      expect(malformed.status).toBe(400);
      expect(malformed.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');

      const unknown = await gateway('{ products(first: 2) { nope } }');
      expect(unknown.status).toBe(400);
      expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

      const deep = await gateway(
        `{ categories { children { children { children { children { children { children { children { children { children { children { children { id } } } } } } } } } } } } }`,
      );
      expect(deep.status).toBe(400);
      expect(deep.errors?.[0]?.message).toBe('Query depth limit of 12 exceeded, found 13.');
      expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');

      const internal = await gateway(
        `mutation { releaseReservation(orderId: "${crypto.randomUUID()}") }`,
      );
      expect(internal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

      const absurd = await gateway(
        `mutation { addCartLine(cartId: "${crypto.randomUUID()}", variantId: "x", quantity: 99999999999) { __typename } }`,
      );
      expect(absurd.status).toBe(400);
    });
  });
}
