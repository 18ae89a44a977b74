import postgres from 'postgres';
import {
  SINGLE_CLIENT_BUDGETS,
  startGraph,
  type GraphOptions,
  type RunningGraph,
} from '../../scripts/graph.ts';
import { createTestDatabase } from './database.ts';
import { TEST_PASSWORD_HASHING } from './passwords.ts';
import type { QueueBackendCase } from './queues.ts';

export interface TestGraph {
  graph: RunningGraph;
  /** A connection to the test database, for reading tables directly. */
  sql: postgres.Sql;
  /** The GraphQL URL of one service (`gateway`, `products`, ...). */
  url(service: string): string;
  close(): Promise<void>;
}

/**
 * The whole graph on a fresh test database, every service on a free port, BullMQ on the given
 * backend, the Adyen simulator standing in for Adyen. `close()` stops it and drops the database.
 */
export async function startTestGraph(
  backend: QueueBackendCase,
  options: Partial<Omit<GraphOptions, 'databaseUrl' | 'queue' | 'ports'>> = {},
): Promise<TestGraph> {
  const database = await createTestDatabase();
  const graph = await startGraph({
    databaseUrl: database.url,
    queue: backend.config(database.url),
    ports: { gateway: 0, products: 0, inventory: 0, cart: 0, checkout: 0, adyenSimulator: 0 },
    logLevel: 'silent',
    ...options,
    // Every test client is 127.0.0.1; tests of the budgets pass their own.
    gateway: { budgets: SINGLE_CLIENT_BUDGETS, ...options.gateway },
    identity: { passwordHashing: TEST_PASSWORD_HASHING, ...options.identity },
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  return {
    graph,
    sql,
    url(service) {
      const found = graph.services.find((s) => s.name === service);
      if (!found) throw new Error(`no service ${service} in the graph`);
      return found.url;
    },
    async close() {
      await graph.close();
      await sql.end();
      await database.drop();
    },
  };
}
