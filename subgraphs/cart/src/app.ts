import {
  connectDatabase,
  createLogger,
  createQueueFactory,
  createSubgraphClient,
  internalHeaders,
  runMigrations,
  serveApollo,
  type QueueConnectionConfig,
  type RunningService,
  type SubgraphConfig,
} from '@commerce-graph/kit';
import { migrationsFolder, schema } from './db/client.ts';
import { createServer } from './server.ts';
import { CartPrivacyService } from './privacy.service.ts';
import { CartService } from './service.ts';
import { createWorker } from './worker.ts';

export { migrationsFolder };

export interface CartConfig extends SubgraphConfig {
  /** GraphQL endpoint of the products subgraph, where prices come from. */
  productsUrl: string;
  /** Where the cart's event queue lives (Redis, or PostgreSQL when there is no Redis). */
  queue: QueueConnectionConfig;
}

/** Connects, migrates and starts the cart subgraph and its event worker; resolves once it listens. */
export async function startCart(config: CartConfig): Promise<RunningService> {
  const logger = createLogger('cart', config.logLevel);
  if (config.migrate !== false) await runMigrations(config.databaseUrl, 'cart', migrationsFolder);
  const database = connectDatabase(config.databaseUrl, schema, {
    applicationName: 'cart',
    onQuery: config.onQuery,
  });
  const service = new CartService(database.db);
  const queues = createQueueFactory(config.queue);
  const privacy = new CartPrivacyService(database.db);
  const worker = createWorker({ queues, service, privacy, logger });
  const { apollo, context } = createServer({
    db: database.db,
    service,
    privacy,
    products: createSubgraphClient('products', config.productsUrl, {
      headers: internalHeaders(config.internalToken),
    }),
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
    ready: async () => (await database.sql`select 1`).length === 1 && worker.isRunning(),
    details: { queue: queues.kind },
    // Also on a failed start: the worker already runs and must not be left behind.
    release: async () => {
      await queues.close();
      await database.close();
    },
  });
}
