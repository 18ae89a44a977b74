import { adyenError, type ApiResponse } from './api-response.ts';
import { formatEventDate, type Amount, type NotificationItemInput } from './notification.ts';
import {
  createPspReferenceGenerator,
  newAuthCode,
  newOpaqueBlob,
  newSessionId,
} from './references.ts';
import { acceptsCurrency, isRedirectMethod } from './payment-methods.ts';
import { createRedirectAction, returnLocation, type RedirectOutcome } from './redirect.ts';
import { createStoredMethods } from './stored-methods.ts';
import { readPaymentMethod, type AuthorisationOutcome, type CardSummary } from './test-cards.ts';
import {
  createChallengeAction,
  decodeThreeDSResult,
  missingNativeThreeDSData,
} from './three-ds.ts';
import type {
  ModificationInput,
  PaymentDetailsRequestInput,
  PaymentRequestInput,
  SessionPaymentRequestInput,
  SessionRequestInput,
  StandaloneCancelInput,
} from './validation.ts';

/** What a handled request produced: the answer, and the webhooks it triggers. */
export interface LedgerResult {
  response: ApiResponse;
  notifications: NotificationItemInput[];
}

/** The path segment of `POST /payments/{pspReference}/{kind}`. */
export type ModificationKind = 'captures' | 'refunds' | 'cancels' | 'reversals';

const eventCodeByKind = {
  captures: 'CAPTURE',
  refunds: 'REFUND',
  cancels: 'CANCELLATION',
  reversals: 'CANCEL_OR_REFUND',
} as const satisfies Record<ModificationKind, string>;

interface PaymentRecord {
  pspReference: string;
  merchantReference: string;
  amount: Amount;
  paymentMethodType: string;
  card: CardSummary;
  /** `storePaymentMethod`: the shopper the card is stored for once it is authorised. */
  storeFor?: { shopperReference: string; holderName: string | undefined };
  state: 'challenged' | 'authorised' | 'refused';
  captured: number;
  refunded: number;
  cancelled: boolean;
}

interface PendingChallenge {
  payment: PaymentRecord;
  outcome: AuthorisationOutcome;
  paymentData: string;
  transactionId: string;
}

interface PendingRedirect {
  payment: PaymentRecord;
  returnUrl: string;
  /** The result when the shopper approves at the bank (a holder name may still force one). */
  approved: AuthorisationOutcome;
  redirectData: string;
  /** Set once the shopper came back: what the bank decided, and the token that proves it. */
  decided?: { outcome: AuthorisationOutcome; redirectResult: string };
}

const refusedAtBank: AuthorisationOutcome = {
  resultCode: 'Refused',
  refusalReason: 'Refused',
  refusalReasonCode: '2',
};

const notAuthenticated: AuthorisationOutcome = {
  resultCode: 'Refused',
  refusalReason: '3D Not Authenticated',
  refusalReasonCode: '11',
};

/** A `/sessions` session: what its Drop-in payment will be. */
interface SessionRecord {
  id: string;
  sessionData: string;
  request: SessionRequestInput;
  expiresAt: Date;
  /** Set once a payment of the session was authorised: a session pays once. */
  authorised: boolean;
}

const DEFAULT_SESSION_TTL_MS = 60 * 60 * 1000;

/** The payments ledger of one merchant account: the Checkout API rules, free of HTTP. */
export type PaymentLedger = ReturnType<typeof createPaymentLedger>;

/**
 * Creates an in-memory ledger that authorises, challenges, redirects and modifies payments;
 * `baseUrl` is where redirect actions send the shopper (the simulator's own URL).
 */
