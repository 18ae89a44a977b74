import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import type { GraphQLResolveInfo } from 'graphql';
import { can, type Actor } from '@commerce-graph/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { ProductRow, VariantRow } from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import { isPublished, type ProductAttributeView } from '../service/catalog.service.ts';
import { currencyOf, maxAgeBefore, nextPriceChange, priceInForce } from '../service/pricing.ts';
import { surrogateKey } from '../surrogate-keys.ts';

/** How long a price may be cached when nothing is scheduled: the product's own max-age. */
const PRICE_MAX_AGE = 60;

/** Staff with `catalog:write` see every publish state; the storefront only PUBLISHED. */
const visible = <T extends { status: string }>(row: T | null, actor: Actor): T | null =>
  row && (isPublished(row) || can(actor, 'catalog:write')) ? row : null;

/** A variant is visible with its product. */
async function visibleVariant(
  variant: VariantRow | null,
  loaders: Loaders,
  actor: Actor,
): Promise<VariantRow | null> {
  if (!variant) return null;
  const product = await loaders.productById.load(variant.productId);
  return visible(product, actor) ? variant : null;
}

async function productOf(variant: VariantRow, loaders: Loaders): Promise<ProductRow> {
  const product = await loaders.productById.load(variant.productId);
  if (!product) throw new Error(`Variant ${variant.id} has no product ${variant.productId}`);
  return product;
}

/**
 * The price in force of a variant now, with a cache hint that ends before its next scheduled
 * change: no cache can serve it past the boundary.
 */
async function priceNow(
  variant: VariantRow,
  code: string | null | undefined,
  loaders: Loaders,
  now: Date,
  info: GraphQLResolveInfo,
) {
  const currency = currencyOf(code);
  const rows = await loaders.pricesByVariantId.load(variant.id);
  maybeCacheControlFromInfo(info)?.setCacheHint({
    maxAge: maxAgeBefore(nextPriceChange(rows, now), now, PRICE_MAX_AGE),
  });
  return { currency, price: priceInForce(rows, currency, now) };
}

async function attributesOf(
  product: ProductRow,
  loaders: Loaders,
): Promise<ProductAttributeView[]> {
  const values = await loaders.attributeValuesByProductId.load(product.id);
  const views = await Promise.all(
    values.map(async (value) => {
      const attribute = await loaders.attributeById.load(value.attributeId);
      if (!attribute) throw new Error(`Attribute ${value.attributeId} vanished`);
      const allowed = await loaders.attributeValuesByAttributeId.load(attribute.id);
      const codes = value.codes ?? [];
      return {
        attribute,
        text: value.textValue,
        number: value.numberValue,
        boolean: value.booleanValue,
        options: allowed.filter((option) => codes.includes(option.code)),
      };
    }),
  );
  return views.sort(
    (a, b) =>
      a.attribute.position - b.attribute.position ||
      a.attribute.code.localeCompare(b.attribute.code),
  );
}

/** Notes the surrogate keys of a list of products (whichever of its fields is asked for). */
function noteList(page: { rows: ReadonlyArray<{ id: string }> }, keys: Set<string>) {
  keys.add(surrogateKey.productLists);
  for (const row of page.rows) keys.add(surrogateKey.product(row.id));
}

/** Notes the surrogate keys of the rows and hands them on. */
const noted = async <Row extends { id: string } | null>(
  rows: Promise<Row> | Row,
  keys: Set<string>,
  keyOf: (id: string) => string,
): Promise<Row> => {
  const resolved = await rows;
  if (resolved) keys.add(keyOf(resolved.id));
  return resolved;
};

