import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Actor } from '@commerce-graph/kit';
import { eventually } from '../../../test/support/eventually.ts';
import { schema } from '../src/db/client.ts';
import { deleteAbandonedCarts } from '../src/service/abandoned.ts';
import { MAX_CART_AMOUNT } from '../src/service/pricing.ts';
import {
  cartClient,
  cartOf,
  customer,
  guest,
  shopCatalog,
  startShop,
  type Shop,
} from './support/shop.ts';

const { items } = shopCatalog;
let shop: Shop;
let cart: ReturnType<typeof cartClient>;
let database: ReturnType<typeof connectDatabase<typeof schema>>;

beforeAll(async () => {
  shop = await startShop({
    cartTtlDays: 7,
    abandonedSweepEveryMs: 200,
  });
  cart = cartClient(shop);
  database = connectDatabase(shop.database.url, schema, { max: 2 });
});

afterAll(async () => {
  await database?.close();
  await shop?.close();
});

const rowCount = async () =>
  (await shop.sql<Array<{ n: number }>>`select count(*)::int as n from cart.carts`)[0]!.n;

describe('createCart currency', () => {
  it('prices the whole cart in the currency chosen at creation', async () => {
    const id = await cart.createCart(guest, 'usd');
    const view = cartOf(await cart.add(id, 'coat', 2));
    expect(view.currencyCode).toBe('USD');
    expect(view.lines[0]!.unitPrice).toEqual({ amount: 10_100, currencyCode: 'USD' });
    expect(view.subtotal).toEqual({ amount: 20_200, currencyCode: 'USD' });
    expect(await cart.quote(id)).toMatchObject({ currencyCode: 'USD', subtotal: 20_200 });
  });

  it('defaults to EUR', async () => {
    const id = await cart.createCart();
    expect(cartOf(await cart.add(id, 'coat', 1)).currencyCode).toBe('EUR');
  });

  it('refuses an unknown currency as BAD_USER_INPUT and writes nothing', async () => {
    const before = await rowCount();
    for (const currency of ['JPY', '', 'EURO', 'x'.repeat(10_000)]) {
      const response = await shop.as(
        guest,
        'mutation($c: String) { createCart(currencyCode: $c) { id } }',
        {
          c: currency,
        },
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_CURRENCY',
      });
    }
    expect(await rowCount()).toBe(before);
  });
});

describe('live prices', () => {
  it('tells the shopper when a price changed since the line was added', async () => {
    const id = await cart.createCart();
    const added = cartOf(await cart.add(id, 'shirt', 1));
    expect(added.lines[0]!.priceChangedSince).toBeNull();
    await shop.setPrice('shirt', 3_500);
    try {
      const view = (await cart.read(id)).data!.cart!;
      expect(view.lines[0]!.unitPrice.amount).toBe(3_500);
      expect(view.lines[0]!.priceChangedSince).toEqual({
        previous: { amount: 3_000, currencyCode: 'EUR' },
        current: { amount: 3_500, currencyCode: 'EUR' },
      });
      // Changing the quantity is the shopper accepting today's price.
      const changed = cartOf(await cart.update(id, view.lines[0]!.id, 2));
      expect(changed.lines[0]!.priceChangedSince).toBeNull();
    } finally {
      await shop.setPrice('shirt', 3_000);
    }
  });
});

describe('the cart cap', () => {
  it(`refuses a change that would push the subtotal past ${MAX_CART_AMOUNT}, and writes nothing`, async () => {
    const change = async (field: string, vars: Record<string, unknown>) =>
      (
        await shop.as<{ r: Record<string, unknown> & { lines?: Array<{ id: string }> } }>(
          guest,
          `mutation($c: ID!, ${field.includes('$v') ? '$v' : '$l'}: ID!, $q: Int!) { r: ${field} {
            __typename
            ... on Cart { subtotal { amount } lines { id } }
            ... on CartTotalTooLarge { code max }
          } }`,
          vars,
        )
      ).data!.r;
    const id = await cart.createCart();
    const full = await change('addCartLine(cartId: $c, variantId: $v, quantity: $q)', {
      c: id,
      v: items.yacht.variant,
      q: 20,
    });
    expect(full).toMatchObject({ __typename: 'Cart', subtotal: { amount: MAX_CART_AMOUNT } });
    const before = await shop.sql`select * from cart.cart_lines where cart_id = ${id}`;
    expect(
      await change('addCartLine(cartId: $c, variantId: $v, quantity: $q)', {
        c: id,
        v: items.ball.variant,
        q: 1,
      }),
    ).toEqual({
      __typename: 'CartTotalTooLarge',
      code: 'CART_TOTAL_TOO_LARGE',
      max: MAX_CART_AMOUNT,
    });
    expect(
      await change('updateCartLine(cartId: $c, lineId: $l, quantity: $q)', {
        c: id,
        l: full.lines![0]!.id,
        q: 21,
      }),
    ).toMatchObject({ __typename: 'CartTotalTooLarge' });
    expect(await shop.sql`select * from cart.cart_lines where cart_id = ${id}`).toEqual(before);
  });

  // Guards the old overflow: a big cart's subtotal passed GraphQL's Int and failed obscurely.
  it('answers CART_TOTAL_TOO_LARGE, not an Int overflow, when live prices pass the cap', async () => {
    const id = await cart.createCart();
    cartOf(await cart.add(id, 'yacht', 10));
    await shop.setPrice('yacht', 250_000_000);
    try {
      const response = await cart.read(id);
      const codes = (response.errors ?? []).map((e) => e.extensions?.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes)).toEqual(new Set(['CART_TOTAL_TOO_LARGE']));
      // 10 units at 2.5 billion: the line total alone passes an Int, and says so clearly.
      // Checkout's quote says the same, so it never prices a cart past the cap.
      await expect(cart.quote(id)).rejects.toThrow(/CART_TOTAL_TOO_LARGE/);
    } finally {
      await shop.setPrice('yacht', 100_000_000);
    }
  });
});

