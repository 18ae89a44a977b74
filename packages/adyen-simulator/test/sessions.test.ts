import { describe, expect, it } from 'vitest';
import { SIMULATOR_CLIENT_KEY } from '../../../subgraphs/checkout/src/adyen-http-client.ts';
import { DEFAULT_CLIENT_KEY } from '../src/index.ts';
import { MERCHANT_ACCOUNT, simulatorPerTest } from './support/harness.ts';

const CARD = {
  type: 'scheme',
  encryptedCardNumber: 'test_4111111145551142',
  encryptedExpiryMonth: 'test_03',
  encryptedExpiryYear: 'test_2030',
  encryptedSecurityCode: 'test_737',
};

describe('sessions flow (Drop-in)', () => {
  const bed = simulatorPerTest();

  const createSession = (reference = `order-${Math.random()}`) =>
    bed.checkout.PaymentsApi.sessions({
      merchantAccount: MERCHANT_ACCOUNT,
      amount: { currency: 'EUR', value: 4200 },
      reference,
      returnUrl: 'https://shop.example/checkout/return',
    });

  /** What Drop-in posts from the shopper's browser to complete the session's payment. */
  const payFromBrowser = (
    sessionId: string,
    body: Record<string, unknown>,
    clientKey = bed.simulator.clientKey,
  ) =>
    fetch(
      `${bed.simulator.url}/checkoutshopper/v1/sessions/${sessionId}/payments?clientKey=${clientKey}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );

  it('answers 201 with id, sessionData and the request echoed', async () => {
    const session = await createSession('order-1');

    expect(session.id).toMatch(/^CS/);
    expect(session.sessionData).toEqual(expect.any(String));
    expect(session).toMatchObject({ reference: 'order-1', amount: { value: 4200 } });
    expect(bed.simulator.clientKey).toBe(DEFAULT_CLIENT_KEY);
    // Checkout answers this key against a simulator when ADYEN_CLIENT_KEY is unset.
    expect(SIMULATOR_CLIENT_KEY).toBe(DEFAULT_CLIENT_KEY);
  });

  it("completes the session's payment from Drop-in and sends the AUTHORISATION webhook with its reference", async () => {
    const session = await createSession('order-2');

    const answer = await payFromBrowser(session.id, {
      sessionData: session.sessionData,
      paymentMethod: CARD,
    });
    const body = (await answer.json()) as Record<string, unknown>;
    await bed.simulator.flushWebhooks();

    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(body).toMatchObject({ resultCode: 'Authorised', sessionData: session.sessionData });
    expect(bed.receiver.items()).toEqual([
      expect.objectContaining({
        eventCode: 'AUTHORISATION',
        success: 'true',
        merchantReference: 'order-2',
        amount: { currency: 'EUR', value: 4200 },
      }),
    ]);
  });

  it('pays a session once', async () => {
    const session = await createSession();
    const pay = () =>
      payFromBrowser(session.id, { sessionData: session.sessionData, paymentMethod: CARD });

    expect((await pay()).status).toBe(200);
    expect((await pay()).status).toBe(422);
  });

  it('refuses a wrong client key (401) and sessionData of another session (422)', async () => {
    const session = await createSession();
    const other = await createSession();

    const wrongKey = await payFromBrowser(
      session.id,
      { sessionData: session.sessionData, paymentMethod: CARD },
      'test_WRONG',
    );
    const wrongData = await payFromBrowser(session.id, {
      sessionData: other.sessionData,
      paymentMethod: CARD,
    });

    expect(wrongKey.status).toBe(401);
    expect(wrongData.status).toBe(422);
    expect(await wrongData.json()).toMatchObject({ errorType: 'validation', status: 422 });
    await bed.simulator.flushWebhooks();
    expect(bed.receiver.items()).toEqual([]);
  });
});
