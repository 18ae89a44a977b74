import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { traceSql } from './tracing.ts';

export type Sql = postgres.Sql;

export interface Database<TSchema extends Record<string, unknown>> {
  db: PostgresJsDatabase<TSchema>;
  sql: Sql;
  /** The pool's name, as `instrumentDatabase` reports it (`applicationName`). */
  name: string;
  /** The pool's size. */
  max: number;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Pool size; each subgraph process keeps its own pool. */
  max?: number;
  /** Called with every SQL statement text; used by tests and benchmarks to count queries. */
  onQuery?: (query: string) => void;
  /** The pool's name; pg_stat_activity shows it followed by `processTag`. */
  applicationName?: string;
  /**
   * Longest a statement may run before the server cancels it (default 10 s; 0 disables it, for
   * seeds and imports that run long statements on purpose). A request never waits on a stuck
   * query or a lock for longer than this.
   */
  statementTimeoutMs?: number;
  /**
   * Longest a session may sit idle inside an open transaction before the server ends it and
   * frees its locks (default 30 s; 0 disables it).
   */
  idleInTransactionTimeoutMs?: number;
  /** Longest to wait for a new connection to the server (default 5 s). */
  connectTimeoutMs?: number;
}

/** Defaults of the server-side limits every subgraph connection gets; see `ConnectOptions`. */
export const DATABASE_TIMEOUTS = {
  statementTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 30_000,
  connectTimeoutMs: 5_000,
} as const;

/**
 * Eight hex digits, random per process, that every connection of this process carries in its
 * `application_name` after the pool's name (`checkout#3fa9c2e1`): pg_stat_activity then tells
 * this process's sessions from its replicas' (process ids repeat across containers), which is
 * how `instrumentDatabase` counts this process's connections.
 */
export const processTag: string = randomBytes(4).toString('hex');

/** `name#<processTag>`, the application_name of this process's pool `name`. */
export function taggedApplicationName(name: string): string {
  return `${name}#${processTag}`;
}

/**
 * The pool size a deployment sets in DATABASE_URL's query, `?max=4`, for every pool opened
 * with `connectDatabase` (a caller's own `max` wins). The other postgres.js URL option a deploy
 * may need, `?prepare=false` (no named prepared statements, for PgBouncer in transaction mode),
 * postgres.js reads itself. Neither is sent to the server as a startup parameter.
 */
export function poolMaxOf(url: string): number | undefined {
  const max = URL.canParse(url) ? new URL(url).searchParams.get('max') : null;
  if (max === null) return undefined;
  const n = Number(max);
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`DATABASE_URL max=${max}: a whole number >= 1`);
  return n;
}

/**
 * Opens a postgres.js pool and wraps it in drizzle with the subgraph's table schema. Every
 * connection carries a statement timeout and an idle-in-transaction timeout (see
 * `ConnectOptions`), so a stuck query or a forgotten transaction fails instead of hanging.
 */
export function connectDatabase<TSchema extends Record<string, unknown>>(
  url: string,
  schema: TSchema,
  options: ConnectOptions = {},
): Database<TSchema> {
  const limit = (value: number | undefined, fallback: number) => {
    const ms = value ?? fallback;
    if (!Number.isInteger(ms) || ms < 0) throw new RangeError(`timeouts are whole ms >= 0: ${ms}`);
    return ms;
  };
  const statementTimeout = limit(options.statementTimeoutMs, DATABASE_TIMEOUTS.statementTimeoutMs);
  const idleTimeout = limit(
    options.idleInTransactionTimeoutMs,
    DATABASE_TIMEOUTS.idleInTransactionTimeoutMs,
  );
  const connectTimeout = limit(options.connectTimeoutMs, DATABASE_TIMEOUTS.connectTimeoutMs);
  const name = options.applicationName ?? 'commerce-graph';
  const max = options.max ?? poolMaxOf(url) ?? 10;
  const untraced = postgres(url, {
    max,
    onnotice: () => undefined,
    // postgres.js counts this one in seconds.
    connect_timeout: Math.max(1, Math.ceil(connectTimeout / 1000)),
    // Startup parameters: set once per connection by the server, no extra round trip.
    connection: {
      application_name: taggedApplicationName(name),
      statement_timeout: statementTimeout,
      idle_in_transaction_session_timeout: idleTimeout,
    },
    debug: options.onQuery ? (_connection, query) => options.onQuery?.(query) : undefined,
  });
  // With tracing on, a client span per statement and per transaction.
  const sql = traceSql(untraced);
  const db = drizzle(sql, { schema });
  return { db, sql, name, max, close: () => sql.end({ timeout: 5 }) };
}

/** The advisory lock key every migration run holds (a bigint, like `createLeadership`'s). */
const MIGRATION_LOCK = '7883946363647714593'; // 'migrate!' in ASCII, read as a 64-bit integer

/**
 * Applies a subgraph's committed drizzle migrations. One advisory lock, the same for every
 * subgraph, serialises concurrent runs: replicas of one subgraph booting at once would apply a
 * migration twice, and different subgraphs on an empty database would both create the shared
 * `drizzle` schema (`CREATE SCHEMA IF NOT EXISTS` is not safe against a concurrent one). A
 * run that finds its migrations applied by the one before it does nothing.
 */
export async function runMigrations(
  url: string,
  subgraph: string,
  migrationsFolder: string,
): Promise<void> {
  // One connection: the session-level advisory lock and the migration run on the same session.
  // No statement timeout: DDL on a big table, and waiting for another replica's migration on
  // the advisory lock, may take as long as it takes.
  const sql = postgres(url, {
    max: 1,
    onnotice: () => undefined,
    // Never recycled mid-run: a new session would not hold the lock.
    max_lifetime: 0,
    connection: { statement_timeout: 0, idle_in_transaction_session_timeout: 0 },
  });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK}::bigint)`;
    await migrate(drizzle(sql), {
      migrationsFolder,
      migrationsSchema: 'drizzle',
      migrationsTable: `${subgraph}_migrations`,
    });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK}::bigint)`;
  } finally {
    // Closing the session also drops the lock if the migration failed.
    await sql.end({ timeout: 5 });
  }
}
