import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { ledgerKindOf, ledgerTotals, statusFromLedger, type LedgerTotals } from './ledger.ts';
import { PaymentModifications } from './modifications.ts';
import { recordEvent, type OutboxRelay } from '@commerce-graph/events';
import { isUuid, type Logger } from '@commerce-graph/kit';
import type { PaymentProvider } from '../adyen.ts';
import type { CheckoutDb } from '../db/client.ts';
import { transitionOrder } from './order-state.ts';
import {
  adyenNotifications,
  orders,
  outboxEvents,
  paymentLedger,
  payments,
  type AdyenNotificationRow,
  type PaymentRow,
  type PaymentStatus,
} from '../db/schema.ts';

/** A transaction of the checkout database. */
export type Tx = Parameters<Parameters<CheckoutDb['transaction']>[0]>[0];

/** What inventory does with an order's reservation: sell it (PAID) or release it. */
export type OrderPaymentState = 'PAID' | 'FAILED' | 'NOT_FOUND';

/** Adyen result codes that end a payment without money: the stock goes back on sale. */
export const FAILED_RESULT_CODES = new Set(['Refused', 'Error', 'Cancelled']);

export interface AuthorisationResult {
  success: boolean;
  pspReference?: string;
  /** The amount Adyen authorised, when it says (webhooks do). */
  amount?: { value: number; currency: string };
  resultCode?: string;
  reason?: string;
}

/**
 * The payment state machine. A payment goes PENDING -> AUTHORISED (order PAID, stock sold) or
 * PENDING -> REFUSED | ERROR (order PAYMENT_FAILED, stock released); every transition is
 * conditional on the current state, so replays and out-of-order deliveries change nothing.
 */
export class PaymentService {
  /** Our capture, refund and cancel requests to Adyen. */
  readonly modifications: PaymentModifications;
  /**
   * Whether Adyen captures every authorisation at once (the default): captured is then the
   * authorised amount until CAPTURE notifications say otherwise, and an authorised order is
   * PAID. Without it an authorised order is AUTHORISED until its capture.
   */
  readonly autoCapture: boolean;

  constructor(
    private readonly db: CheckoutDb,
    private readonly relay: OutboxRelay,
    private readonly provider: PaymentProvider,
    private readonly logger: Logger,
    options: { captureMode?: 'automatic' | 'manual' } = {},
  ) {
    this.autoCapture = options.captureMode !== 'manual';
    this.modifications = new PaymentModifications(db, provider, logger);
  }

  /**
   * Gives up on payments still PENDING after `maxAgeMs` (an abandoned 3-D Secure challenge, an
   * Adyen answer that never came): the order fails, its stock goes back on sale, and Adyen is
   * asked to cancel, in case it authorised after all. Safe to run on every replica at once:
   * settling is conditional on the payment still being PENDING.
   */
  async expireStalePayments(maxAgeMs: number): Promise<number> {
    const stale = await this.db
      .select()
      .from(payments)
      .where(
        and(
          eq(payments.status, 'PENDING'),
          lt(payments.createdAt, new Date(Date.now() - maxAgeMs)),
        ),
      )
      .orderBy(asc(payments.createdAt))
      .limit(100);
    let expired = 0;
    for (const payment of stale) {
      const outcome = await this.settle(payment.id, {
        success: false,
        resultCode: 'Expired',
        reason: `Not completed within ${Math.round(maxAgeMs / 1000)} s`,
      });
      if (!outcome.startsWith('applied')) continue;
      expired++;
      await this.cancelExpired(payment);
    }
    if (expired > 0) this.logger.info({ expired }, 'expired stale payments');
    return expired;
  }

