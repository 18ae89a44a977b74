import { hmacValidator, Types } from '@adyen/api-library';
import { afterEach, describe, expect, it } from 'vitest';
import { HMAC_KEY, MERCHANT_ACCOUNT, cardPayment, startSimulator } from './support/harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

type LibraryItem = Types.notification.NotificationRequestItem;

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  // Simulators first, so no delivery is in flight when its receiver goes away.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startWithReceiver(
  statuses: number[] = [],
  options: Parameters<typeof startSimulator>[0] = {},
): Promise<{ receiver: WebhookReceiver } & Awaited<ReturnType<typeof startSimulator>>> {
  const receiver = await startWebhookReceiver(statuses);
  cleanups.push(() => receiver.close());
  const started = await startSimulator({ webhookUrl: receiver.url, ...options });
  cleanups.push(() => started.simulator.close());
  return { receiver, ...started };
}

describe('standard notifications', () => {
  it('signs every item so the library hmacValidator accepts it', async () => {
    const { receiver, simulator, checkout } = await startWithReceiver();
    const payment = await checkout.PaymentsApi.payments(cardPayment());
    await checkout.PaymentsApi.payments(cardPayment({ holderName: 'DECLINED' }));
    await checkout.ModificationsApi.captureAuthorisedPayment(payment.pspReference ?? '', {
      merchantAccount: MERCHANT_ACCOUNT,
      amount: { currency: 'EUR', value: 2599 },
    });
    await simulator.flushWebhooks();

    const items = receiver.items();
    expect(items).toHaveLength(3);
    const validator = new hmacValidator();
    for (const item of items) {
      expect(item.additionalData?.hmacSignature).toEqual(expect.any(String));
      expect(validator.validateHMAC(item as LibraryItem, HMAC_KEY)).toBe(true);
    }
  });

  it('fails validation once a signed field is tampered with', async () => {
    const { receiver, simulator, checkout } = await startWithReceiver();
    await checkout.PaymentsApi.payments(cardPayment({ value: 1000 }));
    await simulator.flushWebhooks();
    const [item] = receiver.items();
    if (item === undefined) throw new Error('no webhook received');

    const validator = new hmacValidator();
    const cheaper = { ...item, amount: { ...item.amount, value: 1 } } as LibraryItem;
    const flipped = { ...item, success: 'false' } as LibraryItem;
    const otherKey = HMAC_KEY.replace(/^../, '00');

    expect(validator.validateHMAC(item as LibraryItem, HMAC_KEY)).toBe(true);
    expect(validator.validateHMAC(cheaper, HMAC_KEY)).toBe(false);
    expect(validator.validateHMAC(flipped, HMAC_KEY)).toBe(false);
    expect(validator.validateHMAC(item as LibraryItem, otherKey)).toBe(false);
  });

  it('uses Adyen wire types: string booleans, ISO eventDate with offset, brand names', async () => {
    const { receiver, simulator, checkout } = await startWithReceiver();
    const visa = await checkout.PaymentsApi.payments(cardPayment());
    await checkout.PaymentsApi.payments(cardPayment({ number: '5555341244441115' }));
    await simulator.flushWebhooks();

    const [first] = receiver.received;
    expect(first?.headers['content-type']).toBe('application/json');
    expect(first?.body.live).toBe('false');
    const [visaItem, mcItem] = receiver.items();
    expect(visaItem).toMatchObject({
      eventCode: 'AUTHORISATION',
      pspReference: visa.pspReference,
      merchantAccountCode: MERCHANT_ACCOUNT,
      merchantReference: visa.merchantReference,
      amount: { currency: 'EUR', value: 2599 },
      paymentMethod: 'visa',
      success: 'true',
      operations: ['CANCEL', 'CAPTURE', 'REFUND'],
    });
    expect(visaItem?.eventDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(visaItem).not.toHaveProperty('originalReference');
    expect(mcItem?.paymentMethod).toBe('mc');
  });

  it('sends HTTP Basic credentials when configured', async () => {
    const { receiver, simulator, checkout } = await startWithReceiver([], {
      webhookBasicAuth: { username: 'adyen', password: 's3cret' },
    });
    await checkout.PaymentsApi.payments(cardPayment());
    await simulator.flushWebhooks();

    const expected = `Basic ${Buffer.from('adyen:s3cret').toString('base64')}`;
    expect(receiver.received[0]?.headers.authorization).toBe(expected);
  });

  it('keeps the order of events for one payment', async () => {
    const { receiver, simulator, checkout } = await startWithReceiver();
    const payment = await checkout.PaymentsApi.payments(cardPayment({ value: 900 }));
    for (const value of [300, 300, 300]) {
      await checkout.ModificationsApi.captureAuthorisedPayment(payment.pspReference ?? '', {
        merchantAccount: MERCHANT_ACCOUNT,
        amount: { currency: 'EUR', value },
      });
    }
    await simulator.flushWebhooks();

    expect(receiver.items().map((i) => i.eventCode)).toEqual([
      'AUTHORISATION',
      'CAPTURE',
      'CAPTURE',
      'CAPTURE',
    ]);
  });
});

describe('webhook delivery', () => {
  it('retries after a 500 and counts the delivery once the receiver answers 200', async () => {
    const { receiver, simulator, checkout } = await startWithReceiver([500]);
    const payment = await checkout.PaymentsApi.payments(cardPayment());
    await simulator.flushWebhooks();

    expect(receiver.received.map((r) => r.answeredWith)).toEqual([500, 200]);
    expect(simulator.deliveries).toMatchObject([
      {
        eventCode: 'AUTHORISATION',
        pspReference: payment.pspReference,
        merchantReference: payment.merchantReference,
        success: 'true',
        attempts: 2,
        delivered: true,
      },
    ]);
  });

  it('gives up after the last retry delay', async () => {
    const { receiver, simulator, checkout } = await startWithReceiver([500, 502, 503, 500], {
      retryDelaysMs: [10, 10],
    });
    await checkout.PaymentsApi.payments(cardPayment());
    await simulator.flushWebhooks();

    expect(receiver.received).toHaveLength(3);
    expect(simulator.deliveries[0]).toMatchObject({
      attempts: 3,
      delivered: false,
      status: 'failed',
    });
  });

  it('does not hold API responses back while a webhook is being retried', async () => {
    const { simulator, checkout } = await startWithReceiver([500], { retryDelaysMs: [2_000] });
    await checkout.PaymentsApi.payments(cardPayment());

    const started = Date.now();
    const second = await checkout.PaymentsApi.payments(cardPayment());

    expect(second.resultCode).toBe(Types.checkout.PaymentResponse.ResultCodeEnum.Authorised);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(simulator.deliveries[0]?.delivered).toBe(false);
  });

  it('close() cancels pending deliveries and their retry timers', async () => {
    const receiver = await startWebhookReceiver([500, 500, 500]);
    cleanups.push(() => receiver.close());
    const { simulator, checkout } = await startSimulator({
      webhookUrl: receiver.url,
      retryDelaysMs: [60_000],
    });
    await checkout.PaymentsApi.payments(cardPayment());
    await checkout.PaymentsApi.payments(cardPayment());
    await waitFor(() => receiver.received.length === 1);

    const started = Date.now();
    await simulator.close();
    await simulator.flushWebhooks();

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(simulator.deliveries.map((d) => d.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('sends nothing without a webhook URL, and later events once one is set', async () => {
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const { simulator, checkout } = await startSimulator();
    cleanups.push(() => simulator.close());

    await checkout.PaymentsApi.payments(cardPayment());
    simulator.setWebhookUrl(receiver.url);
    const later = await checkout.PaymentsApi.payments(cardPayment());
    simulator.sendWebhook({
      eventCode: 'CHARGEBACK',
      pspReference: 'CHB0000000000001',
      originalReference: later.pspReference ?? '',
      merchantReference: later.merchantReference ?? '',
      amount: { currency: 'EUR', value: 2599 },
      success: true,
    });
    await simulator.flushWebhooks();

    expect(receiver.items().map((i) => [i.eventCode, i.merchantAccountCode])).toEqual([
      ['AUTHORISATION', MERCHANT_ACCOUNT],
      ['CHARGEBACK', MERCHANT_ACCOUNT],
    ]);
    expect(new hmacValidator().validateHMAC(receiver.items()[1] as LibraryItem, HMAC_KEY)).toBe(
      true,
    );
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
