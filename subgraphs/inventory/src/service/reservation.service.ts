import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { OutboxRelay } from '@commerce-graph/events';
import { anyOf, badUserInput, isUuid, type Logger } from '@commerce-graph/kit';
import type { InventoryDb, InventoryTx } from '../db/client.ts';
import {
  orderReservations,
  reservations,
  stockLevels,
  variantSettings,
  warehouses,
  type OrderReservationRow,
  type ReservationStatus,
  type VariantSettingsRow,
} from '../db/schema.ts';
import type { CheckoutClient, OrderPaymentState } from '../upstream.ts';
import {
  DEFAULT_POLICY,
  promisable,
  readVariantStock,
  recordAvailability,
  type VariantStock,
} from './availability.ts';
import { recordMovements, type MovementInput } from './ledger.service.ts';
import type { SoldOutMarkers } from './sold-out.ts';

/** Largest quantity of one variant one order may reserve (summed over its lines). */
export const MAX_RESERVE_QUANTITY = 1_000;
/** How long an unpaid reservation holds its units unless configured (RESERVATION_TTL_MINUTES). */
export const DEFAULT_RESERVATION_TTL_MS = 15 * 60_000;
/** Orders one sweep run expires at most; the next run takes the rest. */
export const SWEEP_BATCH = 100;
/** How long one sweep run may hold its lock (under the kit's 30 s idle-in-transaction limit). */
const SWEEP_MAX_MS = 15_000;

export interface ReservationLineView {
  variantId: string;
  warehouseCode: string | null;
  quantity: number;
  backordered: boolean;
}

export interface ReservationView {
  orderId: string;
  status: ReservationStatus;
  expiresAt: string;
  lines: ReservationLineView[];
}

export interface StockShortage {
  variantId: string;
  requested: number;
  available: number;
}

export interface PurchaseLimitLine {
  variantId: string;
  limit: number;
  requested: number;
  alreadyBought: number;
}

export type ReserveStockResult =
  | ({ __typename: 'Reservation' } & ReservationView)
  | { __typename: 'InsufficientStock'; code: string; message: string; lines: StockShortage[] }
  | {
      __typename: 'PurchaseLimitExceeded';
      code: string;
      message: string;
      lines: PurchaseLimitLine[];
    }
  | { __typename: 'ReservationReleased'; code: string; message: string; orderId: string }
  | { __typename: 'ReservationConflict'; code: string; message: string; orderId: string };

/** What the expiry of one order did. */
export type ExpiryOutcome =
  | 'SOLD' // checkout said PAID: the reservation became a sale
  | 'RELEASED' // checkout said FAILED or NOT_FOUND: the units went back on sale
  | 'SETTLED_ALREADY' // paid, released or expired before: nothing to do
  | 'NOT_DUE'; // not expired yet (a job that ran early): left for the sweep

const CUSTOMER_KEY =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|email:[^\s@]+@[^\s@]+)$/i;
const MAX_CUSTOMER_KEY_LENGTH = 6 + 254;

const insufficient = (lines: StockShortage[]): ReserveStockResult => ({
  __typename: 'InsufficientStock',
  code: 'INSUFFICIENT_STOCK',
  message: 'Not enough stock for some lines; nothing was reserved',
  lines,
});

/** Same advisory lock for every step of one order's reservation: reserve, release, sale. */
const lockOrder = (tx: InventoryTx, orderId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reservation:${orderId}`}))`);

/**
 * The life of an order's stock: reserve -> sold | released, by checkout's calls, its payment
 * events, or expiry. Every step of one order takes the same per-order advisory lock, and every
 * step that touches stock rows locks them in one fixed order (variant, warehouse), so steps of
 * different orders queue on shared variants instead of deadlocking.
 */
export class ReservationService {
  private readonly db: InventoryDb;
  private readonly relay: OutboxRelay | undefined;
  private readonly markers: SoldOutMarkers;
  private readonly ttlMs: number;
  private readonly checkout: CheckoutClient | undefined;
  private readonly scheduleExpiry:
    ((orderId: string, delayMs: number) => Promise<void>) | undefined;
  private readonly logger: Logger | undefined;

