import type { GraphQLResolveInfo } from 'graphql';
import type { ProductRow, VariantRow, CategoryRow, CollectionRow, PriceRow, AttributeRow, ProductTypeRow, MediaRow } from '../db/schema.ts';
import type { ProductPage, ProductAttributeView } from '../service/catalog.service.ts';
import type { SearchResponse, ProductSuggestionView, CategorySuggestionView } from '../service/search/search-engine.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A typed property products carry: brand, material, colour family. */
export type Attribute = {
  __typename?: 'Attribute';
  /** Stable machine name (a slug): the facet name in search. */
  code: Scalars['String']['output'];
  /** Shown as a search facet. */
  filterable: Scalars['Boolean']['output'];
  /** Stable id of the attribute. */
  id: Scalars['ID']['output'];
  /** The kind of value it holds. */
  kind: AttributeKind;
  /** Display name, such as Material. */
  name: Scalars['String']['output'];
  /** The allowed values (ENUM and MULTI_ENUM); empty otherwise. */
  values: Array<AttributeOption>;
};

/** The kind of value an attribute holds. */
export type AttributeKind =
  /** Yes or no. */
  | 'BOOLEAN'
  /** One of the attribute's values. */
  | 'ENUM'
  /** One or more of the attribute's values. */
  | 'MULTI_ENUM'
  /** A number. */
  | 'NUMBER'
  /** Free text. */
  | 'TEXT';

/** One allowed value of an ENUM or MULTI_ENUM attribute. */
export type AttributeOption = {
  __typename?: 'AttributeOption';
  /** Stable machine name (a slug): the facet value in search. */
  code: Scalars['String']['output'];
  /** Display name of the value, such as Canvas. */
  label: Scalars['String']['output'];
};

/** One allowed value of an ENUM or MULTI_ENUM attribute. */
export type AttributeOptionInput = {
  /** A slug, unique within the attribute: the facet value in search. */
  code: Scalars['String']['input'];
  /** Display name of the value. */
  label: Scalars['String']['input'];
};

/** The outcome of `createAttribute`. */
export type AttributeResult = Attribute | CodeTaken | InvalidCatalogInput;

