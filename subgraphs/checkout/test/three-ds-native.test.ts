import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { TEST_BROWSER_INFO } from '../../../test/support/payment.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import {
  CARD,
  cartWith,
  fetchOrder,
  orderInput,
  placeOrder,
  placeOrderOk,
  variantPicker,
  writtenRows,
} from './support/shop.ts';

const catalog = buildDemoCatalog(10);
// One queue backend is enough: nothing here depends on it (checkout.test.ts runs both).
const backend = queueBackends()[0]!;
const CHALLENGED_CARD = { ...CARD, encryptedCardNumber: 'test_4212345678910006' };

describe('placeOrder and 3-D Secure 2 native', () => {
  let shop: TestGraph;
  let checkoutUrl: string;
  let cartUrl: string;
  const pickVariant = variantPicker(catalog);

  beforeAll(async () => {
    shop = await startTestGraph(backend, { catalog });
    checkoutUrl = shop.url('checkout');
    cartUrl = shop.url('cart');
  });

  afterAll(async () => {
    await shop?.close();
  });

  const orderableCart = () =>
    cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
      { variantId: pickVariant(1).id, quantity: 1 },
    ]);

  it("sends channel, origin and the browser, so the issuer's challenge reaches the shopper", async () => {
    const placed = await placeOrderOk(
      checkoutUrl,
      orderInput(await orderableCart(), { paymentMethod: CHALLENGED_CARD }),
    );

    // The simulator, like Adyen, answers 422 to a challenge without all of them.
    expect(placed.payment).toMatchObject({ status: 'PENDING', resultCode: 'ChallengeShopper' });
    expect(placed.action).toMatchObject({ type: 'threeDS2', subtype: 'challenge' });
  });

  it('fails the payment when the client sent no browserInfo and the issuer challenges', async () => {
    const input = orderInput(await orderableCart(), { paymentMethod: CHALLENGED_CARD });
    delete input.browserInfo;

    const placed = await placeOrderOk(checkoutUrl, input);

    expect(placed.payment).toMatchObject({ status: 'ERROR', resultCode: 'Error' });
    expect(placed.payment.refusalReason).toMatch(/browserInfo/);
    expect((await fetchOrder(checkoutUrl, placed))?.status).toBe('PAYMENT_FAILED');
  });

  it.each([
    ['a colour depth of 0', { colorDepth: 0 }, 'browserInfo.colorDepth'],
    ['a user agent with a NUL byte', { userAgent: 'Mozilla\u0000' }, 'browserInfo.userAgent'],
    ['a language that is no tag', { language: 'nl NL' }, 'browserInfo.language'],
    ['a time zone 25 hours off', { timeZoneOffset: 1_500 }, 'browserInfo.timeZoneOffset'],
  ])('refuses a browserInfo with %s and writes nothing', async (_, change, field) => {
    const cartId = await orderableCart();
    const before = await writtenRows(shop.sql);

    const result = await placeOrder(
      checkoutUrl,
      orderInput(cartId, { browserInfo: { ...TEST_BROWSER_INFO, ...change } }),
    );

    expect(result).toMatchObject({ __typename: 'InvalidCheckoutInput', field });
    expect(await writtenRows(shop.sql)).toEqual(before);
  });
});
