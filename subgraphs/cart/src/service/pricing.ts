import { GraphQLError } from 'graphql';
import type { TaxClass } from '@commerce-graph/kit';
import type { Money } from '../__generated__/resolvers-types.ts';
import type { CartLineRow, CartRow, DiscountCodeRow } from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';

/** The currencies the store sells in (products prices every variant in each). */
export const CURRENCIES = ['EUR', 'USD', 'GBP'] as const;
export const DEFAULT_CURRENCY = 'EUR';

/**
 * Most minor units any cart amount may reach: below GraphQL's Int (2^31 - 1) with room for the
 * shipping and tax checkout adds to the quote, so no amount the cart answers can overflow.
 */
export const MAX_CART_AMOUNT = 2_000_000_000;

/** The currency code in canonical form, or null when the store does not sell in it. */
export function knownCurrency(code: string): string | null {
  const upper = code.trim().toUpperCase();
  return (CURRENCIES as readonly string[]).includes(upper) ? upper : null;
}

/** A line with its live unit price in the cart's currency and its product's VAT class. */
export interface PricedLine {
  line: CartLineRow;
  unitPrice: number;
  taxClass: TaxClass;
}

/** What a subtotal needs of a line (a merge sums lines it has not written yet). */
type Amounted = { line: Pick<CartLineRow, 'quantity'>; unitPrice: number };

/** Why a discount code does not apply (the `DiscountRejected` codes). */
export type DiscountRefusalCode =
  | 'DISCOUNT_NOT_FOUND'
  | 'DISCOUNT_DISABLED'
  | 'DISCOUNT_NOT_STARTED'
  | 'DISCOUNT_EXPIRED'
  | 'DISCOUNT_USAGE_LIMIT_REACHED'
  | 'DISCOUNT_CUSTOMER_LIMIT_REACHED'
  | 'DISCOUNT_MINIMUM_NOT_MET'
  | 'DISCOUNT_NO_ELIGIBLE_LINES'
  | 'DISCOUNT_CURRENCY_MISMATCH'
  | 'DISCOUNT_REDEMPTION_RELEASED';

/** The error a cart whose live prices passed the cap answers, instead of an overflowing Int. */
export function cartTooLarge(cartId: string): GraphQLError {
  return new GraphQLError(
    `Cart ${cartId} is worth more than ${MAX_CART_AMOUNT} minor units at today's prices`,
    { extensions: { code: 'CART_TOTAL_TOO_LARGE', cartId, max: MAX_CART_AMOUNT } },
  );
}

/** Sum of unit price times quantity; may pass the cap (a JS number holds it exactly). */
export function subtotalOf(lines: readonly Amounted[]): number {
  return lines.reduce((sum, { line, unitPrice }) => sum + unitPrice * line.quantity, 0);
}

/** Whether the code's window and state let it apply at `now` (checked again under its lock). */
export function codeStateRefusal(code: DiscountCodeRow, now: Date): DiscountRefusalCode | null {
  if (code.disabledAt) return 'DISCOUNT_DISABLED';
  if (code.startsAt && code.startsAt > now) return 'DISCOUNT_NOT_STARTED';
  if (code.endsAt && code.endsAt <= now) return 'DISCOUNT_EXPIRED';
  if (code.usageLimit !== null && code.timesUsed >= code.usageLimit) {
    return 'DISCOUNT_USAGE_LIMIT_REACHED';
  }
  return null;
}

/**
 * What the code takes off these lines now and which lines it applies to, or why it does not
 * apply. Percentages round down (in the shop's favour, to the minor unit); a fixed amount never
 * exceeds the eligible lines. `categoriesOf` answers a line's category with its ancestors (only
 * asked for a scoped code).
 */
export async function evaluateDiscount(
  code: DiscountCodeRow,
  cart: CartRow,
  lines: readonly PricedLine[],
  now: Date,
  categoriesOf: (variantId: string) => Promise<string[] | null>,
): Promise<{ amount: number; eligible: readonly PricedLine[] } | { refusal: DiscountRefusalCode }> {
  const state = codeStateRefusal(code, now);
  if (state) return { refusal: state };
  if (code.currency !== null && code.currency !== cart.currency) {
    return { refusal: 'DISCOUNT_CURRENCY_MISMATCH' };
  }
  const subtotal = subtotalOf(lines);
  if (code.minimumSubtotal !== null && subtotal < code.minimumSubtotal) {
    return { refusal: 'DISCOUNT_MINIMUM_NOT_MET' };
  }
  let eligible = lines;
  if (code.categoryId !== null) {
    const scope = code.categoryId;
    const chains = await Promise.all(lines.map(({ line }) => categoriesOf(line.variantId)));
    eligible = lines.filter((_, i) => chains[i]?.includes(scope));
  }
  const base = subtotalOf(eligible);
  if (eligible.length === 0 || base === 0) return { refusal: 'DISCOUNT_NO_ELIGIBLE_LINES' };
  const amount =
    code.kind === 'PERCENTAGE'
      ? Math.floor((base * (code.percentOff ?? 0)) / 100)
      : Math.min(code.amountOff ?? 0, base);
  return { amount, eligible };
}

/**
 * Splits `amount` over lines pro rata to their `weights` (line totals), to the minor unit:
 * each line gets the floor of its exact share, and the minor units left go one each to the
 * lines with the largest remainders (the earlier line on a tie), so the shares add up to
 * `amount` exactly and none passes its weight while `amount` does not pass their sum.
 * BigInt: amount times weight may pass 2^53.
 */
export function allocateDiscount(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (amount === 0 || total === 0) return weights.map(() => 0);
  if (amount > total) throw new Error(`cannot allocate ${amount} over lines worth ${total}`);
  const big = BigInt(amount);
  const whole = BigInt(total);
  const shares = weights.map((w) => {
    const exact = big * BigInt(w);
    return { share: Number(exact / whole), remainder: exact % whole };
  });
  let left = amount - shares.reduce((sum, s) => sum + s.share, 0);
  const order = shares
    .map((s, index) => ({ index, remainder: s.remainder }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (const { index } of order) {
    if (left === 0) break;
    shares[index]!.share += 1;
    left -= 1;
  }
  return shares.map((s) => s.share);
}

/** The lines of a cart its variants' live prices in the cart's currency; null: not sold now. */
export async function priceLines(
  loaders: Loaders,
  cart: CartRow,
  lines: readonly CartLineRow[],
): Promise<Array<PricedLine | null>> {
  const variants = await loaders.variantPrice.loadMany(
    lines.map((line) => ({ variantId: line.variantId, currency: cart.currency })),
  );
  return lines.map((line, i) => {
    const variant = variants[i];
    if (variant instanceof Error) throw variant;
    return variant ? { line, unitPrice: variant.price.amount, taxClass: variant.taxClass } : null;
  });
}

/** Money in the cart's currency. */
export const money = (cart: CartRow, amount: number): Money => ({
  amount,
  currencyCode: cart.currency,
});
