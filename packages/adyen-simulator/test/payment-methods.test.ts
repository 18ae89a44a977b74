import adyen, { Types } from '@adyen/api-library';
import { describe, expect, it } from 'vitest';
import { MERCHANT_ACCOUNT, cardPayment, simulatorPerTest } from './support/harness.ts';

const { HttpClientException } = adyen;
const ResultCode = Types.checkout.PaymentResponse.ResultCodeEnum;
const DetailsResultCode = Types.checkout.PaymentDetailsResponse.ResultCodeEnum;
const RETURN_URL = 'https://shop.example/checkout/return?order=42';

const bed = simulatorPerTest();

/** The `type`s `/paymentMethods` lists for a country and currency, in Adyen's order. */
async function methodTypes(countryCode: string, currency: string): Promise<string[]> {
  const response = await bed.checkout.PaymentsApi.paymentMethods({
    merchantAccount: MERCHANT_ACCOUNT,
    countryCode,
    amount: { currency, value: 2500 },
  });
  return (response.paymentMethods ?? []).map((method) => method.type ?? '');
}

/** A 25.00 payment request with a redirect method (iDEAL unless told). */
function redirectPayment(type = 'ideal', currency = 'EUR'): Types.checkout.PaymentRequest {
  return {
    ...cardPayment(),
    amount: { currency, value: 2500 },
    returnUrl: RETURN_URL,
    paymentMethod: { type } as Types.checkout.PaymentRequest['paymentMethod'],
  };
}

/** Plays the shopper at the bank: follows nothing, answers the 302's `redirectResult`. */
async function shopperReturns(actionUrl: string, outcome: string): Promise<string> {
  const url = new URL(actionUrl);
  url.searchParams.set('outcome', outcome);
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe('https://shop.example/checkout/return');
  expect(location.searchParams.get('order')).toBe('42');
  return location.searchParams.get('redirectResult') ?? '';
}

describe('POST /paymentMethods', () => {
  it.each([
    ['NL', 'EUR', ['ideal', 'scheme']],
    ['BE', 'EUR', ['bcmc', 'scheme']],
    ['DE', 'EUR', ['klarna', 'scheme']],
    ['US', 'USD', ['scheme']],
    ['FR', 'EUR', ['scheme']],
  ])('lists the local methods of %s in %s before cards', async (country, currency, types) => {
    expect(await methodTypes(country, currency)).toEqual(types);
  });

  it('leaves out a local method whose currency does not fit (iDEAL is EUR only)', async () => {
    expect(await methodTypes('NL', 'USD')).toEqual(['scheme']);
  });

  it("answers each method with Adyen's name, and the card brands for scheme", async () => {
    const response = await bed.checkout.PaymentsApi.paymentMethods({
      merchantAccount: MERCHANT_ACCOUNT,
      countryCode: 'NL',
      amount: { currency: 'EUR', value: 1000 },
    });

    expect(response.paymentMethods).toEqual([
      { type: 'ideal', name: 'iDEAL' },
      { type: 'scheme', name: 'Cards', brands: ['visa', 'mc', 'amex'] },
    ]);
  });

  it('answers 422 to another merchant account and to a malformed country code', async () => {
    const calls = [
      bed.checkout.PaymentsApi.paymentMethods({
        merchantAccount: 'SomeoneElse',
        countryCode: 'NL',
      }),
      bed.checkout.PaymentsApi.paymentMethods({
        merchantAccount: MERCHANT_ACCOUNT,
        countryCode: 'nl',
      }),
    ];
    const errors = await Promise.all(calls.map((call) => call.catch((error: unknown) => error)));

    for (const error of errors) {
      expect(error).toBeInstanceOf(HttpClientException);
      expect((error as InstanceType<typeof HttpClientException>).statusCode).toBe(422);
    }
    expect((errors[0] as InstanceType<typeof HttpClientException>).errorCode).toBe('901');
  });
});

