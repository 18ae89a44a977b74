import { and, asc, eq, sql } from 'drizzle-orm';
import { adminActionBy, recordEvent, type OutboxRelay } from '@commerce-graph/events';
import {
  anyOf,
  badUserInput,
  isUuid,
  parseInput,
  userInput,
  type Actor,
} from '@commerce-graph/kit';
import type { InventoryDb, InventoryTx } from '../db/client.ts';
import {
  outboxEvents,
  stockLevels,
  warehouses,
  type StockLevelRow,
  type WarehouseRow,
} from '../db/schema.ts';
import { actorLabel, assertMayChangeStock } from './access.ts';
import { readVariantStock, recordAvailability } from './availability.ts';
import { recordMovements } from './ledger.service.ts';

/** Largest stock count an admin may set (and a transfer may produce). */
export const MAX_ON_HAND = 10_000_000;

/** A variant as inventory knows it: only its id (products owns the rest). */
export interface VariantRef {
  id: string;
}

type UnknownWarehouseResult = {
  __typename: 'UnknownWarehouse';
  code: string;
  message: string;
  warehouseCode: string;
};
type InvalidStockQuantityResult = {
  __typename: 'InvalidStockQuantity';
  code: string;
  message: string;
  reserved: number;
};

export type StockResult =
  | ({ __typename: 'StockLevel' } & StockLevelRow)
  | UnknownWarehouseResult
  | InvalidStockQuantityResult;

export interface StockTransferView {
  variantId: string;
  quantity: number;
  from: StockLevelRow;
  to: StockLevelRow;
}

export type TransferStockResult =
  | ({ __typename: 'StockTransfer' } & StockTransferView)
  | UnknownWarehouseResult
  | InvalidStockQuantityResult
  | {
      __typename: 'InvalidTransferQuantity';
      code: string;
      message: string;
      requested: number;
      available: number;
    }
  | { __typename: 'SameWarehouseTransfer'; code: string; message: string; warehouseCode: string };

const warehouseCode = userInput.warehouseCode();

const unknownWarehouse = (code: string, message: string): UnknownWarehouseResult => ({
  __typename: 'UnknownWarehouse',
  code: 'UNKNOWN_WAREHOUSE',
  message,
  warehouseCode: code,
});

/** Carries a refusal out of a transaction, rolling it back. */
class RefusedChange<T> extends Error {
  constructor(readonly result: T) {
    super('refused');
  }
}

/** Admin stock changes: set, adjust and transfer, each with its movements and audit record. */
export class StockService {
  private readonly db: InventoryDb;
  /** Publishes the events of stock changes; without it they wait in the outbox for a poll. */
  private readonly relay: OutboxRelay | undefined;

  constructor(deps: { db: InventoryDb; relay?: OutboxRelay }) {
    this.db = deps.db;
    this.relay = deps.relay;
  }

