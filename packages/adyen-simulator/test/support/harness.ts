import adyen, { Types } from '@adyen/api-library';
import { afterEach, beforeEach } from 'vitest';
// The client checkout's Adyen adapter uses against the simulator: the tests go the same way.
// Checkout's own adapter client, by path as other tests reach across packages: a declared
// dependency would make the workspace cyclic (checkout's tests start simulators).
import { createAdyenHttpClient } from '../../../../subgraphs/checkout/src/adyen-http-client.ts';
import { TEST_BROWSER_INFO } from '../../../../test/support/payment.ts';
import {
  createAdyenSimulator,
  type AdyenSimulator,
  type AdyenSimulatorOptions,
} from '../../src/index.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

// Default import: Node's ESM loader cannot see these named exports of the CommonJS library.
const { CheckoutAPI, Client, Config, EnvironmentEnum } = adyen;

export const API_KEY = 'AQE-simulator-test-key';
// Adyen's documentation example key; any 64 hex characters will do.
export const HMAC_KEY = '44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056';
export const MERCHANT_ACCOUNT = 'CommerceGraphECOM';

export type CheckoutApi = InstanceType<typeof CheckoutAPI>;

/** Builds the library's Checkout API exactly as the checkout service does against the simulator. */
export function checkoutApi(baseUrl: string, apiKey = API_KEY): CheckoutApi {
  const config = new Config({ apiKey, environment: EnvironmentEnum.TEST });
  return new CheckoutAPI(new Client(config, createAdyenHttpClient(baseUrl)));
}

/** Starts a simulator on a random port with fast webhook timings for tests. */
export async function startSimulator(
  overrides: Partial<AdyenSimulatorOptions> = {},
): Promise<{ simulator: AdyenSimulator; url: string; checkout: CheckoutApi }> {
  const simulator = createAdyenSimulator({
    apiKey: API_KEY,
    hmacKeyHex: HMAC_KEY,
    merchantAccount: MERCHANT_ACCOUNT,
    webhookDelayMs: 0,
    retryDelaysMs: [20, 40],
    ...overrides,
  });
  const url = await simulator.listen();
  return { simulator, url, checkout: checkoutApi(url) };
}

/** What `simulatorPerTest` hands each test: a simulator, its client, and its webhooks' receiver. */
export interface SimulatorTestBed {
  simulator: AdyenSimulator;
  checkout: CheckoutApi;
  receiver: WebhookReceiver;
}

/** Starts a simulator sending webhooks to a fresh receiver before each test, closes both after. */
export function simulatorPerTest(): SimulatorTestBed {
  const bed = {} as SimulatorTestBed;
  beforeEach(async () => {
    bed.receiver = await startWebhookReceiver();
    const started = await startSimulator({ webhookUrl: bed.receiver.url });
    bed.simulator = started.simulator;
    bed.checkout = started.checkout;
  });
  afterEach(async () => {
    await bed.simulator.close();
    await bed.receiver.close();
  });
  return bed;
}

let referenceCounter = 0;

/** A card payment request as Adyen Web would produce it, with `test_` plaintext fields. */
export function cardPayment(
  card: { number?: string; holderName?: string; value?: number } = {},
): Types.checkout.PaymentRequest {
  referenceCounter += 1;
  return {
    merchantAccount: MERCHANT_ACCOUNT,
    amount: { currency: 'EUR', value: card.value ?? 2599 },
    reference: `order-${Date.now()}-${referenceCounter}`,
    returnUrl: 'https://shop.example/checkout/return',
    // Everything native 3-D Secure 2 needs, so challenged cards are challenged.
    channel: Types.checkout.PaymentRequest.ChannelEnum.Web,
    origin: 'https://shop.example',
    browserInfo: TEST_BROWSER_INFO,
    authenticationData: {
      threeDSRequestData: {
        nativeThreeDS: Types.checkout.ThreeDSRequestData.NativeThreeDSEnum.Preferred,
      },
    },
    paymentMethod: {
      type: Types.checkout.CardDetails.TypeEnum.Scheme,
      encryptedCardNumber: `test_${card.number ?? '4111111145551142'}`,
      encryptedExpiryMonth: 'test_03',
      encryptedExpiryYear: 'test_2030',
      encryptedSecurityCode: 'test_737',
      ...(card.holderName === undefined ? {} : { holderName: card.holderName }),
    },
  };
}
