import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '@commerce-graph/gateway';
import type { RunningService } from '@commerce-graph/kit';
import { abusiveDocuments } from '../scripts/abusive-documents.ts';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph } from './support/graph.ts';
import { graphql } from './support/graphql.ts';
import { ENCRYPTED_TEST_CARD } from './support/payment.ts';
import { queueBackends } from './support/queues.ts';

const INTERNAL_TOKEN = 'attack-internal-token-0123456789abcdef';
/** A refusal must cost the server next to nothing; the best of three tries is measured. */
const REFUSED_WITHIN_MS = 100;
const CARD = { ...ENCRYPTED_TEST_CARD, holderName: 'APPROVED' };
const PLACE_ORDER = /* GraphQL */ `
  mutation Place($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on UserError {
        code
      }
    }
  }
`;
const ADD_LINE = /* GraphQL */ `
  mutation Add($cartId: ID!, $variantId: ID!, $quantity: Int!) {
    addCartLine(cartId: $cartId, variantId: $variantId, quantity: $quantity) {
      __typename
      ... on UserError {
        code
      }
    }
  }
`;

/** Where the test graph's subgraphs answer, for another gateway in front of them. */
const subgraphUrlsOf = (shop: TestGraph) =>
  Object.fromEntries(['products', 'inventory', 'cart', 'checkout'].map((n) => [n, shop.url(n)]));

interface Rows {
  carts: number;
  lines: number;
  orders: number;
  payments: number;
  reservations: number;
  products: number;
}

/**
 * Abuse of a running graph in production mode, as an attacker would send it: every request
 * must be refused with a clear error, quickly, writing nothing, and the graph must go on
 * answering. The budgets are generous here (every test client is 127.0.0.1); the budgets
 * themselves are tested at the end, on a gateway of their own.
 */