export function createPaymentLedger(
  merchantAccount: string,
  baseUrl: () => string = () => 'http://127.0.0.1',
) {
  const nextPspReference = createPspReferenceGenerator();
  const payments = new Map<string, PaymentRecord>();
  const latestByMerchantReference = new Map<string, PaymentRecord>();
  const challengesByPaymentData = new Map<string, PendingChallenge>();
  const challengesByTransactionId = new Map<string, PendingChallenge>();
  const redirectsByData = new Map<string, PendingRedirect>();
  const redirectsByResult = new Map<string, PendingRedirect>();
  const storedMethods = createStoredMethods();
  const sessions = new Map<string, SessionRecord>();

  function authorise(request: PaymentRequestInput): LedgerResult {
    const reading = readPaymentMethod(request.paymentMethod);
    if (!reading.ok) return { response: reading.response, notifications: [] };
    const tokenization = storedMethods.check(request);
    if (!tokenization.ok) return failed(tokenization.response);
    const { plan } = tokenization;
    if (plan.kind === 'pay-stored') {
      const { brand, lastFour, expiryMonth, expiryYear } = plan.card;
      reading.card = {
        brand,
        last4: lastFour,
        expiryDate: `${Number(expiryMonth)}/${expiryYear}`,
        requiresChallenge: false,
      };
    }
    const type = request.paymentMethod.type ?? 'scheme';
    if (!acceptsCurrency(type, request.amount.currency)) {
      return failed(adyenError(422, '905', 'Payment details are not supported'));
    }
    const redirect = isRedirectMethod(type);
    if (redirect && !isAbsoluteUrl(request.returnUrl)) {
      return failed(
        request.returnUrl === undefined
          ? adyenError(422, '000', "Required field 'returnUrl' is not provided.")
          : adyenError(422, '000', 'Invalid returnUrl: expected an absolute URL'),
      );
    }
    // Adyen checks the 3-D Secure 2 data when the issuer wants to authenticate the shopper.
    const missing = reading.card.requiresChallenge ? missingNativeThreeDSData(request) : undefined;
    if (missing !== undefined) return failed(missing);

    const payment: PaymentRecord = {
      pspReference: nextPspReference(),
      merchantReference: request.reference,
      amount: { currency: request.amount.currency, value: request.amount.value },
      paymentMethodType: type,
      card: reading.card,
      ...(plan.kind === 'store'
        ? {
            storeFor: {
              shopperReference: plan.shopperReference,
              holderName: request.paymentMethod.holderName,
            },
          }
        : {}),
      state: 'challenged',
      captured: 0,
      refunded: 0,
      cancelled: false,
    };
    payments.set(payment.pspReference, payment);
    latestByMerchantReference.set(payment.merchantReference, payment);

    if (redirect) return startRedirect(payment, reading.outcome, request.returnUrl!);
    if (!reading.card.requiresChallenge) return settle(payment, reading.outcome);

    const { action, transactionId } = createChallengeAction();
    const pending: PendingChallenge = {
      payment,
      outcome: reading.outcome,
      paymentData: action.paymentData,
      transactionId,
    };
    challengesByPaymentData.set(pending.paymentData, pending);
    challengesByTransactionId.set(transactionId, pending);
    return {
      response: {
        status: 200,
        body: {
          pspReference: payment.pspReference,
          resultCode: 'ChallengeShopper',
          merchantReference: payment.merchantReference,
          amount: payment.amount,
          action,
        },
      },
      notifications: [],
    };
  }

  function startRedirect(
    payment: PaymentRecord,
    approved: AuthorisationOutcome,
    returnUrl: string,
  ): LedgerResult {
    const { action, redirectData } = createRedirectAction(baseUrl(), payment.paymentMethodType);
    redirectsByData.set(redirectData, { payment, returnUrl, approved, redirectData });
    return {
      response: {
        status: 200,
        body: {
          pspReference: payment.pspReference,
          resultCode: 'RedirectShopper',
          merchantReference: payment.merchantReference,
          amount: payment.amount,
          action,
        },
      },
      notifications: [],
    };
  }

  /**
   * The shopper's answer at the (simulated) bank: fixes the result once, and answers where the
   * browser goes next, the returnUrl with a `redirectResult` for `/payments/details`.
   */
  function decideRedirect(
    redirectData: string,
    outcome: RedirectOutcome,
  ): { ok: true; location: string } | { ok: false; response: ApiResponse } {
    const pending = redirectsByData.get(redirectData);
    if (pending === undefined) {
      return { ok: false, response: adyenError(404, '000', 'No payment waits for this redirect') };
    }
    // The bank decides once: a second visit (a reload, another outcome) goes back the same way.
    pending.decided ??= {
      outcome: outcome === 'authorise' ? pending.approved : refusedAtBank,
      redirectResult: newOpaqueBlob(32),
    };
    redirectsByResult.set(pending.decided.redirectResult, pending);
    return {
      ok: true,
      location: returnLocation(pending.returnUrl, pending.decided.redirectResult),
    };
  }

  function completeRedirect(redirectResult: string): LedgerResult {
    const pending = redirectsByResult.get(redirectResult);
    if (pending?.decided === undefined) {
      return failed(
        adyenError(422, '000', 'Invalid redirectResult: no redirected payment matches it'),
      );
    }
    redirectsByResult.delete(redirectResult);
    redirectsByData.delete(pending.redirectData);
    return settle(pending.payment, pending.decided.outcome);
  }

  function submitDetails(request: PaymentDetailsRequestInput): LedgerResult {
    if (request.details.redirectResult !== undefined) {
      return completeRedirect(request.details.redirectResult);
    }
    const threeDSResult = request.details.threeDSResult;
    if (threeDSResult === undefined) {
      return failed(
        adyenError(422, '000', "Required field 'details.threeDSResult' is not provided."),
      );
    }
    const decoded = decodeThreeDSResult(threeDSResult);
    if (decoded?.transStatus === undefined) {
      return failed(adyenError(422, '000', 'Invalid threeDSResult: expected base64-encoded JSON'));
    }
    const pending =
      request.paymentData !== undefined
        ? challengesByPaymentData.get(request.paymentData)
        : decoded.threeDSServerTransID !== undefined
          ? challengesByTransactionId.get(decoded.threeDSServerTransID)
          : undefined;
    if (pending === undefined) {
      return failed(
        adyenError(422, '000', 'Invalid payment data: no pending 3-D Secure challenge matches it'),
      );
    }
    challengesByPaymentData.delete(pending.paymentData);
    challengesByTransactionId.delete(pending.transactionId);

    const authenticated = decoded.transStatus === 'Y' || decoded.transStatus === 'A';
    return settle(pending.payment, authenticated ? pending.outcome : notAuthenticated);
  }

  function settle(payment: PaymentRecord, outcome: AuthorisationOutcome): LedgerResult {
    const authorised = outcome.resultCode === 'Authorised';
    payment.state = authorised ? 'authorised' : 'refused';

    const additionalData: Record<string, string> = {};
    if (authorised) additionalData.authCode = newAuthCode();
    if (payment.card.last4 !== undefined) additionalData.cardSummary = payment.card.last4;
    if (payment.card.expiryDate !== undefined) additionalData.expiryDate = payment.card.expiryDate;
    if (authorised && payment.storeFor !== undefined) {
      const { shopperReference, holderName } = payment.storeFor;
      Object.assign(
        additionalData,
        storedMethods.store(shopperReference, payment.card, holderName),
      );
    }

    const body = {
      additionalData,
      pspReference: payment.pspReference,
      resultCode: outcome.resultCode,
      merchantReference: payment.merchantReference,
      amount: payment.amount,
      paymentMethod: { brand: payment.card.brand, type: payment.paymentMethodType },
      ...(outcome.resultCode === 'Authorised'
        ? {}
        : {
            refusalReason: outcome.refusalReason,
            refusalReasonCode: outcome.refusalReasonCode,
          }),
    };
    const notification: NotificationItemInput = {
      eventCode: 'AUTHORISATION',
      pspReference: payment.pspReference,
      merchantAccountCode: merchantAccount,
      merchantReference: payment.merchantReference,
      amount: payment.amount,
      success: authorised,
      reason:
        outcome.resultCode === 'Authorised'
          ? authorisationReason(additionalData)
          : outcome.refusalReason,
      paymentMethod: payment.card.brand,
      additionalData,
      ...(authorised ? { operations: ['CANCEL', 'CAPTURE', 'REFUND'] } : {}),
    };
    return { response: { status: 200, body }, notifications: [notification] };
  }

  function createSession(request: SessionRequestInput): LedgerResult {
    if (!isAbsoluteUrl(request.returnUrl)) {
      return failed(adyenError(422, '000', 'Invalid returnUrl: expected an absolute URL'));
    }
    const expiresAt =
      request.expiresAt === undefined
        ? new Date(Date.now() + DEFAULT_SESSION_TTL_MS)
        : new Date(request.expiresAt);
    if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now()) {
      return failed(adyenError(422, '000', 'Invalid expiresAt: expected a future ISO 8601 date'));
    }
    const session: SessionRecord = {
      id: newSessionId(),
      sessionData: newOpaqueBlob(96),
      request,
      expiresAt,
      authorised: false,
    };
    sessions.set(session.id, session);
    return {
      response: {
        status: 201,
        body: {
          id: session.id,
          sessionData: session.sessionData,
          amount: request.amount,
          reference: request.reference,
          returnUrl: request.returnUrl,
          merchantAccount,
          expiresAt: formatEventDate(expiresAt),
          mode: request.mode ?? 'embedded',
          countryCode: request.countryCode,
          shopperLocale: request.shopperLocale,
          shopperReference: request.shopperReference,
        },
      },
      notifications: [],
    };
  }

  /**
   * Drop-in's payment of a session (`/checkoutshopper/v1/sessions/{id}/payments`): the
   * session's amount, reference and returnUrl with the shopper's payment method. Answers what
   * Drop-in reads (`resultCode`, `action`, `sessionData`, `sessionResult`); the AUTHORISATION
   * webhook carries the session's reference.
   */
  function payWithSession(sessionId: string, request: SessionPaymentRequestInput): LedgerResult {
    const session = sessions.get(sessionId);
    if (session === undefined || session.sessionData !== request.sessionData) {
      return failed(adyenError(422, '000', 'Invalid sessionData for this session', 'validation'));
    }
    if (session.expiresAt.getTime() <= Date.now()) {
      return failed(adyenError(422, '000', 'Session expired'));
    }
    if (session.authorised) {
      return failed(adyenError(422, '000', 'Session already completed: it has been paid'));
    }
    const result = authorise({
      merchantAccount,
      amount: session.request.amount,
      reference: session.request.reference,
      returnUrl: session.request.returnUrl,
      shopperReference: session.request.shopperReference,
      // Adyen fills these in for a session: Drop-in lists the shopper's cards to pay with.
      ...((request.paymentMethod.storedPaymentMethodId ??
      request.paymentMethod.recurringDetailReference)
        ? {
            shopperInteraction: 'ContAuth' as const,
            recurringProcessingModel: session.request.recurringProcessingModel ?? 'CardOnFile',
          }
        : {}),
      paymentMethod: request.paymentMethod,
      channel: request.channel,
      origin: request.origin,
      browserInfo: request.browserInfo,
      authenticationData: request.authenticationData,
    });
    if (result.response.status !== 200) return result;
    const body = result.response.body as { resultCode: string; action?: unknown };
    if (body.resultCode === 'Authorised') session.authorised = true;
    return {
      response: {
        status: 200,
        body: {
          resultCode: body.resultCode,
          ...(body.action === undefined ? {} : { action: body.action }),
          sessionData: session.sessionData,
          sessionResult: newOpaqueBlob(32),
        },
      },
      notifications: result.notifications,
    };
  }

  function modify(
    kind: ModificationKind,
    paymentPspReference: string,
    request: ModificationInput,
  ): LedgerResult {
    const payment = payments.get(paymentPspReference);
    if (payment === undefined) {
      return failed(adyenError(422, '167', 'Original pspReference required for this operation'));
    }
    const pspReference = nextPspReference();
    const amount = request.amount ?? payment.amount;
    const failure = applyModification(kind, payment, amount);
    const carriesAmount = kind === 'captures' || kind === 'refunds';
    return {
      response: {
        status: 201,
        body: {
          merchantAccount,
          paymentPspReference: payment.pspReference,
          pspReference,
          reference: request.reference,
          ...(carriesAmount ? { amount } : {}),
          status: 'received',
        },
      },
      notifications: [
        {
          eventCode: eventCodeByKind[kind],
          pspReference,
          originalReference: payment.pspReference,
          merchantAccountCode: merchantAccount,
          merchantReference: request.reference ?? payment.merchantReference,
          amount,
          success: failure === undefined,
          reason: failure ?? '',
          paymentMethod: payment.card.brand,
        },
      ],
    };
  }

  function cancelByMerchantReference(request: StandaloneCancelInput): LedgerResult {
    const payment = latestByMerchantReference.get(request.paymentReference);
    const pspReference = nextPspReference();
    // Adyen answers "received" even when nothing matches; the webhook then reports the failure.
    const failure =
      payment === undefined
        ? 'No payment found with this merchant reference'
        : applyModification('cancels', payment, payment.amount);
    return {
      response: {
        status: 201,
        body: {
          merchantAccount,
          paymentReference: request.paymentReference,
          pspReference,
          reference: request.reference,
          status: 'received',
        },
      },
      notifications: [
        {
          eventCode: 'TECHNICAL_CANCEL',
          pspReference,
          originalReference: payment?.pspReference ?? '',
          merchantAccountCode: merchantAccount,
          merchantReference: request.reference ?? request.paymentReference,
          amount: payment?.amount ?? { currency: 'EUR', value: 0 },
          success: failure === undefined,
          reason: failure ?? '',
          paymentMethod: payment?.card.brand,
        },
      ],
    };
  }

  return {
    authorise,
    submitDetails,
    decideRedirect,
    createSession,
    payWithSession,
    storedPaymentMethods: (shopperReference: string) => storedMethods.listFor(shopperReference),
    modify,
    cancelByMerchantReference,
  };
}

