import { z } from 'zod';
import { envVar, internalTokenInProduction, parseConfig } from '@commerce-graph/kit';
import type { GatewayConfig } from './app.ts';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The gateway's protection settings; `pnpm start` reads the same ones (scripts/env.ts). */
export const protectionEnv = {
  CORS_ORIGINS: envVar
    .list(z.url().refine((u) => new URL(u).origin === u, 'an origin: scheme://host[:port]'))
    .optional(),
  TRUST_PROXY: envVar.list(z.string()).optional(),
  MAX_QUERY_COST: positiveInt(5_000),
  ANONYMOUS_COST_BUDGET: positiveInt(10_000),
  COST_BUDGET_WINDOW_SECONDS: positiveInt(10),
  SUBGRAPH_TIMEOUT_MS: positiveInt(10_000),
  REQUEST_TIMEOUT_MS: positiveInt(15_000),
};

type ProtectionEnv = z.output<z.ZodObject<typeof protectionEnv>>;

/** The GatewayConfig fields that `protectionEnv` sets. */
export function protectionSettings(env: ProtectionEnv): Partial<GatewayConfig> {
  return {
    maxCost: env.MAX_QUERY_COST,
    budgets: {
      cost: {
        anonymous: { points: env.ANONYMOUS_COST_BUDGET, seconds: env.COST_BUDGET_WINDOW_SECONDS },
      },
    },
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
  };
}

const schema = z
  .object({
    GATEWAY_PORT: envVar.port(4000),
    HOST: z.string().default('127.0.0.1'),
    SUPERGRAPH_PATH: z.string().optional(),
    PRODUCTS_URL: envVar.url().optional(),
    INVENTORY_URL: envVar.url().optional(),
    CART_URL: envVar.url().optional(),
    CHECKOUT_URL: envVar.url().optional(),
    IDENTITY_URL: envVar.url().optional(),
    INTERNAL_TOKEN: envVar.internalToken(),
    // Unset: no customer can sign in through this gateway (bearer JWTs are refused).
    ACCESS_TOKEN_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
    REDIS_URL: envVar.redisUrl().optional(),
    DATABASE_URL: envVar.postgresUrl().optional(),
    // The response caches (src/cache.ts); false: every answer comes from the subgraphs.
    GATEWAY_RESPONSE_CACHE: envVar.boolean(true),
    ...protectionEnv,
    NODE_ENV: envVar.nodeEnv(),
    LOG_LEVEL: envVar.logLevel(),
  })
  .refine(...internalTokenInProduction);

export type GatewayEnv = z.output<typeof schema>;

/** The gateway's configuration, read once from the environment. */
export function readEnv(source: Record<string, string | undefined> = process.env): GatewayEnv {
  return parseConfig(schema, source);
}
