/** Staff changes to orders: fulfilment and cancellation, through the order state machine. */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { adminActionBy, recordEvent, type OutboxRelay } from '@commerce-graph/events';
import {
  isUuid,
  parseInput,
  requirePermission,
  userInput,
  type Actor,
  type Logger,
} from '@commerce-graph/kit';
import type { PaymentProvider } from '../adyen.ts';
import type { CheckoutDb } from '../db/client.ts';
import {
  orders,
  outboxEvents,
  payments,
  type OrderRow,
  type PaymentModificationRow,
  type PaymentRow,
} from '../db/schema.ts';
import type { PaymentModifications } from './modifications.ts';
import { invalidInput, type InvalidCheckoutInput } from './order-input.ts';
import { transitionOrder, type TransitionResult } from './order-state.ts';
import type { Tx } from './payment.service.ts';

export type OrderAdminResult =
  | { __typename: 'OrderUpdated'; order: OrderRow }
  | { __typename: 'OrderNotFound'; code: string; message: string; orderId: string }
  | {
      __typename: 'IllegalOrderTransition';
      code: string;
      message: string;
      orderId: string;
      from: OrderRow['status'];
      to: OrderRow['status'];
    }
  | InvalidCheckoutInput;

const fulfilInput = z.object({
  carrier: userInput.text({ max: 100, spaces: true }),
  trackingNumber: userInput.text({ max: 100, spaces: true }),
});
const cancelInput = z.object({ reason: userInput.text({ max: 1000, spaces: true }) });
const refundInput = z.object({
  amount: z
    .number()
    .int('amount must be a whole number of minor units')
    .min(1, 'amount must be at least 1 minor unit')
    .max(2_000_000_000, 'amount is at most 2000000000'),
  reason: userInput.text({ max: 1000, spaces: true }),
});

const captureInput = z.object({
  amount: z
    .number()
    .int('amount must be a whole number of minor units')
    .min(1, 'amount must be at least 1 minor unit')
    .max(2_000_000_000, 'amount is at most 2000000000')
    .nullish(),
  reason: userInput.text({ max: 1000, spaces: true }).nullish(),
});

/** The orders a capture may be asked for: authorised and waiting for it (manual capture). */
const CAPTURABLE: ReadonlySet<OrderRow['status']> = new Set(['AUTHORISED']);

/** The orders a refund may be asked for: paid, and not all given back already. */
const REFUNDABLE: ReadonlySet<OrderRow['status']> = new Set([
  'PAID',
  'FULFILLED',
  'PARTIALLY_REFUNDED',
]);

export interface RefundRequestedResult {
  __typename: 'RefundRequested';
  refund: PaymentModificationRow;
  order: OrderRow;
}

type NotPossible<T extends string, Field extends string> = {
  __typename: T;
  code: string;
  message: string;
  orderId: string;
} & Record<Field, { amount: number; currencyCode: string }>;

export interface CaptureRequestedResult {
  __typename: 'CaptureRequested';
  capture: PaymentModificationRow;
  order: OrderRow;
}

export type CaptureOrderResult =
  | CaptureRequestedResult
  | Extract<OrderAdminResult, { __typename: 'OrderNotFound' }>
  | NotPossible<'CaptureNotPossible', 'capturable'>
  | InvalidCheckoutInput;

/** What `modify` answers before it is named for a refund or a capture. */
type ModifyResult =
  | { __typename: 'Requested'; modification: PaymentModificationRow; order: OrderRow }
  | {
      __typename: 'NotPossible';
      message: string;
      orderId: string;
      available: { amount: number; currencyCode: string };
    }
  | Extract<OrderAdminResult, { __typename: 'OrderNotFound' }>
  | InvalidCheckoutInput;

export type RefundOrderResult =
  | RefundRequestedResult
  | Extract<OrderAdminResult, { __typename: 'OrderNotFound' }>
  | {
      __typename: 'RefundNotPossible';
      code: string;
      message: string;
      orderId: string;
      refundable: { amount: number; currencyCode: string };
    }
  | InvalidCheckoutInput;

const refuse = ({ field, message }: { field: string; message: string }) =>
  invalidInput(field, message);

/**
 * fulfilOrder and cancelOrder for staff with `orders:manage`. Each change is one transaction:
 * the transition with its history row, its order event and the admin audit event, so a refused
 * change writes nothing.
 */
export class OrderAdminService {
  constructor(
    private readonly deps: {
      db: CheckoutDb;
      relay: OutboxRelay;
      provider: PaymentProvider;
      modifications: PaymentModifications;
      logger: Logger;
    },
  ) {}

