/**
 * Shipping and tax for a cart, as pure functions of the cart's quote and checkout's tables: the
 * one computation behind `Cart.shippingMethods`, `Cart.totals` and `placeOrder`, so what the
 * shopper sees is what the order is written with.
 */
import { GraphQLError } from 'graphql';
import type { CartQuote, TaxClass } from '@commerce-graph/kit';

/**
 * Largest total of a cart or an order, in minor units: amounts are 32-bit integers in the API
 * and the tables. The cart caps its subtotal at the same figure; shipping and tax on top (USD)
 * can still pass it.
 */
export const MAX_ORDER_TOTAL = 2_000_000_000;

/** A row of `checkout.shipping_methods`, as far as pricing needs it. */
export interface ShippingMethodDefinition {
  code: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes of the zone the method ships to. */
  countries: string[];
  minDays: number;
  maxDays: number;
  /** Per ISO 4217 currency: the price and the goods value (after discount) it is free from. */
  prices: Record<string, { price: number; freeAbove: number | null }>;
  active: boolean;
  position: number;
}

/** A shipping method as one cart may choose it: priced in the cart's currency. */
export interface EligibleShippingMethod {
  code: string;
  name: string;
  /** In the cart's currency, 0 when the cart's goods reach the method's free threshold. */
  price: number;
  minDays: number;
  maxDays: number;
}

/** A VAT rate of the shipping country for one tax class, in basis points (2100 = 21%). */
export interface TaxRate {
  taxClass: TaxClass;
  rateBasisPoints: number;
}

/** Tax of one group of the cart: every line (and the shipping) with one class and rate. */
export interface TaxLine {
  taxClass: TaxClass;
  rateBasisPoints: number;
  /** What the rate applies to: line totals after their discount share (and shipping). */
  taxableAmount: number;
  /** The sum of the group's per-line taxes, each rounded half up to the minor unit. */
  amount: number;
}

/** One cart line's tax, for the order line's copy. */
export interface LineTax {
  lineId: string;
  taxClass: TaxClass;
  rateBasisPoints: number;
  amount: number;
}

/** What a cart costs, all amounts in minor units of `currencyCode`. */
export interface CartPricing {
  currencyCode: string;
  subtotal: number;
  discount: number;
  /** The chosen method's price; null without an address or a chosen method that fits it. */
  shipping: number | null;
  shippingMethod: EligibleShippingMethod | null;
  /** Null without a shipping address (or for a country without VAT rates). */
  tax: number | null;
  /** Whether the prices include the tax (EUR, GBP) or it comes on top (USD). */
  taxIncluded: boolean;
  /** subtotal - discount + shipping, + tax when prices exclude it. */
  total: number;
  taxLines: TaxLine[];
  /** Per cart line, in the quote's order; empty when `tax` is null. */
  lineTaxes: LineTax[];
  /** The shipping's tax (STANDARD rate); null when there is no shipping or no tax. */
  shippingTax: number | null;
}

/**
 * Whether a currency's prices include VAT. The catalog's EUR and GBP prices are consumer prices
 * (EU and UK law); USD prices are quoted before sales tax, as US shoppers expect.
 */
const TAX_INCLUDED: Record<string, boolean> = { EUR: true, GBP: true, USD: false };

/** Whether prices in `currencyCode` include tax; an unknown currency is a bug. */
export function taxIncludedIn(currencyCode: string): boolean {
  const included = TAX_INCLUDED[currencyCode];
  if (included === undefined) throw new Error(`no tax treatment for currency ${currencyCode}`);
  return included;
}

const BASIS = 10_000n;

/**
 * The tax in `amount` (minor units) at `rateBasisPoints`, rounded half up to the minor unit, in
 * integer arithmetic: inclusive `A*bp/(10000+bp)` (the tax inside a gross price), exclusive
 * `A*bp/10000` (the tax on top of a net price). BigInt, so no product can lose precision.
 */
export function taxOf(amount: number, rateBasisPoints: number, included: boolean): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`bad taxable amount ${amount}`);
  if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0) {
    throw new Error(`bad tax rate ${rateBasisPoints}`);
  }
  const a = BigInt(amount);
  const bp = BigInt(rateBasisPoints);
  const divisor = included ? BASIS + bp : BASIS;
  // round(n / d) half up for n, d >= 0: floor((2n + d) / 2d).
  return Number((2n * a * bp + divisor) / (2n * divisor));
}

/**
 * The active methods that ship to the quote's shipping country and have a price in its currency,
 * by position; each free when the goods after the discount reach its `freeAbove`. None without a
 * shipping address.
 */
