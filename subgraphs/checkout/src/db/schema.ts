import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { defineOutboxTable } from '@commerce-graph/events';
import type { PostalAddress, TaxClass } from '@commerce-graph/kit';

export const checkoutSchema = pgSchema('checkout');

/**
 * An order's states; `service/order-state.ts` holds the legal moves between them. The payment
 * ledger sets PARTIALLY_REFUNDED and REFUNDED; AUTHORISED is an order authorised but not yet
 * captured (`ADYEN_CAPTURE_MODE=manual`).
 */
export const orderStatus = [
  'PENDING_PAYMENT',
  'AUTHORISED',
  'PAID',
  'FULFILLED',
  'CANCELLED',
  'PAYMENT_FAILED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof orderStatus)[number];

/** An order's shipping method as it was when the order was placed. */
export interface OrderShippingMethod {
  code: string;
  name: string;
  minDays: number;
  maxDays: number;
}

/** One group of an order's tax: its class and rate, what it applied to, and the tax. */
export interface OrderTaxLine {
  taxClass: TaxClass;
  rateBasisPoints: number;
  taxableAmount: number;
  amount: number;
}

/**
 * A stored order address: the `PostalAddress` placed with the order, or after the customer's
 * erasure only its country (kept for VAT reporting).
 */
export type StoredOrderAddress = PostalAddress | { countryCode: string };

export const orders = checkoutSchema.table(
  'orders',
  {
    id: uuid('id').primaryKey(),
    /**
     * The human-readable order number (`CG-100001`), from the column's own identity sequence:
     * unique, increasing, never reused (`always`: no insert can choose one). It is no secret:
     * with the order's email it only reads the order (`orderByNumber`), it never pays it.
     */
    number: bigint('number', { mode: 'bigint' })
      .notNull()
      .generatedAlwaysAsIdentity({ startWith: 100_001 }),
    /**
     * One live order per cart: the partial unique index stops a double-submitted checkout, and
     * lets the shopper order the same cart again after a payment failed or staff cancelled.
     */
    cartId: uuid('cart_id').notNull(),
    /** The signed-in customer who placed it; null for a guest order. */
    customerId: uuid('customer_id'),
    /**
     * SHA-256 (hex) of the order's access key, the secret `placeOrder` answers once: with the
     * id it opens a guest order. The key itself is never stored.
     */
    accessKeyHash: text('access_key_hash'),
    /** Null once the customer's account was erased (GDPR); the order itself stays, for tax law. */
    email: text('email'),
    status: text('status').$type<OrderStatus>().notNull().default('PENDING_PAYMENT'),
    /** The sum of the lines at order time, before the discount (minor units). */
    subtotalAmount: integer('subtotal_amount').notNull(),
    /** What the discount code took off; 0 without one. */
    discountAmount: integer('discount_amount').notNull().default(0),
    /** The cart's discount code, redeemed for this order; null without one. */
    discountCode: text('discount_code'),
    /**
     * What the shopper pays, and the payment's amount: subtotal - discount + shipping, plus the
     * tax when the prices excluded it (USD).
     */
    totalAmount: integer('total_amount').notNull(),
    /** The chosen method's price (0 when free, and for orders from before shipping). */
    shippingAmount: integer('shipping_amount').notNull().default(0),
    /** The VAT (or sales tax) of the order: the sum of its tax lines; 0 before tax existed. */
    taxAmount: integer('tax_amount').notNull().default(0),
    /** Whether the prices included the tax (EUR, GBP) or it was added on top (USD). */
    taxIncluded: boolean('tax_included').notNull().default(true),
    /** The tax grouped by class and rate, as when placed; empty for orders before tax. */
    taxLines: jsonb('tax_lines').$type<OrderTaxLine[]>().notNull().default([]),
    /** The cart's shipping address when placed; null for orders from before addresses. */
    shippingAddress: jsonb('shipping_address').$type<StoredOrderAddress>(),
    /** The cart's billing address when placed; null: the same as the shipping address. */
    billingAddress: jsonb('billing_address').$type<StoredOrderAddress>(),
    /** The shipping method as it was when placed; null for orders from before shipping. */
    shippingMethod: jsonb('shipping_method').$type<OrderShippingMethod>(),
    currency: char('currency', { length: 3 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the personal fields were cleared after the customer's erasure. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    /** Who carries the parcel, set when staff mark the order FULFILLED. */
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    /** Why staff cancelled the order, set with CANCELLED. */
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    uniqueIndex('orders_live_cart_id_unique')
      .on(t.cartId)
      .where(sql`${t.status} not in ('PAYMENT_FAILED', 'CANCELLED')`),
    index('orders_cart_id_idx').on(t.cartId),
    uniqueIndex('orders_number_unique').on(t.number),
    check(
      'orders_status_valid',
      sql`${t.status} in ('PENDING_PAYMENT', 'AUTHORISED', 'PAID', 'FULFILLED', 'CANCELLED', 'PAYMENT_FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED')`,
    ),
    check('orders_total_nonnegative', sql`${t.totalAmount} >= 0`),
    check(
      'orders_discount_within_subtotal',
      sql`${t.discountAmount} >= 0 and ${t.discountAmount} <= ${t.subtotalAmount}`,
    ),
    check('orders_shipping_nonnegative', sql`${t.shippingAmount} >= 0`),
    check('orders_tax_nonnegative', sql`${t.taxAmount} >= 0`),
    // The tax is inside the prices or on top of them: either way the total is fixed by the rest.
    check(
      'orders_total_adds_up',
      sql`${t.totalAmount} = ${t.subtotalAmount} - ${t.discountAmount} + ${t.shippingAmount} + case when ${t.taxIncluded} then 0 else ${t.taxAmount} end`,
    ),
    // Customer order history, newest (highest number) first: one index range per page.
    index('orders_customer_number_idx').on(t.customerId, t.number.desc()),
  ],
);

export const orderLines = checkoutSchema.table(
  'order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** Price per unit when the order was placed, in minor units of the order's currency. */
    unitAmount: integer('unit_amount').notNull(),
    position: integer('position').notNull(),
    /** This line's share of the order's discount (0 for orders from before the shares). */
    discountAmount: integer('discount_amount').notNull().default(0),
    /** The product's tax class when ordered; null for orders from before tax. */
    taxClass: text('tax_class').$type<TaxClass>(),
    /** The rate applied to the line (basis points); null for orders from before tax. */
    taxRateBasisPoints: integer('tax_rate_basis_points'),
    /** The line's tax, on (unit amount * quantity - discount), rounded half up. */
    taxAmount: integer('tax_amount').notNull().default(0),
  },
  (t) => [
    index('order_lines_order_id_idx').on(t.orderId, t.position),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
    check(
      'order_lines_discount_within_total',
      sql`${t.discountAmount} >= 0 and ${t.discountAmount} <= ${t.unitAmount}::bigint * ${t.quantity}`,
    ),
    check(
      'order_lines_tax_class_valid',
      sql`${t.taxClass} is null or ${t.taxClass} in ('STANDARD', 'REDUCED', 'ZERO')`,
    ),
    check('order_lines_tax_nonnegative', sql`${t.taxAmount} >= 0`),
  ],
);

/**
 * Every status an order took, with why: written in the transaction that changes the status
 * (`transitionOrder`), the first row (from null) when the order was placed.
 */
export const orderHistory = checkoutSchema.table(
  'order_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** Null for the order's placement. */
    fromStatus: text('from_status').$type<OrderStatus>(),
    toStatus: text('to_status').$type<OrderStatus>().notNull(),
    /** What caused it, for support: `payment authorised`, `cancelled by staff: <reason>`... */
    cause: text('cause').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_history_order_id_idx').on(t.orderId, t.at)],
);

export const paymentStatus = [
  'PENDING',
  'AUTHORISED',
  'REFUSED',
  'ERROR',
  'EXPIRED',
  'CANCELLED',
] as const;
export type PaymentStatus = (typeof paymentStatus)[number];

/** `advanced`: placeOrder calls `/payments`; `sessions`: Drop-in pays a `/sessions` session. */
export type PaymentIntegration = 'advanced' | 'sessions';

export const payments = checkoutSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    status: text('status').$type<PaymentStatus>().notNull().default('PENDING'),
    amount: integer('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    pspReference: text('psp_reference'),
    resultCode: text('result_code'),
    refusalReason: text('refusal_reason'),
    /**
     * How the payment reaches Adyen: `advanced` (placeOrder sends `/payments`) or `sessions`
     * (placed without a payment method; Drop-in pays it through `createPaymentSession`'s session).
     */
    integration: text('integration').$type<PaymentIntegration>().notNull().default('advanced'),
    /** The sums of the payment's `payment_ledger`, kept in the transaction that adds an entry. */
    authorisedAmount: integer('authorised_amount').notNull().default(0),
    capturedAmount: integer('captured_amount').notNull().default(0),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    chargedBackAmount: integer('charged_back_amount').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_order_id_unique').on(t.orderId),
    uniqueIndex('payments_psp_reference_unique').on(t.pspReference),
    check(
      'payments_status_valid',
      sql`${t.status} in ('PENDING', 'AUTHORISED', 'REFUSED', 'ERROR', 'EXPIRED', 'CANCELLED')`,
    ),
    check('payments_integration_valid', sql`${t.integration} in ('advanced', 'sessions')`),
    index('payments_pending_created_at_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'PENDING'`),
  ],
);

/**
 * `placeOrder`'s idempotency keys: a request claims its key (scoped to its caller) before it
 * reads or holds anything, with the id its order will have. Another request with the same key
 * waits for the claim and replays that order; a refused attempt deletes its claim again. Kept
 * for as long as the order (never pruned), so a retry days later still gets its order back.
 */
export const idempotencyKeys = checkoutSchema.table(
  'idempotency_keys',
  {
    /** Whose key: the signed-in customer's id, or `cart:<cart id>` for a guest. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** The cart the key was first used for: another cart with the same key is refused. */
    cartId: uuid('cart_id').notNull(),
    /** The order this key places (or placed): no order row until the attempt succeeds. */
    orderId: uuid('order_id').notNull(),
    /** What the client had to do next in the first answer (3-D Secure), for a replay. */
    action: jsonb('action'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the first answer was complete (the payment step included); null while in flight. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    uniqueIndex('idempotency_keys_order_id_unique').on(t.orderId),
  ],
);

/**
 * The shipping methods checkout offers: each ships to a zone (a list of countries), at a price
 * per currency that may be free from a goods value (after the discount). Seeded by migration
 * `0011_shipping_and_tax_seed`; `position` orders them for the shopper.
 */
export const shippingMethods = checkoutSchema.table(
  'shipping_methods',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** ISO 3166-1 alpha-2 codes, upper case: the zone. */
    countries: text('countries').array().notNull(),
    minDays: integer('min_days').notNull(),
    maxDays: integer('max_days').notNull(),
    /** `{ "EUR": { "price": 495, "freeAbove": 5000 } }`; no entry: not offered in that currency. */
    prices: jsonb('prices')
      .$type<Record<string, { price: number; freeAbove: number | null }>>()
      .notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    check('shipping_methods_days_valid', sql`${t.minDays} >= 0 and ${t.maxDays} >= ${t.minDays}`),
    check('shipping_methods_prices_object', sql`jsonb_typeof(${t.prices}) = 'object'`),
  ],
);

/**
 * VAT rates per country and product tax class, in basis points (2100 = 21%). A country without
 * rows has no tax computed (and no shipping method either). Seeded by migration.
 */
export const taxRates = checkoutSchema.table(
  'tax_rates',
  {
    countryCode: char('country_code', { length: 2 }).notNull(),
    taxClass: text('tax_class').$type<TaxClass>().notNull(),
    rateBasisPoints: integer('rate_basis_points').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countryCode, t.taxClass] }),
    check('tax_rates_tax_class_valid', sql`${t.taxClass} in ('STANDARD', 'REDUCED', 'ZERO')`),
    check('tax_rates_rate_valid', sql`${t.rateBasisPoints} >= 0 and ${t.rateBasisPoints} <= 10000`),
    check('tax_rates_country_upper', sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
  ],
);

