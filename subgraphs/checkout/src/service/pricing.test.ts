import { describe, expect, it } from 'vitest';
import type { CartQuote, PostalAddress, TaxClass } from '@commerce-graph/kit';
import {
  eligibleShippingMethods,
  priceCart,
  taxOf,
  withinCap,
  MAX_ORDER_TOTAL,
  type ShippingMethodDefinition,
  type TaxRate,
} from './pricing.ts';

const address = (countryCode: string): PostalAddress => ({
  name: 'Ada Lovelace',
  line1: 'Keizersgracht 1',
  line2: null,
  city: 'Amsterdam',
  postalCode: '1015 CJ',
  region: null,
  countryCode,
  phone: null,
});

type QuoteLine = { unitPrice: number; quantity?: number; discount?: number; taxClass?: TaxClass };

function quoteOf(
  lines: QuoteLine[],
  options: { currencyCode?: string; country?: string | null; discount?: number } = {},
): CartQuote {
  const priced = lines.map((l, i) => {
    const quantity = l.quantity ?? 1;
    return {
      lineId: `line-${i}`,
      variantId: `variant-${i}`,
      quantity,
      unitPrice: l.unitPrice,
      lineTotal: l.unitPrice * quantity,
      discount: l.discount ?? 0,
      taxClass: l.taxClass ?? 'STANDARD',
    };
  });
  const country = options.country === undefined ? 'NL' : options.country;
  return {
    cartId: 'cart-1',
    currencyCode: options.currencyCode ?? 'EUR',
    lines: priced,
    subtotal: priced.reduce((sum, l) => sum + l.lineTotal, 0),
    discount: priced.reduce((sum, l) => sum + l.discount, 0),
    discountCode: priced.some((l) => l.discount > 0) ? 'SAVE' : null,
    shippingAddress: country ? address(country) : null,
    billingAddress: null,
    hasUnavailableLines: false,
  };
}

const METHODS: ShippingMethodDefinition[] = [
  {
    code: 'nl-be-express',
    name: 'Express',
    countries: ['NL', 'BE'],
    minDays: 1,
    maxDays: 1,
    prices: { EUR: { price: 995, freeAbove: null } },
    active: true,
    position: 2,
  },
  {
    code: 'nl-be-standard',
    name: 'Standard',
    countries: ['NL', 'BE'],
    minDays: 1,
    maxDays: 2,
    prices: {
      EUR: { price: 495, freeAbove: 5000 },
      USD: { price: 595, freeAbove: 6000 },
    },
    active: true,
    position: 1,
  },
  {
    code: 'de-fr-standard',
    name: 'Standard',
    countries: ['DE', 'FR'],
    minDays: 2,
    maxDays: 4,
    prices: { EUR: { price: 795, freeAbove: 10000 } },
    active: true,
    position: 1,
  },
  {
    code: 'nl-retired',
    name: 'Retired',
    countries: ['NL'],
    minDays: 1,
    maxDays: 1,
    prices: { EUR: { price: 100, freeAbove: null } },
    active: false,
    position: 0,
  },
];

const NL: TaxRate[] = [
  { taxClass: 'STANDARD', rateBasisPoints: 2100 },
  { taxClass: 'REDUCED', rateBasisPoints: 900 },
  { taxClass: 'ZERO', rateBasisPoints: 0 },
];
const US_EXAMPLE: TaxRate[] = [
  { taxClass: 'STANDARD', rateBasisPoints: 725 },
  { taxClass: 'REDUCED', rateBasisPoints: 725 },
  { taxClass: 'ZERO', rateBasisPoints: 0 },
];

