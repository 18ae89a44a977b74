import { z } from 'zod';
import { protectionEnv } from '@commerce-graph/gateway';
import { envVar, parseConfig } from '@commerce-graph/kit';

const schema = z
  .object({
    DATABASE_URL: envVar.postgresUrl().optional(),
    REDIS_URL: envVar.redisUrl().optional(),
    DATA_DIR: z.string().default('.data'),
    EMBEDDED_PG_PORT: envVar.port(54329),
    HOST: z.string().default('127.0.0.1'),
    GATEWAY_PORT: envVar.port(4000),
    GATEWAY_RESPONSE_CACHE: envVar.boolean(true),
    PRODUCTS_PORT: envVar.port(4001),
    INVENTORY_PORT: envVar.port(4002),
    CART_PORT: envVar.port(4003),
    CHECKOUT_PORT: envVar.port(4004),
    IDENTITY_PORT: envVar.port(4005),
    ADYEN_SIMULATOR_PORT: envVar.port(4010),
    // The reference storefront (storefront/); its origin is allowed by CORS unless CORS_ORIGINS is set.
    STOREFRONT_PORT: envVar.port(3000),
    // The demo admin (role owner) of a development start; unset password: made up per run.
    ADMIN_EMAIL: z.email().default('admin@example.com'),
    ADMIN_PASSWORD: z.string().min(10, 'use at least 10 characters').optional(),
    ADYEN_API_KEY: z.string().min(1).optional(),
    ADYEN_MERCHANT_ACCOUNT: z.string().min(1).optional(),
    // Drop-in's client key (createPaymentSession answers it); the simulator has its own.
    ADYEN_CLIENT_KEY: z.string().min(1).optional(),
    ADYEN_HMAC_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
      .optional(),
    ADYEN_HMAC_KEY_PREVIOUS: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
      .optional(),
    ADYEN_ENVIRONMENT: z.enum(['TEST', 'LIVE']).default('TEST'),
    ADYEN_CAPTURE_MODE: z.enum(['automatic', 'manual']).default('automatic'),
    ADYEN_LIVE_URL_PREFIX: z.string().optional(),
    ADYEN_WEBHOOK_USERNAME: z.string().optional(),
    ADYEN_WEBHOOK_PASSWORD: z.string().optional(),
    PAYMENT_TIMEOUT_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
    RESERVATION_TTL_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
    CART_TTL_DAYS: z.coerce.number().int().positive().max(3650).default(30),
    SEED_DEMO_DATA: envVar.boolean(true),
    INTERNAL_TOKEN: envVar.internalToken(),
    // Unset: made up per run, so sessions end with the run.
    ACCESS_TOKEN_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
    ...protectionEnv,
    NODE_ENV: envVar.nodeEnv(),
    // The start banner says what is up; info lines would only repeat it between the services.
    LOG_LEVEL: envVar.logLevel('warn'),
  })
  .refine(
    (env) =>
      [env.ADYEN_API_KEY, env.ADYEN_MERCHANT_ACCOUNT, env.ADYEN_HMAC_KEY].every((v) => v) ||
      [env.ADYEN_API_KEY, env.ADYEN_MERCHANT_ACCOUNT, env.ADYEN_HMAC_KEY].every((v) => !v),
    {
      message:
        'set ADYEN_API_KEY, ADYEN_MERCHANT_ACCOUNT and ADYEN_HMAC_KEY together (or none: simulator)',
      path: ['ADYEN_API_KEY'],
    },
  );

export type StartEnv = z.output<typeof schema>;

/** Configuration of `pnpm start`, read once from the environment. */
export function readStartEnv(source: Record<string, string | undefined> = process.env): StartEnv {
  return parseConfig(schema, source);
}
