import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../packages/kit/test/tcp-proxy.ts';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph } from './support/graph.ts';
import { eventually } from './support/eventually.ts';
import { graphql } from './support/graphql.ts';
import { ENCRYPTED_TEST_CARD } from './support/payment.ts';
import type { QueueBackendCase } from './support/queues.ts';
import { shipCartTo } from './support/delivery.ts';

const redisUrl = inject('redisUrl');

/** Hang guard only: a request that waits on a dead Redis waits for ever, not 8 s. */
const HANG_GUARD_MS = 8_000;

const PLACE_ORDER = /* GraphQL */ `
  mutation Place($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on OrderPlaced {
        accessKey
        order {
          id
          status
        }
        payment {
          status
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`;

type Placed = {
  placeOrder: {
    __typename: string;
    accessKey?: string;
    order?: { id: string; status: string };
    payment?: { status: string };
    code?: string;
  };
};

describe.skipIf(!redisUrl)('placeOrder while Redis is down', () => {
  let proxy: TcpProxy;
  let shop: TestGraph;
  const gateway = (query: string, variables?: Record<string, unknown>) =>
    graphql(shop.graph.gatewayUrl, query, variables);

  beforeAll(async () => {
    const target = new URL(redisUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    // Every service's queues and budgets go through the proxy, so cutting it is Redis going away.
    const throughProxy: QueueBackendCase = {
      name: 'redis',
      config: (databaseUrl) => ({
        databaseUrl,
        redisUrl: `redis://127.0.0.1:${proxy.port}`,
        namespace: `test_${randomBytes(5).toString('hex')}`,
      }),
    };
    shop = await startTestGraph(throughProxy, { catalog: buildDemoCatalog(10) });
  });

  afterAll(async () => {
    await proxy?.restore();
    await shop?.close();
    await proxy?.close();
  });

  async function cartWithOneInStock(): Promise<string> {
    const { data } = await gateway(
      `{ products(first: 10) { edges { node { variants { id availability { available } } } } } }`,
    );
    const variants = (
      data as {
        products: {
          edges: Array<{
            node: { variants: Array<{ id: string; availability: { available: number } }> };
          }>;
        };
      }
    ).products.edges.flatMap((e) => e.node.variants);
    const variant = variants.find((v) => v.availability.available > 0);
    if (!variant) throw new Error('the demo catalog has no variant in stock');
    const created = await gateway(`mutation { createCart { id } }`);
    const cartId = (created.data as { createCart: { id: string } }).createCart.id;
    const added = await gateway(
      `mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 1) { __typename } }`,
      { c: cartId, v: variant.id },
    );
    expect(added.data).toEqual({ addCartLine: { __typename: 'Cart' } });
    await shipCartTo(gateway, cartId);
    return cartId;
  }

  // Guards issue 12: producers retried for ever and the relay held a transaction while
  // publishing, so a Redis outage hung placeOrder. Redis is only the bus: the shop keeps selling.
  it('places the order within seconds, writes it whole, and delivers its events once Redis is back', async () => {
    const cartId = await cartWithOneInStock();
    await proxy.cut();

    const started = Date.now();
    const placed = await gateway(PLACE_ORDER, {
      input: {
        cartId,
        idempotencyKey: randomUUID(),
        email: 'shopper@example.com',
        paymentMethod: { ...ENCRYPTED_TEST_CARD, holderName: 'APPROVED' },
      },
    });
    expect(Date.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(placed.errors).toBeUndefined();
    const result = (placed.data as Placed).placeOrder;
    expect(result.__typename).toBe('OrderPlaced');
    const orderId = result.order!.id;

    // The order waits in the outbox for the bus; nothing of it is half-written.
    const waiting = await shop.sql`
      select name from checkout.outbox_events
      where published_at is null and payload->>'orderId' = ${orderId}`;
    expect(waiting.map((r) => r.name)).toContain('checkout.order.placed');
    await expectNothingHalfWritten();

    await proxy.restore();
    // The cart learns of the order from checkout.order.placed, carried by the relay's poll.
    await eventually(async () => {
      const { data } = await gateway(`query($id: ID!) { cart(id: $id) { status } }`, {
        id: cartId,
      });
      return (data as { cart: { status: string } | null }).cart?.status === 'CHECKED_OUT';
    }, 30_000);
    // Adyen's webhook, refused while the notification queue was away, is retried and lands.
    await eventually(async () => {
      const [order] = await shop.sql`select status from checkout.orders where id = ${orderId}`;
      return order?.status === 'PAID';
    }, 30_000);
    const left = await shop.sql`
      select count(*)::int as n from checkout.outbox_events where published_at is null`;
    expect(left).toEqual([{ n: 0 }]);
    await expectNothingHalfWritten();
  });

  it('keeps answering within seconds while Redis stays down, and each answer is whole', async () => {
    await proxy.cut();
    try {
      for (let i = 0; i < 2; i++) {
        const cartId = await cartWithOneInStock();
        const started = Date.now();
        const placed = await gateway(PLACE_ORDER, {
          input: {
            cartId,
            idempotencyKey: randomUUID(),
            email: 'shopper@example.com',
            paymentMethod: { ...ENCRYPTED_TEST_CARD, holderName: 'APPROVED' },
          },
        });
        expect(Date.now() - started).toBeLessThan(HANG_GUARD_MS);
        expect((placed.data as Placed).placeOrder.__typename).toBe('OrderPlaced');
      }
      await expectNothingHalfWritten();
    } finally {
      await proxy.restore();
    }
    // Back on the bus, every service's outbox drains.
    await eventually(async () => {
      const [left] = await shop.sql`
        select (select count(*) from checkout.outbox_events where published_at is null)
             + (select count(*) from inventory.outbox_events where published_at is null) as n`;
      return Number(left!.n) === 0;
    }, 30_000);
  });

  /** No order without its payment, no held stock without an order. */
  async function expectNothingHalfWritten(): Promise<void> {
    const withoutPayment = await shop.sql`
      select o.id from checkout.orders o
      where not exists (select 1 from checkout.payments p where p.order_id = o.id)`;
    expect(withoutPayment).toEqual([]);
    const heldWithoutOrder = await shop.sql`
      select r.order_id from inventory.order_reservations r
      where r.status = 'RESERVED'
        and not exists (select 1 from checkout.orders o where o.id = r.order_id)`;
    expect(heldWithoutOrder).toEqual([]);
  }
});
