import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '@commerce-graph/kit';
import { createScratchDatabase } from '../scratch-database.ts';
import type { Defer } from './harness.ts';
import { freePort } from './ports.ts';

const EMBEDDED_DATA_DIR = fileURLToPath(new URL('../../.data/bench-postgres', import.meta.url));

/**
 * A fresh, empty `cg_bench_<random>` database for one run, dropped again by `defer`. It lives on
 * the server of `serverUrl`, or, without one, on an embedded PostgreSQL started on a free port
 * whose data directory is deleted when it stops.
 */
export async function createBenchDatabase(
  serverUrl: string | undefined,
  defer: Defer,
): Promise<{ url: string; server: string }> {
  let server = serverUrl;
  let where = 'DATABASE_URL';
  if (!server) {
    const port = await freePort();
    const embedded = await startEmbeddedPostgres({
      dataDir: EMBEDDED_DATA_DIR,
      port,
      database: 'postgres',
      persistent: false,
    });
    defer(() => embedded.stop());
    server = embedded.url;
    where = `embedded PostgreSQL on port ${port}`;
  }

  const database = await createScratchDatabase(server, 'cg_bench');
  defer(() => database.drop());
  return { url: database.url, server: `${database.name} on ${where}` };
}
