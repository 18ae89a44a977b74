import type { OutboxRelay } from '@commerce-graph/events';
import {
  actorFromHeaders,
  createSubgraphApollo,
  loadTypeDefs,
  type Logger,
  type RawRequest,
} from '@commerce-graph/kit';
import type { AdminServices, Context } from './context.ts';
import type { ProductsDb } from './db/client.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import { AdminCollectionsService } from './service/admin/collections.service.ts';
import { AdminPricesService } from './service/admin/prices.service.ts';
import { AdminProductsService } from './service/admin/products.service.ts';
import { AdminTaxonomyService } from './service/admin/taxonomy.service.ts';
import { CatalogService } from './service/catalog.service.ts';
import type { SearchEngine } from './service/search/search-engine.ts';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** Builds the products subgraph (schema, server, per-request context); does not listen. */
export function createServer(deps: {
  db: ProductsDb;
  search: SearchEngine;
  relay: OutboxRelay;
  now: () => Date;
  logger: Logger;
  production: boolean;
  /** Verifies the gateway's identity assertions; without it, any assertion is refused. */
  internalToken?: string;
}) {
  const catalog = new CatalogService(deps.db);
  const adminDeps = {
    db: deps.db,
    search: deps.search,
    relay: deps.relay,
    now: deps.now,
    logger: deps.logger,
  };
  const admin: AdminServices = {
    products: new AdminProductsService(adminDeps),
    prices: new AdminPricesService(adminDeps),
    taxonomy: new AdminTaxonomyService(adminDeps),
    collections: new AdminCollectionsService(adminDeps),
  };
  const apollo = createSubgraphApollo<Context>({
    typeDefs,
    resolvers,
    logger: deps.logger,
    production: deps.production,
  });
  // A forged or expired assertion throws here: the request is answered 401 before any resolver.
  const context = async (request: RawRequest): Promise<Context> => {
    const surrogateKeys = new Set<string>();
    return {
      actor: await actorFromHeaders(deps.internalToken, request.headers),
      loaders: createLoaders(deps.db, surrogateKeys),
      catalog,
      admin,
      search: deps.search,
      now: deps.now(),
      surrogateKeys,
    };
  };
  return { apollo, context };
}
