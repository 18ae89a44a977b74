import { runService } from '@commerce-graph/kit';
import { startGateway } from './app.ts';
import { readEnv } from './env.ts';

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
    },
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
    rateLimitStore: {
      redisUrl: env.REDIS_URL,
      databaseUrl: env.DATABASE_URL,
      namespace: 'gateway',
    },
    maxCost: env.MAX_QUERY_COST,
    budgets: {
      cost: {
        anonymous: { points: env.ANONYMOUS_COST_BUDGET, seconds: env.COST_BUDGET_WINDOW_SECONDS },
      },
    },
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
  });
});
