import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Actor } from '@commerce-graph/kit';
import { schema } from '../src/db/client.ts';
import { CartPrivacyService } from '../src/privacy.service.ts';
import { cartClient, cartOf, customer, guest, startShop, type Shop } from './support/shop.ts';

let shop: Shop;
let cart: ReturnType<typeof cartClient>;
let database: ReturnType<typeof connectDatabase<typeof schema>>;

beforeAll(async () => {
  shop = await startShop();
  cart = cartClient(shop);
  database = connectDatabase(shop.database.url, schema, { max: 2 });
});

afterAll(async () => {
  await database?.close();
  await shop?.close();
});

const base = { name: 'Sam Shopper', line1: 'Main street 1', city: 'Somewhere' };

/** An address of each country the issue names, as a client types it, and as the cart keeps it. */
const GOOD: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
  [
    'NL (postal code spaced and upper-cased, country lower case)',
    { ...base, postalCode: '1012ab', countryCode: 'nl', phone: '+31 20 123 4567' },
    { postalCode: '1012 AB', countryCode: 'NL', phone: '+31 20 123 4567', region: null },
  ],
  ['DE', { ...base, postalCode: '10115', countryCode: 'DE' }, { postalCode: '10115' }],
  ['BE', { ...base, postalCode: '1000', countryCode: 'BE' }, { postalCode: '1000' }],
  ['FR', { ...base, postalCode: '75001', countryCode: 'FR' }, { postalCode: '75001' }],
  [
    'GB (postcode upper-cased with its single space)',
    { ...base, postalCode: 'sw1a1aa', countryCode: 'GB' },
    { postalCode: 'SW1A 1AA', countryCode: 'GB' },
  ],
  [
    'US (ZIP+4, state code)',
    { ...base, postalCode: '94105-1234', region: 'CA', countryCode: 'US' },
    { postalCode: '94105-1234', region: 'CA' },
  ],
  [
    'empty strings as absent',
    { ...base, line2: '', postalCode: '10115', region: '', phone: '', countryCode: 'DE' },
    { line2: null, region: null, phone: null },
  ],
];

/** Addresses each country refuses: the field named and why. */
const BAD: Array<[string, Record<string, unknown>, string, string[]]> = [
  [
    'an unknown country',
    { ...base, countryCode: 'XX' },
    'address.countryCode',
    ['UNKNOWN_COUNTRY'],
  ],
  ['no country', { ...base, countryCode: '' }, 'address.countryCode', ['REQUIRED']],
  ['NL without a postal code', { ...base, countryCode: 'NL' }, 'address.postalCode', ['REQUIRED']],
  [
    'a malformed NL postal code',
    { ...base, postalCode: '123 AB', countryCode: 'NL' },
    'address.postalCode',
    ['INVALID_POSTAL_CODE'],
  ],
  [
    'a DE postal code of 4 digits',
    { ...base, postalCode: '1011', countryCode: 'DE' },
    'address.postalCode',
    ['INVALID_POSTAL_CODE'],
  ],
  [
    'a BE postal code of 5 digits',
    { ...base, postalCode: '10000', countryCode: 'BE' },
    'address.postalCode',
    ['INVALID_POSTAL_CODE'],
  ],
  [
    'a FR postal code of letters',
    { ...base, postalCode: 'ABCDE', countryCode: 'FR' },
    'address.postalCode',
    ['INVALID_POSTAL_CODE'],
  ],
  [
    'a GB postcode that is none',
    { ...base, postalCode: 'NOT A CODE', countryCode: 'GB' },
    'address.postalCode',
    ['INVALID_POSTAL_CODE'],
  ],
  [
    'a US ZIP of 4 digits',
    { ...base, postalCode: '9410', region: 'CA', countryCode: 'US' },
    'address.postalCode',
    ['INVALID_POSTAL_CODE'],
  ],
  [
    'a US address without a state',
    { ...base, postalCode: '94105', countryCode: 'US' },
    'address.region',
    // The brief leaves open whether a missing state is REQUIRED or INVALID_REGION.
    ['REQUIRED', 'INVALID_REGION'],
  ],
  [
    'a US state that is none',
    { ...base, postalCode: '94105', region: 'ZZ', countryCode: 'US' },
    'address.region',
    ['INVALID_REGION'],
  ],
  [
    'an empty name',
    { ...base, name: '', postalCode: '10115', countryCode: 'DE' },
    'address.name',
    ['REQUIRED'],
  ],
  [
    'a name of control characters',
    { ...base, name: 'Sam\u0000\u202e', postalCode: '10115', countryCode: 'DE' },
    'address.name',
    ['INVALID_TEXT'],
  ],
  [
    'a line1 of 201 characters',
    { ...base, line1: 'x'.repeat(201), postalCode: '10115', countryCode: 'DE' },
    'address.line1',
    ['INVALID_TEXT'],
  ],
  [
    'a phone number of words',
    { ...base, postalCode: '10115', countryCode: 'DE', phone: 'call me maybe' },
    'address.phone',
    ['INVALID_PHONE'],
  ],
];