  constructor(deps: {
    db: InventoryDb;
    markers: SoldOutMarkers;
    relay?: OutboxRelay;
    reservationTtlMs?: number;
    /** Asked before an expired reservation is released; without it nothing expires. */
    checkout?: CheckoutClient;
    /** Queues the order's expiry job (BullMQ, delayed by the TTL). */
    scheduleExpiry?: (orderId: string, delayMs: number) => Promise<void>;
    logger?: Logger;
  }) {
    this.db = deps.db;
    this.relay = deps.relay;
    this.markers = deps.markers;
    this.ttlMs = deps.reservationTtlMs ?? DEFAULT_RESERVATION_TTL_MS;
    this.checkout = deps.checkout;
    this.scheduleExpiry = deps.scheduleExpiry;
    this.logger = deps.logger;
  }

  /**
   * Reserves every line of an order or none, until it is paid, released or expired.
   *
   * A variant this process knows to be sold out is refused before any transaction or lock. Then,
   * under the order's lock: an order seen before answers its current truth (its reservation,
   * `ReservationReleased`, or `ReservationConflict` for other lines); purchase limits are checked
   * under the variants' settings row locks; stock rows are locked in (variant, warehouse) order
   * and allocated, fullest warehouse first (ties by code). Units beyond stock of a backorderable
   * variant, and all units of an untracked one, are reserved without a warehouse.
   */
  async reserveStock(input: {
    orderId: string;
    customerKey: string;
    lines: Array<{ variantId: string; quantity: number }>;
  }): Promise<ReserveStockResult> {
    if (!isUuid(input.orderId)) throw badUserInput('orderId must be a UUID');
    // One spelling per order: the advisory lock is keyed by the id's text.
    const orderId = input.orderId.toLowerCase();
    if (
      input.customerKey.length > MAX_CUSTOMER_KEY_LENGTH ||
      !CUSTOMER_KEY.test(input.customerKey)
    ) {
      throw badUserInput('customerKey must be a customer id or email:<address>');
    }
    if (input.lines.length === 0) throw badUserInput('An order needs at least one line');
    const wanted = new Map<string, number>();
    for (const line of input.lines) {
      if (!isUuid(line.variantId)) throw badUserInput(`"${line.variantId}" is not a variant id`);
      if (!Number.isInteger(line.quantity) || line.quantity < 1) {
        throw badUserInput('Quantities must be positive whole numbers');
      }
      const id = line.variantId.toLowerCase();
      wanted.set(id, (wanted.get(id) ?? 0) + line.quantity);
    }
    for (const [variantId, quantity] of wanted) {
      if (quantity > MAX_RESERVE_QUANTITY) {
        throw badUserInput(`At most ${MAX_RESERVE_QUANTITY} units of ${variantId} per order`);
      }
    }
    const variantIds = [...wanted.keys()].sort();
    const fingerprint = variantIds.map((id) => `${id}:${wanted.get(id)}`).join(',');

    // The fast sold-out path: one read of the order's header (a repeat must still get its
    // reservation), no transaction, no row lock.
    const marked = variantIds.filter((id) => this.markers.isSoldOut(id));
    if (marked.length > 0) {
      const [header] = await this.db
        .select({ status: orderReservations.status })
        .from(orderReservations)
        .where(eq(orderReservations.orderId, orderId));
      if (!header) {
        return insufficient(
          marked.map((variantId) => ({
            variantId,
            requested: wanted.get(variantId)!,
            available: 0,
          })),
        );
      }
    }

    let flush = false;
    let reserved = false;
    const soldOutSeen: string[] = [];
    const result = await this.db.transaction(async (tx): Promise<ReserveStockResult> => {
      await lockOrder(tx, orderId);
      const [header] = await tx
        .select()
        .from(orderReservations)
        .where(eq(orderReservations.orderId, orderId));
      if (header) return this.answerRepeat(tx, header, fingerprint);

      const settings = await tx
        .select()
        .from(variantSettings)
        .where(anyOf(variantSettings.variantId, variantIds))
        .orderBy(asc(variantSettings.variantId))
        .for('update');
      const settingsOf = new Map(settings.map((s) => [s.variantId, s]));
      const limited = await this.purchaseLimits(tx, input.customerKey, wanted, settingsOf);
      if (limited.length > 0) {
        return {
          __typename: 'PurchaseLimitExceeded',
          code: 'PURCHASE_LIMIT_EXCEEDED',
          message: 'Some lines exceed their purchase limit; nothing was reserved',
          lines: limited,
        };
      }

      const tracked = variantIds.filter((id) => settingsOf.get(id)?.trackInventory ?? true);
      const rows =
        tracked.length === 0
          ? []
          : await tx
              .select({
                variantId: stockLevels.variantId,
                warehouseId: stockLevels.warehouseId,
                onHand: stockLevels.onHand,
                reserved: stockLevels.reserved,
                // A scalar subquery, not a join: `for update` then locks only the stock rows.
                code: sql<string>`(select w.code from ${warehouses} w where w.id = ${stockLevels.warehouseId})`,
              })
              .from(stockLevels)
              .where(anyOf(stockLevels.variantId, tracked))
              .orderBy(asc(stockLevels.variantId), asc(stockLevels.warehouseId))
              .for('update');

      const shortages: StockShortage[] = [];
      const allocations: Array<{
        variantId: string;
        warehouseId: string | null;
        quantity: number;
        backordered: boolean;
      }> = [];
      const before = new Map<string, VariantStock>();
      const after = new Map<string, VariantStock>();
      for (const variantId of variantIds) {
        const requested = wanted.get(variantId)!;
        const stock = stockOf(variantId, settingsOf.get(variantId), rows);
        before.set(variantId, stock);
        if (!stock.tracked) {
          allocations.push({
            variantId,
            warehouseId: null,
            quantity: requested,
            backordered: false,
          });
          after.set(variantId, stock);
          continue;
        }
        const available = promisable(stock);
        if (available < requested && !stock.backorderable) {
          shortages.push({ variantId, requested, available });
          if (available === 0) soldOutSeen.push(variantId);
          continue;
        }
        // Fullest warehouse first (fewer split shipments), ties by code: a documented, stable rule.
        const levels = rows
          .filter((r) => r.variantId === variantId && r.onHand > r.reserved)
          .sort(
            (a, b) => b.onHand - b.reserved - (a.onHand - a.reserved) || (a.code < b.code ? -1 : 1),
          );
        let remaining = Math.min(requested, available);
        const fromStock = remaining;
        for (const level of levels) {
          if (remaining === 0) break;
          const take = Math.min(remaining, level.onHand - level.reserved);
          allocations.push({
            variantId,
            warehouseId: level.warehouseId,
            quantity: take,
            backordered: false,
          });
          remaining -= take;
        }
        if (requested > fromStock) {
          allocations.push({
            variantId,
            warehouseId: null,
            quantity: requested - fromStock,
            backordered: true,
          });
        }
        after.set(variantId, { ...stock, free: stock.free - fromStock });
      }
      if (shortages.length > 0) return insufficient(shortages);

      const fromStock = allocations.filter(
        (a): a is typeof a & { warehouseId: string } => a.warehouseId !== null,
      );
      if (fromStock.length > 0) {
        await tx.execute(sql`
          update ${stockLevels} as s
          set reserved = s.reserved + a.quantity, updated_at = now()
          from unnest(
            ${sql.param(fromStock.map((a) => a.variantId))}::uuid[],
            ${sql.param(fromStock.map((a) => a.warehouseId))}::uuid[],
            ${sql.param(fromStock.map((a) => a.quantity))}::int[]
          ) as a(variant_id, warehouse_id, quantity)
          where s.variant_id = a.variant_id and s.warehouse_id = a.warehouse_id`);
        await recordMovements(
          tx,
          fromStock.map((a): MovementInput => ({
            variantId: a.variantId,
            warehouseId: a.warehouseId,
            kind: 'RESERVATION',
            reservedDelta: a.quantity,
            orderId: orderId,
          })),
        );
      }
      await tx.insert(reservations).values(allocations.map((a) => ({ ...a, orderId: orderId })));
      const [created] = await tx
        .insert(orderReservations)
        .values({
          orderId: orderId,
          status: 'RESERVED',
          customerKey: input.customerKey,
          linesFingerprint: fingerprint,
          expiresAt: sql`now() + ${this.ttlMs} * interval '1 millisecond'`,
        })
        .returning();
      flush = await recordAvailability(tx, before, after);
      reserved = true;
      return { __typename: 'Reservation', ...(await this.reservationOf(tx, created!)) };
    });
    // A refusal under the lock that saw nothing left: later attempts take the fast path.
    for (const id of soldOutSeen) this.markers.markSoldOut(id);
    if (flush) await this.relay?.flush();
    if (reserved) await this.queueExpiry(orderId);
    return result;
  }

