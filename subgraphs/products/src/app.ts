import {
  createEventPublisher,
  createOutboxRelay,
  eventQueueName,
  observeOutbox,
  startEventWorkerProcess,
} from '@commerce-graph/events';
import {
  allReady,
  connectDatabase,
  createLeadership,
  createLogger,
  createQueueFactory,
  createServiceMetrics,
  instrumentDatabase,
  instrumentQueues,
  runMigrations,
  runPeriodically,
  serveApollo,
  type QueueConnectionConfig,
  type RunningService,
  type SubgraphConfig,
} from '@commerce-graph/kit';
import { migrationsFolder, schema } from './db/client.ts';
import { outboxEvents } from './db/schema.ts';
import { createServer } from './server.ts';
import { applyPriceBoundaries } from './service/price-boundaries.ts';
import { PostgresSearch } from './service/search/postgres-search.ts';
import { createWorker } from './worker.ts';

export { migrationsFolder };

export interface ProductsConfig extends SubgraphConfig {
  /** Where the products queue lives (inventory's availability events) and events are published. */
  queue: QueueConnectionConfig;
  /** The clock prices are read at; tests move it across scheduled price boundaries. */
  now?: () => Date;
  /** How often scheduled price boundaries are looked for (default 1 s). */
  priceBoundaryPollMs?: number;
  /**
   * Whether this process also consumes products' events (default true). False for a subgraph
   * replica beside processes of `startEventWorker` (`pnpm events`); it still publishes its outbox.
   */
  eventWorker?: boolean;
}

/**
 * A process that only consumes products' events (inventory's availability changes, written to
 * the search index), as many as needed beside the subgraph's replicas: no HTTP, no price
 * boundaries. Closing it lets the jobs in hand finish.
 */
export function startEventWorker(config: ProductsConfig): Promise<RunningService> {
  return startEventWorkerProcess({
    subgraph: 'products',
    config,
    migrationsFolder,
    schema,
    start: ({ database, queues, logger }) => {
      const search = new PostgresSearch({
        db: database.db,
        now: config.now ?? (() => new Date()),
        logger,
      });
      createWorker({ queues, search, logger });
    },
  });
}

/** Connects, migrates and starts the products subgraph and its worker; resolves once it listens. */
export async function startProducts(config: ProductsConfig): Promise<RunningService> {
  const logger = createLogger('products', config.logLevel);
  if (config.migrate !== false) {
    await runMigrations(config.databaseUrl, 'products', migrationsFolder);
  }
  const now = config.now ?? (() => new Date());
  const database = connectDatabase(config.databaseUrl, schema, {
    applicationName: 'products',
    onQuery: config.onQuery,
  });
  const metrics = createServiceMetrics('products');
  instrumentDatabase(metrics, database);
  // The worker queues' depth shows here even when worker processes consume them.
  const queues = instrumentQueues(metrics, createQueueFactory(config.queue), [
    eventQueueName('products'),
  ]);
  const relay = createOutboxRelay({
    db: database.db,
    table: outboxEvents,
    publish: createEventPublisher(queues).publish,
    logger,
  });
  observeOutbox(metrics, database.db, outboxEvents);
  const search = new PostgresSearch({ db: database.db, now, logger });
  // The in-memory facet index loads before the first request, not during it.
  await search.warmUp().catch(async (error: unknown) => {
    await relay.close();
    await queues.close();
    await database.close();
    throw error;
  });
  const worker =
    config.eventWorker === false ? undefined : createWorker({ queues, search, logger });
  // Sweeps run once per deployment: on whichever replica holds each task's lock.
  const leadership = createLeadership(config.databaseUrl, 'products', logger);
  // A scheduled price takes effect at its instant: the index and the event follow within a poll.
  const boundaries = runPeriodically(
    'price boundaries',
    config.priceBoundaryPollMs ?? 1_000,
    async () => {
      const applied = await applyPriceBoundaries({ db: database.db, search, relay, now });
      if (applied > 0) logger.info({ products: applied }, 'scheduled prices applied');
    },
    logger,
    { leadership },
  );
  const { apollo, context } = createServer({
    db: database.db,
    search,
    relay,
    now,
    logger,
    production: config.production ?? false,
    internalToken: config.internalToken,
  });
  return serveApollo({
    name: 'products',
    apollo,
    context,
    logger,
    port: config.port,
    host: config.host,
    internalToken: config.internalToken,
    metrics,
    ready: () =>
      allReady([
        async () => (await database.sql`select 1`).length === 1,
        () => worker?.isRunning() ?? true,
        () => queues.ping?.(),
      ]),
    details: { queue: queues.kind },
    release: async () => {
      boundaries.stop();
      await leadership.close();
      await relay.close();
      await queues.close();
      await database.close();
    },
  });
}
