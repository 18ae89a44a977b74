import { runService, startTracing } from '@commerce-graph/kit';
import { startIdentity } from './app.ts';
import { readEnv } from './env.ts';

// First, so that everything this process starts is traced (when OTLP is configured).
startTracing('identity');

await runService(async () => {
  const env = readEnv();
  return startIdentity({
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
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
    cartUrl: env.CART_URL,
    checkoutUrl: env.CHECKOUT_URL,
  });
});
