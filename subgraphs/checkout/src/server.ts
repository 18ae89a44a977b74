import { createSubgraphApollo, loadTypeDefs, type Logger } from '@commerce-graph/kit';
import type { Context } from './context.ts';
import type { CheckoutDb } from './db/client.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import type { OrderService } from './service/order.service.ts';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** Builds the checkout subgraph (schema, server, per-request context); does not listen. */
export function createServer(deps: {
  db: CheckoutDb;
  orders: OrderService;
  logger: Logger;
  production: boolean;
}) {
  const apollo = createSubgraphApollo<Context>({
    typeDefs,
    resolvers,
    logger: deps.logger,
    production: deps.production,
  });
  const context = async (): Promise<Context> => ({
    orders: deps.orders,
    loaders: createLoaders(deps.db),
  });
  return { apollo, context };
}
