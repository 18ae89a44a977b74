import { createHash } from 'node:crypto';
import adyen from '@adyen/api-library';
import { SpanKind, withSpan } from '@commerce-graph/kit';
import { createAdyenHttpClient, SIMULATOR_CLIENT_KEY } from './adyen-http-client.ts';

// The library is CommonJS; Node's ESM loader only sees its default export reliably.
const { CheckoutAPI, Client, Config, EnvironmentEnum, HttpClientException, hmacValidator } = adyen;
const WEB = adyen.Types.checkout.PaymentMethodsRequest.ChannelEnum.Web;
const NATIVE_3DS = adyen.Types.checkout.ThreeDSRequestData.NativeThreeDSEnum.Preferred;
const { ContAuth, Ecommerce } = adyen.Types.checkout.PaymentRequest.ShopperInteractionEnum;
const CARD_ON_FILE = adyen.Types.checkout.PaymentRequest.RecurringProcessingModelEnum.CardOnFile;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface AdyenConfig {
  apiKey: string;
  merchantAccount: string;
  /** The webhook HMAC key from Adyen's Customer Area, 64 hex characters. */
  hmacKeyHex: string;
  /**
   * The key being replaced, during a rotation: Adyen signs with the new key only once it is
   * saved in the Customer Area, so both are accepted until the old one is removed here.
   */
  previousHmacKeyHex?: string;
  environment: 'TEST' | 'LIVE';
  /** Needed for LIVE: the prefix of the merchant's live endpoint. */
  liveEndpointUrlPrefix?: string;
  /**
   * `automatic` (the default, Adyen's too): Adyen captures every authorisation at once and the
   * order is PAID when it is authorised. `manual`: payments are sent with `manualCapture`, an
   * authorised order is AUTHORISED until staff capture it (`captureOrder`).
   */
  captureMode?: 'automatic' | 'manual';
  /** Talk to the local Adyen simulator at this URL instead of Adyen. */
  simulatorUrl?: string;
  /**
   * The client key Drop-in authenticates with (`ADYEN_CLIENT_KEY`), answered by
   * `createPaymentSession`; with the simulator and none set, the simulator's default.
   */
  clientKey?: string;
}

/** The shopper's browser, as Adyen Web reports it: what 3-D Secure 2 needs on the web. */
export interface BrowserInfo {
  userAgent: string;
  acceptHeader: string;
  language: string;
  colorDepth: number;
  screenHeight: number;
  screenWidth: number;
  timeZoneOffset: number;
  javaEnabled: boolean;
}

/** Methods whose issuer may authenticate the shopper with 3-D Secure 2 (native, in the page). */
const THREE_DS_METHODS = new Set(['scheme', 'bcmc']);