  /** PAID -> FULFILLED, with the carrier and tracking number. */
  async fulfilOrder(
    actor: Actor,
    input: { orderId: string; carrier: string; trackingNumber: string },
  ): Promise<OrderAdminResult> {
    requirePermission(actor, 'orders:manage');
    const parsed = parseInput(fulfilInput, input, refuse);
    if (!parsed.ok) return parsed.error;
    const { carrier, trackingNumber } = parsed.value;
    const { orderId } = input;
    if (!isUuid(orderId)) return notFound(orderId);
    const moved = await this.deps.db.transaction(async (tx) => {
      const moved = await transitionOrder(
        tx,
        this.deps.logger,
        orderId,
        'FULFILLED',
        `fulfilled by staff: ${carrier} ${trackingNumber}`,
        { carrier, trackingNumber },
      );
      if (!moved.ok) return moved;
      await recordEvent(tx, outboxEvents, 'checkout.order.fulfilled', {
        orderId,
        carrier,
        trackingNumber,
      });
      await this.audit(tx, actor, 'fulfilOrder', orderId, { carrier, trackingNumber });
      return moved;
    });
    return this.answer(orderId, moved);
  }

  /**
   * PENDING_PAYMENT or PAID (not yet fulfilled) -> CANCELLED. The payment of an unpaid order is
   * cancelled under its row lock, as the payment expiry does: `checkout.payment.failed` gives the
   * stock and the discount code back, and Adyen is asked to cancel after the commit. A paid
   * order's stock stays sold (it may be on its way to the shelf again: a person decides) and its
   * money goes back: a cancel-or-refund request, sent after the commit, that the
   * CANCEL_OR_REFUND notification completes in the ledger.
   */
  async cancelOrder(
    actor: Actor,
    input: { orderId: string; reason: string },
  ): Promise<OrderAdminResult> {
    requirePermission(actor, 'orders:manage');
    const parsed = parseInput(cancelInput, input, refuse);
    if (!parsed.ok) return parsed.error;
    const { reason } = parsed.value;
    const { orderId } = input;
    if (!isUuid(orderId)) return notFound(orderId);
    let cancelled: PaymentRow | undefined;
    let reversal: string | undefined;
    const moved = await this.deps.db.transaction(async (tx) => {
      // The payment first, then the order: the lock order of the webhook and the expiry.
      const [payment] = await tx
        .select()
        .from(payments)
        .where(eq(payments.orderId, orderId))
        .for('update');
      const moved = await transitionOrder(
        tx,
        this.deps.logger,
        orderId,
        'CANCELLED',
        `cancelled by staff: ${reason}`,
        { cancelReason: reason },
      );
      if (!moved.ok) return moved;
      const paid = moved.from !== 'PENDING_PAYMENT';
      if (payment?.status === 'PENDING') {
        await tx
          .update(payments)
          .set({ status: 'CANCELLED', resultCode: 'Cancelled', updatedAt: sql`now()` })
          .where(eq(payments.id, payment.id));
        await recordEvent(tx, outboxEvents, 'checkout.payment.failed', {
          orderId,
          cartId: moved.order.cartId,
          paymentId: payment.id,
          reason: `order cancelled by staff: ${reason}`,
        });
        cancelled = payment;
      } else if (payment?.status === 'AUTHORISED') {
        // Paid: Adyen cancels the authorisation, or refunds it once captured (`/reversals`).
        reversal = await this.deps.modifications.requestCancel(
          tx,
          payment,
          `order cancelled by staff: ${reason}`.slice(0, 1000),
          actorReference(actor),
        );
      }
      await recordEvent(tx, outboxEvents, 'checkout.order.cancelled', {
        orderId,
        cartId: moved.order.cartId,
        reason,
        paid,
      });
      await this.audit(tx, actor, 'cancelOrder', orderId, { reason, from: moved.from });
      return moved;
    });
    if (reversal) {
      await this.deps.relay.flush();
      await this.deps.modifications.send(reversal);
    }
    if (cancelled) {
      const payment = cancelled;
      await this.deps.provider
        .cancelPayment(payment, `${payment.id}-cancel`)
        .catch((error: unknown) => {
          this.deps.logger.warn(
            { err: error, paymentId: payment.id },
            'cancel of a cancelled order payment failed',
          );
        });
    }
    return this.answer(orderId, moved);
  }

  /**
   * Writes a refund under the payment's row lock, checked against what is left to refund
   * (refunds in flight included, so parallel requests cannot pass the capture), with its audit
   * event; then sends it to Adyen with the refund's id as Idempotency-Key. A call that fails
   * leaves the refund REQUESTED for the reconciliation to send again.
   */
  async refundOrder(
    actor: Actor,
    input: { orderId: string; amount: number; reason: string },
  ): Promise<RefundOrderResult> {
    const result = await this.modify(actor, 'REFUND', input);
    if (result.__typename === 'Requested') {
      return { __typename: 'RefundRequested', refund: result.modification, order: result.order };
    }
    if (result.__typename === 'NotPossible') {
      const { available, ...rest } = result;
      return {
        ...rest,
        __typename: 'RefundNotPossible',
        code: 'REFUND_NOT_POSSIBLE',
        refundable: available,
      };
    }
    return result;
  }

