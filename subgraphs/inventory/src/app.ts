import {
  connectDatabase,
  createLogger,
  createQueueFactory,
  runMigrations,
  runPeriodically,
  serveApollo,
  type QueueConnectionConfig,
  type RunningService,
  type SubgraphConfig,
} from '@commerce-graph/kit';
import { createEventPublisher, createOutboxRelay } from '@commerce-graph/events';
import { migrationsFolder, schema } from './db/client.ts';
import { outboxEvents } from './db/schema.ts';
import { seedStock, type StockSeed } from './seed.ts';
import { createServer } from './server.ts';
import { InventoryService } from './service.ts';
import { createWorker } from './worker.ts';

export type { StockSeed };
export { migrationsFolder };

export interface InventoryConfig extends SubgraphConfig {
  queue: QueueConnectionConfig;
  /**
   * Reservations older than this are released as abandoned (default 24 h). Keep it well above
   * checkout's payment timeout, which settles every real order first.
   */
  reservationTtlMs?: number;
}

/** Loads warehouses and stock into an empty inventory schema; false when stock already exists. */
export async function seedInventory(databaseUrl: string, seed: StockSeed): Promise<boolean> {
  const database = connectDatabase(databaseUrl, schema, { max: 1 });
  try {
    return await seedStock(database.db, seed);
  } finally {
    await database.close();
  }
}

/** Connects, migrates and starts the inventory subgraph and its event worker. */
export async function startInventory(config: InventoryConfig): Promise<RunningService> {
  const logger = createLogger('inventory', config.logLevel);
  if (config.migrate !== false) {
    await runMigrations(config.databaseUrl, 'inventory', migrationsFolder);
  }
  const database = connectDatabase(config.databaseUrl, schema, {
    applicationName: 'inventory',
    onQuery: config.onQuery,
  });
  const queues = createQueueFactory(config.queue);
  const relay = createOutboxRelay({
    db: database.db,
    table: outboxEvents,
    publish: createEventPublisher(queues).publish,
    logger,
  });
  const service = new InventoryService({ db: database.db, relay });
  const worker = createWorker({ queues, service, logger });
  const reservationTtlMs = config.reservationTtlMs ?? 24 * 3600_000;
  const sweep = runPeriodically(
    'reservation sweep',
    Math.min(60_000, Math.max(100, reservationTtlMs / 4)),
    async () => {
      const released = await service.releaseAbandonedReservations(reservationTtlMs);
      if (released > 0) logger.warn({ released }, 'released abandoned reservations');
    },
    logger,
  );
  const { apollo, context } = createServer({
    db: database.db,
    service,
    logger,
    production: config.production ?? false,
    internalToken: config.internalToken,
  });
  return serveApollo({
    name: 'inventory',
    apollo,
    context,
    logger,
    port: config.port,
    host: config.host,
    internalToken: config.internalToken,
    ready: async () => (await database.sql`select 1`).length === 1 && worker.isRunning(),
    details: { queue: queues.kind },
    release: async () => {
      sweep.stop();
      await relay.close();
      await queues.close();
      await database.close();
    },
  });
}