  /**
   * Settles an order's payment for good because its stock reservation expired, and says what
   * inventory must do with the stock. Under the payment's row lock, so an authorisation
   * processed at the same moment either comes first (PAID) or finds the payment EXPIRED and is
   * recorded as needing attention, exactly as after the stale-payment expiry.
   */
  async expireUnpaidOrder(orderId: string): Promise<OrderPaymentState> {
    if (!isUuid(orderId)) return 'NOT_FOUND';
    const settled = await this.db.transaction(async (tx) => {
      const [payment] = await tx
        .select()
        .from(payments)
        .where(eq(payments.orderId, orderId))
        .for('update');
      // An order and its payment are written in one transaction: no payment, no order.
      if (!payment) return { state: 'NOT_FOUND' as const };
      if (payment.status === 'AUTHORISED') return { state: 'PAID' as const };
      if (payment.status !== 'PENDING') return { state: 'FAILED' as const };
      const outcome = await this.applyAuthorisation(tx, payment, {
        success: false,
        resultCode: 'Expired',
        reason: 'The stock reservation expired before the payment completed',
      });
      if (!outcome.startsWith('applied')) {
        throw new Error(`payment ${payment.id} could not be expired: ${outcome}`);
      }
      return { state: 'FAILED' as const, expired: payment };
    });
    if (settled.expired) {
      await this.relay.flush();
      this.logger.info({ orderId, paymentId: settled.expired.id }, 'expired unpaid order');
      await this.cancelExpired(settled.expired);
    }
    return settled.state;
  }

  /** Asks Adyen to cancel an expired payment, in case it authorised after all; logs a failure. */
  private async cancelExpired(payment: PaymentRow): Promise<void> {
    await this.provider.cancelPayment(payment, `${payment.id}-cancel`).catch((error: unknown) => {
      this.logger.warn({ err: error, paymentId: payment.id }, 'cancel of expired payment failed');
    });
  }

  /** Applies a final authorisation outcome inside `tx`; returns what it did, for the record. */
  async applyAuthorisation(
    tx: Tx,
    payment: PaymentRow,
    result: AuthorisationResult,
  ): Promise<string> {
    if (result.success) {
      if (
        result.amount &&
        (result.amount.value !== payment.amount || result.amount.currency !== payment.currency)
      ) {
        // Never mark an order paid for a different sum than it costs.
        this.logger.error(
          { paymentId: payment.id, amount: result.amount },
          'authorised amount differs',
        );
        return `needs attention: authorised ${result.amount.value} ${result.amount.currency}, expected ${payment.amount} ${payment.currency}`;
      }
      const [updated] = await tx
        .update(payments)
        .set({
          status: 'AUTHORISED',
          // The first reference we learned names the payment; a notification cannot replace it.
          pspReference: payment.pspReference ?? result.pspReference,
          resultCode: 'Authorised',
          updatedAt: sql`now()`,
        })
        .where(sql`${payments.id} = ${payment.id} and ${payments.status} = 'PENDING'`)
        .returning();
      if (!updated) {
        if (payment.status !== 'AUTHORISED') {
          // Stock was already released for this order; a person must refund or re-reserve.
          this.logger.error(
            { paymentId: payment.id, status: payment.status },
            'authorised after failure',
          );
          return `needs attention: authorised while ${payment.status}`;
        }
        return 'unchanged: already authorised';
      }
      // Automatic capture: the authorisation is the payment. Manual: the order waits for its
      // capture as AUTHORISED, its stock sold all the same (checkout.payment.authorised).
      const moved = await transitionOrder(
        tx,
        this.logger,
        payment.orderId,
        this.autoCapture ? 'PAID' : 'AUTHORISED',
        `payment authorised (${updated.pspReference ?? 'no reference'})`,
      );
      if (!moved.ok) {
        // The payment is authorised but its order may not become PAID (it left PENDING_PAYMENT
        // some other way): no sale, a person must look.
        this.logger.error(
          { paymentId: payment.id, moved },
          'authorised an order that cannot be paid',
        );
        return `needs attention: authorised while the order is ${moved.reason === 'ILLEGAL' ? moved.from : 'missing'}`;
      }
      if (this.autoCapture) await this.recordPaid(tx, payment);
      await recordEvent(tx, outboxEvents, 'checkout.payment.authorised', {
        orderId: payment.orderId,
        paymentId: payment.id,
        pspReference: updated.pspReference ?? '',
        amount: { amount: payment.amount, currencyCode: payment.currency },
      });
      return 'applied: authorised';
    }

    const status: PaymentStatus =
      result.resultCode === 'Error'
        ? 'ERROR'
        : result.resultCode === 'Expired'
          ? 'EXPIRED'
          : 'REFUSED';
    const [updated] = await tx
      .update(payments)
      .set({
        status,
        pspReference: payment.pspReference ?? result.pspReference,
        resultCode: result.resultCode ?? 'Refused',
        refusalReason: result.reason ?? null,
        updatedAt: sql`now()`,
      })
      .where(sql`${payments.id} = ${payment.id} and ${payments.status} = 'PENDING'`)
      .returning();
    if (!updated) return `unchanged: payment is ${payment.status}`;
    const moved = await transitionOrder(
      tx,
      this.logger,
      payment.orderId,
      'PAYMENT_FAILED',
      `payment ${status.toLowerCase()}: ${result.reason ?? result.resultCode ?? 'Refused'}`,
    );
    if (!moved.ok) {
      if (moved.reason === 'NOT_FOUND') {
        throw new Error(`payment ${payment.id} has no order ${payment.orderId}`);
      }
      this.logger.error({ paymentId: payment.id, moved }, 'a failed payment of a settled order');
      return `needs attention: payment ${status.toLowerCase()} while the order is ${moved.from}`;
    }
    await recordEvent(tx, outboxEvents, 'checkout.payment.failed', {
      orderId: payment.orderId,
      cartId: moved.order.cartId,
      paymentId: payment.id,
      reason: result.reason ?? result.resultCode ?? 'Refused',
    });
    return `applied: ${status.toLowerCase()}`;
  }

