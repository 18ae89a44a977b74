import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { adminActionBy, type AdminAction, type EventEnvelope } from '@commerce-graph/events';
import { badUserInput, isUuid, requirePermission, type Actor } from '@commerce-graph/kit';
import type { IdentityDb } from '../db/client.ts';
import { adminAudit, type AdminAuditRow } from '../db/schema.ts';

/** One page of the audit log and where the next one starts. */
export interface AdminAuditPageView {
  entries: AdminAuditRow[];
  nextCursor: string | null;
}

export const MAX_AUDIT_PAGE = 200;

/** A page cursor: the last entry's time and id, so entries of the same instant are not skipped. */
const encodeCursor = (row: AdminAuditRow) =>
  Buffer.from(`${row.occurredAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const occurredAt = new Date(at ?? '');
  if (!id || !isUuid(id) || Number.isNaN(occurredAt.getTime())) {
    throw badUserInput('after: not a cursor this log gave out');
  }
  return { occurredAt, id };
}

/**
 * The audit log of admin actions: identity's own actions are written in their transaction
 * (`record`), the other subgraphs' arrive as events (`storeEvent`), and staff with `audit:read`
 * page through it (`list`).
 */
export class AuditService {
  constructor(private readonly db: IdentityDb) {}

  /** Records an admin action the actor did here, in the caller's transaction. */
  async record(
    tx: Pick<IdentityDb, 'insert'>,
    actor: Actor,
    action: string,
    target: AdminAction['target'],
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await tx
      .insert(adminAudit)
      .values(toRow('identity', adminActionBy(actor, action, target, details)));
  }

  /** Stores another subgraph's audit event; a redelivered event (same id) adds nothing. */
  async storeEvent(event: EventEnvelope, action: AdminAction): Promise<void> {
    await this.db
      .insert(adminAudit)
      .values({
        ...toRow(event.name.split('.')[0]!, action),
        id: event.id,
        occurredAt: new Date(event.occurredAt),
      })
      .onConflictDoNothing();
  }

  /** Staff with `audit:read`: the newest entries first, filtered by actor or action. */
  async list(
    actor: Actor,
    input: {
      first?: number | null;
      after?: string | null;
      actorId?: string | null;
      action?: string | null;
    },
  ): Promise<AdminAuditPageView> {
    requirePermission(actor, 'audit:read');
    const first = input.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
      throw badUserInput(`first: between 1 and ${MAX_AUDIT_PAGE}`);
    }
    const conditions: SQL[] = [];
    if (input.actorId != null) {
      if (!isUuid(input.actorId)) return { entries: [], nextCursor: null };
      conditions.push(eq(adminAudit.actorId, input.actorId.toLowerCase()));
    }
    if (input.action != null) conditions.push(eq(adminAudit.action, input.action));
    if (input.after != null) {
      const cursor = decodeCursor(input.after);
      conditions.push(
        or(
          lt(adminAudit.occurredAt, cursor.occurredAt),
          and(eq(adminAudit.occurredAt, cursor.occurredAt), lt(adminAudit.id, cursor.id)),
        )!,
      );
    }
    const rows = await this.db
      .select()
      .from(adminAudit)
      .where(and(...conditions))
      .orderBy(desc(adminAudit.occurredAt), desc(adminAudit.id))
      .limit(first + 1);
    const entries = rows.slice(0, first);
    return {
      entries,
      nextCursor: rows.length > first ? encodeCursor(entries[entries.length - 1]!) : null,
    };
  }
}

/**
 * Records an action an operator did at the command line (the bootstrap of staff), in the
 * caller's transaction: no staff member or key did it, so it names no actor.
 */
export async function recordOperatorAction(
  tx: Pick<IdentityDb, 'insert'>,
  action: string,
  target: AdminAction['target'],
  details: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .insert(adminAudit)
    .values(toRow('identity', { actor: { kind: 'operator', id: null }, action, target, details }));
}

/** The row of an action; times in milliseconds, like the cursors that page through them. */
function toRow(
  service: string,
  action: Omit<AdminAction, 'actor'> & {
    actor: AdminAction['actor'] | { kind: 'operator'; id: null };
  },
): typeof adminAudit.$inferInsert {
  return {
    occurredAt: new Date(),
    service,
    actorKind: action.actor.kind,
    actorId: action.actor.id,
    action: action.action,
    targetType: action.target.type,
    targetId: action.target.id,
    details: action.details,
    network: action.network ?? null,
    requestId: action.requestId ?? null,
  };
}
