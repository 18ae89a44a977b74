import type { CartConfig } from './app.ts';
import type { CartEnv } from './env.ts';

/** The cart configuration the subgraph and its event workers start from. */
export function cartConfig(env: CartEnv): CartConfig {
  return {
    databaseUrl: env.DATABASE_URL,
    port: env.CART_PORT,
    host: env.HOST,
    migrate: env.MIGRATE_ON_START,
    productsUrl: env.PRODUCTS_URL,
    inventoryUrl: env.INVENTORY_URL,
    cartTtlDays: env.CART_TTL_DAYS,
    queue: { redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL },
    eventWorker: env.CART_EVENT_WORKER,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
  };
}
