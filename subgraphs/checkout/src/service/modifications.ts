/**
 * Our own requests to Adyen to capture, refund or cancel a payment (`payment_modifications`): written
 * under the payment's row lock, sent after the commit with the row's id as Idempotency-Key,
 * settled by the notification that answers them, sent again by the reconciliation while Adyen
 * has not answered.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { isUuid, type Logger } from '@commerce-graph/kit';
import { AdyenRequestError, type PaymentProvider } from '../adyen.ts';
import type { CheckoutDb } from '../db/client.ts';
import {
  paymentLedger,
  paymentModifications,
  payments,
  type AdyenNotificationRow,
  type ModificationKind,
  type PaymentModificationRow,
  type PaymentRow,
} from '../db/schema.ts';
import { ledgerTotals } from './ledger.ts';
import type { Tx } from './payment.service.ts';

/** Modification notifications and whether each one's success means the request succeeded. */
const ANSWERS: Record<string, 'SUCCEEDED' | 'FAILED' | 'BY_SUCCESS'> = {
  CAPTURE: 'BY_SUCCESS',
  CAPTURE_FAILED: 'FAILED',
  CANCELLATION: 'BY_SUCCESS',
  TECHNICAL_CANCEL: 'BY_SUCCESS',
  CANCEL_OR_REFUND: 'BY_SUCCESS',
  REFUND: 'BY_SUCCESS',
  REFUND_FAILED: 'FAILED',
};

/** Refund requests not yet answered by a notification: they count against what is left. */
const IN_FLIGHT = ['REQUESTED', 'RECEIVED'] as const;

/** How long a request may wait for Adyen's answer before the reconciliation sends it again. */
export const RESEND_AFTER_MS = 30_000;

export class PaymentModifications {
  constructor(
    private readonly db: CheckoutDb,
    private readonly provider: PaymentProvider,
    private readonly logger: Logger,
  ) {}

  /** The amount of a payment's requests of `kind` not yet answered by a notification. */
  private async inFlight(tx: Tx, payment: PaymentRow, kind: ModificationKind): Promise<number> {
    const [row] = await tx
      .select({ amount: sql<number>`coalesce(sum(${paymentModifications.amount}), 0)::int` })
      .from(paymentModifications)
      .where(
        and(
          eq(paymentModifications.paymentId, payment.id),
          eq(paymentModifications.kind, kind),
          inArray(paymentModifications.status, IN_FLIGHT),
        ),
      );
    return row?.amount ?? 0;
  }

  /**
   * What can still be refunded of a payment, under its row lock (the caller holds it): what
   * was captured, less what was refunded or charged back, less refunds in flight.
   */
  async refundable(tx: Tx, payment: PaymentRow): Promise<number> {
    const inFlight = await this.inFlight(tx, payment, 'REFUND');
    return Math.max(
      0,
      payment.capturedAmount - payment.refundedAmount - payment.chargedBackAmount - inFlight,
    );
  }

  /**
   * What can still be captured of an authorisation (manual capture), under the payment's row
   * lock: what Adyen authorised, less what was captured, less captures in flight.
   */
  async capturable(tx: Tx, payment: PaymentRow): Promise<number> {
    const inFlight = await this.inFlight(tx, payment, 'CAPTURE');
    return Math.max(0, payment.authorisedAmount - payment.capturedAmount - inFlight);
  }

  /** Writes a capture or refund request (the caller checked it under the payment's lock). */
  async request(
    tx: Tx,
    payment: PaymentRow,
    kind: 'CAPTURE' | 'REFUND',
    request: { amount: number; reason: string; requestedBy: string },
  ): Promise<PaymentModificationRow> {
    const [row] = await tx
      .insert(paymentModifications)
      .values({
        id: randomUUID(),
        paymentId: payment.id,
        orderId: payment.orderId,
        kind,
        amount: request.amount,
        currency: payment.currency,
        reason: request.reason,
        requestedBy: request.requestedBy,
      })
      .returning();
    return row!;
  }

  /**
   * Writes the cancel (or refund, once captured) of a payment's authorisation, unless one was
   * asked for already: for an authorisation that came after its order ended, or a paid order
   * staff cancelled. Returns the request's id, to `send` after commit.
   */
  async requestCancel(
    tx: Tx,
    payment: PaymentRow,
    reason: string,
    requestedBy = 'system',
  ): Promise<string | undefined> {
    const [existing] = await tx
      .select({ id: paymentModifications.id })
      .from(paymentModifications)
      .where(
        and(
          eq(paymentModifications.paymentId, payment.id),
          eq(paymentModifications.kind, 'CANCEL'),
          inArray(paymentModifications.status, [...IN_FLIGHT, 'SUCCEEDED']),
        ),
      );
    if (existing) return undefined;
    const id = randomUUID();
    await tx.insert(paymentModifications).values({
      id,
      paymentId: payment.id,
      orderId: payment.orderId,
      kind: 'CANCEL',
      currency: payment.currency,
      reason,
      requestedBy,
    });
    return id;
  }

