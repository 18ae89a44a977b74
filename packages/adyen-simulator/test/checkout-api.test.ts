import adyen, { Types } from '@adyen/api-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildThreeDSResult, type AdyenSimulator } from '../src/index.ts';
import {
  API_KEY,
  MERCHANT_ACCOUNT,
  cardPayment,
  checkoutApi,
  startSimulator,
  type CheckoutApi,
} from './support/harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

const { HttpClientException } = adyen;
const ResultCode = Types.checkout.PaymentResponse.ResultCodeEnum;

/** Runs a library call that must fail and returns the HttpClientException it threw. */
async function httpError(
  call: Promise<unknown>,
): Promise<InstanceType<typeof HttpClientException>> {
  const error: unknown = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HttpClientException);
  return error as InstanceType<typeof HttpClientException>;
}

let simulator: AdyenSimulator;
let url: string;
let checkout: CheckoutApi;
let receiver: WebhookReceiver;

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  ({ simulator, url, checkout } = await startSimulator({ webhookUrl: receiver.url }));
});

afterEach(async () => {
  await simulator.close();
  await receiver.close();
});

describe('POST /payments', () => {
  it('authorises a test card and answers with a fresh 16-character pspReference', async () => {
    const request = cardPayment();
    const first = await checkout.PaymentsApi.payments(request);
    const second = await checkout.PaymentsApi.payments(cardPayment());

    expect(first.resultCode).toBe(ResultCode.Authorised);
    expect(first.pspReference).toMatch(/^[A-Z0-9]{16}$/);
    expect(second.pspReference).not.toBe(first.pspReference);
    expect(first.merchantReference).toBe(request.reference);
    expect(first.amount).toEqual({ currency: 'EUR', value: 2599 });
    expect(first.refusalReason).toBeUndefined();
  });

  it('answers 200 with Refused when the holder name is DECLINED', async () => {
    const response = await checkout.PaymentsApi.payments(cardPayment({ holderName: 'DECLINED' }));

    expect(response.resultCode).toBe(ResultCode.Refused);
    expect(response.refusalReason).toBe('Refused');
    expect(response.refusalReasonCode).toBe('2');
    expect(response.pspReference).toMatch(/^[A-Z0-9]{16}$/);
  });

  it.each([
    ['REFERRAL', ResultCode.Refused, 'Referral', '3'],
    ['ERROR', ResultCode.Error, 'Acquirer Error', '4'],
    ['CARD_EXPIRED', ResultCode.Refused, 'Expired Card', '6'],
    ['NOT_ENOUGH_BALANCE', ResultCode.Refused, 'Not enough balance', '12'],
    ['CVC_DECLINED', ResultCode.Refused, 'CVC Declined', '24'],
  ])('maps holder name %s to %s / %s', async (holderName, resultCode, reason, code) => {
    const response = await checkout.PaymentsApi.payments(cardPayment({ holderName }));

    expect(response.resultCode).toBe(resultCode);
    expect(response.refusalReason).toBe(reason);
    expect(response.refusalReasonCode).toBe(code);
  });

  it('refuses the decline test card 4000 3000 1111 2220', async () => {
    const response = await checkout.PaymentsApi.payments(
      cardPayment({ number: '4000300011112220' }),
    );

    expect(response.resultCode).toBe(ResultCode.Refused);
  });

  it('treats an opaque encrypted blob as a valid card', async () => {
    const request = cardPayment();
    request.paymentMethod = {
      type: Types.checkout.CardDetails.TypeEnum.Scheme,
      encryptedCardNumber: 'adyenjs_0_1_25$MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA',
      encryptedExpiryMonth: 'adyenjs_0_1_25$month',
      encryptedExpiryYear: 'adyenjs_0_1_25$year',
      encryptedSecurityCode: 'adyenjs_0_1_25$cvc',
    };

    const response = await checkout.PaymentsApi.payments(request);

    expect(response.resultCode).toBe(ResultCode.Authorised);
  });

  // Paying with stored cards, as Adyen requires it: stored-payment-methods.test.ts.
  it('refuses a stored payment method without the shopperReference it belongs to', async () => {
    const request = cardPayment();
    request.paymentMethod = {
      type: Types.checkout.CardDetails.TypeEnum.Scheme,
      storedPaymentMethodId: '8315646464646464',
    };

    const error = await httpError(checkout.PaymentsApi.payments(request));

    expect(error.statusCode).toBe(422);
    expect(error.apiError?.message).toMatch(/shopperReference/);
  });

  it('rejects raw card data with 422, surfaced by the library as HttpClientException', async () => {
    const request = cardPayment();
    request.paymentMethod = {
      type: Types.checkout.CardDetails.TypeEnum.Scheme,
      number: '4111111145551142',
      expiryMonth: '03',
      expiryYear: '2030',
      cvc: '737',
    };

    const error = await httpError(checkout.PaymentsApi.payments(request));

    expect(error.statusCode).toBe(422);
    expect(error.errorCode).toBe('010');
    expect(error.apiError?.message).toMatch(/raw card data/);
    expect(JSON.parse(error.responseBody ?? '{}')).toMatchObject({ status: 422, errorCode: '010' });
  });

  it('rejects a wrong API key with 401 and Adyen security error body', async () => {
    const error = await httpError(
      checkoutApi(url, 'not-the-key').PaymentsApi.payments(cardPayment()),
    );

    expect(error.statusCode).toBe(401);
    expect(JSON.parse(error.responseBody ?? '{}')).toEqual({
      status: 401,
      errorCode: '000',
      message: 'HTTP Status Response - Unauthorized',
      errorType: 'security',
    });
  });

  it.each([
    ['a missing amount', { amount: undefined }, '100'],
    ['a fractional amount', { amount: { currency: 'EUR', value: 10.5 } }, '137'],
    ['a negative amount', { amount: { currency: 'EUR', value: -1 } }, '137'],
    ['a lowercase currency', { amount: { currency: 'eur', value: 100 } }, '138'],
    ['a missing reference', { reference: undefined }, '130'],
    ['another merchant account', { merchantAccount: 'SomeoneElse' }, '901'],
  ])('answers 422 to %s', async (_case, change, errorCode) => {
    const request = { ...cardPayment(), ...change } as Types.checkout.PaymentRequest;

    const error = await httpError(checkout.PaymentsApi.payments(request));

    expect(error.statusCode).toBe(422);
    expect(error.errorCode).toBe(errorCode);
    expect(error.apiError?.errorType).toBe('validation');
  });

  it('sends exactly one AUTHORISATION webhook per final result', async () => {
    const authorised = await checkout.PaymentsApi.payments(cardPayment());
    const refused = await checkout.PaymentsApi.payments(
      cardPayment({ holderName: 'NOT_ENOUGH_BALANCE' }),
    );
    await simulator.flushWebhooks();

    const items = receiver.items();
    expect(items.map((item) => [item.pspReference, item.eventCode, item.success])).toEqual([
      [authorised.pspReference, 'AUTHORISATION', 'true'],
      [refused.pspReference, 'AUTHORISATION', 'false'],
    ]);
    expect(items[1]?.reason).toBe('Not enough balance');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response and sends only one webhook', async () => {
    const request = cardPayment();

    const first = await checkout.PaymentsApi.payments(request, { idempotencyKey: 'order-42' });
    const replay = await checkout.PaymentsApi.payments(request, { idempotencyKey: 'order-42' });
    const other = await checkout.PaymentsApi.payments(request, { idempotencyKey: 'order-43' });
    await simulator.flushWebhooks();

    expect(replay).toEqual(first);
    expect(other.pspReference).not.toBe(first.pspReference);
    const authorisations = receiver.items().filter((i) => i.pspReference === first.pspReference);
    expect(authorisations).toHaveLength(1);
    expect(simulator.deliveries).toHaveLength(2);
  });

  it('replays an error response with the same status', async () => {
    const request = { ...cardPayment(), merchantAccount: 'SomeoneElse' };

    const first = await httpError(checkout.PaymentsApi.payments(request, { idempotencyKey: 'k' }));
    const fixed = { ...request, merchantAccount: MERCHANT_ACCOUNT };
    const replay = await httpError(checkout.PaymentsApi.payments(fixed, { idempotencyKey: 'k' }));

    expect(replay.statusCode).toBe(first.statusCode);
    expect(replay.responseBody).toBe(first.responseBody);
  });

  it('answers 422/704 with transient-error while the first request is still running', async () => {
    const slow = await startSimulator({ responseDelayMs: 300 });
    try {
      const request = cardPayment();
      const [first, second] = await Promise.allSettled([
        slow.checkout.PaymentsApi.payments(request, { idempotencyKey: 'in-flight' }),
        new Promise((resolve) => setTimeout(resolve, 50)).then(() =>
          slow.checkout.PaymentsApi.payments(request, { idempotencyKey: 'in-flight' }),
        ),
      ]);

      expect(first.status).toBe('fulfilled');
      expect(second.status).toBe('rejected');
      const error = (second as PromiseRejectedResult).reason as InstanceType<
        typeof HttpClientException
      >;
      expect(error.statusCode).toBe(422);
      expect(error.errorCode).toBe('704');
      expect(error.responseHeaders?.['transient-error']).toBe('true');
    } finally {
      await slow.simulator.close();
    }
  });

  it('rejects a key longer than 64 characters with 422', async () => {
    const error = await httpError(
      checkout.PaymentsApi.payments(cardPayment(), { idempotencyKey: 'k'.repeat(65) }),
    );

    expect(error.statusCode).toBe(422);
  });
});

