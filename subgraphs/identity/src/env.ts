import { z } from 'zod';
import { envVar, internalTokenInProduction, parseConfig } from '@commerce-graph/kit';

const schema = z
  .object({
    DATABASE_URL: envVar.postgresUrl(),
    REDIS_URL: envVar.redisUrl().optional(),
    IDENTITY_PORT: envVar.port(4005),
    HOST: z.string().default('127.0.0.1'),
    /** `false` when the deploy runs `pnpm migrate` before it starts the replicas. */
    MIGRATE_ON_START: envVar.boolean(true),
    ACCESS_TOKEN_SECRET: z.string({ error: 'required' }).min(32, 'use at least 32 characters'),
    /** `false` when separate `pnpm events` processes consume identity's events. */
    IDENTITY_EVENT_WORKER: envVar.boolean(true),
    INTERNAL_TOKEN: envVar.internalToken(),
    CART_URL: envVar.url().default('http://127.0.0.1:4003/graphql'),
    CHECKOUT_URL: envVar.url().default('http://127.0.0.1:4004/graphql'),
    NODE_ENV: envVar.nodeEnv(),
    LOG_LEVEL: envVar.logLevel(),
  })
  .refine(...internalTokenInProduction);

export type IdentityEnv = z.output<typeof schema>;

/** The identity service's configuration, read once from the environment. */
export function readEnv(source: Record<string, string | undefined> = process.env): IdentityEnv {
  return parseConfig(schema, source);
}
