import { randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, internalHeaders, signIdentityAssertion } from '@commerce-graph/kit';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import {
  cartWith,
  fetchOrder,
  nlStandardShipping,
  orderInput,
  placeOrder,
  placeOrderOk,
  stockOf,
  variantPicker,
  type Money,
} from './support/shop.ts';

const catalog = buildDemoCatalog(30);
const [backend] = queueBackends();
const INTERNAL_TOKEN = randomBytes(24).toString('base64url');
/** What every call to a subgraph carries, as the gateway would send it for a guest. */
const internal = internalHeaders(INTERNAL_TOKEN);

/**
 * placeOrder against the real cart (discount codes) and inventory (purchase limits): a code is
 * redeemed once per order within its limits, given back on every failure, and a purchase
 * limit per customer counts a guest by email in any letter case.
 */
describe('placeOrder with discount codes and purchase limits', () => {
  let shop: TestGraph;
  let sql: postgres.Sql;
  let checkoutUrl: string;
  let cartUrl: string;
  /** A staff member as the gateway asserts one, straight to the subgraphs (no sign-in). */
  let staff: Record<string, string>;
  const pickVariant = variantPicker(catalog);

  beforeAll(async () => {
    shop = await startTestGraph(backend!, { catalog, internalToken: INTERNAL_TOKEN });
    sql = shop.sql;
    checkoutUrl = shop.url('checkout');
    cartUrl = shop.url('cart');
    staff = {
      ...internal,
      [IDENTITY_HEADER]: await signIdentityAssertion(INTERNAL_TOKEN, {
        kind: 'customer',
        customerId: randomUUID(),
        sessionId: randomUUID(),
        permissions: ['discounts:manage', 'stock:write'],
      }),
    };
  });

  afterAll(async () => {
    await shop?.close();
  });

  /** Creates a 10 % code on the whole order, used at most `usageLimit` times. */
  async function createCode(usageLimit: number): Promise<string> {
    const code = `T${randomBytes(5).toString('hex').toUpperCase()}`;
    const { data, errors } = await graphql<{ createDiscountCode: { __typename: string } }>(
      cartUrl,
      `
        mutation ($input: CreateDiscountCodeInput!) {
          createDiscountCode(input: $input) {
            __typename
          }
        }
      `,
      { input: { code, kind: 'PERCENTAGE', percentOff: 10, usageLimit } },
      staff,
    );
    expect(errors).toBeUndefined();
    expect(data!.createDiscountCode.__typename).toBe('DiscountCode');
    return code;
  }

  /** Applies `code` to a cart and answers the cart's totals as the shopper sees them. */
  async function applyCode(cartId: string, code: string) {
    const { data, errors } = await graphql<{
      applyDiscountCode: {
        __typename: string;
        discountCode?: string | null;
        totals?: { subtotal: Money; discount: Money; total: Money };
      };
    }>(
      // Through the graph: the totals (with shipping) are checkout's part of the Cart.
      shop.url('gateway'),
      `
        mutation ($c: ID!, $code: String!) {
          applyDiscountCode(cartId: $c, code: $code) {
            __typename
            ... on Cart {
              discountCode
              totals {
                subtotal {
                  amount
                  currencyCode
                }
                discount {
                  amount
                  currencyCode
                }
                total {
                  amount
                  currencyCode
                }
              }
            }
          }
        }
      `,
      { c: cartId, code },
    );
    expect(errors).toBeUndefined();
    expect(data!.applyDiscountCode).toMatchObject({ __typename: 'Cart', discountCode: code });
    return data!.applyDiscountCode.totals!;
  }

  const ORDER_AMOUNTS = `query($id: ID!, $key: String) {
    order(id: $id, accessKey: $key) {
      subtotal { amount currencyCode }
      discount { amount currencyCode }
      discountCode
      total { amount currencyCode }
      payment { amount { amount } }
    }
  }`;

  const orderCount = async () =>
    (await sql<Array<{ n: number }>>`select count(*)::int as n from checkout.orders`)[0]!.n;

  it("charges the cart's total after its code and keeps subtotal, discount and code on the order", async () => {
    const variant = pickVariant(2);
    const code = await createCode(10);
    const cartId = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: variant.id, quantity: 2 }],
      internal,
    );
    const totals = await applyCode(cartId, code);
    expect(totals.discount.amount).toBeGreaterThan(0);

    const placed = await placeOrderOk(checkoutUrl, orderInput(cartId), internal);
    const { data } = await graphql<{ order: Record<string, unknown> }>(
      checkoutUrl,
      ORDER_AMOUNTS,
      { id: placed.order.id, key: placed.accessKey },
      internal,
    );
    expect(data!.order).toEqual({
      subtotal: totals.subtotal,
      discount: totals.discount,
      discountCode: code,
      // The cart's total with its shipping: what the shopper saw is what is charged.
      total: totals.total,
      payment: { amount: { amount: totals.total.amount } },
    });
    const goods = totals.subtotal.amount - totals.discount.amount;
    expect(totals.total.amount).toBe(goods + nlStandardShipping(goods));
  });

  it('answers DiscountUnavailable once the code is used up, reserving nothing and writing nothing', async () => {
    const [a, b] = [pickVariant(1), pickVariant(1)];
    const code = await createCode(1);
    const first = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: a.id, quantity: 1 }],
      internal,
    );
    const second = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: b.id, quantity: 1 }],
      internal,
    );
    await applyCode(first, code);
    await applyCode(second, code);
    await placeOrderOk(checkoutUrl, orderInput(first), internal);

    const stockBefore = await stockOf(sql, b.id);
    const ordersBefore = await orderCount();
    expect(await placeOrder(checkoutUrl, orderInput(second), internal)).toMatchObject({
      __typename: 'DiscountUnavailable',
      code: 'DISCOUNT_USAGE_LIMIT_REACHED',
      discountCode: code,
    });
    expect(await stockOf(sql, b.id)).toEqual(stockBefore);
    expect(await orderCount()).toBe(ordersBefore);
  });

  // Guards the usage limit under parallel orders: the cart's row lock decides, checkout passes
  // each refusal on and holds no stock for it.
  it('lets exactly as many parallel orders redeem a code as its usage limit allows', async () => {
    const variant = pickVariant(6);
    const code = await createCode(3);
    const carts = [];
    for (let i = 0; i < 6; i++) {
      const cartId = await cartWith(
        { cart: cartUrl, checkout: checkoutUrl },
        [{ variantId: variant.id, quantity: 1 }],
        internal,
      );
      await applyCode(cartId, code);
      carts.push(cartId);
    }
    const before = await stockOf(sql, variant.id);
    const results = await Promise.all(
      carts.map((cartId) => placeOrder(checkoutUrl, orderInput(cartId), internal)),
    );
    const kinds = results.map((r) => r.__typename).sort();
    expect(kinds).toEqual([
      'DiscountUnavailable',
      'DiscountUnavailable',
      'DiscountUnavailable',
      'OrderPlaced',
      'OrderPlaced',
      'OrderPlaced',
    ]);
    // Only the three placed orders hold stock (reserved, or sold once their webhook came).
    const after = await stockOf(sql, variant.id);
    expect(before.available - after.available).toBe(3);
  });

  it('gives the code back when the stock is short, so another order can redeem it', async () => {
    const variant = pickVariant(1);
    const other = pickVariant(1);
    const code = await createCode(1);
    const units = (await stockOf(sql, variant.id)).available;
    const tooMany = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: variant.id, quantity: units + 1 }],
      internal,
    );
    const fine = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: other.id, quantity: 1 }],
      internal,
    );
    await applyCode(tooMany, code);
    await applyCode(fine, code);

    expect(await placeOrder(checkoutUrl, orderInput(tooMany), internal)).toMatchObject({
      __typename: 'OutOfStock',
    });
    expect((await stockOf(sql, variant.id)).available).toBe(units);
    expect(await placeOrder(checkoutUrl, orderInput(fine), internal)).toMatchObject({
      __typename: 'OrderPlaced',
      order: { status: expect.any(String) },
    });
  });

  it('gives the code back when the payment fails, so the cart can be ordered again with it', async () => {
    const variant = pickVariant(1);
    const code = await createCode(1);
    const cartId = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: variant.id, quantity: 1 }],
      internal,
    );
    await applyCode(cartId, code);
    const declined = await placeOrderOk(
      checkoutUrl,
      orderInput(cartId, {
        paymentMethod: { ...orderInput(cartId).paymentMethod, holderName: 'DECLINED' },
      }),
      internal,
    );
    expect(declined.order.status).toBe('PAYMENT_FAILED');
    // The cart gives the redemption back when it consumes checkout.payment.failed.
    const again = await eventually(async () => {
      const result = await placeOrder(checkoutUrl, orderInput(cartId), internal);
      return result.__typename === 'OrderPlaced' ? result : null;
    });
    expect((await fetchOrder(checkoutUrl, again, internal))?.status).not.toBe('PAYMENT_FAILED');
  });

  it("refuses a guest's order over the per-customer limit, whatever the email's letter case", async () => {
    const variant = pickVariant(3);
    const { data, errors } = await graphql<{ setVariantInventoryPolicy: { __typename: string } }>(
      shop.url('inventory'),
      `
        mutation ($input: SetVariantInventoryPolicyInput!) {
          setVariantInventoryPolicy(input: $input) {
            __typename
          }
        }
      `,
      { input: { variantId: variant.id, maxPerCustomer: 1 } },
      staff,
    );
    expect(errors).toBeUndefined();
    expect(data!.setVariantInventoryPolicy.__typename).toBe('VariantInventoryPolicy');

    const email = `limit-${randomBytes(4).toString('hex')}@example.com`;
    const first = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: variant.id, quantity: 1 }],
      internal,
    );
    await placeOrderOk(checkoutUrl, orderInput(first, { email }), internal);
    // The first order's sale lands later (webhook, then event): wait for it, so the snapshot
    // below compares what the refusal did, not what the sale did meanwhile.
    await eventually(async () => (await stockOf(sql, variant.id)).reserved === 0);

    const second = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: variant.id, quantity: 1 }],
      internal,
    );
    const before = await stockOf(sql, variant.id);
    const ordersBefore = await orderCount();
    // The same guest, typing the address in capitals: still the same customer.
    expect(
      await placeOrder(checkoutUrl, orderInput(second, { email: email.toUpperCase() }), internal),
    ).toEqual({
      __typename: 'PurchaseLimitExceeded',
      code: 'PURCHASE_LIMIT_EXCEEDED',
      message: expect.any(String),
      lines: [{ variantId: variant.id, limit: 1, requested: 1, alreadyBought: 1 }],
    });
    expect(await stockOf(sql, variant.id)).toEqual(before);
    expect(await orderCount()).toBe(ordersBefore);
  });
});