describe('claimCart and myCart', () => {
  const claim = async (guestCartId: string, actor: Actor) => cart.claim(guestCartId, actor);

  it('makes a guest cart the customer’s when they have none, and myCart finds it', async () => {
    const alice = customer();
    const none = await shop.as<{ myCart: null }>(alice, '{ myCart { id } }');
    expect(none.data?.myCart).toBeNull();
    const id = await cart.createCart();
    cartOf(await cart.add(id, 'coat', 1));
    expect(cartOf(await claim(id, alice))).toMatchObject({ id, mergeNotes: [] });
    const mine = await shop.as<{ myCart: { id: string } }>(alice, '{ myCart { id } }');
    expect(mine.data?.myCart?.id).toBe(id);
    const anonymous = await shop.as<{ myCart: null }>(guest, '{ myCart { id } }');
    expect(anonymous.data?.myCart).toBeNull();
  });

  it('merges a guest cart into the customer’s: quantities add up to the limit, the rest is noted', async () => {
    const bob = customer();
    const own = await cart.createCart(bob);
    cartOf(await cart.add(own, 'limited', 2, bob));
    cartOf(await cart.add(own, 'coat', 1, bob));
    const visiting = await cart.createCart();
    cartOf(await cart.add(visiting, 'limited', 2));
    cartOf(await cart.add(visiting, 'coat', 3));
    cartOf(await cart.add(visiting, 'ball', 1));

    const merged = cartOf(await claim(visiting, bob));
    expect(merged.id).toBe(own);
    const quantities = Object.fromEntries(merged.lines.map((l) => [l.variant.id, l.quantity]));
    expect(quantities).toEqual({
      [items.limited.variant]: 3,
      [items.coat.variant]: 4,
      [items.ball.variant]: 1,
    });
    expect(merged.mergeNotes).toEqual([
      { variantId: items.limited.variant, requested: 4, kept: 3, reason: 'CAPPED' },
    ]);
    const [guestRow] = await shop.sql`select status, merged_into, customer_id from cart.carts
      where id = ${visiting}`;
    expect(guestRow).toEqual({
      status: 'MERGED',
      merged_into: own,
      customer_id: (bob as { customerId: string }).customerId,
    });
    // The merged guest cart is closed, and a second claim changes nothing.
    expect(await cart.add(visiting, 'ball', 1, bob)).toMatchObject({ __typename: 'CartClosed' });
    expect(await claim(visiting, bob)).toMatchObject({ __typename: 'CartClosed' });
    const mine = await shop.as<{ myCart: { id: string; totalQuantity: number } }>(
      bob,
      '{ myCart { id totalQuantity } }',
    );
    expect(mine.data?.myCart).toEqual({ id: own, totalQuantity: 8 });
  });

  it('refuses a guest without signing in', async () => {
    const id = await cart.createCart();
    expect(await claim(id, guest)).toMatchObject({ __typename: 'SignInRequired' });
  });
});

describe('abandoned carts', () => {
  const age = (id: string, days: number) =>
    shop.sql`update cart.carts set updated_at = now() - make_interval(days => ${days})
      where id = ${id}`;

  it('deletes active and merged carts untouched for CART_TTL_DAYS on a schedule, and the addresses of ordered ones', async () => {
    const stale = await cart.createCart();
    cartOf(await cart.add(stale, 'coat', 1));
    const fresh = await cart.createCart();
    const checkedOut = await cart.createCart();
    const address = {
      name: 'Ann Example',
      line1: 'Damrak 1',
      city: 'Amsterdam',
      postalCode: '1012 LG',
      countryCode: 'NL',
    };
    await shop.sql`update cart.carts set status = 'CHECKED_OUT', order_id = ${randomUUID()},
      shipping_address = ${shop.sql.json(address)}, billing_address = ${shop.sql.json(address)}
      where id = ${checkedOut}`;
    await age(stale, 8);
    await age(fresh, 6);
    await age(checkedOut, 30);
    await eventually(
      async () => (await shop.sql`select 1 from cart.carts where id = ${stale}`).length === 0,
    );
    expect(await shop.sql`select 1 from cart.cart_lines where cart_id = ${stale}`).toHaveLength(0);
    const left =
      await shop.sql`select id from cart.carts where id in ${shop.sql([fresh, checkedOut])}`;
    expect(left).toHaveLength(2);
    // The checked-out cart stays for its order, but not the addresses: the order has a copy.
    await eventually(
      async () =>
        (
          await shop.sql`select 1 from cart.carts where id = ${checkedOut}
            and shipping_address is null and billing_address is null`
        ).length === 1,
    );
  });

  it('deletes in batches, and not while another replica holds the sweep', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => cart.createCart()));
    // Older than this test's 2-day TTL but younger than the scheduled sweep's 7 days.
    for (const id of ids) await age(id, 3);
    const held = await shop.sql.reserve();
    try {
      await held`begin`;
      await held`select pg_advisory_xact_lock(hashtext('cart.abandoned-carts'))`;
      expect(await deleteAbandonedCarts(database.db, 2, 2)).toBe(0);
      await held`rollback`;
    } finally {
      held.release();
    }
    expect(await deleteAbandonedCarts(database.db, 2, 2)).toBeGreaterThanOrEqual(5);
    expect(await shop.sql`select 1 from cart.carts where id in ${shop.sql(ids)}`).toHaveLength(0);
  });
});
