import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '@commerce-graph/kit';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { shipCartTo } from '../../../test/support/delivery.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { ENCRYPTED_TEST_CARD } from '../../../test/support/payment.ts';
import { queueBackends } from '../../../test/support/queues.ts';

const INTERNAL_TOKEN = 'webhooks-internal-token-0123456789abcd';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver that records every request and answers `status()`. */
async function startReceiver(status: () => number) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const code = status();
      response.writeHead(code, { 'content-type': 'text/plain' });
      response.end(code === 200 ? 'ok' : `receiver broken (${code})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const CREATE = /* GraphQL */ `
  mutation ($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      __typename
      ... on WebhookSubscriptionCreated {
        secret
        subscription {
          id
          url
          events
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`;
const DELIVERIES = /* GraphQL */ `
  query ($s: ID!, $status: WebhookDeliveryStatus) {
    webhookDeliveries(subscriptionId: $s, status: $status) {
      id
      event
      status
      attempts
      lastStatus
      lastResponse
      lastError
      payload
    }
  }
`;

/** Partner webhooks through the gateway: subscribed by a partner key, fed by checkout's events. */
describe('partner webhooks', () => {
  let shop: TestGraph;
  let variantId: string;
  let productId: string;
  let partnerKey: string;
  let healthy: Awaited<ReturnType<typeof startReceiver>>;
  let broken: Awaited<ReturnType<typeof startReceiver>>;
  let brokenStatus = 500;
  const as = (token: string | undefined) => (query: string, variables?: Record<string, unknown>) =>
    graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      query,
      variables,
      token ? { authorization: `Bearer ${token}` } : {},
    );
  const partner = (query: string, variables?: Record<string, unknown>) =>
    as(partnerKey)(query, variables);

  beforeAll(async () => {
    healthy = await startReceiver(() => 200);
    broken = await startReceiver(() => brokenStatus);
    shop = await startTestGraph(queueBackends()[0]!, {
      catalog: buildDemoCatalog(2),
      internalToken: INTERNAL_TOKEN,
      identity: { webhooks: { attempts: 3, backoffMs: 50, timeoutMs: 2_000 } },
    });
    const made = await graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      'mutation($s: [ApiKeyScope!]!) { createApiKey(name: "partner", scopes: $s) { key } }',
      { s: ['ORDERS_READ', 'CATALOG_READ', 'WEBHOOKS_MANAGE'] },
      await shop.staffHeaders(),
    );
    expect(made.errors).toBeUndefined();
    partnerKey = made.data!.createApiKey.key;
    const page = await as(undefined)(
      '{ products(first: 1) { edges { node { id variants { id } } } } }',
    );
    variantId = page.data!.products.edges[0].node.variants[0].id;
    productId = page.data!.products.edges[0].node.id;
  }, 60_000);
  afterAll(async () => {
    await shop?.close();
    await healthy?.close();
    await broken?.close();
  });

  it('refuses a URL that is not https and events the key may not read, with typed errors', async () => {
    const plain = await partner(CREATE, {
      input: { url: 'http://partner.example.com/hooks', events: ['ORDER_PAID'] },
    });
    expect(plain.data?.createWebhookSubscription).toMatchObject({
      __typename: 'InvalidWebhookUrl',
      code: 'INVALID_WEBHOOK_URL',
    });
    const none = await partner(CREATE, { input: { url: healthy.url, events: [] } });
    expect(none.data?.createWebhookSubscription.__typename).toBe('InvalidWebhookEvents');

    // Order events need orders:read: a catalog-only key may not subscribe to them.
    const catalogOnly = await graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      'mutation { createApiKey(name: "catalog", scopes: [CATALOG_READ, WEBHOOKS_MANAGE]) { key } }',
      {},
      await shop.staffHeaders(),
    );
    const unreadable = await as(catalogOnly.data!.createApiKey.key)(CREATE, {
      input: { url: healthy.url, events: ['PRODUCT_UPDATED', 'ORDER_PAID'] },
    });
    expect(unreadable.data?.createWebhookSubscription).toMatchObject({
      __typename: 'InvalidWebhookEvents',
      message: 'events: order.paid needs the orders:read scope',
    });

    // A key without webhooks:manage is refused by the gateway before identity.
    const reader = await graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      'mutation { createApiKey(name: "reader", scopes: [ORDERS_READ]) { key } }',
      {},
      await shop.staffHeaders(),
    );
    const refused = await as(reader.data!.createApiKey.key)(CREATE, {
      input: { url: healthy.url, events: ['ORDER_PAID'] },
    });
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.message).toMatch(/webhooks:manage/);
  });

  it('signs order.placed and order.paid, retries a failing receiver, then FAILED, and replays', async () => {
    const good = await partner(CREATE, {
      input: { url: healthy.url, events: ['ORDER_PLACED', 'ORDER_PAID'] },
    });
    expect(good.errors).toBeUndefined();
    const { secret, subscription } = good.data!.createWebhookSubscription;
    expect(secret).toMatch(/^whsec_/);
    const bad = await partner(CREATE, { input: { url: broken.url, events: ['ORDER_PLACED'] } });
    const badSubscription = bad.data!.createWebhookSubscription.subscription.id as string;
    const listed = await partner('{ webhookSubscriptions { id events } }');
    expect(listed.data?.webhookSubscriptions).toHaveLength(2);
    expect(JSON.stringify(listed.data)).not.toContain('whsec_');

    // A guest places and pays an order.
    const guest = as(undefined);
    const cartId = (await guest('mutation { createCart { id } }')).data!.createCart.id as string;
    await guest(
      'mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 1) { __typename } }',
      { c: cartId, v: variantId },
    );
    await shipCartTo(guest, cartId);
    const placed = await guest(
      'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on OrderPlaced { order { id } } } }',
      {
        input: {
          cartId,
          idempotencyKey: crypto.randomUUID(),
          email: 'guest@example.com',
          paymentMethod: { ...ENCRYPTED_TEST_CARD, holderName: 'APPROVED' },
        },
      },
    );
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.placeOrder.order.id as string;

    const deliveries = await eventually(async () =>
      healthy.received.length >= 2 ? healthy.received : null,
    );
    const byType = new Map(deliveries.map((d) => [JSON.parse(d.body).type as string, d]));
    expect([...byType.keys()].sort()).toEqual(['order.paid', 'order.placed']);
    for (const delivery of byType.values()) {
      const id = delivery.headers['webhook-id'] as string;
      const timestamp = delivery.headers['webhook-timestamp'] as string;
      // The documented algorithm, computed here without the kit's helper.
      const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
      const expected = createHmac('sha256', key)
        .update(`${id}.${timestamp}.${delivery.body}`)
        .digest('base64');
      expect(delivery.headers['webhook-signature']).toBe(`v1,${expected}`);
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(JSON.parse(delivery.body).data.orderId).toBe(orderId);
      expect(delivery.body).not.toContain('guest@example.com');
    }
    expect(JSON.parse(byType.get('order.paid')!.body).data).toMatchObject({ status: 'PAID' });

    // The receiver check: accepts once, refuses the same delivery again, a late one and a forgery.
    const paid = byType.get('order.paid')!;
    const seen = new Set<string>();
    const check = (overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) =>
      verifyWebhook({ secret, headers: paid.headers, body: paid.body, seen, ...overrides });
    expect(check()).toMatchObject({ ok: true });
    expect(check()).toEqual({ ok: false, reason: 'replayed' });
    const sentAt = Number(paid.headers['webhook-timestamp']) * 1000;
    expect(check({ seen: new Set(), now: new Date(sentAt + 301_000) })).toEqual({
      ok: false,
      reason: 'timestamp-out-of-tolerance',
    });
    expect(check({ seen: new Set(), body: paid.body.replace('PAID', 'REFUNDED') })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });

    // The failing receiver got 3 attempts of the same delivery, then it is FAILED.
    const failed = await eventually(async () => {
      const answer = await partner(DELIVERIES, { s: badSubscription, status: 'FAILED' });
      return answer.data?.webhookDeliveries[0];
    });
    expect(failed).toMatchObject({
      event: 'ORDER_PLACED',
      status: 'FAILED',
      attempts: 3,
      lastStatus: 500,
      lastResponse: 'receiver broken (500)',
      lastError: 'receiver answered 500',
    });
    expect(broken.received).toHaveLength(3);
    expect(new Set(broken.received.map((r) => r.headers['webhook-id']))).toEqual(
      new Set([failed.id]),
    );

    // Fixed, the partner replays it: the same id and body, a fresh signature, DELIVERED.
    brokenStatus = 200;
    const replayed = await partner(
      'mutation($id: ID!) { replayWebhookDelivery(id: $id) { status } }',
      {
        id: failed.id,
      },
    );
    expect(replayed.data?.replayWebhookDelivery).toEqual({ status: 'PENDING' });
    const delivered = await eventually(async () => {
      const answer = await partner(DELIVERIES, { s: badSubscription, status: 'DELIVERED' });
      return answer.data?.webhookDeliveries[0];
    });
    expect(delivered).toMatchObject({ id: failed.id, attempts: 4, lastStatus: 200 });
    expect(broken.received).toHaveLength(4);
    expect(broken.received[3]!.body).toBe(broken.received[0]!.body);

    // Another key sees none of these deliveries, nor replays them.
    const other = await graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      'mutation { createApiKey(name: "other", scopes: [ORDERS_READ, WEBHOOKS_MANAGE]) { key } }',
      {},
      await shop.staffHeaders(),
    );
    const otherKey = other.data!.createApiKey.key as string;
    expect((await as(otherKey)(DELIVERIES, { s: subscription.id })).data).toEqual({
      webhookDeliveries: [],
    });
    expect(
      (
        await as(otherKey)('mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }', {
          id: failed.id,
        })
      ).data,
    ).toEqual({ replayWebhookDelivery: null });
  }, 30_000);

  it('sends product.updated when staff change a product', async () => {
    const receiver = await startReceiver(() => 200);
    try {
      const made = await partner(CREATE, {
        input: { url: receiver.url, events: ['PRODUCT_UPDATED'] },
      });
      const { secret } = made.data!.createWebhookSubscription;
      const updated = await graphql<Record<string, any>>(
        shop.graph.gatewayUrl,
        'mutation($id: ID!) { updateProduct(id: $id, input: { name: "Renamed" }) { __typename } }',
        { id: productId },
        await shop.staffHeaders(),
      );
      expect(updated.data?.updateProduct.__typename).toBe('Product');
      const [delivery] = await eventually(async () =>
        receiver.received.length > 0 ? receiver.received : null,
      );
      expect(
        verifyWebhook({ secret, headers: delivery!.headers, body: delivery!.body }),
      ).toMatchObject({ ok: true });
      expect(JSON.parse(delivery!.body)).toMatchObject({
        type: 'product.updated',
        data: { productId, change: 'updateProduct' },
      });
    } finally {
      await receiver.close();
    }
  });
});
