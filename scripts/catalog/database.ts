/**
 * The database `pnpm seed` and `pnpm catalog:import` work on: `--database-url`, else
 * DATABASE_URL, else the embedded PostgreSQL that `pnpm start` uses (started for the run, so
 * `pnpm start` must not be running). Every subgraph's migrations are applied first.
 */
import path from 'node:path';
import { ConfigError, startEmbeddedPostgres } from '@commerce-graph/kit';
import { readStartEnv } from '../env.ts';
import { migrateAll } from '../graph.ts';

export interface CatalogDatabase {
  url: string;
  /** Where it is, for messages. */
  label: string;
  close(): Promise<void>;
}

/** Opens (and migrates) the database of a catalog command; exits 1 on a configuration error. */
export async function openCatalogDatabase(databaseUrl?: string): Promise<CatalogDatabase> {
  let env;
  try {
    env = readStartEnv();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const url = databaseUrl ?? env.DATABASE_URL;
  if (url) {
    await migrateAll(url);
    return { url, label: new URL(url).pathname.slice(1) || url, close: async () => undefined };
  }
  const dataDir = path.resolve(env.DATA_DIR, 'postgres');
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: env.EMBEDDED_PG_PORT,
    database: 'commerce_graph',
  });
  try {
    await migrateAll(embedded.url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return {
    url: embedded.url,
    label: `the embedded PostgreSQL of pnpm start (${dataDir})`,
    close: () => embedded.stop(),
  };
}
