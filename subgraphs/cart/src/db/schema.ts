import { sql } from 'drizzle-orm';
import type { PostalAddress } from '@commerce-graph/kit';
import {
  char,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

export const cartSchema = pgSchema('cart');

export type CartStatus = 'ACTIVE' | 'CHECKED_OUT' | 'MERGED';

export const discountCodes = cartSchema.table(
  'discount_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Upper-case; what shoppers type (case-insensitively). */
    code: text('code').notNull().unique('discount_codes_code_unique'),
    kind: text('kind').$type<'PERCENTAGE' | 'FIXED_AMOUNT'>().notNull(),
    percentOff: integer('percent_off'),
    amountOff: integer('amount_off'),
    /** Set with `amount_off` or `minimum_subtotal`: the code applies to carts in it only. */
    currency: char('currency', { length: 3 }),
    minimumSubtotal: integer('minimum_subtotal'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    usageLimit: integer('usage_limit'),
    usageLimitPerCustomer: integer('usage_limit_per_customer'),
    /** Redemptions held now; changed only under this row's lock (redeem and release). */
    timesUsed: integer('times_used').notNull().default(0),
    /** A products category: its products and those of its descendants are discounted. */
    categoryId: uuid('category_id'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** The staff member who made it. */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('discount_codes_kind_valid', sql`${t.kind} in ('PERCENTAGE', 'FIXED_AMOUNT')`),
    check(
      'discount_codes_amounts_valid',
      sql`(${t.kind} = 'PERCENTAGE' and ${t.percentOff} between 1 and 100 and ${t.amountOff} is null)
        or (${t.kind} = 'FIXED_AMOUNT' and ${t.amountOff} > 0 and ${t.percentOff} is null and ${t.currency} is not null)`,
    ),
    // The last line of defence of the usage limit: redeem checks it under the row lock first.
    check(
      'discount_codes_usage_within_limit',
      sql`${t.timesUsed} >= 0 and (${t.usageLimit} is null or ${t.timesUsed} <= ${t.usageLimit})`,
    ),
  ],
);

export const carts = cartSchema.table(
  'carts',
  {
    /** Random and unguessable: knowing the id is what gives access to the cart. */
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').$type<CartStatus>().notNull().default('ACTIVE'),
    /** Chosen at creation; every price of the cart is read in it. */
    currency: char('currency', { length: 3 }).notNull().default('EUR'),
    /** The signed-in customer the cart belongs to; null for a guest cart (reached by its id). */
    customerId: uuid('customer_id'),
    /** The order this cart became, set when checkout places it. */
    orderId: uuid('order_id'),
    /** MERGED: the customer's cart that took this cart's lines. */
    mergedInto: uuid('merged_into'),
    /** The applied discount code; a deleted code is dropped from carts. */
    discountCodeId: uuid('discount_code_id').references(() => discountCodes.id, {
      onDelete: 'set null',
    }),
    /**
     * Where the order goes, as `parsePostalAddress` normalised it (personal data: exported, and
     * deleted with the cart on erasure).
     */
    shippingAddress: jsonb('shipping_address').$type<PostalAddress>(),
    /** Where the invoice goes; null: the shipping address. */
    billingAddress: jsonb('billing_address').$type<PostalAddress>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('carts_status_valid', sql`${t.status} in ('ACTIVE', 'CHECKED_OUT', 'MERGED')`),
    // Only the service writes these, always a whole address; a scalar or array is a bug.
    check(
      'carts_addresses_are_objects',
      sql`(${t.shippingAddress} is null or jsonb_typeof(${t.shippingAddress}) = 'object')
        and (${t.billingAddress} is null or jsonb_typeof(${t.billingAddress}) = 'object')`,
    ),
    // myCart (the customer's newest active cart) and the GDPR export and erasure.
    index('carts_customer_idx').on(t.customerId, t.createdAt),
    // The abandoned-cart sweep: oldest untouched carts first.
    index('carts_updated_at_idx').on(t.updatedAt),
  ],
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
    /**
     * The unit price (minor units of the cart's currency) when the line was added or its quantity
     * last changed, to tell the shopper of a price change; null for lines older than this column.
     */
    addedUnitPrice: integer('added_unit_price'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One line per variant: adding a variant again merges into its line. The index also serves
    // every lookup of a cart's lines (cart_id is its leading column).
    unique('cart_lines_cart_variant_unique').on(t.cartId, t.variantId),
    // Mirrors MIN_LINE_QUANTITY..MAX_LINE_QUANTITY in service/, as a last line of defence.
    check('cart_lines_quantity_range', sql`${t.quantity} between 1 and 99`),
  ],
);

export type RedemptionStatus = 'REDEEMED' | 'RELEASED';

export const discountRedemptions = cartSchema.table(
  'discount_redemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** One redemption per order: what makes redeem and release idempotent. */
    orderId: uuid('order_id').notNull().unique('discount_redemptions_order_unique'),
    /** Null for a release that arrived before any redemption (it blocks a late one). */
    discountCodeId: uuid('discount_code_id').references(() => discountCodes.id, {
      onDelete: 'cascade',
    }),
    /** No foreign key: the history outlives abandoned carts. */
    cartId: uuid('cart_id'),
    /** A customer id, or `email:<address>` for a guest. */
    customerKey: text('customer_key'),
    amount: integer('amount').notNull().default(0),
    status: text('status').$type<RedemptionStatus>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    check('discount_redemptions_status_valid', sql`${t.status} in ('REDEEMED', 'RELEASED')`),
    // The per-customer limit counts a customer's live redemptions of a code.
    index('discount_redemptions_customer_idx').on(t.discountCodeId, t.customerKey),
  ],
);

/**
 * What the cart learnt of an order from checkout's events, whatever order they arrive in: a
 * `checkout.payment.failed` consumed before its `checkout.order.placed` leaves a row here, and
 * the late order placed is then a no-op, so the cart stays ACTIVE.
 */
export const orderOutcomes = cartSchema.table('order_outcomes', {
  orderId: uuid('order_id').primaryKey(),
  cartId: uuid('cart_id').notNull(),
  outcome: text('outcome').$type<'PAYMENT_FAILED'>().notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});

export type CartRow = typeof carts.$inferSelect;
export type CartLineRow = typeof cartLines.$inferSelect;
export type DiscountCodeRow = typeof discountCodes.$inferSelect;
export type DiscountRedemptionRow = typeof discountRedemptions.$inferSelect;
