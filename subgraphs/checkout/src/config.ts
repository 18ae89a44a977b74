import type { CheckoutConfig } from './app.ts';
import type { CheckoutEnv } from './env.ts';

/**
 * The checkout configuration of a process, from its environment: the same for the subgraph
 * (`src/index.ts`) and the notification workers (`src/notifications.ts`).
 */
export function checkoutConfig(env: CheckoutEnv): CheckoutConfig {
  return {
    databaseUrl: env.DATABASE_URL,
    queue: { redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL },
    rateLimitStore: {
      redisUrl: env.REDIS_URL,
      databaseUrl: env.DATABASE_URL,
      namespace: 'checkout',
    },
    port: env.CHECKOUT_PORT,
    host: env.HOST,
    migrate: env.MIGRATE_ON_START,
    cartUrl: env.CART_URL,
    inventoryUrl: env.INVENTORY_URL,
    returnUrl: env.RETURN_URL,
    returnUrlOrigins: env.CHECKOUT_RETURN_URL_ORIGINS,
    paymentTimeoutMs: env.PAYMENT_TIMEOUT_MINUTES * 60_000,
    notificationRetentionMs: env.NOTIFICATION_RETENTION_DAYS * 24 * 3600 * 1000,
    adyen: {
      apiKey: env.ADYEN_API_KEY,
      merchantAccount: env.ADYEN_MERCHANT_ACCOUNT,
      hmacKeyHex: env.ADYEN_HMAC_KEY,
      previousHmacKeyHex: env.ADYEN_HMAC_KEY_PREVIOUS,
      environment: env.ADYEN_ENVIRONMENT,
      captureMode: env.ADYEN_CAPTURE_MODE,
      liveEndpointUrlPrefix: env.ADYEN_LIVE_URL_PREFIX,
      simulatorUrl: env.ADYEN_SIMULATOR_URL,
      clientKey: env.ADYEN_CLIENT_KEY,
    },
    webhookBasicAuth:
      env.ADYEN_WEBHOOK_USERNAME && env.ADYEN_WEBHOOK_PASSWORD
        ? { username: env.ADYEN_WEBHOOK_USERNAME, password: env.ADYEN_WEBHOOK_PASSWORD }
        : undefined,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
    notificationWorker: env.CHECKOUT_NOTIFICATION_WORKER,
  };
}
