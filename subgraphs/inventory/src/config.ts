import type { InventoryConfig } from './app.ts';
import type { InventoryEnv } from './env.ts';

/** The inventory configuration the subgraph and its event workers start from. */
export function inventoryConfig(env: InventoryEnv): InventoryConfig {
  return {
    databaseUrl: env.DATABASE_URL,
    queue: { redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL },
    port: env.INVENTORY_PORT,
    host: env.HOST,
    migrate: env.MIGRATE_ON_START,
    checkoutUrl: env.CHECKOUT_URL,
    reservationTtlMs: env.RESERVATION_TTL_MINUTES * 60_000,
    eventWorker: env.INVENTORY_EVENT_WORKER,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
  };
}
