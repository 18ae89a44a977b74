import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@commerce-graph/kit';
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

const { category } = shopCatalog;
let shop: Shop;
let cart: ReturnType<typeof cartClient>;

beforeAll(async () => {
  shop = await startShop();
  cart = cartClient(shop);
});

afterAll(async () => {
  await shop?.close();
});

const uniqueCode = (prefix = 'SALE') => `${prefix}-${randomBytes(4).toString('hex')}`.toUpperCase();

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateDiscountCodeInput!) {
    createDiscountCode(input: $input) {
      __typename
      ... on DiscountCode {
        code
        kind
        percentOff
        amountOff {
          amount
          currencyCode
        }
        timesUsed
        disabled
      }
      ... on UserError {
        code
        message
      }
      ... on InvalidDiscountCode {
        field
      }
    }
  }
`;

async function createCode(input: Record<string, unknown>, actor: Actor = staff) {
  const response = await shop.as<{ createDiscountCode: Record<string, unknown> }>(actor, CREATE, {
    input: { code: uniqueCode(), kind: 'PERCENTAGE', percentOff: 10, ...input },
  });
  return response;
}

/** A new code, made by staff; answers its code. */
async function code(input: Record<string, unknown>): Promise<string> {
  const response = await createCode(input);
  const created = response.data?.createDiscountCode;
  if (created?.__typename !== 'DiscountCode') throw new Error(JSON.stringify(response));
  return created.code as string;
}

const REDEEM = /* GraphQL */ `
  mutation Redeem($c: ID!, $o: ID!, $k: String!, $a: Int!) {
    redeemCartDiscount(cartId: $c, orderId: $o, customerKey: $k, amount: $a) {
      __typename
      ... on DiscountRedeemed {
        code
        amount
      }
      ... on DiscountRejected {
        code
        discountCode
      }
    }
  }