export function eligibleShippingMethods(
  quote: CartQuote,
  methods: readonly ShippingMethodDefinition[],
): EligibleShippingMethod[] {
  const country = quote.shippingAddress?.countryCode;
  if (!country) return [];
  const goods = quote.subtotal - quote.discount;
  return methods
    .filter((m) => m.active && m.countries.includes(country) && m.prices[quote.currencyCode])
    .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code))
    .map((m) => {
      const { price, freeAbove } = m.prices[quote.currencyCode]!;
      return {
        code: m.code,
        name: m.name,
        price: freeAbove !== null && goods >= freeAbove ? 0 : price,
        minDays: m.minDays,
        maxDays: m.maxDays,
      };
    });
}

/**
 * Prices a cart: its goods as the cart quoted them, the selected method when it is one of
 * `eligible` (a selection for another zone counts as none), and the shipping country's `rates`.
 * Tax per line on (line total - its discount share) and on the shipping at the STANDARD rate,
 * each rounded on its own; the tax lines group them by class and rate. Without a shipping
 * address there is no shipping and no tax; a country missing a rate a line needs has no tax.
 */
export function priceCart(
  quote: CartQuote,
  eligible: readonly EligibleShippingMethod[],
  selectedCode: string | null,
  rates: readonly TaxRate[],
): CartPricing {
  const included = taxIncludedIn(quote.currencyCode);
  const shippingMethod =
    selectedCode === null ? null : (eligible.find((m) => m.code === selectedCode) ?? null);
  const shipping = shippingMethod?.price ?? null;
  const goods = quote.subtotal - quote.discount;
  const untaxed = {
    currencyCode: quote.currencyCode,
    subtotal: quote.subtotal,
    discount: quote.discount,
    shipping,
    shippingMethod,
    tax: null,
    taxIncluded: included,
    total: goods + (shipping ?? 0),
    taxLines: [],
    lineTaxes: [],
    shippingTax: null,
  };
  if (!quote.shippingAddress) return untaxed;
  const rateOf = new Map(rates.map((r) => [r.taxClass, r.rateBasisPoints]));
  const needed = [
    ...quote.lines.map((l) => l.taxClass),
    ...(shipping === null ? [] : ['STANDARD' as const]),
  ];
  if (needed.some((taxClass) => !rateOf.has(taxClass))) return untaxed;

  const lineTaxes: LineTax[] = quote.lines.map((line) => {
    const rateBasisPoints = rateOf.get(line.taxClass)!;
    return {
      lineId: line.lineId,
      taxClass: line.taxClass,
      rateBasisPoints,
      amount: taxOf(line.lineTotal - line.discount, rateBasisPoints, included),
    };
  });
  const groups = new Map<string, TaxLine>();
  const add = (taxClass: TaxClass, rateBasisPoints: number, taxable: number, amount: number) => {
    const key = `${taxClass}:${rateBasisPoints}`;
    const group = groups.get(key) ?? { taxClass, rateBasisPoints, taxableAmount: 0, amount: 0 };
    group.taxableAmount += taxable;
    group.amount += amount;
    groups.set(key, group);
  };
  quote.lines.forEach((line, i) => {
    const { taxClass, rateBasisPoints, amount } = lineTaxes[i]!;
    add(taxClass, rateBasisPoints, line.lineTotal - line.discount, amount);
  });
  let shippingTax: number | null = null;
  if (shipping !== null) {
    const standard = rateOf.get('STANDARD')!;
    shippingTax = taxOf(shipping, standard, included);
    add('STANDARD', standard, shipping, shippingTax);
  }
  const taxLines = [...groups.values()].sort(
    (a, b) => b.rateBasisPoints - a.rateBasisPoints || a.taxClass.localeCompare(b.taxClass),
  );
  const tax = taxLines.reduce((sum, line) => sum + line.amount, 0);
  return {
    ...untaxed,
    tax,
    total: goods + (shipping ?? 0) + (included ? 0 : tax),
    taxLines,
    lineTaxes,
    shippingTax,
  };
}

/**
 * The pricing, or the error a cart answers whose total with shipping and tax passed
 * `MAX_ORDER_TOTAL` (`CART_TOTAL_TOO_LARGE`, as the cart's `subtotal` does), rather than an
 * overflowing Int. `placeOrder` refuses such a cart with a typed answer of its own.
 */
export function withinCap(pricing: CartPricing, cartId: string): CartPricing {
  if (pricing.total <= MAX_ORDER_TOTAL) return pricing;
  throw new GraphQLError(
    `Cart ${cartId} would total ${pricing.total} minor units with shipping and tax, more than ${MAX_ORDER_TOTAL}`,
    { extensions: { code: 'CART_TOTAL_TOO_LARGE', cartId, max: MAX_ORDER_TOTAL } },
  );
}

/** A tax line with the currency of its amounts, as the API shows it. */
export type TaxLineView = TaxLine & { currencyCode: string };
