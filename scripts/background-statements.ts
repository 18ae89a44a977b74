/**
 * What the services run on their own, not for a request: outbox relays (their reads and marks of
 * `outbox_events`), products' price boundary poll (begin, a `select ... for update skip
 * locked`, commit), and the upkeep of the
 * search index (reindexing on inventory's events, the facet index re-reading what changed: the
 * `search_*` tables and `variant_stock`, which no catalog page reads), and postgres.js reading
 * the type catalogue on a connection it just opened. Statement counts of a request leave them
 * out; a request path that opens a transaction itself must not rely on it.
 */
export const isBackgroundStatement = (query: string): boolean =>
  /outbox_events|skip locked|search_(documents|facets|prices|terms)|variant_stock|pg_catalog\.pg_type|^\s*(begin|commit|rollback)\b/i.test(
    query,
  );
