import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@commerce-graph/kit';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string | undefined;
  }
}

let embedded: EmbeddedPostgresHandle | undefined;

/**
 * Gives every test file a PostgreSQL server: DATABASE_URL when set, otherwise a real embedded
 * PostgreSQL started here (and deleted afterwards). Test files create their own databases on it.
 */
export async function setup(project: TestProject): Promise<void> {
  if (process.env.CI && !process.env.REDIS_URL) {
    throw new Error('CI must run the Redis-backed tests: set REDIS_URL');
  }
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve('.data/test-postgres'),
      port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54330),
      database: 'commerce_graph_test',
      persistent: false,
    });
    databaseUrl = embedded.url;
  }
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', process.env.REDIS_URL);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}
