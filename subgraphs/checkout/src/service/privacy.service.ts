import { and, asc, eq, getTableColumns, isNotNull, or, sql } from 'drizzle-orm';
import { anyOf, isUuid, toPlainJson, type PlainJson } from '@commerce-graph/kit';
import type { CheckoutDb } from '../db/client.ts';
import {
  adyenNotifications,
  idempotencyKeys,
  orderHistory,
  orderLines,
  orders,
  paymentLedger,
  paymentModifications,
  payments,
  type StoredOrderAddress,
} from '../db/schema.ts';

/** A stored address reduced to `{ countryCode }` (null stays null). */
const countryOnly = (column: typeof orders.shippingAddress | typeof orders.billingAddress) =>
  sql<StoredOrderAddress | null>`case when ${column} is null then null else jsonb_build_object('countryCode', ${column}->'countryCode') end`;

/** How long Adyen notification bodies are kept by default (`NOTIFICATION_RETENTION_DAYS`). */
export const DEFAULT_NOTIFICATION_RETENTION_DAYS = 90;
/** Most notification bodies one retention run prunes; the next run takes the rest. */
const PRUNE_BATCH = 1000;

/**
 * GDPR for checkout: what it holds about a customer (orders by `orders.customer_id`, their
 * lines, payments and Adyen notifications) for the export; anonymisation on erasure; and the
 * retention of stored notification bodies.
 */
export class CheckoutPrivacyService {
  constructor(private readonly db: CheckoutDb) {}

  /**
   * The customer's orders, lines, payments (with their ledger and our refund and cancel
   * requests) and notifications as plain JSON. The order's access
   * key hash is a secret, not data about the customer, and is left out; payments hold no card
   * data.
   */
  async personalData(customerId: string): Promise<PlainJson> {
    const empty = {
      orders: [],
      orderLines: [],
      orderHistory: [],
      payments: [],
      paymentLedger: [],
      paymentModifications: [],
      adyenNotifications: [],
    };
    if (!isUuid(customerId)) return empty;
    const { accessKeyHash: _secret, ...orderColumns } = getTableColumns(orders);
    const owned = await this.db
      .select(orderColumns)
      .from(orders)
      .where(eq(orders.customerId, customerId.toLowerCase()))
      .orderBy(asc(orders.createdAt), asc(orders.id));
    const orderIds = owned.map((order) => order.id);
    if (orderIds.length === 0) return empty;
    const [lines, history, paid, ledger, modifications, notifications] = await Promise.all([
      this.db
        .select()
        .from(orderLines)
        .where(anyOf(orderLines.orderId, orderIds))
        .orderBy(asc(orderLines.orderId), asc(orderLines.position)),
      this.db
        .select()
        .from(orderHistory)
        .where(anyOf(orderHistory.orderId, orderIds))
        .orderBy(asc(orderHistory.orderId), asc(orderHistory.at), asc(orderHistory.id)),
      this.db
        .select()
        .from(payments)
        .where(anyOf(payments.orderId, orderIds))
        .orderBy(asc(payments.createdAt)),
      this.db
        .select()
        .from(paymentLedger)
        .where(anyOf(paymentLedger.orderId, orderIds))
        .orderBy(asc(paymentLedger.createdAt), asc(paymentLedger.id)),
      this.db
        .select()
        .from(paymentModifications)
        .where(anyOf(paymentModifications.orderId, orderIds))
        .orderBy(asc(paymentModifications.createdAt), asc(paymentModifications.id)),
      this.db
        .select()
        .from(adyenNotifications)
        .where(this.notificationsOf(orderIds))
        .orderBy(asc(adyenNotifications.receivedAt), asc(adyenNotifications.id)),
    ]);
    return toPlainJson({
      orders: owned,
      orderLines: lines,
      orderHistory: history,
      payments: paid,
      paymentLedger: ledger,
      paymentModifications: modifications,
      adyenNotifications: notifications,
    });
  }

  /**
   * Anonymises the customer's orders: lines, amounts, payments and statuses stay (tax law), the
   * email and the link to the customer are cleared, the addresses keep only their country code, `anonymised_at` is set, and the stored
   * notification bodies of those orders are pruned. Answers how many orders it anonymised;
   * idempotent, a second call finds none.
   */
  async eraseCustomer(customerId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      // Lock the orders' notifications before the orders, in the webhook worker's order
      // (notification, payment, order): an erasure racing a notification of the same order then
      // waits for it instead of deadlocking.
      const owned = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(eq(orders.customerId, customerId.toLowerCase()));
      const locked =
        owned.length === 0
          ? []
          : await tx
              .select({ id: adyenNotifications.id })
              .from(adyenNotifications)
              .where(this.notificationsOf(owned.map((order) => order.id)))
              .orderBy(asc(adyenNotifications.id))
              .for('update');
      const anonymised = await tx
        .update(orders)
        .set({
          email: null,
          customerId: null,
          // The addresses name a person: only their countries stay, which VAT reporting needs.
          shippingAddress: countryOnly(orders.shippingAddress),
          billingAddress: countryOnly(orders.billingAddress),
          anonymisedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(orders.customerId, customerId.toLowerCase()))
        .returning({ id: orders.id });
      const orderIds = anonymised.map((order) => order.id);
      // The customer's request keys name them (the scope is their id): gone with the account.
      await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.scope, customerId.toLowerCase()));
      // Only the notifications locked above: one that arrived since is being processed under
      // its own lock (waiting for it here would deadlock with its wait for the order), and the
      // worker drops its body itself once it sees the order anonymised.
      if (orderIds.length > 0 && locked.length > 0) {
        await tx
          .update(adyenNotifications)
          .set({ item: null })
          .where(
            and(
              anyOf(
                adyenNotifications.id,
                locked.map((row) => row.id),
              ),
              isNotNull(adyenNotifications.item),
            ),
          );
      }
      return orderIds.length;
    });
  }

  /**
   * Retention: drops the stored bodies (`item`) of processed notifications received more than
   * `retentionMs` ago, at most `PRUNE_BATCH` per call. The rows stay, with the columns that
   * deduplicate a redelivery (psp_reference, event_code, success) and the outcome, so a late
   * redelivery is still recognised. Answers how many bodies it pruned.
   */
  async pruneNotificationBodies(retentionMs: number): Promise<number> {
    const cutoff = new Date(Date.now() - retentionMs);
    const due = this.db
      .select({ id: adyenNotifications.id })
      .from(adyenNotifications)
      .where(
        and(
          isNotNull(adyenNotifications.item),
          isNotNull(adyenNotifications.processedAt),
          sql`${adyenNotifications.receivedAt} < ${cutoff.toISOString()}`,
        ),
      )
      .limit(PRUNE_BATCH);
    const pruned = await this.db
      .update(adyenNotifications)
      .set({ item: null })
      .where(sql`${adyenNotifications.id} in (${due})`)
      .returning({ id: adyenNotifications.id });
    return pruned.length;
  }

  /** Notifications about these orders: by merchant reference (the order id) or psp reference. */
  private notificationsOf(orderIds: string[]) {
    const pspReferences = this.db
      .select({ pspReference: payments.pspReference })
      .from(payments)
      .where(and(anyOf(payments.orderId, orderIds), sql`${payments.pspReference} is not null`));
    return or(
      anyOf(adyenNotifications.merchantReference, orderIds),
      sql`${adyenNotifications.pspReference} in (${pspReferences})`,
    );
  }
}
