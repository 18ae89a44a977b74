import { randomUUID } from 'node:crypto';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectDatabase,
  createLogger,
  currentTraceCarrier,
  startTracing,
  withSpan,
  type Database,
  type Tracing,
} from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { createOutboxRelay, defineOutboxTable, recordEvent, TRACE_KEY } from '../src/index.ts';

const outbox = defineOutboxTable(pgSchema('outbox_trace_test'));

let tracing: Tracing;
let database: TestDatabase;
let connection: Database<Record<string, never>>;

beforeAll(async () => {
  // Spans are dropped: what matters here is the context the relay publishes in.
  tracing = startTracing('outbox-test', {
    exporter: { export: (_spans, done) => done({ code: 0 }), shutdown: async () => undefined },
  });
  database = await createTestDatabase();
  connection = connectDatabase(database.url, {}, { max: 2 });
  await connection.sql.unsafe(`
    create schema outbox_trace_test;
    create table outbox_trace_test.outbox_events (
      id uuid primary key,
      name text not null,
      payload jsonb not null,
      occurred_at timestamptz not null default now(),
      published_at timestamptz
    )`);
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
  await tracing?.shutdown();
});

describe('the outbox under tracing', () => {
  it('publishes an event from the poll in the trace of the transaction that recorded it, without the trace in its payload', async () => {
    const payload = { changes: [{ variantId: randomUUID(), inStock: true, sequence: 1 }] };
    const traceId = await withSpan('producer', {}, async (span) => {
      await connection.db.transaction((tx) =>
        recordEvent(tx, outbox, 'inventory.availability.changed', payload),
      );
      return span!.spanContext().traceId;
    });
    const [row] = await connection.sql`select payload from outbox_trace_test.outbox_events`;
    expect(
      (row!.payload as Record<string, { traceparent: string }>)[TRACE_KEY]!.traceparent,
    ).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const published: Array<{ payload: unknown; traceId?: string }> = [];
    // The poll runs outside any request: only the stored context can put it in the trace.
    const relay = createOutboxRelay({
      db: connection.db,
      table: outbox,
      logger: createLogger('outbox-test', 'silent'),
      pollMs: 20,
      publish: async (event) => {
        published.push({
          payload: event.payload,
          traceId: currentTraceCarrier()?.traceparent?.split('-')[1],
        });
      },
    });
    try {
      await eventually(async () => published.length > 0);
    } finally {
      await relay.close();
    }
    expect(published).toEqual([{ payload, traceId }]);
  });
});