  /**
   * Sends a REQUESTED modification to Adyen. `received` makes it RECEIVED with Adyen's
   * reference; a refusal (a 4xx that is not a duplicate in flight) makes it FAILED; anything
   * else leaves it REQUESTED for the reconciliation to send again with the same key.
   */
  async send(modificationId: string): Promise<PaymentModificationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(paymentModifications)
      .where(eq(paymentModifications.id, modificationId));
    if (!row || row.status !== 'REQUESTED') return row;
    const [payment] = await this.db.select().from(payments).where(eq(payments.id, row.paymentId));
    if (!payment) return row;
    try {
      const request = {
        paymentPspReference: payment.pspReference ?? '',
        modificationId: row.id,
        amount: { value: row.amount ?? 0, currency: row.currency },
      };
      const answer =
        row.kind === 'REFUND'
          ? await this.provider.refundPayment(request)
          : row.kind === 'CAPTURE'
            ? await this.provider.capturePayment(request)
            : payment.pspReference
              ? await this.provider.reversePayment(payment.pspReference, row.id)
              : await this.provider.cancelPayment(payment, row.id);
      const [updated] = await this.db
        .update(paymentModifications)
        .set({
          status: 'RECEIVED',
          pspReference: answer?.pspReference ?? null,
          updatedAt: sql`now()`,
        })
        // The answering notification may have come first and settled it already.
        .where(
          and(eq(paymentModifications.id, row.id), eq(paymentModifications.status, 'REQUESTED')),
        )
        .returning();
      return updated ?? row;
    } catch (error) {
      if (error instanceof AdyenRequestError && !error.transient) {
        this.logger.error(
          { err: error, modificationId: row.id, kind: row.kind },
          'Adyen refused a modification',
        );
        const [failed] = await this.db
          .update(paymentModifications)
          .set({
            status: 'FAILED',
            reason: `refused by Adyen: ${error.message}`.slice(0, 1000),
            updatedAt: sql`now()`,
          })
          .where(
            and(eq(paymentModifications.id, row.id), eq(paymentModifications.status, 'REQUESTED')),
          )
          .returning();
        return failed ?? row;
      }
      this.logger.warn(
        { err: error, modificationId: row.id, kind: row.kind },
        'modification not sent: the reconciliation sends it again',
      );
      return row;
    }
  }

  /**
   * Settles the request a modification notification answers, inside its transaction: found by
   * Adyen's reference, or by our reference (the request's id), which Adyen sends back as the
   * notification's merchantReference; a notification can overtake the `received` answer.
   */
  async settleByNotification(tx: Tx, notification: AdyenNotificationRow): Promise<void> {
    const answer = ANSWERS[notification.eventCode];
    if (!answer) return;
    const status =
      answer === 'BY_SUCCESS' ? (notification.success ? 'SUCCEEDED' : 'FAILED') : answer;
    const ours = isUuid(notification.merchantReference)
      ? eq(paymentModifications.id, notification.merchantReference.toLowerCase())
      : undefined;
    await tx
      .update(paymentModifications)
      .set({
        status,
        pspReference: sql`coalesce(${paymentModifications.pspReference}, ${notification.pspReference})`,
        reason:
          status === 'FAILED'
            ? (notification.reason ?? 'failed at Adyen')
            : sql`${paymentModifications.reason}`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          or(eq(paymentModifications.pspReference, notification.pspReference), ours),
          inArray(paymentModifications.status, IN_FLIGHT),
        ),
      );
  }

  /**
   * The reconciliation, safe on every replica at once: sends again the requests Adyen has not
   * answered after `RESEND_AFTER_MS`, and puts right a payment whose sums disagree with its
   * ledger (logged: it means a bug or a hand edit). Returns what it did.
   */
  async reconcile(autoCapture: boolean): Promise<{ resent: number; repaired: number }> {
    const stale = await this.db
      .select({ id: paymentModifications.id })
      .from(paymentModifications)
      .where(
        and(
          eq(paymentModifications.status, 'REQUESTED'),
          lt(paymentModifications.createdAt, new Date(Date.now() - RESEND_AFTER_MS)),
        ),
      )
      .orderBy(asc(paymentModifications.createdAt))
      .limit(100);
    let resent = 0;
    for (const { id } of stale) {
      const row = await this.send(id);
      if (row && row.status !== 'REQUESTED') resent++;
    }
    const drifted = await this.db.execute<{ id: string }>(sql`
      select p.id from ${payments} p
      left join ${paymentLedger} l on l.payment_id = p.id
      group by p.id
      having p.authorised_amount <> coalesce(sum(l.amount) filter (where l.kind = 'AUTHORISED'), 0)
          or p.refunded_amount <> greatest(0,
               coalesce(sum(l.amount) filter (where l.kind = 'REFUNDED'), 0)
             - coalesce(sum(l.amount) filter (where l.kind = 'REFUND_FAILED'), 0))
      limit 100`);
    let repaired = 0;
    for (const { id } of drifted) {
      await this.db.transaction(async (tx) => {
        const [payment] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
        if (!payment) return;
        const entries = await tx
          .select({ kind: paymentLedger.kind, amount: paymentLedger.amount })
          .from(paymentLedger)
          .where(eq(paymentLedger.paymentId, id));
        const totals = ledgerTotals(entries, autoCapture);
        this.logger.error(
          { paymentId: id, stored: payment, ledger: totals },
          'payment sums disagreed with the ledger: repaired',
        );
        await tx
          .update(payments)
          .set({
            authorisedAmount: totals.authorised,
            capturedAmount: totals.captured,
            refundedAmount: totals.refunded,
            chargedBackAmount: totals.chargedBack,
            updatedAt: sql`now()`,
          })
          .where(eq(payments.id, id));
        repaired++;
      });
    }
    return { resent, repaired };
  }
}