export interface PaymentRequest {
  paymentId: string;
  orderId: string;
  amount: { value: number; currency: string };
  paymentMethod: Record<string, string>;
  /** Also tells Adyen the page's `origin` (3-D Secure 2 runs its challenge there). */
  returnUrl: string;
  browserInfo?: BrowserInfo;
  /** Adyen keeps its own copy (its data, under its retention); absent for an erased customer. */
  shopperEmail?: string;
  /**
   * The signed-in customer's token owner (`shopperReference`), from the customer id, never from
   * the client. Set for a stored card (`paymentMethod.storedPaymentMethodId`: the shopper pays
   * with it, ContAuth) and with `storePaymentMethod` (Ecommerce); recurringProcessingModel is
   * CardOnFile for both.
   */
  shopperReference?: string;
  /** Ask Adyen to store the card for `shopperReference` once authorised. */
  storePaymentMethod?: boolean;
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

/** A capture or refund of (part of) a payment, sent with our modification's id as key. */
export interface ModificationRequest {
  /** The payment's pspReference. */
  paymentPspReference: string;
  /** Our `payment_modifications.id`: the Idempotency-Key and the modification's `reference`. */
  modificationId: string;
  amount: { value: number; currency: string };
}

/** Adyen's answer to a modification request: `received`, the outcome follows by webhook. */
export interface ModificationReceived {
  pspReference: string;
  status: string;
}

export interface PaymentProvider {
  /** Starts a payment; the idempotency key is the payment id, so a retry cannot charge twice. */
  createPayment(request: PaymentRequest): Promise<PaymentOutcome>;
  submitDetails(paymentId: string, details: Record<string, unknown>): Promise<PaymentOutcome>;
  /**
   * Asks Adyen to cancel a payment we gave up on, by its pspReference or our order id; with
   * `idempotencyKey` (our modification's id) a retry is the same request.
   */
  cancelPayment(
    payment: { orderId: string; pspReference: string | null },
    idempotencyKey?: string,
  ): Promise<ModificationReceived | null>;
  /**
   * Asks Adyen to cancel the authorisation, or refund it once captured (`/reversals`); the
   * CANCEL_OR_REFUND notification says which and how it went.
   */
  reversePayment(pspReference: string, modificationId: string): Promise<ModificationReceived>;
  /** Asks Adyen to capture (part of) an authorisation; the CAPTURE notification completes it. */
  capturePayment(request: ModificationRequest): Promise<ModificationReceived>;
  /** Asks Adyen to refund; the REFUND (or REFUND_FAILED) notification says how it went. */
  refundPayment(request: ModificationRequest): Promise<ModificationReceived>;
  /** Checks a notification item's HMAC signature; false when it is missing or wrong. */
  verifyNotification(item: Record<string, unknown>): boolean;
}

/** One way to pay that Adyen offers for a market: an entry of its `/paymentMethods` answer. */
export interface PaymentMethodOffer {
  type: string;
  name: string;
  /** For cards (`scheme`): the brands the merchant account accepts. */
  brands?: string[];
}

/** A card a shopper stored with Adyen: an entry of `/paymentMethods`' `storedPaymentMethods`. */
export interface StoredCard {
  id: string;
  brand: string;
  lastFour: string;
  /** Two digits, such as 03. */
  expiryMonth: string;
  /** Four digits, such as 2030. */
  expiryYear: string;
  holderName?: string;
}

/** The payment methods Adyen offers (apart from PaymentProvider: stand-ins need not list them). */
export interface PaymentMethodCatalog {
  /** Adyen's `/paymentMethods` for a shopper's country and the amount (and so currency) to pay. */
  listPaymentMethods(query: {
    countryCode: string;
    amount: { value: number; currency: string };
  }): Promise<PaymentMethodOffer[]>;
  /** The cards stored for `shopperReference` that a shopper can pay with (`ContAuth`). */
  listStoredCards(shopperReference: string): Promise<StoredCard[]>;
}

/** A Drop-in session to create (`/sessions`) for an order's waiting payment. */
export interface SessionRequest {
  paymentId: string;
  orderId: string;
  amount: { value: number; currency: string };
  returnUrl: string;
  /** When the session ends: when the order's payment expires. */
  expiresAt: Date;
  countryCode?: string;
  shopperEmail?: string;
  /** The signed-in customer's, so Drop-in lists their stored cards; never from the client. */
  shopperReference?: string;
}

/** What Drop-in needs of a session (with the client key); `sessionData` is never stored. */
export interface PaymentSessionCreated {
  id: string;
  sessionData: string;
  expiresAt: Date;
}

/** Adyen's sessions flow (apart from PaymentProvider: stand-ins need not offer it). */
export interface PaymentSessions {
  /** The client key Drop-in authenticates with; undefined when none is configured. */
  readonly clientKey: string | undefined;
  /** Creates the session; the idempotency key is per payment, so a retry answers the same one. */
  createSession(request: SessionRequest): Promise<PaymentSessionCreated>;
}

/** Adyen through `@adyen/api-library`, or through it to the local simulator. */
export function createAdyenProvider(
  config: AdyenConfig,
): PaymentProvider & PaymentMethodCatalog & PaymentSessions {
  const client = new Client(
    new Config({
      apiKey: config.apiKey,
      environment: config.environment === 'LIVE' ? EnvironmentEnum.LIVE : EnvironmentEnum.TEST,
      liveEndpointUrlPrefix: config.liveEndpointUrlPrefix,
    }),
    config.simulatorUrl ? createAdyenHttpClient(config.simulatorUrl) : undefined,
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

  /** One Adyen API call, in a client span named after its endpoint when tracing is on. */
  const call = <T>(endpoint: string, run: () => Promise<T>): Promise<T> =>
    withSpan(
      `adyen ${endpoint}`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'peer.service': 'adyen', 'adyen.endpoint': endpoint },
      },
      async () => {
        try {
          return await run();
        } catch (error) {
          if (error instanceof HttpClientException) {
            throw new AdyenRequestError(error.message, error.statusCode, error.errorCode);
          }
          throw error;
        }
      },
    );

