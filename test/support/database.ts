import { inject } from 'vitest';
import { runMigrations } from '@commerce-graph/kit';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/scratch-database.ts';

export type TestDatabase = ScratchDatabase;

/**
 * A fresh database on the test server, with the given subgraphs' migrations applied: each test
 * file gets its own, so files run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(
  migrations: Array<{ subgraph: string; folder: string }> = [],
): Promise<TestDatabase> {
  const database = await createScratchDatabase(inject('databaseUrl'), 'cg_test');
  for (const m of migrations) await runMigrations(database.url, m.subgraph, m.folder);
  return database;
}
