import { asc, eq, inArray, lte } from 'drizzle-orm';
import { recordEvent, type OutboxRelay } from '@commerce-graph/events';
import type { ProductsDb } from '../db/client.ts';
import { outboxEvents, prices, searchDocuments, variants, type PriceRow } from '../db/schema.ts';
import { STORE_CURRENCIES, priceInForce } from './pricing.ts';
import type { SearchEngine } from './search/search-engine.ts';

/** Products handled per transaction; the next poll takes the rest. */
const BATCH = 500;

/**
 * Applies the scheduled price boundaries that are due: for every indexed product whose
 * `next_price_change_at` has passed, records `products.price.changed` for each variant and
 * currency whose price in force changed at the boundary, and reindexes the product (its
 * current prices and its next boundary). Rows are claimed with SKIP LOCKED, so replicas share
 * the work and none applies a boundary twice. Answers how many products it handled.
 */
export async function applyPriceBoundaries(deps: {
  db: ProductsDb;
  search: SearchEngine;
  relay: OutboxRelay;
  now: () => Date;
}): Promise<number> {
  const at = deps.now();
  const handled = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ productId: searchDocuments.productId, boundary: searchDocuments.nextPriceChangeAt })
      .from(searchDocuments)
      .where(lte(searchDocuments.nextPriceChangeAt, at))
      .orderBy(asc(searchDocuments.nextPriceChangeAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    const boundaryOf = new Map(due.map((row) => [row.productId, row.boundary!]));
    const rows = await tx
      .select({ price: prices, productId: variants.productId })
      .from(prices)
      .innerJoin(variants, eq(variants.id, prices.variantId))
      .where(inArray(variants.productId, [...boundaryOf.keys()]));
    const byVariant = new Map<string, { productId: string; rows: PriceRow[] }>();
    for (const { price, productId } of rows) {
      const entry = byVariant.get(price.variantId) ?? { productId, rows: [] };
      entry.rows.push(price);
      byVariant.set(price.variantId, entry);
    }
    for (const [variantId, { productId, rows: variantPrices }] of byVariant) {
      const before = new Date(boundaryOf.get(productId)!.getTime() - 1);
      for (const currency of STORE_CURRENCIES) {
        const was = priceInForce(variantPrices, currency, before);
        const is = priceInForce(variantPrices, currency, at);
        if (!is || was?.id === is.id) continue;
        await recordEvent(tx, outboxEvents, 'products.price.changed', {
          variantId,
          productId,
          price: { amount: is.amount, currencyCode: currency },
          compareAt:
            is.compareAtAmount != null
              ? { amount: is.compareAtAmount, currencyCode: currency }
              : null,
          effectiveAt: (is.startsAt && is.startsAt <= at
            ? is.startsAt
            : boundaryOf.get(productId)!
          ).toISOString(),
        });
      }
    }
    await deps.search.reindex([...boundaryOf.keys()], tx);
    return due.length;
  });
  if (handled > 0) await deps.relay.flush();
  return handled;
}