  /** A repeated reserve answers what is true now, never reserving twice. */
  private async answerRepeat(
    tx: InventoryTx,
    header: OrderReservationRow,
    fingerprint: string,
  ): Promise<ReserveStockResult> {
    if (header.status === 'RELEASED') {
      return {
        __typename: 'ReservationReleased',
        code: 'RESERVATION_RELEASED',
        message: 'This order was released; nothing is reserved for it',
        orderId: header.orderId,
      };
    }
    if (header.linesFingerprint !== fingerprint) {
      return {
        __typename: 'ReservationConflict',
        code: 'RESERVATION_CONFLICT',
        message: 'This order already holds a reservation for other lines',
        orderId: header.orderId,
      };
    }
    return { __typename: 'Reservation', ...(await this.reservationOf(tx, header)) };
  }

  /**
   * Lines over their variant's limit per order or per customer. The customer's units (reserved or
   * sold in other orders) are counted while this transaction holds the variants' settings rows,
   * which every reservation of a limited variant locks: parallel orders cannot both slip under.
   */
  private async purchaseLimits(
    tx: InventoryTx,
    customerKey: string,
    wanted: Map<string, number>,
    settingsOf: Map<string, VariantSettingsRow>,
  ): Promise<PurchaseLimitLine[]> {
    const lines: PurchaseLimitLine[] = [];
    const perCustomer: string[] = [];
    for (const [variantId, requested] of wanted) {
      const settings = settingsOf.get(variantId);
      if (settings?.maxPerOrder != null && requested > settings.maxPerOrder) {
        lines.push({ variantId, limit: settings.maxPerOrder, requested, alreadyBought: 0 });
      } else if (settings?.maxPerCustomer != null) {
        perCustomer.push(variantId);
      }
    }
    if (perCustomer.length > 0) {
      const bought = await tx.execute<{ variant_id: string; units: number }>(sql`
        select r.variant_id, sum(r.quantity)::int as units
        from ${reservations} r
        join ${orderReservations} o on o.order_id = r.order_id
        where o.customer_key = ${customerKey}
          and o.status in ('RESERVED', 'SOLD')
          and r.status in ('RESERVED', 'SOLD')
          and r.variant_id = any(${sql.param(perCustomer)}::uuid[])
        group by r.variant_id`);
      const boughtOf = new Map(bought.map((b) => [b.variant_id, b.units]));
      for (const variantId of perCustomer) {
        const limit = settingsOf.get(variantId)!.maxPerCustomer!;
        const requested = wanted.get(variantId)!;
        const alreadyBought = boughtOf.get(variantId) ?? 0;
        if (alreadyBought + requested > limit) {
          lines.push({ variantId, limit, requested, alreadyBought });
        }
      }
    }
    return lines.sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
  }

