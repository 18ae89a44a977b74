/** The placeOrder and submitPaymentDetails inputs, and the checks they get before any I/O. */
import { z } from 'zod';
import { parseInput, userInput, type ParsedInput } from '@commerce-graph/kit';
import type { BrowserInfo } from '../adyen.ts';

export interface PlaceOrderInput {
  cartId: string;
  idempotencyKey: string;
  expectedTotal?: number | null;
  email: string;
  returnUrl?: string | null;
  /** Absent: Drop-in's sessions flow (`createPaymentSession`). */
  paymentMethod?: {
    type: string;
    encryptedCardNumber?: string | null;
    encryptedExpiryMonth?: string | null;
    encryptedExpiryYear?: string | null;
    encryptedSecurityCode?: string | null;
    holderName?: string | null;
    storedPaymentMethodId?: string | null;
    storePaymentMethod?: boolean | null;
  } | null;
  browserInfo?: BrowserInfo | null;
}

export interface InvalidCheckoutInput {
  __typename: 'InvalidCheckoutInput';
  code: string;
  message: string;
  field: string;
}

/** Longest string in `paymentMethod` (Adyen's encrypted fields are far shorter). */
export const MAX_FIELD = 5_000;
/** Longest `returnUrl`: what browsers and proxies reliably carry. */
export const MAX_RETURN_URL = 2_048;
/** Largest `submitPaymentDetails(details)`, as JSON, and its deepest nesting. */
export const MAX_DETAILS_LENGTH = 32_768;
export const MAX_DETAILS_DEPTH = 8;

/** An idempotency key: long enough to be unguessable when random, short and plain enough to index. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;
/** Largest `expectedTotal`: the largest order total (32-bit minor units). */
const MAX_EXPECTED_TOTAL = 2_000_000_000;

/** A typed refusal naming the input field at fault. */
export const invalidInput = (field: string, message: string): InvalidCheckoutInput => ({
  __typename: 'InvalidCheckoutInput',
  code: 'INVALID_INPUT',
  message,
  field,
});

// Adyen's encrypted fields and stored-method ids are tokens: no spaces. Empty strings pass here
// and count as missing below, as they always did.
const token = () => userInput.text({ max: MAX_FIELD, min: 0 }).nullish();

/**
 * The Adyen payment method types checkout takes: cards (`scheme`), Bancontact cards (`bcmc`)
 * and iDEAL (`ideal`, a redirect to the shopper's bank). `paymentMethods` lists no others.
 * Klarna is not among them: Adyen needs line items and shopper details for it that orders do
 * not send yet.
 */
export const PAYMENT_METHOD_TYPES = ['scheme', 'bcmc', 'ideal'] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];

const cardFields = [
  'encryptedCardNumber',
  'encryptedExpiryMonth',
  'encryptedExpiryYear',
  'encryptedSecurityCode',
  'holderName',
  'storedPaymentMethodId',
] as const;

const paymentMethod = z
  .object({
    type: z.enum(PAYMENT_METHOD_TYPES, {
      error: `paymentMethod.type must be one of ${PAYMENT_METHOD_TYPES.join(', ')}`,
    }),
    encryptedCardNumber: token(),
    encryptedExpiryMonth: token(),
    encryptedExpiryYear: token(),
    encryptedSecurityCode: token(),
    holderName: userInput.text({ max: MAX_FIELD, min: 0, spaces: true }).nullish(),
    storedPaymentMethodId: token(),
    storePaymentMethod: z.boolean().nullish(),
  })
  // PCI: the schema has no field for a card number; a card comes encrypted or stored.
  .refine(
    (method) =>
      method.type !== 'scheme' ||
      (method.encryptedCardNumber &&
        method.encryptedExpiryMonth &&
        method.encryptedExpiryYear &&
        method.encryptedSecurityCode) ||
      method.storedPaymentMethodId,
    'Give the four encrypted card fields from Adyen Web, or a storedPaymentMethodId',
  )
  // Bancontact cards have no security code.
  .refine(
    (method) =>
      method.type !== 'bcmc' ||
      (method.encryptedCardNumber && method.encryptedExpiryMonth && method.encryptedExpiryYear) ||
      method.storedPaymentMethodId,
    'A Bancontact card (type "bcmc") needs encryptedCardNumber, encryptedExpiryMonth and encryptedExpiryYear from Adyen Web, or a storedPaymentMethodId',
  )
  .refine(
    (method) => method.type !== 'ideal' || cardFields.every((field) => !method[field]),
    'iDEAL (type "ideal") takes no card fields: the shopper pays at their bank',
  )
  // Adyen stores a card it sees: the encrypted fields of a new card, not a stored one.
  .refine((method) => !method.storePaymentMethod || !method.storedPaymentMethodId, {
    message: 'storePaymentMethod stores a new card: not with a storedPaymentMethodId',
    path: ['storePaymentMethod'],
  })
  .refine((method) => !method.storePaymentMethod || method.type !== 'ideal', {
    message: 'storePaymentMethod is for cards: iDEAL (type "ideal") has nothing to store',
    path: ['storePaymentMethod'],
  });

