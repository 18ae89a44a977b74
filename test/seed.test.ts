import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder as productsMigrations } from '@commerce-graph/products';
import { loadCatalog } from '../scripts/catalog/load.ts';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

const run = promisify(execFile);

describe('buildDemoCatalog', () => {
  const catalog = buildDemoCatalog(1_000);

  it('keeps the ids, slugs, SKUs and prices the README names', () => {
    const backpack = catalog.products[295]!;
    expect(backpack.slug).toBe('alpine-canvas-backpack-0296');
    expect(backpack.variants[0]).toMatchObject({
      id: '0315e0ca-4bb3-480c-82e1-a38b9b6a59a4',
      sku: 'CG-0296-BLA-S',
      priceAmount: 10599,
      currency: 'EUR',
    });
    expect(catalog.categories.map((c) => c.slug).slice(0, 3)).toEqual([
      'apparel',
      't-shirts',
      'hoodies',
    ]);
  });

  it('is the same on every call, and product N is the same whatever the size', () => {
    expect(JSON.stringify(buildDemoCatalog(1_000))).toBe(JSON.stringify(catalog));
    const small = buildDemoCatalog(60);
    expect(small.products).toEqual(catalog.products.slice(0, 60));
    expect(small.attributes).toEqual(catalog.attributes);
    expect(small.categories).toEqual(catalog.categories);
  });

  it('gives every product typed attributes of its type, media, SEO texts and three prices', () => {
    const attributes = new Map(catalog.attributes.map((a) => [a.code, a]));
    const types = new Map(catalog.productTypes.map((t) => [t.code, t]));
    for (const product of catalog.products) {
      const type = types.get(product.productTypeCode)!;
      expect(Object.keys(product.attributes).sort()).toEqual(
        type.attributes.map((a) => a.code).sort(),
      );
      for (const [code, value] of Object.entries(product.attributes)) {
        const attribute = attributes.get(code)!;
        const options = new Set(attribute.values.map((v) => v.code));
        if (attribute.kind === 'ENUM') expect(options.has(value as string)).toBe(true);
        if (attribute.kind === 'MULTI_ENUM') {
          expect((value as string[]).every((v) => options.has(v))).toBe(true);
        }
        if (attribute.kind === 'NUMBER') expect(typeof value).toBe('number');
        if (attribute.kind === 'BOOLEAN') expect(typeof value).toBe('boolean');
        if (attribute.kind === 'TEXT') expect(typeof value).toBe('string');
      }
      expect(product.media.length).toBeGreaterThan(0);
      expect(product.media.every((m) => m.url.startsWith('https://') && m.alt !== '')).toBe(true);
      expect(product.seoTitle.length).toBeLessThanOrEqual(70);
      expect(product.status).toBe('PUBLISHED');
      for (const variant of product.variants) {
        expect(variant.prices.map((p) => p.currency)).toEqual(['EUR', 'USD', 'GBP']);
        expect(variant.prices[0]!.amount).toBe(variant.priceAmount);
        for (const price of variant.prices) {
          if (price.compareAtAmount !== null) {
            expect(price.compareAtAmount).toBeGreaterThan(price.amount);
          }
        }
      }
    }
    // Spread over a range, with some products on sale and some waterproof.
    const eur = catalog.products.map((p) => p.variants[0]!.priceAmount);
    expect(Math.min(...eur)).toBeLessThan(3_000);
    expect(Math.max(...eur)).toBeGreaterThan(15_000);
    expect(catalog.products.some((p) => p.variants[0]!.prices[0]!.compareAtAmount)).toBe(true);
    expect(catalog.products.some((p) => p.attributes.waterproof === true)).toBe(true);
    expect(catalog.collections.map((c) => c.productIds.length)).toEqual([12, 12, 12]);
  });
});

