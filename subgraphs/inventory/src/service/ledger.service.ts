import { and, desc, eq, lt } from 'drizzle-orm';
import { badUserInput, isUuid, type Actor } from '@commerce-graph/kit';
import type { InventoryDb, InventoryTx } from '../db/client.ts';
import { stockMovements, type StockMovementKind, type StockMovementRow } from '../db/schema.ts';
import { assertMayChangeStock } from './access.ts';

/** One movement to append; the deltas are what the same transaction did to `stock_levels`. */
export interface MovementInput {
  variantId: string;
  warehouseId: string;
  kind: StockMovementKind;
  onHandDelta?: number;
  reservedDelta?: number;
  orderId?: string | null;
  actor?: string | null;
  note?: string | null;
}

export interface StockMovementPage {
  edges: Array<{ cursor: string; node: StockMovementRow }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const MAX_MOVEMENTS_PAGE = 200;

/** Appends movements inside the caller's transaction (the one that changed the stock rows). */
export async function recordMovements(tx: InventoryTx, movements: MovementInput[]): Promise<void> {
  const rows = movements.filter((m) => (m.onHandDelta ?? 0) !== 0 || (m.reservedDelta ?? 0) !== 0);
  if (rows.length === 0) return;
  await tx.insert(stockMovements).values(rows);
}

const cursorOf = (id: number) => Buffer.from(`movement:${id}`).toString('base64url');

function idOfCursor(cursor: string): number {
  const match = /^movement:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badUserInput('after is not a cursor of this list');
  return Number(match[1]);
}

/** The append-only stock ledger: every change of on hand or reserved, per variant. */
export class LedgerService {
  constructor(private readonly db: InventoryDb) {}

  /** Admin: a variant's movements, newest first, one page at a time. */
  async stockMovements(
    actor: Actor,
    input: { variantId: string; first?: number | null; after?: string | null },
  ): Promise<StockMovementPage> {
    assertMayChangeStock(actor);
    if (!isUuid(input.variantId)) throw badUserInput(`"${input.variantId}" is not a variant id`);
    const first = input.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_MOVEMENTS_PAGE) {
      throw badUserInput(`first must be between 1 and ${MAX_MOVEMENTS_PAGE}`);
    }
    const before = input.after ? idOfCursor(input.after) : undefined;
    const rows = await this.db
      .select()
      .from(stockMovements)
      .where(
        and(
          eq(stockMovements.variantId, input.variantId),
          before === undefined ? undefined : lt(stockMovements.id, before),
        ),
      )
      .orderBy(desc(stockMovements.id))
      .limit(first + 1);
    const page = rows.slice(0, first);
    return {
      edges: page.map((node) => ({ cursor: cursorOf(node.id), node })),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: page.length > 0 ? cursorOf(page[page.length - 1]!.id) : null,
      },
    };
  }
}
