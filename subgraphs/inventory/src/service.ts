import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { adminActionBy, recordEvent, type OutboxRelay } from '@commerce-graph/events';
import {
  anyOf,
  badUserInput,
  can,
  forbidden,
  isUuid,
  parseInput,
  userInput,
  type Actor,
} from '@commerce-graph/kit';
import type { InventoryDb, InventoryTx } from './db/client.ts';
import {
  outboxEvents,
  reservations,
  stockLevels,
  warehouses,
  type StockLevelRow,
  type WarehouseRow,
} from './db/schema.ts';

/** Largest quantity one order line may reserve, and largest stock count an admin may set. */
export const MAX_RESERVE_QUANTITY = 1_000;
export const MAX_ON_HAND = 10_000_000;

/** A variant as inventory knows it: only its id (products owns the rest). */
export interface VariantRef {
  id: string;
}

export type StockResult =
  | ({ __typename: 'StockLevel' } & StockLevelRow)
  | { __typename: 'UnknownWarehouse'; code: string; message: string; warehouseCode: string }
  | { __typename: 'InvalidStockQuantity'; code: string; message: string; reserved: number };

export interface ReservationView {
  orderId: string;
  lines: Array<{ variantId: string; warehouseCode: string; quantity: number }>;
}

export interface StockShortage {
  variantId: string;
  requested: number;
  available: number;
}

export type ReserveStockResult =
  | ({ __typename: 'Reservation' } & ReservationView)
  | { __typename: 'InsufficientStock'; code: string; message: string; lines: StockShortage[] };

const warehouseCode = userInput.warehouseCode();

const unknownWarehouse = (code: string, message: string): StockResult => ({
  __typename: 'UnknownWarehouse',
  code: 'UNKNOWN_WAREHOUSE',
  message,
  warehouseCode: code,
});

/** Carries a refusal out of a transaction, rolling it back. */
class RefusedChange extends Error {
  constructor(readonly result: StockResult) {
    super(result.__typename);
  }
}

/** Stock rules: admin stock changes, and the reserve -> sell | release life of an order's stock. */
export class InventoryService {
  private readonly db: InventoryDb;
  /** Publishes the audit events of stock changes; without it they wait in the outbox for a poll. */
  private readonly relay: OutboxRelay | undefined;

  constructor(deps: { db: InventoryDb; relay?: OutboxRelay }) {
    this.db = deps.db;
    this.relay = deps.relay;
  }

  listWarehouses(): Promise<WarehouseRow[]> {
    return this.db.select().from(warehouses).orderBy(asc(warehouses.code));
  }

  /**
   * Throws FORBIDDEN unless the caller is a staff member with `stock:write` or a partner whose key
   * has `inventory:write`.
   */
  assertMayChangeStock(actor: Actor): void {
    if (can(actor, 'stock:write')) return;
    if (actor.kind === 'partner' && actor.scopes.includes('inventory:write')) return;
    throw forbidden('Changing stock needs the stock:write permission or an inventory:write key');
  }

  /** Admin: sets units on hand; refuses to go below what unpaid orders hold. */
  setStock(
    actor: Actor,
    input: { variantId: string; warehouseCode: string; onHand: number },
  ): Promise<StockResult> {
    return this.changeStock(actor, 'setStock', input, () => input.onHand);
  }

  /** Admin: adds `delta` units on hand (negative removes); same limits as setStock. */
  adjustStock(
    actor: Actor,
    input: { variantId: string; warehouseCode: string; delta: number },
  ): Promise<StockResult> {
    return this.changeStock(actor, 'adjustStock', input, (current) => current + input.delta);
  }

