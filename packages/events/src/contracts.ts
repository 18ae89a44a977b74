import { z } from 'zod';

const id = z.uuid();
const money = z.object({
  amount: z.number().int().nonnegative(),
  currencyCode: z.string().length(3),
});

/**
 * An admin action done in one subgraph, for identity's audit log: who did it (a staff member or
 * a partner key), what to which target, and where the request came from. Only what was done
 * goes here, never a secret.
 */
export const adminActionPayload = z.object({
  actor: z.object({ kind: z.enum(['staff', 'partner']), id }),
  /** The mutation's name, such as `adjustStock`. */
  action: z.string().min(1).max(100),
  target: z.object({ type: z.string().min(1).max(100), id: z.string().min(1).max(200) }),
  details: z.record(z.string(), z.unknown()),
  network: z.string().max(100).optional(),
  requestId: z.string().max(200).optional(),
});
export type AdminAction = z.output<typeof adminActionPayload>;

/**
 * Every event that crosses a subgraph boundary, with its payload schema. Names read
 * `<producer>.<aggregate>.<past-tense verb>`; payloads carry ids, never another domain's rows.
 */
export const eventPayloads = {
  /** An order was created and its stock reserved; the cart it came from is spent. */
  'checkout.order.placed': z.object({
    orderId: id,
    cartId: id,
    lines: z.array(z.object({ variantId: id, quantity: z.number().int().positive() })).min(1),
    total: money,
  }),
  /** The payment provider authorised the order's payment: reserved stock becomes a sale. */
  'checkout.payment.authorised': z.object({
    orderId: id,
    paymentId: id,
    pspReference: z.string().min(1),
    amount: money,
  }),
  /**
   * The payment failed for good (refused, errored, expired): reserved stock goes back on sale and
   * the cart opens again, so the shopper can pay another way.
   */
  'checkout.payment.failed': z.object({
    orderId: id,
    cartId: id,
    paymentId: id,
    reason: z.string(),
  }),
  /**
   * placeOrder gave up on an order it never wrote, after it may have reserved its stock or
   * redeemed its cart's discount code, and could not give those back at once (inventory or the
   * cart did not answer). Inventory releases the order's reservation and the cart its discount
   * redemption; both leave a RELEASED marker, so a reserve or redemption that commits later
   * undoes itself. Never recorded for an order that exists: such an order fails by
   * `checkout.payment.failed` instead.
   */
  'checkout.order.abandoned': z.object({
    orderId: id,
    /** The cart the order was being placed from; it stays open (it was never checked out). */
    cartId: id,
    /** Why checkout gave up, for the consumers' logs, such as `inventory: unreachable at ...`. */
    reason: z.string().min(1).max(1000),
  }),
  /**
   * The order's payment was authorised (Adyen captures automatically): the order is PAID.
   * Recorded in the transaction of the transition, beside `checkout.payment.authorised`.
   */
  'checkout.order.paid': z.object({
    orderId: id,
    paymentId: id,
    total: money,
  }),
  /**
   * Staff cancelled the order. An unpaid one's payment was cancelled with it (and its stock is
   * released through `checkout.payment.failed`); a paid one keeps its sold stock and is owed a
   * refund (`paid`: true), which is the payments issue's.
   */
  'checkout.order.cancelled': z.object({
    orderId: id,
    cartId: id,
    reason: z.string().min(1).max(1000),
    paid: z.boolean(),
  }),
  /**
   * Money of a paid order went back to the shopper (a refund or a chargeback, by Adyen's
   * notification): `refunded` in all so far, of `captured`; `full` when nothing is left.
   */
  'checkout.order.refunded': z.object({
    orderId: id,
    paymentId: id,
    refunded: money,
    captured: money,
    full: z.boolean(),
  }),
  /** Staff marked the order shipped, with its carrier and tracking number. */
  'checkout.order.fulfilled': z.object({
    orderId: id,
    carrier: z.string().min(1).max(100),
    trackingNumber: z.string().min(1).max(100),
  }),
  /** Staff changed an order (fulfilled, cancelled): identity records it in the audit log. */
  'checkout.admin-action.recorded': adminActionPayload,
  /**
   * A mail with a single-use token must reach a customer: a password reset they asked for, or
   * the verification of their address. Carries the token itself (identity stores only its hash),
   * so the payload is never logged.
   */
  'identity.email.requested': z.object({
    customerId: id,
    to: z.string().min(3).max(254),
    template: z.enum(['password-reset', 'email-verification']),
    token: z.string().min(32).max(128),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
  /**
   * A customer's account was erased (GDPR): identity anonymised it in the same transaction.
   * Every other subgraph erases or anonymises what it holds about that customer id.
   */
  'identity.customer.erased': z.object({
    customerId: id,
  }),
  /**
   * The price in force of a variant in a currency changed: set by staff, or a scheduled price
   * began or ended. `compareAt` is the struck-through price, when there is one.
   */
  'products.price.changed': z.object({
    variantId: id,
    productId: id,
    price: money,
    compareAt: money.nullable(),
    effectiveAt: z.iso.datetime({ offset: true }),
  }),
  /**
   * Whether variants can be bought changed (their availability crossed zero, or stock was
   * loaded): products keeps it for search's in-stock filter.
   */
  'inventory.availability.changed': z.object({
    changes: z
      .array(
        z.object({
          variantId: id,
          inStock: z.boolean(),
          /**
           * Grows with every availability change inventory records (a Postgres sequence): a
           * consumer keeps the highest it applied per variant and ignores a lower one, so the
           * order of delivery does not matter. Optional while older events may still be queued.
           */
          sequence: z.number().int().positive().optional(),
        }),
      )
      .min(1)
      .max(1000),
  }),
  /** A staff member or a partner key changed stock: identity records it in the audit log. */
  'inventory.admin-action.recorded': adminActionPayload,
  /** A staff member changed the catalog: identity records it in the audit log. */
  'products.admin-action.recorded': adminActionPayload,
} as const;

export type EventName = keyof typeof eventPayloads;
export type EventPayload<N extends EventName> = z.output<(typeof eventPayloads)[N]>;

/** What travels on the queue: the payload plus the id consumers deduplicate on. */
export interface EventEnvelope<N extends EventName = EventName> {
  id: string;
  name: N;
  occurredAt: string;
  payload: EventPayload<N>;
}

/** The services that consume events; each has one queue of its own. */
export type Consumer = 'products' | 'inventory' | 'cart' | 'checkout' | 'identity';

/** Every consumer, for tools that visit all queues (dead letters). */
export const consumers = [
  'products',
  'inventory',
  'cart',
  'checkout',
  'identity',
] as const satisfies readonly Consumer[];

/** Who receives what. A producer never needs to know this; the bus reads it. */
export const subscriptions: Record<EventName, readonly Consumer[]> = {
  // Identity turns order and product events into partners' webhooks.
  'checkout.order.placed': ['cart', 'identity'],
  'checkout.payment.authorised': ['inventory'],
  'checkout.payment.failed': ['inventory', 'cart'],
  // The durable give-back of a failed placeOrder: the reservation and the discount redemption.
  'checkout.order.abandoned': ['inventory', 'cart'],
  // Identity mails its own customers: the worker hands the mail to the sender.
  'identity.email.requested': ['identity'],
  // Erasure reaches every subgraph that keeps data by customer id.
  'identity.customer.erased': ['cart', 'checkout'],
  // Identity keeps the audit log of admin actions, wherever they happen.
  'inventory.admin-action.recorded': ['identity'],
  'checkout.admin-action.recorded': ['identity'],
  // Order lifecycle events: only partners' webhooks (the stock of a cancelled unpaid order is
  // released through checkout.payment.failed).
  'checkout.order.paid': ['identity'],
  'checkout.order.cancelled': [],
  'checkout.order.fulfilled': [],
  // For a returns desk or accounting; stock stays sold (a return is its own process).
  'checkout.order.refunded': ['identity'],
  'products.admin-action.recorded': ['identity'],
  // Partners' product.updated webhooks; the cart reads prices live.
  'products.price.changed': ['identity'],
  // Search's in-stock filter.
  'inventory.availability.changed': ['products'],
};

/** The BullMQ queue that feeds one consumer. */
export function eventQueueName(consumer: Consumer): string {
  return `events-${consumer}`;
}
