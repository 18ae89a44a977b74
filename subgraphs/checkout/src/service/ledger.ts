/**
 * A payment's money as pure functions: which ledger entry a notification makes, the sums of the
 * entries, and the order status they imply. The sums depend only on the set of entries, never
 * on the order they arrived in, so a CAPTURE that overtakes its AUTHORISATION, or a REFUND that
 * overtakes its CAPTURE, ends in the same state as the same notifications in order.
 */
import type { LedgerKind, OrderStatus } from '../db/schema.ts';

/** The part of a stored notification that decides its ledger entry. */
export interface LedgerNotification {
  eventCode: string;
  success: boolean;
  /** `additionalData['modification.action']` of a CANCEL_OR_REFUND: `cancel` or `refund`. */
  modificationAction?: string | null;
}

/** The money of one payment, in minor units of its currency. */
export interface LedgerTotals {
  authorised: number;
  captured: number;
  refunded: number;
  chargedBack: number;
  /** The authorisation was cancelled (voided) before anything was captured. */
  cancelled: boolean;
}

/**
 * The ledger entry a notification makes, or null when it moves no money: an unsuccessful
 * CAPTURE, REFUND or CANCELLATION (Adyen refused the request), an event code without money
 * (REPORT_AVAILABLE, PENDING...). AUTHORISATION failures are the payment's refusal, not money.
 * A CANCEL_OR_REFUND is a refund once anything was captured, a cancel before; Adyen says which
 * in `modification.action`, and without it the payment's captures decide.
 */
export function ledgerKindOf(
  notification: LedgerNotification,
  captured: number,
): LedgerKind | null {
  const { eventCode, success } = notification;
  switch (eventCode) {
    case 'AUTHORISATION':
      return success ? 'AUTHORISED' : null;
    case 'CAPTURE':
      return success ? 'CAPTURED' : null;
    case 'CAPTURE_FAILED':
      return 'CAPTURE_FAILED';
    case 'CANCELLATION':
    case 'TECHNICAL_CANCEL':
      return success ? 'CANCELLED' : null;
    case 'REFUND':
      return success ? 'REFUNDED' : null;
    case 'REFUND_FAILED':
      return 'REFUND_FAILED';
    case 'CANCEL_OR_REFUND': {
      if (!success) return null;
      const action = notification.modificationAction;
      if (action === 'refund') return 'REFUNDED';
      if (action === 'cancel') return 'CANCELLED';
      return captured > 0 ? 'REFUNDED' : 'CANCELLED';
    }
    case 'CHARGEBACK':
      return 'CHARGED_BACK';
    case 'CHARGEBACK_REVERSED':
      return 'CHARGEBACK_REVERSED';
    default:
      return null;
  }
}

/**
 * The sums of a payment's entries. Captured is what CAPTURE entries say (less failed captures)
 * once there is one; without any, the authorised amount when Adyen captures automatically
 * (unless the authorisation was cancelled), else nothing.
 */
export function ledgerTotals(
  entries: ReadonlyArray<{ kind: LedgerKind; amount: number }>,
  autoCapture: boolean,
): LedgerTotals {
  const sum = (kind: LedgerKind) =>
    entries.reduce((total, entry) => total + (entry.kind === kind ? entry.amount : 0), 0);
  const authorised = sum('AUTHORISED');
  const cancelled = entries.some((entry) => entry.kind === 'CANCELLED');
  const explicit = entries.some((entry) => entry.kind === 'CAPTURED');
  const captured = explicit
    ? Math.max(0, sum('CAPTURED') - sum('CAPTURE_FAILED'))
    : autoCapture && !cancelled
      ? Math.max(0, authorised - sum('CAPTURE_FAILED'))
      : 0;
  return {
    authorised,
    captured,
    refunded: Math.max(0, sum('REFUNDED') - sum('REFUND_FAILED')),
    chargedBack: Math.max(0, sum('CHARGED_BACK') - sum('CHARGEBACK_REVERSED')),
    cancelled: cancelled && captured === 0,
  };
}

/**
 * The order status the money implies, or null when it implies none (nothing authorised yet:
 * the order waits, whatever else arrived). Money given back (refunds and chargebacks) up to
 * what was captured is REFUNDED, less is PARTIALLY_REFUNDED; a cancelled authorisation is
 * CANCELLED; otherwise captured money is PAID, or FULFILLED once shipped; authorised money not
 * captured (manual capture) is AUTHORISED.
 */
export function statusFromLedger(totals: LedgerTotals, fulfilled: boolean): OrderStatus | null {
  if (totals.authorised === 0) return null;
  if (totals.cancelled) return 'CANCELLED';
  const back = totals.refunded + totals.chargedBack;
  if (totals.captured > 0 && back >= totals.captured) return 'REFUNDED';
  if (back > 0) return 'PARTIALLY_REFUNDED';
  if (totals.captured > 0) return fulfilled ? 'FULFILLED' : 'PAID';
  return 'AUTHORISED';
}
