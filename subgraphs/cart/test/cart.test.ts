import { randomBytes, randomUUID } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEventPublisher, eventQueueName, type EventEnvelope } from '@commerce-graph/events';
import {
  createQueueFactory,
  type JobQueue,
  type QueueFactory,
  type RunningService,
} from '@commerce-graph/kit';
import { migrationsFolder as productsMigrations, startProducts } from '@commerce-graph/products';
import { loadCatalog } from '../../../scripts/catalog/load.ts';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { isBackgroundStatement } from '../../../scripts/background-statements.ts';
import { migrationsFolder, startCart } from '../src/app.ts';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '../src/service/cart-lines.ts';

// 20 products of 4 variants, each priced in EUR, USD and GBP; the cart asks for EUR prices.
const catalog = buildDemoCatalog(20);
const eurVariants = catalog.products.slice(0, -1).flatMap((p) => p.variants);
const priceOf = new Map(
  catalog.products.flatMap((p) => p.variants.map((v) => [v.id, v.priceAmount])),
);
const variant = (i: number) => eurVariants[i]!.id;

let database: TestDatabase;
let products: RunningService;
let cart: RunningService;
let sql: postgres.Sql;
const statements: string[] = [];
const productStatements: string[] = [];

/** A fresh queue namespace (a PostgreSQL schema or a Redis key prefix) per service. */
const uniqueNamespace = () => `cart_test_${randomBytes(5).toString('hex')}`;

beforeAll(async () => {
  database = await createTestDatabase([
    { subgraph: 'products', folder: productsMigrations },
    { subgraph: 'cart', folder: migrationsFolder },
  ]);
  await loadCatalog(database.url, catalog);
  products = await startProducts({
    databaseUrl: database.url,
    queue: { databaseUrl: database.url, namespace: uniqueNamespace() },
    port: 0,
    migrate: false,
    logLevel: 'silent',
    // What requests cost: not the polls, nor postgres.js's array-type lookup per connection.
    onQuery: (q) => {
      if (!isBackgroundStatement(q) && !q.includes('pg_catalog.pg_type')) productStatements.push(q);
    },
  });
  cart = await startCart({
    databaseUrl: database.url,
    port: 0,
    migrate: false,
    productsUrl: products.url,
    queue: { databaseUrl: database.url, namespace: uniqueNamespace() },
    logLevel: 'silent',
    onQuery: (q) => statements.push(q),
  });
  sql = postgres(database.url, { max: 2, onnotice: () => undefined });
});

afterAll(async () => {
  await cart?.close();
  await products?.close();
  await sql?.end();
  await database?.drop();
});

interface Money {
  amount: number;
  currencyCode: string;
}

interface CartView {
  id: string;
  status: 'ACTIVE' | 'CHECKED_OUT';
  totalQuantity: number;
  subtotal: Money | null;
  createdAt: string;
  updatedAt: string;
  lines: Array<{
    id: string;
    quantity: number;
    variant: { id: string };
    unitPrice: Money;
    lineTotal: Money;
  }>;
}

/** Any member of CartResult, with the fields the test asks for. */
type Result = Partial<CartView> & { __typename: string; code?: string; [field: string]: unknown };

const CART_FIELDS = /* GraphQL */ `
  fragment CartFields on Cart {
    id
    status
    totalQuantity
    subtotal {
      amount
      currencyCode
    }
    createdAt
    updatedAt
    lines {
      id
      quantity
      variant {
        id
      }
      unitPrice {
        amount
        currencyCode
      }
      lineTotal {
        amount
        currencyCode
      }
    }
  }
`;

const RESULT_FIELDS = /* GraphQL */ `
  fragment ResultFields on CartResult {
    __typename
    ...CartFields
    ... on UserError {
      code
      message
    }
    ... on CartNotFound {
      cartId
    }
    ... on CartLineNotFound {
      cartId
      lineId
    }
    ... on VariantNotFound {
      variantId
    }
    ... on InvalidQuantity {
      min
      max
      requested
    }
    ... on CartClosed {
      cartId
    }
    ... on CurrencyMismatch {
      cartCurrency
      variantCurrency
    }
    ... on CartLimitExceeded {
      maxLines
    }
  }
  ${CART_FIELDS}
`;

