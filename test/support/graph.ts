import postgres from 'postgres';
import type { StaffRole } from '@commerce-graph/kit';
import {
  SINGLE_CLIENT_BUDGETS,
  startGraph,
  type GraphOptions,
  type RunningGraph,
} from '../../scripts/graph.ts';
import { createTestDatabase } from './database.ts';
import { graphql } from './graphql.ts';
import { TEST_PASSWORD_HASHING } from './passwords.ts';
import type { QueueBackendCase } from './queues.ts';

/** A staff account a test graph makes before it starts. */
export interface TestStaff {
  email: string;
  password: string;
  role: StaffRole;
}

/** The owner every test graph has: every permission, like the first admin of a store. */
export const TEST_OWNER: TestStaff = {
  email: 'owner@staff.example.com',
  password: 'owner password 0123456789',
  role: 'owner',
};

export interface TestGraph {
  graph: RunningGraph;
  /** A connection to the test database, for reading tables directly. */
  sql: postgres.Sql;
  databaseUrl: string;
  /** The GraphQL URL of one service (`gateway`, `products`, ...). */
  url(service: string): string;
  /**
   * Signs a staff member (default: TEST_OWNER) in through the gateway, once per graph, and
   * answers the `authorization` header their requests carry.
   */
  staffHeaders(member?: TestStaff): Promise<Record<string, string>>;
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
    staff: [TEST_OWNER, ...(options.staff ?? [])],
    // Every test client is 127.0.0.1; tests of the budgets pass their own. Tests read their own
    // writes at once, before a purge could arrive: the response caches are on only where a test
    // asks for them (test/response-cache.test.ts).
    gateway: { budgets: SINGLE_CLIENT_BUDGETS, responseCache: false, ...options.gateway },
    identity: { passwordHashing: TEST_PASSWORD_HASHING, ...options.identity },
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  const signedIn = new Map<string, Promise<Record<string, string>>>();
  const signIn = async (member: TestStaff) => {
    const { data, errors } = await graphql<{
      login: { __typename: string; accessToken?: string };
    }>(
      graph.gatewayUrl,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename ... on Session { accessToken } } }',
      { e: member.email, p: member.password },
    );
    if (errors || !data?.login.accessToken) {
      throw new Error(`${member.email} cannot sign in: ${JSON.stringify(errors ?? data)}`);
    }
    return { authorization: `Bearer ${data.login.accessToken}` };
  };
  return {
    graph,
    sql,
    databaseUrl: database.url,
    url(service) {
      const found = graph.services.find((s) => s.name === service);
      if (!found) throw new Error(`no service ${service} in the graph`);
      return found.url;
    },
    staffHeaders(member = TEST_OWNER) {
      let headers = signedIn.get(member.email);
      if (!headers) {
        headers = signIn(member);
        signedIn.set(member.email, headers);
      }
      return headers;
    },
    async close() {
      await graph.close();
      await sql.end();
      await database.drop();
    },
  };
}
