import DataLoader from 'dataloader';
import { sql, type Column, type SQL } from 'drizzle-orm';
import { isUuid } from './graphql-errors.ts';

/**
 * `column = any($1)` with the keys bound as one array parameter: the same statement text for
 * every batch size (drizzle's `inArray` would expand to `($1, ..., $n)`).
 */
export function anyOf(column: Column, keys: readonly unknown[]): SQL {
  return sql`${column} = any(${sql.param(keys)})`;
}

/**
 * `anyOf` for a uuid column. Ids come from clients and other subgraphs; a malformed one cannot
 * match anything, and is left out rather than sent to Postgres (which would reject the query).
 */
export function anyUuidOf(column: Column, keys: readonly string[]): SQL {
  return anyOf(column, keys.filter(isUuid));
}

/**
 * A per-request DataLoader for one-to-one lookups: `fetch` runs one statement for the whole
 * batch, and the rows are handed back in key order (null where nothing matched).
 */
export function loaderByKey<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * A per-request DataLoader for one-to-many lookups (the variants of each product): one
 * statement for the batch, rows grouped per key in the order `fetch` returned them.
 */
export function loaderByGroup<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  groupOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(groupOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
