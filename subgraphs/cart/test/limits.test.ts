import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartClient, cartOf, shopCatalog, startShop, type Shop } from './support/shop.ts';

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

/** Rows of the cart's tables for one cart: what "writes nothing" compares. */
const stored = async (cartId: string) => ({
  cart: await shop.sql`select status, updated_at, discount_code_id from cart.carts where id = ${cartId}`,
  lines: await shop.sql`select variant_id, quantity, added_unit_price from cart.cart_lines
    where cart_id = ${cartId} order by variant_id`,
});

describe('addCartLine purchase limits', () => {
  it('refuses a sold-out variant that cannot be backordered, and writes nothing', async () => {
    const id = await cart.createCart();
    const before = await stored(id);
    expect(await cart.add(id, 'soldOut', 1)).toMatchObject({
      __typename: 'VariantSoldOut',
      code: 'VARIANT_SOLD_OUT',
      variantId: items.soldOut.variant,
    });
    expect(await stored(id)).toEqual(before);
  });

  it('accepts a variant without stock that may be backordered', async () => {
    const id = await cart.createCart();
    expect(cartOf(await cart.add(id, 'backorder', 2)).totalQuantity).toBe(2);
  });

  it('refuses more than maxPerOrder in one line, also by adding to it, and writes nothing', async () => {
    const id = await cart.createCart();
    expect(await cart.add(id, 'limited', 4)).toMatchObject({
      __typename: 'InvalidQuantity',
      max: 3,
      requested: 4,
    });
    cartOf(await cart.add(id, 'limited', 2));
    const before = await stored(id);
    expect(await cart.add(id, 'limited', 2)).toMatchObject({
      __typename: 'InvalidQuantity',
      max: 3,
      requested: 4,
    });
    expect(await stored(id)).toEqual(before);
  });

  it('caps a line at maxPerCustomer', async () => {
    const id = await cart.createCart();
    expect(await cart.add(id, 'perCustomer', 3)).toMatchObject({
      __typename: 'InvalidQuantity',
      max: 2,
    });
    expect(cartOf(await cart.add(id, 'perCustomer', 2)).totalQuantity).toBe(2);
  });

  it('refuses an unknown variant as VariantNotFound', async () => {
    const id = await cart.createCart();
    expect(await cart.add(id, randomUUID(), 1)).toMatchObject({ __typename: 'VariantNotFound' });
  });

  // Guards the limit under the row lock: parallel adds must not each see the old quantity.
  it('never passes the limit when 12 adds of one unit to one cart race', async () => {
    const id = await cart.createCart();
    const results = await Promise.all(Array.from({ length: 12 }, () => cart.add(id, 'limited', 1)));
    const accepted = results.filter((r) => r.__typename === 'Cart');
    expect(accepted).toHaveLength(3);
    expect(results.filter((r) => r.__typename === 'InvalidQuantity')).toHaveLength(9);
    const [line] = (await stored(id)).lines;
    expect(line?.quantity).toBe(3);
  });
});

describe('updateCartLine purchase limits', () => {
  it('refuses a quantity above the limit and writes nothing', async () => {
    const id = await cart.createCart();
    const lineId = cartOf(await cart.add(id, 'limited', 1)).lines[0]!.id;
    const before = await stored(id);
    expect(await cart.update(id, lineId, 5)).toMatchObject({
      __typename: 'InvalidQuantity',
      max: 3,
      requested: 5,
    });
    expect(await stored(id)).toEqual(before);
    expect(cartOf(await cart.update(id, lineId, 3)).lines[0]!.quantity).toBe(3);
  });

  it('lets the shopper lower, but not raise, a line whose variant sold out since', async () => {
    const id = await cart.createCart();
    const lineId = cartOf(await cart.add(id, 'ball', 5)).lines[0]!.id;
    await shop.sql`update inventory.stock_levels set on_hand = 0
      where variant_id = ${items.ball.variant}`;
    try {
      expect(await cart.update(id, lineId, 6)).toMatchObject({ __typename: 'VariantSoldOut' });
      expect(cartOf(await cart.update(id, lineId, 2)).lines[0]!.quantity).toBe(2);
    } finally {
      await shop.sql`update inventory.stock_levels set on_hand = 1000
        where variant_id = ${items.ball.variant}`;
    }
  });
});
