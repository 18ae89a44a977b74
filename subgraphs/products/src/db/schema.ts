import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uuid,
  char,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const productsSchema = pgSchema('products');

export const categories = productsSchema.table('categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  parentId: uuid('parent_id').references((): AnyPgColumn => categories.id),
});

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Keyset pagination walks (name, id); the category filter narrows it first.
    index('products_name_id_idx').on(t.name, t.id),
    index('products_category_name_id_idx').on(t.categoryId, t.name, t.id),
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
    /** Price in minor units of `currency`. */
    priceAmount: integer('price_amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('variants_product_id_idx').on(t.productId, t.position),
    check('variants_price_nonnegative', sql`${t.priceAmount} >= 0`),
  ],
);

export type CategoryRow = typeof categories.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type VariantRow = typeof variants.$inferSelect;
