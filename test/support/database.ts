import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { runMigrations } from '@commerce-graph/kit';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database on the test server, with the given subgraphs' migrations applied: each test
 * file gets its own, so files run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(
  migrations: Array<{ subgraph: string; folder: string }> = [],
): Promise<TestDatabase> {
  const serverUrl = new URL(inject('databaseUrl'));
  const name = `cg_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl.toString(), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  for (const m of migrations) await runMigrations(url.toString(), m.subgraph, m.folder);

  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(serverUrl.toString(), { max: 1, onnotice: () => undefined });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}
