import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder as productsMigrations } from '@commerce-graph/products';
import { demoRows } from '../scripts/catalog/demo-file.ts';
import { importCatalog } from '../scripts/catalog/import.ts';
import { loadCatalog } from '../scripts/catalog/load.ts';
import type { CatalogRowInput } from '../scripts/catalog/row.ts';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

const run = promisify(execFile);
/** The demo definitions (attributes, types, categories) and its first 20 products. */
const seeded = buildDemoCatalog(20);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'catalog-import-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Writes lines (objects as JSON, strings as they are) to a file of the test's folder. */
async function fileOf(name: string, lines: Array<object | string>): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(
    file,
    lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'),
  );
  return file;
}

async function seededDatabase(): Promise<{ database: TestDatabase; sql: postgres.Sql }> {
  const database = await createTestDatabase([{ subgraph: 'products', folder: productsMigrations }]);
  await loadCatalog(database.url, seeded);
  return { database, sql: postgres(database.url, { max: 1, onnotice: () => undefined }) };
}

/** A valid row of a product the demo catalog does not have. */
const fresh = (n: number): CatalogRowInput & Record<string, any> => ({
  slug: `imported-shell-jacket-${n}`,
  name: `Imported Shell Jacket ${n}`,
  description: 'A light shell for wet days.',
  category: 'apparel/jackets',
  productType: 'apparel',
  attributes: {
    brand: 'kestrel',
    material: 'nylon',
    'colour-family': ['blue'],
    waterproof: true,
    'weight-grams': 640,
    care: 'Wash cold.',
  },
  media: [{ url: `https://images.example.com/imported/${n}.jpg`, alt: 'Front' }],
  status: 'PUBLISHED',
  variants: [
    { sku: `IMP-${n}-M`, options: { size: 'M' }, prices: { EUR: 12999, USD: 13999, GBP: 10999 } },
  ],
});
const withVariant = (row: ReturnType<typeof fresh>, change: Record<string, unknown>) => ({
  ...row,
  variants: [{ ...row.variants[0]!, ...change }],
});

