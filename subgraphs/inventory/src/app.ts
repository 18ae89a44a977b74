import { count, eq } from 'drizzle-orm';
import {
  allReady,
  connectDatabase,
  createLeadership,
  createLogger,
  createQueueFactory,
  createServiceMetrics,
  instrumentDatabase,
  instrumentQueues,
  upstreamAlive,
  runMigrations,
  runPeriodically,
  serveApollo,
  type Logger,
  type QueueConnectionConfig,
  type QueueFactory,
  type RunningService,
  type SubgraphConfig,
} from '@commerce-graph/kit';
import {
  createEventPublisher,
  createOutboxRelay,
  eventQueueName,
  observeOutbox,
  startEventWorkerProcess,
} from '@commerce-graph/events';
import { migrationsFolder, schema } from './db/client.ts';
import { orderReservations, outboxEvents } from './db/schema.ts';
import { createExpiryJobs } from './expiry.ts';
import { seedStock, type StockSeed } from './seed.ts';
import { createServer } from './server.ts';
import { createServices, type InventoryServices } from './service/index.ts';
import { DEFAULT_RESERVATION_TTL_MS } from './service/reservation.service.ts';
import { createCheckoutClient, type CheckoutClient } from './upstream.ts';
import { createWorker } from './worker.ts';

export type { StockSeed, CheckoutClient };
export type { OrderPaymentState } from './upstream.ts';
export { migrationsFolder };

export interface InventoryConfig extends SubgraphConfig {
  queue: QueueConnectionConfig;
  /**
   * How long an unpaid reservation holds its units (RESERVATION_TTL_MINUTES, default 15
   * minutes); then inventory asks checkout and releases it unless the order was paid.
   */
  reservationTtlMs?: number;
  /**
   * Checkout's GraphQL endpoint, asked (`expireUnpaidOrder`) before an expired reservation is
   * released. A function when it is known only after inventory started (one process runs both).
   * Unset, and without `checkout`: reservations never expire (tests of other services).
   */
  checkoutUrl?: string | (() => string);
  /** Replaces the HTTP checkout client (tests). */
  checkout?: CheckoutClient;
  /**
   * Whether this process also consumes inventory's events (default true). False for a subgraph
   * replica beside processes of `startEventWorker` (`pnpm events`); it still publishes its outbox.
   */
  eventWorker?: boolean;
}

/** A running inventory subgraph; `services` lets tests drive expiry and the sweep directly. */
export interface RunningInventory extends RunningService {
  services: InventoryServices;
}

/** Loads warehouses and stock into an empty inventory schema; false when stock already exists. */
export async function seedInventory(databaseUrl: string, seed: StockSeed): Promise<boolean> {
  // A large seed is one transaction: longer than a request's statement limit.
  const database = connectDatabase(databaseUrl, schema, { max: 1, statementTimeoutMs: 0 });
  try {
    return await seedStock(database.db, seed);
  } finally {
    await database.close();
  }
}

/** The outbox relay a process publishes inventory's events through. */
function createRelay(
  database: ReturnType<typeof connectDatabase<typeof schema>>,
  queues: QueueFactory,
  logger: Logger,
) {
  return createOutboxRelay({
    db: database.db,
    table: outboxEvents,
    publish: createEventPublisher(queues).publish,
    logger,
  });
}

/**
 * A process that only consumes inventory's events (checkout's payment outcomes and abandoned
 * orders), as many as needed beside the subgraph's replicas: no HTTP, no sweep, no expiry.
 * Closing it lets the jobs in hand finish.
 */
export function startEventWorker(config: InventoryConfig): Promise<RunningService> {
  return startEventWorkerProcess({
    subgraph: 'inventory',
    config,
    migrationsFolder,
    schema,
    start: ({ database, queues, logger }) => {
      const relay = createRelay(database, queues, logger);
      const services = createServices({
        db: database.db,
        relay,
        logger,
        reservationTtlMs: config.reservationTtlMs,
      });
      createWorker({ queues, reservations: services.reservations, logger });
      return { close: () => relay.close() };
    },
  });
}

/** Connects, migrates and starts the inventory subgraph, its event worker and its expiry. */
export async function startInventory(config: InventoryConfig): Promise<RunningInventory> {
  const logger = createLogger('inventory', config.logLevel);
  if (config.migrate !== false) {
    await runMigrations(config.databaseUrl, 'inventory', migrationsFolder);
  }
  const database = connectDatabase(config.databaseUrl, schema, {
    applicationName: 'inventory',
    onQuery: config.onQuery,
  });
  const metrics = createServiceMetrics('inventory');
  instrumentDatabase(metrics, database);
  // The worker queues' depth shows here even when worker processes consume them.
  const queues = instrumentQueues(metrics, createQueueFactory(config.queue), [
    eventQueueName('inventory'),
  ]);
  const relay = createRelay(database, queues, logger);
  observeOutbox(metrics, database.db, outboxEvents);
  metrics.collectedGauge({
    name: 'inventory_reservations_held',
    help: 'Orders whose reservation holds stock: reserved, not yet sold, released or expired',
    async collect(gauge) {
      // Counted on the partial index the expiry sweep reads (status = 'RESERVED').
      const [row] = await database.db
        .select({ held: count() })
        .from(orderReservations)
        .where(eq(orderReservations.status, 'RESERVED'));
      gauge.set(row?.held ?? 0);
    },
  });
  const reservationTtlMs = config.reservationTtlMs ?? DEFAULT_RESERVATION_TTL_MS;
  const checkout =
    config.checkout ??
    (config.checkoutUrl
      ? createCheckoutClient({ url: config.checkoutUrl, internalToken: config.internalToken })
      : undefined);
  if (!checkout) logger.warn('no checkout URL: reservations will not expire');
  // The worker calls back into the services built with its schedule function: a late binding.
  const expiry = checkout
    ? createExpiryJobs({ queues, reservations: () => services.reservations, logger })
    : undefined;
  const services = createServices({
    db: database.db,
    relay,
    logger,
    reservationTtlMs,
    checkout,
    scheduleExpiry: expiry?.schedule,
  });
  const stockNotices = await services.markers.listen(database.sql, logger);
  const worker =
    config.eventWorker === false
      ? undefined
      : createWorker({ queues, reservations: services.reservations, logger });
  // The sweep runs once per deployment: on whichever replica holds its lock.
  const leadership = checkout
    ? createLeadership(config.databaseUrl, 'inventory', logger)
    : undefined;
  const sweep = checkout
    ? runPeriodically(
        'reservation sweep',
        Math.min(60_000, Math.max(100, reservationTtlMs / 4)),
        async () => {
          const settled = await services.reservations.sweepExpiredReservations();
          if (settled > 0) logger.warn({ settled }, 'the sweep expired reservations');
        },
        logger,
        { leadership },
      )
    : undefined;
  const { apollo, context } = createServer({
    db: database.db,
    services,
    logger,
    production: config.production ?? false,
    internalToken: config.internalToken,
  });
  const running = await serveApollo({
    name: 'inventory',
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
        () => (worker?.isRunning() ?? true) && (expiry?.isRunning() ?? true),
        () => queues.ping?.(),
        () => {
          const url = config.checkoutUrl;
          return url ? upstreamAlive(typeof url === 'function' ? url() : url) : true;
        },
      ]),
    details: { queue: queues.kind },
    release: async () => {
      sweep?.stop();
      await leadership?.close();
      await stockNotices.unlisten().catch(() => undefined);
      await relay.close();
      await queues.close();
      await database.close();
    },
  });
  return Object.assign(running, { services });
}
