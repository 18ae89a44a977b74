import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartQuoteSchema, type Actor } from '@commerce-graph/kit';
import {
  cartClient,
  cartOf,
  customer,
  guest,
  shopCatalog,
  staff,
  startShop,
  type Shop,
} from './support/shop.ts';

const { items } = shopCatalog;
let shop: Shop;
let cart: ReturnType<typeof cartClient>;

beforeAll(async () => {
  shop = await startShop();
  cart = cartClient(shop);
});

afterAll(async () => {
  await shop?.close();
});

const NL = {
  name: 'Sam Shopper',
  line1: 'Damrak 1',
  city: 'Amsterdam',
  postalCode: '1012 LG',
  countryCode: 'NL',
};

/** The raw `checkoutQuote` through `_entities`, as checkout's upstream asks for it. */
async function rawQuote(cartId: string, actor: Actor = guest) {
  const response = await shop.as<{ _entities: Array<{ checkoutQuote: unknown } | null> }>(
    actor,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cart { checkoutQuote } } }`,
    { r: [{ __typename: 'Cart', id: cartId }] },
  );
  return response;
}

/** A fixed-amount or percentage code made by staff; answers its code. */
async function discountCode(input: Record<string, unknown>): Promise<string> {
  const code = `Q-${randomBytes(4).toString('hex')}`.toUpperCase();
  const response = await shop.as<{ createDiscountCode: { __typename: string } }>(
    staff,
    `mutation($input: CreateDiscountCodeInput!) { createDiscountCode(input: $input) { __typename } }`,
    { input: { code, kind: 'PERCENTAGE', percentOff: 10, ...input } },
  );
  if (response.data?.createDiscountCode.__typename !== 'DiscountCode') {
    throw new Error(JSON.stringify(response));
  }
  return code;
}

const setTaxClass = (item: keyof typeof items, taxClass: string) =>
  shop.sql`update products.products set tax_class = ${taxClass} where id = ${items[item].product}`;

describe('Cart.checkoutQuote', () => {
  it('answers the live priced lines, subtotal, discount and addresses in the kit’s shape', async () => {
    const id = await cart.createCart();
    cartOf(await cart.add(id, 'coat', 2));
    const view = cartOf(await cart.add(id, 'shirt', 1));
    cartOf(await cart.shipTo(id, { ...NL, postalCode: '1012lg' }));
    const response = await rawQuote(id);
    expect(response.errors).toBeUndefined();
    const quote = response.data!._entities[0]!.checkoutQuote;
    // Exactly the contract's fields: nothing more, nothing the schema would strip.
    expect(quote).toEqual({
      cartId: id,
      currencyCode: 'EUR',
      lines: [
        {
          lineId: view.lines[0]!.id,
          variantId: items.coat.variant,
          quantity: 2,
          unitPrice: 10_000,
          lineTotal: 20_000,
          discount: 0,
          taxClass: 'STANDARD',
        },
        {
          lineId: view.lines[1]!.id,
          variantId: items.shirt.variant,
          quantity: 1,
          unitPrice: 3_000,
          lineTotal: 3_000,
          discount: 0,
          taxClass: 'STANDARD',
        },
      ],
      subtotal: 23_000,
      discount: 0,
      discountCode: null,
      shippingAddress: {
        ...NL,
        line2: null,
        region: null,
        phone: null,
      },
      billingAddress: null,
      hasUnavailableLines: false,
    });
    expect(cartQuoteSchema.safeParse(quote).success).toBe(true);
  });

  it('answers an empty cart with no lines and zero amounts', async () => {
    const id = await cart.createCart(guest, 'GBP');
    expect(await cart.quote(id)).toEqual({
      cartId: id,
      currencyCode: 'GBP',
      lines: [],
      subtotal: 0,
      discount: 0,
      discountCode: null,
      shippingAddress: null,
      billingAddress: null,
      hasUnavailableLines: false,
    });
  });

  it('reads each line’s tax class from its product, and a change shows at once', async () => {
    const id = await cart.createCart(guest, 'USD');
    cartOf(await cart.add(id, 'ball', 1));
    cartOf(await cart.add(id, 'shirt', 1));
    await setTaxClass('ball', 'REDUCED');
    try {
      const quote = await cart.quote(id);
      expect(quote.lines.map((l) => [l.variantId, l.taxClass, l.unitPrice])).toEqual([
        [items.ball.variant, 'REDUCED', 1_100],
        [items.shirt.variant, 'STANDARD', 3_100],
      ]);
      await setTaxClass('ball', 'ZERO');
      expect((await cart.quote(id)).lines[0]!.taxClass).toBe('ZERO');
    } finally {
      await setTaxClass('ball', 'STANDARD');
    }
  });

  it('splits a discount over the lines pro rata, largest remainder first, adding up exactly', async () => {
    const code = await discountCode({
      kind: 'FIXED_AMOUNT',
      percentOff: null,
      amountOff: 1_000,
      currencyCode: 'EUR',
    });
    const id = await cart.createCart();
    cartOf(await cart.add(id, 'coat', 1));
    cartOf(await cart.add(id, 'shirt', 1));
    cartOf(await cart.add(id, 'linenShirt', 1));
    cartOf(await cart.apply(id, code));
    const quote = await cart.quote(id);
    // 1,000 over 10,000 / 3,000 / 5,000: exact shares 555.56, 166.67, 277.78; the two minor
    // units the floors leave go to the largest remainders (linen, then the shirt).
    expect(quote).toMatchObject({ subtotal: 18_000, discount: 1_000, discountCode: code });
    expect(quote.lines.map((l) => l.discount)).toEqual([555, 167, 278]);
  });

  it('keeps the shares summing to the discount for a percentage with rounding on every line', async () => {
    const code = await discountCode({ percentOff: 33 });
    // Odd prices, so that no line's exact share is a whole minor unit.
    const prices = { coat: 9_999, shirt: 2_899, ball: 333 } as const;
    for (const [item, amount] of Object.entries(prices)) {
      await shop.setPrice(item as keyof typeof prices, amount, 'GBP');
    }
    try {
      const id = await cart.createCart(guest, 'GBP');
      cartOf(await cart.add(id, 'coat', 3));
      cartOf(await cart.add(id, 'shirt', 7));
      cartOf(await cart.add(id, 'ball', 1));
      cartOf(await cart.apply(id, code));
      const quote = await cart.quote(id);
      const subtotal = 9_999 * 3 + 2_899 * 7 + 333;
      expect(quote.subtotal).toBe(subtotal);
      expect(quote.discount).toBe(Math.floor((subtotal * 33) / 100));
      expect(quote.lines.reduce((sum, l) => sum + l.discount, 0)).toBe(quote.discount);
      const exact = quote.lines.map((l) => (quote.discount * l.lineTotal) / subtotal);
      expect(exact.some((share) => !Number.isInteger(share))).toBe(true);
      quote.lines.forEach((line, i) => {
        expect(line.discount).toBeGreaterThanOrEqual(Math.floor(exact[i]!));
        expect(line.discount).toBeLessThanOrEqual(Math.ceil(exact[i]!));
        expect(line.discount).toBeLessThanOrEqual(line.lineTotal);
      });
    } finally {
      for (const item of Object.keys(prices)) {
        const eur = items[item as keyof typeof prices].eur;
        await shop.setPrice(item as keyof typeof prices, eur - 100, 'GBP');
      }
    }
  });

  it('reports lines the catalog stopped selling, and leaves them out of the lines', async () => {
    const id = await cart.createCart();
    cartOf(await cart.add(id, 'coat', 1));
    cartOf(await cart.add(id, 'backorder', 1));
    await shop.sql`update products.products set status = 'ARCHIVED'
      where id = ${items.backorder.product}`;
    try {
      const quote = await cart.quote(id);
      expect(quote.hasUnavailableLines).toBe(true);
      expect(quote.lines.map((l) => l.variantId)).toEqual([items.coat.variant]);
      expect(quote.subtotal).toBe(10_000);
    } finally {
      await shop.sql`update products.products set status = 'PUBLISHED'
        where id = ${items.backorder.product}`;
    }
  });

  it('answers both addresses once a billing address is set', async () => {
    const id = await cart.createCart();
    cartOf(await cart.shipTo(id, NL));
    cartOf(
      await cart.billTo(id, {
        name: 'Bill Payer',
        line1: 'Unter den Linden 1',
        city: 'Berlin',
        postalCode: '10117',
        countryCode: 'de',
      }),
    );
    const quote = await cart.quote(id);
    expect(quote.shippingAddress).toMatchObject({ countryCode: 'NL', postalCode: '1012 LG' });
    expect(quote.billingAddress).toMatchObject({ countryCode: 'DE', name: 'Bill Payer' });
  });

  it('is no one’s but the owner’s: another customer’s cart resolves to null', async () => {
    const alice = customer();
    const id = await cart.createCart(alice);
    cartOf(await cart.add(id, 'coat', 1, alice));
    expect((await cart.quote(id, alice)).subtotal).toBe(10_000);
    const response = await rawQuote(id, customer());
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([null]);
  });
});
