import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { defineOutboxTable } from '@commerce-graph/events';

export const productsSchema = pgSchema('products');

/** PostgreSQL's full-text document type; written by SQL (`setweight(to_tsvector(...))`) only. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const publishStates = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
/** Only PUBLISHED products (and their variants) reach the storefront, `_entities` included. */
export type PublishState = (typeof publishStates)[number];

export const taxClasses = ['STANDARD', 'REDUCED', 'ZERO'] as const;
/** A product's VAT class: checkout looks up the rate of the class in the shipping country. */
export type TaxClass = (typeof taxClasses)[number];

export const categories = productsSchema.table(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id),
    /** Ids from the root down to this category, each followed by `/`: a subtree is a prefix. */
    path: text('path').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('categories_path_idx').on(sql`${t.path} text_pattern_ops`)],
);

/** A kind of product (jacket, sneaker) and the attributes its products carry. */
export const productTypes = productsSchema.table('product_types', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

export const attributeKinds = ['TEXT', 'NUMBER', 'BOOLEAN', 'ENUM', 'MULTI_ENUM'] as const;
export type AttributeKind = (typeof attributeKinds)[number];

/** A typed property of products: brand, material, colour family, waterproof, weight. */
export const attributes = productsSchema.table(
  'attributes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable machine name, a slug (`colour-family`); the facet name in search. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').$type<AttributeKind>().notNull(),
    /** Shown as a facet in search (ENUM, MULTI_ENUM and BOOLEAN only). */
    filterable: boolean('filterable').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    check(
      'attributes_kind_valid',
      sql`${t.kind} in ('TEXT', 'NUMBER', 'BOOLEAN', 'ENUM', 'MULTI_ENUM')`,
    ),
  ],
);

/** The allowed values of an ENUM or MULTI_ENUM attribute. */
export const attributeValues = productsSchema.table(
  'attribute_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attributeId: uuid('attribute_id')
      .notNull()
      .references(() => attributes.id, { onDelete: 'cascade' }),
    /** A slug, unique within its attribute (`navy`); the facet value in search. */
    code: text('code').notNull(),
    label: text('label').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('attribute_values_attribute_code_unique').on(t.attributeId, t.code)],
);

/** Which attributes a product type's products carry. */
export const productTypeAttributes = productsSchema.table(
  'product_type_attributes',
  {
    productTypeId: uuid('product_type_id')
      .notNull()
      .references(() => productTypes.id, { onDelete: 'cascade' }),
    attributeId: uuid('attribute_id')
      .notNull()
      .references(() => attributes.id, { onDelete: 'cascade' }),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.productTypeId, t.attributeId] })],
);

export const products = productsSchema.table(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    productTypeId: uuid('product_type_id').references(() => productTypes.id),
    status: text('status').$type<PublishState>().notNull().default('DRAFT'),
    /** Which VAT rate applies to it (checkout's `tax_rates` hold the rate per country). */
    taxClass: text('tax_class').$type<TaxClass>().notNull().default('STANDARD'),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    // Keyset pagination walks (name, id); the category filter narrows it first.
    index('products_name_id_idx').on(t.name, t.id),
    index('products_category_name_id_idx').on(t.categoryId, t.name, t.id),
    check('products_status_valid', sql`${t.status} in ('DRAFT', 'PUBLISHED', 'ARCHIVED')`),
    check('products_tax_class_valid', sql`${t.taxClass} in ('STANDARD', 'REDUCED', 'ZERO')`),
  ],
);

/**
 * A product's value of one attribute, in the column of the attribute's kind: `text_value`
 * (TEXT), `number_value` (NUMBER), `boolean_value` (BOOLEAN), `codes` (ENUM: one code,
 * MULTI_ENUM: one or more).
 */
export const productAttributeValues = productsSchema.table(
  'product_attribute_values',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    attributeId: uuid('attribute_id')
      .notNull()
      .references(() => attributes.id, { onDelete: 'cascade' }),
    textValue: text('text_value'),
    numberValue: doublePrecision('number_value'),
    booleanValue: boolean('boolean_value'),
    codes: text('codes').array(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.attributeId] }),
    index('product_attribute_values_attribute_idx').on(t.attributeId),
  ],
);

export interface OptionValue {
  name: string;
  value: string;
}

export const variants = productsSchema.table(
  'variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull().unique(),
    options: jsonb('options').$type<OptionValue[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('variants_product_id_idx').on(t.productId, t.position)],
);

/**
 * Prices of a variant per currency, in minor units. A row without `starts_at` and `ends_at` is
 * the base price (one per variant and currency); a row with a window is a scheduled price (a
 * sale) that takes effect at `starts_at` and ends at `ends_at` (either may be open). At an
 * instant the price is the scheduled one whose window holds it (the latest `starts_at` wins),
 * else the base price.
 */
