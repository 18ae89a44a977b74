import { randomBytes, randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, internalHeaders, signIdentityAssertion } from '@commerce-graph/kit';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { cartWith, orderInput, placeOrderOk, stockOf, variantPicker } from './support/shop.ts';

const catalog = buildDemoCatalog(12);
const INTERNAL_TOKEN = randomBytes(24).toString('base64url');

const CAPTURE = `mutation($id: ID!, $amount: Int) {
  captureOrder(orderId: $id, amount: $amount) {
    __typename
    ... on CaptureRequested { capture { kind status amount { amount } } order { status } }
    ... on CaptureNotPossible { code capturable { amount } }
  }
}`;
const REFUND = `mutation($id: ID!, $amount: Int!) {
  refundOrder(orderId: $id, amount: $amount, reason: "test") {
    __typename
    ... on RefundNotPossible { refundable { amount } }
  }
}`;

/** Adyen captures only when staff say so (`ADYEN_CAPTURE_MODE=manual`). */
describe('manual capture', () => {
  let shop: TestGraph;
  let sql: postgres.Sql;
  let checkoutUrl: string;
  const pickVariant = variantPicker(catalog);
  const staffId = randomUUID();

  const staff = async () => ({
    ...internalHeaders(INTERNAL_TOKEN),
    [IDENTITY_HEADER]: await signIdentityAssertion(INTERNAL_TOKEN, {
      kind: 'customer',
      customerId: staffId,
      sessionId: randomUUID(),
      permissions: ['orders:manage'],
    }),
  });
  const admin = async (query: string, variables: Record<string, unknown>) =>
    (
      await graphql<Record<string, Record<string, any>>>(
        checkoutUrl,
        query,
        variables,
        await staff(),
      )
    ).data!;
  const orderState = async (orderId: string) =>
    (
      await sql<[{ status: string; captured: number; authorised: number }]>`
        select o.status, p.captured_amount as captured, p.authorised_amount as authorised
        from checkout.orders o join checkout.payments p on p.order_id = o.id
        where o.id = ${orderId}`
    )[0];
  const eventNames = async (orderId: string) =>
    (
      await sql<Array<{ name: string }>>`
        select name from checkout.outbox_events where payload->>'orderId' = ${orderId}`
    ).map((row) => row.name);

  /** A guest's order of one unit, authorised by its webhook and waiting for its capture. */
  async function authorisedOrder() {
    const headers = internalHeaders(INTERNAL_TOKEN);
    const variantId = pickVariant(1).id;
    const cartId = await cartWith(
      { cart: shop.url('cart'), checkout: checkoutUrl },
      [{ variantId, quantity: 1 }],
      headers,
    );
    const placed = await placeOrderOk(checkoutUrl, orderInput(cartId), headers);
    await eventually(async () => (await orderState(placed.order.id)).authorised > 0);
    return { ...placed, variantId };
  }

  beforeAll(async () => {
    shop = await startTestGraph(queueBackends()[0]!, {
      catalog,
      internalToken: INTERNAL_TOKEN,
      captureMode: 'manual',
    });
    sql = shop.sql;
    checkoutUrl = shop.url('checkout');
  });
  afterAll(async () => {
    await shop?.close();
  });

  it('keeps an authorised order AUTHORISED with its stock sold, then captures part, making it PAID', async () => {
    const placed = await authorisedOrder();
    const total = placed.order.total.amount;
    expect(await orderState(placed.order.id)).toEqual({
      status: 'AUTHORISED',
      captured: 0,
      authorised: total,
    });
    // The stock is sold on the authorisation: the money is held for the shop.
    await eventually(async () => (await stockOf(sql, placed.variantId)).reserved === 0);
    expect(await eventNames(placed.order.id)).not.toContain('checkout.order.paid');
    // Nothing captured, nothing to refund.
    expect((await admin(REFUND, { id: placed.order.id, amount: 1 })).refundOrder).toEqual({
      __typename: 'RefundNotPossible',
      refundable: { amount: 0 },
    });

    const part = Math.floor(total / 2);
    expect((await admin(CAPTURE, { id: placed.order.id, amount: part })).captureOrder).toEqual({
      __typename: 'CaptureRequested',
      capture: { kind: 'CAPTURE', status: 'RECEIVED', amount: { amount: part } },
      order: { status: 'AUTHORISED' },
    });
    await eventually(async () => (await orderState(placed.order.id)).status === 'PAID');
    expect(await orderState(placed.order.id)).toMatchObject({ captured: part });
    expect(await eventNames(placed.order.id)).toContain('checkout.order.paid');
    // Refunds reach as far as the capture, no further; a PAID order takes no more captures.
    expect((await admin(REFUND, { id: placed.order.id, amount: part + 1 })).refundOrder).toEqual({
      __typename: 'RefundNotPossible',
      refundable: { amount: part },
    });
    expect((await admin(CAPTURE, { id: placed.order.id })).captureOrder).toEqual({
      __typename: 'CaptureNotPossible',
      code: 'CAPTURE_NOT_POSSIBLE',
      capturable: { amount: 0 },
    });
  });

  it('cancels an authorised order at Adyen: the authorisation is voided, nothing captured', async () => {
    const placed = await authorisedOrder();
    const cancelled = await admin(
      'mutation($id: ID!) { cancelOrder(orderId: $id, reason: "customer changed their mind") { __typename } }',
      { id: placed.order.id },
    );
    expect(cancelled.cancelOrder).toEqual({ __typename: 'OrderUpdated' });
    await eventually(async () => {
      const [payment] = await sql<[{ status: string }]>`
        select status from checkout.payments where order_id = ${placed.order.id}`;
      return payment.status === 'CANCELLED';
    });
    expect(await orderState(placed.order.id)).toMatchObject({ status: 'CANCELLED', captured: 0 });
  });

  it('captures the whole authorisation once, also under parallel requests', async () => {
    const placed = await authorisedOrder();
    const total = placed.order.total.amount;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => admin(CAPTURE, { id: placed.order.id })),
    );
    expect(answers.map((answer) => answer.captureOrder!.__typename).sort()).toEqual([
      'CaptureNotPossible',
      'CaptureNotPossible',
      'CaptureNotPossible',
      'CaptureRequested',
    ]);
    await eventually(async () => (await orderState(placed.order.id)).status === 'PAID');
    expect(await orderState(placed.order.id)).toMatchObject({ captured: total });
    const captures = await sql`
      select 1 from checkout.payment_modifications where order_id = ${placed.order.id}`;
    expect(captures).toHaveLength(1);
  });
});