/** Runs an operation that must not fail and returns its data. */
async function run<T>(
  query: string,
  variables?: Record<string, unknown>,
  url = cart.url,
): Promise<T> {
  const response = await graphql<T>(url, query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function createCart(url = cart.url): Promise<string> {
  const data = await run<{ createCart: { id: string } }>(`mutation { createCart { id } }`, {}, url);
  return data.createCart.id;
}

async function readCart(id: string): Promise<CartView | null> {
  const query = `query($id: ID!) { cart(id: $id) { ...CartFields } } ${CART_FIELDS}`;
  return (await run<{ cart: CartView | null }>(query, { id })).cart;
}

async function addLine(cartId: string, variantId: string, quantity: number): Promise<Result> {
  const query = `mutation($c: ID!, $v: ID!, $q: Int!) {
    addCartLine(cartId: $c, variantId: $v, quantity: $q) { ...ResultFields }
  } ${RESULT_FIELDS}`;
  return (await run<{ addCartLine: Result }>(query, { c: cartId, v: variantId, q: quantity }))
    .addCartLine;
}

async function updateLine(cartId: string, lineId: string, quantity: number): Promise<Result> {
  const query = `mutation($c: ID!, $l: ID!, $q: Int!) {
    updateCartLine(cartId: $c, lineId: $l, quantity: $q) { ...ResultFields }
  } ${RESULT_FIELDS}`;
  return (await run<{ updateCartLine: Result }>(query, { c: cartId, l: lineId, q: quantity }))
    .updateCartLine;
}

async function removeLine(cartId: string, lineId: string): Promise<Result> {
  const query = `mutation($c: ID!, $l: ID!) {
    removeCartLine(cartId: $c, lineId: $l) { ...ResultFields }
  } ${RESULT_FIELDS}`;
  return (await run<{ removeCartLine: Result }>(query, { c: cartId, l: lineId })).removeCartLine;
}

/** The cart a successful change returned. */
function changed(result: Result): CartView {
  expect(result.__typename, result.message as string).toBe('Cart');
  return result as CartView;
}

/** What the cart's tables hold, read straight from Postgres. */
async function stored(cartId: string) {
  const [row] = await sql<
    Array<{ status: string; currency: string | null; order_id: string | null; updated_at: Date }>
  >`
    select status, currency, order_id, updated_at from cart.carts where id = ${cartId}`;
  const lines = await sql<Array<{ variant_id: string; quantity: number }>>`
    select variant_id, quantity from cart.cart_lines where cart_id = ${cartId} order by created_at, id`;
  return { cart: row, lines };
}

/** A URL on which nothing listens: the port was free a moment ago. */
async function unreachableUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

describe('createCart and cart', () => {
  it('creates an empty active cart and reads it back', async () => {
    const id = await createCart();
    const view = await readCart(id);
    expect(view).toMatchObject({
      id,
      status: 'ACTIVE',
      lines: [],
      totalQuantity: 0,
      subtotal: null,
    });
    expect(Date.parse(view!.createdAt)).not.toBeNaN();
  });

  it('returns null for an unknown or a malformed id, and sends no SQL for a malformed one', async () => {
    expect(await readCart(randomUUID())).toBeNull();
    statements.length = 0;
    expect(await readCart('not-a-uuid')).toBeNull();
    expect(statements).toHaveLength(0);
  });
});

describe('addCartLine', () => {
  it('adds a line at the catalog price', async () => {
    const id = await createCart();
    const view = changed(await addLine(id, variant(0), 2));
    const price = priceOf.get(variant(0))!;
    expect(view.lines).toEqual([
      {
        id: expect.any(String),
        quantity: 2,
        variant: { id: variant(0) },
        unitPrice: { amount: price, currencyCode: 'EUR' },
        lineTotal: { amount: 2 * price, currencyCode: 'EUR' },
      },
    ]);
    expect(view.totalQuantity).toBe(2);
    expect(view.subtotal).toEqual({ amount: 2 * price, currencyCode: 'EUR' });
  });

  it('merges a variant added twice into one line', async () => {
    const id = await createCart();
    changed(await addLine(id, variant(1), 2));
    const view = changed(await addLine(id, variant(1), 3));
    expect(view.lines).toHaveLength(1);
    expect(view.lines[0]!.quantity).toBe(5);
  });

  it('computes the subtotal from server prices', async () => {
    const id = await createCart();
    const wanted = [
      [variant(2), 1],
      [variant(5), 3],
      [variant(9), 2],
      [variant(40), 7],
    ] as const;
    for (const [variantId, quantity] of wanted) changed(await addLine(id, variantId, quantity));
    const expected = wanted.reduce((sum, [v, q]) => sum + priceOf.get(v)! * q, 0);
    const view = (await readCart(id))!;
    expect(view.subtotal).toEqual({ amount: expected, currencyCode: 'EUR' });
    expect(view.totalQuantity).toBe(13);
    expect(view.lines.map((line) => line.variant.id)).toEqual(wanted.map(([v]) => v));
  });

  it('refuses an unknown variant and writes nothing', async () => {
    const id = await createCart();
    const before = await stored(id);
    const unknown = randomUUID();
    expect(await addLine(id, unknown, 1)).toMatchObject({
      __typename: 'VariantNotFound',
      code: 'VARIANT_NOT_FOUND',
      variantId: unknown,
    });
    expect(await addLine(id, 'sku-123', 1)).toMatchObject({
      __typename: 'VariantNotFound',
      variantId: 'sku-123',
    });
    expect(await stored(id)).toEqual(before);
  });

  it('refuses quantities outside 1..99, merges included, and writes nothing', async () => {
    const id = await createCart();
    for (const requested of [0, -1, MAX_LINE_QUANTITY + 1]) {
      expect(await addLine(id, variant(3), requested)).toMatchObject({
        __typename: 'InvalidQuantity',
        code: 'INVALID_QUANTITY',
        min: 1,
        max: MAX_LINE_QUANTITY,
        requested,
      });
    }
    changed(await addLine(id, variant(3), 60));
    expect(await addLine(id, variant(3), 40)).toMatchObject({
      __typename: 'InvalidQuantity',
      requested: 100,
    });
    changed(await addLine(id, variant(3), 39));
    expect((await stored(id)).lines).toEqual([{ variant_id: variant(3), quantity: 99 }]);
  });

  it(`refuses a ${MAX_CART_LINES + 1}st distinct line but still merges into existing ones`, async () => {
    const id = await createCart();
    for (let i = 0; i < MAX_CART_LINES; i++) changed(await addLine(id, variant(i), 1));
    expect(await addLine(id, variant(MAX_CART_LINES), 1)).toMatchObject({
      __typename: 'CartLimitExceeded',
      code: 'CART_LIMIT_EXCEEDED',
      maxLines: MAX_CART_LINES,
    });
    const view = changed(await addLine(id, variant(0), 1));
    expect(view.lines).toHaveLength(MAX_CART_LINES);
    expect(view.totalQuantity).toBe(MAX_CART_LINES + 1);
  });

  it('keeps every unit when 20 adds to one cart race', async () => {
    const id = await createCart();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => addLine(id, variant(11), 1)),
    );
    for (const result of results) changed(result);
    expect((await stored(id)).lines).toEqual([{ variant_id: variant(11), quantity: 20 }]);
  });

  it('prices a cart of 30 lines with one call to products', async () => {
    const id = await createCart();
    for (let i = 0; i < 30; i++) changed(await addLine(id, variant(i), 1));
    productStatements.length = 0;
    const view = (await readCart(id))!;
    expect(view.lines).toHaveLength(30);
    expect(view.subtotal!.amount).toBe(
      Array.from({ length: 30 }, (_, i) => priceOf.get(variant(i))!).reduce((a, b) => a + b, 0),
    );
    // products answers one _entities request with one statement per table: the variants,
    // their products (only published ones are seen) and their prices.
    expect(productStatements).toHaveLength(3);

    // Checkout's quote reads the tax classes in that same call: still 3 statements.
    productStatements.length = 0;
    const { cart: quoted } = await run<{
      cart: { checkoutQuote: { lines: Array<{ taxClass: string }>; subtotal: number } };
    }>(`query($id: ID!) { cart(id: $id) { lines { id } checkoutQuote } }`, { id });
    expect(quoted.checkoutQuote.lines).toHaveLength(30);
    expect(quoted.checkoutQuote.subtotal).toBe(view.subtotal!.amount);
    expect(productStatements).toHaveLength(3);
  });

  it('reports products being down as SERVICE_UNAVAILABLE and writes nothing', async () => {
    const isolated = await startCart({
      databaseUrl: database.url,
      port: 0,
      migrate: false,
      productsUrl: await unreachableUrl(),
      queue: { databaseUrl: database.url, namespace: uniqueNamespace() },
      logLevel: 'silent',
    });
    try {
      const id = await createCart(isolated.url);
      const response = await graphql(
        isolated.url,
        `
          mutation ($c: ID!, $v: ID!) {
            addCartLine(cartId: $c, variantId: $v, quantity: 1) {
              __typename
            }
          }
        `,
        { c: id, v: variant(0) },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect((await stored(id)).lines).toEqual([]);
    } finally {
      await isolated.close();
    }
  });
});

describe('updateCartLine and removeCartLine', () => {
  it('sets a line quantity and bumps updatedAt', async () => {
    const id = await createCart();
    const added = changed(await addLine(id, variant(4), 2));
    const view = changed(await updateLine(id, added.lines[0]!.id, 7));
    expect(view.lines[0]!.quantity).toBe(7);
    expect(view.totalQuantity).toBe(7);
    expect(Date.parse(view.updatedAt)).toBeGreaterThan(Date.parse(added.updatedAt));
  });

  it('removes a line when its quantity is set to 0', async () => {
    const id = await createCart();
    const added = changed(await addLine(id, variant(4), 2));
    changed(await addLine(id, variant(5), 1));
    const view = changed(await updateLine(id, added.lines[0]!.id, 0));
    expect(view.lines.map((line) => line.variant.id)).toEqual([variant(5)]);
  });

  it('removes a line with removeCartLine', async () => {
    const id = await createCart();
    const added = changed(await addLine(id, variant(6), 2));
    const view = changed(await removeLine(id, added.lines[0]!.id));
    expect(view).toMatchObject({ lines: [], totalQuantity: 0, subtotal: null });
    expect((await stored(id)).lines).toEqual([]);
  });

  it('refuses quantities outside 0..99 and writes nothing', async () => {
    const id = await createCart();
    const lineId = changed(await addLine(id, variant(7), 2)).lines[0]!.id;
    for (const requested of [-1, MAX_LINE_QUANTITY + 1]) {
      expect(await updateLine(id, lineId, requested)).toMatchObject({
        __typename: 'InvalidQuantity',
        requested,
      });
    }
    expect((await stored(id)).lines).toEqual([{ variant_id: variant(7), quantity: 2 }]);
  });

  it('refuses a line of another cart and leaves it alone', async () => {
    const mine = await createCart();
    const theirs = await createCart();
    const theirLine = changed(await addLine(theirs, variant(8), 3)).lines[0]!.id;
    expect(await updateLine(mine, theirLine, 1)).toMatchObject({
      __typename: 'CartLineNotFound',
      code: 'CART_LINE_NOT_FOUND',
      cartId: mine,
      lineId: theirLine,
    });
    expect(await removeLine(mine, theirLine)).toMatchObject({ __typename: 'CartLineNotFound' });
    expect((await stored(theirs)).lines).toEqual([{ variant_id: variant(8), quantity: 3 }]);
  });
});

describe('malformed and unknown ids', () => {
  it('treats malformed ids like unknown ones, without sending them to SQL', async () => {
    const id = await createCart();
    const unknownCart = randomUUID();
    expect(await addLine(unknownCart, variant(0), 1)).toMatchObject({
      __typename: 'CartNotFound',
      code: 'CART_NOT_FOUND',
      cartId: unknownCart,
    });
    expect(await removeLine(unknownCart, randomUUID())).toMatchObject({
      __typename: 'CartNotFound',
    });
    expect(await removeLine(id, randomUUID())).toMatchObject({ __typename: 'CartLineNotFound' });

    statements.length = 0;
    expect(await addLine("1' or '1'='1", variant(0), 1)).toMatchObject({
      __typename: 'CartNotFound',
      cartId: "1' or '1'='1",
    });
    expect(await updateLine('42', randomUUID(), 1)).toMatchObject({ __typename: 'CartNotFound' });
    expect(await removeLine('', randomUUID())).toMatchObject({ __typename: 'CartNotFound' });
    expect(statements).toHaveLength(0);

    // With a real cart, the malformed line id is still never a SQL parameter.
    statements.length = 0;
    expect(await updateLine(id, 'line-1', 2)).toMatchObject({
      __typename: 'CartLineNotFound',
      lineId: 'line-1',
    });
    expect(statements.join('\n')).not.toContain('cart_lines');
  });
});

describe('hostile input', () => {
  const HOSTILE_IDS: Array<[string, string]> = [
    ['a NUL byte', `${randomUUID()}\u0000`],
    ['a lone surrogate', `\ud800${randomUUID()}`],
    ['a right-to-left override', `\u202e${randomUUID()}`],
    ['a zero-width space', `${randomUUID()}\u200b`],
    ['a control character', `${randomUUID()}\u001b[0m`],
    ['markup', `<script>${randomUUID()}</script>`],
    ['100,000 characters', 'a'.repeat(100_000)],
  ];

  /** Row counts of both cart tables: a refused change must leave them as they were. */
  const rowCounts = async () => {
    const [row] = await sql<[{ carts: number; lines: number; units: number }]>`
      select (select count(*) from cart.carts)::int as carts,
             (select count(*) from cart.cart_lines)::int as lines,
             (select coalesce(sum(quantity), 0) from cart.cart_lines)::int as units`;
    return row;
  };

  it.each(HOSTILE_IDS)(
    'treats a cart id with %s as unknown, without SQL or a products call',
    async (_, bad) => {
      const before = await rowCounts();
      statements.length = 0;
      productStatements.length = 0;
      expect(await readCart(bad)).toBeNull();
      expect(await addLine(bad, variant(0), 1)).toMatchObject({
        __typename: 'CartNotFound',
        code: 'CART_NOT_FOUND',
        cartId: bad,
      });
      expect(await updateLine(bad, randomUUID(), 1)).toMatchObject({ __typename: 'CartNotFound' });
      expect(await removeLine(bad, randomUUID())).toMatchObject({ __typename: 'CartNotFound' });
      expect(statements).toEqual([]);
      expect(productStatements).toEqual([]);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it.each(HOSTILE_IDS)(
    'refuses a variant or line id with %s and writes nothing',
    async (_, bad) => {
      const id = await createCart();
      const lineId = changed(await addLine(id, variant(13), 2)).lines[0]!.id;
      const before = { rows: await rowCounts(), cart: await stored(id) };
      productStatements.length = 0;
      expect(await addLine(id, bad, 1)).toMatchObject({
        __typename: 'VariantNotFound',
        code: 'VARIANT_NOT_FOUND',
        variantId: bad,
      });
      expect(productStatements).toEqual([]);
      expect(await updateLine(id, bad, 3)).toMatchObject({
        __typename: 'CartLineNotFound',
        lineId: bad,
      });
      expect(await removeLine(id, bad)).toMatchObject({ __typename: 'CartLineNotFound' });
      expect(await stored(id)).toEqual(before.cart);
      expect(await rowCounts()).toEqual(before.rows);
      expect((await readCart(id))!.lines.map((line) => line.id)).toEqual([lineId]);
    },
  );

  it('refuses negative and huge quantities as InvalidQuantity, without SQL', async () => {
    const id = await createCart();
    const lineId = changed(await addLine(id, variant(14), 2)).lines[0]!.id;
    const before = { rows: await rowCounts(), cart: await stored(id) };
    statements.length = 0;
    for (const requested of [-1, -2_147_483_648, 2_147_483_647]) {
      expect(await addLine(id, variant(14), requested)).toMatchObject({
        __typename: 'InvalidQuantity',
        code: 'INVALID_QUANTITY',
        requested,
      });
      expect(await updateLine(id, lineId, requested)).toMatchObject({
        __typename: 'InvalidQuantity',
        requested,
      });
    }
    expect(await addLine(id, variant(14), 0)).toMatchObject({ __typename: 'InvalidQuantity' });
    expect(statements).toEqual([]);
    expect(await stored(id)).toEqual(before.cart);
    expect(await rowCounts()).toEqual(before.rows);
  });

  it('leaves fractional, out-of-Int and non-numeric quantities to GraphQL, which refuses them', async () => {
    const id = await createCart();
    const lineId = changed(await addLine(id, variant(15), 2)).lines[0]!.id;
    const before = { rows: await rowCounts(), cart: await stored(id) };
    for (const quantity of [1.5, 2_147_483_648, -2_147_483_649, '3', null]) {
      const add = await graphql(
        cart.url,
        `
          mutation ($c: ID!, $v: ID!, $q: Int!) {
            addCartLine(cartId: $c, variantId: $v, quantity: $q) {
              __typename
            }
          }
        `,
        { c: id, v: variant(15), q: quantity },
      );
      expect(add.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(add.data ?? null).toBeNull();
      const update = await graphql(
        cart.url,
        `
          mutation ($c: ID!, $l: ID!, $q: Int!) {
            updateCartLine(cartId: $c, lineId: $l, quantity: $q) {
              __typename
            }
          }
        `,
        { c: id, l: lineId, q: quantity },
      );
      expect(update.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await stored(id)).toEqual(before.cart);
    expect(await rowCounts()).toEqual(before.rows);
  });
});

describe('checked-out carts', () => {
  it('refuses every change to a checked-out cart', async () => {
    const id = await createCart();
    const lineId = changed(await addLine(id, variant(10), 1)).lines[0]!.id;
    await sql`update cart.carts set status = 'CHECKED_OUT', order_id = ${randomUUID()} where id = ${id}`;
    const closed = { __typename: 'CartClosed', code: 'CART_CLOSED', cartId: id };
    expect(await addLine(id, variant(10), 1)).toMatchObject(closed);
    expect(await addLine(id, variant(12), 1)).toMatchObject(closed);
    expect(await updateLine(id, lineId, 5)).toMatchObject(closed);
    expect(await updateLine(id, lineId, 0)).toMatchObject(closed);
    expect(await removeLine(id, lineId)).toMatchObject(closed);
    expect((await stored(id)).lines).toEqual([{ variant_id: variant(10), quantity: 1 }]);
    expect((await readCart(id))!.status).toBe('CHECKED_OUT');
  });
});

describe('Cart entity', () => {
  const ENTITIES = /* GraphQL */ `
    query ($r: [_Any!]!) {
      _entities(representations: $r) {
        ... on Cart {
          id
          status
          totalQuantity
          lines {
            id
            quantity
            variant {
              id
            }
          }
        }
      }
    }
  `;
  const refs = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Cart', id })) });

  it('resolves 10 carts in as many SQL statements as 1 cart', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const id = await createCart();
      changed(await addLine(id, variant(i), i + 1));
      ids.push(id);
    }
    statements.length = 0;
    await run(ENTITIES, refs(ids.slice(0, 1)));
    const one = statements.length;

    statements.length = 0;
    const data = await run<{ _entities: Array<{ id: string; totalQuantity: number } | null> }>(
      ENTITIES,
      refs([...ids, randomUUID(), 'garbage']),
    );
    expect(statements).toHaveLength(one);
    expect(one).toBeLessThanOrEqual(2);
    expect(data._entities.map((e) => e?.totalQuantity ?? null)).toEqual([
      ...ids.map((_, i) => i + 1),
      null,
      null,
    ]);
  });
});

describe.each(queueBackends())('checkout events on $name', (backend) => {
  let worker: RunningService;
  let queues: QueueFactory;
  let jobs: JobQueue<EventEnvelope>;
  let publish: (event: EventEnvelope) => Promise<void>;

  // A namespace per test: each test has its own queue, consumer and publisher.
  beforeEach(async () => {
    const config = backend.config(database.url);
    worker = await startCart({
      databaseUrl: database.url,
      port: 0,
      migrate: false,
      productsUrl: products.url,
      queue: config,
      logLevel: 'silent',
    });
    queues = createQueueFactory(config);
    publish = createEventPublisher(queues).publish;
    jobs = queues.createQueue(eventQueueName('cart'));
  });

  afterEach(async () => {
    // PostgreSQL queues go with the test database; Redis keys would outlive the run.
    if (queues?.kind === 'redis') await jobs.obliterate({ force: true });
    await queues?.close();
    await worker?.close();
  });

  const orderPlaced = (
    cartId: string,
    orderId: string,
  ): EventEnvelope<'checkout.order.placed'> => ({
    id: randomUUID(),
    name: 'checkout.order.placed',
    occurredAt: new Date().toISOString(),
    payload: {
      orderId,
      cartId,
      lines: [{ variantId: variant(0), quantity: 1 }],
      total: { amount: priceOf.get(variant(0))!, currencyCode: 'EUR' },
    },
  });

  /** Waits until the worker has handled these events successfully. */
  const handled = (...events: EventEnvelope[]) =>
    eventually(async () => {
      const states = await Promise.all(events.map((event) => jobs.getJobState(event.id)));
      return states.every((state) => state === 'completed');
    });

  it('checks the cart out and records the order', async () => {
    const id = await createCart();
    changed(await addLine(id, variant(0), 1));
    const orderId = randomUUID();
    await publish(orderPlaced(id, orderId));
    await eventually(async () => (await stored(id)).cart?.status === 'CHECKED_OUT');
    expect((await stored(id)).cart).toMatchObject({ status: 'CHECKED_OUT', order_id: orderId });
    expect(await addLine(id, variant(0), 1)).toMatchObject({ __typename: 'CartClosed' });
  });

  it('treats a second delivery of the same order as a no-op', async () => {
    const id = await createCart();
    changed(await addLine(id, variant(0), 1));
    const orderId = randomUUID();
    const event = orderPlaced(id, orderId);
    await publish(event);
    await publish(event); // the same event id is the same job
    await handled(event);
    const first = await stored(id);
    expect(first.cart).toMatchObject({ status: 'CHECKED_OUT', order_id: orderId });

    // A redelivery under a new event id, and another order naming the same cart.
    const again = orderPlaced(id, orderId);
    const other = orderPlaced(id, randomUUID());
    await publish(again);
    await publish(other);
    await handled(again, other);
    expect(await stored(id)).toEqual(first);
  });

  it("opens the cart again when its order's payment fails, and not for another order's", async () => {
    const id = await createCart();
    changed(await addLine(id, variant(0), 1));
    const orderId = randomUUID();
    const placed = orderPlaced(id, orderId);
    await publish(placed);
    await handled(placed);
    const failed = (failedOrderId: string): EventEnvelope<'checkout.payment.failed'> => ({
      id: randomUUID(),
      name: 'checkout.payment.failed',
      occurredAt: new Date().toISOString(),
      payload: { orderId: failedOrderId, cartId: id, paymentId: randomUUID(), reason: 'Refused' },
    });
    const other = failed(randomUUID());
    await publish(other);
    await handled(other);
    expect((await stored(id)).cart).toMatchObject({ status: 'CHECKED_OUT', order_id: orderId });

    const own = failed(orderId);
    await publish(own);
    await handled(own);
    expect((await stored(id)).cart).toMatchObject({ status: 'ACTIVE', order_id: null });
    expect(await addLine(id, variant(0), 1)).toMatchObject({ __typename: 'Cart' });
  });

  it('ignores an order placed from an unknown cart', async () => {
    const event = orderPlaced(randomUUID(), randomUUID());
    await publish(event);
    await handled(event);
    expect(await readCart(event.payload.cartId)).toBeNull();
  });
});
