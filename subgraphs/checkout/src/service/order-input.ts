/** The placeOrder input, and the checks it gets before anything is read or written. */

export interface PlaceOrderInput {
  cartId: string;
  email: string;
  returnUrl?: string | null;
  paymentMethod: {
    type: string;
    encryptedCardNumber?: string | null;
    encryptedExpiryMonth?: string | null;
    encryptedExpiryYear?: string | null;
    encryptedSecurityCode?: string | null;
    holderName?: string | null;
    storedPaymentMethodId?: string | null;
  };
}

export interface InvalidCheckoutInput {
  __typename: 'InvalidCheckoutInput';
  code: string;
  message: string;
  field: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_FIELD = 5_000;

/** A typed refusal naming the input field at fault. */
export const invalidInput = (field: string, message: string): InvalidCheckoutInput => ({
  __typename: 'InvalidCheckoutInput',
  code: 'INVALID_INPUT',
  message,
  field,
});

/**
 * Checks what the GraphQL types cannot: a plausible email, an http(s) return URL, bounded field
 * sizes, and a card given as Adyen's encrypted fields or a stored payment method (PCI: the
 * schema has no field for a card number). Returns the first problem, or undefined.
 */
export function validatePlaceOrderInput(input: PlaceOrderInput): InvalidCheckoutInput | undefined {
  const email = input.email.trim();
  if (email.length > 254 || !EMAIL.test(email))
    return invalidInput('email', 'Not a valid email address');
  if (input.returnUrl != null) {
    let url: URL | undefined;
    try {
      url = new URL(input.returnUrl);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) {
      return invalidInput('returnUrl', 'returnUrl must be an http(s) URL');
    }
  }
  const method = input.paymentMethod;
  for (const [name, value] of Object.entries(method)) {
    if (typeof value === 'string' && value.length > MAX_FIELD) {
      return invalidInput(`paymentMethod.${name}`, `${name} is too long`);
    }
  }
  if (method.type !== 'scheme') {
    return invalidInput('paymentMethod.type', 'Only card payments (type "scheme") are supported');
  }
  const encrypted =
    method.encryptedCardNumber &&
    method.encryptedExpiryMonth &&
    method.encryptedExpiryYear &&
    method.encryptedSecurityCode;
  if (!encrypted && !method.storedPaymentMethodId) {
    return invalidInput(
      'paymentMethod',
      'Give the four encrypted card fields from Adyen Web, or a storedPaymentMethodId',
    );
  }
  return undefined;
}
/** The Adyen `paymentMethod` object: only the fields that are set. */
export function paymentMethodFields(
  method: PlaceOrderInput['paymentMethod'],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(method).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