describe('loadCatalog', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  const catalog = buildDemoCatalog(30);

  beforeAll(async () => {
    database = await createTestDatabase([{ subgraph: 'products', folder: productsMigrations }]);
    sql = postgres(database.url, { max: 1, onnotice: () => undefined });
  });

  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  const counts = async () =>
    (
      await sql`
      select (select count(*) from products.categories)::int as categories,
             (select count(*) from products.attributes)::int as attributes,
             (select count(*) from products.attribute_values)::int as options,
             (select count(*) from products.product_types)::int as types,
             (select count(*) from products.products where status = 'PUBLISHED')::int as products,
             (select count(*) from products.product_attribute_values)::int as "values",
             (select count(*) from products.media)::int as media,
             (select count(*) from products.variants)::int as variants,
             (select count(*) from products.prices)::int as prices,
             (select count(*) from products.variant_stock)::int as stock,
             (select count(*) from products.collection_products)::int as "collected",
             (select count(*) from products.search_documents)::int as indexed`
    )[0];

  it('writes the whole catalog into an empty schema and indexes it for search', async () => {
    expect(await loadCatalog(database.url, catalog)).toBe(true);
    expect(await counts()).toEqual({
      categories: 16,
      attributes: 6,
      options: catalog.attributes.reduce((n, a) => n + a.values.length, 0),
      types: 4,
      products: 30,
      values: catalog.products.reduce((n, p) => n + Object.keys(p.attributes).length, 0),
      media: 60,
      variants: 120,
      prices: 360,
      stock: 120,
      collected: catalog.collections.reduce((n, c) => n + c.productIds.length, 0),
      indexed: 30,
    });
    // A category's path is its ancestors' ids and its own, so a subtree is a prefix.
    const jackets = catalog.categories.find((c) => c.slug === 'jackets')!;
    const [row] = await sql`select path from products.categories where id = ${jackets.id}`;
    expect(row!.path).toBe(`${jackets.parentId}/${jackets.id}/`);
    const backpack = catalog.products[5]!;
    const prices = await sql`
      select currency, amount from products.prices
      where variant_id = ${backpack.variants[0]!.id} order by currency`;
    expect(prices.map((p) => [p.currency, p.amount])).toEqual(
      backpack.variants[0]!.prices.map((p) => [p.currency, p.amount]).sort(),
    );
  });

  it('refuses a schema that has a catalog, and writes nothing', async () => {
    const before = await counts();
    expect(await loadCatalog(database.url, buildDemoCatalog(40))).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('counts a single category as a catalog', async () => {
    const other = await createTestDatabase([{ subgraph: 'products', folder: productsMigrations }]);
    const db = postgres(other.url, { max: 1, onnotice: () => undefined });
    try {
      await db`insert into products.categories (slug, name, path) values ('apparel', 'Apparel', 'x/')`;
      expect(await loadCatalog(other.url, catalog)).toBe(false);
      const [row] = await db`select count(*)::int as n from products.products`;
      expect(row!.n).toBe(0);
    } finally {
      await db.end();
      await other.drop();
    }
  });
});

describe('pnpm seed', () => {
  it('seeds an empty database, then refuses with exit code 1', async () => {
    const database = await createTestDatabase();
    try {
      const seed = () =>
        run('pnpm', ['exec', 'tsx', 'scripts/catalog/seed-cli.ts', '--products', '7'], {
          env: { ...process.env, DATABASE_URL: database.url },
        });
      const first = await seed();
      expect(first.stdout).toContain('seeded 7 products, 28 variants');
      const second = await seed().then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(second?.code).toBe(1);
      expect(second?.stderr).toContain('already has a catalog');
      const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
      try {
        const [row] = await sql`
          select (select count(*) from products.products)::int as products,
                 (select count(*) from inventory.stock_levels)::int as stock`;
        expect(row).toEqual({ products: 7, stock: 7 * 4 * 2 });
      } finally {
        await sql.end();
      }
    } finally {
      await database.drop();
    }
  });
});
