import {
  actorFromHeaders,
  createSubgraphApollo,
  loadTypeDefs,
  type Logger,
  type RawRequest,
  type SubgraphClient,
} from '@commerce-graph/kit';
import type { Context } from './context.ts';
import type { CartDb } from './db/client.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import type { CartPrivacyService } from './privacy.service.ts';
import type { CartAddressService } from './service/addresses.ts';
import type { CartService } from './service/cart-lines.ts';
import type { DiscountService } from './service/discounts.ts';
import type { CartMergeService } from './service/merge.ts';
import type { CartQuoteService } from './service/quote.ts';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** Builds the cart subgraph (schema, server, per-request context); does not listen. */
export function createServer(deps: {
  db: CartDb;
  service: CartService;
  merge: CartMergeService;
  discounts: DiscountService;
  addresses: CartAddressService;
  quotes: CartQuoteService;
  privacy: CartPrivacyService;
  /** The products subgraph, source of every price. */
  products: SubgraphClient;
  /** The inventory subgraph, source of stock and purchase limits; null: none checked. */
  inventory: SubgraphClient | null;
  logger: Logger;
  production: boolean;
  /** Verifies the gateway's identity assertions. */
  internalToken?: string;
}) {
  const apollo = createSubgraphApollo<Context>({
    typeDefs,
    resolvers,
    logger: deps.logger,
    production: deps.production,
  });
  const context = async (request: RawRequest): Promise<Context> => ({
    service: deps.service,
    merge: deps.merge,
    discounts: deps.discounts,
    addresses: deps.addresses,
    quotes: deps.quotes,
    privacy: deps.privacy,
    loaders: createLoaders(deps.db, deps.products, deps.inventory),
    actor: await actorFromHeaders(deps.internalToken, request.headers),
  });
  return { apollo, context };
}
