/**
 * What staff's catalog services (`catalog:write`) share: products, variants, prices,
 * categories, collections, attributes and product types are each validated with typed errors,
 * reindexed in search in their transaction, and audited (`products.admin-action.recorded`).
 */
import { adminActionBy, recordEvent, type OutboxRelay } from '@commerce-graph/events';
import { requirePermission, userInput, type Actor, type Logger } from '@commerce-graph/kit';
import type { ProductsDb } from '../../db/client.ts';
import { outboxEvents } from '../../db/schema.ts';
import type { Loaders } from '../../loaders.ts';
import type { Executor, SearchEngine } from '../search/search-engine.ts';
import { RefusedWrite, violatedUniqueConstraint, type CatalogRefusal } from './catalog-errors.ts';

/** What every admin service is built with. */
export interface AdminDeps {
  db: ProductsDb;
  search: SearchEngine;
  relay: OutboxRelay;
  now: () => Date;
  logger: Logger;
}

/** Who calls, and the request's loaders (cleared after a write, so later fields read it). */
export interface AdminCaller {
  actor: Actor;
  loaders: Loaders;
}

/** What a write did: its answer, the audit target and details, the products to reindex. */
export interface Written<T> {
  result: T;
  target: { type: string; id: string };
  details: Record<string, unknown>;
  reindex: readonly string[];
}

/** Ends a write with one of its own refusals: the transaction rolls back, nothing is written. */
export type Stop<T> = (refusal: T) => never;
export type Refusal<N extends CatalogRefusal['__typename']> = Extract<
  CatalogRefusal,
  { __typename: N }
>;

const slugSchema = userInput.slug();
/** A slug or code that can name something; anything else names nothing, without SQL. */
export const isSlug = (value: string) => slugSchema.safeParse(value).success;

/** Only the keys a client gave (an explicit null counts: it clears). */
export const givenFields = (input: object) =>
  Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);

/**
 * Runs one catalog write in a transaction: `work` changes the rows (or stops with a refusal,
 * rolling everything back), then the affected products are reindexed and the action audited
 * in the same transaction; after commit the outbox is flushed. A unique violation named in
 * `unique` (a slug, SKU or code taken by a concurrent write) is answered with its refusal.
 */
export async function catalogWrite<T extends { __typename: string }>(
  deps: AdminDeps,
  caller: AdminCaller,
  action: string,
  work: (tx: Executor, stop: Stop<T>) => Promise<Written<T>>,
  unique: Record<string, () => T> = {},
): Promise<T> {
  requirePermission(caller.actor, 'catalog:write');
  const stop: Stop<T> = (refusal) => {
    throw new RefusedWrite(refusal as unknown as CatalogRefusal);
  };
  let result: T;
  try {
    result = await deps.db.transaction(async (tx) => {
      const written = await work(tx, stop);
      await deps.search.reindex([...new Set(written.reindex)], tx);
      await recordEvent(
        tx,
        outboxEvents,
        'products.admin-action.recorded',
        adminActionBy(caller.actor, action, written.target, written.details),
      );
      return written.result;
    });
  } catch (error) {
    // Only `stop` throws RefusedWrite, and it takes only this write's own refusals.
    if (error instanceof RefusedWrite) return error.result as unknown as T;
    const constraint = violatedUniqueConstraint(error);
    const refusal = constraint !== null ? unique[constraint] : undefined;
    if (refusal) return refusal();
    throw error;
  }
  // Later fields and mutations of this request must see the write.
  for (const loader of Object.values(caller.loaders)) loader.clearAll();
  await deps.relay.flush();
  return result;
}