  /** The payment's authorisation was cancelled at Adyen: no money was taken. */
  private async markCancelled(tx: Tx, payment: PaymentRow): Promise<void> {
    await tx
      .update(payments)
      .set({ status: 'CANCELLED', resultCode: 'Cancelled', updatedAt: sql`now()` })
      .where(eq(payments.id, payment.id));
  }

  /** `checkout.order.paid`: the order's money is captured (all of it, or a first part). */
  private async recordPaid(tx: Tx, payment: PaymentRow): Promise<void> {
    await recordEvent(tx, outboxEvents, 'checkout.order.paid', {
      orderId: payment.orderId,
      paymentId: payment.id,
      total: { amount: payment.amount, currencyCode: payment.currency },
    });
  }

  /** Records a non-final result (a 3-D Secure challenge, say) without changing the state. */
  async recordResult(paymentId: string, result: { resultCode: string; pspReference?: string }) {
    await this.db
      .update(payments)
      .set({
        resultCode: result.resultCode,
        pspReference: sql`coalesce(${result.pspReference ?? null}, ${payments.pspReference})`,
        updatedAt: sql`now()`,
      })
      .where(eq(payments.id, paymentId));
  }

  /** Applies a final outcome in its own transaction and publishes the resulting events. */
  async settle(paymentId: string, result: AuthorisationResult): Promise<string> {
    const outcome = await this.db.transaction(async (tx) => {
      const [payment] = await tx
        .select()
        .from(payments)
        .where(eq(payments.id, paymentId))
        .for('update');
      if (!payment) throw new Error(`payment ${paymentId} vanished`);
      return this.applyAuthorisation(tx, payment, result);
    });
    await this.relay.flush();
    return outcome;
  }

  /**
   * Processes one stored Adyen notification, once: the row is locked, applied and marked
   * processed in one transaction, under the payment's row lock. An AUTHORISATION failure
   * refuses the payment; every notification that moves money adds one entry to the payment's
   * ledger (never two: the entry is keyed by the notification), the payment's sums and the
   * order's status follow from the whole ledger, so duplicates and any delivery order end the
   * same. Unknown payments and codes without money are recorded with an outcome and ignored.
   */
  async processNotification(notificationId: string): Promise<string> {
    const { outcome, cancel } = await this.db.transaction(
      async (
        tx,
      ): Promise<{
        outcome: string;
        cancel?: string;
      }> => {
        const [notification] = await tx
          .select()
          .from(adyenNotifications)
          .where(eq(adyenNotifications.id, notificationId))
          .for('update');
        if (!notification) return { outcome: 'ignored: no such notification' };
        if (notification.processedAt) {
          return { outcome: notification.outcome ?? 'already processed' };
        }
        const applied = await this.applyNotification(tx, notification);
        await tx
          .update(adyenNotifications)
          .set({
            processedAt: sql`now()`,
            outcome: applied.outcome,
            // The body of a notification that arrived while its order was being erased (GDPR).
            item: applied.orderId
              ? sql`case when exists (select 1 from ${orders} where ${orders.id} = ${applied.orderId}
                and ${orders.anonymisedAt} is not null) then null else ${adyenNotifications.item} end`
              : sql`${adyenNotifications.item}`,
          })
          .where(eq(adyenNotifications.id, notificationId));
        return applied;
      },
    );
    await this.relay.flush();
    if (cancel) await this.modifications.send(cancel);
    this.logger.info({ notificationId, outcome }, 'adyen notification processed');
    return outcome;
  }

