import { randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '@commerce-graph/kit';
import { migrationsFolder as productsMigrations, startProducts } from '@commerce-graph/products';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { migrationsFolder, startCart } from '../src/app.ts';

// Two published products of one variant each; the test unpublishes the second one.
const category = randomUUID();
const kept = { product: randomUUID(), variant: randomUUID(), eur: 2500 };
const withdrawn = { product: randomUUID(), variant: randomUUID(), eur: 4000 };
const draft = { product: randomUUID(), variant: randomUUID(), eur: 1000 };

let database: TestDatabase;
let products: RunningService;
let cart: RunningService;
let sql: postgres.Sql;

beforeAll(async () => {
  database = await createTestDatabase([
    { subgraph: 'products', folder: productsMigrations },
    { subgraph: 'cart', folder: migrationsFolder },
  ]);
  sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  await sql`insert into products.categories (id, slug, name, path)
    values (${category}, 'bags', 'Bags', ${`${category}/`})`;
  await sql`insert into products.products ${sql(
    [kept, withdrawn, draft].map((p, i) => ({
      id: p.product,
      slug: `bag-${i}`,
      name: `Bag ${i}`,
      category_id: category,
      status: p === draft ? 'DRAFT' : 'PUBLISHED',
      published_at: p === draft ? null : new Date(),
    })),
  )}`;
  await sql`insert into products.variants ${sql(
    [kept, withdrawn, draft].map((p, i) => ({
      id: p.variant,
      product_id: p.product,
      sku: `BAG-${i}`,
    })),
  )}`;
  await sql`insert into products.prices ${sql(
    [kept, withdrawn, draft].flatMap((p) =>
      ['EUR', 'USD', 'GBP'].map((currency) => ({ variant_id: p.variant, currency, amount: p.eur })),
    ),
  )}`;
  const queue = queueBackends().at(-1)!;
  products = await startProducts({
    databaseUrl: database.url,
    queue: queue.config(database.url),
    port: 0,
    migrate: false,
    logLevel: 'silent',
    priceBoundaryPollMs: 3_600_000,
  });
  cart = await startCart({
    databaseUrl: database.url,
    queue: { ...queue.config(database.url), namespace: `cart_${randomBytes(5).toString('hex')}` },
    port: 0,
    migrate: false,
    productsUrl: products.url,
    logLevel: 'silent',
  });
});

afterAll(async () => {
  await cart?.close();
  await products?.close();
  await sql?.end();
  await database?.drop();
});

const CART = /* GraphQL */ `
  fragment CartFields on Cart {
    id
    totalQuantity
    subtotal {
      amount
      currencyCode
    }
    lines {
      id
      quantity
      variant {
        id
      }
      unitPrice {
        amount
      }
      lineTotal {
        amount
      }
    }
    unavailableLines {
      id
      variantId
      quantity
    }
  }
`;
const RESULT = /* GraphQL */ `
  __typename
  ... on Cart { ...CartFields }
  ... on UserError { code }
  ... on VariantNotFound { variantId }
`;

const call = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await graphql<Record<string, any>>(cart.url, query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
};
const readCart = async (id: string) =>
  (await call(`query ($id: ID!) { cart(id: $id) { ...CartFields } } ${CART}`, { id })).cart;
const addLine = async (cartId: string, variantId: string, quantity: number) =>
  (
    await call(
      `mutation ($c: ID!, $v: ID!, $q: Int!) { addCartLine(cartId: $c, variantId: $v, quantity: $q) { ${RESULT} } } ${CART}`,
      { c: cartId, v: variantId, q: quantity },
    )
  ).addCartLine;
const updateLine = async (cartId: string, lineId: string, quantity: number) =>
  (
    await call(
      `mutation ($c: ID!, $l: ID!, $q: Int!) { updateCartLine(cartId: $c, lineId: $l, quantity: $q) { ${RESULT} } } ${CART}`,
      { c: cartId, l: lineId, q: quantity },
    )
  ).updateCartLine;
const removeLine = async (cartId: string, lineId: string) =>
  (
    await call(
      `mutation ($c: ID!, $l: ID!) { removeCartLine(cartId: $c, lineId: $l) { ${RESULT} } } ${CART}`,
      { c: cartId, l: lineId },
    )
  ).removeCartLine;
const setStatus = (productId: string, status: string) =>
  sql`update products.products set status = ${status} where id = ${productId}`;
const quantities = async (cartId: string) =>
  (
    await sql`select variant_id, quantity from cart.cart_lines where cart_id = ${cartId} order by variant_id`
  ).map((row) => [row.variant_id, row.quantity]);

describe('a line whose product leaves the storefront', () => {
  it('refuses to add a draft product as an unknown variant', async () => {
    const { createCart } = await call(`mutation { createCart { id } }`);
    expect(await addLine(createCart.id, draft.variant, 1)).toEqual({
      __typename: 'VariantNotFound',
      code: 'VARIANT_NOT_FOUND',
      variantId: draft.variant,
    });
    expect(await quantities(createCart.id)).toEqual([]);
  });

  it('moves to unavailableLines without a price, out of the subtotal, and back when republished', async () => {
    const { createCart } = await call(`mutation { createCart { id } }`);
    const cartId = createCart.id as string;
    await addLine(cartId, kept.variant, 2);
    const added = await addLine(cartId, withdrawn.variant, 1);
    expect(added).toMatchObject({
      totalQuantity: 3,
      subtotal: { amount: 2 * kept.eur + withdrawn.eur },
    });
    const withdrawnLine = added.lines.find(
      (l: { variant: { id: string } }) => l.variant.id === withdrawn.variant,
    );

    await setStatus(withdrawn.product, 'ARCHIVED');
    // The cart still answers, without errors: the line is reported, not priced.
    expect(await readCart(cartId)).toEqual({
      id: cartId,
      totalQuantity: 2,
      subtotal: { amount: 2 * kept.eur, currencyCode: 'EUR' },
      lines: [
        {
          id: expect.any(String),
          quantity: 2,
          variant: { id: kept.variant },
          unitPrice: { amount: kept.eur },
          lineTotal: { amount: 2 * kept.eur },
        },
      ],
      unavailableLines: [{ id: withdrawnLine.id, variantId: withdrawn.variant, quantity: 1 }],
    });

    // It can be neither added to nor changed, and nothing is written.
    const before = await quantities(cartId);
    expect(await addLine(cartId, withdrawn.variant, 1)).toMatchObject({
      __typename: 'VariantNotFound',
      variantId: withdrawn.variant,
    });
    expect(await updateLine(cartId, withdrawnLine.id, 3)).toMatchObject({
      __typename: 'VariantNotFound',
      variantId: withdrawn.variant,
    });
    expect(await quantities(cartId)).toEqual(before);

    await setStatus(withdrawn.product, 'PUBLISHED');
    expect(await readCart(cartId)).toMatchObject({
      totalQuantity: 3,
      subtotal: { amount: 2 * kept.eur + withdrawn.eur },
      unavailableLines: [],
    });

    // Unpublished again, the shopper removes it.
    await setStatus(withdrawn.product, 'DRAFT');
    const removed = await removeLine(cartId, withdrawnLine.id);
    expect(removed).toMatchObject({ __typename: 'Cart', totalQuantity: 2, unavailableLines: [] });
    expect(await quantities(cartId)).toEqual([[kept.variant, 2]]);
    await setStatus(withdrawn.product, 'PUBLISHED');
  });

  it('keeps a cart whose only line left the storefront readable, with no subtotal', async () => {
    const { createCart } = await call(`mutation { createCart { id } }`);
    await addLine(createCart.id, withdrawn.variant, 1);
    await setStatus(withdrawn.product, 'ARCHIVED');
    expect(await readCart(createCart.id)).toMatchObject({
      totalQuantity: 0,
      subtotal: null,
      lines: [],
      unavailableLines: [{ variantId: withdrawn.variant, quantity: 1 }],
    });
    await setStatus(withdrawn.product, 'PUBLISHED');
  });
});
