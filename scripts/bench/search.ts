/**
 * Search at two catalog sizes: `pnpm bench:search`.
 *
 * For 1,000 and then 100,000 products, a deterministic catalog (brands, colours, materials,
 * sizes, a waterproof flag, three currencies, some scheduled sales, some products out of stock,
 * some drafts) is written with plain SQL into its own throw-away database, indexed through
 * `PostgresSearch.reindex` in batches of 1,000 and VACUUM ANALYZEd. Then a fixed mix of searches
 * runs against the SearchEngine in this process (server time: the engine call, its SQL round
 * trips included, without GraphQL or HTTP), first on one connection, then from 16 concurrent
 * callers sharing a pool of 16. Each case rotates through a few argument sets, every one asking
 * for what a results page shows: the page, `totalCount`, every facet count and the price range.
 *
 * SQL statements per search are counted with the pool's query hook during the one-connection
 * run. The last line is the three-filter case's one-connection p95 at 100,000 products and its
 * ratio to the same at 1,000, for scripts to read.
 *
 * DATABASE_URL: the server to create the databases on (unset: an embedded PostgreSQL).
 * BENCH_SEARCH_SIZES (default "1000,100000"), BENCH_SEARCH_RUNS (measured calls per case on one
 * connection, default 200) tune it.
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { z } from 'zod';
import { connectDatabase, createLogger, parseConfig, runMigrations } from '@commerce-graph/kit';
import { migrationsFolder, schema } from '../../subgraphs/products/src/db/client.ts';
import { PostgresSearch } from '../../subgraphs/products/src/service/search/postgres-search.ts';
import type { SearchRequest } from '../../subgraphs/products/src/service/search/search-engine.ts';
import { createBenchDatabase } from './database.ts';
import { readBenchEnv } from './env.ts';
import { runBench } from './harness.ts';
import { formatTable } from './table.ts';

const CONCURRENCY = 16;

const searchEnv = z.object({
  /** Catalog sizes, smallest first; the last line compares the largest with the smallest. */
  BENCH_SEARCH_SIZES: z
    .string()
    .default('1000,100000')
    .transform((text) => text.split(',').map(Number))
    .pipe(z.array(z.number().int().positive()).min(1)),
  /** Measured calls per case on one connection (twice as many from the concurrent callers). */
  BENCH_SEARCH_RUNS: z.coerce.number().int().positive().default(200),
});
const BATCH = 1_000;
/** The instant the catalog's prices are read at: fixed, so every run indexes the same prices. */
const NOW = new Date('2026-06-01T12:00:00.000Z');

// ---------------------------------------------------------------------------------------------
// The catalog
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast, deterministic; never for anything secret. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');

