import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { PriceRow } from '../db/schema.ts';

/** A result union member or a UserError names its own GraphQL type. */
const byTypename = <N extends string>(value: { __typename: N }): N => value.__typename;

const money = (amount: number, row: PriceRow) => ({ amount, currencyCode: row.currency });

/** Staff's catalog reads and writes: each resolver one call into a `service/admin/` service. */
export const adminResolvers: Resolvers = {
  Query: {
    adminProduct: (_, { id }, ctx) => ctx.admin.products.findProduct(ctx, id),
    productTypes: (_, __, { admin, actor }) => admin.taxonomy.listProductTypes(actor),
    attributes: (_, __, { admin, actor }) => admin.taxonomy.listAttributes(actor),
  },
  Mutation: {
    createProduct: (_, { input }, ctx) => ctx.admin.products.createProduct(ctx, input),
    updateProduct: (_, { id, input }, ctx) => ctx.admin.products.updateProduct(ctx, id, input),
    setProductStatus: (_, { id, status }, ctx) =>
      ctx.admin.products.setProductStatus(ctx, id, status),
    createVariant: (_, { productId, input }, ctx) =>
      ctx.admin.products.createVariant(ctx, productId, input),
    updateVariant: (_, { id, input }, ctx) => ctx.admin.products.updateVariant(ctx, id, input),
    setPrice: (_, { input }, ctx) => ctx.admin.prices.setPrice(ctx, input),
    removePrice: (_, { id }, ctx) => ctx.admin.prices.removePrice(ctx, id),
    createCategory: (_, { input }, ctx) => ctx.admin.taxonomy.createCategory(ctx, input),
    updateCategory: (_, { id, input }, ctx) => ctx.admin.taxonomy.updateCategory(ctx, id, input),
    createCollection: (_, { input }, ctx) => ctx.admin.collections.createCollection(ctx, input),
    updateCollection: (_, { id, input }, ctx) =>
      ctx.admin.collections.updateCollection(ctx, id, input),
    setCollectionProducts: (_, { id, productIds }, ctx) =>
      ctx.admin.collections.setCollectionProducts(ctx, id, productIds),
    createAttribute: (_, { input }, ctx) => ctx.admin.taxonomy.createAttribute(ctx, input),
    createProductType: (_, { input }, ctx) => ctx.admin.taxonomy.createProductType(ctx, input),
  },
  ProductResult: { __resolveType: byTypename },
  VariantResult: { __resolveType: byTypename },
  PriceResult: { __resolveType: byTypename },
  CategoryResult: { __resolveType: byTypename },
  CollectionResult: { __resolveType: byTypename },
  AttributeResult: { __resolveType: byTypename },
  ProductTypeResult: { __resolveType: byTypename },
  UserError: { __resolveType: byTypename },
  Price: {
    amount: (price) => money(price.amount, price),
    compareAt: (price) =>
      price.compareAtAmount !== null ? money(price.compareAtAmount, price) : null,
    startsAt: (price) => price.startsAt?.toISOString() ?? null,
    endsAt: (price) => price.endsAt?.toISOString() ?? null,
  },
  ProductVariant: {
    prices: (variant, _, ctx) => ctx.admin.prices.pricesOf(ctx, variant),
  },
  ProductType: {
    attributes: (type, _, { admin, loaders }) => admin.taxonomy.attributesOfType(loaders, type.id),
  },
};
