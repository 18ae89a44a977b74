import { z } from 'zod';
import { envVar, internalTokenInProduction, parseConfig } from '@commerce-graph/kit';

const schema = z
  .object({
    DATABASE_URL: envVar.postgresUrl(),
    REDIS_URL: envVar.redisUrl().optional(),
    PRODUCTS_PORT: envVar.port(4001),
    HOST: z.string().default('127.0.0.1'),
    /** `false` when the deploy runs `pnpm migrate` before it starts the replicas. */
    MIGRATE_ON_START: envVar.boolean(true),
    /** `false` when separate `pnpm events` processes consume products's events. */
    PRODUCTS_EVENT_WORKER: envVar.boolean(true),
    INTERNAL_TOKEN: envVar.internalToken(),
    NODE_ENV: envVar.nodeEnv(),
    LOG_LEVEL: envVar.logLevel(),
  })
  .refine(...internalTokenInProduction);

export type ProductsEnv = z.output<typeof schema>;

/** The products service's configuration, read once from the environment. */
export function readEnv(source: Record<string, string | undefined> = process.env): ProductsEnv {
  return parseConfig(schema, source);
}
