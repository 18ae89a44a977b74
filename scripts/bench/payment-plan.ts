/**
 * Orders waiting for their Adyen notifications, the notifications that settle them, and the
 * check that the database ended where those notifications lead. Shared by `pnpm bench:webhooks`
 * and the worker crash test (subgraphs/checkout/test/webhook-crash.test.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { NotificationItemInput } from '@commerce-graph/adyen-simulator';

export const CURRENCY = 'EUR';
const MAX_REFUNDS_PER_ORDER = 3;

/** A small seeded generator (mulberry32): the same seed, the same plan. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  /** An integer in [min, max]. */
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  const shuffle = <T>(items: T[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  return { next, int, shuffle };
}
export type SeededRandom = ReturnType<typeof seededRandom>;

/** One order with a PENDING payment, and what its notifications add up to. */
export interface PlannedOrder {
  orderId: string;
  paymentId: string;
  cartId: string;
  /** The payment's pspReference: the AUTHORISATION's, the CAPTURE's and REFUNDs' original. */
  authPsp: string;
  unitAmount: number;
  quantity: number;
  subtotal: number;
  shipping: number;
  tax: number;
  /** The order's total and the payment's amount. */
  amount: number;
  refunds: number[];
  refundedAmount: number;
  /** The status the notifications imply. */
  status: 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED';
}

/** `count` positive integers adding up to `total` (total >= count). */
function split(total: number, count: number, rng: SeededRandom): number[] {
  const cuts = new Set<number>();
  while (cuts.size < count - 1) cuts.add(rng.int(1, total - 1));
  const points = [0, ...[...cuts].sort((a, b) => a - b), total];
  return points.slice(1).map((point, i) => point - points[i]!);
}

/**
 * `count` orders and their notifications: per order an AUTHORISATION of its amount, a CAPTURE
 * of all of it, and `refundCount` REFUNDs spread over the orders (at most three each; about half
 * of the refunded orders get all their money back, the others part of it). Every item has a
 * pspReference of its own; a CAPTURE's and a REFUND's originalReference is the authorisation's.
 */
export function planPayments(
  count: number,
  refundCount: number,
  merchantAccountCode: string,
  rng: SeededRandom,
): { orders: PlannedOrder[]; items: NotificationItemInput[] } {
  if (refundCount > count * MAX_REFUNDS_PER_ORDER) {
    throw new RangeError(`at most ${MAX_REFUNDS_PER_ORDER} refunds per order`);
  }
  // 16 characters as Adyen's, unique per run: a random tag and a counter.
  const runTag = randomBytes(3).toString('hex').toUpperCase();
  let counter = 0;
  const pspReference = () => `${runTag}${String(++counter).padStart(10, '0')}`;

  const refundsPerOrder = new Array<number>(count).fill(0);
  for (let placed = 0; placed < refundCount;) {
    const i = rng.int(0, count - 1);
    if (refundsPerOrder[i]! >= MAX_REFUNDS_PER_ORDER) continue;
    refundsPerOrder[i]!++;
    placed++;
  }
  const orders = refundsPerOrder.map((refundTotal): PlannedOrder => {
    const unitAmount = rng.int(500, 20_000);
    const quantity = rng.int(1, 3);
    const subtotal = unitAmount * quantity;
    const shipping = subtotal >= 5_000 ? 0 : 495;
    // Dutch VAT, inside the prices: 21/121 of the goods.
    const tax = Math.round((subtotal * 21) / 121);
    const amount = subtotal + shipping;
    const full = refundTotal > 0 && rng.next() < 0.5;
    const refunded = refundTotal === 0 ? 0 : full ? amount : rng.int(refundTotal, amount - 1);
    return {
      orderId: randomUUID(),
      paymentId: randomUUID(),
      cartId: randomUUID(),
      authPsp: pspReference(),
      unitAmount,
      quantity,
      subtotal,
      shipping,
      tax,
      amount,
      refunds: refundTotal === 0 ? [] : split(refunded, refundTotal, rng),
      refundedAmount: refunded,
      status: refundTotal === 0 ? 'PAID' : full ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
    };
  });

  const items: NotificationItemInput[] = [];
  for (const order of orders) {
    const common = {
      merchantAccountCode,
      merchantReference: order.orderId,
      success: true,
      paymentMethod: 'visa',
    };
    items.push({
      ...common,
      eventCode: 'AUTHORISATION',
      pspReference: order.authPsp,
      amount: { currency: CURRENCY, value: order.amount },
    });
    items.push({
      ...common,
      eventCode: 'CAPTURE',
      pspReference: pspReference(),
      originalReference: order.authPsp,
      amount: { currency: CURRENCY, value: order.amount },
    });
    for (const refund of order.refunds) {
      items.push({
        ...common,
        eventCode: 'REFUND',
        pspReference: pspReference(),
        originalReference: order.authPsp,
        amount: { currency: CURRENCY, value: refund },
      });
    }
  }
  return { orders, items };
}

/**
 * Writes the orders as `placeOrder` leaves them once the simulator answered `Authorised`:
 * PENDING_PAYMENT with one line, its placement in the history, a PENDING payment that knows its
 * pspReference. Every constraint of checkout's tables holds (the total adds up, tax included).
 */
export async function insertPendingOrders(sql: postgres.Sql, orders: PlannedOrder[]) {
  const CHUNK = 500;
  for (let at = 0; at < orders.length; at += CHUNK) {
    const chunk = orders.slice(at, at + CHUNK);
    await sql.begin(async (tx) => {
      await tx`insert into checkout.orders ${tx(
        chunk.map((o, i) => ({
          id: o.orderId,
          cart_id: o.cartId,
          email: `webhook-${at + i}@example.com`,
          status: 'PENDING_PAYMENT',
          subtotal_amount: o.subtotal,
          discount_amount: 0,
          total_amount: o.amount,
          shipping_amount: o.shipping,
          tax_amount: o.tax,
          tax_included: true,
          tax_lines: tx.json([
            {
              taxClass: 'STANDARD',
              rateBasisPoints: 2100,
              taxableAmount: o.subtotal,
              amount: o.tax,
            },
          ]),
          shipping_address: tx.json({
            name: 'Webhook Shopper',
            line1: 'Damrak 1',
            city: 'Amsterdam',
            postalCode: '1012 LG',
            countryCode: 'NL',
          }),
          shipping_method: tx.json({
            code: 'nl-be-standard',
            name: 'Standard',
            minDays: 1,
            maxDays: 3,
          }),
          currency: CURRENCY,
        })),
      )}`;
      await tx`insert into checkout.order_lines ${tx(
        chunk.map((o) => ({
          order_id: o.orderId,
          variant_id: randomUUID(),
          quantity: o.quantity,
          unit_amount: o.unitAmount,
          position: 0,
          discount_amount: 0,
          tax_class: 'STANDARD',
          tax_rate_basis_points: 2100,
          tax_amount: o.tax,
        })),
      )}`;
      await tx`insert into checkout.order_history ${tx(
        chunk.map((o) => ({
          order_id: o.orderId,
          from_status: null,
          to_status: 'PENDING_PAYMENT',
          cause: 'order placed',
        })),
      )}`;
      await tx`insert into checkout.payments ${tx(
        chunk.map((o) => ({
          id: o.paymentId,
          order_id: o.orderId,
          status: 'PENDING',
          amount: o.amount,
          currency: CURRENCY,
          psp_reference: o.authPsp,
          result_code: 'Authorised',
        })),
      )}`;
    });
  }
}

export interface PaymentCheck {
  /** Orders whose status, payment status or sums differ from what was sent: `<id>: <what>`. */
  wrong: string[];
  /** Ledger entries repeated for one (payment, kind, pspReference). */
  repeatedEntries: number;
  /** Payments whose authorised, captured or refunded sum exceeds what was sent. */
  aboveSent: number;
  /** Orders with more than one PAID transition or `checkout.order.paid` event. */
  paidTwice: number;
  /** The three above added up. */
  doubleEffects: number;
}

/**
 * Compares the database with the plan: every order in the status its notifications imply, its
 * payment AUTHORISED with `authorised_amount`, `captured_amount` and `refunded_amount` equal to
 * what was sent and to the sums of its `payment_ledger` rows; and counts effects applied twice.
 */
export async function checkPayments(
  sql: postgres.Sql,
  orders: PlannedOrder[],
): Promise<PaymentCheck> {
  const rows = await sql<
    Array<{
      orderId: string;
      orderStatus: string;
      paymentStatus: string;
      authorised: number;
      captured: number;
      refunded: number;
      ledgerAuthorised: number | null;
      ledgerCaptured: number | null;
      ledgerRefunded: number | null;
      paidTransitions: number;
      paidEvents: number;
    }>
  >`
    with paid_transitions as (
      select order_id, count(*)::int as n from checkout.order_history
      where to_status = 'PAID' group by order_id
    ), paid_events as (
      select (payload->>'orderId')::uuid as order_id, count(*)::int as n
      from checkout.outbox_events where name = 'checkout.order.paid' group by 1
    ), ledger as (
      select payment_id,
        coalesce(sum(amount) filter (where kind = 'AUTHORISED'), 0)::int as authorised,
        (coalesce(sum(amount) filter (where kind = 'CAPTURED'), 0)
          - coalesce(sum(amount) filter (where kind = 'CAPTURE_FAILED'), 0))::int as captured,
        (coalesce(sum(amount) filter (where kind = 'REFUNDED'), 0)
          - coalesce(sum(amount) filter (where kind = 'REFUND_FAILED'), 0))::int as refunded
      from checkout.payment_ledger group by payment_id
    )
    select o.id as "orderId", o.status as "orderStatus", p.status as "paymentStatus",
      p.authorised_amount as authorised, p.captured_amount as captured,
      p.refunded_amount as refunded, l.authorised as "ledgerAuthorised",
      l.captured as "ledgerCaptured", l.refunded as "ledgerRefunded",
      coalesce(t.n, 0) as "paidTransitions", coalesce(e.n, 0) as "paidEvents"
    from checkout.orders o
    join checkout.payments p on p.order_id = o.id
    left join ledger l on l.payment_id = p.id
    left join paid_transitions t on t.order_id = o.id
    left join paid_events e on e.order_id = o.id
    where o.id = any(${orders.map((o) => o.orderId)}::uuid[])`;
  const byOrder = new Map(rows.map((row) => [row.orderId, row]));
  const wrong: string[] = [];
  let aboveSent = 0;
  let paidTwice = 0;
  for (const order of orders) {
    const row = byOrder.get(order.orderId);
    if (!row) {
      wrong.push(`${order.orderId}: missing`);
      continue;
    }
    const problems: string[] = [];
    if (row.orderStatus !== order.status) problems.push(`status ${row.orderStatus}`);
    if (row.paymentStatus !== 'AUTHORISED') problems.push(`payment ${row.paymentStatus}`);
    const sent = {
      authorised: order.amount,
      captured: order.amount,
      refunded: order.refundedAmount,
    };
    for (const key of ['authorised', 'captured', 'refunded'] as const) {
      if (row[key] !== sent[key]) problems.push(`${key} ${row[key]}, sent ${sent[key]}`);
    }
    if (
      row.ledgerAuthorised !== row.authorised ||
      row.ledgerCaptured !== row.captured ||
      row.ledgerRefunded !== row.refunded
    ) {
      problems.push(
        `ledger entries add up to ${row.ledgerAuthorised}/${row.ledgerCaptured}/${row.ledgerRefunded}`,
      );
    }
    if (
      row.authorised > sent.authorised ||
      row.captured > sent.captured ||
      row.refunded > sent.refunded
    ) {
      aboveSent++;
    }
    if (row.paidTransitions > 1 || row.paidEvents > 1) paidTwice++;
    if (problems.length > 0)
      wrong.push(`${order.orderId} (${order.status}): ${problems.join('; ')}`);
  }
  const [repeated] = await sql<Array<{ n: number }>>`
    select count(*)::int as n from (
      select 1 from checkout.payment_ledger
      where payment_id = any(${orders.map((o) => o.paymentId)}::uuid[])
      group by payment_id, kind, psp_reference having count(*) > 1
    ) repeated`;
  const repeatedEntries = repeated?.n ?? 0;
  return {
    wrong,
    repeatedEntries,
    aboveSent,
    paidTwice,
    doubleEffects: repeatedEntries + aboveSent + paidTwice,
  };
}
