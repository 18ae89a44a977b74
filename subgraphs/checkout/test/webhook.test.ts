import { randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildNotification,
  createAdyenSimulator,
  type AdyenSimulator,
  type Notification,
  type NotificationItemInput,
} from '@commerce-graph/adyen-simulator';
import { startCart } from '@commerce-graph/cart';
import { startInventory } from '@commerce-graph/inventory';
import type { QueueConnectionConfig, RunningService } from '@commerce-graph/kit';
import { startProducts } from '@commerce-graph/products';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { migrateAll, seedDemoData } from '../../../scripts/graph.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { startCheckout, startNotificationWorker } from '../src/app.ts';
import {
  cartWith,
  fetchOrder,
  orderInput,
  outboxEventsOf,
  placeOrderOk,
  stockOf,
  variantPicker,
} from './support/shop.ts';

const catalog = buildDemoCatalog(30);
const ADYEN = {
  apiKey: `test_${randomBytes(8).toString('hex')}`,
  hmacKeyHex: randomBytes(32).toString('hex'),
  merchantAccount: 'CommerceGraphTest',
};

/**
 * The graph's subgraphs wired as `startGraph` wires them, but with an Adyen simulator whose HMAC
 * key the test knows, and with no webhook URL: every notification is posted by the test itself.
 */
