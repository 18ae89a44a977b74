import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildThreeDSResult, type ThreeDS2ChallengeAction } from '@commerce-graph/adyen-simulator';
import {
  IDENTITY_HEADER,
  internalHeaders,
  runMigrations,
  signIdentityAssertion,
  type Actor,
} from '@commerce-graph/kit';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { DEFAULT_ORDER_LOOKUP_BUDGET } from '../src/app.ts';
import { migrationsFolder, schema } from '../src/db/client.ts';
import { CheckoutPrivacyService } from '../src/service/privacy.service.ts';
import {
  CARD,
  cartWith,
  fetchOrder,
  ORDER_FIELDS,
  orderInput,
  placeOrderOk,
  variantPicker,
  type OrderView,
  type PlaceOrderInput,
} from './support/shop.ts';

const catalog = buildDemoCatalog(30);
const INTERNAL_TOKEN = randomBytes(24).toString('base64url');
const ORDER_NUMBER = /^CG-[1-9][0-9]{5,17}$/;

const ORDER_BY_NUMBER = /* GraphQL */ `
  query ByNumber($number: String!, $email: String!) {
    orderByNumber(number: $number, email: $email) {
      ...OrderFields
    }
  }
  ${ORDER_FIELDS}
`;

/** The digits of an order number, as PostgreSQL's bigint holds them. */
const digitsOf = (number: string) => BigInt(number.slice('CG-'.length));

