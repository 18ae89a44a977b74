import type { Resolvers } from './__generated__/resolvers-types.ts';
import { encodeCursor } from './service.ts';

/** Thin adapters: each resolver is one call into the service or a per-request loader. */
export const resolvers: Resolvers = {
  Query: {
    product: (_, args, { service, loaders }) => service.findProduct(loaders, args),
    products: (_, args, { service }) =>
      service.listProducts({
        first: args.first ?? 24,
        after: args.after,
        categorySlug: args.categorySlug,
      }),
    categories: (_, __, { service }) => service.listRootCategories(),
    category: (_, { slug }, { service }) => service.findCategory(slug),
  },
  Product: {
    __resolveReference: (ref, { loaders }) => loaders.productById.load(ref.id),
    category: async (product, _, { loaders }) => {
      const category = await loaders.categoryById.load(product.categoryId);
      if (!category) throw new Error(`Product ${product.id} has no category ${product.categoryId}`);
      return category;
    },
    variants: (product, _, { loaders }) => loaders.variantsByProductId.load(product.id),
  },
  ProductVariant: {
    __resolveReference: (ref, { loaders }) => loaders.variantById.load(ref.id),
    price: (variant) => ({ amount: variant.priceAmount, currencyCode: variant.currency }),
    options: (variant) => variant.options,
    product: async (variant, _, { loaders }) => {
      const product = await loaders.productById.load(variant.productId);
      if (!product) throw new Error(`Variant ${variant.id} has no product ${variant.productId}`);
      return product;
    },
  },
  Category: {
    __resolveReference: (ref, { loaders }) => loaders.categoryById.load(ref.id),
    parent: (category, _, { loaders }) =>
      category.parentId ? loaders.categoryById.load(category.parentId) : null,
    children: (category, _, { loaders }) => loaders.categoriesByParentId.load(category.id),
  },
  ProductConnection: {
    edges: (page) => page.rows.map((row) => ({ cursor: encodeCursor(row), node: row })),
    pageInfo: (page) => {
      const last = page.rows.at(-1);
      return { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor(last) : null };
    },
    totalCount: (page) => page.totalCount(),
  },
};