async function startShop(
  databaseUrl: string,
  queue: QueueConnectionConfig,
  /** Notifications applied by a notification worker process's code, not by the subgraph. */
  split: boolean,
) {
  const started: Array<{ close(): Promise<void> }> = [];
  const close = async () => {
    for (const service of started.reverse()) await service.close();
  };
  try {
    await migrateAll(databaseUrl);
    await seedDemoData(databaseUrl, catalog);
    const common = { databaseUrl, port: 0, migrate: false, logLevel: 'silent' };
    const simulator: AdyenSimulator = createAdyenSimulator({ ...ADYEN, log: () => undefined });
    const simulatorUrl = await simulator.listen(0);
    started.push(simulator);
    const products = await startProducts({ ...common, queue });
    started.push(products);
    const inventory = await startInventory({ ...common, queue });
    started.push(inventory);
    const cart = await startCart({ ...common, queue, productsUrl: products.url });
    started.push(cart);
    const config = {
      ...common,
      queue,
      cartUrl: cart.url,
      inventoryUrl: inventory.url,
      returnUrl: 'http://localhost:3000/checkout/return',
      adyen: { ...ADYEN, environment: 'TEST' as const, simulatorUrl },
      notificationWorker: !split,
    };
    const checkout: RunningService = await startCheckout(config);
    started.push(checkout);
    if (split) started.push(await startNotificationWorker(config));
    return {
      simulator,
      cartUrl: cart.url,
      checkoutUrl: checkout.url,
      webhookUrl: checkout.url.replace(/\/graphql$/, '/webhooks/adyen'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

for (const backend of queueBackends()) {
  // On Redis the subgraph only stores and queues, and a notification worker applies them, as
  // a split deployment runs (CHECKOUT_NOTIFICATION_WORKER=false beside `pnpm notifications`).
  const split = backend.name === 'redis';
  describe(`POST /webhooks/adyen (BullMQ on ${backend.name}${split ? ', separate notification worker' : ''})`, () => {
    let database: TestDatabase;
    let shop: Awaited<ReturnType<typeof startShop>>;
    let sql: postgres.Sql;
    const pickVariant = variantPicker(catalog);

    beforeAll(async () => {
      database = await createTestDatabase();
      shop = await startShop(database.url, backend.config(database.url), split);
      sql = postgres(database.url, { max: 2, onnotice: () => undefined });
    });

    afterAll(async () => {
      await shop?.close();
      await sql?.end();
      await database?.drop();
    });

    /** Posts a webhook body (an object is sent as JSON) the way Adyen does. */
    async function deliver(body: unknown): Promise<{ status: number; text: string }> {
      const response = await fetch(shop.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    }

    /** An order placed and answered Authorised by the simulator, still waiting for its webhook. */
    async function pendingOrder() {
      const variant = pickVariant(1);
      const cartId = await cartWith({ cart: shop.cartUrl, checkout: shop.checkoutUrl }, [
        { variantId: variant.id, quantity: 1 },
      ]);
      const placed = await placeOrderOk(shop.checkoutUrl, orderInput(cartId));
      expect(placed.order.status).toBe('PENDING_PAYMENT');
      expect(placed.payment.pspReference).toBeTruthy();
      return { ...placed, variant, pspReference: placed.payment.pspReference! };
    }

    /** What Adyen states about an order's payment, signed later with `sign`. */
    const authorisationOf = (
      order: Awaited<ReturnType<typeof pendingOrder>>,
      overrides: Partial<NotificationItemInput> = {},
    ): NotificationItemInput => ({
      eventCode: 'AUTHORISATION',
      pspReference: order.pspReference,
      merchantAccountCode: ADYEN.merchantAccount,
      merchantReference: order.order.id,
      amount: { currency: 'EUR', value: order.order.total.amount },
      success: true,
      paymentMethod: 'visa',
      ...overrides,
    });

    const sign = (items: NotificationItemInput | NotificationItemInput[], key = ADYEN.hmacKeyHex) =>
      buildNotification(items, key);

    const storedNotifications = async (pspReference: string) =>
      sql<Array<{ eventCode: string; processed: boolean; outcome: string | null }>>`
        select event_code as "eventCode", processed_at is not null as processed, outcome
        from checkout.adyen_notifications where psp_reference = ${pspReference}
        order by received_at`;

    const notificationCount = async () =>
      (
        await sql<Array<{ n: number }>>`select count(*)::int as n from checkout.adyen_notifications`
      )[0]!.n;

    /** Waits until the worker has processed the one stored notification and returns its outcome. */
    const processedOutcome = (pspReference: string) =>
      eventually(async () => {
        const rows = await storedNotifications(pspReference);
        return rows.length === 1 && rows[0]!.processed ? rows[0]!.outcome : null;
      });

    describe('rejects, storing nothing,', () => {
      /** Delivers `body`, expects `status`, and checks that no notification row appeared. */
      async function expectRejected(body: unknown, status: number) {
        const before = await notificationCount();
        const response = await deliver(body);
        expect(response.status).toBe(status);
        expect(response.text).not.toBe('[accepted]');
        expect(await notificationCount()).toBe(before);
      }

      /** A correctly signed AUTHORISATION for a payment nobody knows; tests break it. */
      const genuine = (): Notification =>
        sign({
          eventCode: 'AUTHORISATION',
          pspReference: randomBytes(8).toString('hex').toUpperCase(),
          merchantAccountCode: ADYEN.merchantAccount,
          merchantReference: randomUUID(),
          amount: { currency: 'EUR', value: 4_999 },
          success: true,
        });
      const itemOf = (body: Notification) => body.notificationItems[0]!.NotificationRequestItem;

      it('a body that is not JSON, with 400', async () => {
        await expectRejected('{"live": "false", "notificationItems": [', 400);
      });

      it('JSON that is not an Adyen notification, with 400', async () => {
        await expectRejected({ hello: 'world' }, 400);
        await expectRejected({ live: 'false', notificationItems: [] }, 400);
        const amountAsString = genuine();
        (itemOf(amountAsString).amount as unknown as { value: string }).value = '4999';
        await expectRejected(amountAsString, 400);
      });

      it('an item without hmacSignature, with 401', async () => {
        const body = genuine();
        delete itemOf(body).additionalData!.hmacSignature;
        await expectRejected(body, 401);
        delete itemOf(body).additionalData;
        await expectRejected(body, 401);
      });

      it('an item signed with another key, with 401', async () => {
        const body = sign(
          {
            eventCode: 'AUTHORISATION',
            pspReference: randomBytes(8).toString('hex').toUpperCase(),
            merchantAccountCode: ADYEN.merchantAccount,
            merchantReference: randomUUID(),
            amount: { currency: 'EUR', value: 4_999 },
            success: true,
          },
          randomBytes(32).toString('hex'),
        );
        await expectRejected(body, 401);
        const garbage = genuine();
        itemOf(garbage).additionalData!.hmacSignature = 'not base64 at all';
        await expectRejected(garbage, 401);
      });

      it('an item whose amount was changed after signing, with 401', async () => {
        const body = genuine();
        itemOf(body).amount.value = 1;
        await expectRejected(body, 401);
      });

      it('a whole batch when one of its items is forged, with 401', async () => {
        const valid = genuine();
        const forged = genuine();
        itemOf(forged).success = 'false';
        await expectRejected(
          {
            ...valid,
            notificationItems: [...valid.notificationItems, ...forged.notificationItems],
          },
          401,
        );
      });
    });

    // Answering an error would make Adyen retry a genuine item for days.
    it('acknowledges a signed item of another merchant account or environment, storing nothing', async () => {
      const foreign: NotificationItemInput = {
        eventCode: 'AUTHORISATION',
        pspReference: randomBytes(8).toString('hex').toUpperCase(),
        merchantAccountCode: 'SomeoneElsesAccount',
        merchantReference: randomUUID(),
        amount: { currency: 'EUR', value: 4_999 },
        success: true,
      };
      const before = await notificationCount();
      expect(await deliver(sign(foreign))).toEqual({ status: 200, text: '[accepted]' });
      const live = {
        ...sign({ ...foreign, merchantAccountCode: ADYEN.merchantAccount }),
        live: 'true',
      };
      expect(await deliver(live)).toEqual({ status: 200, text: '[accepted]' });
      // In a batch, the item of ours is stored and applied, the foreign one is not.
      const order = await pendingOrder();
      expect(await deliver(sign([foreign, authorisationOf(order)]))).toEqual({
        status: 200,
        text: '[accepted]',
      });
      expect(await processedOutcome(order.pspReference)).toBe('applied: authorised');
      expect(await notificationCount()).toBe(before + 1);
    });

    it('acknowledges a signed AUTHORISATION with exactly [accepted], and the worker makes the order PAID', async () => {
      const order = await pendingOrder();
      const before = await stockOf(sql, order.variant.id);

      const response = await deliver(sign(authorisationOf(order)));
      expect(response).toEqual({ status: 200, text: '[accepted]' });

      expect(await processedOutcome(order.pspReference)).toBe('applied: authorised');
      expect(await fetchOrder(shop.checkoutUrl, order)).toMatchObject({
        status: 'PAID',
        payment: { status: 'AUTHORISED', pspReference: order.pspReference },
      });
      await eventually(async () => (await stockOf(sql, order.variant.id)).reserved === 0);
      expect((await stockOf(sql, order.variant.id)).onHand).toBe(before.onHand - 1);
    });

    it('stores a notification delivered three times once and applies it once', async () => {
      const order = await pendingOrder();
      const body = sign(authorisationOf(order));

      for (let i = 0; i < 3; i++)
        expect(await deliver(body)).toEqual({ status: 200, text: '[accepted]' });
      expect(await processedOutcome(order.pspReference)).toBe('applied: authorised');
      // A redelivery after processing is acknowledged and changes nothing either.
      expect(await deliver(body)).toEqual({ status: 200, text: '[accepted]' });

      expect(await storedNotifications(order.pspReference)).toHaveLength(1);
      expect(await outboxEventsOf(sql, order.order.id)).toEqual([
        'checkout.order.placed',
        'checkout.order.paid',
        'checkout.payment.authorised',
      ]);
      expect((await fetchOrder(shop.checkoutUrl, order))?.status).toBe('PAID');
    });

    it('stores parallel redeliveries of the same notification once', async () => {
      const order = await pendingOrder();
      const body = sign(authorisationOf(order));

      const responses = await Promise.all([deliver(body), deliver(body), deliver(body)]);
      expect(responses).toEqual(Array(3).fill({ status: 200, text: '[accepted]' }));
      expect(await processedOutcome(order.pspReference)).toBe('applied: authorised');
      expect(await outboxEventsOf(sql, order.order.id)).toEqual([
        'checkout.order.placed',
        'checkout.order.paid',
        'checkout.payment.authorised',
      ]);
    });

    // Known bug, src/webhook.ts: the batch insert's ON CONFLICT DO UPDATE meets the same key twice
    // in one statement, Postgres refuses ("cannot affect row a second time"), the route answers
    // 500 and Adyen would retry the whole batch, every other item in it included, for 30 days.
    it('accepts a batch that carries the same item twice, storing it once', async () => {
      const order = await pendingOrder();
      const item = authorisationOf(order);
      const response = await deliver(sign([item, item]));
      expect(response).toEqual({ status: 200, text: '[accepted]' });
      expect(await processedOutcome(order.pspReference)).toBe('applied: authorised');
    });

    it('stores an unknown event code, marks it processed with an outcome and changes no order', async () => {
      const order = await pendingOrder();
      const report = authorisationOf(order, {
        eventCode: 'REPORT_AVAILABLE',
        pspReference: randomBytes(8).toString('hex').toUpperCase(),
        reason: 'https://ca-test.adyen.com/reports/download/settlement_detail_report_batch_1.csv',
      });

      expect(await deliver(sign(report))).toEqual({ status: 200, text: '[accepted]' });
      expect(await processedOutcome(report.pspReference)).toBe(
        'recorded: REPORT_AVAILABLE (success true) moves no money',
      );
      expect(await fetchOrder(shop.checkoutUrl, order)).toMatchObject({
        status: 'PENDING_PAYMENT',
        payment: { status: 'PENDING' },
      });
      expect(await outboxEventsOf(sql, order.order.id)).toEqual(['checkout.order.placed']);
    });

    it('stores an AUTHORISATION for an unknown payment and processes it as ignored', async () => {
      const stranger: NotificationItemInput = {
        eventCode: 'AUTHORISATION',
        pspReference: randomBytes(8).toString('hex').toUpperCase(),
        merchantAccountCode: ADYEN.merchantAccount,
        merchantReference: randomUUID(),
        amount: { currency: 'EUR', value: 1_234 },
        success: true,
      };
      expect(await deliver(sign(stranger))).toEqual({ status: 200, text: '[accepted]' });
      expect(await processedOutcome(stranger.pspReference)).toBe('ignored: no payment matches');
      expect(await outboxEventsOf(sql, stranger.merchantReference)).toEqual([]);
    });

    it('records a CAPTURE that overtakes its AUTHORISATION, keeps the order waiting, then makes it PAID', async () => {
      const order = await pendingOrder();
      const capture = authorisationOf(order, {
        eventCode: 'CAPTURE',
        pspReference: randomBytes(8).toString('hex').toUpperCase(),
        originalReference: order.pspReference,
      });

      expect(await deliver(sign(capture))).toEqual({ status: 200, text: '[accepted]' });
      expect(await processedOutcome(capture.pspReference)).toBe(
        `applied: captured ${capture.amount.value} EUR`,
      );
      expect((await fetchOrder(shop.checkoutUrl, order))?.status).toBe('PENDING_PAYMENT');

      expect(await deliver(sign(authorisationOf(order)))).toEqual({
        status: 200,
        text: '[accepted]',
      });
      expect(await processedOutcome(order.pspReference)).toBe('applied: authorised');
      expect(await fetchOrder(shop.checkoutUrl, order)).toMatchObject({
        status: 'PAID',
        payment: { status: 'AUTHORISED' },
      });
    });

    describe('the payment ledger', () => {
      const psp = () => randomBytes(8).toString('hex').toUpperCase();
      type Order = Awaited<ReturnType<typeof pendingOrder>>;
      /** A modification notification of `order`'s payment (its own pspReference). */
      const modification = (
        order: Order,
        eventCode: string,
        value: number,
        overrides: Partial<NotificationItemInput> = {},
      ) =>
        authorisationOf(order, {
          eventCode,
          pspReference: psp(),
          originalReference: order.pspReference,
          amount: { currency: 'EUR', value },
          ...overrides,
        });
      /** Delivers items one request each (or `batch`), then waits until all are processed. */
      async function deliverAll(items: NotificationItemInput[], batch = false) {
        const bodies = batch ? [sign(items)] : items.map((item) => sign(item));
        for (const body of bodies) {
          expect(await deliver(body)).toEqual({ status: 200, text: '[accepted]' });
        }
        const references = [...new Set(items.map((item) => item.pspReference))];
        await eventually(async () => {
          const [row] = await sql<[{ waiting: number }]>`
            select count(*)::int as waiting from checkout.adyen_notifications
            where psp_reference in ${sql(references)} and processed_at is null`;
          return row.waiting === 0;
        });
      }
      /** The payment's stored sums, checked against its ledger rows, and the order's status. */
      async function moneyOf(order: Order) {
        const [payment] = await sql<
          [
            {
              authorised: number;
              captured: number;
              refunded: number;
              chargedBack: number;
              status: string;
            },
          ]
        >`
          select p.authorised_amount as authorised, p.captured_amount as captured,
                 p.refunded_amount as refunded, p.charged_back_amount as "chargedBack", p.status
          from checkout.payments p where p.order_id = ${order.order.id}`;
        const entries = await sql<Array<{ kind: string; amount: number }>>`
          select kind, amount from checkout.payment_ledger where order_id = ${order.order.id}`;
        const sum = (kind: string) =>
          entries.filter((e) => e.kind === kind).reduce((total, e) => total + e.amount, 0);
        expect(payment.authorised).toBe(sum('AUTHORISED'));
        expect(payment.refunded).toBe(Math.max(0, sum('REFUNDED') - sum('REFUND_FAILED')));
        expect(payment.chargedBack).toBe(
          Math.max(0, sum('CHARGED_BACK') - sum('CHARGEBACK_REVERSED')),
        );
        const view = await fetchOrder(shop.checkoutUrl, order);
        return { ...payment, order: view!.status, entries: entries.length };
      }

      it('follows capture, partial and full refunds, one entry per notification', async () => {
        const order = await pendingOrder();
        const total = order.order.total.amount;
        await deliverAll([authorisationOf(order), modification(order, 'CAPTURE', total)]);
        expect(await moneyOf(order)).toMatchObject({ captured: total, order: 'PAID', entries: 2 });

        const first = modification(order, 'REFUND', 100);
        await deliverAll([first, first]); // a redelivery
        expect(await moneyOf(order)).toMatchObject({
          refunded: 100,
          order: 'PARTIALLY_REFUNDED',
          entries: 3,
        });
        await deliverAll([modification(order, 'REFUND', total - 100)]);
        expect(await moneyOf(order)).toMatchObject({ refunded: total, order: 'REFUNDED' });
        expect(
          (await outboxEventsOf(sql, order.order.id)).filter(
            (e) => e === 'checkout.order.refunded',
          ),
        ).toHaveLength(2);
        // A refund that failed after all gives the money back to the merchant: PARTIALLY_REFUNDED.
        await deliverAll([
          modification(order, 'REFUND_FAILED', total - 100, { pspReference: psp() }),
        ]);
        expect(await moneyOf(order)).toMatchObject({ refunded: 100, order: 'PARTIALLY_REFUNDED' });
      });

      it('ends in the same state when refunds overtake the authorisation, batched and duplicated', async () => {
        const order = await pendingOrder();
        const total = order.order.total.amount;
        const before = await stockOf(sql, order.variant.id);
        const refunds = [
          modification(order, 'REFUND', 200),
          modification(order, 'REFUND', total - 200),
        ];
        await deliverAll([...refunds, refunds[0]!], true);
        // No authorisation yet: the money is recorded, the order waits.
        expect(await moneyOf(order)).toMatchObject({
          authorised: 0,
          refunded: total,
          order: 'PENDING_PAYMENT',
        });
        await deliverAll([authorisationOf(order), authorisationOf(order)], true);
        expect(await moneyOf(order)).toMatchObject({
          authorised: total,
          refunded: total,
          order: 'REFUNDED',
          entries: 3,
        });
        // It was paid on the way (its stock sold), then refunded.
        expect(await outboxEventsOf(sql, order.order.id)).toEqual(
          expect.arrayContaining(['checkout.order.paid', 'checkout.order.refunded']),
        );
        await eventually(async () => (await stockOf(sql, order.variant.id)).reserved === 0);
        expect((await stockOf(sql, order.variant.id)).onHand).toBe(before.onHand - 1);
      });

      it('takes a chargeback as money back, and its reversal as money kept', async () => {
        const order = await pendingOrder();
        const total = order.order.total.amount;
        await deliverAll([authorisationOf(order)]);
        const chargeback = modification(order, 'CHARGEBACK', total);
        await deliverAll([chargeback]);
        expect(await moneyOf(order)).toMatchObject({ chargedBack: total, order: 'REFUNDED' });
        await deliverAll([modification(order, 'CHARGEBACK_REVERSED', total)]);
        expect(await moneyOf(order)).toMatchObject({ chargedBack: 0, order: 'PAID' });
      });

      it('cancels the order on a CANCELLATION before capture, and ignores failed modifications', async () => {
        const order = await pendingOrder();
        const total = order.order.total.amount;
        await deliverAll([authorisationOf(order)]);
        await deliverAll([
          modification(order, 'REFUND', total, { success: false, reason: 'Insufficient balance' }),
        ]);
        expect(await moneyOf(order)).toMatchObject({ refunded: 0, order: 'PAID', entries: 1 });
        await deliverAll([modification(order, 'CANCELLATION', total)]);
        expect(await moneyOf(order)).toMatchObject({
          captured: 0,
          status: 'CANCELLED',
          order: 'CANCELLED',
        });
        expect(await outboxEventsOf(sql, order.order.id)).toContain('checkout.order.cancelled');
      });

      it('applies a CANCEL_OR_REFUND as Adyen says it went', async () => {
        const order = await pendingOrder();
        const total = order.order.total.amount;
        await deliverAll([authorisationOf(order)]);
        await deliverAll([
          modification(order, 'CANCEL_OR_REFUND', total, {
            additionalData: { 'modification.action': 'refund' },
          }),
        ]);
        expect(await moneyOf(order)).toMatchObject({ refunded: total, order: 'REFUNDED' });
      });

      it('drops the body of a notification whose order was erased meanwhile (GDPR)', async () => {
        const order = await pendingOrder();
        // As an erasure leaves it: the notification arrives after the bodies were pruned.
        await sql`update checkout.orders set anonymised_at = now() where id = ${order.order.id}`;
        await deliverAll([authorisationOf(order)]);
        const [row] = await sql<[{ item: unknown; outcome: string }]>`
          select item, outcome from checkout.adyen_notifications
          where psp_reference = ${order.pspReference}`;
        expect(row).toEqual({ item: null, outcome: 'applied: authorised' });
      });

      it('applies the right AUTHORISATION after one with a wrong amount for the same reference', async () => {
        const order = await pendingOrder();
        const total = order.order.total.amount;
        await deliverAll([
          authorisationOf(order, { amount: { currency: 'EUR', value: total - 1 } }),
        ]);
        expect(await moneyOf(order)).toMatchObject({ authorised: 0, order: 'PENDING_PAYMENT' });
        await deliverAll([authorisationOf(order)]);
        expect(await moneyOf(order)).toMatchObject({
          authorised: total,
          order: 'PAID',
          entries: 1,
        });
        const outcomes = await storedNotifications(order.pspReference);
        expect(outcomes.map((row) => row.outcome)).toEqual([
          `needs attention: authorised ${total - 1} EUR, expected ${total} EUR`,
          'applied: authorised',
        ]);
      });
    });

    it('fails the order and releases its stock on an AUTHORISATION with success "false"', async () => {
      const order = await pendingOrder();
      const before = await stockOf(sql, order.variant.id);
      expect(before.reserved).toBe(1);

      const refused = authorisationOf(order, { success: false, reason: 'FRAUD' });
      expect(await deliver(sign(refused))).toEqual({ status: 200, text: '[accepted]' });
      expect(await processedOutcome(order.pspReference)).toBe('applied: refused');
      expect(await fetchOrder(shop.checkoutUrl, order)).toMatchObject({
        status: 'PAYMENT_FAILED',
        payment: { status: 'REFUSED', refusalReason: 'FRAUD' },
      });
      await eventually(async () => (await stockOf(sql, order.variant.id)).reserved === 0);
      expect((await stockOf(sql, order.variant.id)).onHand).toBe(before.onHand);

      // A later, contradicting AUTHORISATION success=true cannot resurrect the failed order.
      expect(await deliver(sign(authorisationOf(order)))).toEqual({
        status: 200,
        text: '[accepted]',
      });
      const late = await eventually(async () => {
        const rows = await storedNotifications(order.pspReference);
        return rows.length === 2 && rows.every((r) => r.processed) ? rows : null;
      });
      expect(late[1]!.outcome).toBe(
        `applied: authorised ${order.order.total.amount} EUR after REFUSED, cancel requested`,
      );
      expect((await fetchOrder(shop.checkoutUrl, order))?.status).toBe('PAYMENT_FAILED');
    });

    describe('expireUnpaidOrder', () => {
      /** Inventory's call when an order's reservation expires. */
      const expireUnpaid = async (orderId: string) => {
        const response = await graphql<{ expireUnpaidOrder: string }>(
          shop.checkoutUrl,
          'mutation($id: ID!) { expireUnpaidOrder(orderId: $id) }',
          { id: orderId },
        );
        expect(response.errors).toBeUndefined();
        return response.data!.expireUnpaidOrder;
      };

      const outboxCount = async () =>
        (await sql<Array<{ n: number }>>`select count(*)::int as n from checkout.outbox_events`)[0]!
          .n;

      /** The cancellations checkout received back from the simulator for an order. */
      const cancellationsOf = async (orderId: string) =>
        (
          await sql<Array<{ n: number }>>`
            select count(*)::int as n from checkout.adyen_notifications
            where merchant_reference = ${orderId} and event_code in ('CANCELLATION', 'TECHNICAL_CANCEL')`
        )[0]!.n;

      /**
       * Checks that an order, its payment, its events, its stock and the notification about it
       * all tell the same story as the state `expireUnpaidOrder` answered.
       */
      async function expectConsistent(
        order: Awaited<ReturnType<typeof pendingOrder>>,
        state: string,
        stockBefore: { onHand: number },
      ) {
        const outcome = await processedOutcome(order.pspReference);
        const view = await fetchOrder(shop.checkoutUrl, order);
        if (state === 'PAID') {
          expect(outcome).toBe('applied: authorised');
          expect(view).toMatchObject({ status: 'PAID', payment: { status: 'AUTHORISED' } });
          expect(await outboxEventsOf(sql, order.order.id)).toEqual([
            'checkout.order.placed',
            'checkout.order.paid',
            'checkout.payment.authorised',
          ]);
          await eventually(async () => (await stockOf(sql, order.variant.id)).reserved === 0);
          expect((await stockOf(sql, order.variant.id)).onHand).toBe(stockBefore.onHand - 1);
        } else {
          expect(state).toBe('FAILED');
          // The authorisation came too late: recorded, and Adyen asked to give the money back.
          expect(outcome).toMatch(/^applied: authorised \d+ EUR after EXPIRED, cancel requested$/);
          expect(view).toMatchObject({ status: 'PAYMENT_FAILED', payment: { status: 'EXPIRED' } });
          expect(await outboxEventsOf(sql, order.order.id)).toEqual([
            'checkout.order.placed',
            'checkout.payment.failed',
          ]);
          await eventually(async () => (await stockOf(sql, order.variant.id)).reserved === 0);
          expect((await stockOf(sql, order.variant.id)).onHand).toBe(stockBefore.onHand);
        }
        // Asked again (inventory's job retried), it answers the same and changes nothing.
        const events = await outboxEventsOf(sql, order.order.id);
        expect(await expireUnpaid(order.order.id)).toBe(state);
        expect(await outboxEventsOf(sql, order.order.id)).toEqual(events);
      }

      it('answers NOT_FOUND for an unknown or malformed order id and writes nothing', async () => {
        const before = await outboxCount();
        expect(await expireUnpaid(randomUUID())).toBe('NOT_FOUND');
        expect(await expireUnpaid('not-an-order-id')).toBe('NOT_FOUND');
        expect(await expireUnpaid('')).toBe('NOT_FOUND');
        expect(await outboxCount()).toBe(before);
      });

      it('expires a PENDING payment as the payment expiry does, releases its stock and asks Adyen to cancel', async () => {
        const order = await pendingOrder();
        const before = await stockOf(sql, order.variant.id);
        // Cancellations come back to checkout as notifications: proof Adyen was asked.
        shop.simulator.setWebhookUrl(shop.webhookUrl);
        try {
          expect(await expireUnpaid(order.order.id)).toBe('FAILED');
          expect(await fetchOrder(shop.checkoutUrl, order)).toMatchObject({
            status: 'PAYMENT_FAILED',
            payment: { status: 'EXPIRED', resultCode: 'Expired' },
          });
          expect(await outboxEventsOf(sql, order.order.id)).toEqual([
            'checkout.order.placed',
            'checkout.payment.failed',
          ]);
          await eventually(async () => (await stockOf(sql, order.variant.id)).reserved === 0);
          expect((await stockOf(sql, order.variant.id)).onHand).toBe(before.onHand);
          await eventually(async () => (await cancellationsOf(order.order.id)) > 0);
        } finally {
          shop.simulator.setWebhookUrl(undefined);
        }
        // A second call finds it failed already: same answer, no second event.
        expect(await expireUnpaid(order.order.id)).toBe('FAILED');
        expect(await outboxEventsOf(sql, order.order.id)).toEqual([
          'checkout.order.placed',
          'checkout.payment.failed',
        ]);
      });

      it('answers PAID for an authorised order and changes nothing', async () => {
        const order = await pendingOrder();
        expect(await deliver(sign(authorisationOf(order)))).toEqual({
          status: 200,
          text: '[accepted]',
        });
        expect(await processedOutcome(order.pspReference)).toBe('applied: authorised');
        expect(await expireUnpaid(order.order.id)).toBe('PAID');
        expect((await fetchOrder(shop.checkoutUrl, order))?.status).toBe('PAID');
        expect(await outboxEventsOf(sql, order.order.id)).toEqual([
          'checkout.order.placed',
          'checkout.order.paid',
          'checkout.payment.authorised',
        ]);
      });

      it('answers FAILED for a refused payment without a second failure event', async () => {
        const order = await pendingOrder();
        expect(await deliver(sign(authorisationOf(order, { success: false })))).toEqual({
          status: 200,
          text: '[accepted]',
        });
        expect(await processedOutcome(order.pspReference)).toBe('applied: refused');
        expect(await expireUnpaid(order.order.id)).toBe('FAILED');
        expect(await fetchOrder(shop.checkoutUrl, order)).toMatchObject({
          status: 'PAYMENT_FAILED',
          payment: { status: 'REFUSED' },
        });
        expect(await outboxEventsOf(sql, order.order.id)).toEqual([
          'checkout.order.placed',
          'checkout.payment.failed',
        ]);
      });

      it('records an authorisation that arrives after the expiry as needing attention', async () => {
        const order = await pendingOrder();
        const before = await stockOf(sql, order.variant.id);
        expect(await expireUnpaid(order.order.id)).toBe('FAILED');
        expect(await deliver(sign(authorisationOf(order)))).toEqual({
          status: 200,
          text: '[accepted]',
        });
        await expectConsistent(order, 'FAILED', before);
      });

      // Guards the row lock: an expiry racing an authorisation must never leave a PAID order
      // whose stock was released, nor a failed order that took the money silently.
      it('gives a consistent answer when it races the authorisation of the same payment', async () => {
        const orders = [];
        for (let i = 0; i < 8; i++) orders.push(await pendingOrder());
        const before = await Promise.all(orders.map((o) => stockOf(sql, o.variant.id)));
        const states = await Promise.all(
          orders.map(async (order, i) => {
            expect(await deliver(sign(authorisationOf(order)))).toEqual({
              status: 200,
              text: '[accepted]',
            });
            // The worker is picking the notification up now: staggered expiries meet it before,
            // during and after its transaction (which one wins does not matter, consistency does).
            await new Promise((resolve) => setTimeout(resolve, i * 10));
            return expireUnpaid(order.order.id);
          }),
        );
        for (const [i, order] of orders.entries()) {
          await expectConsistent(order, states[i]!, before[i]!);
        }
      });
    });
  });
}
