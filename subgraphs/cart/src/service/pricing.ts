import { GraphQLError } from 'graphql';
import type { Money } from '../__generated__/resolvers-types.ts';
import type { CartLineRow, CartRow, DiscountCodeRow } from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';

/** The currencies the store sells in (products prices every variant in each). */
export const CURRENCIES = ['EUR', 'USD', 'GBP'] as const;
export const DEFAULT_CURRENCY = 'EUR';

/**
 * Most minor units any cart amount may reach: below GraphQL's Int (2^31 - 1) with room for
 * estimated shipping and tax, so no amount the cart answers can overflow.
 */
export const MAX_CART_AMOUNT = 2_000_000_000;

/** The currency code in canonical form, or null when the store does not sell in it. */
export function knownCurrency(code: string): string | null {
  const upper = code.trim().toUpperCase();
  return (CURRENCIES as readonly string[]).includes(upper) ? upper : null;
}

/** Estimated shipping and tax of a cart; null where unknown. */
export interface Estimate {
  shipping: Money | null;
  tax: Money | null;
}

/**
 * Estimates shipping and tax for a cart's subtotal after discount. The checkout issue owns the
 * real rates; the default knows neither.
 */
export type EstimateHook = (
  cart: CartRow,
  subtotalAfterDiscount: Money,
) => Promise<Estimate> | Estimate;

export const noEstimate: EstimateHook = () => ({ shipping: null, tax: null });

/** `Cart.totals`. */
export interface CartTotals {
  subtotal: Money;
  discount: Money;
  shipping: Money | null;
  tax: Money | null;
  total: Money;
}

/** A line with its live unit price in the cart's currency. */
export interface PricedLine {
  line: CartLineRow;
  unitPrice: number;
}

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
export function subtotalOf(lines: readonly PricedLine[]): number {
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
 * What the code takes off these lines now, or why it does not apply. Percentages round down
 * (in the shop's favour, to the minor unit); a fixed amount never exceeds the eligible lines.
 * `categoriesOf` answers a line's category with its ancestors (only asked for a scoped code).
 */
export async function evaluateDiscount(
  code: DiscountCodeRow,
  cart: CartRow,
  lines: readonly PricedLine[],
  now: Date,
  categoriesOf: (variantId: string) => Promise<string[] | null>,
): Promise<{ amount: number } | { refusal: DiscountRefusalCode }> {
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
  return { amount };
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
    return variant ? { line, unitPrice: variant.price.amount } : null;
  });
}

/** Money in the cart's currency. */
export const money = (cart: CartRow, amount: number): Money => ({
  amount,
  currencyCode: cart.currency,
});
