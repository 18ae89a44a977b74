import { z } from 'zod';
import { envVar, parseConfig } from '@commerce-graph/kit';

const schema = z
  .object({
    DATABASE_URL: envVar.postgresUrl(),
    PRODUCTS_PORT: envVar.port(4001),
    HOST: z.string().default('127.0.0.1'),
    INTERNAL_TOKEN: z.string().min(32, 'use at least 32 characters').optional(),
    NODE_ENV: envVar.nodeEnv(),
    LOG_LEVEL: envVar.logLevel(),
  })
  // Without it the subgraph answers anyone who reaches it, past the gateway and its checks.
  .refine((env) => env.NODE_ENV !== 'production' || env.INTERNAL_TOKEN !== undefined, {
    message: 'required when NODE_ENV is production',
    path: ['INTERNAL_TOKEN'],
    // Also when other variables are invalid, so every problem is listed at once.
    when: () => true,
  });

export type ProductsEnv = z.output<typeof schema>;

/** The products service's configuration, read once from the environment. */
export function readEnv(source: Record<string, string | undefined> = process.env): ProductsEnv {
  return parseConfig(schema, source);
}
