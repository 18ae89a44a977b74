import type { Resolvers } from './__generated__/resolvers-types.ts';
import { adminResolvers } from './resolvers/admin.ts';
import { catalogResolvers } from './resolvers/catalog.ts';
import { searchResolvers } from './resolvers/search.ts';

/** The storefront's catalog, search, and staff's catalog operations, one map per part. */
const parts: Resolvers[] = [catalogResolvers, searchResolvers, adminResolvers];

/** One resolver map: each type's fields from every part (a field defined twice is a bug). */
export const resolvers: Resolvers = {};
for (const part of parts) {
  for (const [type, fields] of Object.entries(part)) {
    const merged = ((resolvers as Record<string, object>)[type] ??= {}) as Record<string, unknown>;
    for (const [field, resolver] of Object.entries(fields as object)) {
      if (field in merged) throw new Error(`${type}.${field} is resolved twice`);
      merged[field] = resolver;
    }
  }
}
