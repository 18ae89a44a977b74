import { asc, eq } from 'drizzle-orm';
import { anyOf, anyUuidOf, loaderByGroup, loaderByKey } from '@commerce-graph/kit';
import type { ProductsDb } from './db/client.ts';
import { surrogateKey } from './surrogate-keys.ts';
import {
  attributes,
  attributeValues,
  categories,
  media,
  prices,
  productAttributeValues,
  products,
  productTypeAttributes,
  productTypes,
  variants,
} from './db/schema.ts';

/** Notes the key of every row a batch read (the answer shows them), then hands the rows on. */
const noting =
  <Row>(keys: Set<string>, keyOf: (row: Row) => string) =>
  <Rows extends Row[]>(rows: Rows): Rows => {
    for (const row of rows) keys.add(keyOf(row));
    return rows;
  };

/**
 * Per-request loaders: every lookup by key in this subgraph is one statement per batch. They
 * read every publish state; the resolvers decide what the storefront sees. Products, variants
 * and categories looked up note their surrogate keys in `keys` (the request's).
 */
export function createLoaders(db: ProductsDb, keys: Set<string> = new Set()) {
  const product = noting<{ id: string }>(keys, (row) => surrogateKey.product(row.id));
  return {
    productById: loaderByKey(
      (ids: readonly string[]) =>
        db.select().from(products).where(anyUuidOf(products.id, ids)).then(product),
      (row) => row.id,
    ),
    productBySlug: loaderByKey(
      (slugs: readonly string[]) =>
        db.select().from(products).where(anyOf(products.slug, slugs)).then(product),
      (row) => row.slug,
    ),
    variantById: loaderByKey(
      (ids: readonly string[]) =>
        db
          .select()
          .from(variants)
          .where(anyUuidOf(variants.id, ids))
          .then(noting(keys, (row: { productId: string }) => surrogateKey.product(row.productId))),
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
    /** Every price of each variant, base and scheduled. */
    pricesByVariantId: loaderByGroup(
      (ids: readonly string[]) => db.select().from(prices).where(anyUuidOf(prices.variantId, ids)),
      (row) => row.variantId,
    ),
    categoryById: loaderByKey(
      (ids: readonly string[]) =>
        db
          .select()
          .from(categories)
          .where(anyUuidOf(categories.id, ids))
          .then(noting(keys, (row: { id: string }) => surrogateKey.category(row.id))),
      (row) => row.id,
    ),
    categoriesByParentId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(categories)
          .where(anyUuidOf(categories.parentId, ids))
          .orderBy(asc(categories.position), asc(categories.name)),
      (row) => row.parentId ?? '',
    ),
    productTypeById: loaderByKey(
      (ids: readonly string[]) =>
        db.select().from(productTypes).where(anyUuidOf(productTypes.id, ids)),
      (row) => row.id,
    ),
    attributeById: loaderByKey(
      (ids: readonly string[]) => db.select().from(attributes).where(anyUuidOf(attributes.id, ids)),
      (row) => row.id,
    ),
    /** The attributes each product type's products carry, in the type's order. */
    attributesByProductTypeId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select({ productTypeId: productTypeAttributes.productTypeId, attribute: attributes })
          .from(productTypeAttributes)
          .innerJoin(attributes, eq(attributes.id, productTypeAttributes.attributeId))
          .where(anyUuidOf(productTypeAttributes.productTypeId, ids))
          .orderBy(asc(productTypeAttributes.position), asc(attributes.code)),
      (row) => row.productTypeId,
    ),
    attributeValuesByAttributeId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(attributeValues)
          .where(anyUuidOf(attributeValues.attributeId, ids))
          .orderBy(asc(attributeValues.position), asc(attributeValues.code)),
      (row) => row.attributeId,
    ),
    attributeValuesByProductId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(productAttributeValues)
          .where(anyUuidOf(productAttributeValues.productId, ids)),
      (row) => row.productId,
    ),
    mediaByProductId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(media)
          .where(anyUuidOf(media.productId, ids))
          .orderBy(asc(media.position), asc(media.id)),
      (row) => row.productId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
