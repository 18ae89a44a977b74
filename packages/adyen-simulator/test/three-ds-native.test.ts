import adyen, { Types } from '@adyen/api-library';
import { describe, expect, it } from 'vitest';
import { testCards } from '../src/index.ts';
import { cardPayment, simulatorPerTest } from './support/harness.ts';

const { HttpClientException } = adyen;

const bed = simulatorPerTest();

/** A challenged card's request with `change` applied to it (undefined deletes a field). */
function challengedPayment(change: (request: Record<string, any>) => void) {
  const request = cardPayment({ number: testCards.threeDSChallenge }) as Record<string, any>;
  request.browserInfo = { ...request.browserInfo };
  change(request);
  return request as Types.checkout.PaymentRequest;
}

describe('3-D Secure 2 native on a challenged card', () => {
  it('challenges when channel, origin, browserInfo and nativeThreeDS are all there', async () => {
    const payment = await bed.checkout.PaymentsApi.payments(challengedPayment(() => undefined));

    expect(payment.resultCode).toBe(Types.checkout.PaymentResponse.ResultCodeEnum.ChallengeShopper);
  });

  it.each([
    ['nativeThreeDS', (r: Record<string, any>) => delete r.authenticationData, /nativeThreeDS/],
    [
      'nativeThreeDS other than preferred',
      (r: Record<string, any>) =>
        (r.authenticationData.threeDSRequestData.nativeThreeDS = 'disabled'),
      /preferred/,
    ],
    ['channel', (r: Record<string, any>) => delete r.channel, /'channel'/],
    ['origin', (r: Record<string, any>) => delete r.origin, /'origin'/],
    [
      'an origin with a path',
      (r: Record<string, any>) => (r.origin = 'https://shop.example/checkout'),
      /Invalid origin/,
    ],
    ['browserInfo', (r: Record<string, any>) => delete r.browserInfo, /'browserInfo'/],
    [
      'browserInfo.userAgent',
      (r: Record<string, any>) => delete r.browserInfo.userAgent,
      /'browserInfo\.userAgent'/,
    ],
    [
      'browserInfo.acceptHeader',
      (r: Record<string, any>) => delete r.browserInfo.acceptHeader,
      /'browserInfo\.acceptHeader'/,
    ],
    [
      'a string colorDepth',
      (r: Record<string, any>) => (r.browserInfo.colorDepth = '24'),
      /browserInfo\.colorDepth/,
    ],
  ])('answers 422 without %s, and sends no webhook', async (_, change, message) => {
    const error: unknown = await bed.checkout.PaymentsApi.payments(challengedPayment(change)).catch(
      (reason: unknown) => reason,
    );
    await bed.simulator.flushWebhooks();

    expect(error).toBeInstanceOf(HttpClientException);
    const exception = error as InstanceType<typeof HttpClientException>;
    expect(exception.statusCode).toBe(422);
    expect(exception.apiError?.errorType).toBe('validation');
    expect(exception.apiError?.message).toMatch(message);
    expect(bed.receiver.received).toHaveLength(0);
  });

  it('asks an app (channel iOS) for neither origin nor browserInfo', async () => {
    const payment = await bed.checkout.PaymentsApi.payments(
      challengedPayment((r) => {
        r.channel = 'iOS';
        delete r.origin;
        delete r.browserInfo;
      }),
    );

    expect(payment.resultCode).toBe(Types.checkout.PaymentResponse.ResultCodeEnum.ChallengeShopper);
  });

  it('does not ask a card the issuer does not challenge', async () => {
    const request = cardPayment() as Record<string, any>;
    delete request.browserInfo;
    delete request.authenticationData;

    const payment = await bed.checkout.PaymentsApi.payments(
      request as Types.checkout.PaymentRequest,
    );

    expect(payment.resultCode).toBe(Types.checkout.PaymentResponse.ResultCodeEnum.Authorised);
  });
});