/** Top category, its leaves, and each leaf's product nouns. */
const TREE: Record<string, Record<string, string[]>> = {
  Apparel: {
    'T-Shirts': ['Tee', 'Polo', 'Henley', 'Shirt'],
    Hoodies: ['Hoodie', 'Zip Hoodie', 'Sweatshirt'],
    Jackets: ['Jacket', 'Parka', 'Windbreaker', 'Rain Jacket', 'Down Jacket'],
    Trousers: ['Chinos', 'Joggers', 'Jeans', 'Cargo Trousers'],
    Knitwear: ['Sweater', 'Cardigan', 'Jumper'],
  },
  Footwear: {
    Sneakers: ['Sneaker', 'Runner', 'Court Shoe', 'Trainer'],
    Boots: ['Boot', 'Chelsea Boot', 'Hiking Boot', 'Work Boot'],
    Sandals: ['Sandal', 'Slide', 'Flip Flop'],
  },
  Accessories: {
    Bags: ['Backpack', 'Tote', 'Duffel', 'Messenger Bag'],
    Hats: ['Cap', 'Beanie', 'Bucket Hat'],
    Socks: ['Sock Pack', 'Trail Sock', 'Dress Sock'],
    Belts: ['Belt', 'Braided Belt'],
  },
  Home: {
    Kitchen: ['Mug', 'Tumbler', 'Bottle', 'Teapot'],
    Textiles: ['Blanket', 'Cushion', 'Towel', 'Throw'],
    Lighting: ['Lamp', 'Lantern'],
  },
};
const ADJECTIVES = [
  'Classic',
  'Everyday',
  'Alpine',
  'Urban',
  'Coastal',
  'Heritage',
  'Featherweight',
  'Rugged',
  'Studio',
  'Nordic',
  'Vintage',
  'Essential',
  'Trail',
  'Harbor',
  'Summit',
  'Canyon',
  'Meadow',
  'Glacier',
  'Highland',
  'Midnight',
  'Weekend',
  'Expedition',
  'Voyager',
  'Pioneer',
  'Tundra',
  'Riverside',
  'Boulder',
  'Aurora',
  'Cascade',
  'Drifter',
];
const BRANDS = [
  'Northwind',
  'Alpenglow',
  'Fjordline',
  'Stonebridge',
  'Redwood Supply',
  'Bluebird',
  'Ironbark',
  'Kestrel',
  'Larchmont',
  'Moss & Oak',
  'Nimbus',
  'Oxbow',
  'Pinecrest',
  'Quarry',
  'Ridgeback',
  'Saltmarsh',
  'Timberline',
  'Upland',
  'Vale',
  'Wayfarer',
  'Yarrow',
  'Zephyr',
  'Basalt',
  'Copperleaf',
  'Driftwood',
  'Elmstead',
  'Foxglove',
  'Granite Peak',
  'Hearthstone',
  'Juniper',
  'Kingfisher',
  'Lowland',
  'Marlow',
  'Northstar',
  'Orchard',
  'Pebble',
  'Quill',
  'Rowan',
  'Sable',
  'Thistle',
];
const MATERIALS = [
  'Cotton',
  'Merino',
  'Linen',
  'Canvas',
  'Leather',
  'Wool',
  'Denim',
  'Nylon',
  'Fleece',
  'Suede',
  'Cashmere',
  'Hemp',
];
const COLOURS = [
  'Black',
  'White',
  'Navy',
  'Olive',
  'Sand',
  'Rust',
  'Grey',
  'Forest',
  'Burgundy',
  'Ochre',
  'Sky',
  'Charcoal',
];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const PHRASES = [
  'made to last',
  'built for long days outdoors',
  'cut for an easy fit',
  'with reinforced seams',
  'finished by hand',
  'light enough to pack anywhere',
  'soft from the first wear',
  'designed in our studio',
  'tested on mountain trails',
  'for city commutes and weekends away',
  'dyed with low-impact colours',
  'backed by a lifetime repair promise',
];

interface Generated {
  counts: { products: number; variants: number; prices: number };
  write(sql: postgres.Sql): Promise<void>;
  publishedIds: string[];
}

/**
 * Rows given as one array per column, written in chunks: one statement per chunk. Every array
 * travels as text[] and is cast per column, so postgres.js needs no type inference.
 */
async function insertColumns(
  sql: postgres.Sql,
  table: string,
  columns: Array<[name: string, type: string, values: unknown[]]>,
  chunk = 20_000,
) {
  const length = columns[0]![2].length;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const casts = columns.map(([name, type]) => `"${name}"::${type}`).join(', ');
  for (let start = 0; start < length; start += chunk) {
    const slice = columns.map(([, , values]) =>
      values.slice(start, start + chunk).map((value) => (value === null ? null : String(value))),
    );
    await sql.unsafe(
      `insert into products.${table} (${names})
       select ${casts} from unnest(${unnest}) as t(${names})`,
      slice as never[],
    );
  }
}