describe('catalog import, given bad rows', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  beforeAll(async () => {
    ({ database, sql } = await seededDatabase());
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  it('reports each bad row by line number with its reason and loads the good ones', async () => {
    const takenSku = seeded.products[0]!.variants[0]!.sku;
    const { name: _name, ...nameless } = fresh(3);
    const { brand: _brand, ...brandless } = fresh(16).attributes as Record<string, unknown>;
    const file = await fileOf('bad-rows.jsonl', [
      fresh(1),
      '{"slug": "broken",',
      nameless,
      { ...fresh(4), attributes: { ...fresh(4).attributes, colour: 'red' } },
      { ...fresh(5), attributes: { ...fresh(5).attributes, material: 'silk' } },
      { ...fresh(6), attributes: { ...fresh(6).attributes, 'weight-grams': 'heavy' } },
      withVariant(fresh(7), { sku: 'IMP-1-M' }),
      withVariant(fresh(8), { sku: takenSku }),
      withVariant(fresh(9), { prices: { EUR: 100, USD: 100, GBP: 100, JPY: 100 } }),
      withVariant(fresh(10), { prices: { EUR: -100, USD: 100, GBP: 100 } }),
      '',
      { ...fresh(12), category: 'home/garden' },
      { ...fresh(13), category: 'footwear/jackets' },
      { ...fresh(14), productType: 'spaceship' },
      { ...fresh(1), name: 'The same slug again' },
      { ...fresh(16), attributes: brandless },
      withVariant(fresh(17), { compareAt: { EUR: 12999 } }),
    ]);

    const summary = await importCatalog({ databaseUrl: database.url, file });

    expect(summary.rejections.map((r) => r.line)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17,
    ]);
    const reason = (line: number) => summary.rejections.find((r) => r.line === line)!.reason;
    expect(reason(2)).toMatch(/^invalid JSON/);
    expect(reason(3)).toMatch(/^name: /);
    expect(reason(4)).toBe('attributes.colour: unknown attribute "colour"');
    expect(reason(5)).toMatch(/^attributes\.material: unknown option "silk" \(one of cotton/);
    expect(reason(6)).toBe(
      'attributes.weight-grams: a NUMBER attribute takes a number, not "heavy"',
    );
    expect(reason(7)).toBe('variants[0].sku: duplicate SKU IMP-1-M, also on line 1');
    expect(reason(8)).toBe(
      `variants[0].sku: SKU ${takenSku} belongs to product ${seeded.products[0]!.slug}`,
    );
    expect(reason(9)).toMatch(/^variants\[0\]\.prices\.JPY: Unknown currency "JPY"/);
    expect(reason(10)).toBe('variants[0].prices.EUR: A price cannot be negative');
    expect(reason(13)).toBe('category: jackets is under apparel, not under footwear');
    expect(reason(14)).toMatch(/^productType: unknown product type "spaceship"/);
    expect(reason(15)).toBe('slug: duplicate slug imported-shell-jacket-1, also on line 1');
    expect(reason(16)).toBe('attributes.brand: required by product type apparel');
    expect(reason(17)).toMatch(
      /^variants\[0\]\.compareAt\.EUR: The compare-at price must be above/,
    );
    expect(summary).toMatchObject({ rows: 16, created: 2, updated: 0, unchanged: 0, rejected: 14 });

    const products = await sql`
      select p.slug, p.status, c.slug as category, parent.slug as parent,
             (select count(*)::int from products.prices pr join products.variants v
              on v.id = pr.variant_id where v.product_id = p.id) as prices
      from products.products p
      join products.categories c on c.id = p.category_id
      left join products.categories parent on parent.id = c.parent_id
      where p.slug like 'imported-%' order by p.slug`;
    expect(products).toEqual([
      {
        slug: 'imported-shell-jacket-1',
        status: 'PUBLISHED',
        category: 'jackets',
        parent: 'apparel',
        prices: 3,
      },
      {
        slug: 'imported-shell-jacket-12',
        status: 'PUBLISHED',
        category: 'garden',
        parent: 'home',
        prices: 3,
      },
    ]);
  });

  it('rejects only the row the database refuses, and loads the rest of its batch', async () => {
    await sql.unsafe(`
      create function products.refuse_slug() returns trigger language plpgsql as $$
      begin
        if new.slug = 'imported-shell-jacket-31' then raise exception 'no such jackets here'; end if;
        return new;
      end $$;
      create trigger refuse_slug before insert on products.products
        for each row execute function products.refuse_slug()`);
    try {
      const file = await fileOf('refused.jsonl', [fresh(30), fresh(31), fresh(32)]);
      const summary = await importCatalog({ databaseUrl: database.url, file });
      expect(summary.rejections).toEqual([
        { line: 2, reason: 'the database refused it: no such jackets here' },
      ]);
      expect(summary).toMatchObject({ created: 2, rejected: 1 });
      const rows = await sql`select slug from products.products where slug in
        ('imported-shell-jacket-30', 'imported-shell-jacket-31', 'imported-shell-jacket-32')
        order by slug`;
      expect(rows.map((r) => r.slug)).toEqual([
        'imported-shell-jacket-30',
        'imported-shell-jacket-32',
      ]);
    } finally {
      await sql.unsafe(`drop trigger refuse_slug on products.products;
                        drop function products.refuse_slug()`);
    }
  });
});

describe('catalog import, run twice', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  const rows = [...demoRows(buildDemoCatalog(40))];
  beforeAll(async () => {
    ({ database, sql } = await seededDatabase());
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  /** Row counts, and every row's version (xmin): a rewritten row gets a new one. */
  const snapshot = async () =>
    (
      await sql`
      select ${sql.unsafe(
        ['products', 'variants', 'prices', 'product_attribute_values', 'media', 'categories']
          .map(
            (t) => `(select count(*)::int from products.${t}) as ${t},
                    (select md5(string_agg(xmin::text, ',' order by ctid)) from products.${t})
                      as ${t}_versions`,
          )
          .join(', '),
      )},
      (select md5(string_agg(slug || updated_at::text, ',' order by slug))
         from products.products) as updated_at`
    )[0];

  it('adds the new products and leaves the seeded ones as they are', async () => {
    const before = await sql`select slug, updated_at from products.products order by slug`;
    const file = await fileOf('demo-40.jsonl', rows);
    const summary = await importCatalog({ databaseUrl: database.url, file });
    expect(summary).toMatchObject({ rows: 40, created: 20, updated: 0, unchanged: 20 });
    expect(summary.rejections).toEqual([]);
    const after = await sql`select slug, updated_at from products.products order by slug`;
    expect(after).toHaveLength(40);
    expect(after.filter((row) => before.some((b) => b.slug === row.slug))).toEqual(before);
    const [indexed] = await sql`select count(*)::int as n from products.search_documents`;
    expect(indexed!.n).toBe(40);
  });

  it('changes nothing on a second run of the same file', async () => {
    const before = await snapshot();
    const file = await fileOf('demo-40.jsonl', rows);
    const summary = await importCatalog({ databaseUrl: database.url, file });
    expect(summary).toMatchObject({ rows: 40, created: 0, updated: 0, unchanged: 40, rejected: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('updates only the edited products, and publishes the price change', async () => {
    const renamed = rows[25]!;
    const reworded = rows[3]!;
    const edited = rows.map((row) => {
      if (row === renamed) {
        return withVariant({ ...row, name: 'Renamed Product' } as ReturnType<typeof fresh>, {
          prices: { ...row.variants[0]!.prices, EUR: 4242 },
        });
      }
      if (row === reworded) {
        // No status: an existing product keeps its own.
        const { status: _status, ...rest } = row;
        return { ...rest, media: [{ url: 'https://images.example.com/new.jpg', alt: 'New' }] };
      }
      return row;
    });
    const before = await sql`select slug, updated_at from products.products order by slug`;
    const file = await fileOf('edited.jsonl', edited);
    const summary = await importCatalog({ databaseUrl: database.url, file });
    expect(summary).toMatchObject({ created: 0, updated: 2, unchanged: 38, rejected: 0 });

    const after = await sql`select slug, status, updated_at from products.products order by slug`;
    const changedSlugs = after
      .filter((row) => {
        const was = before.find((b) => b.slug === row.slug)!;
        return was.updated_at.getTime() !== row.updated_at.getTime();
      })
      .map((row) => row.slug)
      .sort();
    expect(changedSlugs).toEqual([renamed.slug, reworded.slug].sort());
    expect(after.find((row) => row.slug === reworded.slug)!.status).toBe('PUBLISHED');

    const events = await sql`
      select payload from products.outbox_events where name = 'products.price.changed'`;
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        price: { amount: 4242, currencyCode: 'EUR' },
        compareAt: renamed.variants[0]!.compareAt?.EUR
          ? { amount: renamed.variants[0]!.compareAt.EUR, currencyCode: 'EUR' }
          : null,
      }),
    ]);
  });
});

describe('catalog import, tax classes', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  const rows = [...demoRows(seeded)];
  beforeAll(async () => {
    ({ database, sql } = await seededDatabase());
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  const classOf = async (slug: string) =>
    (await sql`select tax_class from products.products where slug = ${slug}`)[0]?.tax_class;

  it('sets a new class, keeps the stored one when the row has none, and refuses an unknown one', async () => {
    const kitchen = rows[10]!;
    expect(kitchen.taxClass).toBe('REDUCED');
    const { taxClass: _omitted, ...withoutClass } = kitchen;
    const file = await fileOf('tax-classes.jsonl', [
      withoutClass,
      { ...rows[11]!, taxClass: 'ZERO' },
      { ...fresh(900), taxClass: 'LUXURY' },
      fresh(901),
    ]);
    const summary = await importCatalog({ databaseUrl: database.url, file });
    expect(summary).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: 1 });
    expect(summary.rejections).toEqual([{ line: 3, reason: expect.stringContaining('taxClass') }]);
    expect(await classOf(kitchen.slug)).toBe('REDUCED');
    expect(await classOf(rows[11]!.slug)).toBe('ZERO');
    expect(await classOf(fresh(901).slug)).toBe('STANDARD');
    expect(await classOf(fresh(900).slug)).toBeUndefined();
  });
});

describe('pnpm catalog:import', () => {
  it('prints the rejected lines, rows per second and a summary, and exits 1', async () => {
    const database = await createTestDatabase([
      { subgraph: 'products', folder: productsMigrations },
    ]);
    try {
      await loadCatalog(database.url, seeded);
      const file = await fileOf('cli.jsonl', [fresh(50), 'not json']);
      const failure = await run(
        'pnpm',
        ['exec', 'tsx', 'scripts/catalog/import-cli.ts', file, '--database-url', database.url],
        { env: { ...process.env } },
      ).then(
        () => null,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain('line 2: invalid JSON');
      expect(failure?.stdout).toMatch(/2 rows in [\d.]+ s, \d+ rows\/s/);
      expect(failure?.stdout).toMatch(/created +1\n +updated +0\n +unchanged +0\n +rejected +1/);
    } finally {
      await database.drop();
    }
  });
});