  /** Both stock changes: the row locked, the limits checked, the change audited, in one transaction. */
  private async changeStock(
    actor: Actor,
    action: 'setStock' | 'adjustStock',
    input: { variantId: string; warehouseCode: string },
    next: (onHand: number) => number,
  ): Promise<StockResult> {
    this.assertMayChangeStock(actor);
    if (!isUuid(input.variantId)) throw badUserInput(`"${input.variantId}" is not a variant id`);
    // A malformed code names no warehouse: refused like an unknown one, before any SQL.
    const code = parseInput(warehouseCode, input.warehouseCode, ({ message }) =>
      unknownWarehouse(input.warehouseCode, `Not a warehouse code. ${message}`),
    );
    if (!code.ok) return code.error;
    return this.db
      .transaction(async (tx): Promise<StockResult> => {
        const [warehouse] = await tx
          .select()
          .from(warehouses)
          .where(eq(warehouses.code, code.value));
        if (!warehouse) {
          return unknownWarehouse(code.value, `No warehouse has the code ${code.value}`);
        }
        // Make sure the row exists, then lock it: concurrent adjustments must not lose updates.
        await tx
          .insert(stockLevels)
          .values({ variantId: input.variantId, warehouseId: warehouse.id })
          .onConflictDoNothing();
        const [current] = await tx
          .select()
          .from(stockLevels)
          .where(
            and(
              eq(stockLevels.variantId, input.variantId),
              eq(stockLevels.warehouseId, warehouse.id),
            ),
          )
          .for('update');
        if (!current) throw new Error('stock level row vanished inside its transaction');
        const onHand = next(current.onHand);
        const before = await this.availableOf(tx, [input.variantId]);
        if (!Number.isInteger(onHand) || onHand < current.reserved || onHand > MAX_ON_HAND) {
          // Roll back: the row created above for a new variant must not stay behind.
          throw new RefusedChange({
            __typename: 'InvalidStockQuantity',
            code: 'INVALID_STOCK_QUANTITY',
            message:
              `On hand would be ${onHand}; it must be a whole number between the ` +
              `${current.reserved} units reserved and ${MAX_ON_HAND}`,
            reserved: current.reserved,
          });
        }
        const [updated] = await tx
          .update(stockLevels)
          .set({ onHand, updatedAt: sql`now()` })
          .where(
            and(
              eq(stockLevels.variantId, input.variantId),
              eq(stockLevels.warehouseId, warehouse.id),
            ),
          )
          .returning();
        const was = before.get(input.variantId) ?? 0;
        await this.recordAvailability(
          tx,
          before,
          new Map([[input.variantId, was + onHand - current.onHand]]),
        );
        await recordEvent(
          tx,
          outboxEvents,
          'inventory.admin-action.recorded',
          adminActionBy(
            actor,
            action,
            { type: 'StockLevel', id: `${input.variantId}@${warehouse.code}` },
            {
              variantId: input.variantId,
              warehouseCode: warehouse.code,
              before: current.onHand,
              after: onHand,
            },
          ),
        );
        return { __typename: 'StockLevel', ...(updated as StockLevelRow) };
      })
      .then(async (result) => {
        if (result.__typename === 'StockLevel') await this.relay?.flush();
        return result;
      })
      .catch((error: unknown) => {
        if (error instanceof RefusedChange) return error.result;
        throw error;
      });
  }

