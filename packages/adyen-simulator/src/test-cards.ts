import { adyenError, type ApiResponse } from './api-response.ts';
import type { PaymentMethodInput } from './validation.ts';

/** The result a card authorisation ends in, once any 3-D Secure step is over. */
export type AuthorisationOutcome =
  | { resultCode: 'Authorised' }
  | { resultCode: 'Refused' | 'Error'; refusalReason: string; refusalReasonCode: string };

/** Test card numbers with special behaviour (sent as `test_<number>` in encryptedCardNumber). */
export const testCards = {
  visa: '4111111145551142',
  mastercard: '5555341244441115',
  declined: '4000300011112220',
  threeDSChallenge: '4212345678910006',
  threeDSFrictionless: '5201281505129736',
} as const;

const refused = (refusalReason: string, refusalReasonCode: string): AuthorisationOutcome => ({
  resultCode: 'Refused',
  refusalReason,
  refusalReasonCode,
});

// Adyen's documented "holder name forces the result" test values and their refusal codes.
const outcomeByHolderName: Readonly<Record<string, AuthorisationOutcome>> = {
  APPROVED: { resultCode: 'Authorised' },
  DECLINED: refused('Refused', '2'),
  REFERRAL: refused('Referral', '3'),
  ERROR: { resultCode: 'Error', refusalReason: 'Acquirer Error', refusalReasonCode: '4' },
  BLOCK_CARD: refused('Blocked Card', '5'),
  CARD_EXPIRED: refused('Expired Card', '6'),
  INVALID_AMOUNT: refused('Invalid Amount', '7'),
  ISSUER_UNAVAILABLE: refused('Issuer Unavailable', '9'),
  NOT_ENOUGH_BALANCE: refused('Not enough balance', '12'),
  CVC_DECLINED: refused('CVC Declined', '24'),
};

/** What the simulator learnt about the card; never the encrypted values themselves. */
export interface CardSummary {
  /** Adyen's variant name as used in webhooks: `visa`, `mc`, `amex`, ... */
  brand: string;
  last4?: string;
  /** `M/YYYY`, as Adyen writes `expiryDate` in additionalData. */
  expiryDate?: string;
  requiresChallenge: boolean;
}

export type CardPaymentReading =
  | { ok: true; card: CardSummary; outcome: AuthorisationOutcome }
  | { ok: false; response: ApiResponse };

const rawCardFields = ['number', 'cvc', 'expiryMonth', 'expiryYear'] as const;

/**
 * Applies Adyen's test-data rules to a payment method: refuses raw card data, decodes
 * `test_`-prefixed fields, and picks the authorisation outcome.
 */
export function readPaymentMethod(paymentMethod: PaymentMethodInput): CardPaymentReading {
  const rawField = rawCardFields.find((field) => paymentMethod[field] !== undefined);
  if (rawField !== undefined) {
    return {
      ok: false,
      response: adyenError(
        422,
        '010',
        `Not allowed: raw card data ('${rawField}') is not accepted. Send the encrypted fields ` +
          'from Adyen Web (encryptedCardNumber, encryptedExpiryMonth, encryptedExpiryYear, ' +
          'encryptedSecurityCode) or a storedPaymentMethodId.',
        'security',
      ),
    };
  }
  const type = paymentMethod.type;
  if (type === undefined || type === '') {
    return { ok: false, response: adyenError(422, '102', 'Unable to determine variant') };
  }
  const forced = forcedOutcome(paymentMethod.holderName);
  if (type !== 'scheme') {
    // Non-card methods would normally redirect; the simulator settles them at once.
    return { ok: true, card: { brand: type, requiresChallenge: false }, outcome: forced };
  }
  const storedId = paymentMethod.storedPaymentMethodId ?? paymentMethod.recurringDetailReference;
  if (storedId !== undefined) {
    const brand = paymentMethod.brand ?? 'visa';
    return { ok: true, card: { brand, requiresChallenge: false }, outcome: forced };
  }
  return readEncryptedCard(paymentMethod, forced);
}

function readEncryptedCard(
  paymentMethod: PaymentMethodInput,
  forced: AuthorisationOutcome,
): CardPaymentReading {
  const { encryptedCardNumber, encryptedExpiryMonth, encryptedExpiryYear } = paymentMethod;
  if (encryptedCardNumber === undefined) {
    return {
      ok: false,
      response: adyenError(422, '101', "Required field 'encryptedCardNumber' is not provided."),
    };
  }
  if (encryptedExpiryMonth === undefined || encryptedExpiryYear === undefined) {
    return { ok: false, response: adyenError(422, '129', 'Expiry Date Invalid') };
  }

  const number = testPlaintext(encryptedCardNumber);
  const month = testPlaintext(encryptedExpiryMonth);
  const year = testPlaintext(encryptedExpiryYear);
  const cvc =
    paymentMethod.encryptedSecurityCode === undefined
      ? undefined
      : testPlaintext(paymentMethod.encryptedSecurityCode);

  if (number !== undefined && !/^\d{12,19}$/.test(number)) {
    return { ok: false, response: adyenError(422, '101', 'Invalid card number') };
  }
  if (month !== undefined && !/^(0?[1-9]|1[0-2])$/.test(month)) {
    return { ok: false, response: adyenError(422, '129', 'Expiry Date Invalid') };
  }
  if (year !== undefined && !/^\d{4}$/.test(year)) {
    return { ok: false, response: adyenError(422, '129', 'Expiry Date Invalid') };
  }
  if (cvc !== undefined && !/^\d{3,4}$/.test(cvc)) {
    return { ok: false, response: adyenError(422, '103', 'CVC is not the right length') };
  }

  const card: CardSummary = {
    // An opaque blob is a real Adyen Web encryption the simulator cannot read: take it as valid.
    brand: number === undefined ? (paymentMethod.brand ?? 'visa') : brandOf(number),
    requiresChallenge: number === testCards.threeDSChallenge,
  };
  if (number !== undefined) card.last4 = number.slice(-4);
  if (month !== undefined && year !== undefined) card.expiryDate = `${Number(month)}/${year}`;

  const outcome =
    forced.resultCode === 'Authorised' && number === testCards.declined
      ? refused('Refused', '2')
      : forced;
  return { ok: true, card, outcome };
}

function forcedOutcome(holderName: string | undefined): AuthorisationOutcome {
  const key = holderName?.trim().toUpperCase();
  return (key === undefined ? undefined : outcomeByHolderName[key]) ?? { resultCode: 'Authorised' };
}

/** Adyen's test environment accepts `test_<plaintext>` in place of client-side encryption. */
function testPlaintext(value: string): string | undefined {
  return value.startsWith('test_') ? value.slice('test_'.length) : undefined;
}

function brandOf(number: string): string {
  if (number.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mc';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^(6011|65)/.test(number)) return 'discover';
  return 'scheme';
}