  private async queueExpiry(orderId: string): Promise<void> {
    if (!this.scheduleExpiry) return;
    try {
      // A second late: the job must find the reservation expired (expires_at is the database's
      // transaction time, a little before now).
      await this.scheduleExpiry(orderId, this.ttlMs + 1_000);
    } catch (error) {
      // The sweep expires it instead.
      this.logger?.warn({ err: error, orderId }, 'could not queue the reservation expiry');
    }
  }

  /** Turns an order's reserved units into a sale (they leave on hand). Idempotent. */
  commitReservation(orderId: string): Promise<number> {
    if (!isUuid(orderId)) throw badUserInput('orderId must be a UUID');
    return this.settleReservation(orderId.toLowerCase(), 'SOLD');
  }

  /**
   * Gives an order's reserved units back. Idempotent; recorded even when the order reserved
   * nothing yet, so a reserve that arrives later (checkout gave up waiting for it) refuses
   * itself and holds nothing.
   */
  releaseReservation(orderId: string): Promise<number> {
    if (!isUuid(orderId)) throw badUserInput('orderId must be a UUID');
    return this.settleReservation(orderId.toLowerCase(), 'RELEASED');
  }

  /**
   * Expires an order's reservation if it is still held past its expiry: checkout settles the
   * order's payment first (`expireUnpaidOrder`), then a PAID order's units are sold and any other
   * released. Settling is conditional on the reservation still being RESERVED under the order's
   * lock, so a job that runs twice, the sweep and a payment event racing it change stock once.
   */
  async expireReservation(id: string): Promise<ExpiryOutcome> {
    if (!isUuid(id)) throw badUserInput('orderId must be a UUID');
    const orderId = id.toLowerCase();
    const [header] = await this.db
      .select({
        status: orderReservations.status,
        due: sql<boolean>`${orderReservations.expiresAt} <= now()`,
      })
      .from(orderReservations)
      .where(eq(orderReservations.orderId, orderId));
    if (!header || header.status !== 'RESERVED') return 'SETTLED_ALREADY';
    if (!header.due) return 'NOT_DUE';
    if (!this.checkout) {
      throw new Error('inventory has no checkout client: expired reservations wait');
    }
    const state: OrderPaymentState = await this.checkout.expireUnpaidOrder(orderId);
    const outcome = state === 'PAID' ? 'SOLD' : 'RELEASED';
    const changed = await this.settleReservation(orderId, outcome);
    return changed > 0 ? outcome : 'SETTLED_ALREADY';
  }