  /**
   * Reserves every line of an order or none. Rows of the variants involved are locked in a fixed
   * order (variant, warehouse), so concurrent orders queue up instead of deadlocking, and a
   * unit can never be promised twice. Calling it again for the same order returns the first
   * reservation.
   */
  async reserveStock(input: {
    orderId: string;
    lines: Array<{ variantId: string; quantity: number }>;
  }): Promise<ReserveStockResult> {
    if (!isUuid(input.orderId)) throw badUserInput('orderId must be a UUID');
    if (input.lines.length === 0) throw badUserInput('An order needs at least one line');
    const wanted = new Map<string, number>();
    for (const line of input.lines) {
      if (!isUuid(line.variantId)) throw badUserInput(`"${line.variantId}" is not a variant id`);
      if (!Number.isInteger(line.quantity) || line.quantity < 1) {
        throw badUserInput('Quantities must be positive whole numbers');
      }
      wanted.set(line.variantId, (wanted.get(line.variantId) ?? 0) + line.quantity);
    }
    for (const [variantId, quantity] of wanted) {
      if (quantity > MAX_RESERVE_QUANTITY) {
        throw badUserInput(`At most ${MAX_RESERVE_QUANTITY} units of ${variantId} per order`);
      }
    }

    let flush = false;
    const result = await this.db.transaction(async (tx): Promise<ReserveStockResult> => {
      // Serialise attempts for the same order so a retried call cannot reserve twice.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reserve:${input.orderId}`}))`);
      const existing = await this.reservationOf(tx, input.orderId);
      if (existing.lines.length > 0) return { __typename: 'Reservation', ...existing };

      const variantIds = [...wanted.keys()].sort();
      const rows = await tx
        .select()
        .from(stockLevels)
        .where(anyOf(stockLevels.variantId, variantIds))
        .orderBy(asc(stockLevels.variantId), asc(stockLevels.warehouseId))
        .for('update');

      const shortages: StockShortage[] = [];
      const allocations: Array<{ variantId: string; warehouseId: string; quantity: number }> = [];
      const before = new Map<string, number>();
      const after = new Map<string, number>();
      for (const variantId of variantIds) {
        const requested = wanted.get(variantId) ?? 0;
        // Take from the fullest warehouse first: fewer split shipments.
        const levels = rows
          .filter((r) => r.variantId === variantId && r.onHand > r.reserved)
          .sort((a, b) => b.onHand - b.reserved - (a.onHand - a.reserved));
        const available = levels.reduce((sum, r) => sum + r.onHand - r.reserved, 0);
        before.set(variantId, available);
        after.set(variantId, available - requested);
        if (available < requested) {
          shortages.push({ variantId, requested, available });
          continue;
        }
        let remaining = requested;
        for (const level of levels) {
          if (remaining === 0) break;
          const take = Math.min(remaining, level.onHand - level.reserved);
          allocations.push({ variantId, warehouseId: level.warehouseId, quantity: take });
          remaining -= take;
        }
      }
      if (shortages.length > 0) {
        return {
          __typename: 'InsufficientStock',
          code: 'INSUFFICIENT_STOCK',
          message: 'Not enough stock for some lines; nothing was reserved',
          lines: shortages,
        };
      }

      await tx.execute(sql`
        update ${stockLevels} as s
        set reserved = s.reserved + a.quantity, updated_at = now()
        from unnest(
          ${sql.param(allocations.map((a) => a.variantId))}::uuid[],
          ${sql.param(allocations.map((a) => a.warehouseId))}::uuid[],
          ${sql.param(allocations.map((a) => a.quantity))}::int[]
        ) as a(variant_id, warehouse_id, quantity)
        where s.variant_id = a.variant_id and s.warehouse_id = a.warehouse_id`);
      await tx
        .insert(reservations)
        .values(allocations.map((a) => ({ ...a, orderId: input.orderId })));
      if (await this.recordAvailability(tx, before, after)) flush = true;
      return { __typename: 'Reservation', ...(await this.reservationOf(tx, input.orderId)) };
    });
    if (flush) await this.relay?.flush();
    return result;
  }

  /** Turns an order's reserved units into a sale (they leave on-hand). Idempotent. */
  commitReservation(orderId: string): Promise<number> {
    return this.settleReservation(orderId, 'SOLD');
  }

  /**
   * Releases reservations still RESERVED after `maxAgeMs`. Checkout settles every order long
   * before (its payments expire after PAYMENT_TIMEOUT_MINUTES); a reservation this old belongs to
   * an order that was never written, say because its checkout process died between reserving
   * and writing the order. Returns how many orders were released.
   */
  async releaseAbandonedReservations(maxAgeMs: number): Promise<number> {
    const stale = await this.db
      .selectDistinct({ orderId: reservations.orderId })
      .from(reservations)
      .where(
        and(
          eq(reservations.status, 'RESERVED'),
          lt(reservations.createdAt, new Date(Date.now() - maxAgeMs)),
        ),
      )
      .limit(100);
    let released = 0;
    for (const { orderId } of stale) {
      if ((await this.releaseReservation(orderId)) > 0) released++;
    }
    return released;
  }

  /** Gives an order's reserved units back to the available pool. Idempotent. */
  releaseReservation(orderId: string): Promise<number> {
    if (!isUuid(orderId)) throw badUserInput('orderId must be a UUID');
    return this.settleReservation(orderId, 'RELEASED');
  }

