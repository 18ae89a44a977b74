import { randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdyenSimulator } from '@commerce-graph/adyen-simulator';
import { migrationsFolder as cartMigrations, startCart } from '@commerce-graph/cart';
import {
  migrationsFolder as inventoryMigrations,
  seedInventory,
  startInventory,
} from '@commerce-graph/inventory';
import type { RunningService } from '@commerce-graph/kit';
import { migrationsFolder as productsMigrations, startProducts } from '@commerce-graph/products';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { migrationsFolder, startCheckout } from '../src/app.ts';
import { cartWith, nlStandardShipping, orderInput, placeOrder } from './support/shop.ts';

const ADYEN = {
  apiKey: `test_${randomBytes(8).toString('hex')}`,
  hmacKeyHex: randomBytes(32).toString('hex'),
  merchantAccount: 'CommerceGraphTest',
};
const category = randomUUID();
const kept = { product: randomUUID(), variant: randomUUID(), eur: 2500 };
const withdrawn = { product: randomUUID(), variant: randomUUID(), eur: 4000 };

let database: TestDatabase;
let sql: postgres.Sql;
const started: Array<{ close(): Promise<void> }> = [];
let cartUrl: string;
let checkoutUrl: string;

beforeAll(async () => {
  database = await createTestDatabase([
    { subgraph: 'products', folder: productsMigrations },
    { subgraph: 'inventory', folder: inventoryMigrations },
    { subgraph: 'cart', folder: cartMigrations },
    { subgraph: 'checkout', folder: migrationsFolder },
  ]);
  sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  await sql`insert into products.categories (id, slug, name, path)
    values (${category}, 'bags', 'Bags', ${`${category}/`})`;
  await sql`insert into products.products ${sql(
    [kept, withdrawn].map((p, i) => ({
      id: p.product,
      slug: `bag-${i}`,
      name: `Bag ${i}`,
      category_id: category,
      status: 'PUBLISHED',
      published_at: new Date(),
    })),
  )}`;
  await sql`insert into products.variants ${sql(
    [kept, withdrawn].map((p, i) => ({ id: p.variant, product_id: p.product, sku: `BAG-${i}` })),
  )}`;
  await sql`insert into products.prices ${sql(
    [kept, withdrawn].flatMap((p) =>
      ['EUR', 'USD', 'GBP'].map((currency) => ({ variant_id: p.variant, currency, amount: p.eur })),
    ),
  )}`;
  await seedInventory(database.url, {
    warehouses: [{ code: 'AMS', name: 'Amsterdam' }],
    levels: [kept, withdrawn].map((p) => ({
      variantId: p.variant,
      warehouseCode: 'AMS',
      onHand: 10,
    })),
  });

  const queue = queueBackends().at(-1)!.config(database.url);
  const common = { databaseUrl: database.url, port: 0, migrate: false, logLevel: 'silent' };
  const simulator = createAdyenSimulator({ ...ADYEN, log: () => undefined });
  const simulatorUrl = await simulator.listen(0);
  started.push(simulator);
  const products = await startProducts({ ...common, queue, priceBoundaryPollMs: 3_600_000 });
  started.push(products);
  const inventory: RunningService = await startInventory({ ...common, queue });
  started.push(inventory);
  const cart = await startCart({ ...common, queue, productsUrl: products.url });
  started.push(cart);
  const checkout = await startCheckout({
    ...common,
    queue,
    cartUrl: cart.url,
    inventoryUrl: inventory.url,
    returnUrl: 'http://localhost:3000/checkout/return',
    adyen: { ...ADYEN, environment: 'TEST', simulatorUrl },
  });
  started.push(checkout);
  cartUrl = cart.url;
  checkoutUrl = checkout.url;
});

afterAll(async () => {
  for (const service of started.reverse()) await service.close();
  await sql?.end();
  await database?.drop();
});

const cartCall = async (query: string, variables: Record<string, unknown>) => {
  const response = await graphql<Record<string, any>>(cartUrl, query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
};
const ordersOfCart = async (cartId: string) =>
  (await sql`select count(*)::int as n from checkout.orders where cart_id = ${cartId}`)[0]!.n;
const reserved = async () =>
  (await sql`select count(*)::int as n from inventory.reservations`)[0]!.n;

describe('placeOrder with a line the catalog no longer sells', () => {
  it('refuses the cart with CART_HAS_UNAVAILABLE_LINES, reserving and writing nothing, until the line is removed', async () => {
    // An empty cart shipping to Amsterdam by standard delivery; the lines come next.
    const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, []);
    const add = `mutation ($c: ID!, $v: ID!) {
      addCartLine(cartId: $c, variantId: $v, quantity: 1) {
        __typename ... on Cart { lines { id variant { id } } }
      }
    }`;
    await cartCall(add, { c: cartId, v: kept.variant });
    const added = await cartCall(add, { c: cartId, v: withdrawn.variant });
    const line = added.addCartLine.lines.find(
      (l: { variant: { id: string } }) => l.variant.id === withdrawn.variant,
    );

    await sql`update products.products set status = 'ARCHIVED' where id = ${withdrawn.product}`;
    const refused = await placeOrder(checkoutUrl, orderInput(cartId));
    expect(refused).toMatchObject({
      __typename: 'CartUnavailable',
      code: 'CART_HAS_UNAVAILABLE_LINES',
      cartId,
    });
    expect(refused.__typename === 'CartUnavailable' && refused.message).toContain(
      withdrawn.variant,
    );
    expect(await ordersOfCart(cartId)).toBe(0);
    expect(await reserved()).toBe(0);

    // Without the line, the same cart is ordered at the price of what is left.
    await cartCall(
      `mutation ($c: ID!, $l: ID!) { removeCartLine(cartId: $c, lineId: $l) { __typename } }`,
      { c: cartId, l: line.id },
    );
    const placed = await placeOrder(checkoutUrl, orderInput(cartId));
    expect(placed).toMatchObject({
      __typename: 'OrderPlaced',
      order: { total: { amount: kept.eur + nlStandardShipping(kept.eur), currencyCode: 'EUR' } },
    });
    expect(await ordersOfCart(cartId)).toBe(1);
  });
});