  listWarehouses(): Promise<WarehouseRow[]> {
    return this.db.select().from(warehouses).orderBy(asc(warehouses.code));
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
    assertMayChangeStock(actor);
    if (!isUuid(input.variantId)) throw badUserInput(`"${input.variantId}" is not a variant id`);
    // A malformed code names no warehouse: refused like an unknown one, before any SQL.
    const code = parseInput(warehouseCode, input.warehouseCode, ({ message }) =>
      unknownWarehouse(input.warehouseCode, `Not a warehouse code. ${message}`),
    );
    if (!code.ok) return code.error;
    let flush = false;
    return this.db
      .transaction(async (tx): Promise<StockResult> => {
        const [warehouse] = await tx
          .select()
          .from(warehouses)
          .where(eq(warehouses.code, code.value));
        if (!warehouse) {
          return unknownWarehouse(code.value, `No warehouse has the code ${code.value}`);
        }
        const [current] = await this.lockLevels(tx, input.variantId, [warehouse.id]);
        if (!current) throw new Error('stock level row vanished inside its transaction');
        const onHand = next(current.onHand);
        if (!Number.isInteger(onHand) || onHand < current.reserved || onHand > MAX_ON_HAND) {
          // Roll back: the row created above for a new variant must not stay behind.
          throw new RefusedChange<StockResult>({
            __typename: 'InvalidStockQuantity',
            code: 'INVALID_STOCK_QUANTITY',
            message:
              `On hand would be ${onHand}; it must be a whole number between the ` +
              `${current.reserved} units reserved and ${MAX_ON_HAND}`,
            reserved: current.reserved,
          });
        }
        const before = await readVariantStock(tx, [input.variantId]);
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
        await recordMovements(tx, [
          {
            variantId: input.variantId,
            warehouseId: warehouse.id,
            kind: 'ADJUSTMENT',
            onHandDelta: onHand - current.onHand,
            actor: actorLabel(actor),
            note: action,
          },
        ]);
        const was = before.get(input.variantId)!;
        flush = await recordAvailability(
          tx,
          before,
          new Map([[was.variantId, { ...was, free: was.free + onHand - current.onHand }]]),
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
        flush = true;
        return { __typename: 'StockLevel', ...(updated as StockLevelRow) };
      })
      .then(async (result) => {
        if (flush) await this.relay?.flush();
        return result;
      })
      .catch((error: unknown) => {
        if (error instanceof RefusedChange) return error.result as StockResult;
        throw error;
      });
  }

  /**
   * Admin: moves `quantity` available units (on hand, not reserved) of a variant from one
   * warehouse to another. The variant's availability does not change, so no event but the audit.
   */
  async transferStock(
    actor: Actor,
    input: {
      variantId: string;
      fromWarehouseCode: string;
      toWarehouseCode: string;
      quantity: number;
    },
  ): Promise<TransferStockResult> {
    assertMayChangeStock(actor);
    if (!isUuid(input.variantId)) throw badUserInput(`"${input.variantId}" is not a variant id`);
    const codes: string[] = [];
    for (const raw of [input.fromWarehouseCode, input.toWarehouseCode]) {
      const code = parseInput(warehouseCode, raw, ({ message }) =>
        unknownWarehouse(raw, `Not a warehouse code. ${message}`),
      );
      if (!code.ok) return code.error;
      codes.push(code.value);
    }
    const [fromCode, toCode] = codes as [string, string];
    if (fromCode === toCode) {
      return {
        __typename: 'SameWarehouseTransfer',
        code: 'SAME_WAREHOUSE',
        message: 'A transfer needs two different warehouses',
        warehouseCode: fromCode,
      };
    }
    let flush = false;
    return this.db
      .transaction(async (tx): Promise<TransferStockResult> => {
        const found = await tx
          .select()
          .from(warehouses)
          .where(anyOf(warehouses.code, [fromCode, toCode]));
        const from = found.find((w) => w.code === fromCode);
        const to = found.find((w) => w.code === toCode);
        for (const [code, warehouse] of [
          [fromCode, from],
          [toCode, to],
        ] as const) {
          if (!warehouse) return unknownWarehouse(code, `No warehouse has the code ${code}`);
        }
        const levels = await this.lockLevels(tx, input.variantId, [from!.id, to!.id]);
        const source = levels.find((l) => l.warehouseId === from!.id)!;
        const target = levels.find((l) => l.warehouseId === to!.id)!;
        const available = source.onHand - source.reserved;
        if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > available) {
          throw new RefusedChange<TransferStockResult>({
            __typename: 'InvalidTransferQuantity',
            code: 'INVALID_TRANSFER_QUANTITY',
            message: `Transfer a whole number of units between 1 and the ${available} available in ${fromCode}`,
            requested: input.quantity,
            available,
          });
        }
        if (target.onHand + input.quantity > MAX_ON_HAND) {
          throw new RefusedChange<TransferStockResult>({
            __typename: 'InvalidStockQuantity',
            code: 'INVALID_STOCK_QUANTITY',
            message: `On hand in ${toCode} would exceed ${MAX_ON_HAND}`,
            reserved: target.reserved,
          });
        }
        const moved = await tx.execute<{ warehouse_id: string }>(sql`
          update ${stockLevels} as s
          set on_hand = s.on_hand + m.delta, updated_at = now()
          from unnest(${sql.param([from!.id, to!.id])}::uuid[],
                      ${sql.param([-input.quantity, input.quantity])}::int[]) as m(warehouse_id, delta)
          where s.variant_id = ${input.variantId} and s.warehouse_id = m.warehouse_id
          returning s.warehouse_id`);
        if (moved.length !== 2) throw new Error('a transfer must change exactly two stock levels');
        const label = actorLabel(actor);
        const note = `transfer ${fromCode} -> ${toCode}`;
        await recordMovements(tx, [
          {
            variantId: input.variantId,
            warehouseId: from!.id,
            kind: 'TRANSFER_OUT',
            onHandDelta: -input.quantity,
            actor: label,
            note,
          },
          {
            variantId: input.variantId,
            warehouseId: to!.id,
            kind: 'TRANSFER_IN',
            onHandDelta: input.quantity,
            actor: label,
            note,
          },
        ]);
        await recordEvent(
          tx,
          outboxEvents,
          'inventory.admin-action.recorded',
          adminActionBy(
            actor,
            'transferStock',
            { type: 'ProductVariant', id: input.variantId },
            {
              variantId: input.variantId,
              fromWarehouseCode: fromCode,
              toWarehouseCode: toCode,
              quantity: input.quantity,
            },
          ),
        );
        flush = true;
        const after = await this.lockLevels(tx, input.variantId, [from!.id, to!.id]);
        return {
          __typename: 'StockTransfer',
          variantId: input.variantId,
          quantity: input.quantity,
          from: after.find((l) => l.warehouseId === from!.id)!,
          to: after.find((l) => l.warehouseId === to!.id)!,
        };
      })
      .then(async (result) => {
        if (flush) await this.relay?.flush();
        return result;
      })
      .catch((error: unknown) => {
        if (error instanceof RefusedChange) return error.result as TransferStockResult;
        throw error;
      });
  }

  /**
   * Makes sure the variant's rows in these warehouses exist, then locks them in reserveStock's
   * order (variant, warehouse): concurrent changes must not lose updates or deadlock.
   */
  private async lockLevels(
    tx: InventoryTx,
    variantId: string,
    warehouseIds: string[],
  ): Promise<StockLevelRow[]> {
    await tx
      .insert(stockLevels)
      // Sorted: two transfers inserting the same new rows in opposite orders would deadlock.
      .values([...warehouseIds].sort().map((warehouseId) => ({ variantId, warehouseId })))
      .onConflictDoNothing();
    return tx
      .select()
      .from(stockLevels)
      .where(
        and(eq(stockLevels.variantId, variantId), anyOf(stockLevels.warehouseId, warehouseIds)),
      )
      .orderBy(asc(stockLevels.warehouseId))
      .for('update');
  }
}
