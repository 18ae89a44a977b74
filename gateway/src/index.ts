import { runService, startTracing } from '@commerce-graph/kit';
import { startGateway } from './app.ts';
import { protectionSettings, readEnv } from './env.ts';

// First, so that everything this process starts is traced (when OTLP is configured).
startTracing('gateway');

await runService(async () => {
  const env = readEnv();
  return startGateway({
    port: env.GATEWAY_PORT,
    host: env.HOST,
    supergraphPath: env.SUPERGRAPH_PATH,
    subgraphUrls: {
      products: env.PRODUCTS_URL,
      inventory: env.INVENTORY_URL,
      cart: env.CART_URL,
      checkout: env.CHECKOUT_URL,
      identity: env.IDENTITY_URL,
    },
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
    accessTokenSecret: env.ACCESS_TOKEN_SECRET,
    rateLimitStore: {
      redisUrl: env.REDIS_URL,
      databaseUrl: env.DATABASE_URL,
      namespace: 'gateway',
    },
    // On Redis, shared by every gateway process; purges come from the subgraphs' database.
    responseCache: env.GATEWAY_RESPONSE_CACHE ? { redisUrl: env.REDIS_URL } : false,
    cachePurgeDatabaseUrl: env.DATABASE_URL,
    ...protectionSettings(env),
  });
});