const NL = { ...base, postalCode: '1012 AB', countryCode: 'NL' };
const DE = { ...base, name: 'Bill Payer', postalCode: '10115', countryCode: 'DE' };

/** What the cart row holds of its addresses, and when it last changed. */
const stored = async (id: string) =>
  (
    await shop.sql<
      Array<{ shipping_address: unknown; billing_address: unknown; updated_at: Date }>
    >`select shipping_address, billing_address, updated_at from cart.carts where id = ${id}`
  )[0];

describe('setCartShippingAddress', () => {
  it.each(GOOD)('stores a valid %s address, normalised', async (_, input, expected) => {
    const id = await cart.createCart();
    const before = await stored(id);
    const view = cartOf(await cart.shipTo(id, input));
    expect(view.shippingAddress).toMatchObject({ ...base, ...expected });
    expect(view.billingAddress).toBeNull();
    const after = await stored(id);
    expect(after!.shipping_address).toEqual(view.shippingAddress);
    expect(after!.updated_at.getTime()).toBeGreaterThan(before!.updated_at.getTime());
    expect((await cart.read(id)).data!.cart!.shippingAddress).toEqual(view.shippingAddress);
  });

  it.each(BAD)(
    'refuses %s with InvalidAddress naming the field, and writes nothing',
    async (_, input, field, reasons) => {
      const id = await cart.createCart();
      cartOf(await cart.shipTo(id, NL));
      const before = await stored(id);
      const refused = await cart.shipTo(id, input);
      expect(refused).toMatchObject({
        __typename: 'InvalidAddress',
        code: 'INVALID_ADDRESS',
        field,
      });
      const { reason, message } = refused as unknown as { reason: string; message: string };
      expect(reasons).toContain(reason);
      expect(message).not.toBe('');
      expect(await stored(id)).toEqual(before);
    },
  );

  it('replaces the earlier address', async () => {
    const id = await cart.createCart();
    cartOf(await cart.shipTo(id, NL));
    const view = cartOf(await cart.shipTo(id, DE));
    expect(view.shippingAddress).toMatchObject({ countryCode: 'DE', postalCode: '10115' });
  });
});

describe('setCartBillingAddress', () => {
  it('stores a billing address beside the shipping one, and null clears it', async () => {
    const id = await cart.createCart();
    cartOf(await cart.shipTo(id, NL));
    const billed = cartOf(await cart.billTo(id, DE));
    expect(billed.billingAddress).toMatchObject({ name: 'Bill Payer', countryCode: 'DE' });
    expect(billed.shippingAddress).toMatchObject({ countryCode: 'NL' });
    const cleared = cartOf(await cart.billTo(id, null));
    expect(cleared.billingAddress).toBeNull();
    expect(cleared.shippingAddress).toMatchObject({ countryCode: 'NL' });
    expect((await stored(id))!.billing_address).toBeNull();
  });

  it('validates like the shipping address and writes nothing on refusal', async () => {
    const id = await cart.createCart();
    cartOf(await cart.billTo(id, DE));
    const before = await stored(id);
    expect(await cart.billTo(id, { ...DE, postalCode: '1' })).toMatchObject({
      __typename: 'InvalidAddress',
      field: 'address.postalCode',
      reason: 'INVALID_POSTAL_CODE',
    });
    expect(await stored(id)).toEqual(before);
  });
});

