import { z } from 'zod';
import { envVar, internalTokenInProduction, parseConfig } from '@commerce-graph/kit';

const schema = z
  .object({
    DATABASE_URL: envVar.postgresUrl(),
    REDIS_URL: envVar.redisUrl().optional(),
    CART_PORT: envVar.port(4003),
    HOST: z.string().default('127.0.0.1'),
    /** `false` when the deploy runs `pnpm migrate` before it starts the replicas. */
    MIGRATE_ON_START: envVar.boolean(true),
    PRODUCTS_URL: envVar.url().default('http://127.0.0.1:4001/graphql'),
    INVENTORY_URL: envVar.url().default('http://127.0.0.1:4002/graphql'),
    CART_TTL_DAYS: z.coerce.number().int().positive().max(3650).default(30),
    /** `false` when separate `pnpm events` processes consume cart's events. */
    CART_EVENT_WORKER: envVar.boolean(true),
    INTERNAL_TOKEN: envVar.internalToken(),
    NODE_ENV: envVar.nodeEnv(),
    LOG_LEVEL: envVar.logLevel(),
  })
  .refine(...internalTokenInProduction);

export type CartEnv = z.output<typeof schema>;

/** The cart service's configuration, read once from the environment. */
export function readEnv(source: Record<string, string | undefined> = process.env): CartEnv {
  return parseConfig(schema, source);
}