export const prices = productsSchema.table(
  'prices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    currency: char('currency', { length: 3 }).notNull(),
    amount: integer('amount').notNull(),
    /** The "was" price shown struck through; above `amount` when set. */
    compareAtAmount: integer('compare_at_amount'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('prices_variant_currency_idx').on(t.variantId, t.currency),
    // One base price per variant and currency.
    uniqueIndex('prices_base_unique')
      .on(t.variantId, t.currency)
      .where(sql`${t.startsAt} is null and ${t.endsAt} is null`),
    // The next boundaries, for cache hints and the index refresh at an instant.
    index('prices_starts_at_idx').on(t.startsAt),
    index('prices_ends_at_idx').on(t.endsAt),
    check('prices_amount_nonnegative', sql`${t.amount} >= 0`),
    check(
      'prices_compare_at_above_amount',
      sql`${t.compareAtAmount} is null or ${t.compareAtAmount} > ${t.amount}`,
    ),
    check(
      'prices_window_ordered',
      sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.startsAt} < ${t.endsAt}`,
    ),
    check('prices_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** A curated list of products in a manual order (a lookbook, "new this week"). */
export const collections = productsSchema.table(
  'collections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').$type<PublishState>().notNull().default('DRAFT'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('collections_status_valid', sql`${t.status} in ('DRAFT', 'PUBLISHED', 'ARCHIVED')`),
  ],
);

export const collectionProducts = productsSchema.table(
  'collection_products',
  {
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.productId] }),
    index('collection_products_order_idx').on(t.collectionId, t.position),
  ],
);

/** Images of a product, in order. */
export const media = productsSchema.table(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    alt: text('alt').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('media_product_idx').on(t.productId, t.position)],
);

/**
 * The search index of the PostgreSQL search engine: one row per PUBLISHED product, rebuilt
 * for a product whenever anything it shows changes (catalog writes, price boundaries, stock
 * events). Nothing else reads it; an external engine would replace this table.
 */
export const searchDocuments = productsSchema.table(
  'search_documents',
  {
    productId: uuid('product_id')
      .primaryKey()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** Weighted: name A, brand and category B, attributes C, description D (English). */
    document: tsvector('document').notNull(),
    /** The name, lower-cased, for trigram similarity (typos) and prefix suggestions. */
    name: text('name').notNull(),
    /** The category's `path`: a subtree filter is a prefix match. */
    categoryPath: text('category_path').notNull(),
    /** Some variant can be bought now (inventory's availability, refreshed by its events). */
    inStock: boolean('in_stock').notNull().default(true),
    /** The product's publication, for "newest" sorting. */
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** The next instant a scheduled price of the product starts or ends; null when none. */
    nextPriceChangeAt: timestamp('next_price_change_at', { withTimezone: true }),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // No pending list: searches read the index as it is, not up to 4 MB of unmerged entries.
    index('search_documents_document_idx').using('gin', t.document).with({ fastupdate: false }),
    index('search_documents_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('search_documents_category_path_idx').on(sql`${t.categoryPath} text_pattern_ops`),
    index('search_documents_published_idx').on(t.publishedAt, t.productId),
    index('search_documents_next_price_change_idx').on(t.nextPriceChangeAt),
  ],
);

/** A product's current lowest variant price per currency, for price filters and sorts. */
export const searchPrices = productsSchema.table(
  'search_prices',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    currency: char('currency', { length: 3 }).notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.currency] }),
    index('search_prices_currency_amount_idx').on(t.currency, t.amount, t.productId),
  ],
);

/** One row per facet value a product has (filterable attributes): counted by search. */
export const searchFacets = productsSchema.table(
  'search_facets',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** The attribute's code. */
    facet: text('facet').notNull(),
    /** The value's code (`true`/`false` for BOOLEAN). */
    value: text('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.facet, t.value] }),
    index('search_facets_facet_value_idx').on(t.facet, t.value, t.productId),
  ],
);

/**
 * Whether each variant can be bought now, as inventory's newest `inventory.availability.changed`
 * said. A variant inventory never spoke of has no row: not in stock.
 */
export const variantStock = productsSchema.table('variant_stock', {
  variantId: uuid('variant_id').primaryKey(),
  inStock: boolean('in_stock').notNull(),
  /**
   * The highest inventory sequence applied to this row: a change with a lower one arrived late
   * and is ignored. Null while only changes without a sequence (older events) were applied.
   */
  sequence: bigint('sequence', { mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The words of the index with how many documents hold them: the dictionary typo tolerance
 * corrects against (trigram similarity) and suggestions complete from.
 */
export const searchTerms = productsSchema.table(
  'search_terms',
  {
    term: text('term').primaryKey(),
    documents: integer('documents').notNull(),
  },
  (t) => [index('search_terms_trgm_idx').using('gin', sql`${t.term} gin_trgm_ops`)],
);

export const outboxEvents = defineOutboxTable(productsSchema);

export type CategoryRow = typeof categories.$inferSelect;
export type ProductTypeRow = typeof productTypes.$inferSelect;
export type AttributeRow = typeof attributes.$inferSelect;
export type AttributeValueRow = typeof attributeValues.$inferSelect;
export type ProductAttributeValueRow = typeof productAttributeValues.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type VariantRow = typeof variants.$inferSelect;
export type PriceRow = typeof prices.$inferSelect;
export type CollectionRow = typeof collections.$inferSelect;
export type MediaRow = typeof media.$inferSelect;
