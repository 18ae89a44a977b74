import type { ProductsConfig } from './app.ts';
import type { ProductsEnv } from './env.ts';

/** The products configuration the subgraph and its event workers start from. */
export function productsConfig(env: ProductsEnv): ProductsConfig {
  return {
    databaseUrl: env.DATABASE_URL,
    queue: { redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL },
    port: env.PRODUCTS_PORT,
    host: env.HOST,
    migrate: env.MIGRATE_ON_START,
    eventWorker: env.PRODUCTS_EVENT_WORKER,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
  };
}
