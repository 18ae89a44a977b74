import { z } from 'zod';

/** Thrown when configuration is invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses a configuration source (usually `process.env`, passed in by a package's own `env.ts`)
 * with a zod schema and reports every invalid variable together.
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): z.output<S> {
  // Empty strings count as unset, so `FOO=` in a shell behaves like no FOO at all.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}

/** Reusable zod pieces for environment variables. */
export const envVar = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  url: () => z.url(),
  postgresUrl: () =>
    z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  redisUrl: () => z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'),
  nodeEnv: () => z.enum(['development', 'production', 'test']).default('development'),
  logLevel: (fallback: 'warn' | 'info' = 'info') =>
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default(fallback),
  /** A comma-separated list; each item trimmed, empty items dropped. */
  list: <T extends z.ZodType<unknown, string>>(item: T) =>
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(item)),
  /** The secret services send each other (`x-internal-token`); see `internalTokenInProduction`. */
  internalToken: () => z.string().min(32, 'use at least 32 characters').optional(),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
};

/**
 * `.refine(...internalTokenInProduction)` on a service's env schema: without INTERNAL_TOKEN a
 * subgraph answers anyone who reaches it, past the gateway and its checks, so production refuses
 * to start without one. Checked even when other variables are invalid, so every problem is listed.
 */
export const internalTokenInProduction: [
  (env: { NODE_ENV: string; INTERNAL_TOKEN?: string }) => boolean,
  { message: string; path: string[]; when: () => boolean },
] = [
  (env) => env.NODE_ENV !== 'production' || env.INTERNAL_TOKEN !== undefined,
  { message: 'required when NODE_ENV is production', path: ['INTERNAL_TOKEN'], when: () => true },
];
