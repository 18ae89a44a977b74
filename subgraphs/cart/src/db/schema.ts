import { sql } from 'drizzle-orm';
import { char, check, integer, pgSchema, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const cartSchema = pgSchema('cart');

export type CartStatus = 'ACTIVE' | 'CHECKED_OUT';

export const carts = cartSchema.table(
  'carts',
  {
    /** Random and unguessable: knowing the id is what gives access to the cart. */
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').$type<CartStatus>().notNull().default('ACTIVE'),
    /** Fixed by the first line added; null while the cart is empty. */
    currency: char('currency', { length: 3 }),
    /** The signed-in customer the cart belongs to; null for a guest cart (reached by its id). */
    customerId: uuid('customer_id'),
    /** The order this cart became, set when checkout places it. */
    orderId: uuid('order_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('carts_status_valid', sql`${t.status} in ('ACTIVE', 'CHECKED_OUT')`)],
);

export const cartLines = cartSchema.table(
  'cart_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    /** A ProductVariant of the products subgraph, referred to by its @key only. */
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One line per variant: adding a variant again merges into its line. The index also serves
    // every lookup of a cart's lines (cart_id is its leading column).
    unique('cart_lines_cart_variant_unique').on(t.cartId, t.variantId),
    // Mirrors MIN_LINE_QUANTITY..MAX_LINE_QUANTITY in service.ts, as a last line of defence.
    check('cart_lines_quantity_range', sql`${t.quantity} between 1 and 99`),
  ],
);

export type CartRow = typeof carts.$inferSelect;
export type CartLineRow = typeof cartLines.$inferSelect;
