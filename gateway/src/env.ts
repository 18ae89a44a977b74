import { z } from 'zod';
import { envVar, parseConfig } from '@commerce-graph/kit';

const schema = z.object({
  GATEWAY_PORT: envVar.port(4000),
  HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().optional(),
  PRODUCTS_URL: envVar.url().optional(),
  INVENTORY_URL: envVar.url().optional(),
  CART_URL: envVar.url().optional(),
  CHECKOUT_URL: envVar.url().optional(),
  INTERNAL_TOKEN: z.string().min(32, 'use at least 32 characters').optional(),
  NODE_ENV: envVar.nodeEnv(),
  LOG_LEVEL: envVar.logLevel(),
});

export type GatewayEnv = z.output<typeof schema>;

/** The gateway's configuration, read once from the environment. */
export function readEnv(source: Record<string, string | undefined> = process.env): GatewayEnv {
  return parseConfig(schema, source);
}
