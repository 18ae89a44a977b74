import {
  connectDatabase,
  createHttpServer,
  createLogger,
  createQueueFactory,
  createSubgraphClient,
  listen,
  runMigrations,
  type QueueConnectionConfig,
  type RunningService,
} from '@commerce-graph/kit';
import { migrationsFolder, schema } from './db/client.ts';
import { createServer } from './server.ts';
import { CartService } from './service.ts';
import { createWorker } from './worker.ts';

export { migrationsFolder };

export interface CartConfig {
  databaseUrl: string;
  port: number;
  host?: string;
  /** GraphQL endpoint of the products subgraph, where prices come from. */
  productsUrl: string;
  /** Where the cart's event queue lives (Redis, or PostgreSQL when there is no Redis). */
  queue: QueueConnectionConfig;
  production?: boolean;
  logLevel?: string;
  /** Skip migrations when something else (the start script) already applied them. */
  migrate?: boolean;
  /** Sees every SQL statement; used to count queries. */
  onQuery?: (query: string) => void;
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
  const worker = createWorker({ queues, service, logger });
  const { apollo, context } = createServer({
    db: database.db,
    service,
    products: createSubgraphClient('products', config.productsUrl),
    logger,
    production: config.production ?? false,
  });
  let http: Awaited<ReturnType<typeof listen>>;
  try {
    await apollo.start();
    http = await listen(
      createHttpServer({
        apollo,
        context,
        logger,
        ready: async () => (await database.sql`select 1`).length === 1 && worker.isRunning(),
      }),
      config.port,
      config.host,
    );
  } catch (error) {
    // The worker already runs: a failed start must not leave it (or the pool) behind.
    await queues.close();
    await database.close();
    throw error;
  }
  logger.info({ url: http.url, queue: queues.kind }, 'cart subgraph ready');
  return {
    name: 'cart',
    url: http.url,
    async close() {
      await http.close();
      await apollo.stop();
      await queues.close();
      await database.close();
    },
  };
}