/** A catalog of `n` products, 3% drafts or archived, the same for the same `n` and seed. */
function generateCatalog(n: number, seed = 7_2026): Generated {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const cats = {
    id: [] as string[],
    slug: [] as string[],
    name: [] as string[],
    parent: [] as (string | null)[],
    path: [] as string[],
  };
  const leaves: Array<{ id: string; nouns: string[]; top: string }> = [];
  for (const [top, children] of Object.entries(TREE)) {
    const topId = uuidFrom(random);
    cats.id.push(topId);
    cats.slug.push(slugify(top));
    cats.name.push(top);
    cats.parent.push(null);
    cats.path.push(`${topId}/`);
    for (const [child, nouns] of Object.entries(children)) {
      const id = uuidFrom(random);
      cats.id.push(id);
      cats.slug.push(slugify(child));
      cats.name.push(child);
      cats.parent.push(topId);
      cats.path.push(`${topId}/${id}/`);
      leaves.push({ id, nouns, top });
    }
  }

  const attrs = [
    {
      id: uuidFrom(random),
      code: 'brand',
      name: 'Brand',
      kind: 'ENUM',
      filterable: true,
      values: BRANDS,
    },
    {
      id: uuidFrom(random),
      code: 'colour',
      name: 'Colour',
      kind: 'MULTI_ENUM',
      filterable: true,
      values: COLOURS,
    },
    {
      id: uuidFrom(random),
      code: 'material',
      name: 'Material',
      kind: 'ENUM',
      filterable: true,
      values: MATERIALS,
    },
    {
      id: uuidFrom(random),
      code: 'size',
      name: 'Size',
      kind: 'MULTI_ENUM',
      filterable: true,
      values: SIZES,
    },
    {
      id: uuidFrom(random),
      code: 'waterproof',
      name: 'Waterproof',
      kind: 'BOOLEAN',
      filterable: true,
      values: [],
    },
    {
      id: uuidFrom(random),
      code: 'care',
      name: 'Care',
      kind: 'TEXT',
      filterable: false,
      values: [],
    },
    {
      id: uuidFrom(random),
      code: 'weight-grams',
      name: 'Weight (g)',
      kind: 'NUMBER',
      filterable: false,
      values: [],
    },
  ];
  const [brand, colour, material, size, waterproof, care, weight] = attrs as [
    (typeof attrs)[number],
    (typeof attrs)[number],
    (typeof attrs)[number],
    (typeof attrs)[number],
    (typeof attrs)[number],
    (typeof attrs)[number],
    (typeof attrs)[number],
  ];
  const values = {
    id: [] as string[],
    attribute: [] as string[],
    code: [] as string[],
    label: [] as string[],
    position: [] as number[],
  };
  for (const attribute of attrs) {
    attribute.values.forEach((label, position) => {
      values.id.push(uuidFrom(random));
      values.attribute.push(attribute.id);
      values.code.push(slugify(label));
      values.label.push(label);
      values.position.push(position);
    });
  }
  const typeId = uuidFrom(random);

  const p = {
    id: [] as string[],
    slug: [] as string[],
    name: [] as string[],
    description: [] as string[],
    category: [] as string[],
    status: [] as string[],
    created: [] as string[],
    published: [] as (string | null)[],
  };
  const pav = {
    product: [] as string[],
    attribute: [] as string[],
    text: [] as (string | null)[],
    number: [] as (number | null)[],
    bool: [] as (boolean | null)[],
    codes: [] as (string | null)[],
  };
  const v = {
    id: [] as string[],
    product: [] as string[],
    sku: [] as string[],
    options: [] as string[],
    position: [] as number[],
  };
  const pr = {
    id: [] as string[],
    variant: [] as string[],
    currency: [] as string[],
    amount: [] as number[],
    compare: [] as (number | null)[],
    starts: [] as (string | null)[],
    ends: [] as (string | null)[],
  };
  const stock = { variant: [] as string[], inStock: [] as boolean[] };
  const publishedIds: string[] = [];
  const day = 86_400_000;

  for (let i = 0; i < n; i++) {
    const leaf = leaves[i % leaves.length]!;
    const productMaterial = pick(MATERIALS);
    const productBrand = pick(BRANDS);
    const name = `${pick(ADJECTIVES)} ${productMaterial} ${pick(leaf.nouns)}`;
    const id = uuidFrom(random);
    const roll = random();
    const status = roll < 0.02 ? 'DRAFT' : roll < 0.03 ? 'ARCHIVED' : 'PUBLISHED';
    const created = new Date(
      NOW.getTime() - Math.floor(random() * 720) * day - Math.floor(random() * day),
    );
    p.id.push(id);
    p.slug.push(`${slugify(name)}-${i + 1}`);
    p.name.push(name);
    p.description.push(
      `The ${productBrand} ${name.toLowerCase()}, ${pick(PHRASES)} and ${pick(PHRASES)}.`,
    );
    p.category.push(leaf.id);
    p.status.push(status);
    p.created.push(created.toISOString());
    p.published.push(status === 'PUBLISHED' ? created.toISOString() : null);
    if (status === 'PUBLISHED') publishedIds.push(id);

    const firstColour = pick(COLOURS);
    const colours =
      random() < 0.5
        ? [firstColour]
        : [firstColour, pick(COLOURS.filter((c) => c !== firstColour))];
    const from = Math.floor(random() * 3);
    const sizes = SIZES.slice(from, from + 2 + Math.floor(random() * 3));
    const isWaterproof = leaf.top !== 'Home' && random() < 0.3;
    pav.product.push(id, id, id, id, id, id, id);
    pav.attribute.push(
      brand.id,
      colour.id,
      material.id,
      size.id,
      waterproof.id,
      care.id,
      weight.id,
    );
    pav.text.push(
      null,
      null,
      null,
      null,
      null,
      random() < 0.5 ? 'Machine wash cold' : 'Hand wash only',
      null,
    );
    pav.number.push(null, null, null, null, null, null, 100 + Math.floor(random() * 1900));
    pav.bool.push(null, null, null, null, isWaterproof, null, null);
    pav.codes.push(
      slugify(productBrand),
      colours.map(slugify).join(','),
      slugify(productMaterial),
      sizes.map(slugify).join(','),
      null,
      null,
      null,
    );

    const base = (Math.floor(random() * 300) + 5) * 100 - 1; // 4.99 .. 304.99
    const onSale = random() < 0.06;
    sizes.forEach((sizeName, position) => {
      const variantId = uuidFrom(random);
      const variantColour = colours[position % colours.length]!;
      v.id.push(variantId);
      v.product.push(id);
      v.sku.push(`SB-${i + 1}-${slugify(variantColour).slice(0, 3)}-${sizeName}`.toUpperCase());
      v.options.push(
        JSON.stringify([
          { name: 'size', value: sizeName },
          { name: 'colour', value: variantColour },
        ]),
      );
      v.position.push(position);
      const amount = base + (sizeName === 'XXL' ? 500 : 0);
      for (const [currency, rate] of [
        ['EUR', 1],
        ['USD', 1.1],
        ['GBP', 0.85],
      ] as const) {
        pr.id.push(uuidFrom(random));
        pr.variant.push(variantId);
        pr.currency.push(currency);
        pr.amount.push(Math.round(amount * rate));
        pr.compare.push(null);
        pr.starts.push(null);
        pr.ends.push(null);
        if (onSale) {
          // A sale that started a few days ago or starts within the next hours, ending later.
          const starts = new Date(
            NOW.getTime() + (random() < 0.5 ? -3 * day : Math.floor(random() * 12) * 3_600_000),
          );
          pr.id.push(uuidFrom(random));
          pr.variant.push(variantId);
          pr.currency.push(currency);
          pr.amount.push(Math.round(amount * rate * 0.7));
          pr.compare.push(Math.round(amount * rate));
          pr.starts.push(starts.toISOString());
          pr.ends.push(new Date(starts.getTime() + 7 * day).toISOString());
        }
      }
      stock.variant.push(variantId);
      stock.inStock.push(random() > 0.15);
    });
  }

  return {
    counts: { products: n, variants: v.id.length, prices: pr.id.length },
    publishedIds,
    async write(sql) {
      await insertColumns(sql, 'categories', [
        ['id', 'uuid', cats.id],
        ['slug', 'text', cats.slug],
        ['name', 'text', cats.name],
        ['parent_id', 'uuid', cats.parent],
        ['path', 'text', cats.path],
      ]);
      await insertColumns(sql, 'attributes', [
        ['id', 'uuid', attrs.map((a) => a.id)],
        ['code', 'text', attrs.map((a) => a.code)],
        ['name', 'text', attrs.map((a) => a.name)],
        ['kind', 'text', attrs.map((a) => a.kind)],
        ['filterable', 'boolean', attrs.map((a) => a.filterable)],
        ['position', 'int', attrs.map((_, i) => i)],
      ]);
      await insertColumns(sql, 'attribute_values', [
        ['id', 'uuid', values.id],
        ['attribute_id', 'uuid', values.attribute],
        ['code', 'text', values.code],
        ['label', 'text', values.label],
        ['position', 'int', values.position],
      ]);
      await sql`insert into products.product_types (id, code, name) values (${typeId}, 'outdoor-goods', 'Outdoor goods')`;
      await insertColumns(sql, 'product_type_attributes', [
        ['product_type_id', 'uuid', attrs.map(() => typeId)],
        ['attribute_id', 'uuid', attrs.map((a) => a.id)],
        ['position', 'int', attrs.map((_, i) => i)],
      ]);
      await insertColumns(sql, 'products', [
        ['id', 'uuid', p.id],
        ['slug', 'text', p.slug],
        ['name', 'text', p.name],
        ['description', 'text', p.description],
        ['category_id', 'uuid', p.category],
        ['product_type_id', 'uuid', p.id.map(() => typeId)],
        ['status', 'text', p.status],
        ['created_at', 'timestamptz', p.created],
        ['updated_at', 'timestamptz', p.created],
        ['published_at', 'timestamptz', p.published],
      ]);
      await insertColumns(sql, 'product_attribute_values', [
        ['product_id', 'uuid', pav.product],
        ['attribute_id', 'uuid', pav.attribute],
        ['text_value', 'text', pav.text],
        ['number_value', 'float8', pav.number],
        ['boolean_value', 'boolean', pav.bool],
        ['codes', 'text[]', pav.codes.map((c) => (c === null ? null : `{${c}}`))],
      ]);
      await insertColumns(sql, 'variants', [
        ['id', 'uuid', v.id],
        ['product_id', 'uuid', v.product],
        ['sku', 'text', v.sku],
        ['options', 'jsonb', v.options],
        ['position', 'int', v.position],
      ]);
      await insertColumns(
        sql,
        'prices',
        [
          ['id', 'uuid', pr.id],
          ['variant_id', 'uuid', pr.variant],
          ['currency', 'text', pr.currency],
          ['amount', 'int', pr.amount],
          ['compare_at_amount', 'int', pr.compare],
          ['starts_at', 'timestamptz', pr.starts],
          ['ends_at', 'timestamptz', pr.ends],
        ],
        30_000,
      );
      await insertColumns(sql, 'variant_stock', [
        ['variant_id', 'uuid', stock.variant],
        ['in_stock', 'boolean', stock.inStock],
      ]);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The mix
// ---------------------------------------------------------------------------------------------

type Call = (engine: PostgresSearch, i: number) => Promise<unknown>;

const request = (overrides: Partial<SearchRequest>): SearchRequest => ({
  sort: 'RELEVANCE',
  first: 24,
  currency: 'EUR',
  ...overrides,
});

/** Runs a search as a results page would: the page, totalCount, facets and bounds. */
async function fullSearch(engine: PostgresSearch, args: SearchRequest) {
  const response = await engine.search(args);
  await response.products.totalCount();
  return response;
}

const FREE_TEXT = [
  'waterproof jacket',
  'merino wool sweater',
  'leather boots',
  'canvas backpack',
  'linen shirt',
];
const TYPOS = ['snekers', 'jaket', 'bakcpack', 'merrino sweter', 'lether boots'];
const THREE_FILTERS: Array<SearchRequest['filters']> = [
  [
    { name: 'brand', values: ['northwind', 'kestrel'] },
    { name: 'colour', values: ['navy'] },
    { name: 'size', values: ['m'] },
  ],
  [
    { name: 'brand', values: ['alpenglow'] },
    { name: 'material', values: ['wool', 'merino'] },
    { name: 'colour', values: ['black', 'grey'] },
  ],
  [
    { name: 'material', values: ['leather'] },
    { name: 'colour', values: ['olive'] },
    { name: 'waterproof', values: ['true'] },
  ],
  [
    { name: 'brand', values: ['timberline', 'juniper', 'sable'] },
    { name: 'size', values: ['l', 'xl'] },
    { name: 'material', values: ['cotton'] },
  ],
  [
    { name: 'colour', values: ['rust'] },
    { name: 'size', values: ['s'] },
    { name: 'waterproof', values: ['false'] },
  ],
];
const PRICE_SORTS: SearchRequest[] = [
  request({ categorySlug: 'footwear', sort: 'PRICE_ASC' }),
  request({ categorySlug: 'jackets', sort: 'PRICE_DESC', priceRange: { min: 5000, max: 20000 } }),
  request({ query: 'cotton', sort: 'PRICE_ASC', inStock: true }),
];
const PREFIXES = ['jack', 'snea', 'merin', 'back', 'nord', 'wool', 'boo', 'hoodi'];

/** The position 20 pages (480 products) into a broad search, found by walking to it. */
async function deepCursor(engine: PostgresSearch, args: SearchRequest, pages: number) {
  let after: string | null = null;
  for (let i = 0; i < pages; i++) {
    const response = await engine.search({ ...args, after });
    if (!response.products.hasNextPage) break;
    after = response.products.cursors.at(-1) ?? null;
  }
  return after;
}

async function mixFor(engine: PostgresSearch): Promise<Array<{ name: string; call: Call }>> {
  const deepArgs = [
    request({ query: 'cotton' }),
    request({ categorySlug: 'apparel', sort: 'NEWEST' }),
  ];
  const deep = await Promise.all(
    deepArgs.map(async (args) => ({ ...args, after: await deepCursor(engine, args, 20) })),
  );
  return [
    {
      name: 'free text',
      call: (e, i) => fullSearch(e, request({ query: FREE_TEXT[i % FREE_TEXT.length] })),
    },
    { name: 'typo', call: (e, i) => fullSearch(e, request({ query: TYPOS[i % TYPOS.length] })) },
    {
      name: 'three facet filters',
      call: (e, i) => fullSearch(e, request({ filters: THREE_FILTERS[i % THREE_FILTERS.length] })),
    },
    { name: 'price sort', call: (e, i) => fullSearch(e, PRICE_SORTS[i % PRICE_SORTS.length]!) },
    { name: 'deep page (21st)', call: (e, i) => fullSearch(e, deep[i % deep.length]!) },
    { name: 'suggest', call: (e, i) => e.suggest(PREFIXES[i % PREFIXES.length]!, 8) },
  ];
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const ms = (value: number) => value.toFixed(2);

interface CaseResult {
  name: string;
  single: { p50: number; p95: number; p99: number; perSecond: number; statements: number };
  concurrent: { p50: number; p95: number; p99: number; perSecond: number };
}

async function measure(
  call: Call,
  engine: PostgresSearch,
  runs: number,
  workers: number,
  offset: number,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < runs) {
        const i = next++;
        const t0 = performance.now();
        await call(engine, offset + i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { latencies: latencies.sort((a, b) => a - b), seconds };
}

async function benchSize(
  serverUrl: string | undefined,
  n: number,
  runs: number,
  defer: Parameters<Parameters<typeof runBench>[0]>[0],
) {
  const database = await createBenchDatabase(serverUrl, defer);
  await runMigrations(database.url, 'products', migrationsFolder);
  const catalog = generateCatalog(n);
  const writer = postgres(database.url, { max: 1, onnotice: () => undefined });
  let t0 = performance.now();
  await catalog.write(writer);
  const writeSeconds = (performance.now() - t0) / 1000;

  let statements = 0;
  let counting = false;
  const connection = connectDatabase(database.url, schema, {
    max: CONCURRENCY,
    applicationName: 'bench-search',
    onQuery: () => {
      if (counting) statements++;
    },
  });
  defer(() => connection.close());
  const logger = createLogger('bench-search', 'warn');
  const engine = new PostgresSearch({ db: connection.db, now: () => NOW, logger });

  // Two indexers, one per core, as a bulk import would run them.
  t0 = performance.now();
  let nextBatch = 0;
  await Promise.all(
    [0, 1].map(async () => {
      for (let i = nextBatch; i < catalog.publishedIds.length; i = nextBatch) {
        nextBatch += BATCH;
        await engine.reindex(catalog.publishedIds.slice(i, i + BATCH));
      }
    }),
  );
  const indexSeconds = (performance.now() - t0) / 1000;
  await writer.unsafe('vacuum analyze');
  const [terms] = await writer`select count(*)::int as n from products.search_terms`;
  await writer.end();
  t0 = performance.now();
  await engine.warmUp();
  const loadSeconds = (performance.now() - t0) / 1000;
  console.log(
    `\n${n} products (${catalog.counts.variants} variants, ${catalog.counts.prices} prices): written in ${writeSeconds.toFixed(1)} s, ` +
      `indexed in ${indexSeconds.toFixed(1)} s (${Math.round(catalog.publishedIds.length / indexSeconds)} products/s, batches of ${BATCH}, 2 at a time), ` +
      `${terms?.n} dictionary terms; facet index loaded in ${loadSeconds.toFixed(1)} s; ${database.server}`,
  );

  const mix = await mixFor(engine);
  const results: CaseResult[] = [];
  for (const { name, call } of mix) {
    await measure(call, engine, 20, 1, 0); // warm-up: plans, caches, connections
    statements = 0;
    counting = true;
    const single = await measure(call, engine, runs, 1, 1000);
    counting = false;
    const concurrent = await measure(call, engine, runs * 2, CONCURRENCY, 2000);
    results.push({
      name,
      single: {
        p50: quantile(single.latencies, 0.5),
        p95: quantile(single.latencies, 0.95),
        p99: quantile(single.latencies, 0.99),
        perSecond: runs / single.seconds,
        statements: statements / runs,
      },
      concurrent: {
        p50: quantile(concurrent.latencies, 0.5),
        p95: quantile(concurrent.latencies, 0.95),
        p99: quantile(concurrent.latencies, 0.99),
        perSecond: (runs * 2) / concurrent.seconds,
      },
    });
  }
  console.log(
    formatTable(
      [
        'case',
        'SQL/call',
        '1 conn p50',
        'p95',
        'p99',
        'calls/s',
        `${CONCURRENCY} conc p50`,
        'p95',
        'p99',
        'calls/s',
      ],
      results.map((r) => [
        r.name,
        r.single.statements.toFixed(1),
        ms(r.single.p50),
        ms(r.single.p95),
        ms(r.single.p99),
        r.single.perSecond.toFixed(0),
        ms(r.concurrent.p50),
        ms(r.concurrent.p95),
        ms(r.concurrent.p99),
        r.concurrent.perSecond.toFixed(0),
      ]),
    ),
  );
  return results;
}

await runBench(async (defer) => {
  const env = readBenchEnv();
  const { BENCH_SEARCH_SIZES: sizes, BENCH_SEARCH_RUNS: runs } = parseConfig(
    searchEnv,
    process.env,
  );
  console.log(
    `search bench: ${sizes.join(' and ')} products; ${runs} calls per case on 1 connection, ` +
      `${runs * 2} from ${CONCURRENCY} concurrent callers; times in ms (engine call, SQL included)`,
  );
  const bySize = new Map<number, CaseResult[]>();
  for (const n of sizes) bySize.set(n, await benchSize(env.DATABASE_URL, n, runs, defer));
  const target = (n: number) =>
    bySize.get(n)?.find((r) => r.name === 'three facet filters')?.single.p95;
  const large = target(Math.max(...sizes));
  const small = target(Math.min(...sizes));
  if (large !== undefined && small !== undefined) {
    console.log(
      `search p95 ${ms(large)} ms at ${Math.max(...sizes)} products, ${(large / small).toFixed(1)}x the p95 at ${Math.min(...sizes)}`,
    );
  }
});
