import { randomBytes, randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  internalHeaders,
  signIdentityAssertion,
  type Actor,
  type Permission,
} from '@commerce-graph/kit';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import type { RunningGraph } from '../../../scripts/graph.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import {
  CARD,
  cartWith,
  orderInput,
  placeOrderOk,
  stockOf,
  variantPicker,
} from './support/shop.ts';

const catalog = buildDemoCatalog(20);
const INTERNAL_TOKEN = randomBytes(24).toString('base64url');

const ADMIN_RESULT = /* GraphQL */ `
  __typename
  ... on OrderUpdated {
    order {
      id
      status
      carrier
      trackingNumber
      cancelReason
      payment {
        status
      }
      history {
        from
        to
        cause
      }
    }
  }
  ... on UserError {
    code
    message
  }
  ... on OrderNotFound {
    orderId
  }
  ... on IllegalOrderTransition {
    orderId
    from
    to
  }
  ... on InvalidCheckoutInput {
    field
  }
`;
const FULFIL = `mutation($id: ID!, $carrier: String!, $tracking: String!) {
  fulfilOrder(orderId: $id, carrier: $carrier, trackingNumber: $tracking) { ${ADMIN_RESULT} } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) {
  cancelOrder(orderId: $id, reason: $reason) { ${ADMIN_RESULT} } }`;

