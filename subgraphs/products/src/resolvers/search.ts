import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { currencyOf, maxAgeBefore } from '../service/pricing.ts';

/** `Query.search`'s max-age when no price of its products is scheduled to change sooner. */
const SEARCH_MAX_AGE = 30;

/** `search` and `suggest`: each resolver one call into the SearchEngine. */
export const searchResolvers: Resolvers = {
  Query: {
    search: async (_, args, { search, now }, info) => {
      const response = await search.search({
        query: args.query,
        filters: args.filters,
        priceRange: args.priceRange,
        categorySlug: args.categorySlug,
        inStock: args.inStock,
        sort: args.sort ?? 'RELEVANCE',
        first: args.first ?? 24,
        after: args.after,
        currency: currencyOf(args.currencyCode),
      });
      // Prices decide the order, the price filter and the bounds: no cache may serve the answer
      // past the next scheduled price change of the products it depends on.
      maybeCacheControlFromInfo(info)?.setCacheHint({
        maxAge: maxAgeBefore(response.nextPriceChangeAt ?? null, now, SEARCH_MAX_AGE),
      });
      return response;
    },
    suggest: (_, { prefix, first }, { search }) => search.suggest(prefix, first ?? 8),
  },
  SearchResult: {
    priceRange: (result) =>
      result.priceRange && {
        min: { amount: result.priceRange.min, currencyCode: result.priceRange.currency },
        max: { amount: result.priceRange.max, currencyCode: result.priceRange.currency },
      },
  },
  Suggestion: {
    __resolveType: (suggestion) => suggestion.__typename,
  },
};
