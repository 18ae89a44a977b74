import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '@commerce-graph/kit';
import { graphql } from '../../test/support/graphql.ts';
import { startGateway } from '../src/app.ts';
import { startStandInGraph } from './support/stand-in-graph.ts';

const INTERNAL_TOKEN = 'gateway-partner-internal-token-0123456789';
const KEY_ID = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
const CATALOG_KEY = `cgk_${'c'.repeat(43)}`;
const STOCK_KEY = `cgk_${'s'.repeat(43)}`;
const REVOKED_KEY = `cgk_${'r'.repeat(43)}`;
const PRODUCTS = '{ products(first: 1) { totalCount } }';

/** Identity knows two keys and records each lookup; products answers 3 and records who asked. */
async function fakeGraph() {
  const lookups: string[] = [];
  const grants: Record<string, { id: string; scopes: string[] }> = {
    [CATALOG_KEY]: { id: KEY_ID, scopes: ['CATALOG_READ'] },
    [STOCK_KEY]: { id: 'b0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e', scopes: ['INVENTORY_WRITE'] },
  };
  const graph = await startStandInGraph({
    internalToken: INTERNAL_TOKEN,
    totalCount: 3,
    answers: {
      apiKeyByToken: ({ k = '' }) => {
        lookups.push(k);
        return grants[k] ?? null;
      },
    },
  });
  return { ...graph, lookups };
}

describe('partner API keys at the gateway', () => {
  let fake: Awaited<ReturnType<typeof fakeGraph>>;
  let gateway: RunningService;
  const as = (key: string) => (query: string, variables?: Record<string, unknown>) =>
    graphql<Record<string, any>>(gateway.url, query, variables, { authorization: `Bearer ${key}` });

  beforeAll(async () => {
    fake = await fakeGraph();
    const url = fake.url;
    gateway = await startGateway({
      port: 0,
      logLevel: 'silent',
      production: true,
      internalToken: INTERNAL_TOKEN,
      subgraphUrls: { products: url, inventory: url, cart: url, checkout: url, identity: url },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await fake?.close();
  });

  it('lets a catalog:read key read products as a partner, on a budget of its own', async () => {
    const answer = await as(CATALOG_KEY)(PRODUCTS);
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ products: { totalCount: 3 } });
    // The key stays at the gateway: subgraphs see the signed assertion only.
    expect(fake.seen.at(-1)).toEqual({
      actor: { kind: 'partner', keyId: KEY_ID, scopes: ['catalog:read'], network: '127.0.0.1' },
      authorization: undefined,
    });
    expect(answer.extensions?.cost).toMatchObject({
      throttleStatus: { maximumAvailable: 50_000 },
    });
  });

  it('asks identity about a key once, then remembers the answer', async () => {
    const before = fake.lookups.filter((key) => key === CATALOG_KEY).length;
    await as(CATALOG_KEY)(PRODUCTS);
    await as(CATALOG_KEY)(PRODUCTS);
    expect(fake.lookups.filter((key) => key === CATALOG_KEY).length).toBe(Math.max(before, 1));
  });

  it('refuses every field its scopes do not cover with 403 FORBIDDEN, naming the scope', async () => {
    const before = fake.seen.length;
    const cases: Array<[string, RegExp]> = [
      ['query($id: ID!) { order(id: $id) { id } }', /orders:read/],
      [
        `mutation { placeOrder(input: { cartId: "c", idempotencyKey: "key-12345", email: "a@b.co",
          paymentMethod: { type: "scheme", storedPaymentMethodId: "x" } }) { __typename } }`,
        /orders:write/,
      ],
      [
        '{ products(first: 1) { edges { node { variants { stockLevels { onHand } } } } } }',
        /inventory:write/,
      ],
      // Hidden in a fragment, spread twice.
      [
        `{ products(first: 1) { edges { node { ...V ...V } } } }
         fragment V on Product { variants { stockLevels { onHand } } }`,
        /inventory:write/,
      ],
      ['{ me { id } }', /Query\.me/],
      ['mutation { createCart { id } }', /Mutation\.createCart/],
    ];
    for (const [query, named] of cases) {
      const refused = await as(CATALOG_KEY)(query, { id: 'x' });
      expect(refused.status, query).toBe(403);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(named);
      expect(refused.data).toBeUndefined();
    }
    expect(fake.seen.length).toBe(before);
  });

  it('gives an inventory:write key no catalog:read', async () => {
    const refused = await as(STOCK_KEY)(PRODUCTS);
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.message).toMatch(/catalog:read/);
  });

  it('refuses an unknown or revoked key with 401, and 503 while identity cannot answer', async () => {
    for (const key of [REVOKED_KEY, 'cgk_never-issued']) {
      const refused = await as(key)(PRODUCTS);
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blind = await startGateway({
      port: 0,
      logLevel: 'silent',
      production: true,
      internalToken: INTERNAL_TOKEN,
      subgraphUrls: { products: fake.url, identity: 'http://127.0.0.1:9/graphql' },
    });
    try {
      const refused = await graphql(blind.url, PRODUCTS, undefined, {
        authorization: `Bearer ${CATALOG_KEY}`,
      });
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await blind.close();
    }
  });

  it('leaves anonymous callers alone', async () => {
    const answer = await graphql<Record<string, any>>(gateway.url, '{ me { id } }');
    expect(answer.status).not.toBe(403);
  });
});
