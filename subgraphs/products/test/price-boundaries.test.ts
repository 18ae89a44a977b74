import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRelay } from '@commerce-graph/events';
import { connectDatabase, createLogger } from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { migrationsFolder, schema } from '../src/db/client.ts';
import {
  categories,
  outboxEvents,
  prices,
  products,
  searchDocuments,
  searchPrices,
  variants,
} from '../src/db/schema.ts';
import { applyPriceBoundaries } from '../src/service/price-boundaries.ts';
import { PostgresSearch } from '../src/service/search/postgres-search.ts';

const logger = createLogger('test', 'silent');
const T0 = new Date('2026-12-24T08:00:00.000Z');
const START = new Date('2026-12-24T09:00:00.000Z');
const END = new Date('2026-12-24T10:00:00.000Z');

let database: TestDatabase;
let db: ReturnType<typeof connectDatabase<typeof schema>>;
let clock = T0;
const productId = randomUUID();
const variantId = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase([{ subgraph: 'products', folder: migrationsFolder }]);
  db = connectDatabase(database.url, schema, { max: 2 });
  const categoryId = randomUUID();
  await db.db
    .insert(categories)
    .values({ id: categoryId, slug: 'boots', name: 'Boots', path: `${categoryId}/` });
  await db.db.insert(products).values({
    id: productId,
    slug: 'winter-boot',
    name: 'Winter Boot',
    categoryId,
    status: 'PUBLISHED',
    publishedAt: T0,
  });
  await db.db.insert(variants).values({ id: variantId, productId, sku: 'WB-1' });
  await db.db.insert(prices).values([
    { variantId, currency: 'EUR', amount: 10_000 },
    { variantId, currency: 'USD', amount: 11_000 },
    { variantId, currency: 'GBP', amount: 9_000 },
    // A sale in EUR only, from 09:00 to 10:00.
    {
      variantId,
      currency: 'EUR',
      amount: 7_500,
      compareAtAmount: 10_000,
      startsAt: START,
      endsAt: END,
    },
  ]);
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('scheduled price boundaries', () => {
  it('apply at their instant: the index follows and products.price.changed is recorded once', async () => {
    const search = new PostgresSearch({ db: db.db, now: () => clock, logger });
    const relay = createOutboxRelay({
      db: db.db,
      table: outboxEvents,
      publish: async () => undefined,
      logger,
      pollMs: 60_000,
    });
    const apply = () => applyPriceBoundaries({ db: db.db, search, relay, now: () => clock });
    const eurInIndex = async () =>
      (
        await db.sql<[{ amount: number }]>`
          select amount from products.search_prices where product_id = ${productId} and currency = 'EUR'`
      )[0]?.amount;
    const events = () =>
      db.sql<Array<{ payload: { price: { amount: number }; effectiveAt: string } }>>`
        select payload from products.outbox_events where name = 'products.price.changed'
        order by occurred_at, id`;
    try {
      await search.reindex([productId]);
      const [doc] = await db.db.select().from(searchDocuments);
      expect(doc!.nextPriceChangeAt).toEqual(START);
      expect(await eurInIndex()).toBe(10_000);

      clock = new Date(START.getTime() - 1);
      expect(await apply()).toBe(0);
      clock = START;
      expect(await apply()).toBe(1);
      expect(await eurInIndex()).toBe(7_500);
      expect(await apply()).toBe(0); // applied once
      clock = END;
      expect(await apply()).toBe(1);
      expect(await eurInIndex()).toBe(10_000);
      const [after] = await db.db.select().from(searchDocuments);
      expect(after!.nextPriceChangeAt).toBeNull();

      expect((await events()).map((e) => [e.payload.price.amount, e.payload.effectiveAt])).toEqual([
        [7_500, START.toISOString()],
        [10_000, END.toISOString()],
      ]);
      // USD and GBP did not change: no event for them.
      const rows = await db.db.select().from(searchPrices);
      expect(rows.map((r) => [r.currency, r.amount]).sort()).toEqual([
        ['EUR', 10_000],
        ['GBP', 9_000],
        ['USD', 11_000],
      ]);
    } finally {
      await relay.close();
    }
  });
});