/** Longest `browserInfo.userAgent` and `acceptHeader` (real ones are a few hundred characters). */
export const MAX_BROWSER_HEADER = 1_024;

const pixels = z.number().int().min(1).max(100_000);
const browserInfo = z.object({
  userAgent: userInput.text({ max: MAX_BROWSER_HEADER, spaces: true }),
  acceptHeader: userInput.text({ max: MAX_BROWSER_HEADER, spaces: true }),
  // A BCP 47 language tag, such as nl-NL.
  language: z
    .string()
    .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'Must be a language tag such as nl-NL')
    .max(35),
  colorDepth: z.number().int().min(1).max(48),
  screenHeight: pixels,
  screenWidth: pixels,
  // Minutes from UTC, as JavaScript's Date#getTimezoneOffset answers them.
  timeZoneOffset: z.number().int().min(-1_440).max(1_440),
  javaEnabled: z.boolean(),
});

const returnUrlSchema = () =>
  userInput
    .text({ max: MAX_RETURN_URL })
    .pipe(z.url({ protocol: /^https?$/, error: 'returnUrl must be an http(s) URL' }))
    .nullish();

// Keys in the order they are reported: the first problem is the one a client hears of.
const placeOrderInput = z.object({
  cartId: z.string(),
  idempotencyKey: z
    .string()
    .regex(
      IDEMPOTENCY_KEY,
      'idempotencyKey must be 8 to 200 characters of A-Z, a-z, 0-9, ".", "_", ":" and "-" (a UUID works)',
    ),
  expectedTotal: z
    .number()
    .int()
    .min(0, 'expectedTotal is an amount in minor units: 0 or more')
    .max(MAX_EXPECTED_TOTAL, `expectedTotal is at most ${MAX_EXPECTED_TOTAL}`)
    .nullish(),
  email: userInput.email(),
  returnUrl: returnUrlSchema(),
  paymentMethod: paymentMethod.nullish(),
  browserInfo: browserInfo.nullish(),
});

export type ValidPlaceOrderInput = z.output<typeof placeOrderInput>;

const paymentDetails = z.object({
  details: userInput.jsonObject({ maxLength: MAX_DETAILS_LENGTH, maxDepth: MAX_DETAILS_DEPTH }),
});

const refuse = ({ field, message }: { field: string; message: string }) =>
  invalidInput(field, message);

/**
 * Checks the whole input before the cart is read or stock reserved: a plain, normalised email
 * (stored and sent to Adyen as normalised), an http(s) return URL on one of `returnUrlOrigins`,
 * bounded payment-method fields without control or invisible characters, a type from
 * PAYMENT_METHOD_TYPES with the fields it needs (a card as Adyen's encrypted fields or a stored
 * payment method). The cart id is checked by looking it up (a malformed one is
 * `CART_NOT_FOUND`, before any I/O).
 */
export function validatePlaceOrderInput(
  input: PlaceOrderInput,
  returnUrlOrigins: ReadonlySet<string>,
): ParsedInput<ValidPlaceOrderInput, InvalidCheckoutInput> {
  const parsed = parseInput(placeOrderInput, input, refuse);
  const returnUrl = parsed.ok ? parsed.value.returnUrl : null;
  const offSite = returnUrl ? offSiteReturnUrl(returnUrl, returnUrlOrigins) : undefined;
  return offSite ? { ok: false, error: offSite } : parsed;
}

/** Adyen sends the shopper (and the redirectResult) there: only to the shop's own sites. */
function offSiteReturnUrl(
  returnUrl: string,
  returnUrlOrigins: ReadonlySet<string>,
): InvalidCheckoutInput | undefined {
  return returnUrlOrigins.has(new URL(returnUrl).origin)
    ? undefined
    : invalidInput(
        'returnUrl',
        `returnUrl must be on one of the shop's origins: ${[...returnUrlOrigins].join(', ')}`,
      );
}

const returnUrlInput = z.object({ returnUrl: returnUrlSchema() });

/** A client's `returnUrl` (createPaymentSession): as placeOrder's, on one of the shop's origins. */
export function validateReturnUrl(
  returnUrl: string | null | undefined,
  returnUrlOrigins: ReadonlySet<string>,
): ParsedInput<string | null, InvalidCheckoutInput> {
  const parsed = parseInput(returnUrlInput, { returnUrl }, refuse);
  if (!parsed.ok) return parsed;
  const url = parsed.value.returnUrl ?? null;
  const offSite = url ? offSiteReturnUrl(url, returnUrlOrigins) : undefined;
  return offSite ? { ok: false, error: offSite } : { ok: true, value: url };
}

/** `details` must be a bounded JSON object whose keys and strings are clean text. */
export function validatePaymentDetails(
  details: unknown,
): ParsedInput<Record<string, unknown>, InvalidCheckoutInput> {
  const parsed = parseInput(paymentDetails, { details }, refuse);
  return parsed.ok ? { ok: true, value: parsed.value.details } : parsed;
}

/** The Adyen `paymentMethod` object: only the fields that are set. */
export function paymentMethodFields(
  method: NonNullable<ValidPlaceOrderInput['paymentMethod']>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(method).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
