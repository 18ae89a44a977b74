import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import {
  advisoryLockKey,
  createLeadership,
  createLogger,
  runPeriodically,
  type Leadership,
} from '../src/index.ts';

const logger = createLogger('leadership-test', 'silent');
let database: TestDatabase;
let admin: postgres.Sql;
const opened: Leadership[] = [];

/** A leadership as one replica of `scope` has it: its own session. */
function replica(scope: string): Leadership {
  const leadership = createLeadership(database.url, scope, logger);
  opened.push(leadership);
  return leadership;
}

beforeAll(async () => {
  database = await createTestDatabase();
  admin = postgres(database.url, { max: 1, onnotice: () => undefined });
});

afterAll(async () => {
  for (const leadership of opened) await leadership.close();
  await admin?.end({ timeout: 5 });
  await database?.drop();
});

describe('createLeadership', () => {
  it('lets exactly one of two replicas lead a task, and it keeps leading', async () => {
    const [a, b] = [replica('one-leader'), replica('one-leader')];

    const first = [await a.lead('sweep'), await b.lead('sweep')];
    const again = [await a.lead('sweep'), await b.lead('sweep'), await a.lead('sweep')];

    expect(first).toEqual([true, false]);
    expect(again).toEqual([true, false, true]);
    // Leading again does not stack the lock: one row in pg_locks, granted once.
    const [{ n }] = await admin<[{ n: number }]>`
      select count(*)::int as n from pg_locks where locktype = 'advisory' and granted`;
    expect(n).toBe(1);
  });

  it('hands the task to another replica when the leader closes', async () => {
    const [a, b] = [replica('on-close'), replica('on-close')];
    expect(await a.lead('expiry')).toBe(true);
    expect(await b.lead('expiry')).toBe(false);

    await a.close();

    expect(await b.lead('expiry')).toBe(true);
    expect(await a.lead('expiry')).toBe(false);
  });

  it("hands the task over when the leader's connection drops, and takes it back on reconnect", async () => {
    const [a, b] = [replica('on-drop'), replica('on-drop')];
    expect(await a.lead('reconcile')).toBe(true);
    expect(await b.lead('reconcile')).toBe(false);

    // The server ends the leader's session, as when its process or its network dies.
    await admin`
      select pg_terminate_backend(pid) from pg_stat_activity
      where application_name like 'on-drop-leadership#%' and pid in (
        select pid from pg_locks where locktype = 'advisory' and granted)`;

    await eventually(() => b.lead('reconcile'));
    // The old leader reconnects with a new session that holds nothing: it sees so and waits.
    await eventually(async () => (await a.lead('reconcile')) === false);
    expect(await a.lead('reconcile')).toBe(false);

    await b.close();
    expect(await eventually(() => a.lead('reconcile'))).toBe(true);
  });

  it('lets different tasks be led by different replicas', async () => {
    const [a, b] = [replica('two-tasks'), replica('two-tasks')];

    expect(await a.lead('payments')).toBe(true);
    expect(await b.lead('retention')).toBe(true);
    expect(await a.lead('retention')).toBe(false);
    expect(await b.lead('payments')).toBe(false);
  });

  it('keeps services apart: the same task name in two scopes is two locks', async () => {
    expect(advisoryLockKey('cart', 'sweep')).not.toBe(advisoryLockKey('inventory', 'sweep'));
    expect(await replica('scope-a').lead('sweep')).toBe(true);
    expect(await replica('scope-b').lead('sweep')).toBe(true);
  });

  it('answers false, without throwing, while the database cannot be reached', async () => {
    const unreachable = createLeadership(
      'postgres://postgres@127.0.0.1:1/none',
      'nowhere',
      logger,
      {
        checkTimeoutMs: 1_000,
      },
    );
    try {
      expect(await unreachable.lead('sweep')).toBe(false);
    } finally {
      await unreachable.close();
    }
  });
});

describe('runPeriodically with a leadership', () => {
  it('runs a task on one replica only, and on another once the leader is gone', async () => {
    const [a, b] = [replica('periodic'), replica('periodic')];
    const runs = { a: 0, b: 0 };
    const onA = runPeriodically('tick', 20, async () => void runs.a++, logger, { leadership: a });
    const onB = runPeriodically('tick', 20, async () => void runs.b++, logger, { leadership: b });
    try {
      await eventually(async () => runs.a + runs.b >= 10);
      const leader = runs.a > 0 ? 'a' : 'b';
      const follower = leader === 'a' ? 'b' : 'a';
      expect(runs[follower]).toBe(0);

      await (leader === 'a' ? a : b).close();
      await eventually(async () => runs[follower] >= 3);
      const stopped = runs[leader];
      await eventually(async () => runs[follower] >= 6);
      expect(runs[leader]).toBe(stopped);
    } finally {
      onA.stop();
      onB.stop();
    }
  });
});
