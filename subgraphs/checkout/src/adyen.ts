import { createHash } from 'node:crypto';
import adyen from '@adyen/api-library';
import { createSimulatorHttpClient } from '@commerce-graph/adyen-simulator';

// The library is CommonJS; Node's ESM loader only sees its default export reliably.
const { CheckoutAPI, Client, Config, EnvironmentEnum, HttpClientException, hmacValidator } = adyen;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface AdyenConfig {
  apiKey: string;
  merchantAccount: string;
  /** The webhook HMAC key from Adyen's Customer Area, 64 hex characters. */
  hmacKeyHex: string;
  environment: 'TEST' | 'LIVE';
  /** Needed for LIVE: the prefix of the merchant's live endpoint. */
  liveEndpointUrlPrefix?: string;
  /** Talk to the local Adyen simulator at this URL instead of Adyen. */
  simulatorUrl?: string;
}

export interface PaymentRequest {
  paymentId: string;
  orderId: string;
  amount: { value: number; currency: string };
  paymentMethod: Record<string, string>;
  returnUrl: string;
  /** Adyen keeps its own copy (its data, under its retention); absent for an erased customer. */
  shopperEmail?: string;
}

/** The part of Adyen's /payments answer checkout keeps. */
export interface PaymentOutcome {
  resultCode: string;
  pspReference?: string;
  refusalReason?: string;
  action?: unknown;
}

/** Adyen answered with an error status (validation, auth, server error). */
export class AdyenRequestError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | undefined,
    readonly errorCode: string | undefined,
  ) {
    super(message);
    this.name = 'AdyenRequestError';
  }

  /**
   * True when Adyen may still act on the request: a server error, or a duplicate of a request
   * still in flight (422 with error code 704). A retry with the same idempotency key is safe.
   */
  get transient(): boolean {
    return (this.statusCode ?? 500) >= 500 || this.errorCode === '704';
  }
}

export interface PaymentProvider {
  /** Starts a payment; the idempotency key is the payment id, so a retry cannot charge twice. */
  createPayment(request: PaymentRequest): Promise<PaymentOutcome>;
  submitDetails(paymentId: string, details: Record<string, unknown>): Promise<PaymentOutcome>;
  /** Asks Adyen to cancel a payment we gave up on, by its pspReference or our order id. */
  cancelPayment(payment: { orderId: string; pspReference: string | null }): Promise<void>;
  /** Checks a notification item's HMAC signature; false when it is missing or wrong. */
  verifyNotification(item: Record<string, unknown>): boolean;
}

/** Adyen through `@adyen/api-library`, or through it to the local simulator. */
export function createAdyenProvider(config: AdyenConfig): PaymentProvider {
  const client = new Client(
    new Config({
      apiKey: config.apiKey,
      environment: config.environment === 'LIVE' ? EnvironmentEnum.LIVE : EnvironmentEnum.TEST,
      liveEndpointUrlPrefix: config.liveEndpointUrlPrefix,
    }),
    config.simulatorUrl ? createSimulatorHttpClient(config.simulatorUrl) : undefined,
  );
  const checkout = new CheckoutAPI(client);
  const validator = new hmacValidator();

  const outcome = (response: {
    resultCode?: unknown;
    pspReference?: string;
    refusalReason?: string;
    action?: unknown;
  }): PaymentOutcome => ({
    resultCode: String(response.resultCode ?? 'Error'),
    pspReference: response.pspReference,
    refusalReason: response.refusalReason,
    action: response.action ?? undefined,
  });

  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof HttpClientException) {
        throw new AdyenRequestError(error.message, error.statusCode, error.errorCode);
      }
      throw error;
    }
  };

  return {
    async createPayment(request) {
      const response = await call(() =>
        checkout.PaymentsApi.payments(
          {
            merchantAccount: config.merchantAccount,
            reference: request.orderId,
            amount: request.amount,
            // The shape was checked by the GraphQL input type and PaymentService.
            paymentMethod: request.paymentMethod as never,
            returnUrl: request.returnUrl,
            shopperEmail: request.shopperEmail,
            metadata: { paymentId: request.paymentId },
          },
          { idempotencyKey: request.paymentId },
        ),
      );
      return outcome(response);
    },
    async submitDetails(paymentId, details) {
      const response = await call(() =>
        checkout.PaymentsApi.paymentsDetails(
          { details: details as never },
          // The same details for the same payment are the same request (<= 64 characters).
          { idempotencyKey: `${paymentId}-${sha256(JSON.stringify(details)).slice(0, 27)}` },
        ),
      );
      return outcome(response);
    },
    async cancelPayment(payment) {
      const { pspReference } = payment;
      if (pspReference) {
        await call(() =>
          checkout.ModificationsApi.cancelAuthorisedPaymentByPspReference(pspReference, {
            merchantAccount: config.merchantAccount,
            reference: payment.orderId,
          }),
        );
      } else {
        // Without a pspReference, cancel by our reference (Adyen's "technical cancel").
        await call(() =>
          checkout.ModificationsApi.cancelAuthorisedPayment({
            merchantAccount: config.merchantAccount,
            paymentReference: payment.orderId,
          }),
        );
      }
    },
    verifyNotification(item) {
      const additionalData = item.additionalData as Record<string, unknown> | undefined;
      // The library throws on a missing signature; a missing signature is simply invalid.
      if (typeof additionalData?.hmacSignature !== 'string') return false;
      try {
        return validator.validateHMAC(item as never, config.hmacKeyHex);
      } catch {
        return false;
      }
    },
  };
}
