import { z } from 'zod';
import { envVar, internalTokenInProduction, parseConfig } from '@commerce-graph/kit';

/** `scheme://host[:port]` exactly as `URL.origin` writes it: no path, no trailing slash. */
const origin = z
  .string()
  .refine(
    (text) =>
      URL.canParse(text) &&
      /^https?:$/.test(new URL(text).protocol) &&
      new URL(text).origin === text,
    'each origin is http(s)://host[:port] in lower case, without a path or trailing slash',
  );

/** Where shoppers may return to in development: the storefront and the gateway's ports. */
export const DEFAULT_RETURN_URL_ORIGINS = ['http://localhost:3000', 'http://localhost:4000'];

const schema = z
  .object({
    DATABASE_URL: envVar.postgresUrl(),
    REDIS_URL: envVar.redisUrl().optional(),
    CHECKOUT_PORT: envVar.port(4004),
    HOST: z.string().default('127.0.0.1'),
    /** `false` when the deploy runs `pnpm migrate` before it starts the replicas. */
    MIGRATE_ON_START: envVar.boolean(true),
    CART_URL: envVar.url().default('http://127.0.0.1:4003/graphql'),
    INVENTORY_URL: envVar.url().default('http://127.0.0.1:4002/graphql'),
    RETURN_URL: envVar.url().default('http://localhost:3000/checkout/return'),
    CHECKOUT_RETURN_URL_ORIGINS: envVar.list(origin).default(DEFAULT_RETURN_URL_ORIGINS),
    PAYMENT_TIMEOUT_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
    /** `false`: this replica only stores and queues notifications; `pnpm notifications` applies them. */
    CHECKOUT_NOTIFICATION_WORKER: envVar.boolean(true),
    NOTIFICATION_RETENTION_DAYS: z.coerce.number().int().positive().max(3650).default(90),
    ADYEN_API_KEY: z.string().min(1),
    ADYEN_MERCHANT_ACCOUNT: z.string().min(1),
    ADYEN_HMAC_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters'),
    /** During a key rotation: the key being replaced, accepted until it is removed. */
    ADYEN_HMAC_KEY_PREVIOUS: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
      .optional(),
    ADYEN_ENVIRONMENT: z.enum(['TEST', 'LIVE']).default('TEST'),
    ADYEN_CAPTURE_MODE: z.enum(['automatic', 'manual']).default('automatic'),
    ADYEN_LIVE_URL_PREFIX: z.string().optional(),
    ADYEN_SIMULATOR_URL: envVar.url().optional(),
    /** Drop-in's client key (`test_...` / `live_...`), answered by createPaymentSession. */
    ADYEN_CLIENT_KEY: z
      .string()
      .regex(/^(test|live)_[A-Za-z0-9]+$/, 'must be a client key such as test_ABC123')
      .optional(),
    ADYEN_WEBHOOK_USERNAME: z.string().optional(),
    ADYEN_WEBHOOK_PASSWORD: z.string().optional(),
    INTERNAL_TOKEN: envVar.internalToken(),
    NODE_ENV: envVar.nodeEnv(),
    LOG_LEVEL: envVar.logLevel(),
  })
  .refine((env) => env.ADYEN_ENVIRONMENT !== 'LIVE' || env.ADYEN_LIVE_URL_PREFIX, {
    message: 'ADYEN_LIVE_URL_PREFIX is required when ADYEN_ENVIRONMENT is LIVE',
    path: ['ADYEN_LIVE_URL_PREFIX'],
  })
  .refine((env) => !env.ADYEN_WEBHOOK_USERNAME === !env.ADYEN_WEBHOOK_PASSWORD, {
    message: 'set both ADYEN_WEBHOOK_USERNAME and ADYEN_WEBHOOK_PASSWORD, or neither',
    path: ['ADYEN_WEBHOOK_PASSWORD'],
  })
  .refine((env) => env.CHECKOUT_RETURN_URL_ORIGINS.includes(new URL(env.RETURN_URL).origin), {
    message: "RETURN_URL's origin must be one of CHECKOUT_RETURN_URL_ORIGINS",
    path: ['RETURN_URL'],
  })
  .refine(...internalTokenInProduction);

export type CheckoutEnv = z.output<typeof schema>;

/** The checkout service's configuration, read once from the environment. */
export function readEnv(source: Record<string, string | undefined> = process.env): CheckoutEnv {
  return parseConfig(schema, source);
}
