import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '@commerce-graph/kit';
import { loadCatalog } from '../../../scripts/catalog/load.ts';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { isBackgroundStatement } from '../../../scripts/background-statements.ts';
import { migrationsFolder, startProducts } from '../src/app.ts';
import { MAX_CURSOR_LENGTH } from '../src/service/catalog.service.ts';

const catalog = buildDemoCatalog(60);
let database: TestDatabase;
let service: RunningService;
const statements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase([{ subgraph: 'products', folder: migrationsFolder }]);
  await loadCatalog(database.url, catalog);
  service = await startProducts({
    databaseUrl: database.url,
    queue: queueBackends()[0]!.config(database.url),
    port: 0,
    migrate: false,
    logLevel: 'silent',
    // Counts what requests run: not the outbox relay's and price boundaries' polls, nor the
    // array types postgres.js looks up once on each new connection.
    onQuery: (q) => {
      if (!isBackgroundStatement(q) && !q.includes('pg_catalog.pg_type')) statements.push(q);
    },
  });
});

afterAll(async () => {
  await service?.close();
  await database?.drop();
});

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $category: String) {
    products(first: $first, after: $after, categorySlug: $category) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          slug
          name
          category {
            slug
          }
          variants {
            id
            sku
            price {
              amount
              currencyCode
            }
            options {
              name
              value
            }
          }
        }
      }
    }
  }
