import { randomUUID } from 'node:crypto';
import { asc, isNull, sql } from 'drizzle-orm';
import { jsonb, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { runPeriodically } from '@commerce-graph/kit';
import type { Logger } from 'pino';
import {
  eventPayloads,
  type EventEnvelope,
  type EventName,
  type EventPayload,
} from './contracts.ts';

/** The outbox table a producing subgraph adds to its own Postgres schema. */
export function defineOutboxTable(schema: PgSchema) {
  return schema.table('outbox_events', {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  });
}

export type OutboxTable = ReturnType<typeof defineOutboxTable>;
/** Any drizzle database or transaction, whatever its table schema. */
type Db = PostgresJsDatabase<any>;
type Executor = Pick<Db, 'insert'>;

/**
 * Records an event inside the caller's transaction: it is published only if the transaction
 * commits, and it is not lost if the process dies before publishing.
 */
export async function recordEvent<N extends EventName>(
  tx: Executor,
  table: OutboxTable,
  name: N,
  payload: EventPayload<N>,
): Promise<string> {
  const id = randomUUID();
  // Fail the producer's transaction, not a consumer far away, when a payload breaks the contract.
  const checked = eventPayloads[name].parse(payload);
  await tx.insert(table).values({ id, name, payload: checked });
  return id;
}

export interface OutboxRelay {
  /**
   * Publishes whatever is pending now; call after a transaction that recorded events commits.
   * Never rejects: on failure it logs, the rows stay in the outbox and the poll retries them.
   */
  flush(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Moves committed outbox rows to the event bus. `flush()` after each commit keeps latency low;
 * the poll catches rows left behind by a crash. Rows are claimed with SKIP LOCKED, so several
 * replicas can relay side by side.
 */
export function createOutboxRelay(options: {
  db: Db;
  table: OutboxTable;
  publish: (event: EventEnvelope) => Promise<void>;
  logger: Logger;
  pollMs?: number;
}): OutboxRelay {
  const { db, table } = options;
  let running: Promise<number> | undefined;
  let again = false;

  async function relayBatch(): Promise<number> {
    return db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(table)
        .where(isNull(table.publishedAt))
        .orderBy(asc(table.occurredAt))
        .limit(100)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        await options.publish({
          id: row.id,
          name: row.name as EventName,
          occurredAt: row.occurredAt.toISOString(),
          payload: row.payload as EventEnvelope['payload'],
        });
      }
      if (rows.length > 0) {
        await tx
          .update(table)
          .set({ publishedAt: sql`now()` })
          .where(sql`${table.id} = any(${sql.param(rows.map((r) => r.id))})`);
      }
      return rows.length;
    });
  }

  async function drain(): Promise<number> {
    let total = 0;
    do {
      again = false;
      let count: number;
      do {
        count = await relayBatch();
        total += count;
      } while (count === 100);
    } while (again);
    return total;
  }

  function flush(): Promise<number> {
    if (running) {
      // A flush is under way; make it take one more pass so this caller's rows go out too.
      again = true;
      return running;
    }
    running = drain()
      .catch((error: unknown) => {
        options.logger.warn({ err: error }, 'outbox relay failed; the poll will retry');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  let polls = 0;
  const poll = runPeriodically(
    'outbox relay',
    options.pollMs ?? 1_000,
    async () => {
      await flush();
      // Now and then, drop rows published long ago: the table holds what is in flight, not history.
      if (++polls % 600 === 0) {
        await db.delete(table).where(sql`${table.publishedAt} < now() - interval '7 days'`);
      }
    },
    options.logger,
  );

  return {
    flush,
    async close() {
      poll.stop();
      await running;
    },
  };
}
