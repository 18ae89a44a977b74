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

const REFUND = `mutation($id: ID!, $amount: Int!, $reason: String!) {
  refundOrder(orderId: $id, amount: $amount, reason: $reason) {
    __typename
    ... on RefundRequested {
      refund { id kind status pspReference reason amount { amount currencyCode } }
      order { id status }
    }
    ... on RefundNotPossible { code orderId refundable { amount currencyCode } }
    ... on OrderNotFound { code orderId }
    ... on InvalidCheckoutInput { code field }
  }
}`;
const PAYMENT = `query($id: ID!) { order(id: $id) { status payment {
  authorised { amount } captured { amount } refunded { amount } chargedBack { amount }
  modifications { kind status amount { amount } } } } }`;

describe('fulfilOrder, cancelOrder and refundOrder', () => {
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

  it('cancels a PAID order: the stock stays sold, the money goes back by cancel-or-refund', async () => {
    const placed = await paidOrder();
    await eventually(
      async () =>
        (await sql`select 1 from checkout.payment_ledger where order_id = ${placed.order.id}`)
          .length === 1,
    );
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
    // Adyen's CANCEL_OR_REFUND gives the whole payment back; the order stays CANCELLED.
    await eventually(async () => {
      const [payment] = await sql<[{ refunded: number }]>`
        select refunded_amount as refunded from checkout.payments where order_id = ${placed.order.id}`;
      return payment.refunded === placed.order.total.amount;
    });
    const [reversal] = await sql<[{ kind: string; status: string; requestedBy: string }]>`
      select kind, status, requested_by as "requestedBy" from checkout.payment_modifications
      where order_id = ${placed.order.id}`;
    expect(reversal).toEqual({
      kind: 'CANCEL',
      status: 'SUCCEEDED',
      requestedBy: `staff:${staffId}`,
    });
    expect(await statusOf(placed.order.id)).toBe('CANCELLED');
  });

  it('records checkout.order.paid in the transaction that pays the order', async () => {
    const placed = await paidOrder();
    expect(await eventsOf(placed.order.id)).toEqual([
      'checkout.order.placed',
      'checkout.order.paid',
      'checkout.payment.authorised',
    ]);
  });

  describe('refundOrder', () => {
    type Payment = {
      status: string;
      payment: {
        authorised: { amount: number };
        captured: { amount: number };
        refunded: { amount: number };
        modifications: Array<{ kind: string; status: string; amount: { amount: number } }>;
      };
    };
    const paymentOf = async (orderId: string) =>
      (await admin<Payment>(PAYMENT, { id: orderId })).data!.order!;
    /** A PAID order whose AUTHORISATION notification is in its ledger. */
    const ledgeredOrder = async () => {
      const placed = await paidOrder();
      await eventually(
        async () => (await paymentOf(placed.order.id)).payment.authorised.amount > 0,
      );
      return placed;
    };
    const modificationCount = async () =>
      (await sql<[{ n: number }]>`select count(*)::int as n from checkout.payment_modifications`)[0]
        .n;

    it('refunds part, then the rest, each completed by its REFUND notification', async () => {
      const placed = await ledgeredOrder();
      const total = placed.order.total.amount;
      const first = await admin(REFUND, { id: placed.order.id, amount: 300, reason: 'scratched' });
      expect(first.errors).toBeUndefined();
      expect(first.data!.refundOrder).toMatchObject({
        __typename: 'RefundRequested',
        refund: {
          kind: 'REFUND',
          status: 'RECEIVED',
          reason: 'scratched',
          amount: { amount: 300, currencyCode: 'EUR' },
          pspReference: expect.any(String),
        },
      });
      await eventually(async () => (await statusOf(placed.order.id)) === 'PARTIALLY_REFUNDED');
      expect(await paymentOf(placed.order.id)).toMatchObject({
        payment: {
          captured: { amount: total },
          refunded: { amount: 300 },
          modifications: [{ kind: 'REFUND', status: 'SUCCEEDED', amount: { amount: 300 } }],
        },
      });

      const rest = await admin(REFUND, {
        id: placed.order.id,
        amount: total - 300,
        reason: 'gone',
      });
      expect(rest.data!.refundOrder).toMatchObject({ __typename: 'RefundRequested' });
      await eventually(async () => (await statusOf(placed.order.id)) === 'REFUNDED');
      expect((await paymentOf(placed.order.id)).payment.refunded.amount).toBe(total);
      const events = await eventsOf(placed.order.id);
      expect(events.filter((name) => name === 'checkout.order.refunded')).toHaveLength(2);
      const [audit] = await sql<[{ payload: Record<string, unknown> }]>`
        select payload from checkout.outbox_events
        where name = 'checkout.admin-action.recorded' and payload->>'action' = 'refundOrder'
          and payload->'target'->>'id' = ${placed.order.id} order by occurred_at limit 1`;
      expect(audit.payload).toMatchObject({
        actor: { kind: 'staff', id: staffId },
        details: { amount: 300, currency: 'EUR', reason: 'scratched' },
      });

      // Nothing is left: a further refund is refused and writes nothing.
      const before = await modificationCount();
      const more = await admin(REFUND, { id: placed.order.id, amount: 1, reason: 'again' });
      expect(more.data!.refundOrder).toEqual({
        __typename: 'RefundNotPossible',
        code: 'REFUND_NOT_POSSIBLE',
        orderId: placed.order.id,
        refundable: { amount: 0, currencyCode: 'EUR' },
      });
      expect(await modificationCount()).toBe(before);
    });

    it('never refunds more than was captured, also under parallel requests', async () => {
      const placed = await ledgeredOrder();
      const total = placed.order.total.amount;
      const part = Math.floor(total / 3) + 1; // two fit, a third does not
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          admin(REFUND, { id: placed.order.id, amount: part, reason: `parallel ${i}` }),
        ),
      );
      const kinds = answers.map((answer) => answer.data!.refundOrder!.__typename).sort();
      expect(kinds).toEqual([
        'RefundNotPossible',
        'RefundNotPossible',
        'RefundNotPossible',
        'RefundNotPossible',
        'RefundRequested',
        'RefundRequested',
      ]);
      await eventually(
        async () => (await paymentOf(placed.order.id)).payment.refunded.amount === 2 * part,
      );
      expect(await statusOf(placed.order.id)).toBe('PARTIALLY_REFUNDED');
      const stored = await sql<Array<{ amount: number }>>`
        select amount from checkout.payment_modifications where order_id = ${placed.order.id}`;
      expect(stored.map((row) => row.amount)).toEqual([part, part]);
    });

    it('refuses bad input, unpaid and unknown orders, and callers without orders:manage, writing nothing', async () => {
      const placed = await ledgeredOrder();
      const pending = await order('APPROVED', 'test_4212345678910006'); // waits for 3-D Secure
      const before = await modificationCount();
      for (const [amount, reason] of [
        [0, 'zero'],
        [-5, 'negative'],
        [100, ''],
      ] as const) {
        const refused = await admin(REFUND, { id: placed.order.id, amount, reason });
        expect(refused.data!.refundOrder).toMatchObject({
          __typename: 'InvalidCheckoutInput',
          field: reason ? 'amount' : 'reason',
        });
      }
      const unpaid = await admin(REFUND, { id: pending.order.id, amount: 100, reason: 'x' });
      expect(unpaid.data!.refundOrder).toMatchObject({
        __typename: 'RefundNotPossible',
        refundable: { amount: 0 },
      });
      const tooMuch = await admin(REFUND, {
        id: placed.order.id,
        amount: placed.order.total.amount + 1,
        reason: 'x',
      });
      expect(tooMuch.data!.refundOrder).toMatchObject({
        __typename: 'RefundNotPossible',
        refundable: { amount: placed.order.total.amount },
      });
      for (const id of [randomUUID(), 'not-an-id']) {
        const missing = await admin(REFUND, { id, amount: 100, reason: 'x' });
        expect(missing.data!.refundOrder).toEqual({
          __typename: 'OrderNotFound',
          code: 'ORDER_NOT_FOUND',
          orderId: id,
        });
      }
      // A string amount never reaches the service: GraphQL refuses the variable.
      const typed = await admin(REFUND, { id: placed.order.id, amount: '100', reason: 'x' });
      expect(typed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const forbidden = await admin(
        REFUND,
        { id: placed.order.id, amount: 100, reason: 'x' },
        await staff(['stock:write']),
      );
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // Automatic capture: a paid order has nothing left to capture.
      const capture = await admin(
        'mutation($id: ID!) { captureOrder(orderId: $id) { __typename ... on CaptureNotPossible { capturable { amount } } } }',
        { id: placed.order.id },
      );
      expect(capture.data!.captureOrder).toEqual({
        __typename: 'CaptureNotPossible',
        capturable: { amount: 0 },
      });
      expect(await modificationCount()).toBe(before);
      expect(await statusOf(placed.order.id)).toBe('PAID');
    });
  });
});
