import {
  actorFromHeaders,
  createSubgraphApollo,
  loadTypeDefs,
  type Logger,
  type RawRequest,
} from '@commerce-graph/kit';
import type { Context } from './context.ts';
import type { InventoryDb } from './db/client.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import type { InventoryServices } from './service/index.ts';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** Builds the inventory subgraph (schema, server, per-request context); does not listen. */
export function createServer(deps: {
  db: InventoryDb;
  services: InventoryServices;
  logger: Logger;
  production: boolean;
  /** Verifies the gateway's identity assertions; without it, any assertion is refused. */
  internalToken?: string;
}) {
  const apollo = createSubgraphApollo<Context>({
    typeDefs,
    resolvers,
    logger: deps.logger,
    production: deps.production,
  });
  const context = async (request: RawRequest): Promise<Context> => ({
    services: deps.services,
    loaders: createLoaders(deps.db),
    // A forged or expired assertion throws here: the request is answered 401 before any resolver.
    actor: await actorFromHeaders(deps.internalToken, request.headers),
  });
  return { apollo, context };
}
