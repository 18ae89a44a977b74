import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  internalHeaders,
  signIdentityAssertion,
  type Actor,
  type RunningService,
} from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { graphql as post } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { migrationsFolder, startProducts } from '../src/app.ts';
import { MAX_PRICE_AMOUNT } from '../src/service/pricing.ts';

const INTERNAL_TOKEN = 'products-prices-test-internal-token-0123456789';
const staff: Actor = {
  kind: 'customer',
  customerId: randomUUID(),
  sessionId: randomUUID(),
  permissions: ['catalog:write'],
};

/** The subgraph's clock: tests move it across price boundaries, to the millisecond. */
const T0 = new Date('2030-01-01T00:00:00.000Z');
let clock = T0;
const at = (ms: number) => new Date(T0.getTime() + ms);

const category = randomUUID();
const product = randomUUID();
/** Each test prices its own variant, so their events and prices never mix. */
const variants = {
  base: randomUUID(),
  scheduled: randomUUID(),
  inForce: randomUUID(),
  refusals: randomUUID(),
};

let database: TestDatabase;
let service: RunningService;
let sql: postgres.Sql;

async function gql<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
  actor?: Actor,
) {
  const headers = internalHeaders(INTERNAL_TOKEN);
  if (actor) headers[IDENTITY_HEADER] = await signIdentityAssertion(INTERNAL_TOKEN, actor);
  const response = await post<T>(service.url, query, variables, headers);
  if (response.data === undefined) {
    throw new Error(JSON.stringify(response.errors?.map((e) => e.message)));
  }
  return response;
}

beforeAll(async () => {
  database = await createTestDatabase([{ subgraph: 'products', folder: migrationsFolder }]);
  sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  await sql`insert into products.categories (id, slug, name, path)
    values (${category}, 'bags', 'Bags', ${`${category}/`})`;
  await sql`insert into products.products (id, slug, name, category_id, status, published_at)
    values (${product}, 'trail-pack', 'Trail Pack', ${category}, 'PUBLISHED', now())`;
  const ids = Object.values(variants);
  await sql`insert into products.variants ${sql(
    ids.map((id, i) => ({ id, product_id: product, sku: `PACK-${i}`, position: i })),
  )}`;
  await sql`insert into products.prices ${sql(
    ids.flatMap((variant_id) =>
      [
        ['EUR', 10000],
        ['USD', 11000],
        ['GBP', 9000],
      ].map(([currency, amount]) => ({ variant_id, currency, amount })),
    ),
  )}`;
  service = await startProducts({
    databaseUrl: database.url,
    queue: queueBackends().at(-1)!.config(database.url),
    port: 0,
    migrate: false,
    logLevel: 'silent',
    internalToken: INTERNAL_TOKEN,
    now: () => clock,
    // The boundary poll would announce scheduled prices too; these tests look only at setPrice.
    priceBoundaryPollMs: 3_600_000,
  });
});

afterAll(async () => {
  await service?.close();
  await sql?.end();
  await database?.drop();
});

const SET_PRICE = /* GraphQL */ `
  mutation ($input: SetPriceInput!) {
    setPrice(input: $input) {
      __typename
      ... on UserError {
        code
        message
      }
      ... on UnknownCurrency {
        currencyCode
      }
      ... on VariantNotFound {
        variantId
      }
      ... on Price {
        id
        amount {
          amount
          currencyCode
        }
        compareAt {
          amount
          currencyCode
        }
        startsAt
        endsAt
      }
    }
  }
`;
const REMOVE_PRICE = /* GraphQL */ `
  mutation ($id: ID!) {
    removePrice(id: $id) {
      __typename
      ... on UserError {
        code
      }
      ... on PriceNotFound {
        priceId
      }
      ... on Price {
        id
        amount {
          amount
        }
      }
    }
  }
`;
const PRICES = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on ProductVariant {
        prices {
          id
          amount {
            amount
            currencyCode
          }
          compareAt {
            amount
          }
          startsAt
          endsAt
        }
      }
    }
  }
`;
const STOREFRONT_PRICE = /* GraphQL */ `
  query ($id: ID!) {
    product(id: $id) {
      variants {
        id
        price(currencyCode: "EUR") {
          amount
        }
        compareAtPrice(currencyCode: "EUR") {
          amount
        }
      }
    }
  }