describe('the graph under attack (production mode)', () => {
  let shop: TestGraph;
  let gateway: string;
  let variantId: string;
  const rowsWritten = async () => {
    const [row] = await shop.sql<Array<Rows>>`
      select (select count(*)::int from cart.carts) as carts,
             (select count(*)::int from cart.cart_lines) as lines,
             (select count(*)::int from checkout.orders) as orders,
             (select count(*)::int from checkout.payments) as payments,
             (select count(*)::int from inventory.reservations) as reservations,
             (select count(*)::int from products.products) as products`;
    return row!;
  };
  let before: Rows;

  const post = (body: string, headers: Record<string, string> = {}, method = 'POST') =>
    fetch(gateway, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: method === 'GET' ? undefined : body,
    });
  const stillAnswers = async () => {
    const { data } = await graphql<{ products: { totalCount: number } }>(
      gateway,
      '{ products(first: 1) { totalCount } }',
    );
    expect(data?.products.totalCount).toBe(20);
  };
  const cartWithOneLine = async () => {
    const created = await graphql<{ createCart: { id: string } }>(
      gateway,
      'mutation { createCart { id } }',
    );
    const cartId = created.data!.createCart.id;
    const added = await graphql(gateway, ADD_LINE, { cartId, variantId, quantity: 1 });
    expect(added.data).toEqual({ addCartLine: { __typename: 'Cart' } });
    return cartId;
  };

  beforeAll(async () => {
    shop = await startTestGraph(queueBackends()[0]!, {
      catalog: buildDemoCatalog(20),
      production: true,
      internalToken: INTERNAL_TOKEN,
    });
    gateway = shop.graph.gatewayUrl;
    const page = await graphql<{
      products: {
        edges: Array<{
          node: { variants: Array<{ id: string; availability: { inStock: boolean } }> };
        }>;
      };
    }>(
      gateway,
      '{ products(first: 4) { edges { node { variants { id availability { inStock } } } } } }',
    );
    // The cart refuses a sold-out variant: take the first one in stock.
    variantId = page
      .data!.products.edges.flatMap((edge) => edge.node.variants)
      .find((variant) => variant.availability.inStock)!.id;
    before = await rowsWritten();
  });

  afterAll(async () => {
    await shop?.close();
  });

  describe('abusive documents', () => {
    for (const document of abusiveDocuments()) {
      it(`refuses a ${document.name} with ${document.code} within ${REFUSED_WITHIN_MS} ms`, async () => {
        let fastest = Infinity;
        // Fresh text each try, so no cached verdict answers: the refusal itself is timed.
        for (const salt of ['a1', 'a2', 'a3']) {
          const query = abusiveDocuments(salt).find((d) => d.name === document.name)!.query;
          const startedAt = performance.now();
          const response = await post(JSON.stringify({ query }));
          const body = (await response.json()) as {
            data?: unknown;
            errors: Array<{ message: string; extensions: Record<string, unknown> }>;
          };
          fastest = Math.min(fastest, performance.now() - startedAt);
          expect(response.status).toBe(400);
          expect(body.data).toBeUndefined();
          expect(body.errors[0]!.extensions.code).toBe(document.code);
          expect(body.errors[0]!.extensions.requestId).toEqual(expect.any(String));
          expect(body.errors[0]!.message.length).toBeGreaterThan(10);
        }
        expect(fastest).toBeLessThan(REFUSED_WITHIN_MS);
        await stillAnswers();
      });
    }
  });

  describe('requests that are not plain GraphQL over JSON', () => {
    it('refuses batched arrays', async () => {
      const query = '{ products(first: 1) { totalCount } }';
      const response = await post(JSON.stringify([{ query }, { query }]));
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/batching/i);
    });

    it('refuses bodies over 100 kB before reading them into GraphQL', async () => {
      const response = await post(
        JSON.stringify({ query: `{ __typename }`, x: 'x'.repeat(150_000) }),
      );
      expect(response.status).toBe(413);
    });

    it('refuses CSRF-style requests: text/plain, forms, GET mutations, GET without a preflight header', async () => {
      const mutation = 'mutation { createCart { id } }';
      const plain = await post(JSON.stringify({ query: mutation }), {
        'content-type': 'text/plain',
      });
      expect(plain.status).toBe(415);
      const form = await post(`query=${encodeURIComponent(mutation)}`, {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(form.status).toBe(415);
      const getMutation = await fetch(`${gateway}?query=${encodeURIComponent(mutation)}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(getMutation.status).toBe(405);
      const simpleGet = await fetch(
        `${gateway}?query=${encodeURIComponent('{ products(first: 1) { totalCount } }')}`,
      );
      expect(simpleGet.status).toBe(400);
      expect(await simpleGet.text()).toMatch(/CSRF/);
    });
  });

  describe('what production does not tell', () => {
    it('has no introspection and no field suggestions, not even for hidden fields', async () => {
      const schema = await graphql(gateway, '{ __schema { types { name } } }');
      expect(schema.status).toBe(400);
      const typo = await graphql(gateway, 'mutation { reserveStok(input: {}) { __typename } }');
      expect(typo.status).toBe(400);
      expect(typo.errors?.[0]?.message).not.toMatch(/did you mean|reserveStock/i);
      const hidden = await graphql(gateway, 'mutation { releaseReservation(orderId: "x") }');
      expect(hidden.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('ignores forged internal headers, and subgraphs refuse callers without the token', async () => {
      const forged = await graphql(
        gateway,
        'mutation { releaseReservation(orderId: "00000000-0000-4000-8000-000000000000") }',
        undefined,
        { 'x-internal-token': INTERNAL_TOKEN },
      );
      expect(forged.status).toBe(400);
      const direct = await graphql(shop.url('inventory'), '{ warehouses { code } }', undefined, {
        'x-internal-token': 'forged-token-forged-token-forged-token',
      });
      expect(direct.status).toBe(401);
      const junkId = await post(JSON.stringify({ query: '{ __typename }' }), {
        'x-request-id': '<script>',
      });
      expect(junkId.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('hostile input values', () => {
    it('answers injection strings as plain, harmless values', async () => {
      for (const slug of [
        "' OR 1=1 --",
        'x"; DROP TABLE products.products; --',
        '../../etc/passwd',
      ]) {
        const found = await graphql(gateway, 'query($s: String!) { product(slug: $s) { id } }', {
          s: slug,
        });
        expect([200, 400]).toContain(found.status);
        expect(found.data?.product ?? null).toBeNull();
        expect(found.errors?.[0]?.extensions?.code ?? 'BAD_USER_INPUT').toBe('BAD_USER_INPUT');
      }
      expect((await rowsWritten()).products).toBe(20);
    });

    it('refuses NUL, control and bidi characters and lone surrogates before they reach a subgraph', async () => {
      const cartId = await cartWithOneLine();
      for (const email of [
        'a\u0000@example.com',
        'a\u0007@example.com',
        'shop\u202Eper@example.com',
        'a\uD800@example.com',
      ]) {
        const placed = await graphql(gateway, PLACE_ORDER, {
          input: { cartId, idempotencyKey: crypto.randomUUID(), email, paymentMethod: CARD },
        });
        expect(placed.status).toBe(400);
        expect(placed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const nul = await graphql(gateway, 'query($s: String) { product(slug: $s) { id } }', {
        s: 'shoe\u0000',
      });
      expect(nul.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await shop.sql`select 1 from checkout.orders where cart_id = ${cartId}`).toHaveLength(
        0,
      );
    });

    it('refuses negative, fractional and huge quantities, and prices a client sends', async () => {
      const cartId = await cartWithOneLine();
      const negative = await graphql(gateway, ADD_LINE, { cartId, variantId, quantity: -5 });
      expect(negative.data).toMatchObject({ addCartLine: { __typename: 'InvalidQuantity' } });
      for (const quantity of [1.5, 1e12, '3']) {
        const odd = await graphql(gateway, ADD_LINE, { cartId, variantId, quantity });
        expect(odd.status).toBe(400);
        expect(odd.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const priced = await graphql(
        gateway,
        `mutation { addCartLine(cartId: "${cartId}", variantId: "${variantId}", quantity: 1, price: 1) { __typename } }`,
      );
      expect(priced.status).toBe(400);
      const pricedOrder = await graphql(gateway, PLACE_ORDER, {
        input: {
          cartId,
          idempotencyKey: crypto.randomUUID(),
          email: 'a@example.com',
          paymentMethod: CARD,
          total: 1,
        },
      });
      expect(pricedOrder.status).toBe(400);
      const [line] = await shop.sql<Array<{ quantity: number }>>`
        select quantity from cart.cart_lines where cart_id = ${cartId}`;
      expect(line?.quantity).toBe(1);
    });
  });

  it('wrote nothing for any refused request', async () => {
    const after = await rowsWritten();
    // The only writes are the carts and single lines the input tests created on purpose.
    expect(after.orders).toBe(before.orders);
    expect(after.payments).toBe(before.payments);
    expect(after.reservations).toBe(before.reservations);
    expect(after.products).toBe(before.products);
    expect(after.carts - before.carts).toBe(2);
    expect(after.lines - before.lines).toBe(2);
  });

  describe('budgets', () => {
    let strict: RunningService;
    beforeAll(async () => {
      strict = await startGateway({
        port: 0,
        production: true,
        logLevel: 'silent',
        internalToken: INTERNAL_TOKEN,
        subgraphUrls: subgraphUrlsOf(shop),
        budgets: { cost: { anonymous: { points: 300, seconds: 60 } }, refusalCost: 100 },
        // Answers from the response caches are free: this test charges the same page thrice.
        responseCache: false,
      });
    });
    afterAll(async () => {
      await strict?.close();
    });

    it('reports the cost and the budget left on every answer, and throttles with Retry-After when it is spent', async () => {
      const page = '{ products(first: 10) { edges { node { name variants { id } } } } }';
      const costOf = (answer: { extensions?: unknown }) =>
        (answer.extensions as { cost: Record<string, unknown> }).cost;
      const first = await graphql(strict.url, page);
      expect(first.status).toBe(200);
      // 1 (the connection) + 10 edges x (1 + the node 1 + 10 variants x 1) = 121
      expect(costOf(first)).toEqual({
        requestedQueryCost: 121,
        maximumQueryCost: 5_000,
        throttleStatus: {
          maximumAvailable: 300,
          currentlyAvailable: 179,
          restoreRate: 5,
          resetsInMs: expect.any(Number),
        },
      });
      const second = await graphql(strict.url, page);
      expect(costOf(second)).toMatchObject({ throttleStatus: { currentlyAvailable: 58 } });
      const spent = await graphql(strict.url, page);
      expect(spent.status).toBe(429);
      expect(spent.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(spent.errors?.[0]?.extensions?.code).toBe('THROTTLED');
      // Once known to be spent, the client is turned away before its document is even read.
      const next = await graphql(strict.url, '{ __typename }');
      expect(next.status).toBe(429);
    });

    it('refuses a query over the maximum cost with its cost, before running it', async () => {
      const costly = await graphql(
        gateway,
        '{ products(first: 100) { edges { node { variants { options { name } price { amount } } } } } }',
      );
      expect(costly.status).toBe(400);
      expect(costly.errors?.[0]?.extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        // 1 + 100 edges x (1 + node 1 + 10 variants x (1 + 10 options + price 1))
        cost: { requestedQueryCost: 12_201, maximumQueryCost: 5_000 },
      });
    });

    it('allows 5 order attempts per cart in 10 minutes, then throttles (card testing)', async () => {
      const attempts = await startGateway({
        port: 0,
        production: true,
        logLevel: 'silent',
        internalToken: INTERNAL_TOKEN,
        subgraphUrls: subgraphUrlsOf(shop),
      });
      try {
        const input = {
          cartId: crypto.randomUUID(),
          idempotencyKey: crypto.randomUUID(),
          email: 'tester@example.com',
          paymentMethod: CARD,
        };
        for (let attempt = 1; attempt <= 5; attempt++) {
          const placed = await graphql(attempts.url, PLACE_ORDER, { input });
          expect(placed.data).toEqual({
            placeOrder: { __typename: 'CartUnavailable', code: 'CART_NOT_FOUND' },
          });
        }
        const sixth = await graphql(attempts.url, PLACE_ORDER, { input });
        expect(sixth.status).toBe(429);
        expect(sixth.errors?.[0]?.message).toMatch(/^Too many order attempts/);
        const otherCart = await graphql(attempts.url, PLACE_ORDER, {
          input: { ...input, cartId: crypto.randomUUID() },
        });
        expect(otherCart.status).toBe(200);
      } finally {
        await attempts.close();
      }
    });
  });
});
