import { createSubgraphApollo, loadTypeDefs, type Logger } from '@commerce-graph/kit';
import type { Context } from './context.ts';
import type { ProductsDb } from './db/client.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import { ProductService } from './service.ts';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** Builds the products subgraph (schema, server, per-request context); does not listen. */
export function createServer(deps: { db: ProductsDb; logger: Logger; production: boolean }) {
  const service = new ProductService(deps.db);
  const apollo = createSubgraphApollo<Context>({
    typeDefs,
    resolvers,
    logger: deps.logger,
    production: deps.production,
  });
  const context = async (): Promise<Context> => ({ service, loaders: createLoaders(deps.db) });
  return { apollo, context };
}