`;

type Page = {
  products: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: { id: string; name: string; variants: Array<{ price: { amount: number } }> };
    }>;
  };
};

describe('products', () => {
  it('walks the whole catalog by cursor, in name order, without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data }: { data?: Page | null } = await graphql<Page>(service.url, PAGE, {
        first: 25,
        after,
      });
      seen.push(...data!.products.edges.map((e) => e.node.id));
      expect(data!.products.totalCount).toBe(60);
      if (!data!.products.pageInfo.hasNextPage) break;
      after = data!.products.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(60);
    const expected = [...catalog.products]
      .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1))
      .map((p) => p.id);
    expect(seen).toEqual(expected);
  });

  it('loads a page with variants in a constant number of statements', async () => {
    statements.length = 0;
    await graphql(service.url, PAGE, { first: 5 });
    const small = statements.length;
    statements.length = 0;
    await graphql(service.url, PAGE, { first: 50 });
    expect(statements.length).toBe(small);
    // One each: the page, its count, categories, variants and their prices.
    expect(small).toBeLessThanOrEqual(5);
  });

  it('filters by a category subtree', async () => {
    const apparel = catalog.categories.find((c) => c.slug === 'apparel')!;
    const childIds = new Set(
      catalog.categories.filter((c) => c.parentId === apparel.id).map((c) => c.id),
    );
    const expected = catalog.products.filter((p) => childIds.has(p.categoryId)).length;
    const { data } = await graphql<Page>(service.url, PAGE, { first: 100, category: 'apparel' });
    expect(data!.products.totalCount).toBe(expected);
    expect(data!.products.edges).toHaveLength(expected);
  });

  it('finds a product by slug and by id, and returns null for an unknown one', async () => {
    const product = catalog.products[7]!;
    const query = `query($id: ID, $slug: String) { product(id: $id, slug: $slug) { id slug } }`;
    const bySlug = await graphql<{ product: { id: string } }>(service.url, query, {
      slug: product.slug,
    });
    expect(bySlug.data!.product.id).toBe(product.id);
    const byId = await graphql<{ product: { slug: string } }>(service.url, query, {
      id: product.id,
    });
    expect(byId.data!.product.slug).toBe(product.slug);
    const unknown = await graphql(service.url, query, { slug: 'no-such-product' });
    expect(unknown.data).toEqual({ product: null });
  });

  it('refuses malformed input with BAD_USER_INPUT', async () => {
    const badId = await graphql(
      service.url,
      `
        {
          product(id: "42") {
            id
          }
        }
      `,
    );
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const both = await graphql(
      service.url,
      `{ product(id: "${catalog.products[0]!.id}", slug: "x") { id } }`,
    );
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await graphql(service.url, PAGE, { first: 5, after: 'garbage' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await graphql(service.url, PAGE, { first: 1000 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('prices a variant in EUR by default and in USD or GBP on request', async () => {
    const product = catalog.products.find((p) => p.variants[0]!.prices[0]!.compareAtAmount)!;
    const variant = product.variants[0]!;
    const { data, errors } = await graphql<{
      product: {
        variants: Array<Record<string, { amount: number; currencyCode: string } | null>>;
      };
    }>(
      service.url,
      `
        query ($slug: String) {
          product(slug: $slug) {
            variants {
              eur: price {
                amount
                currencyCode
              }
              usd: price(currencyCode: "USD") {
                amount
                currencyCode
              }
              gbp: price(currencyCode: "GBP") {
                amount
                currencyCode
              }
              wasUsd: compareAtPrice(currencyCode: "USD") {
                amount
                currencyCode
              }
            }
          }
        }
      `,
      { slug: product.slug },
    );
    expect(errors).toBeUndefined();
    const amount = (currency: string) => variant.prices.find((p) => p.currency === currency)!;
    expect(data!.product.variants[0]).toEqual({
      eur: { amount: variant.priceAmount, currencyCode: 'EUR' },
      usd: { amount: amount('USD').amount, currencyCode: 'USD' },
      gbp: { amount: amount('GBP').amount, currencyCode: 'GBP' },
      wasUsd: { amount: amount('USD').compareAtAmount, currencyCode: 'USD' },
    });
    expect(amount('USD').amount).not.toBe(variant.priceAmount);
  });

  it('refuses a currency the store does not sell in with BAD_USER_INPUT', async () => {
    const response = await graphql(
      service.url,
      `
        query ($slug: String) {
          product(slug: $slug) {
            variants {
              price(currencyCode: "JPY") {
                amount
              }
            }
          }
        }
      `,
      { slug: catalog.products[0]!.slug },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('JPY');
  });

  it('resolves variant references for other subgraphs in one statement per table', async () => {
    const ids = catalog.products.slice(0, 20).flatMap((p) => p.variants.map((v) => v.id));
    statements.length = 0;
    const { data } = await graphql<{ _entities: Array<{ sku: string } | null> }>(
      service.url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on ProductVariant {
              sku
            }
          }
        }
      `,
      {
        r: [
          ...ids.map((id) => ({ __typename: 'ProductVariant', id })),
          { __typename: 'ProductVariant', id: 'nope' },
        ],
      },
    );
    expect(data!._entities).toHaveLength(ids.length + 1);
    expect(data!._entities.at(-1)).toBeNull();
    // The variants, then their products (only published products' variants are seen).
    expect(statements).toHaveLength(2);
  });
});