for (const backend of queueBackends()) {
  describe(`order numbers and orderByNumber (BullMQ and limits on ${backend.name})`, () => {
    let shop: TestGraph;
    let sql: postgres.Sql;
    let checkoutUrl: string;
    let cartUrl: string;
    /** Every SQL statement checkout ran, to see which lookups reached the database. */
    const statements: string[] = [];
    const lookupStatements = () => statements.filter((s) => /"number" = any\(/.test(s)).length;
    const pickVariant = variantPicker(catalog);
    // Budget keys only (the gateway's view of a client): no traffic goes to these addresses.
    let networks = 0;
    const newNetwork = () => `203.0.113.${++networks}`;

    /** Headers of a request the gateway passes on for `actor`: internal token and assertion. */
    const as = async (actor: Actor): Promise<Record<string, string>> => ({
      ...internalHeaders(INTERNAL_TOKEN),
      [IDENTITY_HEADER]: await signIdentityAssertion(INTERNAL_TOKEN, actor),
    });
    const guest = (network = newNetwork()) => as({ kind: 'anonymous', network });

    /** A guest order of one unit of an untouched variant, placed from a network of its own. */
    const placeGuestOrder = async (overrides: Partial<PlaceOrderInput> = {}) => {
      const headers = await guest();
      const variantId = pickVariant(1).id;
      const cartId = await cartWith(
        { cart: cartUrl, checkout: checkoutUrl },
        [{ variantId, quantity: 1 }],
        headers,
      );
      return placeOrderOk(checkoutUrl, orderInput(cartId, overrides), headers);
    };

    /** `orderByNumber` as an anonymous client of `network` (a fresh one unless named). */
    const lookUp = async (number: string, email: string, network?: string) =>
      graphql<{ orderByNumber: OrderView | null }>(
        checkoutUrl,
        ORDER_BY_NUMBER,
        { number, email },
        await guest(network),
      );

    beforeAll(async () => {
      shop = await startTestGraph(backend, {
        catalog,
        internalToken: INTERNAL_TOKEN,
        onQuery: (subgraph, query) => {
          if (subgraph === 'checkout') statements.push(query);
        },
      });
      sql = shop.sql;
      checkoutUrl = shop.url('checkout');
      cartUrl = shop.url('cart');
    });

    afterAll(async () => {
      // Let every webhook arrive and be processed first: closing BullMQ's PostgreSQL backend
      // while a notification job runs can hang.
      if (shop) {
        await shop.graph.simulator!.flushWebhooks();
        await eventually(async () => {
          const [row] = await sql<[{ waiting: number }]>`
            select count(*)::int as waiting from checkout.adyen_notifications
            where processed_at is null`;
          return row.waiting === 0;
        });
      }
      await shop?.close();
    });

    describe('Order.number', () => {
      it('is CG- and the digits of a number unique to the order, growing with each order', async () => {
        const placed = [];
        for (let i = 0; i < 3; i++) placed.push(await placeGuestOrder());
        const numbers = placed.map((p) => p.order.number);
        for (const number of numbers) expect(number).toMatch(ORDER_NUMBER);
        expect(new Set(numbers).size).toBe(3);
        const digits = numbers.map(digitsOf);
        expect(digits[0]).toBeGreaterThanOrEqual(100_001n);
        expect(digits[1]).toBeGreaterThan(digits[0]!);
        expect(digits[2]).toBeGreaterThan(digits[1]!);

        // What placeOrder answered is what the table holds and what order(id, accessKey) shows.
        for (const p of placed) {
          const [row] = await sql<[{ number: string }]>`
            select number::text from checkout.orders where id = ${p.order.id}`;
          expect(`CG-${row.number}`).toBe(p.order.number);
          const read = await fetchOrder(checkoutUrl, p, internalHeaders(INTERNAL_TOKEN));
          expect(read?.number).toBe(p.order.number);
        }
      });

      it('cannot be chosen or reused by an insert (identity always, unique index)', async () => {
        const taken = digitsOf((await placeGuestOrder()).order.number);
        const insert = (overriding: boolean) =>
          sql.unsafe(
            `insert into checkout.orders
               (id, number, cart_id, email, subtotal_amount, total_amount, currency)
             ${overriding ? 'overriding system value' : ''}
             values ($1, $2, $3, 'x@example.com', 1, 1, 'EUR')`,
            [randomUUID(), taken.toString(), randomUUID()],
          );
        await expect(insert(false)).rejects.toMatchObject({ code: '428C9' });
        await expect(insert(true)).rejects.toMatchObject({
          code: '23505',
          constraint_name: 'orders_number_unique',
        });
      });
    });

    describe('orderByNumber', () => {
      it('finds the order by number and email in any letter case, showing what its owner sees', async () => {
        const placed = await placeGuestOrder({ email: 'Kim.Shopper@Example.COM' });
        // Paid first, so the webhook does not change the order between the two reads.
        const owner = await eventually(async () => {
          const order = await fetchOrder(checkoutUrl, placed, internalHeaders(INTERNAL_TOKEN));
          return order?.status === 'PAID' ? order : null;
        });
        expect(owner).toMatchObject({ id: placed.order.id, email: 'Kim.Shopper@example.com' });
        const { number } = placed.order;

        for (const [asked, email] of [
          [number, 'Kim.Shopper@example.com'],
          [number.toLowerCase(), 'KIM.SHOPPER@EXAMPLE.COM'],
          [`  ${number} `, ' kim.shopper@example.com\n'],
        ] as const) {
          const response = await lookUp(asked, email);
          expect(response.errors, `${asked} ${email}`).toBeUndefined();
          expect(response.data?.orderByNumber, `${asked} ${email}`).toEqual(owner);
        }
      });

      it('answers the same null for another email, an unknown, malformed or huge number', async () => {
        const placed = await placeGuestOrder();
        const { number, email } = placed.order;
        const digits = digitsOf(number);
        // [case, number, email, whether the lookup may reach SQL (a well-formed pair)]
        const cases: Array<[string, string, string, boolean]> = [
          ['another email', number, 'someone.else@example.com', true],
          ['the email with a changed letter', number, email.replace('shopper', 'shoppor'), true],
          ['a number no order has', `CG-${digits + 1000n}`, email, true],
          ['18 digits, the most a number has', `CG-${'9'.repeat(18)}`, email, true],
          ['19 digits, past bigint', `CG-${'9'.repeat(19)}`, email, false],
          ['400 digits', `CG-${'9'.repeat(400)}`, email, false],
          ['no prefix', digits.toString(), email, false],
          ['another prefix', `XX-${digits}`, email, false],
          ['five digits', 'CG-12345', email, false],
          ['a leading zero', `CG-0${digits}`, email, false],
          ['a letter among the digits', `CG-${digits}`.replace(/.$/, 'O'), email, false],
          ['a negative number', `CG--${digits}`, email, false],
          ['SQL', `${number}' or '1'='1`, email, false],
          ['an empty number', '', email, false],
          ['an empty email', number, '', false],
          ['a malformed email', number, 'shopper@', false],
          ['an email with a NUL byte', number, `${email}\u0000`, false],
        ];
        for (const [name, asked, askedEmail, reachesSql] of cases) {
          const before = lookupStatements();
          const { status, errors, data } = await lookUp(asked, askedEmail);
          expect({ status, errors, data }, name).toEqual({
            status: 200,
            errors: undefined,
            data: { orderByNumber: null },
          });
          expect(lookupStatements() - before, `${name}: statements`).toBe(reachesSql ? 1 : 0);
        }
        // The right pair still finds it: the nulls above were not the lookup being broken.
        expect((await lookUp(number, email)).data?.orderByNumber?.id).toBe(placed.order.id);
      });

      it('never finds an order whose email was erased (GDPR)', async () => {
        const customer: Actor = {
          kind: 'customer',
          customerId: randomUUID(),
          sessionId: randomUUID(),
          network: newNetwork(),
        };
        const headers = await as(customer);
        const cartId = await cartWith(
          { cart: cartUrl, checkout: checkoutUrl },
          [{ variantId: pickVariant(1).id, quantity: 1 }],
          headers,
        );
        const placed = await placeOrderOk(checkoutUrl, orderInput(cartId), headers);
        const { number, email } = placed.order;
        expect((await lookUp(number, email)).data?.orderByNumber?.id).toBe(placed.order.id);

        const privacy = new CheckoutPrivacyService(drizzle(sql, { schema }));
        expect(await privacy.eraseCustomer(customer.customerId)).toBe(1);

        const [row] = await sql<[{ email: string | null }]>`
          select email from checkout.orders where id = ${placed.order.id}`;
        expect(row.email).toBeNull();
        const erased = await lookUp(number, email);
        expect(erased.errors).toBeUndefined();
        expect(erased.data).toEqual({ orderByNumber: null });
      });

      it('is read-only: the order it finds pays only with its access key', async () => {
        const placed = await placeGuestOrder({
          paymentMethod: { ...CARD, encryptedCardNumber: 'test_4212345678910006' },
        });
        expect(placed.payment).toMatchObject({ status: 'PENDING', resultCode: 'ChallengeShopper' });
        const found = (await lookUp(placed.order.number, placed.order.email)).data?.orderByNumber;
        expect(found?.id).toBe(placed.order.id);

        // The answer has no key to give: Order has no such field.
        const keyAsked = await graphql(
          checkoutUrl,
          'query($n: String!, $e: String!) { orderByNumber(number: $n, email: $e) { accessKey } }',
          { n: placed.order.number, e: placed.order.email },
          await guest(),
        );
        expect(keyAsked.status).toBe(400);
        expect(keyAsked.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

        const SUBMIT = `mutation($id: ID!, $key: String, $details: JSON!) {
          submitPaymentDetails(orderId: $id, accessKey: $key, details: $details) {
            __typename
            ... on OrderPlaced { payment { status resultCode } }
            ... on UserError { code }
          }
        }`;
        const action = placed.action as ThreeDS2ChallengeAction;
        const details = { threeDSResult: buildThreeDSResult('Y', action) };
        const withoutKey = await graphql(
          checkoutUrl,
          SUBMIT,
          { id: found!.id, details },
          await guest(),
        );
        expect(withoutKey.data).toEqual({
          submitPaymentDetails: { __typename: 'OrderNotPayable', code: 'ORDER_NOT_PAYABLE' },
        });
        const opened = await fetchOrder(
          checkoutUrl,
          { order: { id: found!.id }, accessKey: null },
          await guest(),
        );
        expect(opened).toBeNull();

        const withKey = await graphql(
          checkoutUrl,
          SUBMIT,
          { id: found!.id, key: placed.accessKey, details },
          await guest(),
        );
        expect(withKey.data).toEqual({
          submitPaymentDetails: {
            __typename: 'OrderPlaced',
            payment: { status: 'PENDING', resultCode: 'Authorised' },
          },
        });
      });

      it('turns a network away after its budget of lookups, even with the right pair, and not another network', async () => {
        const placed = await placeGuestOrder();
        const { number, email } = placed.order;
        const limit = DEFAULT_ORDER_LOOKUP_BUDGET.points;
        expect(limit).toBe(10);
        const guesser = newNetwork();
        for (let i = 0; i < limit; i++) {
          const miss = await lookUp(number, `guess${i}@example.com`, guesser);
          expect(miss.errors, `lookup ${i + 1}`).toBeUndefined();
          expect(miss.data, `lookup ${i + 1}`).toEqual({ orderByNumber: null });
        }

        const before = lookupStatements();
        const refused = await lookUp(number, email, guesser);
        expect(refused.data).toEqual({ orderByNumber: null });
        expect(refused.errors).toHaveLength(1);
        expect(refused.errors![0]!.extensions).toMatchObject({ code: 'THROTTLED' });
        const retryAfter = refused.errors![0]!.extensions!.retryAfterSeconds as number;
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(DEFAULT_ORDER_LOOKUP_BUDGET.seconds);
        // Malformed or not, a throttled lookup reads nothing.
        expect((await lookUp('CG-1', email, guesser)).errors?.[0]?.extensions?.code).toBe(
          'THROTTLED',
        );
        expect(lookupStatements()).toBe(before);

        const other = await lookUp(number, email, newNetwork());
        expect(other.errors).toBeUndefined();
        expect(other.data?.orderByNumber?.id).toBe(placed.order.id);
      });

      it('counts lookups that find the order too, so parallel guesses cannot outrun the budget', async () => {
        const placed = await placeGuestOrder();
        const network = newNetwork();
        const limit = DEFAULT_ORDER_LOOKUP_BUDGET.points;
        const answers = await Promise.all(
          Array.from({ length: limit + 5 }, () =>
            lookUp(placed.order.number, placed.order.email, network),
          ),
        );
        const found = answers.filter((a) => a.data?.orderByNumber?.id === placed.order.id);
        const throttled = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'THROTTLED');
        expect(found).toHaveLength(limit);
        expect(throttled).toHaveLength(5);
      });
    });
  });
}

describe('migration 0004_order_numbers', () => {
  const databases: TestDatabase[] = [];
  let before0004: string;

  beforeAll(async () => {
    // The committed migrations as they were before this one: 0000 to 0003.
    before0004 = await mkdtemp(path.join(tmpdir(), 'checkout-migrations-'));
    await cp(migrationsFolder, before0004, { recursive: true });
    await rm(path.join(before0004, '0004_order_numbers.sql'));
    const journalPath = path.join(before0004, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as {
      entries: Array<{ tag: string }>;
    };
    expect(journal.entries.map((e) => e.tag)).toContain('0004_order_numbers');
    journal.entries = journal.entries.filter((e) => e.tag < '0004');
    await writeFile(journalPath, JSON.stringify(journal));
  });

  afterAll(async () => {
    for (const database of databases) await database.drop();
    if (before0004) await rm(before0004, { recursive: true, force: true });
  });

  const withDatabase = async (run: (sql: postgres.Sql, url: string) => Promise<void>) => {
    const database = await createTestDatabase();
    databases.push(database);
    const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
    try {
      await run(sql, database.url);
    } finally {
      await sql.end();
    }
  };
  /** An order of 100 EUR placed `daysAgo`, in the tables as they are now (all migrations). */
  const insertOrder = (sql: postgres.Sql, daysAgo: number) =>
    sql<[{ id: string }]>`
      insert into checkout.orders
        (id, cart_id, email, subtotal_amount, total_amount, currency, created_at)
      values (${randomUUID()}, ${randomUUID()}, 'a@example.com', 100, 100, 'EUR',
              now() - make_interval(days => ${daysAgo}))
      returning id`.then(([row]) => row.id);
  /** The same, in the tables as they were before 0004 (no number, no subtotal). */
  const insertOldOrder = (sql: postgres.Sql, daysAgo: number) =>
    sql<[{ id: string }]>`
      insert into checkout.orders (id, cart_id, email, total_amount, currency, created_at)
      values (${randomUUID()}, ${randomUUID()}, 'a@example.com', 100, 'EUR',
              now() - make_interval(days => ${daysAgo}))
      returning id`.then(([row]) => row.id);

  it('numbers existing orders in the order they were placed, and new ones after them', async () => {
    await withDatabase(async (sql, url) => {
      await runMigrations(url, 'checkout', before0004);
      // Inserted out of order, and the newest updated (its row moves in storage).
      const newest = await insertOldOrder(sql, 1);
      const oldest = await insertOldOrder(sql, 3);
      const middle = await insertOldOrder(sql, 2);
      await sql`update checkout.orders set status = 'PAID' where id = ${newest}`;

      await runMigrations(url, 'checkout', migrationsFolder);
      const rows = await sql<Array<{ id: string; number: string }>>`
        select id, number::text from checkout.orders order by number`;
      expect(rows).toEqual([
        { id: oldest, number: '100001' },
        { id: middle, number: '100002' },
        { id: newest, number: '100003' },
      ]);
      const next = await insertOrder(sql, 0);
      const [row] = await sql<[{ number: string }]>`
        select number::text from checkout.orders where id = ${next}`;
      expect(row.number).toBe('100004');
    });
  });

  // Guards migration 0005_order_discounts on a table with orders: its NOT NULL subtotal needs
  // the backfill, and an order from before discounts had none.
  it('gives orders placed before discounts their total as subtotal and no discount (0005)', async () => {
    await withDatabase(async (sql, url) => {
      await runMigrations(url, 'checkout', before0004);
      const old = await insertOldOrder(sql, 1);
      await runMigrations(url, 'checkout', migrationsFolder);
      const [row] = await sql<[Record<string, unknown>]>`
        select subtotal_amount, discount_amount, discount_code, total_amount,
               shipping_amount, tax_amount, tax_included, tax_lines, shipping_address
        from checkout.orders where id = ${old}`;
      // 0010_shipping_and_tax too: no shipping, no tax, prices as they were (included).
      expect(row).toEqual({
        subtotal_amount: 100,
        discount_amount: 0,
        discount_code: null,
        total_amount: 100,
        shipping_amount: 0,
        tax_amount: 0,
        tax_included: true,
        tax_lines: [],
        shipping_address: null,
      });
      // The checks hold from now on: a total that does not add up is refused.
      await expect(
        sql`update checkout.orders set discount_amount = 10 where id = ${old}`,
      ).rejects.toMatchObject({ constraint_name: 'orders_total_adds_up' });
    });
  });

  it('starts at 100001 on a table without orders', async () => {
    await withDatabase(async (sql, url) => {
      await runMigrations(url, 'checkout', migrationsFolder);
      const first = await insertOrder(sql, 0);
      const second = await insertOrder(sql, 0);
      const rows = await sql<Array<{ id: string; number: string }>>`
        select id, number::text from checkout.orders order by number`;
      expect(rows).toEqual([
        { id: first, number: '100001' },
        { id: second, number: '100002' },
      ]);
    });
  });
});

describe('orderByNumber through the gateway, in production', () => {
  let shop: TestGraph;
  let gatewayUrl: string;
  const pickVariant = variantPicker(catalog);

  beforeAll(async () => {
    shop = await startTestGraph(queueBackends()[0]!, {
      catalog,
      internalToken: INTERNAL_TOKEN,
      production: true,
    });
    gatewayUrl = shop.graph.gatewayUrl;
  });

  afterAll(async () => {
    if (shop) {
      await shop.graph.simulator!.flushWebhooks();
      await eventually(async () => {
        const [row] = await shop.sql<[{ waiting: number }]>`
          select count(*)::int as waiting from checkout.adyen_notifications
          where processed_at is null`;
        return row.waiting === 0;
      });
    }
    await shop?.close();
  });

  it('finds the order, and its THROTTLED refusal reaches the client with its retry time', async () => {
    const cartId = await cartWith({ cart: gatewayUrl, checkout: gatewayUrl }, [
      { variantId: pickVariant(1).id, quantity: 1 },
    ]);
    const placed = await placeOrderOk(gatewayUrl, orderInput(cartId));
    expect(placed.order.number).toMatch(ORDER_NUMBER);
    const { number, email } = placed.order;
    const ask = (askedEmail: string) =>
      graphql<{ orderByNumber: OrderView | null }>(gatewayUrl, ORDER_BY_NUMBER, {
        number,
        email: askedEmail,
      });

    // Every test request comes from 127.0.0.1: one network, one budget.
    const found = await ask(email.toUpperCase());
    expect(found.errors).toBeUndefined();
    expect(found.data?.orderByNumber).toMatchObject({ id: placed.order.id, number });
    for (let i = 1; i < DEFAULT_ORDER_LOOKUP_BUDGET.points; i++) {
      expect((await ask(`guess${i}@example.com`)).data).toEqual({ orderByNumber: null });
    }
    const refused = await ask(email);
    expect(refused.data).toEqual({ orderByNumber: null });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Too many order lookups from this network; retry in \d+ s$/),
      extensions: { code: 'THROTTLED', retryAfterSeconds: expect.any(Number) },
    });
  });
});
