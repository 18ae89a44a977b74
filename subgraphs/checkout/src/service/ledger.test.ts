import { describe, expect, it } from 'vitest';
import type { LedgerKind } from '../db/schema.ts';
import { ledgerKindOf, ledgerTotals, statusFromLedger } from './ledger.ts';

type Entry = { kind: LedgerKind; amount: number };

/** Every ordering of `items` (n! of them; keep n small). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('ledgerKindOf', () => {
  it('maps every event code that moves money, and only successful modifications', () => {
    const kinds = Object.fromEntries(
      [
        'AUTHORISATION',
        'CAPTURE',
        'CAPTURE_FAILED',
        'CANCELLATION',
        'TECHNICAL_CANCEL',
        'REFUND',
        'REFUND_FAILED',
        'CHARGEBACK',
        'CHARGEBACK_REVERSED',
        'REPORT_AVAILABLE',
        'PENDING',
      ].map((eventCode) => [
        eventCode,
        [
          ledgerKindOf({ eventCode, success: true }, 0),
          ledgerKindOf({ eventCode, success: false }, 0),
        ],
      ]),
    );
    expect(kinds).toEqual({
      AUTHORISATION: ['AUTHORISED', null],
      CAPTURE: ['CAPTURED', null],
      CAPTURE_FAILED: ['CAPTURE_FAILED', 'CAPTURE_FAILED'],
      CANCELLATION: ['CANCELLED', null],
      TECHNICAL_CANCEL: ['CANCELLED', null],
      REFUND: ['REFUNDED', null],
      REFUND_FAILED: ['REFUND_FAILED', 'REFUND_FAILED'],
      CHARGEBACK: ['CHARGED_BACK', 'CHARGED_BACK'],
      CHARGEBACK_REVERSED: ['CHARGEBACK_REVERSED', 'CHARGEBACK_REVERSED'],
      REPORT_AVAILABLE: [null, null],
      PENDING: [null, null],
    });
  });

  it('makes a CANCEL_OR_REFUND what Adyen says it was, else what the captures imply', () => {
    const item = (modificationAction?: string) => ({
      eventCode: 'CANCEL_OR_REFUND',
      success: true,
      modificationAction,
    });
    expect(ledgerKindOf(item('refund'), 0)).toBe('REFUNDED');
    expect(ledgerKindOf(item('cancel'), 500)).toBe('CANCELLED');
    expect(ledgerKindOf(item(), 500)).toBe('REFUNDED');
    expect(ledgerKindOf(item(), 0)).toBe('CANCELLED');
    expect(ledgerKindOf({ ...item(), success: false }, 500)).toBeNull();
  });
});

describe('ledgerTotals and statusFromLedger', () => {
  const auth: Entry = { kind: 'AUTHORISED', amount: 1000 };

  it('counts an automatic capture as the authorisation, explicit captures as themselves', () => {
    expect(ledgerTotals([auth], true)).toEqual({
      authorised: 1000,
      captured: 1000,
      refunded: 0,
      chargedBack: 0,
      cancelled: false,
    });
    expect(ledgerTotals([auth], false).captured).toBe(0);
    expect(ledgerTotals([auth, { kind: 'CAPTURED', amount: 400 }], false).captured).toBe(400);
    // A duplicate CAPTURE of an automatic capture does not double the money.
    expect(ledgerTotals([auth, { kind: 'CAPTURED', amount: 1000 }], true).captured).toBe(1000);
    expect(
      ledgerTotals(
        [auth, { kind: 'CAPTURED', amount: 1000 }, { kind: 'CAPTURE_FAILED', amount: 1000 }],
        true,
      ).captured,
    ).toBe(0);
  });

  it('ends in the same sums and status whatever order the notifications came in', () => {
    const entries: Entry[] = [
      auth,
      { kind: 'CAPTURED', amount: 1000 },
      { kind: 'REFUNDED', amount: 300 },
      { kind: 'REFUNDED', amount: 200 },
      { kind: 'CHARGED_BACK', amount: 500 },
      { kind: 'CHARGEBACK_REVERSED', amount: 500 },
    ];
    const outcomes = new Set(
      permutations(entries).map((order) => {
        const totals = ledgerTotals(order, true);
        return JSON.stringify([totals, statusFromLedger(totals, false)]);
      }),
    );
    expect([...outcomes]).toEqual([
      JSON.stringify([
        { authorised: 1000, captured: 1000, refunded: 500, chargedBack: 0, cancelled: false },
        'PARTIALLY_REFUNDED',
      ]),
    ]);
  });

  it('derives every status the money implies', () => {
    const status = (entries: Entry[], fulfilled = false) =>
      statusFromLedger(ledgerTotals(entries, true), fulfilled);
    // Nothing authorised yet: no status, whatever overtook the authorisation.
    expect(status([{ kind: 'REFUNDED', amount: 1000 }])).toBeNull();
    expect(status([auth])).toBe('PAID');
    expect(status([auth], true)).toBe('FULFILLED');
    expect(status([auth, { kind: 'REFUNDED', amount: 1 }])).toBe('PARTIALLY_REFUNDED');
    expect(status([auth, { kind: 'REFUNDED', amount: 1000 }])).toBe('REFUNDED');
    expect(status([auth, { kind: 'CHARGED_BACK', amount: 1000 }])).toBe('REFUNDED');
    expect(
      status(
        [auth, { kind: 'REFUNDED', amount: 1000 }, { kind: 'REFUND_FAILED', amount: 1000 }],
        true,
      ),
    ).toBe('FULFILLED');
    expect(status([auth, { kind: 'CANCELLED', amount: 1000 }])).toBe('CANCELLED');
    expect(statusFromLedger(ledgerTotals([auth], false), false)).toBe('AUTHORISED');
  });
});
