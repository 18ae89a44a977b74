import { randomBytes, randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  internalHeaders,
  signIdentityAssertion,
  type Actor,
} from '@commerce-graph/kit';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { schema } from '../src/db/client.ts';
import { IdempotencyKeys } from '../src/service/idempotency.ts';
import {
  CARD,
  cartWith,
  orderInput,
  placeOrder,
  placeOrderOk,
  variantPicker,
  writtenRows,
} from './support/shop.ts';

const catalog = buildDemoCatalog(30);
const INTERNAL_TOKEN = randomBytes(24).toString('base64url');

describe('placeOrder with an idempotency key', () => {
  let shop: TestGraph;
  let sql: postgres.Sql;
  let checkoutUrl: string;
  let cartUrl: string;
  const pickVariant = variantPicker(catalog);

  /** Headers of a request the gateway passes on for `actor`: internal token and assertion. */
  const as = async (actor: Actor): Promise<Record<string, string>> => ({
    ...internalHeaders(INTERNAL_TOKEN),
    [IDENTITY_HEADER]: await signIdentityAssertion(INTERNAL_TOKEN, actor),
  });
  const guest = () => as({ kind: 'anonymous', network: '203.0.113.7' });
  const customer = (): Actor => ({
    kind: 'customer',
    customerId: randomUUID(),
    sessionId: randomUUID(),
    network: '203.0.113.8',
  });
  /** A cart (of `headers`' caller) with one unit of an untouched in-stock variant. */
  const orderableCart = (headers: Record<string, string>) =>
    cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: pickVariant(1).id, quantity: 1 }],
      headers,
    );

  /**
   * Orders, payments, reservations and idempotency keys, everywhere (the outbox is left out:
   * earlier tests' webhooks still add events to it).
   */
  const written = async () => {
    const { orders, payments, reservations } = await writtenRows(sql);
    const [keys] = await sql<[{ n: number }]>`
      select count(*)::int as n from checkout.idempotency_keys`;
    return { orders, payments, reservations, keys: keys.n };
  };
  const ordersOf = (cartId: string) =>
    sql<Array<{ id: string }>>`select id from checkout.orders where cart_id = ${cartId}`;

  beforeAll(async () => {
    shop = await startTestGraph(queueBackends()[0]!, { catalog, internalToken: INTERNAL_TOKEN });
    sql = shop.sql;
    checkoutUrl = shop.url('checkout');
    cartUrl = shop.url('cart');
  });

  afterAll(async () => {
    await shop?.close();
  });

  it('places one order and one payment for 8 parallel requests with one key, and every answer names it', async () => {
    const headers = await guest();
    const cartId = await orderableCart(headers);
    const input = orderInput(cartId);
    const before = await writtenRows(sql);

    const answers = await Promise.all(
      Array.from({ length: 8 }, () => placeOrder(checkoutUrl, input, headers)),
    );

    const orders = await ordersOf(cartId);
    expect(orders).toHaveLength(1);
    const orderId = orders[0]!.id;
    for (const answer of answers) {
      expect(answer).toMatchObject({ __typename: 'OrderPlaced', order: { id: orderId } });
    }
    const payments = await sql`select id from checkout.payments where order_id = ${orderId}`;
    expect(payments).toHaveLength(1);
    const after = await writtenRows(sql);
    expect(after.orders - before.orders).toBe(1);
    expect(after.payments - before.payments).toBe(1);
    // Only the first request reserved stock: the others never reached inventory.
    expect(after.reservations - before.reservations).toBe(1);
    // The access key is shown once: in the answer of the request that placed the order.
    expect(answers.filter((a) => a.__typename === 'OrderPlaced' && a.accessKey)).toHaveLength(1);
  });

  it('answers a replay after the first answer with the same order and payment, even once paid', async () => {
    const headers = await guest();
    const cartId = await orderableCart(headers);
    const input = orderInput(cartId);
    const first = await placeOrderOk(checkoutUrl, input, headers);
    expect(first.accessKey).toEqual(expect.any(String));

    const replay = await placeOrderOk(checkoutUrl, input, headers);
    expect(replay.order.id).toBe(first.order.id);
    expect(replay.order.number).toBe(first.order.number);
    expect(replay.payment.pspReference).toBe(first.payment.pspReference);
    // Stored only as a hash: a replay cannot show it again.
    expect(replay.accessKey).toBeNull();

    // Once the webhook paid it, the same key still answers the order, now PAID (where any other
    // attempt on this cart is CART_ALREADY_ORDERED).
    const paid = await eventually(async () => {
      const again = await placeOrderOk(checkoutUrl, input, headers);
      return again.order.status === 'PAID' ? again : null;
    });
    expect(paid.order.id).toBe(first.order.id);
    expect(paid.payment.status).toBe('AUTHORISED');
    expect(await placeOrder(checkoutUrl, orderInput(cartId), headers)).toMatchObject({
      __typename: 'CartUnavailable',
      code: 'CART_ALREADY_ORDERED',
    });
    expect(await ordersOf(cartId)).toHaveLength(1);
  });

  it('replays a 3-D Secure challenge with the action of the first answer while the payment waits', async () => {
    const headers = await guest();
    const cartId = await orderableCart(headers);
    const input = orderInput(cartId, {
      paymentMethod: { ...CARD, encryptedCardNumber: 'test_4212345678910006' },
    });
    const first = await placeOrderOk(checkoutUrl, input, headers);
    expect(first.action).toMatchObject({ type: 'threeDS2' });
    const replay = await placeOrderOk(checkoutUrl, input, headers);
    expect(replay.order.id).toBe(first.order.id);
    expect(replay.payment.status).toBe('PENDING');
    expect(replay.action).toEqual(first.action);
  });

  it("refuses a customer's key used again for another cart with IdempotencyKeyReused, writing nothing", async () => {
    const headers = await as(customer());
    const input = orderInput(await orderableCart(headers));
    const placed = await placeOrderOk(checkoutUrl, input, headers);
    const otherCart = await orderableCart(headers);
    const before = await written();

    const reused = await placeOrder(checkoutUrl, { ...input, cartId: otherCart }, headers);

    expect(reused).toEqual({
      __typename: 'IdempotencyKeyReused',
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.any(String),
      idempotencyKey: input.idempotencyKey,
    });
    expect(await written()).toEqual(before);
    // The key still answers its own order.
    const replay = await placeOrderOk(checkoutUrl, input, headers);
    expect(replay.order.id).toBe(placed.order.id);
    // Scoped to the caller: another customer's request with the same key is its own order.
    const other = await as(customer());
    const theirs = await placeOrderOk(
      checkoutUrl,
      { ...input, cartId: await orderableCart(other) },
      other,
    );
    expect(theirs.order.id).not.toBe(placed.order.id);
  });

  it('refuses malformed keys with InvalidCheckoutInput naming idempotencyKey, writing nothing', async () => {
    const headers = await guest();
    const cartId = await orderableCart(headers);
    const before = await written();
    for (const idempotencyKey of [
      '',
      'short12',
      'k'.repeat(201),
      'has a space',
      'ключ-12345678',
      "k'; drop table checkout.orders; --",
      'key\u0000123456',
      'key\u200b12345678',
    ]) {
      const refused = await placeOrder(
        checkoutUrl,
        orderInput(cartId, { idempotencyKey }),
        headers,
      );
      expect(refused, idempotencyKey).toMatchObject({
        __typename: 'InvalidCheckoutInput',
        code: 'INVALID_INPUT',
        field: 'idempotencyKey',
      });
    }
    expect(await written()).toEqual(before);
    // The longest and shortest keys of the alphabet are fine.
    await placeOrderOk(
      checkoutUrl,
      orderInput(cartId, { idempotencyKey: 'aZ0._:-' + 'x' }),
      headers,
    );
    expect(await ordersOf(cartId)).toHaveLength(1);
    const other = await orderableCart(headers);
    await placeOrderOk(
      checkoutUrl,
      orderInput(other, { idempotencyKey: 'k'.repeat(200) }),
      headers,
    );
  });

  it('refuses a changed total with TotalChanged, holding nothing and keeping no key', async () => {
    const headers = await guest();
    const cartId = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: pickVariant(1).id, quantity: 2 }],
      headers,
    );
    const shown = await graphql<{
      cart: { totals: { total: { amount: number; currencyCode: string } } };
    }>(
      // The totals with shipping and tax are checkout's part of the Cart: read through the graph.
      shop.url('gateway'),
      'query($id: ID!) { cart(id: $id) { totals { total { amount currencyCode } } } }',
      { id: cartId },
    );
    const { amount: total, currencyCode } = shown.data!.cart.totals.total;
    const input = orderInput(cartId, { expectedTotal: total - 1 });
    const before = await written();

    const refused = await placeOrder(checkoutUrl, input, headers);

    expect(refused).toEqual({
      __typename: 'TotalChanged',
      code: 'TOTAL_CHANGED',
      message: expect.any(String),
      expected: { amount: total - 1, currencyCode },
      current: { amount: total, currencyCode },
    });
    expect(await written()).toEqual(before);
    expect(
      await sql`select 1 from checkout.outbox_events where payload->>'cartId' = ${cartId}`,
    ).toHaveLength(0);
    for (const expectedTotal of [-1, 2_000_000_001]) {
      expect(await placeOrder(checkoutUrl, { ...input, expectedTotal }, headers)).toMatchObject({
        __typename: 'InvalidCheckoutInput',
        field: 'expectedTotal',
      });
    }
    // The refusal gave the key back: the same key with the right total places the order.
    const placed = await placeOrderOk(checkoutUrl, { ...input, expectedTotal: total }, headers);
    expect(placed.order.total.amount).toBe(total);
  });

  describe('IdempotencyKeys', () => {
    it('lets a stale claim without an order be taken over, and its first holder then write no order', async () => {
      const db = drizzle(sql, { schema });
      const keys = new IdempotencyKeys(db, { staleMs: 0, waitMs: 0 });
      const ref = { scope: `cart:${randomUUID()}`, key: randomUUID() };
      const cartId = randomUUID();
      const first = await keys.claim(ref, cartId);
      expect(first.kind).toBe('claimed');
      // staleMs 0: the claim counts as abandoned (its process died) and is taken over.
      const second = await keys.claim(ref, cartId);
      expect(second.kind).toBe('claimed');
      if (first.kind !== 'claimed' || second.kind !== 'claimed') return;
      expect(second.orderId).not.toBe(first.orderId);
      expect(await db.transaction((tx) => keys.confirm(tx, ref, first.orderId))).toBe(false);
      expect(await db.transaction((tx) => keys.confirm(tx, ref, second.orderId))).toBe(true);
      // Giving back a key that was taken over leaves the new holder's claim alone.
      await keys.release(ref, first.orderId);
      const [row] = await sql`select order_id from checkout.idempotency_keys
        where scope = ${ref.scope} and key = ${ref.key}`;
      expect(row?.order_id).toBe(second.orderId);
    });

    it('answers busy when the key stays held past the wait', async () => {
      const db = drizzle(sql, { schema });
      const keys = new IdempotencyKeys(db, { waitMs: 0 });
      const ref = { scope: `cart:${randomUUID()}`, key: randomUUID() };
      const cartId = randomUUID();
      expect((await keys.claim(ref, cartId)).kind).toBe('claimed');
      expect(await keys.claim(ref, cartId)).toEqual({ kind: 'busy' });
      expect(await keys.claim(ref, randomUUID())).toEqual({ kind: 'reused' });
    });
  });
});
