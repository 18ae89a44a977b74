import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { connectDatabase } from '../src/index.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('connectDatabase', () => {
  // Guards issue 12: a stuck query or a forgotten transaction must not hang a request for ever.
  it('gives every connection a statement timeout and an idle-in-transaction timeout', async () => {
    const connection = connectDatabase(database.url, {}, { max: 2 });
    try {
      const [statement] = await connection.sql`show statement_timeout`;
      const [idle] = await connection.sql`show idle_in_transaction_session_timeout`;
      expect(statement!.statement_timeout).toBe('10s');
      expect(idle!.idle_in_transaction_session_timeout).toBe('30s');
    } finally {
      await connection.close();
    }
  });

  it('cancels a statement that runs past its timeout', async () => {
    const connection = connectDatabase(database.url, {}, { max: 1, statementTimeoutMs: 200 });
    try {
      await expect(connection.sql`select pg_sleep(5)`).rejects.toMatchObject({ code: '57014' });
      // The connection is still usable afterwards.
      expect(await connection.sql`select 1 as one`).toEqual([{ one: 1 }]);
    } finally {
      await connection.close();
    }
  });

  it('ends a transaction left idle past its timeout, which rolls it back', async () => {
    const connection = connectDatabase(database.url, {}, { idleInTransactionTimeoutMs: 200 });
    try {
      await connection.sql`create table idle_probe (id int)`;
      const abandoned = connection.sql.begin(async (tx) => {
        await tx`insert into idle_probe values (1)`;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await tx`insert into idle_probe values (2)`;
      });
      await expect(abandoned).rejects.toThrow();
      expect(await connection.sql`select count(*)::int as n from idle_probe`).toEqual([{ n: 0 }]);
    } finally {
      await connection.close();
    }
  });

  it('lets seeds and imports opt out with 0', async () => {
    const connection = connectDatabase(
      database.url,
      {},
      { max: 1, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 },
    );
    try {
      const [row] = await connection.sql`
        select current_setting('statement_timeout') as s,
               current_setting('idle_in_transaction_session_timeout') as i`;
      expect(row).toEqual({ s: '0', i: '0' });
    } finally {
      await connection.close();
    }
  });

  // Guards issue 11: replicas size their pools, and PgBouncer in transaction mode needs
  // unnamed statements, from DATABASE_URL alone.
  it('takes its pool size and prepare=false from the URL, without sending them to the server', async () => {
    const url = new URL(database.url);
    // One connection, so the check below sees the session the first statement ran on.
    url.searchParams.set('max', '1');
    url.searchParams.set('prepare', 'false');
    const connection = connectDatabase(url.toString(), {});
    try {
      expect(connection.sql.options.max).toBe(1);
      await connection.sql`select ${1}::int as one`;
      const [prepared] =
        await connection.sql`select count(*)::int as n from pg_prepared_statements`;
      expect(prepared!.n).toBe(0);
    } finally {
      await connection.close();
    }
    const explicit = connectDatabase(url.toString(), {}, { max: 5 });
    expect(explicit.sql.options.max).toBe(5);
    await explicit.close();
    url.searchParams.set('max', 'lots');
    expect(() => connectDatabase(url.toString(), {})).toThrow(RangeError);
  });

  it('refuses a negative or fractional timeout', () => {
    expect(() => connectDatabase(database.url, {}, { statementTimeoutMs: -1 })).toThrow(RangeError);
    expect(() => connectDatabase(database.url, {}, { connectTimeoutMs: 1.5 })).toThrow(RangeError);
  });
});
