import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog, type DemoVariant } from '../../../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import {
  AMSTERDAM,
  cartStatus,
  cartWith,
  orderInput,
  placeOrder,
  placeOrderOk,
  variantPicker,
  writtenRows,
  type ShopUrls,
} from './support/shop.ts';

const catalog = buildDemoCatalog(30);

const BERLIN = {
  name: 'Erika Muster',
  line1: 'Unter den Linden 1',
  city: 'Berlin',
  postalCode: '10117',
  countryCode: 'DE',
};
const NEW_YORK = {
  name: 'John Doe',
  line1: '350 Fifth Avenue',
  city: 'New York',
  postalCode: '10118',
  region: 'NY',
  countryCode: 'US',
};
const ROME = {
  name: 'Mario Rossi',
  line1: 'Via del Corso 1',
  city: 'Roma',
  postalCode: '00186',
  countryCode: 'IT',
};

interface Money {
  amount: number;
  currencyCode: string;
}
interface PricedCart {
  shippingMethods: Array<{ code: string; price: Money; minDays: number; maxDays: number }>;
  shippingMethod: { code: string; price: Money } | null;
  totals: {
    subtotal: Money;
    discount: Money;
    shipping: Money | null;
    tax: Money | null;
    taxIncluded: boolean;
    total: Money;
    taxLines: Array<{
      taxClass: string;
      rateBasisPoints: number;
      taxableAmount: Money;
      amount: Money;
    }>;
  };
  lines: Array<{ quantity: number; variant: { id: string }; unitPrice: Money }>;
}

const PRICED = /* GraphQL */ `
  fragment Priced on Cart {
    shippingMethods {
      code
      price {
        amount
        currencyCode
      }
      minDays
      maxDays
    }
    shippingMethod {
      code
      price {
        amount
        currencyCode
      }
    }
    totals {
      subtotal {
        amount
        currencyCode
      }
      discount {
        amount
        currencyCode
      }
      shipping {
        amount
        currencyCode
      }
      tax {
        amount
        currencyCode
      }
      taxIncluded
      total {
        amount
        currencyCode
      }
      taxLines {
        taxClass
        rateBasisPoints
        taxableAmount {
          amount
          currencyCode
        }
        amount {
          amount
          currencyCode
        }
      }
    }
    lines {
      quantity
      variant {
        id
      }
      unitPrice {
        amount
        currencyCode
      }
    }
  }
`;

/** NL VAT per class, in basis points: the seeded `tax_rates`. */
const NL_RATES: Record<string, number> = { STANDARD: 2100, REDUCED: 900, ZERO: 0 };

/**
 * Shipping methods, tax and totals as the client reads them through the gateway: checkout's
 * fields on the cart's Cart, computed from the cart's quote on every read.
 */