  /** A capture or refund of `request.amount`, keyed and referenced by our modification's id. */
  const amountModification = async (
    operation: 'captureAuthorisedPayment' | 'refundCapturedPayment',
    request: ModificationRequest,
  ): Promise<ModificationReceived> => {
    const response = await call(`${operation}`, () =>
      checkout.ModificationsApi[operation](
        request.paymentPspReference,
        {
          merchantAccount: config.merchantAccount,
          amount: request.amount,
          reference: request.modificationId,
        },
        { idempotencyKey: request.modificationId },
      ),
    );
    return { pspReference: response.pspReference, status: String(response.status) };
  };

  return {
    async createPayment(request) {
      const response = await call('payments', () =>
        checkout.PaymentsApi.payments(
          {
            merchantAccount: config.merchantAccount,
            reference: request.orderId,
            amount: request.amount,
            // The shape was checked by the GraphQL input type and PaymentService.
            paymentMethod: request.paymentMethod as never,
            returnUrl: request.returnUrl,
            // Native 3-D Secure 2 on the web: Adyen needs the channel, the page and the browser.
            channel: adyen.Types.checkout.PaymentRequest.ChannelEnum.Web,
            origin: new URL(request.returnUrl).origin,
            browserInfo: request.browserInfo,
            ...(THREE_DS_METHODS.has(request.paymentMethod.type ?? '')
              ? { authenticationData: { threeDSRequestData: { nativeThreeDS: NATIVE_3DS } } }
              : {}),
            shopperEmail: request.shopperEmail,
            ...(request.shopperReference
              ? {
                  shopperReference: request.shopperReference,
                  shopperInteraction: request.paymentMethod.storedPaymentMethodId
                    ? ContAuth
                    : Ecommerce,
                  recurringProcessingModel: CARD_ON_FILE,
                  ...(request.storePaymentMethod ? { storePaymentMethod: true } : {}),
                }
              : {}),
            metadata: { paymentId: request.paymentId },
            ...(config.captureMode === 'manual'
              ? { additionalData: { manualCapture: 'true' } }
              : {}),
          },
          { idempotencyKey: request.paymentId },
        ),
      );
      return outcome(response);
    },
    async submitDetails(paymentId, details) {
      const response = await call('paymentsDetails', () =>
        checkout.PaymentsApi.paymentsDetails(
          { details: details as never },
          // The same details for the same payment are the same request (<= 64 characters).
          { idempotencyKey: `${paymentId}-${sha256(JSON.stringify(details)).slice(0, 27)}` },
        ),
      );
      return outcome(response);
    },
    async cancelPayment(payment, idempotencyKey) {
      const { pspReference } = payment;
      const options = idempotencyKey ? { idempotencyKey } : undefined;
      const response = pspReference
        ? await call('cancels', () =>
            checkout.ModificationsApi.cancelAuthorisedPaymentByPspReference(
              pspReference,
              { merchantAccount: config.merchantAccount, reference: payment.orderId },
              options,
            ),
          )
        : // Without a pspReference, cancel by our reference (Adyen's "technical cancel").
          await call('cancels', () =>
            checkout.ModificationsApi.cancelAuthorisedPayment(
              { merchantAccount: config.merchantAccount, paymentReference: payment.orderId },
              options,
            ),
          );
      return response?.pspReference
        ? { pspReference: response.pspReference, status: String(response.status) }
        : null;
    },
    async reversePayment(pspReference, modificationId) {
      const response = await call('reversals', () =>
        checkout.ModificationsApi.refundOrCancelPayment(
          pspReference,
          { merchantAccount: config.merchantAccount, reference: modificationId },
          { idempotencyKey: modificationId },
        ),
      );
      return { pspReference: response.pspReference, status: String(response.status) };
    },
    capturePayment: (request) => amountModification('captureAuthorisedPayment', request),
    refundPayment: (request) => amountModification('refundCapturedPayment', request),
    async listPaymentMethods(query) {
      // A read: no Idempotency-Key (Adyen's keys are for requests that change something).
      const response = await call('paymentMethods', () =>
        checkout.PaymentsApi.paymentMethods({
          merchantAccount: config.merchantAccount,
          countryCode: query.countryCode,
          amount: query.amount,
          channel: WEB,
        }),
      );
      return (response.paymentMethods ?? []).flatMap((method) =>
        method.type && method.name
          ? [{ type: method.type, name: method.name, brands: method.brands }]
          : [],
      );
    },
    async listStoredCards(shopperReference) {
      const response = await call('storedPaymentMethods', () =>
        checkout.PaymentsApi.paymentMethods({
          merchantAccount: config.merchantAccount,
          shopperReference,
          channel: WEB,
        }),
      );
      return (response.storedPaymentMethods ?? []).flatMap((method) =>
        method.type === 'scheme' &&
        method.id &&
        method.lastFour &&
        method.expiryMonth &&
        method.expiryYear &&
        (method.supportedShopperInteractions ?? []).includes('ContAuth')
          ? [
              {
                id: method.id,
                brand: method.brand ?? 'card',
                lastFour: method.lastFour,
                expiryMonth: method.expiryMonth,
                expiryYear: method.expiryYear,
                ...(method.holderName ? { holderName: method.holderName } : {}),
              },
            ]
          : [],
      );
    },
    clientKey: config.clientKey ?? (config.simulatorUrl ? SIMULATOR_CLIENT_KEY : undefined),
    async createSession(request) {
      const response = await call('sessions', () =>
        checkout.PaymentsApi.sessions(
          {
            merchantAccount: config.merchantAccount,
            reference: request.orderId,
            amount: request.amount,
            returnUrl: request.returnUrl,
            expiresAt: request.expiresAt,
            countryCode: request.countryCode,
            channel: adyen.Types.checkout.CreateCheckoutSessionRequest.ChannelEnum.Web,
            shopperEmail: request.shopperEmail,
            ...(request.shopperReference
              ? {
                  shopperReference: request.shopperReference,
                  recurringProcessingModel:
                    adyen.Types.checkout.CreateCheckoutSessionRequest.RecurringProcessingModelEnum
                      .CardOnFile,
                }
              : {}),
            metadata: { paymentId: request.paymentId },
            ...(config.captureMode === 'manual'
              ? { additionalData: { manualCapture: 'true' } }
              : {}),
          },
          { idempotencyKey: `${request.paymentId}-session` },
        ),
      );
      if (!response.sessionData) throw new Error('Adyen answered a session without sessionData');
      return {
        id: response.id,
        sessionData: response.sessionData,
        expiresAt: new Date(response.expiresAt),
      };
    },
    verifyNotification(item) {
      const additionalData = item.additionalData as Record<string, unknown> | undefined;
      // The library throws on a missing signature; a missing signature is simply invalid.
      if (typeof additionalData?.hmacSignature !== 'string') return false;
      // The current key first; the previous one while a rotation is under way.
      return [config.hmacKeyHex, config.previousHmacKeyHex].some((key) => {
        if (!key) return false;
        try {
          return validator.validateHMAC(item as never, key);
        } catch {
          return false;
        }
      });
    },
  };
}
