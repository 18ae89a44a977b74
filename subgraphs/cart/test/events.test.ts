import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventPublisher, eventQueueName, type EventEnvelope } from '@commerce-graph/events';
import { createQueueFactory, type JobQueue, type QueueFactory } from '@commerce-graph/kit';
import { eventually } from '../../../test/support/eventually.ts';
import {
  cartClient,
  cartOf,
  guest,
  shopCatalog,
  staff,
  startShop,
  type Shop,
} from './support/shop.ts';

let shop: Shop;
let cart: ReturnType<typeof cartClient>;
let queues: QueueFactory;
let jobs: JobQueue<EventEnvelope>;
let publish: (event: EventEnvelope) => Promise<void>;

beforeAll(async () => {
  shop = await startShop();
  cart = cartClient(shop);
  queues = createQueueFactory(shop.queue);
  publish = createEventPublisher(queues).publish;
  jobs = queues.createQueue(eventQueueName('cart'));
});

afterAll(async () => {
  await queues?.close();
  await shop?.close();
});

const orderPlaced = (cartId: string, orderId: string): EventEnvelope<'checkout.order.placed'> => ({
  id: randomUUID(),
  name: 'checkout.order.placed',
  occurredAt: new Date().toISOString(),
  payload: {
    orderId,
    cartId,
    lines: [{ variantId: shopCatalog.items.coat.variant, quantity: 1 }],
    total: { amount: 9_000, currencyCode: 'EUR' },
  },
});

const paymentFailed = (
  cartId: string,
  orderId: string,
): EventEnvelope<'checkout.payment.failed'> => ({
  id: randomUUID(),
  name: 'checkout.payment.failed',
  occurredAt: new Date().toISOString(),
  payload: { orderId, cartId, paymentId: randomUUID(), reason: 'Refused' },
});

/** Publishes one event and waits until the worker handled it, so the next comes strictly after. */
async function deliver(event: EventEnvelope) {
  await publish(event);
  await eventually(async () => (await jobs.getJobState(event.id)) === 'completed');
}

/** A cart with a line and a 10% code applied, redeemed for a new order. */
async function cartWithRedeemedOrder() {
  const code = `ORDER-${randomBytes(4).toString('hex')}`.toUpperCase();
  const created = await shop.as<{ createDiscountCode: { __typename: string } }>(
    staff,
    'mutation($i: CreateDiscountCodeInput!) { createDiscountCode(input: $i) { __typename } }',
    { i: { code, kind: 'PERCENTAGE', percentOff: 10, usageLimit: 1 } },
  );
  expect(created.data?.createDiscountCode.__typename).toBe('DiscountCode');
  const id = await cart.createCart();
  cartOf(await cart.add(id, 'coat', 1));
  cartOf(await cart.apply(id, code));
  const orderId = randomUUID();
  const redeemed = await shop.as<{ redeemCartDiscount: { __typename: string } }>(
    guest,
    `mutation($c: ID!, $o: ID!) {
      redeemCartDiscount(cartId: $c, orderId: $o, customerKey: "email:a@example.com", amount: 1000) {
        __typename
      }
    }`,
    { c: id, o: orderId },
  );
  expect(redeemed.data?.redeemCartDiscount.__typename).toBe('DiscountRedeemed');
  return { id, orderId, code };
}

/** What the two events leave behind: the cart's state and the code's usage. */
async function finalState(id: string, orderId: string, code: string) {
  const [row] = await shop.sql`select status, order_id from cart.carts where id = ${id}`;
  const [redemption] =
    await shop.sql`select status from cart.discount_redemptions where order_id = ${orderId}`;
  const [usage] = await shop.sql`select times_used from cart.discount_codes where code = ${code}`;
  return { cart: row, redemption, usage };
}

describe('checkout events in either order', () => {
  // Guards issue 8's hole: a failure consumed before its order placed left the cart CHECKED_OUT.
  it.each([
    ['order placed, then payment failed', ['placed', 'failed']],
    ['payment failed, then order placed', ['failed', 'placed']],
  ])('%s: the cart ends ACTIVE and the code is given back', async (_, sequence) => {
    const { id, orderId, code } = await cartWithRedeemedOrder();
    for (const step of sequence) {
      await deliver(step === 'placed' ? orderPlaced(id, orderId) : paymentFailed(id, orderId));
    }
    expect(await finalState(id, orderId, code)).toEqual({
      cart: { status: 'ACTIVE', order_id: null },
      redemption: { status: 'RELEASED' },
      usage: { times_used: 0 },
    });
    expect(cartOf(await cart.add(id, 'ball', 1)).totalQuantity).toBe(2);
  });

  it('still checks out for a paid order, and a redelivered failure of another order changes nothing', async () => {
    const { id, orderId, code } = await cartWithRedeemedOrder();
    await deliver(paymentFailed(id, randomUUID()));
    await deliver(orderPlaced(id, orderId));
    expect(await finalState(id, orderId, code)).toEqual({
      cart: { status: 'CHECKED_OUT', order_id: orderId },
      redemption: { status: 'REDEEMED' },
      usage: { times_used: 1 },
    });
  });
});

const orderAbandoned = (
  cartId: string,
  orderId: string,
): EventEnvelope<'checkout.order.abandoned'> => ({
  id: randomUUID(),
  name: 'checkout.order.abandoned',
  occurredAt: new Date().toISOString(),
  payload: { orderId, cartId, reason: 'cart: unreachable; discount redemption not released' },
});

describe('checkout.order.abandoned', () => {
  it('gives the redemption back once, however often it arrives, and the cart stays open', async () => {
    const { id, orderId, code } = await cartWithRedeemedOrder();
    const event = orderAbandoned(id, orderId);
    // The same event twice (deduplicated by id), then another record of the same give-up.
    await deliver(event);
    await deliver(event);
    await deliver(orderAbandoned(id, orderId));
    expect(await finalState(id, orderId, code)).toEqual({
      cart: { status: 'ACTIVE', order_id: null },
      redemption: { status: 'RELEASED' },
      usage: { times_used: 0 },
    });
  });

  // Guards the timeout hole: the give-back may be consumed before the redemption commits.
  it('refuses a late redemption of the order it arrived before', async () => {
    const { id, code } = await cartWithRedeemedOrder();
    const orderId = randomUUID();
    await deliver(orderAbandoned(id, orderId));
    const late = await shop.as<{ redeemCartDiscount: { __typename: string; code?: string } }>(
      guest,
      `mutation($c: ID!, $o: ID!) {
        redeemCartDiscount(cartId: $c, orderId: $o, customerKey: "email:b@example.com", amount: 1000) {
          __typename
          ... on DiscountRejected { code }
        }
      }`,
      { c: id, o: orderId },
    );
    expect(late.data?.redeemCartDiscount).toEqual({
      __typename: 'DiscountRejected',
      code: 'DISCOUNT_REDEMPTION_RELEASED',
    });
    const [usage] = await shop.sql`select times_used from cart.discount_codes where code = ${code}`;
    // Only the other order's redemption counts.
    expect(usage).toEqual({ times_used: 1 });
  });
});