describe('tax classes', () => {
  it('seeds the demo kitchen REDUCED and everything else STANDARD', async () => {
    const { data } = await graphql<{ product: { taxClass: string } | null }>(
      service.url,
      `
        query ($slug: String) {
          product(slug: $slug) {
            taxClass
          }
        }
      `,
      { slug: catalog.products[10]!.slug },
    );
    expect(catalog.products[10]!.taxClass).toBe('REDUCED');
    expect(data!.product).toEqual({ taxClass: 'REDUCED' });
    const reduced = catalog.products.filter((p) => p.taxClass === 'REDUCED');
    expect(reduced.length).toBe(Math.ceil((catalog.products.length - 10) / 12));
    expect(new Set(reduced.map((p) => p.categoryId)).size).toBe(1);
  });

  it('answers variants with their price and tax class in one statement per table', async () => {
    // The cart's question for checkout's quote: a REDUCED product among STANDARD ones.
    const products = catalog.products.slice(0, 24);
    const variants = products.flatMap((p) => p.variants.map((v) => ({ id: v.id, product: p })));
    statements.length = 0;
    const { data } = await graphql<{
      _entities: Array<{ id: string; taxClass: string; price: { amount: number } } | null>;
    }>(
      service.url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on ProductVariant {
              id
              taxClass
              price(currencyCode: "EUR") {
                amount
              }
            }
          }
        }
      `,
      { r: variants.map(({ id }) => ({ __typename: 'ProductVariant', id })) },
    );
    expect(data!._entities.map((e) => e?.taxClass)).toEqual(
      variants.map(({ product }) => product.taxClass),
    );
    expect(data!._entities.map((e) => e?.taxClass)).toContain('REDUCED');
    // Variants, their products (visibility and tax class), their prices.
    expect(statements).toHaveLength(3);
  });
});

/** Strings that must never reach PostgreSQL or match a slug, each built on a real slug. */
const hostile = (slug: string): Array<[string, string]> => [
  ['a NUL byte', `${slug}\u0000`],
  ['a lone surrogate', `${slug}\ud800`],
  ['a right-to-left override', `\u202e${slug}`],
  ['a zero-width space', `${slug.slice(0, 3)}\u200b${slug.slice(3)}`],
  ['a control character', `${slug}\u001b[0m`],
  ['markup', `<b>${slug}</b>`],
  ['upper case', slug.toUpperCase()],
  ['over 100 characters', `${slug}-${'x'.repeat(100)}`],
];

describe('products, given hostile input', () => {
  const product = catalog.products[3]!;
  const PRODUCT = `query($slug: String) { product(slug: $slug) { id } }`;
  const CATEGORY = `query($slug: String!) { category(slug: $slug) { id } }`;

  let sql: postgres.Sql;
  beforeAll(() => {
    sql = postgres(database.url, { max: 1, onnotice: () => undefined });
  });
  afterAll(() => sql?.end());

  const rowCounts = () => sql`
    select (select count(*) from products.products)::int as products,
           (select count(*) from products.categories)::int as categories,
           (select count(*) from products.variants)::int as variants`;

  /** Runs `query` and checks that the subgraph sent no SQL and that no row changed. */
  async function withoutSql<T>(query: () => Promise<T>): Promise<T> {
    const before = await rowCounts();
    statements.length = 0;
    const result = await query();
    expect(statements).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    return result;
  }

  it.each(hostile(product.slug))(
    'answers product(slug) with %s as unknown: null',
    async (_, slug) => {
      const response = await withoutSql(() => graphql(service.url, PRODUCT, { slug }));
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ product: null });
    },
  );

  it.each(hostile('apparel'))(
    'answers category(slug) with %s as unknown: null',
    async (_, slug) => {
      const response = await withoutSql(() => graphql(service.url, CATEGORY, { slug }));
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ category: null });
    },
  );

  it.each(hostile('apparel'))(
    'answers products(categorySlug) with %s as unknown: an empty page',
    async (_, category) => {
      const response = await withoutSql(() =>
        graphql<Page>(service.url, PAGE, { first: 5, category }),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.products).toEqual({
        totalCount: 0,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [],
      });
    },
  );

  it('still finds the real slugs', async () => {
    const found = await graphql<{ product: { id: string } }>(service.url, PRODUCT, {
      slug: product.slug,
    });
    expect(found.data!.product.id).toBe(product.id);
    const category = await graphql<{ category: { id: string } }>(service.url, CATEGORY, {
      slug: 'apparel',
    });
    expect(category.data!.category).not.toBeNull();
  });

  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['a NUL byte in the name', cursorOf(['Tee\u0000', product.id])],
    ['a lone surrogate in the name', cursorOf(['Tee\ud800', product.id])],
    ['a malformed id', cursorOf(['Tee', 'not-a-uuid'])],
    ['a NUL byte in the cursor', 'abc\u0000'],
    ['a character outside base64url', `${cursorOf(['Tee', product.id])}=`],
    ['more than MAX_CURSOR_LENGTH characters', 'A'.repeat(MAX_CURSOR_LENGTH + 1)],
  ])('refuses an after cursor with %s as BAD_USER_INPUT, without SQL', async (_, after) => {
    const response = await withoutSql(() => graphql(service.url, PAGE, { first: 5, after }));
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.data).toBeNull();
  });
});
