/** The typed refusals of staff's catalog writes (the SDL's `UserError` types), and their results. */
import type { ResolversParentTypes } from '../../__generated__/resolvers-types.ts';

/** What each catalog mutation answers: its entity, or why nothing was written. */
export type ProductResult = ResolversParentTypes['ProductResult'];
export type VariantResult = ResolversParentTypes['VariantResult'];
export type PriceResult = ResolversParentTypes['PriceResult'];
export type CategoryResult = ResolversParentTypes['CategoryResult'];
export type CollectionResult = ResolversParentTypes['CollectionResult'];
export type AttributeResult = ResolversParentTypes['AttributeResult'];
export type ProductTypeResult = ResolversParentTypes['ProductTypeResult'];

/** Every refusal a catalog mutation can answer. */
export type CatalogRefusal = Exclude<
  | ProductResult
  | VariantResult
  | PriceResult
  | CategoryResult
  | CollectionResult
  | AttributeResult
  | ProductTypeResult,
  {
    __typename: 'Product' | 'ProductVariant' | 'Price' | 'Category' | 'Collection' | 'Attribute';
  }
>;
type Refusal<T extends CatalogRefusal['__typename']> = Extract<CatalogRefusal, { __typename: T }>;

/** Constructors of each refusal, with its stable code and a message a member of staff can act on. */
export const refuse = {
  productNotFound: (productId: string): Refusal<'ProductNotFound'> => ({
    __typename: 'ProductNotFound',
    code: 'PRODUCT_NOT_FOUND',
    message: `No product has the id "${productId}"`,
    productId,
  }),
  variantNotFound: (variantId: string): Refusal<'VariantNotFound'> => ({
    __typename: 'VariantNotFound',
    code: 'VARIANT_NOT_FOUND',
    message: `No variant has the id "${variantId}"`,
    variantId,
  }),
  priceNotFound: (priceId: string): Refusal<'PriceNotFound'> => ({
    __typename: 'PriceNotFound',
    code: 'PRICE_NOT_FOUND',
    message: `No scheduled price has the id "${priceId}" (a base price is replaced with setPrice, not removed)`,
    priceId,
  }),
  categoryNotFound: (categoryId: string): Refusal<'CategoryNotFound'> => ({
    __typename: 'CategoryNotFound',
    code: 'CATEGORY_NOT_FOUND',
    message: `No category has the id "${categoryId}"`,
    categoryId,
  }),
  collectionNotFound: (collectionId: string): Refusal<'CollectionNotFound'> => ({
    __typename: 'CollectionNotFound',
    code: 'COLLECTION_NOT_FOUND',
    message: `No collection has the id "${collectionId}"`,
    collectionId,
  }),
  slugTaken: (
    slug: string,
    owner: 'product' | 'category' | 'collection',
  ): Refusal<'SlugTaken'> => ({
    __typename: 'SlugTaken',
    code: 'SLUG_TAKEN',
    message: `Another ${owner} has the slug "${slug}"`,
    slug,
  }),
  skuTaken: (sku: string): Refusal<'SkuTaken'> => ({
    __typename: 'SkuTaken',
    code: 'SKU_TAKEN',
    message: `Another variant has the SKU "${sku}"`,
    sku,
  }),
  codeTaken: (taken: string, owner: 'attribute' | 'product type'): Refusal<'CodeTaken'> => ({
    __typename: 'CodeTaken',
    code: 'CODE_TAKEN',
    message: `Another ${owner} has the code "${taken}"`,
    taken,
  }),
  unknownCategory: (categorySlug: string, message?: string): Refusal<'UnknownCategory'> => ({
    __typename: 'UnknownCategory',
    code: 'UNKNOWN_CATEGORY',
    message: message ?? `No category has the slug "${categorySlug}"`,
    categorySlug,
  }),
  unknownAttribute: (attributeCode: string, message?: string): Refusal<'UnknownAttribute'> => ({
    __typename: 'UnknownAttribute',
    code: 'UNKNOWN_ATTRIBUTE',
    message: message ?? `No attribute has the code "${attributeCode}"`,
    attributeCode,
  }),
  invalidAttributeValue: (
    attributeCode: string,
    message: string,
  ): Refusal<'InvalidAttributeValue'> => ({
    __typename: 'InvalidAttributeValue',
    code: 'INVALID_ATTRIBUTE_VALUE',
    message,
    attributeCode,
  }),
  unknownCurrency: (currencyCode: string, message: string): Refusal<'UnknownCurrency'> => ({
    __typename: 'UnknownCurrency',
    code: 'UNKNOWN_CURRENCY',
    message,
    currencyCode,
  }),
  invalidPrice: (message: string): Refusal<'InvalidPrice'> => ({
    __typename: 'InvalidPrice',
    code: 'INVALID_PRICE',
    message,
  }),
  invalidInput: (field: string, message: string): Refusal<'InvalidCatalogInput'> => ({
    __typename: 'InvalidCatalogInput',
    code: 'INVALID_INPUT',
    message,
    field,
  }),
};

/** Carries a refusal out of a transaction, rolling back whatever it wrote. */
export class RefusedWrite extends Error {
  constructor(readonly result: CatalogRefusal) {
    super(result.__typename);
  }
}

/** The unique constraint a statement violated (PostgreSQL 23505), or null for any other error. */
export function violatedUniqueConstraint(error: unknown): string | null {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const pg = cause as { code?: string; constraint_name?: string } | null;
  return pg?.code === '23505' ? (pg.constraint_name ?? '') : null;
}
