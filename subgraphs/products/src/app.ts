import {
  connectDatabase,
  createLogger,
  runMigrations,
  serveApollo,
  type RunningService,
  type SubgraphConfig,
} from '@commerce-graph/kit';
import { migrationsFolder, schema } from './db/client.ts';
import { createServer } from './server.ts';

import { seedCatalog, type CatalogSeed } from './seed.ts';

export type { CatalogSeed };
export { migrationsFolder };

/** Loads the catalog into an empty products schema; false when a catalog is already there. */
export async function seedProducts(databaseUrl: string, catalog: CatalogSeed): Promise<boolean> {
  const database = connectDatabase(databaseUrl, schema, { max: 1 });
  try {
    return await seedCatalog(database.db, catalog);
  } finally {
    await database.close();
  }
}

export type ProductsConfig = SubgraphConfig;

/** Connects, migrates and starts the products subgraph; resolves once it listens. */
export async function startProducts(config: ProductsConfig): Promise<RunningService> {
  const logger = createLogger('products', config.logLevel);
  if (config.migrate !== false)
    await runMigrations(config.databaseUrl, 'products', migrationsFolder);
  const database = connectDatabase(config.databaseUrl, schema, {
    applicationName: 'products',
    onQuery: config.onQuery,
  });
  const { apollo, context } = createServer({
    db: database.db,
    logger,
    production: config.production ?? false,
  });
  return serveApollo({
    name: 'products',
    apollo,
    context,
    logger,
    port: config.port,
    host: config.host,
    internalToken: config.internalToken,
    ready: async () => (await database.sql`select 1`).length === 1,
    release: () => database.close(),
  });
}