describe('3-D Secure 2 challenge', () => {
  it('answers ChallengeShopper with a threeDS2 action, then authorises on transStatus Y', async () => {
    const payment = await checkout.PaymentsApi.payments(
      cardPayment({ number: '4212345678910006' }),
    );

    expect(payment.resultCode).toBe(ResultCode.ChallengeShopper);
    expect(payment.action).toMatchObject({
      type: 'threeDS2',
      subtype: 'challenge',
      paymentMethodType: 'scheme',
    });
    const action = payment.action as { paymentData: string; token: string };
    expect(action.paymentData).toEqual(expect.any(String));
    expect(action.token).toEqual(expect.any(String));

    const threeDSResult = Buffer.from(JSON.stringify({ transStatus: 'Y' })).toString('base64');
    const details = await checkout.PaymentsApi.paymentsDetails({
      details: { threeDSResult },
      paymentData: action.paymentData,
    });
    await simulator.flushWebhooks();

    expect(details.resultCode).toBe(
      Types.checkout.PaymentDetailsResponse.ResultCodeEnum.Authorised,
    );
    expect(details.pspReference).toBe(payment.pspReference);
    expect(receiver.items()).toMatchObject([
      { eventCode: 'AUTHORISATION', pspReference: payment.pspReference, success: 'true' },
    ]);
  });

  it('refuses when the shopper fails the challenge (transStatus N)', async () => {
    const payment = await checkout.PaymentsApi.payments(
      cardPayment({ number: '4212345678910006' }),
    );
    const action = payment.action as { token: string };

    // No paymentData: the result refers to the challenge through the token's transaction id.
    const details = await checkout.PaymentsApi.paymentsDetails({
      details: { threeDSResult: buildThreeDSResult('N', action) },
    });

    expect(details.resultCode).toBe(Types.checkout.PaymentDetailsResponse.ResultCodeEnum.Refused);
    expect(details.refusalReason).toBe('3D Not Authenticated');
  });

  it('answers 422 to unknown paymentData and sends no webhook', async () => {
    const error = await httpError(
      checkout.PaymentsApi.paymentsDetails({
        details: { threeDSResult: buildThreeDSResult('Y') },
        paymentData: 'Ab02b4c0!BQABAgA=',
      }),
    );
    await simulator.flushWebhooks();

    expect(error.statusCode).toBe(422);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('modifications', () => {
  async function authorisedPayment(value = 5000): Promise<string> {
    const payment = await checkout.PaymentsApi.payments(cardPayment({ value }));
    expect(payment.resultCode).toBe(ResultCode.Authorised);
    return payment.pspReference ?? '';
  }

  it('captures and refunds with 201 received, then reports both by webhook', async () => {
    const paymentPspReference = await authorisedPayment(5000);
    const amount = { currency: 'EUR', value: 5000 };

    const capture = await checkout.ModificationsApi.captureAuthorisedPayment(paymentPspReference, {
      merchantAccount: MERCHANT_ACCOUNT,
      amount,
      reference: 'capture-1',
    });
    const refund = await checkout.ModificationsApi.refundCapturedPayment(paymentPspReference, {
      merchantAccount: MERCHANT_ACCOUNT,
      amount: { currency: 'EUR', value: 2000 },
    });
    await simulator.flushWebhooks();

    expect(capture).toMatchObject({
      paymentPspReference,
      merchantAccount: MERCHANT_ACCOUNT,
      reference: 'capture-1',
      amount,
      status: 'received',
    });
    expect(capture.pspReference).toMatch(/^[A-Z0-9]{16}$/);
    expect(capture.pspReference).not.toBe(paymentPspReference);
    expect(refund.status).toBe('received');

    const modifications = receiver.items().filter((item) => item.eventCode !== 'AUTHORISATION');
    expect(modifications).toMatchObject([
      {
        eventCode: 'CAPTURE',
        pspReference: capture.pspReference,
        originalReference: paymentPspReference,
        merchantReference: 'capture-1',
        amount,
        success: 'true',
      },
      {
        eventCode: 'REFUND',
        pspReference: refund.pspReference,
        originalReference: paymentPspReference,
        amount: { currency: 'EUR', value: 2000 },
        success: 'true',
      },
    ]);
  });

  it('reports a refund above the captured amount as REFUND success "false"', async () => {
    const paymentPspReference = await authorisedPayment(1000);
    await checkout.ModificationsApi.captureAuthorisedPayment(paymentPspReference, {
      merchantAccount: MERCHANT_ACCOUNT,
      amount: { currency: 'EUR', value: 600 },
    });

    const refund = await checkout.ModificationsApi.refundCapturedPayment(paymentPspReference, {
      merchantAccount: MERCHANT_ACCOUNT,
      amount: { currency: 'EUR', value: 700 },
    });
    await simulator.flushWebhooks();

    expect(refund.status).toBe('received');
    const item = receiver.items().find((i) => i.pspReference === refund.pspReference);
    expect(item).toMatchObject({ eventCode: 'REFUND', success: 'false' });
    expect(item?.reason).toMatch(/exceeds/);
  });

  it('cancels an uncaptured payment and reversals answer with CANCEL_OR_REFUND', async () => {
    const toCancel = await authorisedPayment();
    const toReverse = await authorisedPayment();

    const cancel = await checkout.ModificationsApi.cancelAuthorisedPaymentByPspReference(toCancel, {
      merchantAccount: MERCHANT_ACCOUNT,
    });
    const reversal = await checkout.ModificationsApi.refundOrCancelPayment(toReverse, {
      merchantAccount: MERCHANT_ACCOUNT,
    });
    await simulator.flushWebhooks();

    expect(cancel).toMatchObject({ paymentPspReference: toCancel, status: 'received' });
    expect(reversal).toMatchObject({ paymentPspReference: toReverse, status: 'received' });
    const byReference = new Map(receiver.items().map((i) => [i.pspReference, i]));
    expect(byReference.get(cancel.pspReference)).toMatchObject({
      eventCode: 'CANCELLATION',
      originalReference: toCancel,
      success: 'true',
    });
    expect(byReference.get(reversal.pspReference)).toMatchObject({
      eventCode: 'CANCEL_OR_REFUND',
      originalReference: toReverse,
      success: 'true',
    });
  });

  it('answers 422 with errorCode 167 for an unknown payment pspReference', async () => {
    const error = await httpError(
      checkout.ModificationsApi.captureAuthorisedPayment('ZZZZZZZZZZZZZZZZ', {
        merchantAccount: MERCHANT_ACCOUNT,
        amount: { currency: 'EUR', value: 100 },
      }),
    );

    expect(error.statusCode).toBe(422);
    expect(error.errorCode).toBe('167');
  });
});

describe('POST /sessions', () => {
  it('creates a session with 201, an id starting with CS and opaque sessionData', async () => {
    const session = await checkout.PaymentsApi.sessions({
      merchantAccount: MERCHANT_ACCOUNT,
      amount: { currency: 'EUR', value: 1999 },
      reference: 'order-session-1',
      returnUrl: 'https://shop.example/checkout/return',
    });

    expect(session.id).toMatch(/^CS[0-9A-F]{16}$/);
    expect(session.sessionData).toEqual(expect.any(String));
    expect(session.reference).toBe('order-session-1');
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000);
  });
});

describe('raw HTTP behaviour', () => {
  it('answers malformed JSON with 400 and errorCode 702', async () => {
    const response = await fetch(`${url}/v72/payments`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: '{"amount": ',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: 400,
      errorCode: '702',
      errorType: 'validation',
    });
  });

  it('answers an unknown route with 404 in Adyen error format', async () => {
    const response = await fetch(`${url}/v72/nope`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY },
      body: '{}',
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404, errorCode: '000' });
  });

  it('serves v71 paths too', async () => {
    const response = await fetch(`${url}/v71/payments`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify(cardPayment()),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ resultCode: 'Authorised' });
  });
});