/** Checks a modification against the payment's balances and books it; returns why it failed. */
function applyModification(
  kind: ModificationKind,
  payment: PaymentRecord,
  amount: Amount,
): string | undefined {
  if (payment.state !== 'authorised') return 'Original payment is not authorised';
  if (amount.currency !== payment.amount.currency) {
    return 'Currency does not match the original payment';
  }
  if (payment.cancelled) return 'Payment has already been cancelled';
  // Without an explicit capture, behave like Adyen's default immediate capture.
  const refundable =
    (payment.captured > 0 ? payment.captured : payment.amount.value) - payment.refunded;
  switch (kind) {
    case 'captures':
      if (payment.captured + amount.value > payment.amount.value) {
        return 'Capture amount exceeds the authorised amount';
      }
      payment.captured += amount.value;
      return undefined;
    case 'refunds':
      if (amount.value > refundable) return 'Refund amount exceeds the refundable amount';
      payment.refunded += amount.value;
      return undefined;
    case 'cancels':
      if (payment.captured > 0 || payment.refunded > 0) return 'Payment has already been captured';
      payment.cancelled = true;
      return undefined;
    case 'reversals':
      if (payment.captured === 0 && payment.refunded === 0) {
        payment.cancelled = true;
        return undefined;
      }
      if (refundable <= 0) return 'Payment has already been fully refunded';
      payment.refunded += refundable;
      return undefined;
  }
}

function authorisationReason(additionalData: Record<string, string>): string {
  // Adyen writes `authCode:last4:expiry` into the reason of a successful AUTHORISATION.
  const { authCode, cardSummary, expiryDate } = additionalData;
  return authCode !== undefined && cardSummary !== undefined && expiryDate !== undefined
    ? `${authCode}:${cardSummary}:${expiryDate}`
    : '';
}

function isAbsoluteUrl(value: string | undefined): value is string {
  return value !== undefined && URL.canParse(value);
}

function failed(response: ApiResponse): LedgerResult {
  return { response, notifications: [] };
}