describe('taxOf', () => {
  it('takes the tax out of an inclusive price, rounding half up', () => {
    // 1210 * 2100 / 12100 = 210 exactly; 1000 * 2100 / 12100 = 173.55 -> 174.
    expect(taxOf(1210, 2100, true)).toBe(210);
    expect(taxOf(1000, 2100, true)).toBe(174);
    // 109 * 900 / 10900 = 9 exactly; 10 * 900 / 10900 = 0.8257 -> 1; 6 -> 0.495 -> 0.
    expect(taxOf(109, 900, true)).toBe(9);
    expect(taxOf(10, 900, true)).toBe(1);
    expect(taxOf(6, 900, true)).toBe(0);
  });

  it('adds the tax on top of an exclusive price, rounding a half up', () => {
    // 1000 * 725 / 10000 = 72.5 -> 73; 200 * 725 / 10000 = 14.5 -> 15; 1 * 725 / 10000 -> 0.
    expect(taxOf(1000, 725, false)).toBe(73);
    expect(taxOf(200, 725, false)).toBe(15);
    expect(taxOf(1, 725, false)).toBe(0);
    expect(taxOf(1000, 0, false)).toBe(0);
  });

  it('stays exact at the largest order total', () => {
    // 2e9 * 2100 / 12100 = 347107438.0165...; a float product would still be exact here, but
    // the point is that no intermediate is rounded.
    expect(taxOf(2_000_000_000, 2100, true)).toBe(347_107_438);
    expect(taxOf(2_000_000_000, 2500, false)).toBe(500_000_000);
  });
});

describe('eligibleShippingMethods', () => {
  it('offers the active methods of the shipping country, by position, in the cart currency', () => {
    const methods = eligibleShippingMethods(quoteOf([{ unitPrice: 1000 }]), METHODS);
    expect(methods).toEqual([
      { code: 'nl-be-standard', name: 'Standard', price: 495, minDays: 1, maxDays: 2 },
      { code: 'nl-be-express', name: 'Express', price: 995, minDays: 1, maxDays: 1 },
    ]);
  });

  it('makes a method free from its threshold, measured after the discount', () => {
    const at = eligibleShippingMethods(quoteOf([{ unitPrice: 5000 }]), METHODS);
    expect(at.map((m) => m.price)).toEqual([0, 995]);
    const discounted = eligibleShippingMethods(
      quoteOf([{ unitPrice: 5000, discount: 1 }]),
      METHODS,
    );
    expect(discounted.map((m) => m.price)).toEqual([495, 995]);
  });

  it('offers nothing without an address, for another zone, or without a price in the currency', () => {
    expect(
      eligibleShippingMethods(quoteOf([{ unitPrice: 100 }], { country: null }), METHODS),
    ).toEqual([]);
    expect(
      eligibleShippingMethods(quoteOf([{ unitPrice: 100 }], { country: 'US' }), METHODS),
    ).toEqual([]);
    const usd = eligibleShippingMethods(
      quoteOf([{ unitPrice: 100 }], { currencyCode: 'USD' }),
      METHODS,
    );
    expect(usd.map((m) => m.code)).toEqual(['nl-be-standard']);
  });
});