`;

async function redeem(
  cartId: string,
  orderId: string,
  customerKey = 'email:a@example.com',
  amount = 100,
) {
  const response = await shop.as<{
    redeemCartDiscount: { __typename: string; code: string; amount?: number };
  }>(guest, REDEEM, { c: cartId, o: orderId, k: customerKey, a: amount });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.redeemCartDiscount;
}

async function release(orderId: string) {
  const response = await shop.as<{ releaseCartDiscount: boolean }>(
    guest,
    'mutation($o: ID!) { releaseCartDiscount(orderId: $o) }',
    { o: orderId },
  );
  return response.data!.releaseCartDiscount;
}

const usage = async (discountCode: string) => {
  const [row] = await shop.sql<Array<{ times_used: number; redeemed: number; released: number }>>`
    select c.times_used,
      (select count(*)::int from cart.discount_redemptions r
        where r.discount_code_id = c.id and r.status = 'REDEEMED') as redeemed,
      (select count(*)::int from cart.discount_redemptions r
        where r.discount_code_id = c.id and r.status = 'RELEASED') as released
    from cart.discount_codes c where c.code = ${discountCode}`;
  return row;
};

const redemptionCount = async () =>
  (
    await shop.sql<Array<{ n: number }>>`select count(*)::int as n from cart.discount_redemptions`
  )[0]!.n;

/** A guest cart holding `lines`, with `discountCode` applied. */
async function cartWith(
  lines: Array<[keyof typeof shopCatalog.items, number]>,
  discountCode?: string,
) {
  const id = await cart.createCart();
  for (const [item, quantity] of lines) cartOf(await cart.add(id, item, quantity));
  if (discountCode) cartOf(await cart.apply(id, discountCode));
  return id;
}

describe('createDiscountCode and disableDiscountCode', () => {
  it('refuses a shopper (FORBIDDEN) and writes nothing', async () => {
    const before = await shop.sql`select count(*)::int as n from cart.discount_codes`;
    const response = await createCode({}, customer());
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await shop.sql`select count(*)::int as n from cart.discount_codes`).toEqual(before);
  });

  it('creates a code upper-case and refuses the same code again', async () => {
    const name = uniqueCode('welcome');
    const first = await createCode({ code: name.toLowerCase() });
    expect(first.data?.createDiscountCode).toMatchObject({
      __typename: 'DiscountCode',
      code: name,
      kind: 'PERCENTAGE',
      percentOff: 10,
      timesUsed: 0,
      disabled: false,
    });
    const again = await createCode({ code: name });
    expect(again.data?.createDiscountCode).toMatchObject({
      __typename: 'DiscountCodeTaken',
      code: 'DISCOUNT_CODE_TAKEN',
    });
  });

  it.each([
    ['a percentage of 0', { percentOff: 0 }, 'percentOff'],
    ['a percentage of 101', { percentOff: 101 }, 'percentOff'],
    [
      'a fixed amount without currency',
      { kind: 'FIXED_AMOUNT', percentOff: null, amountOff: 500 },
      'currencyCode',
    ],
    [
      'a negative fixed amount',
      { kind: 'FIXED_AMOUNT', percentOff: null, amountOff: -5, currencyCode: 'EUR' },
      'amountOff',
    ],
    ['an unknown currency', { currencyCode: 'JPY' }, 'currencyCode'],
    [
      'an end before its start',
      { startsAt: '2030-01-02T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' },
      'endsAt',
    ],
    ['a malformed code', { code: 'no spaces!' }, 'code'],
    ['an unknown category', { categoryId: randomUUID() }, 'categoryId'],
  ])('refuses %s as InvalidDiscountCode and writes nothing', async (_, input, field) => {
    const before = await shop.sql`select count(*)::int as n from cart.discount_codes`;
    const response = await createCode(input);
    expect(response.data?.createDiscountCode).toMatchObject({
      __typename: 'InvalidDiscountCode',
      code: 'INVALID_DISCOUNT_CODE',
      field,
    });
    expect(await shop.sql`select count(*)::int as n from cart.discount_codes`).toEqual(before);
  });

  it('leaves a fractional percentage to GraphQL, which refuses it before any resolver', async () => {
    const response = await createCode({ percentOff: 1.5 });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('disables a code: it no longer applies', async () => {
    const name = await code({});
    const response = await shop.as<{
      disableDiscountCode: { __typename: string; disabled?: boolean };
    }>(
      staff,
      'mutation($c: String!) { disableDiscountCode(code: $c) { __typename ... on DiscountCode { disabled } } }',
      { c: name.toLowerCase() },
    );
    expect(response.data?.disableDiscountCode).toEqual({
      __typename: 'DiscountCode',
      disabled: true,
    });
    const id = await cartWith([['coat', 1]]);
    expect(await cart.apply(id, name)).toMatchObject({
      __typename: 'DiscountRejected',
      code: 'DISCOUNT_DISABLED',
    });
  });
});

describe('applyDiscountCode', () => {
  it('takes a percentage off the quote, and removeDiscountCode gives it back', async () => {
    const name = await code({ percentOff: 15 });
    const id = await cartWith([
      ['coat', 1],
      ['shirt', 1],
    ]);
    const applied = cartOf(await cart.apply(id, ` ${name.toLowerCase()} `));
    expect(applied.discountCode).toBe(name);
    expect(applied.subtotal).toEqual({ amount: 13_000, currencyCode: 'EUR' });
    // 15% of 13,000, rounded down to the minor unit, shared by the lines pro rata.
    expect(await cart.quote(id)).toMatchObject({
      subtotal: 13_000,
      discount: 1_950,
      discountCode: name,
      lines: [
        { lineTotal: 10_000, discount: 1_500 },
        { lineTotal: 3_000, discount: 450 },
      ],
    });
    const removed = cartOf(await cart.removeCode(id));
    expect(removed.discountCode).toBeNull();
    expect(await cart.quote(id)).toMatchObject({
      subtotal: 13_000,
      discount: 0,
      discountCode: null,
      lines: [{ discount: 0 }, { discount: 0 }],
    });
  });

  it('takes a fixed amount off, never more than the eligible lines', async () => {
    const name = await code({
      kind: 'FIXED_AMOUNT',
      percentOff: null,
      amountOff: 50_000,
      currencyCode: 'EUR',
    });
    const id = await cartWith([['shirt', 1]], name);
    expect(await cart.quote(id)).toMatchObject({
      subtotal: 3_000,
      discount: 3_000,
      lines: [{ lineTotal: 3_000, discount: 3_000 }],
    });
  });

  it('discounts only the lines in the code category or its descendants', async () => {
    const name = await code({ percentOff: 50, categoryId: category.clothing });
    // A linen shirt sits two levels below clothing; the ball is in toys.
    const id = await cartWith(
      [
        ['linenShirt', 1],
        ['ball', 2],
      ],
      name,
    );
    // Only the linen shirt shares the discount: the ball is not eligible.
    expect(await cart.quote(id)).toMatchObject({
      subtotal: 7_000,
      discount: 2_500,
      lines: [
        { variantId: shopCatalog.items.linenShirt.variant, discount: 2_500 },
        { variantId: shopCatalog.items.ball.variant, discount: 0 },
      ],
    });
    const toys = await cartWith([['ball', 1]]);
    expect(await cart.apply(toys, name)).toMatchObject({
      __typename: 'DiscountRejected',
      code: 'DISCOUNT_NO_ELIGIBLE_LINES',
      discountCode: name,
    });
  });

  it.each([
    ['an unknown code', async () => 'NO-SUCH-CODE', 'DISCOUNT_NOT_FOUND'],
    ['a malformed code', async () => '<script>', 'DISCOUNT_NOT_FOUND'],
    ['an expired code', () => code({ endsAt: '2020-01-01T00:00:00Z' }), 'DISCOUNT_EXPIRED'],
    [
      'a code not started',
      () => code({ startsAt: '2999-01-01T00:00:00Z' }),
      'DISCOUNT_NOT_STARTED',
    ],
    [
      'a code whose minimum is not met',
      () => code({ minimumSubtotal: 1_000_000, currencyCode: 'EUR' }),
      'DISCOUNT_MINIMUM_NOT_MET',
    ],
    [
      'a code in another currency',
      () => code({ kind: 'FIXED_AMOUNT', percentOff: null, amountOff: 100, currencyCode: 'USD' }),
      'DISCOUNT_CURRENCY_MISMATCH',
    ],
  ])('refuses %s with DiscountRejected and writes nothing', async (_, make, expected) => {
    const name = await make();
    const id = await cartWith([['coat', 1]]);
    const before = await shop.sql`select * from cart.carts where id = ${id}`;
    expect(await cart.apply(id, name)).toMatchObject({
      __typename: 'DiscountRejected',
      code: expected,
    });
    expect(await shop.sql`select * from cart.carts where id = ${id}`).toEqual(before);
  });

  it('tells a signed-in customer who used up their own limit', async () => {
    const name = await code({ usageLimitPerCustomer: 1 });
    const alice = customer();
    const id = await cart.createCart(alice);
    cartOf(await cart.add(id, 'coat', 1, alice));
    cartOf(await cart.apply(id, name, alice));
    const customerId = (alice as { customerId: string }).customerId;
    expect(await redeem(id, randomUUID(), customerId)).toMatchObject({
      __typename: 'DiscountRedeemed',
    });
    const next = await cart.createCart(alice);
    cartOf(await cart.add(next, 'coat', 1, alice));
    expect(await cart.apply(next, name, alice)).toMatchObject({
      __typename: 'DiscountRejected',
      code: 'DISCOUNT_CUSTOMER_LIMIT_REACHED',
    });
  });
});

describe('redeemCartDiscount', () => {
  // Guards the usage limit under the code's row lock: 20 orders in parallel, 5 may redeem.
  it('never passes the usage limit when 20 orders redeem in parallel', async () => {
    const name = await code({ usageLimit: 5 });
    const id = await cartWith([['coat', 1]], name);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        redeem(id, randomUUID(), `email:shopper${i}@example.com`),
      ),
    );
    expect(results.filter((r) => r.__typename === 'DiscountRedeemed')).toHaveLength(5);
    expect(results.filter((r) => r.code === 'DISCOUNT_USAGE_LIMIT_REACHED')).toHaveLength(15);
    expect(await usage(name)).toEqual({ times_used: 5, redeemed: 5, released: 0 });
  });

  it('never passes the per-customer limit when one customer redeems in parallel', async () => {
    const name = await code({ usageLimitPerCustomer: 1 });
    const id = await cartWith([['coat', 1]], name);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => redeem(id, randomUUID(), 'email:Same@Example.com')),
    );
    expect(results.filter((r) => r.__typename === 'DiscountRedeemed')).toHaveLength(1);
    expect(results.filter((r) => r.code === 'DISCOUNT_CUSTOMER_LIMIT_REACHED')).toHaveLength(5);
    expect(await usage(name)).toMatchObject({ times_used: 1, redeemed: 1 });
  });

  it('answers a repeated redemption of one order with the first, in parallel too', async () => {
    const name = await code({ usageLimit: 3 });
    const id = await cartWith([['coat', 1]], name);
    const orderId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => redeem(id, orderId, 'email:a@example.com', 1_000)),
    );
    for (const result of results) {
      expect(result).toEqual({ __typename: 'DiscountRedeemed', code: name, amount: 1_000 });
    }
    expect(await usage(name)).toEqual({ times_used: 1, redeemed: 1, released: 0 });
  });

  it('gives a released redemption back, and refuses to redeem that order again', async () => {
    const name = await code({ usageLimit: 1 });
    const id = await cartWith([['coat', 1]], name);
    const orderId = randomUUID();
    expect(await redeem(id, orderId)).toMatchObject({ __typename: 'DiscountRedeemed' });
    expect(await release(orderId)).toBe(true);
    expect(await release(orderId)).toBe(true);
    expect(await usage(name)).toEqual({ times_used: 0, redeemed: 0, released: 1 });
    expect(await redeem(id, orderId)).toMatchObject({ code: 'DISCOUNT_REDEMPTION_RELEASED' });
    // The use given back is free for another order.
    expect(await redeem(id, randomUUID())).toMatchObject({ __typename: 'DiscountRedeemed' });
  });

  // Guards a checkout that gave up waiting: its release must not be undone by a late redeem.
  it('refuses a redemption that arrives after its order was released', async () => {
    const name = await code({});
    const id = await cartWith([['coat', 1]], name);
    const orderId = randomUUID();
    expect(await release(orderId)).toBe(true);
    expect(await redeem(id, orderId)).toMatchObject({ code: 'DISCOUNT_REDEMPTION_RELEASED' });
    expect(await usage(name)).toEqual({ times_used: 0, redeemed: 0, released: 0 });
  });

  // Guards the release racing its own redeem: whichever commits first, nothing stays held.
  it('ends with nothing held when a release races the redemption of its order', async () => {
    const name = await code({ usageLimit: 100 });
    const id = await cartWith([['coat', 1]], name);
    const orders = Array.from({ length: 10 }, () => randomUUID());
    await Promise.all(orders.flatMap((orderId) => [redeem(id, orderId), release(orderId)]));
    expect(await usage(name)).toMatchObject({ times_used: 0, redeemed: 0 });
    const states = await shop.sql`select status from cart.discount_redemptions
      where order_id in ${shop.sql(orders)}`;
    expect(states.map((row) => row.status)).toEqual(orders.map(() => 'RELEASED'));
  });

  it('refuses a code that expired since it was applied, and writes nothing', async () => {
    const name = await code({});
    const id = await cartWith([['coat', 1]], name);
    await shop.sql`update cart.discount_codes set ends_at = now() - interval '1 minute' where code = ${name}`;
    const before = await redemptionCount();
    expect(await redeem(id, randomUUID())).toMatchObject({
      __typename: 'DiscountRejected',
      code: 'DISCOUNT_EXPIRED',
      discountCode: name,
    });
    expect(await redemptionCount()).toBe(before);
    expect(await usage(name)).toMatchObject({ times_used: 0 });
  });

  it('refuses a cart without a code, and malformed ids, writing nothing', async () => {
    const id = await cartWith([['coat', 1]]);
    const before = await redemptionCount();
    expect(await redeem(id, randomUUID())).toMatchObject({
      code: 'DISCOUNT_NOT_FOUND',
      discountCode: null,
    });
    expect(await redeem('not-a-cart', randomUUID())).toMatchObject({ code: 'DISCOUNT_NOT_FOUND' });
    expect(await redeem(id, 'not-an-order')).toMatchObject({ code: 'DISCOUNT_NOT_FOUND' });
    expect(await redemptionCount()).toBe(before);
  });
});