describe('Cart shipping and totals through the gateway', () => {
  let shop: TestGraph;
  let sql: postgres.Sql;
  let gateway: string;
  let urls: ShopUrls;
  const pickVariant = variantPicker(catalog);
  const taxClassOf = (variantId: string) =>
    catalog.products.find((p) => p.variants.some((v) => v.id === variantId))!.taxClass;

  beforeAll(async () => {
    shop = await startTestGraph(queueBackends()[0]!, { catalog });
    sql = shop.sql;
    gateway = shop.url('gateway');
    urls = { cart: shop.url('cart'), checkout: shop.url('checkout') };
  });
  afterAll(async () => {
    await shop?.close();
  });

  const priced = async (cartId: string): Promise<PricedCart> => {
    const { data, errors } = await graphql<{ cart: PricedCart }>(
      gateway,
      `
        query ($id: ID!) {
          cart(id: $id) {
            ...Priced
          }
        }
        ${PRICED}
      `,
      { id: cartId },
    );
    expect(errors).toBeUndefined();
    return data!.cart;
  };
  const shipTo = async (cartId: string, address: Record<string, unknown>) => {
    const { data, errors } = await graphql<{ setCartShippingAddress: { __typename: string } }>(
      gateway,
      `
        mutation ($c: ID!, $a: CartAddressInput!) {
          setCartShippingAddress(cartId: $c, address: $a) {
            __typename
          }
        }
      `,
      { c: cartId, a: address },
    );
    expect(errors).toBeUndefined();
    return data!.setCartShippingAddress.__typename;
  };
  const choose = async (cartId: string, code: string) => {
    const { data, errors } = await graphql<{ setCartShippingMethod: Record<string, unknown> }>(
      gateway,
      `
        mutation ($c: ID!, $m: String!) {
          setCartShippingMethod(cartId: $c, code: $m) {
            __typename
            ... on UserError {
              code
              message
            }
            ... on ShippingMethodUnavailable {
              methodCode
              countryCode
            }
            ... on Cart {
              shippingMethod {
                code
              }
              totals {
                shipping {
                  amount
                }
              }
            }
          }
        }
      `,
      { c: cartId, m: code },
    );
    expect(errors).toBeUndefined();
    return data!.setCartShippingMethod;
  };
  const selectionOf = async (cartId: string) =>
    (
      await sql<Array<{ code: string }>>`
        select method_code as code from checkout.cart_shipping_selections where cart_id = ${cartId}`
    ).map((r) => r.code);
  /** A variant under 50 EUR, so one unit ships below the NL free threshold. */
  const cheapVariant = (): DemoVariant => {
    for (;;) {
      const variant = pickVariant(4);
      if (variant.priceAmount < 5000) return variant;
    }
  };

  it('offers the methods of the address zone, and makes standard shipping free from its threshold', async () => {
    const variant = cheapVariant();
    const cartId = await cartWith(
      urls,
      [{ variantId: variant.id, quantity: 1 }],
      {},
      { address: null },
    );
    expect((await priced(cartId)).shippingMethods).toEqual([]);

    expect(await shipTo(cartId, AMSTERDAM)).toBe('Cart');
    const below = await priced(cartId);
    expect(below.shippingMethods).toEqual([
      {
        code: 'nl-be-standard',
        price: { amount: 495, currencyCode: 'EUR' },
        minDays: 1,
        maxDays: 2,
      },
      {
        code: 'nl-be-express',
        price: { amount: 995, currencyCode: 'EUR' },
        minDays: 1,
        maxDays: 1,
      },
    ]);
    // Enough units to reach 50 EUR: standard is free, express never is.
    const units = Math.ceil(5000 / variant.priceAmount);
    const { errors } = await graphql(
      gateway,
      `
        mutation ($c: ID!, $l: ID!, $q: Int!) {
          updateCartLine(cartId: $c, lineId: $l, quantity: $q) {
            __typename
          }
        }
      `,
      { c: cartId, l: await lineIdOf(cartId), q: units },
    );
    expect(errors).toBeUndefined();
    expect((await priced(cartId)).shippingMethods.map((m) => m.price.amount)).toEqual([0, 995]);

    expect(await shipTo(cartId, BERLIN)).toBe('Cart');
    expect((await priced(cartId)).shippingMethods.map((m) => m.code)).toEqual([
      'de-fr-standard',
      'de-fr-express',
    ]);
    expect(await shipTo(cartId, NEW_YORK)).toBe('Cart');
    expect((await priced(cartId)).shippingMethods.map((m) => m.code)).toEqual([
      'us-standard',
      'us-express',
    ]);
    // A country the shop does not ship to: no method, and no VAT rates to compute a tax with.
    expect(await shipTo(cartId, ROME)).toBe('Cart');
    const rome = await priced(cartId);
    expect(rome.shippingMethods).toEqual([]);
    expect(rome.totals).toMatchObject({ shipping: null, tax: null });
  });

  async function lineIdOf(cartId: string): Promise<string> {
    const { data } = await graphql<{ cart: { lines: Array<{ id: string }> } }>(
      gateway,
      'query ($id: ID!) { cart(id: $id) { lines { id } } }',
      { id: cartId },
    );
    return data!.cart.lines[0]!.id;
  }

  it('refuses a method of another zone and stores nothing; a chosen method counts only while it ships there', async () => {
    const cartId = await cartWith(
      urls,
      [{ variantId: cheapVariant().id, quantity: 1 }],
      {},
      { method: null },
    );
    expect(await choose(cartId, 'us-express')).toEqual({
      __typename: 'ShippingMethodUnavailable',
      code: 'SHIPPING_METHOD_UNAVAILABLE',
      message: expect.stringContaining('NL'),
      methodCode: 'us-express',
      countryCode: 'NL',
    });
    expect(await selectionOf(cartId)).toEqual([]);

    expect(await choose(cartId, 'nl-be-express')).toEqual({
      __typename: 'Cart',
      shippingMethod: { code: 'nl-be-express' },
      totals: { shipping: { amount: 995 } },
    });
    // Moved to Berlin: the Dutch express method is ignored, but kept for a move back.
    await shipTo(cartId, BERLIN);
    expect(await priced(cartId)).toMatchObject({
      shippingMethod: null,
      totals: { shipping: null },
    });
    expect(await selectionOf(cartId)).toEqual(['nl-be-express']);
    await shipTo(cartId, AMSTERDAM);
    expect((await priced(cartId)).shippingMethod).toEqual({
      code: 'nl-be-express',
      price: { amount: 995, currencyCode: 'EUR' },
    });
  });

  it('taxes each line inside the EUR prices at its class rate, totals that add up, and the order copies them', async () => {
    const [a, b] = [cheapVariant(), cheapVariant()];
    const cartId = await cartWith(urls, [
      { variantId: a.id, quantity: 3 },
      { variantId: b.id, quantity: 1 },
    ]);
    const cart = await priced(cartId);
    const { totals } = cart;
    expect(totals.taxIncluded).toBe(true);
    // Independently of checkout's integer maths: the tax inside each line, rounded per line.
    const expected = new Map<string, { taxable: number; tax: number }>();
    const add = (taxClass: string, taxable: number) => {
      const bp = NL_RATES[taxClass]!;
      const group = expected.get(taxClass) ?? { taxable: 0, tax: 0 };
      group.taxable += taxable;
      group.tax += Math.round((taxable * bp) / (10000 + bp));
      expected.set(taxClass, group);
    };
    for (const line of cart.lines) {
      add(taxClassOf(line.variant.id), line.unitPrice.amount * line.quantity);
    }
    add('STANDARD', totals.shipping!.amount);
    expect(
      totals.taxLines
        .map((l) => [l.taxClass, l.rateBasisPoints, l.taxableAmount.amount, l.amount.amount])
        .sort(),
    ).toEqual([...expected].map(([c, g]) => [c, NL_RATES[c], g.taxable, g.tax]).sort());
    expect(totals.tax!.amount).toBe(totals.taxLines.reduce((sum, l) => sum + l.amount.amount, 0));
    expect(totals.total.amount).toBe(
      totals.subtotal.amount - totals.discount.amount + totals.shipping!.amount,
    );

    const placed = await placeOrderOk(
      urls.checkout,
      orderInput(cartId, { expectedTotal: totals.total.amount }),
    );
    const { data } = await graphql<{ order: Record<string, unknown> }>(
      gateway,
      `
        query ($id: ID!, $k: String) {
          order(id: $id, accessKey: $k) {
            total {
              amount
            }
            shipping {
              amount
            }
            tax {
              amount
            }
            taxIncluded
            taxLines {
              taxClass
              rateBasisPoints
              amount {
                amount
              }
            }
            shippingAddress {
              name
              line1
              city
              postalCode
              countryCode
            }
            billingAddress {
              countryCode
            }
            shippingMethod {
              code
              name
              minDays
              maxDays
            }
            lines {
              tax {
                amount
              }
              taxClass
              taxRateBasisPoints
              discount {
                amount
              }
            }
          }
        }
      `,
      { id: placed.order.id, k: placed.accessKey },
    );
    expect(data!.order).toMatchObject({
      total: { amount: totals.total.amount },
      shipping: { amount: totals.shipping!.amount },
      tax: { amount: totals.tax!.amount },
      taxIncluded: true,
      shippingAddress: AMSTERDAM,
      billingAddress: { countryCode: 'NL' },
      shippingMethod: { code: 'nl-be-standard', name: 'Standard', minDays: 1, maxDays: 2 },
    });
    const orderLines = data!.order.lines as Array<{ tax: { amount: number }; taxClass: string }>;
    expect(orderLines.map((l) => l.taxClass)).toEqual(
      cart.lines.map((l) => taxClassOf(l.variant.id)),
    );

    // The cart is frozen once ordered: its address cannot change under the order.
    await eventually(async () => (await cartStatus(urls.cart, cartId)) === 'CHECKED_OUT');
    expect(await shipTo(cartId, BERLIN)).not.toBe('Cart');
  });

  it('adds the tax on top of USD prices (a US rate set for the test only)', async () => {
    const variant = cheapVariant();
    const { data } = await graphql<{ createCart: { id: string } }>(
      gateway,
      'mutation { createCart(currencyCode: "USD") { id } }',
    );
    const cartId = data!.createCart.id;
    await graphql(
      gateway,
      'mutation ($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 2) { __typename } }',
      { c: cartId, v: variant.id },
    );
    await shipTo(cartId, NEW_YORK);
    expect(await choose(cartId, 'us-standard')).toMatchObject({ __typename: 'Cart' });
    try {
      await sql`update checkout.tax_rates set rate_basis_points = 888 where country_code = 'US'
        and tax_class in ('STANDARD', 'REDUCED')`;
      const { totals, lines } = await priced(cartId);
      const goods = lines[0]!.unitPrice.amount * 2;
      const shipping = goods >= 15000 ? 0 : 1995;
      const tax = Math.round((goods * 888) / 10000) + Math.round((shipping * 888) / 10000);
      expect(totals).toMatchObject({
        taxIncluded: false,
        subtotal: { amount: goods, currencyCode: 'USD' },
        shipping: { amount: shipping },
        tax: { amount: tax },
        total: { amount: goods + shipping + tax, currencyCode: 'USD' },
      });
    } finally {
      await sql`update checkout.tax_rates set rate_basis_points = 0 where country_code = 'US'`;
    }
  });

  it('refuses placeOrder without an address or a method, holding and writing nothing', async () => {
    const noAddress = await cartWith(
      urls,
      [{ variantId: cheapVariant().id, quantity: 1 }],
      {},
      { address: null },
    );
    const noMethod = await cartWith(
      urls,
      [{ variantId: cheapVariant().id, quantity: 1 }],
      {},
      { method: null },
    );
    const before = await writtenRows(sql);
    expect(await placeOrder(urls.checkout, orderInput(noAddress))).toMatchObject({
      __typename: 'ShippingAddressRequired',
      code: 'SHIPPING_ADDRESS_REQUIRED',
    });
    expect(await placeOrder(urls.checkout, orderInput(noMethod))).toMatchObject({
      __typename: 'ShippingMethodRequired',
      code: 'SHIPPING_METHOD_REQUIRED',
    });
    expect(await writtenRows(sql)).toEqual(before);
  });
});