/** The storefront's catalog: thin adapters over CatalogService and the per-request loaders. */
export const catalogResolvers: Resolvers = {
  Query: {
    product: (_, args, { catalog, loaders }) => catalog.findProduct(loaders, args),
    products: (_, args, { catalog }) =>
      catalog.listProducts({
        first: args.first ?? 24,
        after: args.after,
        categorySlug: args.categorySlug,
      }),
    categories: async (_, __, { catalog, surrogateKeys }) => {
      const roots = await catalog.listRootCategories();
      for (const root of roots) surrogateKeys.add(surrogateKey.category(root.id));
      return roots;
    },
    category: (_, { slug }, { catalog, surrogateKeys }) =>
      noted(catalog.findCategory(slug), surrogateKeys, surrogateKey.category),
    collections: async (_, __, { catalog, surrogateKeys }) => {
      const all = await catalog.listCollections();
      for (const collection of all) surrogateKeys.add(surrogateKey.collection(collection.id));
      return all;
    },
    collection: (_, { slug }, { catalog, surrogateKeys }) =>
      noted(catalog.findCollection(slug), surrogateKeys, surrogateKey.collection),
  },
  Product: {
    // Drafts and archived products do not exist for the storefront, in `_entities` too: the cart
    // and checkout then refuse their variants as unknown.
    __resolveReference: async (ref, { loaders, actor }) =>
      visible(await loaders.productById.load(ref.id), actor),
    category: async (product, _, { loaders }) => {
      const category = await loaders.categoryById.load(product.categoryId);
      if (!category) throw new Error(`Product ${product.id} has no category ${product.categoryId}`);
      return category;
    },
    variants: (product, _, { loaders }) => loaders.variantsByProductId.load(product.id),
    productType: (product, _, { loaders }) =>
      product.productTypeId ? loaders.productTypeById.load(product.productTypeId) : null,
    attributes: (product, _, { loaders }) => attributesOf(product, loaders),
    media: (product, _, { loaders }) => loaders.mediaByProductId.load(product.id),
    seoTitle: (product) => product.seoTitle ?? product.name,
    seoDescription: (product) =>
      product.seoDescription ?? product.description.slice(0, 160).trimEnd(),
    createdAt: (product) => product.createdAt.toISOString(),
    updatedAt: (product) => product.updatedAt.toISOString(),
  },
  ProductVariant: {
    __resolveReference: async (ref, { loaders, actor }) =>
      visibleVariant(await loaders.variantById.load(ref.id), loaders, actor),
    price: async (variant, { currencyCode }, { loaders, now }, info) => {
      const { currency, price } = await priceNow(variant, currencyCode, loaders, now, info);
      if (!price) throw new Error(`Variant ${variant.id} has no ${currency} price`);
      return { amount: price.amount, currencyCode: currency };
    },
    compareAtPrice: async (variant, { currencyCode }, { loaders, now }, info) => {
      const { currency, price } = await priceNow(variant, currencyCode, loaders, now, info);
      return price?.compareAtAmount != null
        ? { amount: price.compareAtAmount, currencyCode: currency }
        : null;
    },
    options: (variant) => variant.options,
    product: (variant, _, { loaders }) => productOf(variant, loaders),
    // The product's row is the one `__resolveReference` loaded to check visibility: no extra SQL.
    taxClass: async (variant, _, { loaders }) => (await productOf(variant, loaders)).taxClass,
  },
  Category: {
    __resolveReference: (ref, { loaders }) => loaders.categoryById.load(ref.id),
    parent: (category, _, { loaders }) =>
      category.parentId ? loaders.categoryById.load(category.parentId) : null,
    children: (category, _, { loaders }) => loaders.categoriesByParentId.load(category.id),
  },
  Collection: {
    __resolveReference: (ref, { catalog, surrogateKeys }) =>
      noted(catalog.findCollectionById(ref.id), surrogateKeys, surrogateKey.collection),
    products: (collection, args, { catalog }) =>
      catalog.collectionProducts(collection.id, { first: args.first ?? 24, after: args.after }),
  },
  Attribute: {
    values: (attribute, _, { loaders }) => loaders.attributeValuesByAttributeId.load(attribute.id),
  },
  ProductConnection: {
    edges: (page, _, { surrogateKeys }) => {
      noteList(page, surrogateKeys);
      return page.rows.map((row, i) => ({ cursor: page.cursors[i]!, node: row }));
    },
    pageInfo: (page, _, { surrogateKeys }) => {
      noteList(page, surrogateKeys);
      return { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null };
    },
    totalCount: (page, _, { surrogateKeys }) => {
      noteList(page, surrogateKeys);
      return page.totalCount();
    },
  },
};
