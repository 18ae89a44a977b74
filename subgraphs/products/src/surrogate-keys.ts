import { sql } from 'drizzle-orm';
import { CACHE_PURGE_CHANNEL } from '@commerce-graph/kit';
import { products } from './db/schema.ts';
import type { Executor } from './service/search/search-engine.ts';

/**
 * The surrogate keys of the catalog (kit's `SURROGATE_KEY_HEADER`): an answer carries the keys
 * of what it shows (the loaders and resolvers note them), and a change purges the keys of what
 * it changed (`notifyCachePurge`), so the gateway and a CDN drop exactly the answers that showed
 * it.
 */
export const surrogateKey = {
  product: (id: string) => `product:${id}`,
  category: (id: string) => `category:${id}`,
  collection: (id: string) => `collection:${id}`,
  /** Any list of products (a category page, a collection, a search): one change may reorder it. */
  productLists: 'products',
};

/** Keys per NOTIFY payload: at most 46 bytes each, under the 8,000-byte limit. */
const KEYS_PER_NOTIFY = 150;

/**
 * Purges, once the transaction commits, every cached answer showing these products: their
 * `product:` keys, the `category:` keys of their categories, and every list of products. Called
 * by every change of what a product shows (catalog writes, price boundaries: `reindex`; stock:
 * `setAvailability`). One statement.
 */
export async function notifyCachePurge(tx: Executor, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  const ids = sql.param([...productIds]);
  await tx.execute(sql`
    select count(pg_notify(${CACHE_PURGE_CHANNEL}, keys)) from (
      select string_agg(k, ' ') as keys
      from (select k, (row_number() over () - 1) / ${KEYS_PER_NOTIFY} as part
            from (select 'product:' || id::text as k from unnest(${ids}::uuid[]) as id
                  union
                  select 'category:' || ${products.categoryId}::text from ${products}
                  where ${products.id} = any(${ids}::uuid[])
                  union
                  select ${surrogateKey.productLists}) as all_keys) as numbered
      group by part) as payloads`);
}
