import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import type { RunningGraph } from '../../../scripts/graph.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import {
  CARD,
  cartStatus,
  cartWith,
  fetchOrder,
  orderInput,
  placeOrderOk,
  stockOf,
  variantPicker,
} from './support/shop.ts';

const catalog = buildDemoCatalog(10);
const [backend] = queueBackends();

describe('payment expiry', () => {
  let shop: TestGraph;
  let graph: RunningGraph;
  let sql: postgres.Sql;
  let checkoutUrl: string;
  let cartUrl: string;
  const pickVariant = variantPicker(catalog);

  beforeAll(async () => {
    shop = await startTestGraph(backend!, { catalog, paymentTimeoutMs: 1_500 });
    ({ graph, sql } = shop);
    checkoutUrl = shop.url('checkout');
    cartUrl = shop.url('cart');
  });

  afterAll(async () => {
    await shop?.close();
  });

  it('fails an abandoned 3-D Secure payment, releases its stock, reopens the cart and cancels at Adyen', async () => {
    const variant = pickVariant(1);
    const before = await stockOf(sql, variant.id);
    const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
      { variantId: variant.id, quantity: 1 },
    ]);
    // This test card needs a 3-D Secure challenge the shopper never completes.
    const placed = await placeOrderOk(
      checkoutUrl,
      orderInput(cartId, {
        paymentMethod: { ...CARD, encryptedCardNumber: 'test_4212345678910006' },
      }),
    );
    expect(placed.payment).toMatchObject({ status: 'PENDING', resultCode: 'ChallengeShopper' });
    expect((await stockOf(sql, variant.id)).reserved).toBe(before.reserved + 1);

    const expired = await eventually(async () => {
      const order = await fetchOrder(checkoutUrl, placed);
      return order?.status === 'PAYMENT_FAILED' ? order : null;
    });
    expect(expired.payment.status).toBe('EXPIRED');
    await eventually(async () => (await stockOf(sql, variant.id)).reserved === before.reserved);
    expect(await stockOf(sql, variant.id)).toEqual(before);
    await eventually(async () => (await cartStatus(cartUrl, cartId)) === 'ACTIVE');
    await eventually(async () =>
      graph.simulator!.deliveries.some(
        (d) => d.merchantReference === placed.order.id && d.eventCode.startsWith('CANCEL'),
      ),
    );
  });

  it('leaves a payment that completes in time alone', async () => {
    const variant = pickVariant(1);
    const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
      { variantId: variant.id, quantity: 1 },
    ]);
    const placed = await placeOrderOk(checkoutUrl, orderInput(cartId));
    await eventually(async () => (await fetchOrder(checkoutUrl, placed))?.status === 'PAID');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await fetchOrder(checkoutUrl, placed))?.payment.status).toBe('AUTHORISED');
  });
});