/**
 * The shipping method a cart's shopper chose (`setCartShippingMethod`). Kept when the address
 * changes to another zone: it is ignored then (no method), and counts again if the address
 * comes back. The cart lives in the cart subgraph: `cart_id` is its id, no foreign key.
 */
export const cartShippingSelections = checkoutSchema.table('cart_shipping_selections', {
  cartId: uuid('cart_id').primaryKey(),
  methodCode: text('method_code')
    .notNull()
    .references(() => shippingMethods.code, { onDelete: 'cascade' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every Adyen notification item as received, stored before it is acknowledged. Adyen delivers
 * at least once: (pspReference, eventCode, success) identifies a delivery's content.
 */
export const adyenNotifications = checkoutSchema.table(
  'adyen_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pspReference: text('psp_reference').notNull(),
    originalReference: text('original_reference'),
    merchantReference: text('merchant_reference').notNull(),
    eventCode: text('event_code').notNull(),
    success: boolean('success').notNull(),
    amountValue: integer('amount_value'),
    amountCurrency: char('amount_currency', { length: 3 }),
    reason: text('reason'),
    eventDate: text('event_date'),
    /**
     * The item exactly as Adyen sent it; notifications carry no card data, but may carry shopper
     * details. Null once pruned (after the retention period, or the customer's erasure): the
     * columns keep what processing and deduplication need.
     */
    item: jsonb('item'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** What processing did with it, for support (applied, ignored and why). */
    outcome: text('outcome'),
  },
  (t) => [
    // A redelivery repeats the item exactly; an item of the same reference and code with
    // another amount is another notification (the first may have been the wrong one).
    uniqueIndex('adyen_notifications_delivery_unique').on(
      t.pspReference,
      t.eventCode,
      t.success,
      t.amountValue,
      t.amountCurrency,
    ),
    index('adyen_notifications_unprocessed_idx')
      .on(t.receivedAt)
      .where(sql`${t.processedAt} is null`),
  ],
);

/** What one notification did to a payment's money; `service/ledger.ts` derives the sums. */
export const ledgerKinds = [
  'AUTHORISED',
  'CAPTURED',
  'CAPTURE_FAILED',
  'CANCELLED',
  'REFUNDED',
  'REFUND_FAILED',
  'CHARGED_BACK',
  'CHARGEBACK_REVERSED',
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/**
 * A payment's money, one row per notification that moved it: at most one per notification
 * (`notification_id` unique), so a redelivered or reprocessed notification cannot count twice.
 * Rows are only ever added; the payment's `*_amount` columns and the order's status follow
 * from them.
 */
export const paymentLedger = checkoutSchema.table(
  'payment_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id').notNull(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => adyenNotifications.id),
    kind: text('kind').$type<LedgerKind>().notNull(),
    /** The notification's own pspReference (a refund's, a capture's, the payment's). */
    pspReference: text('psp_reference').notNull(),
    amount: integer('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_ledger_notification_unique').on(t.notificationId),
    index('payment_ledger_payment_idx').on(t.paymentId),
    check(
      'payment_ledger_kind_valid',
      sql`${t.kind} in ('AUTHORISED', 'CAPTURED', 'CAPTURE_FAILED', 'CANCELLED', 'REFUNDED', 'REFUND_FAILED', 'CHARGED_BACK', 'CHARGEBACK_REVERSED')`,
    ),
    check('payment_ledger_amount_not_negative', sql`${t.amount} >= 0`),
  ],
);

export const modificationKinds = ['CAPTURE', 'REFUND', 'CANCEL'] as const;
export type ModificationKind = (typeof modificationKinds)[number];
export const modificationStatuses = ['REQUESTED', 'RECEIVED', 'SUCCEEDED', 'FAILED'] as const;
export type ModificationStatus = (typeof modificationStatuses)[number];

/**
 * Our own requests to Adyen to capture, refund or cancel a payment: written with the payment's
 * row lock held (so refunds in flight count against what is left to refund), sent after the
 * commit with the row's id as the Idempotency-Key, RECEIVED when Adyen answers `received`,
 * SUCCEEDED or FAILED by the notification that names its pspReference. A REQUESTED row whose
 * call failed is sent again by the reconciliation.
 */
export const paymentModifications = checkoutSchema.table(
  'payment_modifications',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id').notNull(),
    kind: text('kind').$type<ModificationKind>().notNull(),
    /** Null for a cancel: it voids the whole authorisation. */
    amount: integer('amount'),
    currency: char('currency', { length: 3 }).notNull(),
    status: text('status').$type<ModificationStatus>().notNull().default('REQUESTED'),
    /** Adyen's reference of the modification, from its `received` answer. */
    pspReference: text('psp_reference'),
    /** Why staff asked (a refund's reason), or why it failed. */
    reason: text('reason'),
    /** `staff:<id>`, or `system` for an automatic cancel of a late authorisation. */
    requestedBy: text('requested_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_modifications_psp_reference_unique').on(t.pspReference),
    index('payment_modifications_payment_idx').on(t.paymentId),
    index('payment_modifications_requested_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'REQUESTED'`),
    check('payment_modifications_kind_valid', sql`${t.kind} in ('CAPTURE', 'REFUND', 'CANCEL')`),
    check(
      'payment_modifications_status_valid',
      sql`${t.status} in ('REQUESTED', 'RECEIVED', 'SUCCEEDED', 'FAILED')`,
    ),
    check('payment_modifications_amount_positive', sql`${t.amount} is null or ${t.amount} > 0`),
  ],
);

export const outboxEvents = defineOutboxTable(checkoutSchema);

export type OrderRow = typeof orders.$inferSelect;
export type OrderHistoryRow = typeof orderHistory.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
export type AdyenNotificationRow = typeof adyenNotifications.$inferSelect;
export type LedgerRow = typeof paymentLedger.$inferSelect;
export type PaymentModificationRow = typeof paymentModifications.$inferSelect;
export type ShippingMethodRow = typeof shippingMethods.$inferSelect;
export type TaxRateRow = typeof taxRates.$inferSelect;