/** One attribute value: give the field of the attribute's kind. */
export type AttributeValueInput = {
  /** For a BOOLEAN attribute. */
  boolean?: InputMaybe<Scalars['Boolean']['input']>;
  /** The attribute's code. */
  code: Scalars['String']['input'];
  /** For a NUMBER attribute. */
  number?: InputMaybe<Scalars['Float']['input']>;
  /** Value codes: one for ENUM, one or more for MULTI_ENUM. */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  /** For a TEXT attribute. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** How long a field's value may be cached, and by whom (Apollo Server cache control). */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/** A node in the category tree. */
export type Category = {
  __typename?: 'Category';
  /** The categories directly under it, in order. */
  children: Array<Category>;
  /** Stable id of the category. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** The category above it; null at the top of the tree. */
  parent?: Maybe<Category>;
  /** URL-safe unique name (lower-case letters, digits and hyphens). */
  slug: Scalars['String']['output'];
};

/** No category has the id. Code CATEGORY_NOT_FOUND. */
export type CategoryNotFound = UserError & {
  __typename?: 'CategoryNotFound';
  /** The id that matched no category. */
  categoryId: Scalars['ID']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The outcome of a category mutation. */
export type CategoryResult = Category | CategoryNotFound | InvalidCatalogInput | SlugTaken | UnknownCategory;

/** A category whose name matches the prefix. */
export type CategorySuggestion = {
  __typename?: 'CategorySuggestion';
  /** The category. */
  category: Category;
};

/** Another attribute or product type has the code. Code CODE_TAKEN. */
export type CodeTaken = UserError & {
  __typename?: 'CodeTaken';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The code already taken. */
  taken: Scalars['String']['output'];
};

/** A curated list of products in a manual order. */
export type Collection = {
  __typename?: 'Collection';
  /** Plain-text description; may be empty. */
  description: Scalars['String']['output'];
  /** Stable id of the collection. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** Its published products, in the collection's order. */
  products: ProductConnection;
  /** URL-safe unique name (lower-case letters, digits and hyphens). */
  slug: Scalars['String']['output'];
  /** Always PUBLISHED on the storefront. */
  status: PublishState;
};


/** A curated list of products in a manual order. */
export type CollectionProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** No collection has the id. Code COLLECTION_NOT_FOUND. */
export type CollectionNotFound = UserError & {
  __typename?: 'CollectionNotFound';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The id that matched no collection. */
  collectionId: Scalars['ID']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The outcome of a collection mutation. */
export type CollectionResult = Collection | CollectionNotFound | InvalidCatalogInput | ProductNotFound | SlugTaken;

/** A new attribute. */
export type CreateAttributeInput = {
  /** A slug, unique. */
  code: Scalars['String']['input'];
  /** Shown as a search facet. */
  filterable?: InputMaybe<Scalars['Boolean']['input']>;
  /** The kind of value it holds. */
  kind: AttributeKind;
  /** Display name, such as Material. */
  name: Scalars['String']['input'];
  /** For ENUM and MULTI_ENUM: the allowed values. */
  values?: InputMaybe<Array<AttributeOptionInput>>;
};

/** A new category. */
export type CreateCategoryInput = {
  /** Display name. */
  name: Scalars['String']['input'];
  /** The parent's slug; omitted: a top-level category. */
  parentSlug?: InputMaybe<Scalars['String']['input']>;
  /** Its place among its siblings, lowest first. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** Lower-case letters, digits and hyphens; unique. */
  slug: Scalars['String']['input'];
};

/** A new collection, a DRAFT until published. */
export type CreateCollectionInput = {
  /** Plain-text description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Display name. */
  name: Scalars['String']['input'];
  /** Lower-case letters, digits and hyphens; unique. */
  slug: Scalars['String']['input'];
};

/** A new product, a DRAFT until published. */
export type CreateProductInput = {
  /** Attribute values by attribute code. */
  attributes?: InputMaybe<Array<AttributeValueInput>>;
  /** The slug of the category it belongs to. */
  categorySlug: Scalars['String']['input'];
  /** Plain-text description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Its images, in order. */
  media?: InputMaybe<Array<MediaInput>>;
  /** Display name. */
  name: Scalars['String']['input'];
  /** The code of its product type, if any. */
  productTypeCode?: InputMaybe<Scalars['String']['input']>;
  /** The description for search engines; omitted: the start of the description. */
  seoDescription?: InputMaybe<Scalars['String']['input']>;
  /** The title for search engines; omitted: the name. */
  seoTitle?: InputMaybe<Scalars['String']['input']>;
  /** Lower-case letters, digits and hyphens; unique. */
  slug: Scalars['String']['input'];
  /** Which VAT rate applies (checkout has the rate per country). */
  taxClass?: InputMaybe<TaxClass>;
};

/** A new product type. */
export type CreateProductTypeInput = {
  /** Codes of the attributes its products carry. */
  attributeCodes: Array<Scalars['String']['input']>;
  /** A slug, unique. */
  code: Scalars['String']['input'];
  /** Display name. */
  name: Scalars['String']['input'];
};

/** A new variant of a product. */
export type CreateVariantInput = {
  /** Option values that tell it apart, such as size and colour. */
  options?: InputMaybe<Array<ProductOptionInput>>;
  /** Its place among the product's variants, lowest first. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** Base prices; one per currency, every store currency (EUR, USD, GBP) needed. */
  prices: Array<MoneyInput>;
  /** Stock keeping unit, unique across the catalog. */
  sku: Scalars['String']['input'];
};

/** A facet of the results: an attribute and how many matches have each value. */
export type Facet = {
  __typename?: 'Facet';
  /** The attribute's display name. */
  label: Scalars['String']['output'];
  /** The attribute's code; pass it as `FacetFilterInput.name`. */
  name: Scalars['String']['output'];
  /** The facet's values with their counts. */
  values: Array<FacetValue>;
};

/** Select products whose facet `name` has any of `values`. */
export type FacetFilterInput = {
  /** A facet name, as `SearchResult.facets.name` gives it. */
  name: Scalars['String']['input'];
  /** Facet value codes; any of them matches. */
  values: Array<Scalars['String']['input']>;
};

/** A facet value and how many matches have it. */
export type FacetValue = {
  __typename?: 'FacetValue';
  /** How many matches have this value (ignoring this facet's own selection). */
  count: Scalars['Int']['output'];
  /** The value's display name. */
  label: Scalars['String']['output'];
  /** Whether the search filtered on it. */
  selected: Scalars['Boolean']['output'];
  /** The value's code; pass it in `FacetFilterInput.values`. */
  value: Scalars['String']['output'];
};

/** A value of the wrong type for its attribute, or an unknown option. Code INVALID_ATTRIBUTE_VALUE. */
export type InvalidAttributeValue = UserError & {
  __typename?: 'InvalidAttributeValue';
  /** The attribute whose value is not acceptable. */
  attributeCode: Scalars['String']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A field of the input is not acceptable; `field` names it. Code INVALID_INPUT. */
export type InvalidCatalogInput = UserError & {
  __typename?: 'InvalidCatalogInput';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The input field at fault, such as `slug`. */
  field: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A negative or oversized amount, a compare-at price not above it, a bad window. Code INVALID_PRICE. */
export type InvalidPrice = UserError & {
  __typename?: 'InvalidPrice';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** An image of a product. */
export type Media = {
  __typename?: 'Media';
  /** Alternative text for screen readers. */
  alt: Scalars['String']['output'];
  /** The image's https URL. */
  url: Scalars['String']['output'];
};

/** An image of a product. */
export type MediaInput = {
  /** Alternative text for screen readers. */
  alt?: InputMaybe<Scalars['String']['input']>;
  /** An https URL. */
  url: Scalars['String']['input'];
};

/** An amount of money in minor units of its currency (cents for EUR): 1999 is 19.99 EUR. */
export type Money = {
  __typename?: 'Money';
  /** Integer amount in the currency's minor unit. */
  amount: Scalars['Int']['output'];
  /** ISO 4217 currency code, such as EUR. */
  currencyCode: Scalars['String']['output'];
};

/** An amount in minor units of a currency. */
export type MoneyInput = {
  /** Integer amount in the currency's minor unit. */
  amount: Scalars['Int']['input'];
  /** ISO 4217 currency code, such as EUR. */
  currencyCode: Scalars['String']['input'];
};

/** The entry points for changing the graph; each subgraph adds its own. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Staff (`catalog:write`): a new attribute (with its values, for ENUM and MULTI_ENUM). */
  createAttribute: AttributeResult;
  /** Staff (`catalog:write`): a new category under `parentSlug` (or at the top). */
  createCategory: CategoryResult;
  /** Staff (`catalog:write`): a new collection, a DRAFT until published. */
  createCollection: CollectionResult;
  /** Staff (`catalog:write`): a new product, a DRAFT until published. */
  createProduct: ProductResult;
  /** Staff (`catalog:write`): a new product type carrying these attributes. */
  createProductType: ProductTypeResult;
  /** Staff (`catalog:write`): a new variant of a product, with its base prices. */
  createVariant: VariantResult;
  /** Staff (`catalog:write`): removes a scheduled price; a base price is replaced, not removed. */
  removePrice: PriceResult;
  /** Staff (`catalog:write`): the collection's products, in this order (replacing the old list). */
  setCollectionProducts: CollectionResult;
  /**
   * Staff (`catalog:write`): sets the base price of a variant in a currency (no window), or adds a
   * scheduled price (a window with `startsAt` and/or `endsAt`). Publishes `products.price.changed`.
   */
  setPrice: PriceResult;
  /** Staff (`catalog:write`): PUBLISHED makes a product visible; DRAFT and ARCHIVED hide it. */
  setProductStatus: ProductResult;
  /** Staff (`catalog:write`): renames or moves a category. */
  updateCategory: CategoryResult;
  /** Staff (`catalog:write`): changes a collection's fields or status. */
  updateCollection: CollectionResult;
  /** Staff (`catalog:write`): changes the given fields of a product; omitted fields stay. */
  updateProduct: ProductResult;
  /** Staff (`catalog:write`): changes a variant's SKU, options or position. */
  updateVariant: VariantResult;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationCreateAttributeArgs = {
  input: CreateAttributeInput;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationCreateCategoryArgs = {
  input: CreateCategoryInput;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationCreateCollectionArgs = {
  input: CreateCollectionInput;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationCreateProductTypeArgs = {
  input: CreateProductTypeInput;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationCreateVariantArgs = {
  input: CreateVariantInput;
  productId: Scalars['ID']['input'];
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationRemovePriceArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationSetCollectionProductsArgs = {
  id: Scalars['ID']['input'];
  productIds: Array<Scalars['ID']['input']>;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationSetPriceArgs = {
  input: SetPriceInput;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationSetProductStatusArgs = {
  id: Scalars['ID']['input'];
  status: PublishState;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationUpdateCategoryArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCategoryInput;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationUpdateCollectionArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCollectionInput;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationUpdateProductArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
};


/** The entry points for changing the graph; each subgraph adds its own. */
export type MutationUpdateVariantArgs = {
  id: Scalars['ID']['input'];
  input: UpdateVariantInput;
};

/** Where a page sits in its list (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item on this page; pass it as `after` for the next page. Null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A price of a variant as staff manage it: a base price or a scheduled one. */
export type Price = {
  __typename?: 'Price';
  /** The price. */
  amount: Money;
  /** The struck-through "was" price, if any. */
  compareAt?: Maybe<Money>;
  /** When a scheduled price ends (ISO 8601); null for none. */
  endsAt?: Maybe<Scalars['String']['output']>;
  /** Stable id of the price; pass it to `removePrice`. */
  id: Scalars['ID']['output'];
  /** When a scheduled price takes effect (ISO 8601); null for a base price or an open start. */
  startsAt?: Maybe<Scalars['String']['output']>;
};

/** Lowest and highest price, in minor units. */
export type PriceBounds = {
  __typename?: 'PriceBounds';
  /** The highest price. */
  max: Money;
  /** The lowest price. */
  min: Money;
};

/** No price has the id, or it is a base price. Code PRICE_NOT_FOUND. */
export type PriceNotFound = UserError & {
  __typename?: 'PriceNotFound';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The id that matched no scheduled price. */
  priceId: Scalars['ID']['output'];
};

/** A price interval in minor units; either end may be omitted. */
export type PriceRangeInput = {
  /** Highest price, inclusive; omitted: no upper bound. */
  max?: InputMaybe<Scalars['Int']['input']>;
  /** Lowest price, inclusive; omitted: no lower bound. */
  min?: InputMaybe<Scalars['Int']['input']>;
};

/** The outcome of `setPrice` and `removePrice`. */
export type PriceResult = InvalidPrice | Price | PriceNotFound | UnknownCurrency | VariantNotFound;

/** Something the shop sells. What is actually bought is one of its variants. */
export type Product = {
  __typename?: 'Product';
  /** Its attribute values, in the product type's order. */
  attributes: Array<ProductAttribute>;
  /** The category it belongs to. */
  category: Category;
  /** ISO 8601. */
  createdAt: Scalars['String']['output'];
  /** Plain-text description; may be empty. */
  description: Scalars['String']['output'];
  /** Stable id of the product. */
  id: Scalars['ID']['output'];
  /** Its images, in order. */
  media: Array<Media>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** Its product type, which says which attributes it carries; null when it has none. */
  productType?: Maybe<ProductType>;
  /** The description for search engines; the start of the description when unset. */
  seoDescription: Scalars['String']['output'];
  /** The title for search engines; the name when unset. */
  seoTitle: Scalars['String']['output'];
  /** URL-safe unique name (lower-case letters, digits and hyphens), stable across renames of `name`. */
  slug: Scalars['String']['output'];
  /** Always PUBLISHED on the storefront; staff see drafts and archived products too. */
  status: PublishState;
  /** Which VAT rate applies to it; checkout has the rate of each class per country. */
  taxClass: TaxClass;
  /** ISO 8601. */
  updatedAt: Scalars['String']['output'];
  /** The purchasable versions of the product (size, colour...). */
  variants: Array<ProductVariant>;
};

/** A product's value of one attribute; the field of the attribute's kind is set. */
export type ProductAttribute = {
  __typename?: 'ProductAttribute';
  /** The attribute this is a value of. */
  attribute: Attribute;
  /** BOOLEAN. */
  boolean?: Maybe<Scalars['Boolean']['output']>;
  /** NUMBER. */
  number?: Maybe<Scalars['Float']['output']>;
  /** ENUM (one) and MULTI_ENUM (one or more). */
  options: Array<AttributeOption>;
  /** TEXT. */
  text?: Maybe<Scalars['String']['output']>;
};

/** A page of products. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products on this page, each with its cursor. */
  edges: Array<ProductEdge>;
  /** Where this page ends and whether another follows. */
  pageInfo: PageInfo;
  /** Products matching the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A product with its position in the list. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Opaque position of this product; pass it as `after` to continue from here. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

/** No product has the id. Code PRODUCT_NOT_FOUND. */
export type ProductNotFound = UserError & {
  __typename?: 'ProductNotFound';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The id that matched no product. */
  productId: Scalars['ID']['output'];
};

/** An option value of a variant, such as `{ name: "size", value: "M" }`. */
export type ProductOption = {
  __typename?: 'ProductOption';
  /** The option, such as size. */
  name: Scalars['String']['output'];
  /** Its value, such as M. */
  value: Scalars['String']['output'];
};

/** An option value of a variant, such as size M. */
export type ProductOptionInput = {
  /** The option, such as size. */
  name: Scalars['String']['input'];
  /** Its value, such as M. */
  value: Scalars['String']['input'];
};

/** The outcome of a product mutation. */
export type ProductResult = InvalidAttributeValue | InvalidCatalogInput | Product | ProductNotFound | SlugTaken | UnknownAttribute | UnknownCategory;

/** A product whose name matches the prefix. */
export type ProductSuggestion = {
  __typename?: 'ProductSuggestion';
  /** The product. */
  product: Product;
};

/** A kind of product and the attributes its products carry. */
export type ProductType = {
  __typename?: 'ProductType';
  /** The attributes its products carry, in order. */
  attributes: Array<Attribute>;
  /** Stable machine name (a slug), unique. */
  code: Scalars['String']['output'];
  /** Stable id of the product type. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** The outcome of `createProductType`. */
export type ProductTypeResult = CodeTaken | InvalidCatalogInput | ProductType | UnknownAttribute;

/** A purchasable version of a product: one SKU with its options and its price. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** The struck-through "was" price now, when the price in force has one. */
  compareAtPrice?: Maybe<Money>;
  /** Stable id of the variant. */
  id: Scalars['ID']['output'];
  /** Option values that tell this variant apart, such as size and colour. */
  options: Array<ProductOption>;
  /**
   * The price now in the currency (default the store's, EUR): a scheduled price whose window
   * holds this instant, else the base price. The cart and checkout always use this server-side
   * price. An unknown currency is BAD_USER_INPUT.
   */
  price: Money;
  /** Staff (`catalog:write`): every base and scheduled price. */
  prices: Array<Price>;
  /** The product it is a version of. */
  product: Product;
  /** Stock keeping unit, unique across the catalog. */
  sku: Scalars['String']['output'];
  /** Its product's VAT class (the cart reads it with the price for checkout's tax). */
  taxClass: TaxClass;
};


/** A purchasable version of a product: one SKU with its options and its price. */
export type ProductVariantCompareAtPriceArgs = {
  currencyCode?: InputMaybe<Scalars['String']['input']>;
};


/** A purchasable version of a product: one SKU with its options and its price. */
export type ProductVariantPriceArgs = {
  currencyCode?: InputMaybe<Scalars['String']['input']>;
};

/** Whether the storefront sees a product or collection. */
export type PublishState =
  /** Withdrawn; invisible to the storefront, kept for the records. */
  | 'ARCHIVED'
  /** Being prepared; invisible to the storefront. */
  | 'DRAFT'
  /** Visible to the storefront. */
  | 'PUBLISHED';

/** The entry points for reading the graph; each subgraph adds its own. */
export type Query = {
  __typename?: 'Query';
  /** Staff (`catalog:write`): any product by id, drafts and archived ones included. */
  adminProduct?: Maybe<Product>;
  /** Staff (`catalog:write`): every attribute with its values. */
  attributes: Array<Attribute>;
  /** The top of the category tree. */
  categories: Array<Category>;
  /** One category by slug. Null when no category has it (a malformed slug included). */
  category?: Maybe<Category>;
  /** One published collection by slug; null otherwise. */
  collection?: Maybe<Collection>;
  /** Every published collection, by name. */
  collections: Array<Collection>;
  /**
   * One published product, by id or by slug (give exactly one). Null when no published product
   * matches (a draft, an archived product and a malformed slug included).
   */
  product?: Maybe<Product>;
  /** Staff (`catalog:write`): every product type with its attributes. */
  productTypes: Array<ProductType>;
  /**
   * A page of the published catalog, ordered by name. `categorySlug` includes the category's
   * descendants.
   */
  products: ProductConnection;
  /**
   * Product discovery: full-text search (English stemming, prefix matching, typo tolerance) with
   * filters and facet counts. Facet counts are disjunctive: a facet's counts ignore that facet's
   * own selection and respect every other filter. Errors (BAD_USER_INPUT): a query over 200
   * characters, an unknown facet, `first` outside 1 to 100, a cursor this API did not give out,
   * an unknown currency, a price range with min above max.
   */
  search: SearchResult;
  /** Autocomplete: products and categories whose names start with, or nearly match, `prefix`. */
  suggest: Array<Suggestion>;
};


/** The entry points for reading the graph; each subgraph adds its own. */
export type QueryAdminProductArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading the graph; each subgraph adds its own. */
export type QueryCategoryArgs = {
  slug: Scalars['String']['input'];
};


/** The entry points for reading the graph; each subgraph adds its own. */
export type QueryCollectionArgs = {
  slug: Scalars['String']['input'];
};


/** The entry points for reading the graph; each subgraph adds its own. */
export type QueryProductArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/** The entry points for reading the graph; each subgraph adds its own. */
export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  categorySlug?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading the graph; each subgraph adds its own. */
export type QuerySearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  categorySlug?: InputMaybe<Scalars['String']['input']>;
  currencyCode?: InputMaybe<Scalars['String']['input']>;
  filters?: InputMaybe<Array<FacetFilterInput>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  priceRange?: InputMaybe<PriceRangeInput>;
  query?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<SearchSort>;
};


/** The entry points for reading the graph; each subgraph adds its own. */
export type QuerySuggestArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  prefix: Scalars['String']['input'];
};

/** The answer of `search`. */
export type SearchResult = {
  __typename?: 'SearchResult';
  /** The words searched for after typo correction, when the query's words were corrected. */
  correctedQuery?: Maybe<Scalars['String']['output']>;
  /** Every filterable facet with its values and disjunctive counts. */
  facets: Array<Facet>;
  /** The lowest and highest price among the matches (every filter but the price range applied). */
  priceRange?: Maybe<PriceBounds>;
  /** A page of the matching products, in the order asked for. */
  products: ProductConnection;
};

/** How search results are ordered; ties are broken by product id, so pages never overlap. */
export type SearchSort =
  /** Most recently published first. */
  | 'NEWEST'
  /** Lowest variant price, ascending. */
  | 'PRICE_ASC'
  /** Lowest variant price, descending. */
  | 'PRICE_DESC'
  /** Best match first (name matches above description matches); newest without a query. */
  | 'RELEVANCE';

/** A base or scheduled price of a variant in one currency. */
export type SetPriceInput = {
  /** Minor units, 0 or more. */
  amount: Scalars['Int']['input'];
  /** The struck-through price; above `amount`. */
  compareAtAmount?: InputMaybe<Scalars['Int']['input']>;
  /** ISO 4217 code of a store currency (EUR, USD, GBP). */
  currencyCode: Scalars['String']['input'];
  /** Until this instant (ISO 8601). */
  endsAt?: InputMaybe<Scalars['String']['input']>;
  /** With `endsAt` (either or both): a scheduled price, in force from this instant (ISO 8601). */
  startsAt?: InputMaybe<Scalars['String']['input']>;
  /** The variant to price. */
  variantId: Scalars['ID']['input'];
};

/** Another variant has the SKU. Code SKU_TAKEN. */
export type SkuTaken = UserError & {
  __typename?: 'SkuTaken';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The SKU already taken. */
  sku: Scalars['String']['output'];
};

/** Another product, category or collection has the slug. Code SLUG_TAKEN. */
export type SlugTaken = UserError & {
  __typename?: 'SlugTaken';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The slug already taken. */
  slug: Scalars['String']['output'];
};

/** An autocomplete suggestion. */
export type Suggestion = CategorySuggestion | ProductSuggestion;

/** A product's VAT class: each country has a rate per class. */
export type TaxClass =
  /** The country's reduced rate (books, food...). */
  | 'REDUCED'
  /** The country's standard rate. */
  | 'STANDARD'
  /** Zero-rated. */
  | 'ZERO';

/** No attribute (or product type) has the code. Code UNKNOWN_ATTRIBUTE. */
export type UnknownAttribute = UserError & {
  __typename?: 'UnknownAttribute';
  /** The code that matched no attribute or product type. */
  attributeCode: Scalars['String']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** No category has the slug (or a move would put it under itself). Code UNKNOWN_CATEGORY. */
export type UnknownCategory = UserError & {
  __typename?: 'UnknownCategory';
  /** The slug that matched no category (or the one a move would put under itself). */
  categorySlug: Scalars['String']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The store does not sell in the currency (EUR, USD, GBP). Code UNKNOWN_CURRENCY. */
export type UnknownCurrency = UserError & {
  __typename?: 'UnknownCurrency';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The currency the store does not sell in. */
  currencyCode: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The fields of a category to change; omitted fields stay. */
export type UpdateCategoryInput = {
  /** Display name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Moves the category (with its subtree); it cannot move under itself. */
  parentSlug?: InputMaybe<Scalars['String']['input']>;
  /** Its place among its siblings, lowest first. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** Lower-case letters, digits and hyphens; unique. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** The fields of a collection to change; omitted fields stay. */
export type UpdateCollectionInput = {
  /** Plain-text description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Display name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Lower-case letters, digits and hyphens; unique. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** PUBLISHED makes it visible; DRAFT and ARCHIVED hide it. */
  status?: InputMaybe<PublishState>;
};

/** The fields of a product to change; omitted fields stay. */
export type UpdateProductInput = {
  /** Replaces every attribute value when given. */
  attributes?: InputMaybe<Array<AttributeValueInput>>;
  /** The slug of the category it moves to. */
  categorySlug?: InputMaybe<Scalars['String']['input']>;
  /** Plain-text description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Replaces every image when given. */
  media?: InputMaybe<Array<MediaInput>>;
  /** Display name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The description for search engines. */
  seoDescription?: InputMaybe<Scalars['String']['input']>;
  /** The title for search engines. */
  seoTitle?: InputMaybe<Scalars['String']['input']>;
  /** Lower-case letters, digits and hyphens; unique. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Which VAT rate applies (checkout has the rate per country). */
  taxClass?: InputMaybe<TaxClass>;
};

/** The fields of a variant to change; omitted fields stay. */
export type UpdateVariantInput = {
  /** Replaces every option value when given. */
  options?: InputMaybe<Array<ProductOptionInput>>;
  /** Its place among the product's variants, lowest first. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** Stock keeping unit, unique across the catalog. */
  sku?: InputMaybe<Scalars['String']['input']>;
};

/** An expected failure the client can act on. */
export type UserError = {
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** No variant has the id. Code VARIANT_NOT_FOUND. */
export type VariantNotFound = UserError & {
  __typename?: 'VariantNotFound';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The id that matched no variant. */
  variantId: Scalars['ID']['output'];
};

/** The outcome of a variant mutation. */
export type VariantResult = InvalidCatalogInput | InvalidPrice | ProductNotFound | ProductVariant | SkuTaken | UnknownCurrency | VariantNotFound;

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Category: Category;
  Collection: Collection;
  Product: Product;
  ProductVariant: ProductVariant;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Category:
    ( { __typename: 'Category' }
    & GraphQLRecursivePick<FederationTypes['Category'], {"id":true}> );
  Collection:
    ( { __typename: 'Collection' }
    & GraphQLRecursivePick<FederationTypes['Collection'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  ProductVariant:
    ( { __typename: 'ProductVariant' }
    & GraphQLRecursivePick<FederationTypes['ProductVariant'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  AttributeResult:
    | ( AttributeRow & { __typename: 'Attribute' } )
    | ( CodeTaken & { __typename: 'CodeTaken' } )
    | ( InvalidCatalogInput & { __typename: 'InvalidCatalogInput' } )
  ;
  CategoryResult:
    | ( CategoryRow & { __typename: 'Category' } )
    | ( CategoryNotFound & { __typename: 'CategoryNotFound' } )
    | ( InvalidCatalogInput & { __typename: 'InvalidCatalogInput' } )
    | ( SlugTaken & { __typename: 'SlugTaken' } )
    | ( UnknownCategory & { __typename: 'UnknownCategory' } )
  ;
  CollectionResult:
    | ( CollectionRow & { __typename: 'Collection' } )
    | ( CollectionNotFound & { __typename: 'CollectionNotFound' } )
    | ( InvalidCatalogInput & { __typename: 'InvalidCatalogInput' } )
    | ( ProductNotFound & { __typename: 'ProductNotFound' } )
    | ( SlugTaken & { __typename: 'SlugTaken' } )
  ;
  PriceResult:
    | ( InvalidPrice & { __typename: 'InvalidPrice' } )
    | ( PriceRow & { __typename: 'Price' } )
    | ( PriceNotFound & { __typename: 'PriceNotFound' } )
    | ( UnknownCurrency & { __typename: 'UnknownCurrency' } )
    | ( VariantNotFound & { __typename: 'VariantNotFound' } )
  ;
  ProductResult:
    | ( InvalidAttributeValue & { __typename: 'InvalidAttributeValue' } )
    | ( InvalidCatalogInput & { __typename: 'InvalidCatalogInput' } )
    | ( ProductRow & { __typename: 'Product' } )
    | ( ProductNotFound & { __typename: 'ProductNotFound' } )
    | ( SlugTaken & { __typename: 'SlugTaken' } )
    | ( UnknownAttribute & { __typename: 'UnknownAttribute' } )
    | ( UnknownCategory & { __typename: 'UnknownCategory' } )
  ;
  ProductTypeResult:
    | ( CodeTaken & { __typename: 'CodeTaken' } )
    | ( InvalidCatalogInput & { __typename: 'InvalidCatalogInput' } )
    | ( ProductTypeRow & { __typename: 'ProductType' } )
    | ( UnknownAttribute & { __typename: 'UnknownAttribute' } )
  ;
  Suggestion:
    | ( CategorySuggestionView & { __typename: 'CategorySuggestion' } )
    | ( ProductSuggestionView & { __typename: 'ProductSuggestion' } )
  ;
  VariantResult:
    | ( InvalidCatalogInput & { __typename: 'InvalidCatalogInput' } )
    | ( InvalidPrice & { __typename: 'InvalidPrice' } )
    | ( ProductNotFound & { __typename: 'ProductNotFound' } )
    | ( VariantRow & { __typename: 'ProductVariant' } )
    | ( SkuTaken & { __typename: 'SkuTaken' } )
    | ( UnknownCurrency & { __typename: 'UnknownCurrency' } )
    | ( VariantNotFound & { __typename: 'VariantNotFound' } )
  ;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError:
    | ( CategoryNotFound & { __typename: 'CategoryNotFound' } )
    | ( CodeTaken & { __typename: 'CodeTaken' } )
    | ( CollectionNotFound & { __typename: 'CollectionNotFound' } )
    | ( InvalidAttributeValue & { __typename: 'InvalidAttributeValue' } )
    | ( InvalidCatalogInput & { __typename: 'InvalidCatalogInput' } )
    | ( InvalidPrice & { __typename: 'InvalidPrice' } )
    | ( PriceNotFound & { __typename: 'PriceNotFound' } )
    | ( ProductNotFound & { __typename: 'ProductNotFound' } )
    | ( SkuTaken & { __typename: 'SkuTaken' } )
    | ( SlugTaken & { __typename: 'SlugTaken' } )
    | ( UnknownAttribute & { __typename: 'UnknownAttribute' } )
    | ( UnknownCategory & { __typename: 'UnknownCategory' } )
    | ( UnknownCurrency & { __typename: 'UnknownCurrency' } )
    | ( VariantNotFound & { __typename: 'VariantNotFound' } )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Attribute: ResolverTypeWrapper<AttributeRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AttributeKind: AttributeKind;
  AttributeOption: ResolverTypeWrapper<AttributeOption>;
  AttributeOptionInput: AttributeOptionInput;
  AttributeResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['AttributeResult']>;
  AttributeValueInput: AttributeValueInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CacheControlScope: CacheControlScope;
  Category: ResolverTypeWrapper<CategoryRow>;
  CategoryNotFound: ResolverTypeWrapper<CategoryNotFound>;
  CategoryResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CategoryResult']>;
  CategorySuggestion: ResolverTypeWrapper<CategorySuggestionView>;
  CodeTaken: ResolverTypeWrapper<CodeTaken>;
  Collection: ResolverTypeWrapper<CollectionRow>;
  CollectionNotFound: ResolverTypeWrapper<CollectionNotFound>;
  CollectionResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CollectionResult']>;
  CreateAttributeInput: CreateAttributeInput;
  CreateCategoryInput: CreateCategoryInput;
  CreateCollectionInput: CreateCollectionInput;
  CreateProductInput: CreateProductInput;
  CreateProductTypeInput: CreateProductTypeInput;
  CreateVariantInput: CreateVariantInput;
  Facet: ResolverTypeWrapper<Facet>;
  FacetFilterInput: FacetFilterInput;
  FacetValue: ResolverTypeWrapper<FacetValue>;
  InvalidAttributeValue: ResolverTypeWrapper<InvalidAttributeValue>;
  InvalidCatalogInput: ResolverTypeWrapper<InvalidCatalogInput>;
  InvalidPrice: ResolverTypeWrapper<InvalidPrice>;
  Media: ResolverTypeWrapper<MediaRow>;
  MediaInput: MediaInput;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Price: ResolverTypeWrapper<PriceRow>;
  PriceBounds: ResolverTypeWrapper<PriceBounds>;
  PriceNotFound: ResolverTypeWrapper<PriceNotFound>;
  PriceRangeInput: PriceRangeInput;
  PriceResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['PriceResult']>;
  Product: ResolverTypeWrapper<ProductRow>;
  ProductAttribute: ResolverTypeWrapper<ProductAttributeView>;
  ProductConnection: ResolverTypeWrapper<ProductPage>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductNotFound: ResolverTypeWrapper<ProductNotFound>;
  ProductOption: ResolverTypeWrapper<ProductOption>;
  ProductOptionInput: ProductOptionInput;
  ProductResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ProductResult']>;
  ProductSuggestion: ResolverTypeWrapper<ProductSuggestionView>;
  ProductType: ResolverTypeWrapper<ProductTypeRow>;
  ProductTypeResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ProductTypeResult']>;
  ProductVariant: ResolverTypeWrapper<VariantRow>;
  PublishState: PublishState;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SearchResult: ResolverTypeWrapper<SearchResponse>;
  SearchSort: SearchSort;
  SetPriceInput: SetPriceInput;
  SkuTaken: ResolverTypeWrapper<SkuTaken>;
  SlugTaken: ResolverTypeWrapper<SlugTaken>;
  Suggestion: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Suggestion']>;
  TaxClass: TaxClass;
  UnknownAttribute: ResolverTypeWrapper<UnknownAttribute>;
  UnknownCategory: ResolverTypeWrapper<UnknownCategory>;
  UnknownCurrency: ResolverTypeWrapper<UnknownCurrency>;
  UpdateCategoryInput: UpdateCategoryInput;
  UpdateCollectionInput: UpdateCollectionInput;
  UpdateProductInput: UpdateProductInput;
  UpdateVariantInput: UpdateVariantInput;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VariantNotFound: ResolverTypeWrapper<VariantNotFound>;
  VariantResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['VariantResult']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Attribute: AttributeRow;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  AttributeOption: AttributeOption;
  AttributeOptionInput: AttributeOptionInput;
  AttributeResult: ResolversUnionTypes<ResolversParentTypes>['AttributeResult'];
  AttributeValueInput: AttributeValueInput;
  Float: Scalars['Float']['output'];
  Category: CategoryRow;
  CategoryNotFound: CategoryNotFound;
  CategoryResult: ResolversUnionTypes<ResolversParentTypes>['CategoryResult'];
  CategorySuggestion: CategorySuggestionView;
  CodeTaken: CodeTaken;
  Collection: CollectionRow;
  CollectionNotFound: CollectionNotFound;
  CollectionResult: ResolversUnionTypes<ResolversParentTypes>['CollectionResult'];
  CreateAttributeInput: CreateAttributeInput;
  CreateCategoryInput: CreateCategoryInput;
  CreateCollectionInput: CreateCollectionInput;
  CreateProductInput: CreateProductInput;
  CreateProductTypeInput: CreateProductTypeInput;
  CreateVariantInput: CreateVariantInput;
  Facet: Facet;
  FacetFilterInput: FacetFilterInput;
  FacetValue: FacetValue;
  InvalidAttributeValue: InvalidAttributeValue;
  InvalidCatalogInput: InvalidCatalogInput;
  InvalidPrice: InvalidPrice;
  Media: MediaRow;
  MediaInput: MediaInput;
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Price: PriceRow;
  PriceBounds: PriceBounds;
  PriceNotFound: PriceNotFound;
  PriceRangeInput: PriceRangeInput;
  PriceResult: ResolversUnionTypes<ResolversParentTypes>['PriceResult'];
  Product: ProductRow;
  ProductAttribute: ProductAttributeView;
  ProductConnection: ProductPage;
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductNotFound: ProductNotFound;
  ProductOption: ProductOption;
  ProductOptionInput: ProductOptionInput;
  ProductResult: ResolversUnionTypes<ResolversParentTypes>['ProductResult'];
  ProductSuggestion: ProductSuggestionView;
  ProductType: ProductTypeRow;
  ProductTypeResult: ResolversUnionTypes<ResolversParentTypes>['ProductTypeResult'];
  ProductVariant: VariantRow;
  Query: Record<PropertyKey, never>;
  SearchResult: SearchResponse;
  SetPriceInput: SetPriceInput;
  SkuTaken: SkuTaken;
  SlugTaken: SlugTaken;
  Suggestion: ResolversUnionTypes<ResolversParentTypes>['Suggestion'];
  UnknownAttribute: UnknownAttribute;
  UnknownCategory: UnknownCategory;
  UnknownCurrency: UnknownCurrency;
  UpdateCategoryInput: UpdateCategoryInput;
  UpdateCollectionInput: UpdateCollectionInput;
  UpdateProductInput: UpdateProductInput;
  UpdateVariantInput: UpdateVariantInput;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  VariantNotFound: VariantNotFound;
  VariantResult: ResolversUnionTypes<ResolversParentTypes>['VariantResult'];
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AttributeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Attribute'] = ResolversParentTypes['Attribute']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  filterable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AttributeKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['AttributeOption']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AttributeOptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AttributeOption'] = ResolversParentTypes['AttributeOption']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AttributeResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AttributeResult'] = ResolversParentTypes['AttributeResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Attribute' | 'CodeTaken' | 'InvalidCatalogInput', ParentType, ContextType>;
}>;

export type CategoryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category'], FederationReferenceType extends FederationReferenceTypes['Category'] = FederationReferenceTypes['Category']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Category']> | FederationReferenceType, FederationReferenceType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CategoryNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CategoryNotFound'] = ResolversParentTypes['CategoryNotFound']> = ResolversObject<{
  categoryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CategoryResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CategoryResult'] = ResolversParentTypes['CategoryResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Category' | 'CategoryNotFound' | 'InvalidCatalogInput' | 'SlugTaken' | 'UnknownCategory', ParentType, ContextType>;
}>;

export type CategorySuggestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CategorySuggestion'] = ResolversParentTypes['CategorySuggestion']> = ResolversObject<{
  category?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CodeTakenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CodeTaken'] = ResolversParentTypes['CodeTaken']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CollectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Collection'] = ResolversParentTypes['Collection'], FederationReferenceType extends FederationReferenceTypes['Collection'] = FederationReferenceTypes['Collection']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Collection']> | FederationReferenceType, FederationReferenceType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<CollectionProductsArgs, 'first'>>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublishState'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CollectionNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CollectionNotFound'] = ResolversParentTypes['CollectionNotFound']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  collectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CollectionResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CollectionResult'] = ResolversParentTypes['CollectionResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Collection' | 'CollectionNotFound' | 'InvalidCatalogInput' | 'ProductNotFound' | 'SlugTaken', ParentType, ContextType>;
}>;

export type FacetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Facet'] = ResolversParentTypes['Facet']> = ResolversObject<{
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['FacetValue']>, ParentType, ContextType>;
}>;

export type FacetValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FacetValue'] = ResolversParentTypes['FacetValue']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  selected?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type InvalidAttributeValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidAttributeValue'] = ResolversParentTypes['InvalidAttributeValue']> = ResolversObject<{
  attributeCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidCatalogInputResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidCatalogInput'] = ResolversParentTypes['InvalidCatalogInput']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidPriceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidPrice'] = ResolversParentTypes['InvalidPrice']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MediaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Media'] = ResolversParentTypes['Media']> = ResolversObject<{
  alt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createAttribute?: Resolver<ResolversTypes['AttributeResult'], ParentType, ContextType, RequireFields<MutationCreateAttributeArgs, 'input'>>;
  createCategory?: Resolver<ResolversTypes['CategoryResult'], ParentType, ContextType, RequireFields<MutationCreateCategoryArgs, 'input'>>;
  createCollection?: Resolver<ResolversTypes['CollectionResult'], ParentType, ContextType, RequireFields<MutationCreateCollectionArgs, 'input'>>;
  createProduct?: Resolver<ResolversTypes['ProductResult'], ParentType, ContextType, RequireFields<MutationCreateProductArgs, 'input'>>;
  createProductType?: Resolver<ResolversTypes['ProductTypeResult'], ParentType, ContextType, RequireFields<MutationCreateProductTypeArgs, 'input'>>;
  createVariant?: Resolver<ResolversTypes['VariantResult'], ParentType, ContextType, RequireFields<MutationCreateVariantArgs, 'input' | 'productId'>>;
  removePrice?: Resolver<ResolversTypes['PriceResult'], ParentType, ContextType, RequireFields<MutationRemovePriceArgs, 'id'>>;
  setCollectionProducts?: Resolver<ResolversTypes['CollectionResult'], ParentType, ContextType, RequireFields<MutationSetCollectionProductsArgs, 'id' | 'productIds'>>;
  setPrice?: Resolver<ResolversTypes['PriceResult'], ParentType, ContextType, RequireFields<MutationSetPriceArgs, 'input'>>;
  setProductStatus?: Resolver<ResolversTypes['ProductResult'], ParentType, ContextType, RequireFields<MutationSetProductStatusArgs, 'id' | 'status'>>;
  updateCategory?: Resolver<ResolversTypes['CategoryResult'], ParentType, ContextType, RequireFields<MutationUpdateCategoryArgs, 'id' | 'input'>>;
  updateCollection?: Resolver<ResolversTypes['CollectionResult'], ParentType, ContextType, RequireFields<MutationUpdateCollectionArgs, 'id' | 'input'>>;
  updateProduct?: Resolver<ResolversTypes['ProductResult'], ParentType, ContextType, RequireFields<MutationUpdateProductArgs, 'id' | 'input'>>;
  updateVariant?: Resolver<ResolversTypes['VariantResult'], ParentType, ContextType, RequireFields<MutationUpdateVariantArgs, 'id' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PriceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Price'] = ResolversParentTypes['Price']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  compareAt?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startsAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PriceBoundsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PriceBounds'] = ResolversParentTypes['PriceBounds']> = ResolversObject<{
  max?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type PriceNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PriceNotFound'] = ResolversParentTypes['PriceNotFound']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PriceResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PriceResult'] = ResolversParentTypes['PriceResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidPrice' | 'Price' | 'PriceNotFound' | 'UnknownCurrency' | 'VariantNotFound', ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attributes?: Resolver<Array<ResolversTypes['ProductAttribute']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  media?: Resolver<Array<ResolversTypes['Media']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  productType?: Resolver<Maybe<ResolversTypes['ProductType']>, ParentType, ContextType>;
  seoDescription?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seoTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublishState'], ParentType, ContextType>;
  taxClass?: Resolver<ResolversTypes['TaxClass'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProductAttributeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductAttribute'] = ResolversParentTypes['ProductAttribute']> = ResolversObject<{
  attribute?: Resolver<ResolversTypes['Attribute'], ParentType, ContextType>;
  boolean?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['AttributeOption']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProductConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
}>;

export type ProductNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductNotFound'] = ResolversParentTypes['ProductNotFound']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProductOptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductOption'] = ResolversParentTypes['ProductOption']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProductResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductResult'] = ResolversParentTypes['ProductResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidAttributeValue' | 'InvalidCatalogInput' | 'Product' | 'ProductNotFound' | 'SlugTaken' | 'UnknownAttribute' | 'UnknownCategory', ParentType, ContextType>;
}>;

export type ProductSuggestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductSuggestion'] = ResolversParentTypes['ProductSuggestion']> = ResolversObject<{
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProductTypeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductType'] = ResolversParentTypes['ProductType']> = ResolversObject<{
  attributes?: Resolver<Array<ResolversTypes['Attribute']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProductTypeResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductTypeResult'] = ResolversParentTypes['ProductTypeResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CodeTaken' | 'InvalidCatalogInput' | 'ProductType' | 'UnknownAttribute', ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant'], FederationReferenceType extends FederationReferenceTypes['ProductVariant'] = FederationReferenceTypes['ProductVariant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProductVariant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  compareAtPrice?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType, Partial<ProductVariantCompareAtPriceArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['ProductOption']>, ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType, Partial<ProductVariantPriceArgs>>;
  prices?: Resolver<Array<ResolversTypes['Price']>, ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxClass?: Resolver<ResolversTypes['TaxClass'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  adminProduct?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryAdminProductArgs, 'id'>>;
  attributes?: Resolver<Array<ResolversTypes['Attribute']>, ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType, RequireFields<QueryCategoryArgs, 'slug'>>;
  collection?: Resolver<Maybe<ResolversTypes['Collection']>, ParentType, ContextType, RequireFields<QueryCollectionArgs, 'slug'>>;
  collections?: Resolver<Array<ResolversTypes['Collection']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, Partial<QueryProductArgs>>;
  productTypes?: Resolver<Array<ResolversTypes['ProductType']>, ParentType, ContextType>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductsArgs, 'first'>>;
  search?: Resolver<ResolversTypes['SearchResult'], ParentType, ContextType, RequireFields<QuerySearchArgs, 'first' | 'sort'>>;
  suggest?: Resolver<Array<ResolversTypes['Suggestion']>, ParentType, ContextType, RequireFields<QuerySuggestArgs, 'first' | 'prefix'>>;
}>;

export type SearchResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchResult'] = ResolversParentTypes['SearchResult']> = ResolversObject<{
  correctedQuery?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  facets?: Resolver<Array<ResolversTypes['Facet']>, ParentType, ContextType>;
  priceRange?: Resolver<Maybe<ResolversTypes['PriceBounds']>, ParentType, ContextType>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType>;
}>;

export type SkuTakenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SkuTaken'] = ResolversParentTypes['SkuTaken']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SlugTakenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SlugTaken'] = ResolversParentTypes['SlugTaken']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SuggestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Suggestion'] = ResolversParentTypes['Suggestion']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CategorySuggestion' | 'ProductSuggestion', ParentType, ContextType>;
}>;

export type UnknownAttributeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnknownAttribute'] = ResolversParentTypes['UnknownAttribute']> = ResolversObject<{
  attributeCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UnknownCategoryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnknownCategory'] = ResolversParentTypes['UnknownCategory']> = ResolversObject<{
  categorySlug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UnknownCurrencyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnknownCurrency'] = ResolversParentTypes['UnknownCurrency']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CategoryNotFound' | 'CodeTaken' | 'CollectionNotFound' | 'InvalidAttributeValue' | 'InvalidCatalogInput' | 'InvalidPrice' | 'PriceNotFound' | 'ProductNotFound' | 'SkuTaken' | 'SlugTaken' | 'UnknownAttribute' | 'UnknownCategory' | 'UnknownCurrency' | 'VariantNotFound', ParentType, ContextType>;
}>;

export type VariantNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantNotFound'] = ResolversParentTypes['VariantNotFound']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type VariantResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantResult'] = ResolversParentTypes['VariantResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidCatalogInput' | 'InvalidPrice' | 'ProductNotFound' | 'ProductVariant' | 'SkuTaken' | 'UnknownCurrency' | 'VariantNotFound', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Attribute?: AttributeResolvers<ContextType>;
  AttributeOption?: AttributeOptionResolvers<ContextType>;
  AttributeResult?: AttributeResultResolvers<ContextType>;
  Category?: CategoryResolvers<ContextType>;
  CategoryNotFound?: CategoryNotFoundResolvers<ContextType>;
  CategoryResult?: CategoryResultResolvers<ContextType>;
  CategorySuggestion?: CategorySuggestionResolvers<ContextType>;
  CodeTaken?: CodeTakenResolvers<ContextType>;
  Collection?: CollectionResolvers<ContextType>;
  CollectionNotFound?: CollectionNotFoundResolvers<ContextType>;
  CollectionResult?: CollectionResultResolvers<ContextType>;
  Facet?: FacetResolvers<ContextType>;
  FacetValue?: FacetValueResolvers<ContextType>;
  InvalidAttributeValue?: InvalidAttributeValueResolvers<ContextType>;
  InvalidCatalogInput?: InvalidCatalogInputResolvers<ContextType>;
  InvalidPrice?: InvalidPriceResolvers<ContextType>;
  Media?: MediaResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Price?: PriceResolvers<ContextType>;
  PriceBounds?: PriceBoundsResolvers<ContextType>;
  PriceNotFound?: PriceNotFoundResolvers<ContextType>;
  PriceResult?: PriceResultResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductAttribute?: ProductAttributeResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  ProductNotFound?: ProductNotFoundResolvers<ContextType>;
  ProductOption?: ProductOptionResolvers<ContextType>;
  ProductResult?: ProductResultResolvers<ContextType>;
  ProductSuggestion?: ProductSuggestionResolvers<ContextType>;
  ProductType?: ProductTypeResolvers<ContextType>;
  ProductTypeResult?: ProductTypeResultResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SearchResult?: SearchResultResolvers<ContextType>;
  SkuTaken?: SkuTakenResolvers<ContextType>;
  SlugTaken?: SlugTakenResolvers<ContextType>;
  Suggestion?: SuggestionResolvers<ContextType>;
  UnknownAttribute?: UnknownAttributeResolvers<ContextType>;
  UnknownCategory?: UnknownCategoryResolvers<ContextType>;
  UnknownCurrency?: UnknownCurrencyResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  VariantNotFound?: VariantNotFoundResolvers<ContextType>;
  VariantResult?: VariantResultResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
