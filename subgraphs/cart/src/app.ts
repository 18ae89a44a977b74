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
  createSubgraphClient,
  internalHeaders,
  runMigrations,
  runPeriodically,
  serveApollo,
  type QueueConnectionConfig,
  type RunningService,
  type SubgraphConfig,
} from '@commerce-graph/kit';
import { eventQueueName, startEventWorkerProcess } from '@commerce-graph/events';
import { migrationsFolder, schema } from './db/client.ts';
import { createServer } from './server.ts';
import { CartPrivacyService } from './privacy.service.ts';
import { deleteAbandonedCarts, forgetOrderedCartAddresses } from './service/abandoned.ts';
import { CartAddressService } from './service/addresses.ts';
import { CartService } from './service/cart-lines.ts';
import { DiscountService } from './service/discounts.ts';
import { CartMergeService } from './service/merge.ts';
import { CartOrderService } from './service/orders.ts';
import { CartQuoteService } from './service/quote.ts';
import { createWorker } from './worker.ts';

export { migrationsFolder };
export { deleteAbandonedCarts };

const HOUR_MS = 3_600_000;

export interface CartConfig extends SubgraphConfig {
  /** GraphQL endpoint of the products subgraph, where prices come from. */
  productsUrl: string;
  /**
   * GraphQL endpoint of the inventory subgraph: whether a variant is in stock, its purchase
   * limits. Omitted (tests that run no inventory): every variant counts as in stock with only
   * the general line limit; inventory still refuses at order time.
   */
  inventoryUrl?: string;
  /** Active and merged carts untouched this long are deleted (default 30). */
  cartTtlDays?: number;
  /** How often the abandoned-cart sweep runs (default hourly). */
  abandonedSweepEveryMs?: number;
  /** Where the cart's event queue lives (Redis, or PostgreSQL when there is no Redis). */
  queue: QueueConnectionConfig;
  /**
   * Whether this process also consumes cart's events (default true). False for a subgraph
   * replica beside processes of `startEventWorker` (`pnpm events`).
   */
  eventWorker?: boolean;
}

/** The services cart's event worker calls, over one pool. */
function createWorkerServices(db: ReturnType<typeof connectDatabase<typeof schema>>['db']) {
  const service = new CartService(db);
  return {
    service,
    discounts: new DiscountService(db, service),
    orders: new CartOrderService(db),
    privacy: new CartPrivacyService(db),
  };
}

/**
 * A process that only consumes cart's events (checkout's order and payment events, identity's
 * erasures), as many as needed beside the subgraph's replicas: no HTTP, no sweep. Closing it
 * lets the jobs in hand finish.
 */
export function startEventWorker(config: CartConfig): Promise<RunningService> {
  return startEventWorkerProcess({
    subgraph: 'cart',
    config,
    migrationsFolder,
    schema,
    start: ({ database, queues, logger }) => {
      const { orders, discounts, privacy } = createWorkerServices(database.db);
      createWorker({ queues, orders, discounts, privacy, logger });
    },
  });
}

/** Connects, migrates and starts the cart subgraph and its event worker; resolves once it listens. */
export async function startCart(config: CartConfig): Promise<RunningService> {
  const logger = createLogger('cart', config.logLevel);
  if (config.migrate !== false) await runMigrations(config.databaseUrl, 'cart', migrationsFolder);
  const database = connectDatabase(config.databaseUrl, schema, {
    applicationName: 'cart',
    onQuery: config.onQuery,
  });
  const { service, discounts, orders, privacy } = createWorkerServices(database.db);
  const metrics = createServiceMetrics('cart');
  instrumentDatabase(metrics, database);
  // The worker queues' depth shows here even when worker processes consume them.
  const queues = instrumentQueues(metrics, createQueueFactory(config.queue), [
    eventQueueName('cart'),
  ]);
  const worker =
    config.eventWorker === false
      ? undefined
      : createWorker({ queues, orders, discounts, privacy, logger });
  // Sweeps run once per deployment: on whichever replica holds each task's lock.
  const leadership = createLeadership(config.databaseUrl, 'cart', logger);
  const ttlDays = config.cartTtlDays ?? 30;
  const sweep = runPeriodically(
    'abandoned cart sweep',
    config.abandonedSweepEveryMs ?? HOUR_MS,
    async () => {
      const deleted = await deleteAbandonedCarts(database.db, ttlDays);
      if (deleted > 0) logger.info({ deleted, ttlDays }, 'abandoned carts deleted');
      const cleared = await forgetOrderedCartAddresses(database.db, ttlDays);
      if (cleared > 0) logger.info({ cleared, ttlDays }, 'addresses of ordered carts cleared');
    },
    logger,
    { leadership },
  );
  const { apollo, context } = createServer({
    db: database.db,
    service,
    merge: new CartMergeService(database.db, service),
    discounts,
    addresses: new CartAddressService(service),
    quotes: new CartQuoteService(service),
    privacy,
    products: createSubgraphClient('products', config.productsUrl, {
      headers: internalHeaders(config.internalToken),
    }),
    inventory: config.inventoryUrl
      ? createSubgraphClient('inventory', config.inventoryUrl, {
          headers: internalHeaders(config.internalToken),
        })
      : null,
    logger,
    production: config.production ?? false,
    internalToken: config.internalToken,
  });
  return serveApollo({
    name: 'cart',
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
        () => upstreamAlive(config.productsUrl),
        () => (config.inventoryUrl ? upstreamAlive(config.inventoryUrl) : true),
      ]),
    details: { queue: queues.kind },
    // Also on a failed start: the worker already runs and must not be left behind.
    release: async () => {
      sweep.stop();
      await leadership.close();
      await queues.close();
      await database.close();
    },
  });
}
