import { badUserInput } from '@commerce-graph/kit';
import type { PriceRow } from '../db/schema.ts';

/** The currencies the store sells in; every variant has a base price in each. */
export const STORE_CURRENCIES = ['EUR', 'USD', 'GBP'] as const;
export type StoreCurrency = (typeof STORE_CURRENCIES)[number];
/** The currency of `price` without `currencyCode`. */
export const DEFAULT_CURRENCY: StoreCurrency = 'EUR';
/** Largest amount a price may have, in minor units: keeps order totals inside GraphQL's Int. */
export const MAX_PRICE_AMOUNT = 10_000_000;

export const isStoreCurrency = (code: string): code is StoreCurrency =>
  (STORE_CURRENCIES as readonly string[]).includes(code);

/** The currency a storefront asked for (default the store's); BAD_USER_INPUT for any other. */
export function currencyOf(code: string | null | undefined): StoreCurrency {
  if (code == null) return DEFAULT_CURRENCY;
  if (!isStoreCurrency(code)) {
    throw badUserInput(
      `The store does not sell in "${code.slice(0, 10)}"; it sells in ${STORE_CURRENCIES.join(', ')}`,
    );
  }
  return code;
}

const isBase = (row: PriceRow) => row.startsAt === null && row.endsAt === null;
const holds = (row: PriceRow, at: Date) =>
  (row.startsAt === null || row.startsAt.getTime() <= at.getTime()) &&
  (row.endsAt === null || at.getTime() < row.endsAt.getTime());

/**
 * The price in force at `at` among a variant's prices in one currency: the scheduled price
 * whose window holds `at` (the latest start wins; an open start counts as the earliest), else
 * the base price; null when the variant has no price in the currency.
 */
export function priceInForce(
  rows: readonly PriceRow[],
  currency: string,
  at: Date,
): PriceRow | null {
  let base: PriceRow | null = null;
  let scheduled: PriceRow | null = null;
  for (const row of rows) {
    if (row.currency !== currency) continue;
    if (isBase(row)) {
      base = row;
    } else if (holds(row, at)) {
      const start = row.startsAt?.getTime() ?? -Infinity;
      const best = scheduled?.startsAt?.getTime() ?? -Infinity;
      if (!scheduled || start > best || (start === best && row.id > scheduled.id)) scheduled = row;
    }
  }
  return scheduled ?? base;
}

/** The first instant after `at` when a scheduled price among `rows` starts or ends; or null. */
export function nextPriceChange(rows: readonly PriceRow[], at: Date): Date | null {
  let next: number | null = null;
  for (const row of rows) {
    for (const edge of [row.startsAt, row.endsAt]) {
      const t = edge?.getTime();
      if (t !== undefined && t > at.getTime() && (next === null || t < next)) next = t;
    }
  }
  return next === null ? null : new Date(next);
}

/**
 * Seconds a response holding these prices may be cached so that no cache serves a price after
 * it changes: the default when nothing is scheduled, else the time to the next boundary
 * (rounded down, so the cache drops it before the instant).
 */
export function maxAgeBefore(next: Date | null, now: Date, defaultSeconds: number): number {
  if (!next) return defaultSeconds;
  const seconds = Math.floor((next.getTime() - now.getTime()) / 1000) - 1;
  return Math.max(0, Math.min(defaultSeconds, seconds));
}
