import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { graphql } from './support/graphql.ts';
import { startTestGraph, type TestGraph, type TestStaff } from './support/graph.ts';
import { eventually } from './support/eventually.ts';
import { queueBackends } from './support/queues.ts';

/** The README's GraphQL examples, by operation name. */
function readmeOperations(): Map<string, string> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const operations = new Map<string, string>();
  for (const [, block] of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    for (const operation of block!.split(/\n(?=query |mutation )/)) {
      const name = /^(?:query|mutation) (\w+)/.exec(operation.trim())?.[1];
      if (name) operations.set(name, operation);
    }
  }
  return operations;
}

/** The demo admin `pnpm start` makes, with a password of this run's. */
const ADMIN: TestStaff = {
  email: 'admin@example.com',
  password: 'readme admin password 0123',
  role: 'owner',
};

describe('the README examples', () => {
  const operations = readmeOperations();
  let shop: TestGraph;
  const run = async (name: string, variables?: Record<string, unknown>, headers = {}) => {
    const operation = operations.get(name);
    if (!operation) throw new Error(`the README has no operation ${name}`);
    const response = await graphql<Record<string, never>>(
      shop.graph.gatewayUrl,
      operation,
      variables,
      headers,
    );
    expect(response.errors).toBeUndefined();
    return response.data as Record<string, any>;
  };

  beforeAll(async () => {
    // The README names ids and slugs of the full demo catalog.
    shop = await startTestGraph(queueBackends()[0]!, {
      catalog: buildDemoCatalog(),
      staff: [ADMIN],
      // As `pnpm start` does: without it the gateway cannot assert who a request acts for.
      internalToken: 'readme-internal-token-0123456789abcdef',
    });
  });

  afterAll(async () => {
    await shop?.close();
  });

  it('run as written, from browsing to a paid order and a restock', async () => {
    expect([...operations.keys()]).toEqual([
      'Browse',
      'Search',
      'NewCart',
      'Add',
      'Deliver',
      'Ship',
      'Pay',
      'Order',
      'Restock',
      'Register',
      'Login',
      'Me',
    ]);
    const browsed = await run('Browse');
    expect(browsed.products.edges).toHaveLength(3);

    const { search } = await run('Search');
    expect(search.correctedQuery).toBe('backpack');
    expect(search.products.edges.length).toBeGreaterThan(0);
    const names: string[] = search.products.edges.map((e: any) => e.node.name);
    for (const name of names) expect(name).toMatch(/backpack/i);
    const material = search.facets.find((f: any) => f.name === 'material');
    const canvas = material.values.find((v: any) => v.value === 'canvas');
    expect(canvas).toMatchObject({ selected: true, count: search.products.totalCount });
    // Disjunctive: the other materials keep their counts although canvas is selected.
    expect(material.values.filter((v: any) => !v.selected && v.count > 0).length).toBeGreaterThan(
      0,
    );
    const prices: number[] = search.products.edges.map((e: any) =>
      Math.min(...e.node.variants.map((v: any) => v.price.amount)),
    );
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(search.priceRange.min.amount).toBe(prices[0]);

    const cartId = (await run('NewCart')).createCart.id;
    const added = await run('Add', { cartId });
    expect(added.addCartLine).toMatchObject({ __typename: 'Cart', totalQuantity: 2 });

    const delivered = await run('Deliver', { cartId });
    expect(delivered.setCartShippingAddress.__typename).toBe('Cart');
    expect(delivered.setCartShippingAddress.shippingMethods.map((m: any) => m.code)).toEqual([
      'nl-be-standard',
      'nl-be-express',
    ]);
    const shipped = await run('Ship', { cartId });
    const { totals } = shipped.setCartShippingMethod;
    // EUR prices include Dutch VAT; the total is the goods and the shipping, tax inside it.
    expect(totals.taxIncluded).toBe(true);
    expect(totals.total.amount).toBe(totals.subtotal.amount + totals.shipping.amount);
    expect(totals.tax.amount).toBeGreaterThan(0);

    const paid = await run('Pay', { cartId, idempotencyKey: crypto.randomUUID() });
    expect(paid.placeOrder).toMatchObject({ __typename: 'OrderPlaced' });
    const order = await eventually(async () => {
      const { order } = await run('Order', {
        id: paid.placeOrder.order.id,
        accessKey: paid.placeOrder.accessKey,
      });
      return order.status === 'PAID' ? order : null;
    });
    expect(order.lines[0].variant.sku).toBe('CG-0296-BLA-S');

    const restocked = await run('Restock', {}, await shop.staffHeaders(ADMIN));
    expect(restocked.adjustStock).toMatchObject({
      __typename: 'StockLevel',
      warehouse: { code: 'AMS' },
    });
  });

  it('run as written, from an account to a signed-in me', async () => {
    const registered = await run('Register');
    expect(registered.register).toMatchObject({
      __typename: 'Session',
      customer: { email: 'ann@example.com', emailVerified: false },
    });
    const { login } = await run('Login');
    expect(login).toMatchObject({ __typename: 'Session' });
    expect((await run('Me')).me).toBeNull();
    const { me } = await run('Me', {}, { authorization: `Bearer ${login.accessToken}` });
    expect(me).toEqual({ email: 'ann@example.com', emailVerified: false, addresses: [] });
  });
});
