import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema } from 'drizzle-orm/pg-core';
import { connectDatabase, createLogger, type Database } from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import {
  createOutboxRelay,
  defineOutboxTable,
  recordEvent,
  type EventEnvelope,
  type OutboxRelay,
} from '../src/index.ts';

const outbox = defineOutboxTable(pgSchema('outbox_test'));
const logger = createLogger('outbox-test', 'silent');

let database: TestDatabase;
let connection: Database<Record<string, never>>;
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  connection = connectDatabase(database.url, {}, { max: 4 });
  await connection.sql.unsafe(`
    create schema outbox_test;
    create table outbox_test.outbox_events (
      id uuid primary key,
      name text not null,
      payload jsonb not null,
      occurred_at timestamptz not null default now(),
      published_at timestamptz
    )`);
});

afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
  await connection.sql`delete from outbox_test.outbox_events`;
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

/** Records `count` availability events in one committed transaction; answers their ids. */
async function recordEvents(count: number): Promise<string[]> {
  return connection.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(
        await recordEvent(tx, outbox, 'inventory.availability.changed', {
          changes: [{ variantId: randomUUID(), inStock: true, sequence: i + 1 }],
        }),
      );
    }
    return ids;
  });
}

function relay(
  publish: (event: EventEnvelope) => Promise<void>,
  options: {
    db?: Database<Record<string, never>>;
    publishTimeoutMs?: number;
    pollMs?: number;
  } = {},
): OutboxRelay {
  const created = createOutboxRelay({
    db: (options.db ?? connection).db,
    table: outbox,
    publish,
    logger,
    // The poll stays out of the way unless a test asks for it.
    pollMs: options.pollMs ?? 3_600_000,
    publishTimeoutMs: options.publishTimeoutMs,
  });
  open.push(created);
  return created;
}

async function unpublished(): Promise<string[]> {
  const rows = await connection.sql<Array<{ id: string }>>`
    select id::text as id from outbox_test.outbox_events where published_at is null`;
  return rows.map((r) => r.id).sort();
}

/** A publish that waits until `release()` is called; `started` resolves on the first call. */
function blockedPublish() {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const first = new Promise<void>((resolve) => (started = resolve));
  const calls: string[] = [];
  return {
    calls,
    release: () => release(),
    started: first,
    publish: async (event: EventEnvelope) => {
      calls.push(event.id);
      started();
      await gate;
    },
  };
}

describe('createOutboxRelay', () => {
  it('publishes committed events once, as recorded, and marks them published', async () => {
    const ids = await recordEvents(3);
    const seen: EventEnvelope[] = [];
    const relayed = relay(async (event) => {
      seen.push(event);
    });
    expect(await relayed.flush()).toBe(3);
    expect(seen.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(seen[0]).toMatchObject({
      name: 'inventory.availability.changed',
      payload: { changes: [{ inStock: true }] },
    });
    expect(new Date(seen[0]!.occurredAt).toISOString()).toBe(seen[0]!.occurredAt);
    expect(await unpublished()).toEqual([]);
    expect(await relayed.flush()).toBe(0);
    expect(seen).toHaveLength(3);
  });

  // Guards issue 12: publishing used to run inside the claiming transaction, row locks held.
  it('holds no transaction and no row lock while it publishes', async () => {
    const [id] = await recordEvents(1);
    const blocked = blockedPublish();
    const relayed = relay(blocked.publish);
    const flushed = relayed.flush();
    await blocked.started;
    const inTransaction = await connection.sql`
      select pid from pg_stat_activity
      where datname = current_database() and state like 'idle in transaction%'`;
    expect(inTransaction).toEqual([]);
    // Another session can lock the row at once: nothing holds it.
    await connection.sql.begin(async (tx) => {
      const locked = await tx`
        select id from outbox_test.outbox_events where id = ${id!} for update nowait`;
      expect(locked).toHaveLength(1);
    });
    blocked.release();
    expect(await flushed).toBe(1);
    expect(await unpublished()).toEqual([]);
  });

  it('lets two relays work side by side: every event goes out, none is left behind', async () => {
    const ids = await recordEvents(250);
    const published: string[] = [];
    const publish = async (event: EventEnvelope) => {
      published.push(event.id);
      await new Promise((resolve) => setImmediate(resolve));
    };
    const other = connectDatabase(database.url, {}, { max: 2 });
    open.push(other);
    const first = relay(publish);
    const second = relay(publish, { db: other });
    await Promise.all([first.flush(), second.flush(), first.flush(), second.flush()]);
    // At least once: replicas draining at the same moment may both add an event (one job).
    expect([...new Set(published)].sort()).toEqual([...ids].sort());
    expect(await unpublished()).toEqual([]);
  });

  // Guards issue 12: a flush after a commit must not hang the request when the bus hangs.
  it('gives up on a publish that hangs, keeps the rows, and the poll delivers them later', async () => {
    const ids = await recordEvents(2);
    let healthy = false;
    const delivered: string[] = [];
    let attempts = 0;
    const relayed = relay(
      async (event) => {
        attempts++;
        if (!healthy) return new Promise<void>(() => undefined);
        delivered.push(event.id);
      },
      { publishTimeoutMs: 200, pollMs: 100 },
    );
    expect(await relayed.flush()).toBe(0);
    expect(await unpublished()).toEqual([...ids].sort());
    // While the bus fails, a request's flush returns at once and leaves the rows to the poll.
    const before = attempts;
    expect(await relayed.flush()).toBe(0);
    expect(attempts).toBe(before);
    healthy = true;
    await eventually(async () => (await unpublished()).length === 0);
    expect(delivered.sort()).toEqual([...ids].sort());
  });

  it('marks what it published before a failure, so only the rest goes out again', async () => {
    await recordEvents(3);
    let calls = 0;
    const delivered: string[] = [];
    const relayed = relay(async (event) => {
      if (++calls === 3) throw new Error('bus refused');
      delivered.push(event.id);
    });
    expect(await relayed.flush()).toBe(0);
    expect(await unpublished()).toHaveLength(1);
    expect(delivered).toHaveLength(2);
  });

  it('leaves the rows of a relay stuck or dead mid-publish to another relay', async () => {
    const ids = await recordEvents(2);
    const blocked = blockedPublish();
    void relay(blocked.publish, { publishTimeoutMs: 60_000 }).flush();
    await blocked.started;
    // The first relay holds nothing in the database: the other publishes at once.
    const delivered: string[] = [];
    const survivor = relay(async (event) => {
      delivered.push(event.id);
    });
    expect(await survivor.flush()).toBe(2);
    expect(delivered.sort()).toEqual([...ids].sort());
    expect(await unpublished()).toEqual([]);
    blocked.release();
  });
});
