import { asc, eq, sql } from 'drizzle-orm';
import { adminActionBy, recordEvent, type OutboxRelay } from '@commerce-graph/events';
import { badUserInput, isUuid, type Actor } from '@commerce-graph/kit';
import type { InventoryDb } from '../db/client.ts';
import { outboxEvents, stockLevels, variantSettings } from '../db/schema.ts';
import { assertMayChangeStock } from './access.ts';
import {
  readVariantStock,
  recordAvailability,
  type AvailabilityView,
  type VariantStock,
} from './availability.ts';
import { MAX_RESERVE_QUANTITY } from './reservation.service.ts';
import { MAX_ON_HAND } from './stock.service.ts';

export type { AvailabilityView };

/** Most units one customer may be allowed to buy of a variant, in total. */
export const MAX_PER_CUSTOMER_LIMIT = 1_000_000;

/** A variant's inventory policy as the admin schema shows it. */
export interface VariantPolicy {
  variantId: string;
  trackInventory: boolean;
  allowBackorder: boolean;
  safetyStock: number;
  maxPerOrder: number | null;
  maxPerCustomer: number | null;
}

export type VariantInventoryPolicyResult =
  | ({ __typename: 'VariantInventoryPolicy' } & VariantPolicy)
  | { __typename: 'InvalidInventoryPolicy'; code: string; message: string; field: string };

export function policyOf(stock: VariantStock): VariantPolicy {
  return {
    variantId: stock.variantId,
    trackInventory: stock.tracked,
    allowBackorder: stock.backorderable,
    safetyStock: stock.safetyStock,
    maxPerOrder: stock.maxPerOrder,
    maxPerCustomer: stock.maxPerCustomer,
  };
}

const invalid = (field: string, message: string): VariantInventoryPolicyResult => ({
  __typename: 'InvalidInventoryPolicy',
  code: 'INVALID_INVENTORY_POLICY',
  message,
  field,
});

/** Per-variant policy: tracking, backorders, safety stock and the flash-sale purchase limits. */
export class SettingsService {
  private readonly db: InventoryDb;
  private readonly relay: OutboxRelay | undefined;

  constructor(deps: { db: InventoryDb; relay?: OutboxRelay }) {
    this.db = deps.db;
    this.relay = deps.relay;
  }

  /**
   * Admin: replaces a variant's policy. The variant's settings row and then its stock rows are
   * locked (reserveStock's order), so the availability event it may record is in sequence.
   */
  async setVariantInventoryPolicy(
    actor: Actor,
    input: {
      variantId: string;
      trackInventory?: boolean | null;
      allowBackorder?: boolean | null;
      safetyStock?: number | null;
      maxPerOrder?: number | null;
      maxPerCustomer?: number | null;
    },
  ): Promise<VariantInventoryPolicyResult> {
    assertMayChangeStock(actor);
    if (!isUuid(input.variantId)) throw badUserInput(`"${input.variantId}" is not a variant id`);
    const policy: VariantPolicy = {
      variantId: input.variantId,
      trackInventory: input.trackInventory ?? true,
      allowBackorder: input.allowBackorder ?? false,
      safetyStock: input.safetyStock ?? 0,
      maxPerOrder: input.maxPerOrder ?? null,
      maxPerCustomer: input.maxPerCustomer ?? null,
    };
    const whole = (n: number, min: number, max: number) =>
      Number.isInteger(n) && n >= min && n <= max;
    if (!whole(policy.safetyStock, 0, MAX_ON_HAND)) {
      return invalid('safetyStock', `safetyStock must be a whole number from 0 to ${MAX_ON_HAND}`);
    }
    if (policy.maxPerOrder !== null && !whole(policy.maxPerOrder, 1, MAX_RESERVE_QUANTITY)) {
      return invalid(
        'maxPerOrder',
        `maxPerOrder must be a whole number from 1 to ${MAX_RESERVE_QUANTITY}, or null`,
      );
    }
    if (
      policy.maxPerCustomer !== null &&
      !whole(policy.maxPerCustomer, 1, MAX_PER_CUSTOMER_LIMIT)
    ) {
      return invalid(
        'maxPerCustomer',
        `maxPerCustomer must be a whole number from 1 to ${MAX_PER_CUSTOMER_LIMIT}, or null`,
      );
    }
    let flush = false;
    const result = await this.db.transaction(async (tx) => {
      await tx.insert(variantSettings).values({ variantId: input.variantId }).onConflictDoNothing();
      await tx
        .select({ id: variantSettings.variantId })
        .from(variantSettings)
        .where(eq(variantSettings.variantId, input.variantId))
        .for('update');
      await tx
        .select({ id: stockLevels.warehouseId })
        .from(stockLevels)
        .where(eq(stockLevels.variantId, input.variantId))
        .orderBy(asc(stockLevels.warehouseId))
        .for('update');
      const before = await readVariantStock(tx, [input.variantId]);
      await tx
        .update(variantSettings)
        .set({
          trackInventory: policy.trackInventory,
          allowBackorder: policy.allowBackorder,
          safetyStock: policy.safetyStock,
          maxPerOrder: policy.maxPerOrder,
          maxPerCustomer: policy.maxPerCustomer,
          updatedAt: sql`now()`,
        })
        .where(eq(variantSettings.variantId, input.variantId));
      const after = await readVariantStock(tx, [input.variantId]);
      await recordAvailability(tx, before, after);
      await recordEvent(
        tx,
        outboxEvents,
        'inventory.admin-action.recorded',
        adminActionBy(
          actor,
          'setVariantInventoryPolicy',
          { type: 'ProductVariant', id: input.variantId },
          { before: policyOf(before.get(input.variantId)!), after: policy },
        ),
      );
      flush = true;
      return policyOf(after.get(input.variantId)!);
    });
    if (flush) await this.relay?.flush();
    return { __typename: 'VariantInventoryPolicy', ...result };
  }
}