  /**
   * Moves the order's RESERVED rows to `status` and applies the stock change in one statement:
   * a redelivered event finds no RESERVED rows and changes nothing.
   */
  private async settleReservation(orderId: string, status: 'SOLD' | 'RELEASED'): Promise<number> {
    const onHandChange = status === 'SOLD' ? sql`settled.quantity` : sql`0`;
    let flush = false;
    const count = await this.db.transaction(async (tx) => {
      // Lock the stock rows in reserveStock's order (variant, warehouse) before changing them:
      // concurrent reservations and settlements of the same variants queue instead of deadlocking.
      await tx.execute(sql`
        select 1 from ${stockLevels}
        where (variant_id, warehouse_id) in (
          select variant_id, warehouse_id from ${reservations}
          where order_id = ${orderId} and status = 'RESERVED')
        order by variant_id, warehouse_id
        for update`);
      // A sale leaves availability as it was (on hand and reserved both drop); a release adds.
      const held =
        status === 'RELEASED'
          ? await tx
              .select({
                variantId: reservations.variantId,
                quantity: sql<number>`sum(${reservations.quantity})::int`,
              })
              .from(reservations)
              .where(and(eq(reservations.orderId, orderId), eq(reservations.status, 'RESERVED')))
              .groupBy(reservations.variantId)
          : [];
      const before =
        held.length > 0
          ? await this.availableOf(
              tx,
              held.map((h) => h.variantId),
            )
          : new Map();
      const result = await tx.execute(sql`
        with settled as (
          update ${reservations}
          set status = ${status}, updated_at = now()
          where order_id = ${orderId} and status = 'RESERVED'
          returning variant_id, warehouse_id, quantity
        )
        update ${stockLevels} as s
        set on_hand = s.on_hand - ${onHandChange},
            reserved = s.reserved - settled.quantity,
            updated_at = now()
        from settled
        where s.variant_id = settled.variant_id and s.warehouse_id = settled.warehouse_id`);
      const after = new Map(
        held.map((h) => [h.variantId, (before.get(h.variantId) ?? 0) + h.quantity]),
      );
      if (await this.recordAvailability(tx, before, after)) flush = true;
      return result.count;
    });
    if (flush) await this.relay?.flush();
    return count;
  }

  /** Units available per variant now, summed over warehouses (in the caller's transaction). */
  private async availableOf(tx: InventoryTx, variantIds: string[]): Promise<Map<string, number>> {
    const rows = await tx
      .select({
        variantId: stockLevels.variantId,
        available: sql<number>`sum(${stockLevels.onHand} - ${stockLevels.reserved})::int`,
      })
      .from(stockLevels)
      .where(anyOf(stockLevels.variantId, variantIds))
      .groupBy(stockLevels.variantId);
    return new Map(rows.map((row) => [row.variantId, row.available]));
  }

  /**
   * Records `inventory.availability.changed` for the variants whose availability crossed zero
   * (search's in-stock filter follows it); nothing when none did. True when it recorded.
   */
  private async recordAvailability(
    tx: InventoryTx,
    before: Map<string, number>,
    after: Map<string, number>,
  ): Promise<boolean> {
    const changes = [...after]
      .filter(([variantId, now]) => (before.get(variantId) ?? 0) > 0 !== now > 0)
      .map(([variantId, now]) => ({ variantId, inStock: now > 0 }));
    if (changes.length === 0) return false;
    await recordEvent(tx, outboxEvents, 'inventory.availability.changed', { changes });
    return true;
  }

  private async reservationOf(
    tx: Pick<InventoryDb, 'select'>,
    orderId: string,
  ): Promise<ReservationView> {
    const rows = await tx
      .select({
        variantId: reservations.variantId,
        warehouseCode: warehouses.code,
        quantity: reservations.quantity,
      })
      .from(reservations)
      .innerJoin(warehouses, eq(warehouses.id, reservations.warehouseId))
      .where(eq(reservations.orderId, orderId))
      .orderBy(asc(reservations.variantId), asc(warehouses.code));
    return { orderId, lines: rows };
  }
}