  /** What one notification does, inside the transaction that marks it processed. */
  private async applyNotification(
    tx: Tx,
    notification: AdyenNotificationRow,
  ): Promise<{ outcome: string; cancel?: string; orderId?: string }> {
    const payment = await this.findPayment(
      tx,
      notification.originalReference ?? notification.pspReference,
      notification.merchantReference,
    );
    if (!payment) return { outcome: 'ignored: no payment matches' };
    return { ...(await this.applyToPayment(tx, notification, payment)), orderId: payment.orderId };
  }

  /** What one notification does to the payment it names. */
  private async applyToPayment(
    tx: Tx,
    notification: AdyenNotificationRow,
    payment: PaymentRow,
  ): Promise<{ outcome: string; cancel?: string }> {
    const { eventCode, success } = notification;
    if (eventCode === 'AUTHORISATION' && !success) {
      return {
        outcome: await this.applyAuthorisation(tx, payment, {
          success: false,
          pspReference: notification.pspReference,
          resultCode: 'Refused',
          reason: notification.reason ?? undefined,
        }),
      };
    }
    await this.modifications.settleByNotification(tx, notification);

    const entries = await tx
      .select({
        kind: paymentLedger.kind,
        amount: paymentLedger.amount,
        pspReference: paymentLedger.pspReference,
      })
      .from(paymentLedger)
      .where(eq(paymentLedger.paymentId, payment.id));
    const before = ledgerTotals(entries, this.autoCapture);
    const item = notification.item as { additionalData?: Record<string, unknown> } | null;
    const action = item?.additionalData?.['modification.action'];
    const kind = ledgerKindOf(
      { eventCode, success, modificationAction: typeof action === 'string' ? action : null },
      before.captured,
    );
    if (!kind) return { outcome: `recorded: ${eventCode} (success ${success}) moves no money` };
    const amount = notification.amountValue ?? 0;
    if (notification.amountCurrency !== payment.currency || amount < 0) {
      this.logger.error(
        { paymentId: payment.id, notificationId: notification.id },
        'notification in another currency than its payment',
      );
      return {
        outcome: `needs attention: ${eventCode} of ${amount} ${notification.amountCurrency}, the payment is in ${payment.currency}`,
      };
    }
    if (kind === 'AUTHORISED' && entries.some((e) => e.kind === 'AUTHORISED')) {
      // A payment is authorised once; another AUTHORISATION of it adds no money.
      return { outcome: 'unchanged: already authorised in the ledger' };
    }
    if (kind === 'AUTHORISED' && amount !== payment.amount) {
      // Never mark an order paid for a different sum than it costs.
      this.logger.error({ paymentId: payment.id, amount }, 'authorised amount differs');
      return {
        outcome: `needs attention: authorised ${amount} ${payment.currency}, expected ${payment.amount} ${payment.currency}`,
      };
    }
    await tx
      .insert(paymentLedger)
      .values({
        paymentId: payment.id,
        orderId: payment.orderId,
        notificationId: notification.id,
        kind,
        pspReference: notification.pspReference,
        amount,
        currency: payment.currency,
      })
      .onConflictDoNothing({ target: paymentLedger.notificationId });
    const totals = ledgerTotals([...entries, { kind, amount }], this.autoCapture);
    await tx
      .update(payments)
      .set({
        authorisedAmount: totals.authorised,
        capturedAmount: totals.captured,
        refundedAmount: totals.refunded,
        chargedBackAmount: totals.chargedBack,
        updatedAt: sql`now()`,
      })
      .where(eq(payments.id, payment.id));
    const entry = `${kind.toLowerCase().replace('_', ' ')} ${amount} ${payment.currency}`;

    let applied = `applied: ${entry}`;
    if (kind === 'AUTHORISED') {
      if (payment.status === 'PENDING') {
        applied = await this.applyAuthorisation(tx, payment, {
          success: true,
          pspReference: notification.pspReference,
        });
        if (!applied.startsWith('applied')) return { outcome: applied };
      } else if (payment.status !== 'AUTHORISED') {
        // The order failed or expired first and its stock is back on sale: the money must go
        // back too. Adyen is asked to cancel (or refund, once captured) the authorisation.
        const cancel = await this.modifications.requestCancel(tx, payment, 'late authorisation');
        this.logger.warn(
          { paymentId: payment.id, status: payment.status },
          'authorised after the payment ended: cancel requested',
        );
        return { outcome: `applied: ${entry} after ${payment.status}, cancel requested`, cancel };
      }
    }
    const moved = await this.followLedger(tx, payment, before, totals, notification.pspReference);
    return { outcome: `${applied}${moved}` };
  }

