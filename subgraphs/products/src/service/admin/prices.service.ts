import { eq, sql } from 'drizzle-orm';
import { recordEvent } from '@commerce-graph/events';
import { isUuid, requirePermission } from '@commerce-graph/kit';
import type { SetPriceInput } from '../../__generated__/resolvers-types.ts';
import { outboxEvents, prices, variants, type PriceRow, type VariantRow } from '../../db/schema.ts';
import { priceInForce, type StoreCurrency } from '../pricing.ts';
import type { Executor } from '../search/search-engine.ts';
import { refuse, type PriceResult } from './catalog-errors.ts';
import { checkSetPrice } from './catalog-input.ts';
import { catalogWrite, type AdminCaller, type AdminDeps } from './shared.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;
const isBasePrice = (row: PriceRow) => row.startsAt === null && row.endsAt === null;

/** Staff's prices of variants: base prices per currency and scheduled ones. */
export class AdminPricesService {
  constructor(readonly deps: AdminDeps) {}

  /** Staff: every price of a variant, base prices first, then scheduled ones by start. */
  async pricesOf(caller: AdminCaller, variant: VariantRow): Promise<PriceRow[]> {
    requirePermission(caller.actor, 'catalog:write');
    const rows = await caller.loaders.pricesByVariantId.load(variant.id);
    const start = (row: PriceRow) => row.startsAt?.getTime() ?? -Infinity;
    return [...rows].sort(
      (a, b) =>
        Number(isBasePrice(b)) - Number(isBasePrice(a)) ||
        a.currency.localeCompare(b.currency) ||
        start(a) - start(b) ||
        a.id.localeCompare(b.id),
    );
  }

  /**
   * Without `startsAt` and `endsAt`: sets the variant's base price in the currency (its id
   * stays). With either: adds a scheduled price for that window. When the price in force now
   * changes, `products.price.changed` is recorded with it; a price that starts later is
   * announced at its start by the price boundaries (service/price-boundaries.ts).
   */
  async setPrice(caller: AdminCaller, input: SetPriceInput): Promise<PriceResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(input.variantId)) return refuse.variantNotFound(input.variantId);
    const now = this.deps.now();
    const parsed = checkSetPrice(input, now);
    if (!parsed.ok) return parsed.error;
    const price = parsed.value;
    return catalogWrite<PriceResult>(this.deps, caller, 'setPrice', async (tx, stop) => {
      const variant = await this.lockVariant(tx, input.variantId);
      if (!variant) return stop(refuse.variantNotFound(input.variantId));
      const before = await tx.select().from(prices).where(eq(prices.variantId, variant.id));
      const values = {
        variantId: variant.id,
        currency: price.currency,
        amount: price.amount,
        compareAtAmount: price.compareAtAmount,
      };
      const [row] =
        price.startsAt === null && price.endsAt === null
          ? await tx
              .insert(prices)
              .values({ ...values, createdAt: now })
              .onConflictDoUpdate({
                target: [prices.variantId, prices.currency],
                targetWhere: sql`starts_at is null and ends_at is null`,
                set: { amount: price.amount, compareAtAmount: price.compareAtAmount },
              })
              .returning()
          : await tx
              .insert(prices)
              .values({ ...values, startsAt: price.startsAt, endsAt: price.endsAt, createdAt: now })
              .returning();
      const after = [...before.filter((r) => r.id !== row!.id), row!];
      await recordPriceChange(tx, variant, price.currency, before, after, now);
      return {
        result: { __typename: 'Price', ...row! },
        target: { type: 'Price', id: row!.id },
        details: {
          variantId: variant.id,
          currencyCode: price.currency,
          amount: price.amount,
          compareAtAmount: price.compareAtAmount,
          startsAt: iso(price.startsAt),
          endsAt: iso(price.endsAt),
        },
        reindex: [variant.productId],
      };
    });
  }

  /** Removes a scheduled price; a base price is PriceNotFound (setPrice replaces it). */
  async removePrice(caller: AdminCaller, id: string): Promise<PriceResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) return refuse.priceNotFound(id);
    return catalogWrite<PriceResult>(this.deps, caller, 'removePrice', async (tx, stop) => {
      const [found] = await tx
        .select({ variantId: prices.variantId })
        .from(prices)
        .where(eq(prices.id, id));
      if (!found) return stop(refuse.priceNotFound(id));
      // Variant first, as setPrice locks: concurrent price changes of a variant queue up.
      const variant = await this.lockVariant(tx, found.variantId);
      const before = await tx.select().from(prices).where(eq(prices.variantId, found.variantId));
      const row = before.find((r) => r.id === id);
      if (!variant || !row || isBasePrice(row)) return stop(refuse.priceNotFound(id));
      await tx.delete(prices).where(eq(prices.id, id));
      const now = this.deps.now();
      const after = before.filter((r) => r.id !== id);
      await recordPriceChange(tx, variant, row.currency as StoreCurrency, before, after, now);
      return {
        result: { __typename: 'Price', ...row },
        target: { type: 'Price', id },
        details: {
          variantId: variant.id,
          currencyCode: row.currency,
          amount: row.amount,
          startsAt: iso(row.startsAt),
          endsAt: iso(row.endsAt),
        },
        reindex: [variant.productId],
      };
    });
  }

  /** The variant, locked for this transaction: price changes of one variant queue up. */
  private async lockVariant(tx: Executor, id: string): Promise<VariantRow | null> {
    const [row] = await tx.select().from(variants).where(eq(variants.id, id)).for('update');
    return row ?? null;
  }
}

/**
 * Records `products.price.changed` when the variant's price in force now in the currency
 * (amount or compare-at price) differs between the two sets of its prices.
 */
export async function recordPriceChange(
  tx: Executor,
  variant: VariantRow,
  currency: StoreCurrency,
  before: readonly PriceRow[],
  after: readonly PriceRow[],
  now: Date,
): Promise<void> {
  const was = priceInForce(before, currency, now);
  const is = priceInForce(after, currency, now);
  if (!is) return;
  if (was && was.amount === is.amount && was.compareAtAmount === is.compareAtAmount) return;
  await recordEvent(tx, outboxEvents, 'products.price.changed', {
    variantId: variant.id,
    productId: variant.productId,
    price: { amount: is.amount, currencyCode: currency },
    compareAt:
      is.compareAtAmount !== null ? { amount: is.compareAtAmount, currencyCode: currency } : null,
    effectiveAt: now.toISOString(),
  });
}
