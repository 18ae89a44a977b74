import { runService, startTracing } from '@commerce-graph/kit';
import { startCart } from './app.ts';
import { readEnv } from './env.ts';

// First, so that everything this process starts is traced (when OTLP is configured).
startTracing('cart');

await runService(async () => {
  const env = readEnv();
  return startCart({
    databaseUrl: env.DATABASE_URL,
    port: env.CART_PORT,
    host: env.HOST,
    migrate: env.MIGRATE_ON_START,
    productsUrl: env.PRODUCTS_URL,
    inventoryUrl: env.INVENTORY_URL,
    cartTtlDays: env.CART_TTL_DAYS,
    queue: { redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL },
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
  });
});
