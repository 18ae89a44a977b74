import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdyenSimulator, type AdyenSimulator } from '@commerce-graph/adyen-simulator';
import { startCart } from '@commerce-graph/cart';
import { startInventory } from '@commerce-graph/inventory';
import { startProducts } from '@commerce-graph/products';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { migrateAll, seedDemoData } from '../../../scripts/graph.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { startCheckout } from '../src/app.ts';
import {
  CARD,
  cartWith,
  fetchOrder,
  orderInput,
  placeOrderOk,
  variantPicker,
} from './support/shop.ts';

const catalog = buildDemoCatalog(30);
const ADYEN = {
  apiKey: `test_${randomBytes(8).toString('hex')}`,
  hmacKeyHex: randomBytes(32).toString('hex'),
  merchantAccount: 'CommerceGraphTest',
};

/**
 * Stands between the simulator and checkout's webhook route: forwards requests and answers
 * while `down` is false, answers 503 itself while it is true (an outage of the receiver).
 */
async function startOutageProxy(target: string) {
  const state = { down: true, refused: 0, forwarded: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (state.down) {
        state.refused += 1;
        res.writeHead(503).end('down for maintenance');
        return;
      }
      state.forwarded += 1;
      fetch(target, {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type']) },
        body: Buffer.concat(chunks),
      })
        .then(async (response) => {
          res.writeHead(response.status, { 'content-type': 'text/plain' });
          res.end(await response.text());
        })
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/adyen`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const [backend] = queueBackends();

describe('webhook delivery faults against checkout', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  let simulator: AdyenSimulator;
  let proxy: Awaited<ReturnType<typeof startOutageProxy>>;
  let cartUrl: string;
  let checkoutUrl: string;
  const started: Array<{ close(): Promise<void> }> = [];
  const pickVariant = variantPicker(catalog);

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = postgres(database.url, { max: 2, onnotice: () => undefined });
    await migrateAll(database.url);
    await seedDemoData(database.url, catalog);
    const queue = backend!.config(database.url);
    const common = { databaseUrl: database.url, port: 0, migrate: false, logLevel: 'silent' };
    simulator = createAdyenSimulator({
      ...ADYEN,
      webhookDelayMs: 0,
      retryDelaysMs: [20, 50, 100],
      webhookGiveUpAfterMs: 10_000,
      // Everything is held until flushWebhooks(), then shuffled, with every 3rd POST doubled.
      webhookFaults: { reorderWindow: 50, holdMs: 60_000, duplicateEvery: 3, seed: 20261204 },
      log: () => undefined,
    });
    const simulatorUrl = await simulator.listen(0);
    started.push(simulator);
    const products = await startProducts({ ...common, queue });
    started.push(products);
    const inventory = await startInventory({ ...common, queue });
    started.push(inventory);
    const cart = await startCart({ ...common, queue, productsUrl: products.url });
    started.push(cart);
    const checkout = await startCheckout({
      ...common,
      queue,
      cartUrl: cart.url,
      inventoryUrl: inventory.url,
      returnUrl: 'http://localhost:3000/checkout/return',
      adyen: { ...ADYEN, environment: 'TEST' as const, simulatorUrl },
      notificationWorker: true,
    });
    started.push(checkout);
    cartUrl = cart.url;
    checkoutUrl = checkout.url;
    proxy = await startOutageProxy(checkout.url.replace(/\/graphql$/, '/webhooks/adyen'));
    started.push(proxy);
    simulator.setWebhookUrl(proxy.url);
  });

  afterAll(async () => {
    for (const service of started.reverse()) await service.close();
    await sql?.end();
    await database?.drop();
  });

  async function placed(holderName = 'APPROVED') {
    const variant = pickVariant(1);
    const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
      { variantId: variant.id, quantity: 1 },
    ]);
    const order = await placeOrderOk(
      checkoutUrl,
      orderInput(cartId, { paymentMethod: { ...CARD, holderName } }),
    );
    return { ...order, pspReference: order.payment.pspReference! };
  }

  /** The payment's sums as stored, checked against its ledger rows. */
  async function moneyOf(orderId: string) {
    const [payment] = await sql<
      [{ authorised: number; captured: number; refunded: number; chargedBack: number }]
    >`
      select authorised_amount as authorised, captured_amount as captured,
             refunded_amount as refunded, charged_back_amount as "chargedBack"
      from checkout.payments where order_id = ${orderId}`;
    const entries = await sql<Array<{ kind: string; amount: number }>>`
      select kind, amount from checkout.payment_ledger where order_id = ${orderId}`;
    const sum = (kind: string) =>
      entries.filter((e) => e.kind === kind).reduce((total, e) => total + e.amount, 0);
    expect(payment.authorised).toBe(sum('AUTHORISED'));
    expect(payment.refunded).toBe(Math.max(0, sum('REFUNDED') - sum('REFUND_FAILED')));
    expect(payment.chargedBack).toBe(Math.max(0, sum('CHARGED_BACK') - sum('CHARGEBACK_REVERSED')));
    return { ...payment, entries: entries.length };
  }

  it('ends every order in the state its notifications imply, through duplicates, reordering and an outage', async () => {
    const captured = await placed();
    const partlyRefunded = await placed();
    const refunded = await placed();
    const refused = await placed('DECLINED');
    const modification = (
      order: Awaited<ReturnType<typeof placed>>,
      eventCode: string,
      value: number,
    ) =>
      simulator.sendWebhook({
        eventCode,
        pspReference: randomBytes(8).toString('hex').toUpperCase(),
        originalReference: order.pspReference,
        merchantReference: order.order.id,
        amount: { currency: 'EUR', value },
        success: true,
        paymentMethod: 'visa',
      });
    modification(captured, 'CAPTURE', captured.order.total.amount);
    modification(partlyRefunded, 'REFUND', 100);
    modification(refunded, 'REFUND', refunded.order.total.amount);

    // Checkout is unreachable while the first deliveries are tried, then comes back.
    const settled = simulator.flushWebhooks();
    await eventually(async () => proxy.state.refused >= 3, 5_000);
    proxy.state.down = false;
    await settled;

    const deliveries = simulator.deliveries;
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
    expect(deliveries.some((d) => d.attemptLog.some((a) => a.status === 503))).toBe(true);
    const duplicates = deliveries.filter((d) => d.duplicateOf !== undefined);
    expect(duplicates.length).toBeGreaterThan(0);
    const queuedOrder = [
      ...[captured, partlyRefunded, refunded, refused].map(
        (o) => `AUTHORISATION ${o.pspReference}`,
      ),
      `CAPTURE ${captured.pspReference}`,
      `REFUND ${partlyRefunded.pspReference}`,
      `REFUND ${refunded.pspReference}`,
    ];
    const sentOrder = deliveries
      .filter((d) => d.duplicateOf === undefined)
      .map((d) => `${d.eventCode} ${d.originalReference ?? d.pspReference}`);
    expect([...sentOrder].sort()).toEqual([...queuedOrder].sort());
    expect(sentOrder).not.toEqual(queuedOrder);

    // Every notification is stored once, however often it came, and all get processed.
    await eventually(async () => {
      const [row] = await sql<[{ stored: number; waiting: number }]>`
        select count(*)::int as stored, count(*) filter (where processed_at is null)::int as waiting
        from checkout.adyen_notifications`;
      return row.stored === queuedOrder.length && row.waiting === 0;
    });

    const statusOf = async (order: Awaited<ReturnType<typeof placed>>) =>
      (await fetchOrder(checkoutUrl, order))?.status;
    expect(await statusOf(captured)).toBe('PAID');
    expect(await moneyOf(captured.order.id)).toMatchObject({
      authorised: captured.order.total.amount,
      captured: captured.order.total.amount,
      refunded: 0,
      entries: 2,
    });
    expect(await statusOf(partlyRefunded)).toBe('PARTIALLY_REFUNDED');
    expect(await moneyOf(partlyRefunded.order.id)).toMatchObject({
      authorised: partlyRefunded.order.total.amount,
      refunded: 100,
      entries: 2,
    });
    expect(await statusOf(refunded)).toBe('REFUNDED');
    expect(await moneyOf(refunded.order.id)).toMatchObject({
      authorised: refunded.order.total.amount,
      refunded: refunded.order.total.amount,
      entries: 2,
    });
    expect(await statusOf(refused)).toBe('PAYMENT_FAILED');
    expect(await moneyOf(refused.order.id)).toMatchObject({ authorised: 0, refunded: 0 });
  });
});
