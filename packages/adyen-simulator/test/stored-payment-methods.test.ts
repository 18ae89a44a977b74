import adyen, { Types } from '@adyen/api-library';
import { describe, expect, it } from 'vitest';
import { MERCHANT_ACCOUNT, cardPayment, simulatorPerTest } from './support/harness.ts';

const { HttpClientException } = adyen;
const ResultCode = Types.checkout.PaymentResponse.ResultCodeEnum;
const { ContAuth, Ecommerce } = Types.checkout.PaymentRequest.ShopperInteractionEnum;
const { CardOnFile } = Types.checkout.PaymentRequest.RecurringProcessingModelEnum;
const SCHEME = Types.checkout.CardDetails.TypeEnum.Scheme;

async function adyenError(call: Promise<unknown>) {
  const error: unknown = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HttpClientException);
  const { statusCode, apiError } = error as InstanceType<typeof HttpClientException>;
  return { statusCode, ...apiError };
}

describe('stored payment methods (tokenization)', () => {
  const bed = simulatorPerTest();

  /** Pays with a new card and stores it for `shopperReference`; answers the token. */
  const storeCard = async (shopperReference: string, number = '4111111145551142') => {
    const response = await bed.checkout.PaymentsApi.payments({
      ...cardPayment({ number }),
      storePaymentMethod: true,
      shopperReference,
      shopperInteraction: Ecommerce,
      recurringProcessingModel: CardOnFile,
    });
    expect(response.resultCode).toBe(ResultCode.Authorised);
    return response;
  };

  const payStored = (storedPaymentMethodId: string, shopperReference?: string) =>
    bed.checkout.PaymentsApi.payments({
      ...cardPayment(),
      paymentMethod: { type: SCHEME, storedPaymentMethodId },
      shopperReference,
      shopperInteraction: ContAuth,
      recurringProcessingModel: CardOnFile,
    });

  it('stores an authorised card and answers its token in additionalData, as Adyen does', async () => {
    const response = await storeCard('shopper-1');

    const token = response.additionalData?.['tokenization.storedPaymentMethodId'];
    expect(token).toMatch(/^[A-Z0-9]{16}$/);
    expect(response.additionalData).toMatchObject({
      'recurring.recurringDetailReference': token,
      'recurring.shopperReference': 'shopper-1',
      'tokenization.shopperReference': 'shopper-1',
      'tokenization.store.operationType': 'created',
    });
    // The AUTHORISATION webhook carries the same fields.
    await bed.simulator.flushWebhooks();
    const item = bed.receiver.items().at(-1);
    expect(item?.additionalData?.['recurring.recurringDetailReference']).toBe(token);
  });

  it("lists the shopper's stored cards in /paymentMethods, and only theirs", async () => {
    const stored = await storeCard('shopper-2', '5555341244441115');
    await storeCard('someone-else');

    const listed = await bed.checkout.PaymentsApi.paymentMethods({
      merchantAccount: MERCHANT_ACCOUNT,
      shopperReference: 'shopper-2',
    });
    const anonymous = await bed.checkout.PaymentsApi.paymentMethods({
      merchantAccount: MERCHANT_ACCOUNT,
    });

    expect(listed.storedPaymentMethods).toEqual([
      expect.objectContaining({
        id: stored.additionalData?.['tokenization.storedPaymentMethodId'],
        brand: 'mc',
        lastFour: '1115',
        expiryMonth: '03',
        expiryYear: '2030',
        supportedShopperInteractions: ['Ecommerce', 'ContAuth'],
      }),
    ]);
    expect(anonymous.storedPaymentMethods).toBeUndefined();
  });

  it('stores the same card once per shopper', async () => {
    const first = await storeCard('shopper-3');
    const again = await storeCard('shopper-3');

    expect(again.additionalData?.['tokenization.storedPaymentMethodId']).toBe(
      first.additionalData?.['tokenization.storedPaymentMethodId'],
    );
    expect(again.additionalData?.['tokenization.store.operationType']).toBe('alreadyExisting');
  });

  it('does not store a refused card', async () => {
    const response = await bed.checkout.PaymentsApi.payments({
      ...cardPayment({ holderName: 'DECLINED' }),
      storePaymentMethod: true,
      shopperReference: 'shopper-4',
      recurringProcessingModel: CardOnFile,
    });
    const listed = await bed.checkout.PaymentsApi.paymentMethods({
      merchantAccount: MERCHANT_ACCOUNT,
      shopperReference: 'shopper-4',
    });

    expect(response.resultCode).toBe(ResultCode.Refused);
    expect(response.additionalData?.['tokenization.storedPaymentMethodId']).toBeUndefined();
    expect(listed.storedPaymentMethods).toEqual([]);
  });

  it('pays with a stored card of the shopper, with its brand and last four digits', async () => {
    const stored = await storeCard('shopper-5', '5555341244441115');
    const token = stored.additionalData!['tokenization.storedPaymentMethodId']!;

    const response = await payStored(token, 'shopper-5');

    expect(response.resultCode).toBe(ResultCode.Authorised);
    expect(response.paymentMethod?.brand).toBe('mc');
    expect(response.additionalData?.cardSummary).toBe('1115');
  });

  it.each([
    ['no shopperReference', {}, '000', /shopperReference/],
    ['an Ecommerce interaction', { shopperInteraction: Ecommerce }, '000', /ContAuth/],
    [
      'no recurringProcessingModel',
      { recurringProcessingModel: undefined },
      '000',
      /recurringProcessingModel/,
    ],
  ])('refuses a stored-card payment with %s (422)', async (_, change, errorCode, message) => {
    const stored = await storeCard('shopper-6');
    const token = stored.additionalData!['tokenization.storedPaymentMethodId']!;

    const error = await adyenError(
      bed.checkout.PaymentsApi.payments({
        ...cardPayment(),
        paymentMethod: { type: SCHEME, storedPaymentMethodId: token },
        shopperInteraction: ContAuth,
        recurringProcessingModel: CardOnFile,
        ...('shopperInteraction' in change || 'recurringProcessingModel' in change
          ? { shopperReference: 'shopper-6' }
          : {}),
        ...change,
      }),
    );

    expect(error).toMatchObject({ statusCode: 422, errorCode, errorType: 'validation' });
    expect(error.message).toMatch(message);
  });

  it("refuses another shopper's stored card (803) and an unknown shopper (800)", async () => {
    const stored = await storeCard('owner');
    await storeCard('thief');
    const token = stored.additionalData!['tokenization.storedPaymentMethodId']!;

    expect(await adyenError(payStored(token, 'thief'))).toMatchObject({
      statusCode: 422,
      errorCode: '803',
      message: 'PaymentDetail not found',
    });
    expect(await adyenError(payStored(token, 'nobody'))).toMatchObject({
      statusCode: 422,
      errorCode: '800',
      message: 'Contract not found',
    });
  });

  it('refuses storePaymentMethod without shopperReference or recurringProcessingModel', async () => {
    const withoutShopper = await adyenError(
      bed.checkout.PaymentsApi.payments({
        ...cardPayment(),
        storePaymentMethod: true,
        recurringProcessingModel: CardOnFile,
      }),
    );
    const withoutModel = await adyenError(
      bed.checkout.PaymentsApi.payments({
        ...cardPayment(),
        storePaymentMethod: true,
        shopperReference: 'shopper-7',
      }),
    );

    expect(withoutShopper).toMatchObject({ statusCode: 422, errorType: 'validation' });
    expect(withoutShopper.message).toMatch(/shopperReference/);
    expect(withoutModel.message).toMatch(/recurringProcessingModel/);
  });
});