describe('addresses and the cart’s life', () => {
  it.each(['CHECKED_OUT', 'MERGED'])(
    'refuses to change the addresses of a %s cart with CartClosed, and writes nothing',
    async (status) => {
      const id = await cart.createCart();
      cartOf(await cart.shipTo(id, NL));
      await shop.sql`update cart.carts set status = ${status},
        order_id = ${status === 'CHECKED_OUT' ? randomUUID() : null} where id = ${id}`;
      const before = await stored(id);
      for (const refused of [
        await cart.shipTo(id, DE),
        await cart.billTo(id, DE),
        await cart.billTo(id, null),
      ]) {
        expect(refused).toMatchObject({ __typename: 'CartClosed', code: 'CART_CLOSED' });
      }
      expect(await stored(id)).toEqual(before);
    },
  );

  it('answers CartNotFound for another customer’s cart and a malformed id, writing nothing', async () => {
    const alice = customer();
    const bob: Actor = customer();
    const id = await cart.createCart(alice);
    const before = await stored(id);
    expect(await cart.shipTo(id, NL, bob)).toMatchObject({ __typename: 'CartNotFound' });
    expect(await cart.shipTo(id, NL, guest)).toMatchObject({ __typename: 'CartNotFound' });
    expect(await cart.billTo(id, NL, bob)).toMatchObject({ __typename: 'CartNotFound' });
    expect(await cart.shipTo('not-a-cart\u0000', NL)).toMatchObject({
      __typename: 'CartNotFound',
    });
    expect(await stored(id)).toEqual(before);
    // A guest cart is anyone's who holds its id; the owner may change their own.
    expect(cartOf(await cart.shipTo(id, NL, alice)).shippingAddress).toMatchObject(NL);
    const guestCart = await cart.createCart();
    expect(cartOf(await cart.shipTo(guestCart, NL, bob)).shippingAddress).toMatchObject(NL);
  });

  it('carries a guest cart’s addresses into the customer’s cart at login when it had none', async () => {
    const carol = customer();
    const own = await cart.createCart(carol);
    cartOf(await cart.add(own, 'coat', 1, carol));
    const visiting = await cart.createCart();
    cartOf(await cart.add(visiting, 'ball', 1));
    cartOf(await cart.shipTo(visiting, NL));
    cartOf(await cart.billTo(visiting, DE));
    const merged = cartOf(await cart.claim(visiting, carol));
    expect(merged.id).toBe(own);
    expect(merged.shippingAddress).toMatchObject(NL);
    expect(merged.billingAddress).toMatchObject({ countryCode: 'DE' });

    // A cart with its own shipping address keeps it, and its own billing (none) with it.
    const next = await cart.createCart();
    cartOf(await cart.add(next, 'ball', 1));
    cartOf(await cart.shipTo(next, DE));
    const kept = cartOf(await cart.claim(next, carol));
    expect(kept.shippingAddress).toMatchObject(NL);
    expect(kept.billingAddress).toMatchObject({ countryCode: 'DE', name: 'Bill Payer' });
  });

  it('exports a customer’s cart addresses, and erasure deletes them with the carts', async () => {
    const dave = customer() as Extract<Actor, { kind: 'customer' }>;
    const id = await cart.createCart(dave);
    cartOf(await cart.shipTo(id, NL, dave));
    cartOf(await cart.billTo(id, DE, dave));
    const privacy = new CartPrivacyService(database.db);
    const exported = (await privacy.personalData(dave.customerId)) as {
      carts: Array<{ id: string; shippingAddress: unknown; billingAddress: unknown }>;
    };
    expect(exported.carts).toEqual([
      expect.objectContaining({
        id,
        shippingAddress: expect.objectContaining(NL),
        billingAddress: expect.objectContaining({ name: 'Bill Payer' }),
      }),
    ]);
    expect(await privacy.eraseCustomer(dave.customerId)).toBe(1);
    expect(await stored(id)).toBeUndefined();
  });
});
