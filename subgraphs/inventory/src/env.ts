import { z } from 'zod';
import { envVar, internalTokenInProduction, parseConfig } from '@commerce-graph/kit';

const schema = z
  .object({
    DATABASE_URL: envVar.postgresUrl(),
    REDIS_URL: envVar.redisUrl().optional(),
    INVENTORY_PORT: envVar.port(4002),
    HOST: z.string().default('127.0.0.1'),
    /** `false` when the deploy runs `pnpm migrate` before it starts the replicas. */
    MIGRATE_ON_START: envVar.boolean(true),
    CHECKOUT_URL: envVar.url().default('http://127.0.0.1:4004/graphql'),
    RESERVATION_TTL_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
    /** `false` when separate `pnpm events` processes consume inventory's events. */
    INVENTORY_EVENT_WORKER: envVar.boolean(true),
    INTERNAL_TOKEN: envVar.internalToken(),
    NODE_ENV: envVar.nodeEnv(),
    LOG_LEVEL: envVar.logLevel(),
  })
  .refine(...internalTokenInProduction);

export type InventoryEnv = z.output<typeof schema>;

/** The inventory service's configuration, read once from the environment. */
export function readEnv(source: Record<string, string | undefined> = process.env): InventoryEnv {
  return parseConfig(schema, source);
}
