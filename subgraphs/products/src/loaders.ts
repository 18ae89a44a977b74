import { asc } from 'drizzle-orm';
import { anyOf, anyUuidOf, loaderByGroup, loaderByKey } from '@commerce-graph/kit';
import type { ProductsDb } from './db/client.ts';
import { categories, products, variants } from './db/schema.ts';

/** Per-request loaders: every lookup by key in this subgraph is one statement per batch. */
export function createLoaders(db: ProductsDb) {
  return {
    productById: loaderByKey(
      (ids: readonly string[]) => db.select().from(products).where(anyUuidOf(products.id, ids)),
      (row) => row.id,
    ),
    productBySlug: loaderByKey(
      (slugs: readonly string[]) => db.select().from(products).where(anyOf(products.slug, slugs)),
      (row) => row.slug,
    ),
    variantById: loaderByKey(
      (ids: readonly string[]) => db.select().from(variants).where(anyUuidOf(variants.id, ids)),
      (row) => row.id,
    ),
    variantsByProductId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(variants)
          .where(anyUuidOf(variants.productId, ids))
          .orderBy(asc(variants.position), asc(variants.sku)),
      (row) => row.productId,
    ),
    categoryById: loaderByKey(
      (ids: readonly string[]) => db.select().from(categories).where(anyUuidOf(categories.id, ids)),
      (row) => row.id,
    ),
    categoriesByParentId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(categories)
          .where(anyUuidOf(categories.parentId, ids))
          .orderBy(asc(categories.name)),
      (row) => row.parentId ?? '',
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