describe('redirect methods (iDEAL)', () => {
  it('answers RedirectShopper with a GET redirect action and sends no webhook yet', async () => {
    const payment = await bed.checkout.PaymentsApi.payments(redirectPayment());
    await bed.simulator.flushWebhooks();

    expect(payment.resultCode).toBe(ResultCode.RedirectShopper);
    expect(payment.action).toMatchObject({
      type: 'redirect',
      method: 'GET',
      paymentMethodType: 'ideal',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
    });
    expect(bed.receiver.received).toHaveLength(0);
  });

  it('authorises through /payments/details with the redirectResult the bank returned', async () => {
    const payment = await bed.checkout.PaymentsApi.payments(redirectPayment());
    const redirectResult = await shopperReturns(
      (payment.action as { url: string }).url,
      'authorise',
    );

    const details = await bed.checkout.PaymentsApi.paymentsDetails({ details: { redirectResult } });
    await bed.simulator.flushWebhooks();

    expect(details.resultCode).toBe(DetailsResultCode.Authorised);
    expect(details.pspReference).toBe(payment.pspReference);
    expect(bed.receiver.items()).toMatchObject([
      {
        eventCode: 'AUTHORISATION',
        pspReference: payment.pspReference,
        success: 'true',
        paymentMethod: 'ideal',
        amount: { currency: 'EUR', value: 2500 },
      },
    ]);
  });

  it('refuses when the shopper refuses at the bank, with a failed AUTHORISATION', async () => {
    const payment = await bed.checkout.PaymentsApi.payments(redirectPayment());
    const redirectResult = await shopperReturns((payment.action as { url: string }).url, 'refuse');

    const details = await bed.checkout.PaymentsApi.paymentsDetails({ details: { redirectResult } });
    await bed.simulator.flushWebhooks();

    expect(details.resultCode).toBe(DetailsResultCode.Refused);
    expect(bed.receiver.items()).toMatchObject([{ eventCode: 'AUTHORISATION', success: 'false' }]);
  });

  it('keeps the first decision when the shopper comes back to the bank page', async () => {
    const payment = await bed.checkout.PaymentsApi.payments(redirectPayment());
    const url = (payment.action as { url: string }).url;

    const first = await shopperReturns(url, 'refuse');
    const second = await shopperReturns(url, 'authorise');

    expect(second).toBe(first);
  });

  it('answers 422 to a made-up or spent redirectResult and sends no second webhook', async () => {
    const payment = await bed.checkout.PaymentsApi.payments(redirectPayment());
    const redirectResult = await shopperReturns(
      (payment.action as { url: string }).url,
      'authorise',
    );
    await bed.checkout.PaymentsApi.paymentsDetails({ details: { redirectResult } });

    for (const result of [redirectResult, 'made-up']) {
      const error: unknown = await bed.checkout.PaymentsApi.paymentsDetails({
        details: { redirectResult: result },
      }).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(HttpClientException);
      expect((error as InstanceType<typeof HttpClientException>).statusCode).toBe(422);
    }
    await bed.simulator.flushWebhooks();
    expect(bed.receiver.items()).toHaveLength(1);
  });

  it('answers 404 on the bank page for an unknown redirect, 400 for an unknown outcome', async () => {
    const payment = await bed.checkout.PaymentsApi.payments(redirectPayment());
    const unknown = new URL((payment.action as { url: string }).url);
    const badOutcome = new URL(unknown);
    unknown.searchParams.set('redirectData', 'nothing-here');
    unknown.searchParams.set('outcome', 'authorise');
    badOutcome.searchParams.set('outcome', 'maybe');

    expect((await fetch(unknown, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(badOutcome, { redirect: 'manual' })).status).toBe(400);
  });

  it('serves a bank page that links to both outcomes when none is given', async () => {
    const payment = await bed.checkout.PaymentsApi.payments(redirectPayment());

    const page = await fetch((payment.action as { url: string }).url);

    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('outcome=authorise');
    expect(html).toContain('outcome=refuse');
  });

  it('refuses iDEAL in another currency than EUR, and a redirect without returnUrl', async () => {
    const withoutReturnUrl = { ...redirectPayment(), returnUrl: undefined } as never;
    const errors = await Promise.all(
      [redirectPayment('ideal', 'USD'), withoutReturnUrl].map((request) =>
        bed.checkout.PaymentsApi.payments(request).catch((error: unknown) => error),
      ),
    );

    expect(errors.map((e) => (e as InstanceType<typeof HttpClientException>).statusCode)).toEqual([
      422, 422,
    ]);
    expect((errors[0] as InstanceType<typeof HttpClientException>).errorCode).toBe('905');
    expect((errors[1] as InstanceType<typeof HttpClientException>).message).toMatch(/returnUrl/);
  });
});
