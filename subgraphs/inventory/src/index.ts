import { runService, startTracing } from '@commerce-graph/kit';
import { startInventory } from './app.ts';
import { readEnv } from './env.ts';

// First, so that everything this process starts is traced (when OTLP is configured).
startTracing('inventory');

await runService(async () => {
  const env = readEnv();
  return startInventory({
    databaseUrl: env.DATABASE_URL,
    queue: { redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL },
    port: env.INVENTORY_PORT,
    host: env.HOST,
    migrate: env.MIGRATE_ON_START,
    checkoutUrl: env.CHECKOUT_URL,
    reservationTtlMs: env.RESERVATION_TTL_MINUTES * 60_000,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
  });
});