`;

const pricesOf = async (variantId: string) =>
  (await gql(PRICES, { r: [{ __typename: 'ProductVariant', id: variantId }] }, staff)).data!
    ._entities[0].prices as Array<{
    id: string;
    amount: { amount: number; currencyCode: string };
    compareAt: { amount: number } | null;
    startsAt: string | null;
    endsAt: string | null;
  }>;

const priceEvents = async (variantId: string) =>
  (
    await sql<Array<{ payload: any }>>`
      select payload from products.outbox_events
      where name = 'products.price.changed' and payload->>'variantId' = ${variantId}
      order by occurred_at, id`
  ).map((row) => row.payload);

/** The storefront's EUR price of a variant now, and the response's max-age in seconds. */
async function storefrontPrice(variantId: string) {
  const response = await gql(STOREFRONT_PRICE, { id: product });
  const variant = response.data!.product.variants.find((v: { id: string }) => v.id === variantId);
  const header = response.headers.get('cache-control') ?? '';
  const maxAge = Number(/max-age=(\d+)/.exec(header)?.[1] ?? 0);
  return {
    amount: variant.price.amount as number,
    compareAt: (variant.compareAtPrice?.amount ?? null) as number | null,
    maxAge,
  };
}

describe('setPrice: base prices', () => {
  it('replaces the base price in place and announces the change once', async () => {
    clock = T0;
    const [eurBase] = (await pricesOf(variants.base)).filter(
      (p) => p.amount.currencyCode === 'EUR',
    );
    const { data } = await gql(
      SET_PRICE,
      {
        input: {
          variantId: variants.base,
          currencyCode: 'EUR',
          amount: 8900,
          compareAtAmount: 10000,
        },
      },
      staff,
    );
    expect(data!.setPrice).toEqual({
      __typename: 'Price',
      id: eurBase!.id,
      amount: { amount: 8900, currencyCode: 'EUR' },
      compareAt: { amount: 10000, currencyCode: 'EUR' },
      startsAt: null,
      endsAt: null,
    });
    expect(await priceEvents(variants.base)).toEqual([
      {
        variantId: variants.base,
        productId: product,
        price: { amount: 8900, currencyCode: 'EUR' },
        compareAt: { amount: 10000, currencyCode: 'EUR' },
        effectiveAt: T0.toISOString(),
      },
    ]);
    expect(await storefrontPrice(variants.base)).toMatchObject({ amount: 8900, compareAt: 10000 });

    // The same price again changes nothing in force: no second event.
    await gql(
      SET_PRICE,
      {
        input: {
          variantId: variants.base,
          currencyCode: 'EUR',
          amount: 8900,
          compareAtAmount: 10000,
        },
      },
      staff,
    );
    expect(await priceEvents(variants.base)).toHaveLength(1);
    expect(
      (await pricesOf(variants.base)).filter((p) => p.startsAt === null && p.endsAt === null),
    ).toHaveLength(3);
  });
});

describe('setPrice: scheduled prices', () => {
  it('takes effect exactly at startsAt and ends exactly at endsAt, with cache hints ending before each boundary', async () => {
    clock = T0;
    const startsAt = at(30_000);
    const endsAt = at(90_000);
    const { data } = await gql(
      SET_PRICE,
      {
        input: {
          variantId: variants.scheduled,
          currencyCode: 'EUR',
          amount: 7500,
          compareAtAmount: 10000,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        },
      },
      staff,
    );
    expect(data!.setPrice).toMatchObject({
      __typename: 'Price',
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    });
    // Not in force yet: announced at its start by the price boundaries, not now.
    expect(await priceEvents(variants.scheduled)).toEqual([]);

    const expectations: Array<[Date, number, number | null]> = [
      [T0, 10000, null],
      [new Date(startsAt.getTime() - 1), 10000, null],
      [startsAt, 7500, 10000],
      [new Date(endsAt.getTime() - 1), 7500, 10000],
      [endsAt, 10000, null],
      [at(3_600_000), 10000, null],
    ];
    for (const [instant, amount, compareAt] of expectations) {
      clock = instant;
      const seen = await storefrontPrice(variants.scheduled);
      expect({ at: instant.toISOString(), amount: seen.amount, compareAt: seen.compareAt }).toEqual(
        {
          at: instant.toISOString(),
          amount,
          compareAt,
        },
      );
      const next = [startsAt, endsAt].find((boundary) => boundary.getTime() > instant.getTime());
      if (next) {
        // A cache may keep the answer for maxAge seconds: that must end before the boundary.
        expect(instant.getTime() + seen.maxAge * 1000).toBeLessThan(next.getTime());
      } else {
        expect(seen.maxAge).toBe(60);
      }
    }
    clock = T0;
    expect((await storefrontPrice(variants.scheduled)).maxAge).toBe(29);
  });

  it('announces a scheduled price already in force at once, and the base price again when it is removed', async () => {
    clock = T0;
    const { data } = await gql(
      SET_PRICE,
      {
        input: {
          variantId: variants.inForce,
          currencyCode: 'EUR',
          amount: 6000,
          startsAt: at(-3_600_000).toISOString(),
          endsAt: at(3_600_000).toISOString(),
        },
      },
      staff,
    );
    const sale = data!.setPrice;
    expect(sale.__typename).toBe('Price');
    expect(await storefrontPrice(variants.inForce)).toMatchObject({ amount: 6000 });

    clock = at(1_000);
    const removed = await gql(REMOVE_PRICE, { id: sale.id }, staff);
    expect(removed.data!.removePrice).toEqual({
      __typename: 'Price',
      id: sale.id,
      amount: { amount: 6000 },
    });
    expect(await storefrontPrice(variants.inForce)).toMatchObject({ amount: 10000 });
    expect(
      (await priceEvents(variants.inForce)).map((e) => [e.price.amount, e.effectiveAt]),
    ).toEqual([
      [6000, T0.toISOString()],
      [10000, at(1_000).toISOString()],
    ]);
    expect((await pricesOf(variants.inForce)).map((p) => p.id)).not.toContain(sale.id);
  });

  it('answers PriceNotFound for a base price, an unknown id and a malformed one', async () => {
    const [base] = await pricesOf(variants.inForce);
    for (const id of [base!.id, randomUUID(), 'not-a-price']) {
      const { data } = await gql(REMOVE_PRICE, { id }, staff);
      expect(data!.removePrice).toEqual({
        __typename: 'PriceNotFound',
        code: 'PRICE_NOT_FOUND',
        priceId: id,
      });
    }
    expect((await pricesOf(variants.inForce)).map((p) => p.id)).toContain(base!.id);
  });

  it('lists base prices first, then scheduled ones by start, for staff', async () => {
    clock = T0;
    for (const [startsAt, amount] of [
      [at(7_200_000), 5000],
      [at(3_600_000), 5500],
    ] as const) {
      await gql(
        SET_PRICE,
        {
          input: {
            variantId: variants.inForce,
            currencyCode: 'GBP',
            amount,
            startsAt: startsAt.toISOString(),
          },
        },
        staff,
      );
    }
    const listed = await pricesOf(variants.inForce);
    expect(listed.map((p) => [p.amount.currencyCode, p.amount.amount, p.startsAt])).toEqual([
      ['EUR', 10000, null],
      ['GBP', 9000, null],
      ['USD', 11000, null],
      ['GBP', 5500, at(3_600_000).toISOString()],
      ['GBP', 5000, at(7_200_000).toISOString()],
    ]);
  });
});

describe('setPrice: refusals', () => {
  const valid = { variantId: variants.refusals, currencyCode: 'EUR', amount: 5000 };
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['a negative amount', { amount: -1 }, { __typename: 'InvalidPrice', code: 'INVALID_PRICE' }],
    [
      'an amount over the maximum',
      { amount: MAX_PRICE_AMOUNT + 1 },
      { __typename: 'InvalidPrice' },
    ],
    [
      'a compare-at price equal to the amount',
      { compareAtAmount: 5000 },
      { __typename: 'InvalidPrice' },
    ],
    [
      'a compare-at price below the amount',
      { compareAtAmount: 4000 },
      { __typename: 'InvalidPrice' },
    ],
    [
      'a window that ends before it starts',
      { startsAt: at(60_000).toISOString(), endsAt: at(60_000).toISOString() },
      { __typename: 'InvalidPrice' },
    ],
    ['a start that is not an instant', { startsAt: 'tomorrow' }, { __typename: 'InvalidPrice' }],
    [
      'an instant without a time zone',
      { startsAt: '2030-01-02T10:00:00' },
      { __typename: 'InvalidPrice' },
    ],
    ['a date without a time', { endsAt: '2030-01-02' }, { __typename: 'InvalidPrice' }],
    [
      'a window that has already ended',
      { endsAt: at(-1).toISOString() },
      { __typename: 'InvalidPrice' },
    ],
    [
      'an unknown currency',
      { currencyCode: 'JPY' },
      { __typename: 'UnknownCurrency', code: 'UNKNOWN_CURRENCY', currencyCode: 'JPY' },
    ],
    [
      'a lower-case currency',
      { currencyCode: 'eur' },
      { __typename: 'UnknownCurrency', currencyCode: 'eur' },
    ],
    [
      'an unknown variant',
      { variantId: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'VariantNotFound', code: 'VARIANT_NOT_FOUND' },
    ],
    [
      'a malformed variant id',
      { variantId: 'pack-0' },
      { __typename: 'VariantNotFound', variantId: 'pack-0' },
    ],
  ];

  it.each(cases)('refuses %s and writes nothing', async (_, change, expected) => {
    clock = T0;
    const counts = async () =>
      (
        await sql<[{ prices: number; events: number }]>`select
          (select count(*)::int from products.prices) as prices,
          (select count(*)::int from products.outbox_events) as events`
      )[0];
    const before = await counts();
    const { data, errors } = await gql(SET_PRICE, { input: { ...valid, ...change } }, staff);
    expect(errors).toBeUndefined();
    expect(data!.setPrice).toMatchObject(expected);
    expect(await counts()).toEqual(before);
    expect(await storefrontPrice(variants.refusals)).toMatchObject({ amount: 10000 });
  });
});
