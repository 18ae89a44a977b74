import { randomUUID } from 'node:crypto';
import { and, asc, isNull, sql } from 'drizzle-orm';
import { jsonb, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import {
  currentTraceCarrier,
  runPeriodically,
  withTraceCarrier,
  type TraceCarrier,
} from '@commerce-graph/kit';
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
  // The trace this event belongs to rides along in the stored payload (no column, so no migration
  // in every producer); the relay takes it out again before publishing.
  const carrier = currentTraceCarrier();
  await tx
    .insert(table)
    .values({ id, name, payload: carrier ? { ...checked, [TRACE_KEY]: carrier } : checked });
  return id;
}

/** Where `recordEvent` keeps the producer's trace context in an outbox row's payload. */
export const TRACE_KEY = '$trace';

/** An outbox row's payload without its trace context, and that context. */
function splitTrace(stored: unknown): { payload: unknown; carrier?: TraceCarrier } {
  if (typeof stored !== 'object' || stored === null || !(TRACE_KEY in stored)) {
    return { payload: stored };
  }
  const { [TRACE_KEY]: carrier, ...payload } = stored as Record<string, unknown>;
  return { payload, carrier: carrier as TraceCarrier };
}

export interface OutboxRelay {
  /**
   * Publishes whatever is pending now; call after a transaction that recorded events commits.
   * Never rejects and never hangs: on failure or after `publishTimeoutMs` it logs, the rows stay
   * in the outbox and the poll retries them. While the bus is failing it returns at once.
   */
  flush(): Promise<number>;
  close(): Promise<void>;
}

const BATCH = 100;

/**
 * Moves committed outbox rows to the event bus. `flush()` after each commit keeps latency low;
 * the poll catches rows left behind by a crash or an outage of the bus.
 *
 * No transaction and no lock is held while publishing: a batch is read, published, and the rows
 * that went out are marked published. A crash at any point leaves the rest unpublished for the
 * next pass, so delivery is at least once; a republished event is the same job (job id = event
 * id), so consumers still see it once. Passes are serialised within a process; replicas that
 * drain at the same moment may add the same event twice, which BullMQ keeps as one job. (A claim
 * shared by replicas would need a lease column, a migration in every producing subgraph, or
 * session advisory locks on a reserved postgres.js connection, which postgres 3.4.9 turns into
 * an uncaught exception when that backend dies: porsager/postgres#1208.)
 */
export function createOutboxRelay(options: {
  db: Db;
  table: OutboxTable;
  publish: (event: EventEnvelope) => Promise<void>;
  logger: Logger;
  pollMs?: number;
  /** Longest one batch may take to publish (default 5 s); its unpublished rows wait for the poll. */
  publishTimeoutMs?: number;
}): OutboxRelay {
  const { db, table } = options;
  const publishTimeoutMs = options.publishTimeoutMs ?? 5_000;
  let running: Promise<number> | undefined;
  let again = false;
  /** Set while the bus fails: callers' flushes return at once, the poll keeps trying. */
  let failing = false;

  async function relayBatch(): Promise<number> {
    const rows = await db
      .select()
      .from(table)
      .where(isNull(table.publishedAt))
      .orderBy(asc(table.occurredAt))
      .limit(BATCH);
    if (rows.length === 0) return 0;
    const published: string[] = [];
    let timedOut = false;
    try {
      await withTimeout(
        (async () => {
          for (const row of rows) {
            if (timedOut) return;
            const { payload, carrier } = splitTrace(row.payload);
            // Published in the producer's trace: the job and its consumer continue it.
            await withTraceCarrier(carrier, () =>
              options.publish({
                id: row.id,
                name: row.name as EventName,
                occurredAt: row.occurredAt.toISOString(),
                payload: payload as EventEnvelope['payload'],
              }),
            );
            published.push(row.id);
          }
        })(),
        publishTimeoutMs,
        () => (timedOut = true),
      );
    } finally {
      // What went out is marked even when the rest failed, so it is not sent again.
      if (published.length > 0) {
        await db
          .update(table)
          .set({ publishedAt: sql`now()` })
          .where(and(sql`${table.id} = any(${sql.param(published)})`, isNull(table.publishedAt)));
      }
    }
    return rows.length;
  }

  async function drain(): Promise<number> {
    let total = 0;
    do {
      again = false;
      let count: number;
      do {
        count = await relayBatch();
        total += count;
      } while (count === BATCH);
    } while (again);
    return total;
  }

  function run(): Promise<number> {
    if (running) {
      // A flush is under way; make it take one more pass so this caller's rows go out too.
      again = true;
      return running;
    }
    running = drain()
      .then((count) => {
        if (failing) options.logger.info('outbox relay publishes again');
        failing = false;
        return count;
      })
      .catch((error: unknown) => {
        if (!failing)
          options.logger.warn({ err: error }, 'outbox relay failed; the poll will retry');
        failing = true;
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  let polls = 0;
  // Every replica polls, without a leadership: the poll only catches rows a flush left behind,
  // a replica's own rows go out soonest from its own poll, and a row two replicas both publish
  // is one job (job id = event id). Leading it would add a check per poll and save little.
  const poll = runPeriodically(
    'outbox relay',
    options.pollMs ?? 1_000,
    async () => {
      await run();
      // Now and then, drop rows published long ago: the table holds what is in flight, not history.
      if (++polls % 600 === 0) {
        await db.delete(table).where(sql`${table.publishedAt} < now() - interval '7 days'`);
      }
    },
    options.logger,
  );

  return {
    // While the bus fails, a request does not wait for it again: the poll carries the rows.
    flush: () => (failing ? Promise.resolve(0) : run()),
    async close() {
      poll.stop();
      await running;
    },
  };
}

/** Thrown when a batch is not published in time; its rows stay for the next attempt. */
export class OutboxPublishTimeout extends Error {
  override readonly name = 'OutboxPublishTimeout';
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  // The work may still settle after the timeout; nobody waits for it then.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new OutboxPublishTimeout(`publishing took longer than ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
