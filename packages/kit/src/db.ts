import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';

export type Sql = postgres.Sql;

export interface Database<TSchema extends Record<string, unknown>> {
  db: PostgresJsDatabase<TSchema>;
  sql: Sql;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Pool size; each subgraph process keeps its own pool. */
  max?: number;
  /** Called with every SQL statement text; used by tests and benchmarks to count queries. */
  onQuery?: (query: string) => void;
  /** Name shown in pg_stat_activity. */
  applicationName?: string;
}

/** Opens a postgres.js pool and wraps it in drizzle with the subgraph's table schema. */
export function connectDatabase<TSchema extends Record<string, unknown>>(
  url: string,
  schema: TSchema,
  options: ConnectOptions = {},
): Database<TSchema> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    connection: { application_name: options.applicationName ?? 'commerce-graph' },
    debug: options.onQuery ? (_connection, query) => options.onQuery?.(query) : undefined,
  });
  const db = drizzle(sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

/**
 * Applies a subgraph's committed drizzle migrations. An advisory lock serialises concurrent
 * starts (several replicas of one subgraph booting at once must not race on DDL).
 */
export async function runMigrations(
  url: string,
  subgraph: string,
  migrationsFolder: string,
): Promise<void> {
  // One connection: the session-level advisory lock and the migration run on the same session.
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  const lockKey = `migrate:${subgraph}`;
  try {
    await sql`select pg_advisory_lock(hashtext(${lockKey}))`;
    await migrate(drizzle(sql), {
      migrationsFolder,
      migrationsSchema: 'drizzle',
      migrationsTable: `${subgraph}_migrations`,
    });
    await sql`select pg_advisory_unlock(hashtext(${lockKey}))`;
  } finally {
    // Closing the session also drops the lock if the migration failed.
    await sql.end({ timeout: 5 });
  }
}