describe('fulfilOrder and cancelOrder', () => {
  let shop: TestGraph;
  let graph: RunningGraph;
  let sql: postgres.Sql;
  let checkoutUrl: string;
  let cartUrl: string;
  const pickVariant = variantPicker(catalog);
  const staffId = randomUUID();

  const as = async (actor: Actor): Promise<Record<string, string>> => ({
    ...internalHeaders(INTERNAL_TOKEN),
    [IDENTITY_HEADER]: await signIdentityAssertion(INTERNAL_TOKEN, actor),
  });
  const staff = (permissions: Permission[]) =>
    as({
      kind: 'customer',
      customerId: staffId,
      sessionId: randomUUID(),
      network: '198.51.100.4',
      permissions,
    });
  const guest = () => as({ kind: 'anonymous', network: '203.0.113.9' });

  /** One unit of an untouched variant, ordered by a guest with `card`'s outcome. */
  const order = async (holderName = 'APPROVED', cardNumber: string = CARD.encryptedCardNumber) => {
    const headers = await guest();
    const variantId = pickVariant(1).id;
    const cartId = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId, quantity: 1 }],
      headers,
    );
    const placed = await placeOrderOk(
      checkoutUrl,
      orderInput(cartId, {
        paymentMethod: { ...CARD, holderName, encryptedCardNumber: cardNumber },
      }),
      headers,
    );
    return { ...placed, cartId, variantId, headers };
  };
  const statusOf = async (orderId: string) =>
    (await sql<[{ status: string }]>`select status from checkout.orders where id = ${orderId}`)[0]
      .status;
  const paidOrder = async () => {
    const placed = await order();
    await eventually(async () => (await statusOf(placed.order.id)) === 'PAID');
    return placed;
  };
  const eventsOf = async (orderId: string) =>
    (
      await sql<Array<{ name: string }>>`
        select name from checkout.outbox_events
        where payload->>'orderId' = ${orderId}
           or payload->'target'->>'id' = ${orderId}
        order by occurred_at, name`
    ).map((row) => row.name);
  const historyRows = async (orderId: string) =>
    (await sql`select 1 from checkout.order_history where order_id = ${orderId}`).length;

  async function admin<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    headers?: Record<string, string>,
  ) {
    return graphql<Record<string, T>>(
      checkoutUrl,
      query,
      variables,
      headers ?? (await staff(['orders:manage'])),
    );
  }

  beforeAll(async () => {
    shop = await startTestGraph(queueBackends()[0]!, { catalog, internalToken: INTERNAL_TOKEN });
    ({ graph, sql } = shop);
    checkoutUrl = shop.url('checkout');
    cartUrl = shop.url('cart');
  });

  afterAll(async () => {
    await shop?.close();
  });

  it('fulfils a PAID order with its carrier and tracking number, in its history and the audit', async () => {
    const placed = await paidOrder();
    const answer = await admin(FULFIL, {
      id: placed.order.id,
      carrier: 'PostNL',
      tracking: '3SABCD1234567',
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.fulfilOrder).toMatchObject({
      __typename: 'OrderUpdated',
      order: {
        status: 'FULFILLED',
        carrier: 'PostNL',
        trackingNumber: '3SABCD1234567',
        cancelReason: null,
      },
    });
    const history = (answer.data!.fulfilOrder as { order: { history: unknown[] } }).order.history;
    expect(history.at(-1)).toEqual({
      from: 'PAID',
      to: 'FULFILLED',
      cause: 'fulfilled by staff: PostNL 3SABCD1234567',
    });
    expect(await eventsOf(placed.order.id)).toEqual(
      expect.arrayContaining(['checkout.order.fulfilled', 'checkout.admin-action.recorded']),
    );
    const [audit] = await sql<[{ payload: Record<string, unknown> }]>`
      select payload from checkout.outbox_events
      where name = 'checkout.admin-action.recorded' and payload->'target'->>'id' = ${placed.order.id}`;
    expect(audit.payload).toMatchObject({
      actor: { kind: 'staff', id: staffId },
      action: 'fulfilOrder',
      target: { type: 'Order', id: placed.order.id },
      details: { carrier: 'PostNL', trackingNumber: '3SABCD1234567' },
    });

    // FULFILLED is not PAID: a second fulfilment and a cancellation are refused, nothing written.
    const rows = await historyRows(placed.order.id);
    const events = await eventsOf(placed.order.id);
    for (const [query, variables, to] of [
      [FULFIL, { id: placed.order.id, carrier: 'DHL', tracking: 'X1' }, 'FULFILLED'],
      [CANCEL, { id: placed.order.id, reason: 'too late' }, 'CANCELLED'],
    ] as const) {
      const refused = await admin(query, variables);
      expect(Object.values(refused.data!)[0]).toEqual({
        __typename: 'IllegalOrderTransition',
        code: 'ILLEGAL_ORDER_TRANSITION',
        message: expect.any(String),
        orderId: placed.order.id,
        from: 'FULFILLED',
        to,
      });
    }
    expect(await historyRows(placed.order.id)).toBe(rows);
    expect(await eventsOf(placed.order.id)).toEqual(events);
    expect(await statusOf(placed.order.id)).toBe('FULFILLED');
  });

  it('refuses to fulfil an unpaid order, and answers OrderNotFound for an unknown or malformed id', async () => {
    const pending = await order('APPROVED', 'test_4212345678910006'); // waits for 3-D Secure
    const refused = await admin(FULFIL, { id: pending.order.id, carrier: 'DHL', tracking: 'X1' });
    expect(refused.data!.fulfilOrder).toMatchObject({
      __typename: 'IllegalOrderTransition',
      from: 'PENDING_PAYMENT',
      to: 'FULFILLED',
    });
    for (const id of [randomUUID(), 'not-an-id']) {
      const missing = await admin(CANCEL, { id, reason: 'x' });
      expect(missing.data!.cancelOrder).toEqual({
        __typename: 'OrderNotFound',
        code: 'ORDER_NOT_FOUND',
        message: 'No order has this id',
        orderId: id,
      });
    }
    expect(await statusOf(pending.order.id)).toBe('PENDING_PAYMENT');
  });

  it('refuses bad input with InvalidCheckoutInput naming the field, writing nothing', async () => {
    const placed = await paidOrder();
    const rows = await historyRows(placed.order.id);
    for (const [query, variables, field] of [
      [FULFIL, { id: placed.order.id, carrier: '', tracking: 'X1' }, 'carrier'],
      [
        FULFIL,
        { id: placed.order.id, carrier: 'DHL', tracking: 'x'.repeat(101) },
        'trackingNumber',
      ],
      [FULFIL, { id: placed.order.id, carrier: 'DHL\u0000', tracking: 'X1' }, 'carrier'],
      [CANCEL, { id: placed.order.id, reason: '' }, 'reason'],
      [CANCEL, { id: placed.order.id, reason: 'r'.repeat(1001) }, 'reason'],
    ] as const) {
      const refused = await admin(query, variables);
      expect(Object.values(refused.data!)[0], JSON.stringify(variables)).toMatchObject({
        __typename: 'InvalidCheckoutInput',
        field,
      });
    }
    expect(await historyRows(placed.order.id)).toBe(rows);
    expect(await statusOf(placed.order.id)).toBe('PAID');
  });

  it('refuses anyone without orders:manage with FORBIDDEN, changing nothing', async () => {
    const placed = await paidOrder();
    for (const headers of [await guest(), await staff(['stock:write' as Permission])]) {
      const answer = await admin(
        FULFIL,
        { id: placed.order.id, carrier: 'DHL', tracking: 'X1' },
        headers,
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await statusOf(placed.order.id)).toBe('PAID');
  });

  it('cancels an unpaid order: its payment is cancelled at Adyen, its stock released, its cart reopened', async () => {
    const pending = await order('APPROVED', 'test_4212345678910006');
    const before = await stockOf(sql, pending.variantId);
    expect(before.reserved).toBeGreaterThan(0);
    const answer = await admin(CANCEL, { id: pending.order.id, reason: 'customer phoned' });
    expect(answer.data!.cancelOrder).toMatchObject({
      __typename: 'OrderUpdated',
      order: {
        status: 'CANCELLED',
        cancelReason: 'customer phoned',
        payment: { status: 'CANCELLED' },
      },
    });
    expect(await eventsOf(pending.order.id)).toEqual(
      expect.arrayContaining([
        'checkout.payment.failed',
        'checkout.order.cancelled',
        'checkout.admin-action.recorded',
      ]),
    );
    await eventually(async () => {
      const stock = await stockOf(sql, pending.variantId);
      return stock.reserved === before.reserved - 1 && stock.onHand === before.onHand;
    });
    await eventually(async () => {
      const [cart] = await sql<[{ status: string }]>`
        select status from cart.carts where id = ${pending.cartId}`;
      return cart.status === 'ACTIVE';
    });
    await eventually(async () =>
      graph.simulator!.deliveries.some(
        (d) => d.merchantReference === pending.order.id && d.eventCode.startsWith('CANCEL'),
      ),
    );
    // The reopened cart can be ordered again: a cancelled order is not live.
    const again = await placeOrderOk(checkoutUrl, orderInput(pending.cartId), pending.headers);
    expect(again.order.id).not.toBe(pending.order.id);
    // A second cancellation is refused: CANCELLED is final.
    const twice = await admin(CANCEL, { id: pending.order.id, reason: 'again' });
    expect(twice.data!.cancelOrder).toMatchObject({
      __typename: 'IllegalOrderTransition',
      from: 'CANCELLED',
      to: 'CANCELLED',
    });
  });

  it('cancels a PAID order by marking it only: the stock stays sold, the refund is the payments issue', async () => {
    const placed = await paidOrder();
    await eventually(async () => (await stockOf(sql, placed.variantId)).reserved === 0);
    const sold = await stockOf(sql, placed.variantId);
    const answer = await admin(CANCEL, { id: placed.order.id, reason: 'out of stock at packing' });
    expect(answer.data!.cancelOrder).toMatchObject({
      __typename: 'OrderUpdated',
      order: { status: 'CANCELLED', payment: { status: 'AUTHORISED' } },
    });
    const [event] = await sql<[{ payload: Record<string, unknown> }]>`
      select payload from checkout.outbox_events
      where name = 'checkout.order.cancelled' and payload->>'orderId' = ${placed.order.id}`;
    expect(event.payload).toEqual({
      orderId: placed.order.id,
      cartId: placed.cartId,
      reason: 'out of stock at packing',
      paid: true,
    });
    expect(await eventsOf(placed.order.id)).not.toContain('checkout.payment.failed');
    expect(await stockOf(sql, placed.variantId)).toEqual(sold);
  });

  it('records checkout.order.paid in the transaction that pays the order', async () => {
    const placed = await paidOrder();
    expect(await eventsOf(placed.order.id)).toEqual([
      'checkout.order.placed',
      'checkout.order.paid',
      'checkout.payment.authorised',
    ]);
  });
});