  /**
   * Manual capture: captures `amount` of an AUTHORISED order's authorisation (all that is left
   * when omitted), checked under the payment's row lock against what is left to capture
   * (captures in flight included); sent as `refundOrder` sends. The CAPTURE notification makes
   * the order PAID.
   */
  async captureOrder(
    actor: Actor,
    input: { orderId: string; amount?: number | null; reason?: string | null },
  ): Promise<CaptureOrderResult> {
    const result = await this.modify(actor, 'CAPTURE', input);
    if (result.__typename === 'Requested') {
      return { __typename: 'CaptureRequested', capture: result.modification, order: result.order };
    }
    if (result.__typename === 'NotPossible') {
      const { available, ...rest } = result;
      return {
        ...rest,
        __typename: 'CaptureNotPossible',
        code: 'CAPTURE_NOT_POSSIBLE',
        capturable: available,
      };
    }
    return result;
  }

  /** A capture or refund: checked and written under the payment's lock, sent after commit. */
  private async modify(
    actor: Actor,
    kind: 'CAPTURE' | 'REFUND',
    input: { orderId: string; amount?: number | null; reason?: string | null },
  ): Promise<ModifyResult> {
    requirePermission(actor, 'orders:manage');
    const schema = kind === 'REFUND' ? refundInput : captureInput;
    const parsed = parseInput(schema, input, refuse);
    if (!parsed.ok) return parsed.error;
    const { reason } = parsed.value;
    const { orderId } = input;
    if (!isUuid(orderId)) return notFound(orderId);
    const { modifications } = this.deps;
    const allowed = kind === 'REFUND' ? REFUNDABLE : CAPTURABLE;
    const verb = kind === 'REFUND' ? 'refunded' : 'captured';
    const written = await this.deps.db.transaction(async (tx): Promise<ModifyResult> => {
      const [payment] = await tx
        .select()
        .from(payments)
        .where(eq(payments.orderId, orderId))
        .for('update');
      const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
      if (!payment || !order) return notFound(orderId);
      const available = !allowed.has(order.status)
        ? 0
        : kind === 'REFUND'
          ? await modifications.refundable(tx, payment)
          : await modifications.capturable(tx, payment);
      const amount = parsed.value.amount ?? available;
      if (amount > available || amount === 0) {
        return {
          __typename: 'NotPossible',
          message: allowed.has(order.status)
            ? `At most ${available} ${payment.currency} can be ${verb} now`
            : `An order in ${order.status} cannot be ${verb}`,
          orderId,
          available: { amount: available, currencyCode: payment.currency },
        };
      }
      const modification = await modifications.request(tx, payment, kind, {
        amount,
        reason: reason ?? `${verb} by staff`,
        requestedBy: actorReference(actor),
      });
      await this.audit(tx, actor, kind === 'REFUND' ? 'refundOrder' : 'captureOrder', orderId, {
        [kind === 'REFUND' ? 'refundId' : 'captureId']: modification.id,
        amount,
        currency: payment.currency,
        reason: reason ?? null,
      });
      return { __typename: 'Requested', modification, order };
    });
    if (written.__typename !== 'Requested') return written;
    await this.deps.relay.flush();
    const sent = await modifications.send(written.modification.id);
    return { ...written, modification: sent ?? written.modification };
  }

  private async audit(
    tx: Tx,
    actor: Actor,
    action: string,
    orderId: string,
    details: Record<string, unknown>,
  ) {
    await recordEvent(
      tx,
      outboxEvents,
      'checkout.admin-action.recorded',
      adminActionBy(actor, action, { type: 'Order', id: orderId }, details),
    );
  }

  private async answer(orderId: string, moved: TransitionResult): Promise<OrderAdminResult> {
    if (!moved.ok) {
      if (moved.reason === 'NOT_FOUND') return notFound(orderId);
      return {
        __typename: 'IllegalOrderTransition',
        code: 'ILLEGAL_ORDER_TRANSITION',
        message: `An order in ${moved.from} cannot become ${moved.to}`,
        orderId,
        from: moved.from,
        to: moved.to,
      };
    }
    await this.deps.relay.flush();
    return { __typename: 'OrderUpdated', order: moved.order };
  }
}

/** Who asked, for `payment_modifications.requested_by`. */
function actorReference(actor: Actor): string {
  if (actor.kind === 'customer') return `staff:${actor.customerId}`;
  if (actor.kind === 'partner') return `partner:${actor.keyId}`;
  return actor.kind;
}

const notFound = (orderId: string) => ({
  __typename: 'OrderNotFound' as const,
  code: 'ORDER_NOT_FOUND',
  message: 'No order has this id',
  orderId,
});
