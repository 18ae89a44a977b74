/**
 * The card form's "secured fields". Adyen Web's Card Component validates what the shopper types
 * and hands the merchant only `encrypted*` values, so the card number never reaches the
 * merchant's server. Against Adyen's test environment and our simulator, the encrypted form of
 * a field is `test_<plaintext>` (Adyen's documented stand-in for client-side encryption, which
 * the simulator decodes; see packages/adyen-simulator). With live credentials, mount
 * `@adyen/adyen-web`'s Card Component with the client key here instead: it answers the same
 * `paymentMethod` object.
 */

export interface CardInput {
  number: string;
  /** `MM/YY` as typed. */
  expiry: string;
  cvc: string;
  holderName: string;
}

/** `state.data.paymentMethod` of Adyen Web's Card Component. */
export interface EncryptedCard {
  type: 'scheme';
  encryptedCardNumber: string;
  encryptedExpiryMonth: string;
  encryptedExpiryYear: string;
  encryptedSecurityCode: string;
  holderName: string;
}

export type CardReading =
  | { ok: true; paymentMethod: EncryptedCard }
  | { ok: false; errors: Partial<Record<keyof CardInput, string>> };

/** Validates the fields as the Card Component does and answers their encrypted form. */
export function encryptCard(input: CardInput, now = new Date()): CardReading {
  const errors: Partial<Record<keyof CardInput, string>> = {};
  const number = input.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
    errors.number = 'Enter a valid card number';
  }
  const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(input.expiry.trim());
  const month = expiry ? Number(expiry[1]) : 0;
  const year = expiry ? Number(expiry[2]!.length === 2 ? `20${expiry[2]}` : expiry[2]) : 0;
  const endOfMonth = new Date(year, month, 1);
  if (!expiry || month < 1 || month > 12) {
    errors.expiry = 'Enter the expiry date as MM/YY';
  } else if (endOfMonth <= now) {
    errors.expiry = 'This card has expired';
  }
  const cvc = input.cvc.trim();
  if (!/^\d{3,4}$/.test(cvc)) errors.cvc = 'Enter the 3 or 4 digit security code';
  const holderName = input.holderName.trim();
  if (holderName === '') errors.holderName = 'Enter the name on the card';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  return {
    ok: true,
    paymentMethod: {
      type: 'scheme',
      encryptedCardNumber: encryptField(number),
      encryptedExpiryMonth: encryptField(String(month).padStart(2, '0')),
      encryptedExpiryYear: encryptField(String(year)),
      encryptedSecurityCode: encryptField(cvc),
      holderName,
    },
  };
}

/** What Adyen Web reports as `state.data.browserInfo`, for 3-D Secure 2. */
export function browserInfo() {
  return {
    userAgent: navigator.userAgent,
    acceptHeader: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    language: navigator.language,
    colorDepth: screen.colorDepth,
    screenHeight: screen.height,
    screenWidth: screen.width,
    timeZoneOffset: new Date().getTimezoneOffset(),
    javaEnabled: false,
  };
}

function encryptField(plaintext: string): string {
  return `test_${plaintext}`;
}

function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Adyen's brand names (`visa`, `mc`, `amex`), as the Card Component reports them. */
export function brandOf(number: string): string {
  if (number.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mc';
  if (/^3[47]/.test(number)) return 'amex';
  return 'card';
}
