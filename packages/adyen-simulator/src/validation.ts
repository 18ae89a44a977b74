import { z } from 'zod';
import { adyenError, type ApiResponse } from './api-response.ts';

const amountSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  value: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});

// Loose: Checkout accepts dozens of payment method shapes; the simulator reads only these keys.
const paymentMethodSchema = z.looseObject({
  type: z.string().optional(),
  brand: z.string().optional(),
  holderName: z.string().optional(),
  encryptedCardNumber: z.string().optional(),
  encryptedExpiryMonth: z.string().optional(),
  encryptedExpiryYear: z.string().optional(),
  encryptedSecurityCode: z.string().optional(),
  storedPaymentMethodId: z.string().optional(),
  recurringDetailReference: z.string().optional(),
});

export type PaymentMethodInput = z.output<typeof paymentMethodSchema>;

// Key order matters: the first failing field decides the error code, as with Adyen.
export const paymentRequestSchema = z.object({
  merchantAccount: z.string().min(1),
  amount: amountSchema,
  reference: z.string().min(1),
  paymentMethod: paymentMethodSchema,
  returnUrl: z.string().optional(),
  shopperReference: z.string().min(1).max(256).optional(),
  // Tokenization: checked together in stored-methods.ts, as Adyen does.
  shopperInteraction: z.enum(['Ecommerce', 'ContAuth', 'Moto', 'POS']).optional(),
  recurringProcessingModel: z
    .enum(['CardOnFile', 'Subscription', 'UnscheduledCardOnFile'])
    .optional(),
  storePaymentMethod: z.boolean().optional(),
  // What 3-D Secure 2 native needs; checked only when the issuer challenges (three-ds.ts).
  channel: z.enum(['iOS', 'Android', 'Web']).optional(),
  origin: z.string().optional(),
  browserInfo: z.looseObject({}).optional(),
  authenticationData: z
    .looseObject({
      threeDSRequestData: z.looseObject({ nativeThreeDS: z.string().optional() }).optional(),
    })
    .optional(),
});

export type PaymentRequestInput = z.output<typeof paymentRequestSchema>;

export const paymentDetailsRequestSchema = z.object({
  details: z.looseObject({
    threeDSResult: z.string().optional(),
    redirectResult: z.string().optional(),
  }),
  paymentData: z.string().optional(),
});

export type PaymentDetailsRequestInput = z.output<typeof paymentDetailsRequestSchema>;

export const paymentMethodsRequestSchema = z.object({
  merchantAccount: z.string().min(1),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  amount: amountSchema.optional(),
  shopperLocale: z.string().optional(),
  channel: z.enum(['iOS', 'Android', 'Web']).optional(),
  // With it, Adyen also answers the shopper's stored cards (`storedPaymentMethods`).
  shopperReference: z.string().min(1).max(256).optional(),
});

export type PaymentMethodsRequestInput = z.output<typeof paymentMethodsRequestSchema>;

export const sessionRequestSchema = z.object({
  merchantAccount: z.string().min(1),
  amount: amountSchema,
  reference: z.string().min(1),
  returnUrl: z.string().min(1),
  mode: z.enum(['embedded', 'hosted']).optional(),
  countryCode: z.string().optional(),
  shopperLocale: z.string().optional(),
  shopperReference: z.string().min(1).max(256).optional(),
  recurringProcessingModel: z
    .enum(['CardOnFile', 'Subscription', 'UnscheduledCardOnFile'])
    .optional(),
  expiresAt: z.string().optional(),
});

export type SessionRequestInput = z.output<typeof sessionRequestSchema>;

/**
 * What Drop-in posts to `/checkoutshopper/v1/sessions/{id}/payments` (with the client key):
 * the session's data and the shopper's payment method; amount and reference come from the
 * session.
 */
export const sessionPaymentRequestSchema = z.object({
  sessionData: z.string().min(1),
  paymentMethod: paymentMethodSchema,
  channel: z.enum(['iOS', 'Android', 'Web']).optional(),
  origin: z.string().optional(),
  browserInfo: z.looseObject({}).optional(),
  authenticationData: z
    .looseObject({
      threeDSRequestData: z.looseObject({ nativeThreeDS: z.string().optional() }).optional(),
    })
    .optional(),
});

export type SessionPaymentRequestInput = z.output<typeof sessionPaymentRequestSchema>;

/** Captures and refunds name an amount; cancels and reversals act on the whole payment. */
export const amountModificationSchema = z.object({
  merchantAccount: z.string().min(1),
  amount: amountSchema,
  reference: z.string().optional(),
});

export const wholeModificationSchema = z.object({
  merchantAccount: z.string().min(1),
  reference: z.string().optional(),
});

export type ModificationInput = {
  merchantAccount: string;
  amount?: z.output<typeof amountSchema>;
  reference?: string | undefined;
};

export const standaloneCancelSchema = z.object({
  merchantAccount: z.string().min(1),
  paymentReference: z.string().min(1),
  reference: z.string().optional(),
});

export type StandaloneCancelInput = z.output<typeof standaloneCancelSchema>;

type Parsed<T> = { ok: true; data: T } | { ok: false; response: ApiResponse };

/** Validates a request body and maps the first problem to the error Adyen would answer. */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  body: unknown,
  merchantAccount: string,
): Parsed<z.output<S>> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, response: issueToError(issue, body) };
  }
  const data: unknown = result.data;
  const account =
    typeof data === 'object' && data !== null && 'merchantAccount' in data
      ? data.merchantAccount
      : undefined;
  if (account !== undefined && account !== merchantAccount) {
    return { ok: false, response: adyenError(422, '901', 'Invalid Merchant Account') };
  }
  return { ok: true, data: result.data };
}

function issueToError(issue: z.core.$ZodIssue | undefined, body: unknown): ApiResponse {
  if (issue === undefined) return adyenError(422, '000', 'Invalid request');
  const path = issue.path.map(String);
  const missing = valueAt(body, path) === undefined;
  const field = path.join('.');
  switch (field) {
    case 'merchantAccount':
      return missing
        ? adyenError(422, '901', "Required field 'merchantAccount' is not provided.")
        : adyenError(422, '901', 'Invalid Merchant Account');
    case 'amount':
      return adyenError(422, '100', "Required object 'amount' is not provided.");
    case 'amount.value':
      return adyenError(422, '137', 'Invalid amount specified');
    case 'amount.currency':
      return adyenError(422, '138', 'Unsupported currency specified');
    case 'reference':
      return adyenError(422, '130', "Required field 'reference' is not provided.");
    case 'paymentMethod':
      return adyenError(422, '102', "Required object 'paymentMethod' is not provided.");
    default:
      return missing
        ? adyenError(422, '000', `Required field '${field}' is not provided.`)
        : adyenError(422, '000', `Field '${field}' is invalid: ${issue.message}`);
  }
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
