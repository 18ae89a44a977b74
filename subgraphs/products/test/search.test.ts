import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createEventPublisher, eventQueueName, type EventEnvelope } from '@commerce-graph/events';
import {
  connectDatabase,
  createLogger,
  createQueueFactory,
  type QueueConnectionConfig,
  type RunningService,
} from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { migrationsFolder, startProducts } from '../src/app.ts';
import { schema } from '../src/db/client.ts';
import type { PriceRow } from '../src/db/schema.ts';
import { nextPriceChange, priceInForce } from '../src/service/pricing.ts';
import { PostgresSearch } from '../src/service/search/postgres-search.ts';
import type {
  SearchRequest,
  SearchResponse,
  SearchSort,
} from '../src/service/search/search-engine.ts';

// A small catalog written with SQL, and every expectation computed by brute force in
// TypeScript from the same tables (re-read after each change), never from the search tables.

const NOW = new Date('2026-03-01T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const id = (kind: number, n: number) =>
  `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
const slugOf = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const TREE = [
  { slug: 'apparel', name: 'Apparel', parent: null, nouns: [] },
  { slug: 'jackets', name: 'Jackets', parent: 'apparel', nouns: ['Jacket', 'Parka'] },
  { slug: 't-shirts', name: 'T-Shirts', parent: 'apparel', nouns: ['Tee', 'Shirt'] },
  { slug: 'footwear', name: 'Footwear', parent: null, nouns: [] },
  { slug: 'sneakers', name: 'Sneakers', parent: 'footwear', nouns: ['Sneaker', 'Trainer'] },
  { slug: 'boots', name: 'Boots', parent: 'footwear', nouns: ['Boot'] },
] as const;
const ADJECTIVES = ['Alpine', 'Urban', 'Coastal', 'Rugged', 'Nordic', 'Summit'];
const ATTRIBUTES = [
  {
    code: 'brand',
    name: 'Brand',
    kind: 'ENUM',
    filterable: true,
    labels: ['Northwind', 'Kestrel', 'Fjordline', 'Timberline'],
  },
  {
    code: 'colour',
    name: 'Colour',
    kind: 'MULTI_ENUM',
    filterable: true,
    labels: ['Black', 'Navy', 'Olive', 'Sand', 'Rust'],
  },
  {
    code: 'material',
    name: 'Material',
    kind: 'ENUM',
    filterable: true,
    labels: ['Cotton', 'Leather', 'Wool', 'Nylon'],
  },
  { code: 'waterproof', name: 'Waterproof', kind: 'BOOLEAN', filterable: true, labels: [] },
  { code: 'fit', name: 'Fit', kind: 'ENUM', filterable: false, labels: ['Slim', 'Regular'] },
  { code: 'care', name: 'Care', kind: 'TEXT', filterable: false, labels: [] },
] as const;
const FACETS: string[] = ATTRIBUTES.filter((a) => a.filterable).map((a) => a.code);
const AMOUNTS = [1000, 1500, 2000, 2500, 3000];
const PRODUCTS = 96;
/** A draft named for the publishing test, and a boot whose sale starts ten seconds after NOW. */
const PHANTOM = id(4, 1_000);
const COMET = id(4, 1_001);

const category = (slug: string) => {
  const index = TREE.findIndex((c) => c.slug === slug);
  return { id: id(1, index + 1), ...TREE[index]! };
};
const pathOf = (slug: string): string => {
  const c = category(slug);
  return (c.parent ? pathOf(c.parent) : '') + `${c.id}/`;
};

async function writeCatalog(sql: postgres.Sql) {
  await sql`insert into products.categories ${sql(
    TREE.map((c) => ({
      id: category(c.slug).id,
      slug: c.slug,
      name: c.name,
      parent_id: c.parent ? category(c.parent).id : null,
      path: pathOf(c.slug),
    })),
  )}`;
  await sql`insert into products.attributes ${sql(
    ATTRIBUTES.map((a, i) => ({
      id: id(2, i + 1),
      code: a.code,
      name: a.name,
      kind: a.kind,
      filterable: a.filterable,
      position: i,
    })),
  )}`;
  await sql`insert into products.attribute_values ${sql(
    ATTRIBUTES.flatMap((a, i) =>
      a.labels.map((label, position) => ({
        attribute_id: id(2, i + 1),
        code: slugOf(label),
        label,
        position,
      })),
    ),
  )}`;
  const attributeId = (code: string) => id(2, ATTRIBUTES.findIndex((a) => a.code === code) + 1);

  const products: Array<Record<string, unknown>> = [];
  const values: Array<Record<string, unknown>> = [];
  const variants: Array<Record<string, unknown>> = [];
  const prices: Array<Record<string, unknown>> = [];
  const stock: Array<Record<string, unknown>> = [];
  const leaves = TREE.filter((c) => c.nouns.length > 0);
  const add = (n: number, spec: { name: string; leaf: string; status: string; sale?: Date }) => {
    const productId = n >= 1_000 ? id(4, n) : id(4, n + 1);
    products.push({
      id: productId,
      slug: `${slugOf(spec.name)}-${n}`,
      name: spec.name,
      description: 'Made for every day and built to last.',
      category_id: category(spec.leaf).id,
      status: spec.status,
      published_at:
        spec.status === 'PUBLISHED'
          ? new Date(NOW.getTime() - (Math.floor(n / 2) + 1) * HOUR)
          : null,
    });
    const [, material] = spec.name.split(' ');
    const colours = ATTRIBUTES[1].labels.filter(
      (_, c) => c === n % 5 || (n % 3 === 0 && c === (n + 2) % 5),
    );
    values.push(
      {
        product_id: productId,
        attribute_id: attributeId('brand'),
        codes: [slugOf(ATTRIBUTES[0].labels[Math.floor(n / 3) % 4]!)],
      },
      { product_id: productId, attribute_id: attributeId('colour'), codes: colours.map(slugOf) },
      { product_id: productId, attribute_id: attributeId('material'), codes: [slugOf(material!)] },
      {
        product_id: productId,
        attribute_id: attributeId('fit'),
        codes: [n % 2 ? 'slim' : 'regular'],
      },
      { product_id: productId, attribute_id: attributeId('care'), text_value: 'Hand wash' },
    );
    if (n % 7 !== 6)
      values.push({
        product_id: productId,
        attribute_id: attributeId('waterproof'),
        boolean_value: n % 7 < 3,
      });
    for (let position = 0; position <= n % 3; position++) {
      const variantId = id(5, n * 4 + position + 1);
      variants.push({
        id: variantId,
        product_id: productId,
        sku: `SKU-${n}-${position}`,
        options: sql.json([{ name: 'size', value: ['S', 'M', 'L'][position]! }]),
        position,
      });
      const eur = AMOUNTS[(n * 7 + position) % AMOUNTS.length]!;
      for (const [currency, amount] of [
        ['EUR', eur],
        ['USD', eur + 100],
        ['GBP', eur - 100],
      ] as const) {
        prices.push({ variant_id: variantId, currency, amount });
      }
      if (position === 0 && n % 11 === 3) {
        prices.push({
          variant_id: variantId,
          currency: 'EUR',
          amount: 700,
          starts_at: new Date(NOW.getTime() - DAY),
          ends_at: new Date(NOW.getTime() + 2 * DAY),
        });
      }
      if (position === 0 && n % 13 === 4) {
        prices.push({
          variant_id: variantId,
          currency: 'EUR',
          amount: 600,
          starts_at: new Date(NOW.getTime() + 2 * HOUR),
          ends_at: null,
        });
      }
      if (spec.sale && position === 0) {
        prices.push({
          variant_id: variantId,
          currency: 'EUR',
          amount: 100,
          starts_at: spec.sale,
          ends_at: null,
        });
      }
      stock.push({ variant_id: variantId, in_stock: (n + position) % 5 !== 0 });
    }
  };
  for (let n = 0; n < PRODUCTS; n++) {
    const leaf = leaves[n % leaves.length]!;
    const noun = leaf.nouns[Math.floor(n / leaves.length) % leaf.nouns.length]!;
    const material = ATTRIBUTES[2].labels[(n * 3 + 1) % 4]!;
    const status = n % 17 === 5 ? 'DRAFT' : n % 19 === 7 ? 'ARCHIVED' : 'PUBLISHED';
    add(n, { name: `${ADJECTIVES[(n * 7) % 6]} ${material} ${noun}`, leaf: leaf.slug, status });
  }
  add(1_000, { name: 'Phantom Nylon Parka', leaf: 'jackets', status: 'DRAFT' });
  add(1_001, {
    name: 'Comet Leather Boot',
    leaf: 'boots',
    status: 'PUBLISHED',
    sale: new Date(NOW.getTime() + 10_000),
  });

  const columns = (rows: Array<Record<string, unknown>>) => [
    ...new Set(rows.flatMap((r) => Object.keys(r))),
  ];
  const fill = (rows: Array<Record<string, unknown>>) =>
    rows.map((r) => Object.fromEntries(columns(rows).map((c) => [c, r[c] ?? null])));
  await sql`insert into products.products ${sql(fill(products) as never, ...columns(products))}`;
  await sql`insert into products.product_attribute_values ${sql(fill(values) as never, ...columns(values))}`;
  await sql`insert into products.variants ${sql(fill(variants) as never, ...columns(variants))}`;
  await sql`insert into products.prices ${sql(fill(prices) as never, ...columns(prices))}`;
  await sql`insert into products.variant_stock ${sql(stock as never)}`;
  return products.map((p) => p.id as string);
}

// ---------------------------------------------------------------------------------------------
// The brute force
// ---------------------------------------------------------------------------------------------

interface Truth {
  id: string;
  name: string;
  path: string;
  categoryNames: string[];
  publishedAt: number;
  inStock: boolean;
  price: Record<string, number | undefined>;
  next: Date | null;
  facets: Set<string>;
  words: Set<string>;
}

/** Every published product as the catalog tables say, with what search should see of it. */
async function truth(sql: postgres.Sql, now: Date): Promise<Truth[]> {
  const rows = await sql`
    select p.id, p.name, p.published_at, c.path,
      (select array_agg(a.name order by length(a.path)) from products.categories a
       where c.path like a.path || '%') as category_names
    from products.products p join products.categories c on c.id = p.category_id
    where p.status = 'PUBLISHED'`;
  const values = await sql`
    select v.product_id, a.code, a.kind, a.filterable, v.codes, v.boolean_value,
      (select array_agg(av.label) from products.attribute_values av
       where av.attribute_id = a.id and av.code = any(v.codes)) as labels
    from products.product_attribute_values v join products.attributes a on a.id = v.attribute_id`;
  const variants = await sql`
    select v.id, v.product_id, coalesce(s.in_stock, false) as in_stock
    from products.variants v left join products.variant_stock s on s.variant_id = v.id`;
  const prices = await sql`
    select id, variant_id, currency, amount, compare_at_amount, starts_at, ends_at, created_at
    from products.prices`;
  const pricesOf = new Map<string, PriceRow[]>();
  for (const p of prices) {
    const row: PriceRow = {
      id: p.id,
      variantId: p.variant_id,
      currency: p.currency,
      amount: p.amount,
      compareAtAmount: p.compare_at_amount,
      startsAt: p.starts_at,
      endsAt: p.ends_at,
      createdAt: p.created_at,
    };
    pricesOf.set(row.variantId, [...(pricesOf.get(row.variantId) ?? []), row]);
  }
  const words = (text: string) =>
    (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
      (w) => w.length >= 3 && !/^[0-9]+$/.test(w),
    );
  return rows.map((row) => {
    const own = values.filter((v) => v.product_id === row.id);
    const facets = new Set<string>();
    const labels: string[] = [];
    for (const v of own) {
      if (v.kind === 'ENUM' || v.kind === 'MULTI_ENUM') labels.push(...(v.labels ?? []));
      if (!v.filterable) continue;
      if (v.kind === 'BOOLEAN' && v.boolean_value !== null)
        facets.add(`${v.code}=${v.boolean_value}`);
      if (v.kind === 'ENUM' || v.kind === 'MULTI_ENUM')
        for (const code of v.codes) facets.add(`${v.code}=${code}`);
    }
    const mine = variants.filter((v) => v.product_id === row.id);
    const price: Record<string, number | undefined> = {};
    for (const currency of ['EUR', 'USD', 'GBP']) {
      const amounts = mine
        .map((v) => priceInForce(pricesOf.get(v.id) ?? [], currency, now)?.amount)
        .filter((a): a is number => a !== undefined);
      price[currency] = amounts.length > 0 ? Math.min(...amounts) : undefined;
    }
    return {
      id: row.id,
      name: row.name,
      path: row.path,
      categoryNames: row.category_names,
      publishedAt: row.published_at.getTime(),
      inStock: mine.some((v) => v.in_stock),
      price,
      next: nextPriceChange(
        mine.flatMap((v) => pricesOf.get(v.id) ?? []),
        now,
      ),
      facets,
      words: new Set(words([row.name, ...row.category_names, ...labels].join(' '))),
    };
  });
}

interface Expected {
  ids: string[];
  total: number;
  counts: Map<string, number>;
  bounds: { min: number; max: number } | null;
}

/** The search evaluated over every product, one predicate at a time. */
function bruteForce(all: Truth[], request: SearchRequest, textMatches?: Set<string>): Expected {
  const currency = request.currency;
  const filters = (request.filters ?? []).filter((f) => f.values.length > 0);
  const categoryPath = request.categorySlug ? pathOf(request.categorySlug) : null;
  const base = all.filter(
    (p) =>
      p.price[currency] !== undefined &&
      (!categoryPath || p.path.startsWith(categoryPath)) &&
      (!request.inStock || p.inStock) &&
      (!textMatches || textMatches.has(p.id)),
  );
  const inRange = (p: Truth) =>
    (request.priceRange?.min == null || p.price[currency]! >= request.priceRange.min) &&
    (request.priceRange?.max == null || p.price[currency]! <= request.priceRange.max);
  const satisfies = (p: Truth, f: { name: string; values: readonly string[] }) =>
    f.values.some((v) => p.facets.has(`${f.name}=${v}`));
  const matches = base.filter((p) => inRange(p) && filters.every((f) => satisfies(p, f)));
  const counts = new Map<string, number>();
  for (const facet of FACETS) {
    const scope = base.filter(
      (p) => inRange(p) && filters.filter((f) => f.name !== facet).every((f) => satisfies(p, f)),
    );
    for (const p of scope) {
      for (const key of p.facets) {
        if (key.startsWith(`${facet}=`)) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const unpriced = base.filter((p) => filters.every((f) => satisfies(p, f)));
  const amounts = unpriced.map((p) => p.price[currency]!);
  return {
    ids: sortIds(matches, request.sort, currency),
    total: matches.length,
    counts,
    bounds: amounts.length > 0 ? { min: Math.min(...amounts), max: Math.max(...amounts) } : null,
  };
}

function sortIds(products: Truth[], sort: SearchSort, currency: string): string[] {
  const byId = (a: Truth, b: Truth) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = [...products].sort((a, b) => {
    if (sort === 'PRICE_ASC') return a.price[currency]! - b.price[currency]! || byId(a, b);
    if (sort === 'PRICE_DESC') return b.price[currency]! - a.price[currency]! || byId(b, a);
    return b.publishedAt - a.publishedAt || byId(b, a);
  });
  return sorted.map((p) => p.id);
}

/** The facet counts an answer shows, as `facet=value` → count (selected zeros included). */
function shownCounts(response: SearchResponse) {
  const counts = new Map<string, number>();
  for (const facet of response.facets) {
    for (const value of facet.values) {
      if (value.count > 0) counts.set(`${facet.name}=${value.value}`, value.count);
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------

let database: TestDatabase;
let sql: postgres.Sql;
let connection: ReturnType<typeof connectDatabase<typeof schema>>;
let clock = NOW;
let engine: PostgresSearch;
let productIds: string[];

const request = (overrides: Partial<SearchRequest> = {}): SearchRequest => ({
  sort: 'RELEVANCE',
  first: 100,
  currency: 'EUR',
  ...overrides,
});

/** Every page of a search, `first` at a time. */
async function walk(args: SearchRequest, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 200; page++) {
    const response: SearchResponse = await engine.search({ ...args, first, after });
    ids.push(...response.products.rows.map((row) => row.id));
    expect(response.products.cursors).toHaveLength(response.products.rows.length);
    if (!response.products.hasNextPage) return ids;
    after = response.products.cursors.at(-1)!;
  }
  throw new Error('too many pages');
}

async function expectBadInput(promise: Promise<unknown>, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { extensions?: Record<string, unknown>; message: string },
  );
  expect(error, 'expected BAD_USER_INPUT').not.toBeNull();
  expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
  if (field) expect(error!.extensions?.field).toBe(field);
}

beforeAll(async () => {
  database = await createTestDatabase([{ subgraph: 'products', folder: migrationsFolder }]);
  sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  productIds = await writeCatalog(sql);
  connection = connectDatabase(database.url, schema, { max: 4 });
  engine = new PostgresSearch({
    db: connection.db,
    now: () => clock,
    logger: createLogger('search-test', 'silent'),
  });
  await engine.reindex(productIds);
});

afterAll(async () => {
  await connection?.close();
  await sql?.end();
  await database?.drop();
});

describe('PostgresSearch', () => {
  it('indexes published products only, with a dictionary of their words counted per product', async () => {
    const products = await truth(sql, clock);
    const [indexed] = await sql`select count(*)::int as n from products.search_documents`;
    expect(indexed!.n).toBe(products.length);
    expect(products.length).toBeLessThan(PRODUCTS + 2); // drafts and archived exist

    const expected = new Map<string, number>();
    for (const p of products) for (const w of p.words) expected.set(w, (expected.get(w) ?? 0) + 1);
    const terms = await sql`select term, documents from products.search_terms`;
    expect(new Map(terms.map((t) => [t.term, t.documents]))).toEqual(expected);
  });

  it('filters and counts facets exactly like a brute-force evaluation', async () => {
    const all = await truth(sql, clock);
    const valuesOf = (facet: string) =>
      [...new Set(all.flatMap((p) => [...p.facets]))]
        .filter((k) => k.startsWith(`${facet}=`))
        .map((k) => k.slice(facet.length + 1))
        .sort();
    const slugs = [null, 'apparel', 'jackets', 'footwear', 'boots'];
    for (let n = 0; n < 40; n++) {
      const facets = FACETS.filter((_, i) => (n >> i) % 2 === 1 || (n % 7 === i && n % 3 === 0));
      const filters = facets.map((name, i) => {
        const values = valuesOf(name);
        return {
          name,
          values: values.filter((_, j) => (j + n + i) % 3 === 0 || j === n % values.length),
        };
      });
      const args = request({
        filters,
        categorySlug: slugs[n % slugs.length],
        inStock: n % 4 === 1,
        priceRange: n % 5 === 2 ? { min: 1500, max: 2500 } : n % 5 === 4 ? { max: 1500 } : null,
        currency: ['EUR', 'USD', 'GBP'][n % 3]!,
      });
      const response = await engine.search(args);
      const expected = bruteForce(all, args);
      const context = JSON.stringify(args);
      expect(
        response.products.rows.map((r) => r.id),
        context,
      ).toEqual(expected.ids);
      expect(await response.products.totalCount(), context).toBe(expected.total);
      expect(shownCounts(response), context).toEqual(expected.counts);
      expect(
        response.priceRange && { min: response.priceRange.min, max: response.priceRange.max },
        context,
      ).toEqual(expected.bounds);
      for (const facet of response.facets) {
        const chosen = filters.find((f) => f.name === facet.name)?.values ?? [];
        for (const value of facet.values) expect(value.selected).toBe(chosen.includes(value.value));
        for (const value of chosen) expect(facet.values.map((v) => v.value)).toContain(value);
      }
    }
  });

  it("keeps a selected facet's own counts as if it were not selected, and narrows the others", async () => {
    const open = await engine.search(request());
    const navy = await engine.search(request({ filters: [{ name: 'colour', values: ['navy'] }] }));
    const colour = (r: SearchResponse) => r.facets.find((f) => f.name === 'colour')!.values;
    expect(colour(navy).map((v) => [v.value, v.count])).toEqual(
      colour(open).map((v) => [v.value, v.count]),
    );
    expect(colour(navy).find((v) => v.value === 'black')!.count).toBeGreaterThan(0);
    expect(colour(navy).find((v) => v.value === 'navy')!.selected).toBe(true);
    const brandTotal = (r: SearchResponse) =>
      r.facets.find((f) => f.name === 'brand')!.values.reduce((sum, v) => sum + v.count, 0);
    expect(brandTotal(navy)).toBe(await navy.products.totalCount());
    expect(brandTotal(navy)).toBeLessThan(brandTotal(open));
  });

  it('walks every sort order page by page without duplicates or gaps, equal prices included', async () => {
    const all = await truth(sql, clock);
    for (const sort of ['RELEVANCE', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC'] as const) {
      for (const narrowing of [{}, { categorySlug: 'footwear', inStock: true }]) {
        const args = request({ sort, ...narrowing });
        const walked = await walk(args, 7);
        expect(walked, `${sort} ${JSON.stringify(narrowing)}`).toEqual(bruteForce(all, args).ids);
      }
    }
    const prices = all.map((p) => p.price.EUR);
    expect(new Set(prices).size).toBeLessThan(prices.length / 4); // many ties to break
  });

  it('finds stemmed words and ranks name matches above category matches', async () => {
    const all = await truth(sql, clock);
    const jackets = all.filter((p) => p.path.startsWith(pathOf('jackets')));
    const response = await engine.search(request({ query: 'jackets' }));
    const ids = response.products.rows.map((r) => r.id);
    expect(new Set(ids)).toEqual(new Set(jackets.map((p) => p.id)));
    const named = (rowId: string) => all.find((p) => p.id === rowId)!.name.includes('Jacket');
    const firstParka = ids.findIndex((rowId) => !named(rowId));
    expect(firstParka).toBeGreaterThan(0);
    expect(ids.slice(firstParka).every((rowId) => !named(rowId))).toBe(true);
    expect(response.correctedQuery).toBeNull();
    // Relevance pages: the same order in pages of 5 as in one page.
    expect(await walk(request({ query: 'jackets' }), 5)).toEqual(ids);
  });

  it('combines text with facets, price and stock like the brute force over the matches', async () => {
    const all = await truth(sql, clock);
    const footwear = new Set(
      all.filter((p) => p.path.startsWith(pathOf('footwear'))).map((p) => p.id),
    );
    for (const sort of ['NEWEST', 'PRICE_ASC'] as const) {
      const args = request({
        query: 'footwear',
        sort,
        filters: [
          { name: 'colour', values: ['navy', 'rust'] },
          { name: 'material', values: ['leather', 'wool'] },
        ],
        inStock: true,
        priceRange: { min: 1000 },
      });
      const response = await engine.search(args);
      const expected = bruteForce(all, args, footwear);
      expect(response.products.rows.map((r) => r.id)).toEqual(expected.ids);
      expect(shownCounts(response)).toEqual(expected.counts);
    }
  });

  it('corrects misspelt words to the nearest dictionary word and says so', async () => {
    const all = await truth(sql, clock);
    const inLeaf = (slug: string) =>
      new Set(all.filter((p) => p.path.startsWith(pathOf(slug))).map((p) => p.id));
    const sneakers = await engine.search(request({ query: 'snekers' }));
    expect(sneakers.correctedQuery).toBe('sneakers');
    expect(new Set(sneakers.products.rows.map((r) => r.id))).toEqual(inLeaf('sneakers'));
    const jacket = await engine.search(request({ query: 'rugged jaket' }));
    expect(jacket.correctedQuery).toBe('rugged jacket');
    const rugged = all.filter((p) => p.name.startsWith('Rugged') && inLeaf('jackets').has(p.id));
    expect(new Set(jacket.products.rows.map((r) => r.id))).toEqual(
      new Set(rugged.map((p) => p.id)),
    );
    // A word the catalog holds is left alone, even when it matches nothing with the others.
    const none = await engine.search(request({ query: 'nylon sneaker' }));
    expect(none.correctedQuery).toBeNull();
  });

  it('matches the last word as a prefix while typing', async () => {
    const all = await truth(sql, clock);
    const typed = await engine.search(request({ query: 'alpine jack' }));
    const expected = all.filter(
      (p) => p.name.startsWith('Alpine') && p.path.startsWith(pathOf('jackets')),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(typed.products.rows.map((r) => r.id))).toEqual(
      new Set(expected.map((p) => p.id)),
    );
    expect(typed.correctedQuery).toBeNull();
    const short = await engine.search(request({ query: 'sne' }));
    expect(short.products.rows.length).toBe(
      all.filter((p) => p.path.startsWith(pathOf('sneakers'))).length,
    );
  });

  it('answers an unknown category or an unlikely word with an empty result, not an error', async () => {
    const unknown = await engine.search(request({ categorySlug: 'no-such-category' }));
    expect(unknown.products.rows).toEqual([]);
    expect(await unknown.products.totalCount()).toBe(0);
    expect(unknown.priceRange).toBeNull();
    const malformed = await engine.search(request({ categorySlug: 'Not A Slug!' }));
    expect(await malformed.products.totalCount()).toBe(0);
    const nothing = await engine.search(request({ query: 'xqzvw' }));
    expect(await nothing.products.totalCount()).toBe(0);
    const blank = await engine.search(request({ query: '   ' }));
    expect(await blank.products.totalCount()).toBe((await truth(sql, clock)).length);
  });

  it('refuses bad input with BAD_USER_INPUT, naming the argument', async () => {
    await expectBadInput(engine.search(request({ query: 'x'.repeat(10_000) })), 'query');
    await expectBadInput(engine.search(request({ query: 'y'.repeat(201) })), 'query');
    await expectBadInput(engine.search(request({ query: 'nul\u0000byte' })), 'query');
    await expectBadInput(
      engine.search(request({ filters: [{ name: 'flavour', values: ['x'] }] })),
      'filters',
    );
    await expectBadInput(engine.search(request({ first: 0 })), 'first');
    await expectBadInput(engine.search(request({ first: 1000 })), 'first');
    await expectBadInput(
      engine.search(request({ priceRange: { min: 500, max: 100 } })),
      'priceRange',
    );
    await expectBadInput(engine.search(request({ priceRange: { min: -1 } })), 'priceRange.min');
    await expectBadInput(engine.search(request({ after: 'not a cursor!' })), 'after');
    await expectBadInput(
      engine.search(request({ after: Buffer.from('[1,"x",1,"y"]').toString('base64url') })),
      'after',
    );
    const page = await engine.search(request({ first: 2, sort: 'PRICE_ASC' }));
    const cursor = page.products.cursors.at(-1)!;
    // A cursor of another search (another sort, another filter) is refused; its own is not.
    await engine.search(request({ first: 2, sort: 'PRICE_ASC', after: cursor }));
    await expectBadInput(
      engine.search(request({ first: 2, sort: 'PRICE_DESC', after: cursor })),
      'after',
    );
    await expectBadInput(
      engine.search(request({ first: 2, sort: 'PRICE_ASC', inStock: true, after: cursor })),
      'after',
    );
    const [, print] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [number, string];
    const forged = Buffer.from(JSON.stringify([1, print, 'abc', id(4, 1)])).toString('base64url');
    await expectBadInput(
      engine.search(request({ first: 2, sort: 'PRICE_ASC', after: forged })),
      'after',
    );
    await expectBadInput(engine.suggest('', 8), 'prefix');
    await expectBadInput(engine.suggest('z'.repeat(101), 8), 'prefix');
    await expectBadInput(engine.suggest('jack', 0), 'first');
    await expectBadInput(engine.suggest('jack', 21), 'first');
  });

  it('suggests categories and products by prefix, and near misses', async () => {
    const jack = await engine.suggest('jack', 8);
    expect(jack[0]).toMatchObject({
      __typename: 'CategorySuggestion',
      category: { slug: 'jackets' },
    });
    const products = jack.filter((s) => s.__typename === 'ProductSuggestion');
    expect(products.length).toBeGreaterThan(0);
    for (const s of products)
      expect(s.__typename === 'ProductSuggestion' && s.product.name).toMatch(/Jacket/);
    expect(jack.length).toBeLessThanOrEqual(8);
    const typo = await engine.suggest('jackt', 5);
    expect(
      typo.some((s) => s.__typename === 'ProductSuggestion' && /Jacket/.test(s.product.name)),
    ).toBe(true);
    const phantom = await engine.suggest('phantom', 5);
    expect(phantom).toEqual([]); // a draft
  });

  it('shows a product once published and hides it when archived, dictionary included', async () => {
    const phantom = () => engine.search(request({ query: 'phantom' }));
    expect(await (await phantom()).products.totalCount()).toBe(0);
    await sql`update products.products set status = 'PUBLISHED', published_at = ${NOW} where id = ${PHANTOM}`;
    await engine.reindex([PHANTOM]);
    expect((await phantom()).products.rows.map((r) => r.id)).toEqual([PHANTOM]);
    expect(
      (await sql`select documents from products.search_terms where term = 'phantom'`)[0]?.documents,
    ).toBe(1);
    await sql`update products.products set status = 'ARCHIVED' where id = ${PHANTOM}`;
    await engine.reindex([PHANTOM]);
    expect(await (await phantom()).products.totalCount()).toBe(0);
    expect(await sql`select 1 from products.search_terms where term = 'phantom'`).toHaveLength(0);
    expect(
      await sql`select 1 from products.search_facets where product_id = ${PHANTOM}`,
    ).toHaveLength(0);
    expect(
      await sql`select 1 from products.search_prices where product_id = ${PHANTOM}`,
    ).toHaveLength(0);
  });

  it('filters on stock as inventory reports it', async () => {
    const all = await truth(sql, clock);
    const target = all.find((p) => p.inStock && p.path.startsWith(pathOf('boots')))!;
    const inStock = () => engine.search(request({ categorySlug: 'boots', inStock: true }));
    expect((await inStock()).products.rows.map((r) => r.id)).toContain(target.id);
    const variants = await sql`select id from products.variants where product_id = ${target.id}`;
    await engine.setAvailability(variants.map((v) => ({ variantId: v.id, inStock: false })));
    expect((await inStock()).products.rows.map((r) => r.id)).not.toContain(target.id);
    const now = await truth(sql, clock);
    const args = request({ categorySlug: 'boots', inStock: true });
    expect(shownCounts(await engine.search(args))).toEqual(bruteForce(now, args).counts);
    await engine.setAvailability([{ variantId: variants[0]!.id, inStock: true }]);
    expect((await inStock()).products.rows.map((r) => r.id)).toContain(target.id);
  });

  describe('setAvailability', () => {
    /** A published, in-stock boots product with two variants, and a stock search to look. */
    const target = async () => {
      const all = await truth(sql, clock);
      const product = all.find((p) => p.inStock && p.path.startsWith(pathOf('boots')))!;
      const variants = await sql<{ id: string }[]>`
        select id from products.variants where product_id = ${product.id} order by id`;
      const shown = async () =>
        (await engine.search(request({ categorySlug: 'boots', inStock: true }))).products.rows
          .map((r) => r.id)
          .includes(product.id);
      const stored = async (variantId: string) =>
        (
          await sql<{ in_stock: boolean; sequence: string | null }[]>`
            select in_stock, sequence from products.variant_stock where variant_id = ${variantId}`
        )[0];
      return { product, variants, shown, stored };
    };
    // One product for the whole block: each test starts from the sequences the last one left.
    let picked: Awaited<ReturnType<typeof target>>;
    beforeAll(async () => {
      picked = await target();
    });

    // Guards issue 8: events delivered newest-first must not leave the older state behind.
    it('keeps the newer change when two arrive newest-first', async () => {
      const { variants, shown, stored } = picked;
      const all = variants.map((v) => v.id);
      await engine.setAvailability(
        all.map((variantId) => ({ variantId, inStock: true, sequence: 10 })),
      );
      await engine.setAvailability(
        all.map((variantId) => ({ variantId, inStock: false, sequence: 20 })),
      );
      await engine.setAvailability(
        all.map((variantId) => ({ variantId, inStock: true, sequence: 15 })),
      );
      expect(await shown()).toBe(false);
      expect(await stored(all[0]!)).toEqual({ in_stock: false, sequence: '20' });
      // The facet index follows the stored state: its counts equal a recount of the tables.
      const args = request({ categorySlug: 'boots', inStock: true });
      expect(shownCounts(await engine.search(args))).toEqual(
        bruteForce(await truth(sql, clock), args).counts,
      );
      await engine.setAvailability([{ variantId: all[0]!, inStock: true, sequence: 21 }]);
      expect(await shown()).toBe(true);
    });

    it('ignores a late change with the same stock but records a newer sequence', async () => {
      const { variants, stored } = picked;
      const variantId = variants[0]!.id;
      await engine.setAvailability([{ variantId, inStock: true, sequence: 30 }]);
      // Same flag, newer sequence: stored, so that an older "out of stock" cannot apply after.
      await engine.setAvailability([{ variantId, inStock: true, sequence: 32 }]);
      await engine.setAvailability([{ variantId, inStock: false, sequence: 31 }]);
      expect(await stored(variantId)).toEqual({ in_stock: true, sequence: '32' });
    });

    it('applies within one batch the change with the highest sequence, wherever it sits', async () => {
      const { variants, stored } = picked;
      const variantId = variants[0]!.id;
      await engine.setAvailability([
        { variantId, inStock: false, sequence: 42 },
        { variantId, inStock: true, sequence: 41 },
      ]);
      expect(await stored(variantId)).toEqual({ in_stock: false, sequence: '42' });
      await engine.setAvailability([{ variantId, inStock: true, sequence: 43 }]);
    });

    it('applies a change without a sequence as it comes, keeping the stored sequence', async () => {
      const { variants, stored } = picked;
      const variantId = variants[0]!.id;
      await engine.setAvailability([{ variantId, inStock: false }]);
      expect(await stored(variantId)).toEqual({ in_stock: false, sequence: '43' });
      await engine.setAvailability([{ variantId, inStock: true }]);
      expect(await stored(variantId)).toEqual({ in_stock: true, sequence: '43' });
      await engine.setAvailability([{ variantId, inStock: false, sequence: 43 }]);
      expect(await stored(variantId)).toEqual({ in_stock: true, sequence: '43' });
    });

    // Guards issue 8: parallel deliveries of one variant's changes end in the newest state.
    it('ends in the newest state when changes race in parallel transactions', async () => {
      const { variants, stored, shown } = picked;
      const all = variants.map((v) => v.id);
      const changes = Array.from({ length: 12 }, (_, i) => ({
        inStock: i % 2 === 0,
        sequence: 100 + i,
      }));
      // Shuffled deterministically: the newest (111, out of stock) is neither first nor last.
      const order = [3, 11, 0, 7, 5, 9, 1, 10, 4, 8, 2, 6];
      await Promise.all(
        order.map((i) =>
          engine.setAvailability(all.map((variantId) => ({ variantId, ...changes[i]! }))),
        ),
      );
      for (const variantId of all) {
        expect(await stored(variantId)).toEqual({ in_stock: false, sequence: '111' });
      }
      expect(await shown()).toBe(false);
      const [document] = await sql<{ in_stock: boolean }[]>`
        select d.in_stock from products.search_documents d
        join products.variants v on v.product_id = d.product_id where v.id = ${all[0]!}`;
      expect(document!.in_stock).toBe(false);
      // Back in stock for the tests after this one.
      await engine.setAvailability(
        all.map((variantId) => ({ variantId, inStock: true, sequence: 200 })),
      );
      expect(await shown()).toBe(true);
    });
  });

  it('keeps dictionary counts right when names and categories are renamed', async () => {
    await sql`update products.products set name = 'Glacier Wool Jacket' where id = ${productIds[0]!}`;
    await sql`update products.categories set name = 'Booties' where slug = 'boots'`;
    const boots =
      await sql`select p.id from products.products p join products.categories c on c.id = p.category_id where c.slug = 'boots'`;
    await engine.reindex([productIds[0]!, ...boots.map((b) => b.id)]);
    const products = await truth(sql, clock);
    const expected = new Map<string, number>();
    for (const p of products) for (const w of p.words) expected.set(w, (expected.get(w) ?? 0) + 1);
    const terms = await sql`select term, documents from products.search_terms`;
    expect(new Map(terms.map((t) => [t.term, t.documents]))).toEqual(expected);
    expect(expected.has('booties')).toBe(true);
    const found = await engine.search(request({ query: 'glacier' }));
    expect(found.products.rows.map((r) => r.id)).toEqual([productIds[0]]);
  });

  it('applies a scheduled price at its instant once reindexed, and reports the next change', async () => {
    const withSale = (await truth(sql, clock)).filter((p) => p.next !== null);
    expect(withSale.length).toBeGreaterThan(0);
    const comet = await engine.search(request({ query: 'comet' }));
    expect(comet.nextPriceChangeAt).toEqual(new Date(NOW.getTime() + 10_000));
    expect(comet.priceRange?.min).toBeGreaterThan(100);
    clock = new Date(NOW.getTime() + 3 * HOUR);
    try {
      await engine.reindex(withSale.map((p) => p.id));
      const later = await truth(sql, clock);
      const args = request({ sort: 'PRICE_ASC' });
      expect(await walk(args, 9)).toEqual(bruteForce(later, args).ids);
      expect((await engine.search(request({ query: 'comet' }))).priceRange?.min).toBe(100);
      const [row] =
        await sql`select next_price_change_at from products.search_documents where product_id = ${COMET}`;
      expect(row!.next_price_change_at).toBeNull();
    } finally {
      clock = NOW;
      await engine.reindex(withSale.map((p) => p.id));
    }
  });

  it('reaches another process through NOTIFY', async () => {
    const other = connectDatabase(database.url, schema, { max: 2 });
    try {
      const elsewhere = new PostgresSearch({
        db: other.db,
        now: () => clock,
        logger: createLogger('other', 'silent'),
      });
      const before = await (
        await elsewhere.search(request({ query: 'glacier' }))
      ).products.totalCount();
      expect(before).toBe(1);
      // A draft published and renamed by this process's engine.
      await sql`update products.products set name = 'Glacier Cotton Tee', status = 'PUBLISHED', published_at = ${NOW} where id = ${productIds[5]!}`;
      await engine.reindex([productIds[5]!]);
      await eventually(
        async () =>
          (await (await elsewhere.search(request({ query: 'glacier' }))).products.totalCount()) ===
          2,
      );
    } finally {
      await other.close();
    }
  });
});

describe('search over GraphQL', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startProducts({
      databaseUrl: database.url,
      port: 0,
      migrate: false,
      logLevel: 'silent',
      queue: queueBackends()[0]!.config(database.url),
      now: () => NOW,
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  const SEARCH = /* GraphQL */ `
    query Search(
      $query: String
      $filters: [FacetFilterInput!]
      $first: Int
      $after: String
      $sort: SearchSort
      $currency: String
      $category: String
    ) {
      search(
        query: $query
        filters: $filters
        first: $first
        after: $after
        sort: $sort
        currencyCode: $currency
        categorySlug: $category
      ) {
        products {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            node {
              id
              name
            }
          }
        }
        facets {
          name
          label
          values {
            value
            label
            count
            selected
          }
        }
        priceRange {
          min {
            amount
            currencyCode
          }
          max {
            amount
            currencyCode
          }
        }
        correctedQuery
      }
    }
  `;
  interface Answer {
    search: {
      products: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: Array<{ cursor: string; node: { id: string; name: string } }>;
      };
      facets: Array<{
        name: string;
        label: string;
        values: Array<{ value: string; label: string; count: number; selected: boolean }>;
      }>;
      priceRange: {
        min: { amount: number; currencyCode: string };
        max: { amount: number; currencyCode: string };
      } | null;
      correctedQuery: string | null;
    };
  }

  it('answers a search with its page, counts, bounds and correction', async () => {
    const all = await truth(sql, NOW);
    const args = request({
      filters: [{ name: 'material', values: ['leather'] }],
      currency: 'USD',
      first: 5,
      categorySlug: 'footwear',
    });
    const response = await graphql<Answer>(service.url, SEARCH, {
      filters: args.filters,
      currency: 'USD',
      first: 5,
      category: 'footwear',
    });
    expect(response.errors).toBeUndefined();
    const expected = bruteForce(all, args);
    const search = response.data!.search;
    expect(search.products.edges.map((e) => e.node.id)).toEqual(expected.ids.slice(0, 5));
    expect(search.products.totalCount).toBe(expected.total);
    expect(search.priceRange).toEqual({
      min: { amount: expected.bounds!.min, currencyCode: 'USD' },
      max: { amount: expected.bounds!.max, currencyCode: 'USD' },
    });
    const material = search.facets.find((f) => f.name === 'material')!;
    expect(material.label).toBe('Material');
    expect(material.values.find((v) => v.value === 'leather')).toMatchObject({
      label: 'Leather',
      selected: true,
    });
    expect(search.facets.map((f) => f.name)).toEqual(FACETS);

    const typo = await graphql<Answer>(service.url, SEARCH, { query: 'snekers' });
    expect(typo.data!.search.correctedQuery).toBe('sneakers');
  });

  it('caps the cache max-age before the next price change of what it shows', async () => {
    const jackets = await graphql<Answer>(service.url, SEARCH, { category: 'jackets', first: 3 });
    expect(jackets.headers.get('cache-control')).toMatch(/max-age=30\b/);
    const comet = await graphql<Answer>(service.url, SEARCH, { query: 'comet' });
    const maxAge = Number(/max-age=(\d+)/.exec(comet.headers.get('cache-control') ?? '')?.[1]);
    expect(maxAge).toBeLessThan(10);
  });

  it('refuses bad arguments with BAD_USER_INPUT', async () => {
    for (const variables of [
      { query: 'q'.repeat(10_000) },
      { first: 0 },
      { first: 1000 },
      { filters: [{ name: 'nope', values: ['x'] }] },
      { after: 'forged' },
      { currency: 'XXX' },
    ]) {
      const response = await graphql<Answer>(service.url, SEARCH, variables);
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(variables).slice(0, 80)).toBe(
        'BAD_USER_INPUT',
      );
    }
  });

  it('suggests products and categories as a union', async () => {
    const response = await graphql<{
      suggest: Array<{
        __typename: string;
        product?: { name: string };
        category?: { slug: string };
      }>;
    }>(
      service.url,
      /* GraphQL */ `
        query {
          suggest(prefix: "sneak", first: 4) {
            __typename
            ... on ProductSuggestion {
              product {
                name
              }
            }
            ... on CategorySuggestion {
              category {
                slug
              }
            }
          }
        }
      `,
    );
    expect(response.errors).toBeUndefined();
    const [first, ...rest] = response.data!.suggest;
    expect(first).toEqual({ __typename: 'CategorySuggestion', category: { slug: 'sneakers' } });
    expect(rest.length).toBe(3);
    for (const s of rest) expect(s.product?.name).toMatch(/Sneaker/);
  });
});

describe.each(queueBackends())('the availability consumer on $name', (backend) => {
  let service: RunningService;
  let queue: QueueConnectionConfig;

  beforeAll(async () => {
    queue = backend.config(database.url);
    service = await startProducts({
      databaseUrl: database.url,
      port: 0,
      migrate: false,
      logLevel: 'silent',
      queue,
      now: () => NOW,
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  // Guards issue 8: the sequence must survive the contract's parsing, or order matters again.
  it('keeps the newer change when the events arrive newest-first', async () => {
    const [variant] = await sql<{ id: string }[]>`
      select v.id from products.variants v
      join products.products p on p.id = v.product_id and p.status = 'PUBLISHED'
      order by v.id desc limit 1`;
    const event = (inStock: boolean, sequence: number): EventEnvelope => ({
      id: randomUUID(),
      name: 'inventory.availability.changed',
      occurredAt: new Date().toISOString(),
      payload: { changes: [{ variantId: variant!.id, inStock, sequence }] },
    });
    const queues = createQueueFactory(queue);
    const jobs = queues.createQueue<EventEnvelope>(eventQueueName('products'));
    try {
      const publisher = createEventPublisher(queues);
      const newer = event(false, 1_000);
      const older = event(true, 999);
      const done = (id: string) => async () => (await jobs.getJobState(id)) === 'completed';
      await publisher.publish(newer);
      await eventually(done(newer.id));
      await publisher.publish(older);
      await eventually(done(older.id));
      const [stored] = await sql`
        select in_stock, sequence from products.variant_stock where variant_id = ${variant!.id}`;
      expect(stored).toEqual({ in_stock: false, sequence: '1000' });
    } finally {
      await jobs.close();
      await queues.close();
    }
  });
});
