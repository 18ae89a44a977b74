import { z } from 'zod';
import { envVar, parseConfig } from '@commerce-graph/kit';

const schema = z.object({
  /** A server to create the throw-away `cg_bench_*` database on; unset: embedded PostgreSQL. */
  DATABASE_URL: envVar.postgresUrl().optional(),
  /** Measured seconds per load run (shapes.ts). */
  BENCH_SECONDS: z.coerce.number().positive().default(10),
  /** Unmeasured seconds before each load run (shapes.ts). */
  BENCH_WARMUP_SECONDS: z.coerce.number().min(0).default(2),
  /** Closed loops of the load generator (shapes.ts). */
  BENCH_CONCURRENCY: z.coerce.number().int().positive().default(32),
  /** Rounds of A then B (shapes.ts); figures are medians over the rounds. */
  BENCH_ROUNDS: z.coerce.number().int().positive().default(1),
  // Passed on to spawned services; nothing else from this shell reaches them.
  PATH: z.string().optional(),
  HOME: z.string().optional(),
});

export type BenchEnv = z.output<typeof schema>;

const abuseSchema = schema.extend({
  /** Closed loops of normal traffic (abuse.ts): fewer than shapes.ts, so p99 is not all queueing. */
  BENCH_CONCURRENCY: z.coerce.number().int().positive().default(8),
  /** Closed loops of the abusive client (abuse.ts). */
  BENCH_ABUSE_CONCURRENCY: z.coerce.number().int().positive().default(4),
});

export type AbuseBenchEnv = z.output<typeof abuseSchema>;

/** The benchmarks' configuration, read once from the environment. */
export function readBenchEnv(source: Record<string, string | undefined> = process.env): BenchEnv {
  return parseConfig(schema, source);
}

/** `pnpm bench:abuse`'s configuration: the shared variables with its own defaults, and its own. */
export function readAbuseBenchEnv(
  source: Record<string, string | undefined> = process.env,
): AbuseBenchEnv {
  return parseConfig(abuseSchema, source);
}