  /**
   * Moves the order to the status its ledger implies, with its history row and event: a
   * refund or chargeback (`checkout.order.refunded`), a cancelled authorisation
   * (`checkout.order.cancelled`), money given back again (a failed refund, a reversed
   * chargeback). Orders that ended without payment keep their status. Returns a note for the
   * notification's outcome.
   */
  private async followLedger(
    tx: Tx,
    payment: PaymentRow,
    before: LedgerTotals,
    totals: LedgerTotals,
    pspReference: string,
  ): Promise<string> {
    const [order] = await tx
      .select({ status: orders.status, carrier: orders.carrier, cartId: orders.cartId })
      .from(orders)
      .where(eq(orders.id, payment.orderId));
    if (!order || order.status === 'PAYMENT_FAILED' || order.status === 'PENDING_PAYMENT') {
      return '';
    }
    if (order.status === 'CANCELLED') {
      // Cancelled by staff first: the authorisation's cancellation still ends the payment.
      if (totals.cancelled && payment.status === 'AUTHORISED')
        await this.markCancelled(tx, payment);
      return '';
    }
    const target = statusFromLedger(totals, order.carrier !== null);
    if (!target) return '';
    let via = '';
    if (order.status === 'AUTHORISED' && target !== 'AUTHORISED' && target !== 'CANCELLED') {
      // Captured (manual capture): PAID first, with its event, whatever follows.
      const paid = await transitionOrder(
        tx,
        this.logger,
        payment.orderId,
        'PAID',
        `payment captured ${totals.captured} of ${totals.authorised} (${pspReference})`,
      );
      if (!paid.ok) return '; needs attention: a captured order that cannot be PAID';
      await this.recordPaid(tx, payment);
      order.status = 'PAID';
      via = '; order AUTHORISED -> PAID';
      if (target === 'PAID') return via;
    }
    const back = totals.refunded + totals.chargedBack;
    // Another partial refund is a move of its own (PARTIALLY_REFUNDED again, in the history).
    const more = back !== before.refunded + before.chargedBack;
    if (target === order.status && !(target === 'PARTIALLY_REFUNDED' && more)) return via;
    const moved = await transitionOrder(
      tx,
      this.logger,
      payment.orderId,
      target,
      `${target === 'CANCELLED' ? 'authorisation cancelled' : `money back ${back} of ${totals.captured}`} (${pspReference})`,
    );
    if (!moved.ok) {
      this.logger.error({ paymentId: payment.id, moved }, 'ledger implies an illegal move');
      return `; needs attention: the order is ${moved.reason === 'ILLEGAL' ? moved.from : 'missing'}, the ledger says ${target}`;
    }
    if (target === 'CANCELLED') {
      await this.markCancelled(tx, payment);
      await recordEvent(tx, outboxEvents, 'checkout.order.cancelled', {
        orderId: payment.orderId,
        cartId: order.cartId,
        reason: 'payment cancelled at Adyen',
        paid: true,
      });
    } else if (target === 'PARTIALLY_REFUNDED' || target === 'REFUNDED') {
      await recordEvent(tx, outboxEvents, 'checkout.order.refunded', {
        orderId: payment.orderId,
        paymentId: payment.id,
        refunded: { amount: back, currencyCode: payment.currency },
        captured: { amount: totals.captured, currencyCode: payment.currency },
        full: target === 'REFUNDED',
      });
    }
    return `${via}; order ${moved.from} -> ${target}`;
  }

  /**
   * A notification names the payment by pspReference, but it can overtake the /payments answer
   * that tells us that reference: fall back to the merchant reference, which is the order id.
   */
  private async findPayment(tx: Tx, pspReference: string, merchantReference: string) {
    const [byPsp] = await tx
      .select()
      .from(payments)
      .where(eq(payments.pspReference, pspReference))
      .for('update');
    if (byPsp) return byPsp;
    if (!isUuid(merchantReference)) return undefined;
    const [byOrder] = await tx
      .select()
      .from(payments)
      .where(eq(payments.orderId, merchantReference))
      .for('update');
    return byOrder;
  }
}