  /**
   * The backstop of the expiry jobs: expires reservations past their expiry (through the partial
   * index on `expires_at` of RESERVED headers). One replica at a time: the run holds a
   * transaction-level advisory lock, and a replica that cannot take it skips the run. Returns how
   * many orders it settled.
   */
  async sweepExpiredReservations(limit = SWEEP_BATCH): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [lock] = await tx.execute<{ locked: boolean }>(
        sql`select pg_try_advisory_xact_lock(hashtext('inventory:reservation-sweep')) as locked`,
      );
      if (!lock?.locked) return 0;
      const due = await tx
        .select({ orderId: orderReservations.orderId })
        .from(orderReservations)
        .where(
          and(
            eq(orderReservations.status, 'RESERVED'),
            lte(orderReservations.expiresAt, sql`now()`),
          ),
        )
        .orderBy(asc(orderReservations.expiresAt))
        .limit(limit);
      let settled = 0;
      // The lock's transaction idles while checkout answers: stop well before the connection's
      // idle-in-transaction timeout ends it; the next run takes the rest.
      const stopAt = Date.now() + SWEEP_MAX_MS;
      for (const { orderId } of due) {
        if (Date.now() > stopAt) break;
        try {
          const outcome = await this.expireReservation(orderId);
          if (outcome === 'SOLD' || outcome === 'RELEASED') settled++;
        } catch (error) {
          // One order checkout cannot answer for must not hold up the others.
          this.logger?.error({ err: error, orderId }, 'could not expire a reservation');
        }
      }
      return settled;
    });
  }

  /**
   * Moves the order's RESERVED rows to `status`, under the order's lock and with the stock rows
   * locked in (variant, warehouse) order: the stock change, its movements and the header in one
   * transaction. A repeat finds nothing RESERVED and changes nothing. Returns the rows settled.
   */
  private async settleReservation(orderId: string, status: 'SOLD' | 'RELEASED'): Promise<number> {
    let flush = false;
    const count = await this.db.transaction(async (tx) => {
      await lockOrder(tx, orderId);
      const [header] = await tx
        .select({ status: orderReservations.status })
        .from(orderReservations)
        .where(eq(orderReservations.orderId, orderId));
      if (!header) {
        // Nothing reserved yet: remember the release, so a late reserve refuses itself.
        if (status === 'RELEASED') {
          await tx
            .insert(orderReservations)
            .values({ orderId, status: 'RELEASED' })
            .onConflictDoNothing();
        }
        return 0;
      }
      if (header.status !== 'RESERVED') return 0;
      const held = await tx
        .select({
          variantId: reservations.variantId,
          warehouseId: reservations.warehouseId,
          quantity: reservations.quantity,
        })
        .from(reservations)
        .where(and(eq(reservations.orderId, orderId), eq(reservations.status, 'RESERVED')));
      const fromStock = held.filter(
        (h): h is typeof h & { warehouseId: string } => h.warehouseId !== null,
      );
      if (fromStock.length > 0) {
        await tx.execute(sql`
          select 1 from ${stockLevels}
          where (variant_id, warehouse_id) in (
            select * from unnest(${sql.param(fromStock.map((h) => h.variantId))}::uuid[],
                                 ${sql.param(fromStock.map((h) => h.warehouseId))}::uuid[]))
          order by variant_id, warehouse_id
          for update`);
      }
      const variantIds = [...new Set(fromStock.map((h) => h.variantId))];
      // A sale leaves availability as it was (on hand and reserved both drop); a release adds.
      const before =
        status === 'RELEASED' && variantIds.length > 0
          ? await readVariantStock(tx, variantIds)
          : new Map<string, VariantStock>();
      await tx
        .update(reservations)
        .set({ status, updatedAt: sql`now()` })
        .where(and(eq(reservations.orderId, orderId), eq(reservations.status, 'RESERVED')));
      if (fromStock.length > 0) {
        const sold = status === 'SOLD';
        await tx.execute(sql`
          update ${stockLevels} as s
          set on_hand = s.on_hand - ${sold ? sql`h.quantity` : sql`0`},
              reserved = s.reserved - h.quantity,
              updated_at = now()
          from unnest(
            ${sql.param(fromStock.map((h) => h.variantId))}::uuid[],
            ${sql.param(fromStock.map((h) => h.warehouseId))}::uuid[],
            ${sql.param(fromStock.map((h) => h.quantity))}::int[]
          ) as h(variant_id, warehouse_id, quantity)
          where s.variant_id = h.variant_id and s.warehouse_id = h.warehouse_id`);
        await recordMovements(
          tx,
          fromStock.map((h): MovementInput => ({
            variantId: h.variantId,
            warehouseId: h.warehouseId,
            kind: sold ? 'SALE' : 'RELEASE',
            onHandDelta: sold ? -h.quantity : 0,
            reservedDelta: -h.quantity,
            orderId,
          })),
        );
      }
      await tx
        .update(orderReservations)
        .set({ status, updatedAt: sql`now()` })
        .where(
          and(eq(orderReservations.orderId, orderId), eq(orderReservations.status, 'RESERVED')),
        );
      if (before.size > 0) {
        const after = new Map(
          [...before.values()].map((stock) => [
            stock.variantId,
            {
              ...stock,
              free:
                stock.free +
                fromStock
                  .filter((h) => h.variantId === stock.variantId)
                  .reduce((sum, h) => sum + h.quantity, 0),
            },
          ]),
        );
        flush = await recordAvailability(tx, before, after);
      }
      return held.length;
    });
    if (flush) await this.relay?.flush();
    return count;
  }

  private async reservationOf(
    tx: Pick<InventoryDb, 'select'>,
    header: OrderReservationRow,
  ): Promise<ReservationView> {
    const rows = await tx
      .select({
        variantId: reservations.variantId,
        warehouseCode: warehouses.code,
        quantity: reservations.quantity,
        backordered: reservations.backordered,
      })
      .from(reservations)
      .leftJoin(warehouses, eq(warehouses.id, reservations.warehouseId))
      .where(eq(reservations.orderId, header.orderId))
      .orderBy(asc(reservations.variantId), asc(warehouses.code));
    return {
      orderId: header.orderId,
      status: header.status,
      expiresAt: (header.expiresAt ?? header.createdAt).toISOString(),
      lines: rows,
    };
  }
}

/** A variant's stock from its locked rows and settings, without another query. */
function stockOf(
  variantId: string,
  settings: VariantSettingsRow | undefined,
  rows: Array<{ variantId: string; onHand: number; reserved: number }>,
): VariantStock {
  return {
    variantId,
    tracked: settings?.trackInventory ?? DEFAULT_POLICY.tracked,
    backorderable: settings?.allowBackorder ?? DEFAULT_POLICY.backorderable,
    safetyStock: settings?.safetyStock ?? DEFAULT_POLICY.safetyStock,
    maxPerOrder: settings?.maxPerOrder ?? null,
    maxPerCustomer: settings?.maxPerCustomer ?? null,
    free: rows
      .filter((r) => r.variantId === variantId)
      .reduce((sum, r) => sum + r.onHand - r.reserved, 0),
  };
}
