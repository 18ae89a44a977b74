/**
 * `pnpm migrate [--database-url URL]`: applies every subgraph's migrations to `--database-url`,
 * else DATABASE_URL, and exits. A deploy runs it once, before it starts replicas configured
 * with MIGRATE_ON_START=false, so migrations neither race nor wait on each other at start.
 * Running it again, or beside a service that migrates at start, is safe: runs take turns on
 * one advisory lock, and applied migrations are skipped.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, envVar, parseConfig } from '@commerce-graph/kit';
import { migrateAll } from './graph.ts';

const USAGE = 'usage: pnpm migrate [--database-url postgres://...] (else DATABASE_URL)';

let args;
try {
  args = parseArgs({
    options: { 'database-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

let url: string | undefined;
try {
  const env = parseConfig(z.object({ DATABASE_URL: envVar.postgresUrl().optional() }), {
    DATABASE_URL: args['database-url'] ?? process.env.DATABASE_URL,
  });
  url = env.DATABASE_URL;
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
// No embedded fallback: a deploy that forgot its DATABASE_URL must fail, not migrate elsewhere.
if (!url) {
  console.error(`no database: set DATABASE_URL or pass --database-url\n${USAGE}`);
  process.exit(2);
}

const startedAt = performance.now();
await migrateAll(url);
const database = new URL(url).pathname.slice(1) || new URL(url).host;
console.log(
  `migrated ${database}: every subgraph's schema is current ` +
    `(${((performance.now() - startedAt) / 1000).toFixed(1)} s)`,
);
