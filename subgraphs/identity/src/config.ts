import type { IdentityConfig } from './app.ts';
import type { IdentityEnv } from './env.ts';

/** The identity configuration the subgraph and its event workers start from. */
export function identityConfig(env: IdentityEnv): IdentityConfig {
  return {
    databaseUrl: env.DATABASE_URL,
    port: env.IDENTITY_PORT,
    host: env.HOST,
    migrate: env.MIGRATE_ON_START,
    accessTokenSecret: env.ACCESS_TOKEN_SECRET,
    queue: { redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL },
    rateLimitStore: {
      redisUrl: env.REDIS_URL,
      databaseUrl: env.DATABASE_URL,
      namespace: 'identity',
    },
    eventWorker: env.IDENTITY_EVENT_WORKER,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
    cartUrl: env.CART_URL,
    checkoutUrl: env.CHECKOUT_URL,
  };
}
