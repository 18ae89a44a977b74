import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph } from './support/graph.ts';
import { graphql } from './support/graphql.ts';
import { ENCRYPTED_TEST_CARD } from './support/payment.ts';
import { queueBackends } from './support/queues.ts';
import { shipCartTo } from './support/delivery.ts';

const INTERNAL_TOKEN = 'partners-internal-token-0123456789abc';
const CREATE_KEY = /* GraphQL */ `
  mutation ($name: String!, $scopes: [ApiKeyScope!]!) {
    createApiKey(name: $name, scopes: $scopes) {
      key
      apiKey {
        id
      }
    }
  }
`;
const ADJUST = /* GraphQL */ `
  mutation ($input: AdjustStockInput!) {
    adjustStock(input: $input) {
      __typename
      ... on StockLevel {
        onHand
      }
    }
  }
`;

/** Partner API keys through the whole graph: made by an admin, checked by the gateway. */
describe('partner API keys (through the gateway)', () => {
  let shop: TestGraph;
  let variantId: string;
  const as = (token: string | undefined) => (query: string, variables?: Record<string, unknown>) =>
    graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      query,
      variables,
      token ? { authorization: `Bearer ${token}` } : {},
    );
  const admin = () => async (query: string, variables?: Record<string, unknown>) =>
    graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      query,
      variables,
      await shop.staffHeaders(),
    );
  const newKey = async (scopes: string[]) => {
    const made = await admin()(CREATE_KEY, { name: `partner ${scopes.join(' ')}`, scopes });
    expect(made.errors).toBeUndefined();
    return made.data!.createApiKey as { key: string; apiKey: { id: string } };
  };
  const onHand = async () => {
    const [row] = await shop.sql<[{ on_hand: number }]>`
      select s.on_hand from inventory.stock_levels s
      join inventory.warehouses w on w.id = s.warehouse_id
      where s.variant_id = ${variantId} and w.code = 'AMS'`;
    return row.on_hand;
  };

  beforeAll(async () => {
    shop = await startTestGraph(queueBackends()[0]!, {
      catalog: buildDemoCatalog(4),
      internalToken: INTERNAL_TOKEN,
    });
    const page = await as(undefined)(
      '{ products(first: 1) { edges { node { variants { id } } } } }',
    );
    variantId = page.data!.products.edges[0].node.variants[0].id;
  });
  afterAll(async () => {
    await shop?.close();
  });

  it('lets a key with inventory:write adjust stock, and not a catalog:read key', async () => {
    const stock = await newKey(['INVENTORY_WRITE']);
    const catalog = await newKey(['CATALOG_READ']);
    const before = await onHand();
    const input = { variantId, warehouseCode: 'AMS', delta: 3 };

    const adjusted = await as(stock.key)(ADJUST, { input });
    expect(adjusted.errors).toBeUndefined();
    expect(adjusted.data?.adjustStock).toEqual({ __typename: 'StockLevel', onHand: before + 3 });

    const refused = await as(catalog.key)(ADJUST, { input });
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/inventory:write/);
    expect(await onHand()).toBe(before + 3);

    // The catalog key reads the catalog, and identity recorded both keys' use.
    const page = await as(catalog.key)('{ products(first: 1) { totalCount } }');
    expect(page.data?.products.totalCount).toBe(4);
    const used = await shop.sql<Array<{ last_used_at: Date | null }>>`
      select last_used_at from identity.api_keys where id in ${shop.sql([stock.apiKey.id, catalog.apiKey.id])}`;
    expect(used.every((row) => row.last_used_at !== null)).toBe(true);
  });

  it('opens any order to a key with orders:read', async () => {
    const guest = as(undefined);
    const cartId = (await guest('mutation { createCart { id } }')).data!.createCart.id as string;
    await guest(
      'mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 1) { __typename } }',
      { c: cartId, v: variantId },
    );
    await shipCartTo(guest, cartId);
    const placed = await guest(
      'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on OrderPlaced { order { id } } } }',
      {
        input: {
          cartId,
          idempotencyKey: crypto.randomUUID(),
          email: 'guest@example.com',
          paymentMethod: { ...ENCRYPTED_TEST_CARD, holderName: 'APPROVED' },
        },
      },
    );
    const { id } = placed.data!.placeOrder.order;
    const ORDER = 'query($id: ID!) { order(id: $id) { id email } }';
    const reader = await newKey(['ORDERS_READ']);
    expect((await as(reader.key)(ORDER, { id })).data).toEqual({
      order: { id, email: 'guest@example.com' },
    });
    const catalog = await newKey(['CATALOG_READ']);
    expect((await as(catalog.key)(ORDER, { id })).status).toBe(403);
  });

  it('refuses a revoked or unknown key with 401, and admin operations to partners', async () => {
    const revoked = await newKey(['CATALOG_READ']);
    const out = await admin()('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', {
      id: revoked.apiKey.id,
    });
    expect(out.data?.revokeApiKey.revokedAt).toBeTruthy();
    for (const key of [revoked.key, 'cgk_never-issued']) {
      const refused = await as(key)('{ products(first: 1) { totalCount } }');
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const partner = await newKey([
      'CATALOG_READ',
      'ORDERS_READ',
      'ORDERS_WRITE',
      'INVENTORY_WRITE',
    ]);
    const listed = await as(partner.key)('{ apiKeys { id } }');
    expect(listed.status).toBe(403);
    const anonymous = await as(undefined)('{ apiKeys { id } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