describe('priceCart', () => {
  it('without an address: no shipping, no tax, the goods after the discount', () => {
    const quote = quoteOf([{ unitPrice: 2000, discount: 500 }], { country: null });
    expect(priceCart(quote, [], null, [])).toMatchObject({
      subtotal: 2000,
      discount: 500,
      shipping: null,
      tax: null,
      taxIncluded: true,
      total: 1500,
      taxLines: [],
    });
  });

  it('with an address but no method: tax on the goods, the total without shipping', () => {
    const quote = quoteOf([{ unitPrice: 1210 }]);
    const pricing = priceCart(quote, eligibleShippingMethods(quote, METHODS), null, NL);
    expect(pricing).toMatchObject({ shipping: null, tax: 210, total: 1210, shippingMethod: null });
  });

  it('ignores a selected method that does not ship to the address', () => {
    const quote = quoteOf([{ unitPrice: 1210 }]);
    const pricing = priceCart(quote, eligibleShippingMethods(quote, METHODS), 'de-fr-standard', NL);
    expect(pricing.shippingMethod).toBeNull();
    expect(pricing.total).toBe(1210);
  });

  it('inclusive (EUR): tax per line after its discount share, rounded per line, grouped by class and rate', () => {
    // Three lines whose taxes each round: 1000 -> 173.55 (174), 999 -> 173.38 (173) REDUCED
    // 555 -> 45.83 (46), and a ZERO line. Shipping 495 at 21%: 85.91 -> 86.
    const quote = quoteOf([
      { unitPrice: 1000 },
      { unitPrice: 333, quantity: 3 },
      { unitPrice: 600, discount: 45, taxClass: 'REDUCED' },
      { unitPrice: 700, taxClass: 'ZERO' },
    ]);
    const pricing = priceCart(quote, eligibleShippingMethods(quote, METHODS), 'nl-be-standard', NL);
    expect(pricing.lineTaxes.map((l) => l.amount)).toEqual([174, 173, 46, 0]);
    expect(pricing.shippingTax).toBe(86);
    expect(pricing.taxLines).toEqual([
      { taxClass: 'STANDARD', rateBasisPoints: 2100, taxableAmount: 1000 + 999 + 495, amount: 433 },
      { taxClass: 'REDUCED', rateBasisPoints: 900, taxableAmount: 555, amount: 46 },
      { taxClass: 'ZERO', rateBasisPoints: 0, taxableAmount: 700, amount: 0 },
    ]);
    expect(pricing.tax).toBe(433 + 46);
    expect(pricing.subtotal).toBe(1000 + 999 + 600 + 700);
    expect(pricing.discount).toBe(45);
    expect(pricing.shipping).toBe(495);
    // Inclusive: the tax is inside the prices, the total does not add it.
    expect(pricing.total).toBe(1000 + 999 + 600 + 700 - 45 + 495);
    expect(pricing.taxIncluded).toBe(true);
  });

  it('rounds each line on its own: the sum of line taxes, not the tax of the sum', () => {
    // Three lines of 6 at 9%: each 0.495 -> 0, so the tax is 0, where 18 at once would be 1.49 -> 1.
    const quote = quoteOf(
      [
        { unitPrice: 6, taxClass: 'REDUCED' },
        { unitPrice: 6, taxClass: 'REDUCED' },
        { unitPrice: 6, taxClass: 'REDUCED' },
      ],
      {},
    );
    const pricing = priceCart(quote, [], null, NL);
    expect(pricing.tax).toBe(0);
    expect(pricing.taxLines).toEqual([
      { taxClass: 'REDUCED', rateBasisPoints: 900, taxableAmount: 18, amount: 0 },
    ]);
  });

  it('exclusive (USD): tax comes on top, shipping taxed at the standard rate', () => {
    const quote = quoteOf([{ unitPrice: 1000 }, { unitPrice: 200, taxClass: 'REDUCED' }], {
      currencyCode: 'USD',
    });
    const pricing = priceCart(
      quote,
      eligibleShippingMethods(quote, METHODS),
      'nl-be-standard',
      US_EXAMPLE,
    );
    // 1000 -> 72.5 -> 73; 200 -> 14.5 -> 15; shipping 595 -> 43.14 -> 43.
    expect(pricing.lineTaxes.map((l) => l.amount)).toEqual([73, 15]);
    expect(pricing.shippingTax).toBe(43);
    expect(pricing.tax).toBe(73 + 15 + 43);
    expect(pricing.taxIncluded).toBe(false);
    expect(pricing.total).toBe(1200 + 595 + 131);
  });

  it('has no tax for a country without rates', () => {
    const quote = quoteOf([{ unitPrice: 1000 }], { country: 'JP' });
    expect(priceCart(quote, [], null, [])).toMatchObject({ tax: null, total: 1000 });
  });

  it('refuses a currency it has no tax treatment for', () => {
    expect(() =>
      priceCart(quoteOf([{ unitPrice: 1 }], { currencyCode: 'JPY' }), [], null, []),
    ).toThrow(/JPY/);
  });
});

describe('withinCap', () => {
  it('answers CART_TOTAL_TOO_LARGE when tax on top passes the cap the subtotal kept', () => {
    const quote = quoteOf([{ unitPrice: MAX_ORDER_TOTAL }], { currencyCode: 'USD' });
    const pricing = priceCart(quote, [], null, US_EXAMPLE);
    expect(pricing.total).toBeGreaterThan(MAX_ORDER_TOTAL);
    expect(() => withinCap(pricing, 'cart-1')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'CART_TOTAL_TOO_LARGE' }),
      }),
    );
    const inclusive = priceCart(quoteOf([{ unitPrice: MAX_ORDER_TOTAL }]), [], null, NL);
    expect(withinCap(inclusive, 'cart-1')).toBe(inclusive);
  });
});
