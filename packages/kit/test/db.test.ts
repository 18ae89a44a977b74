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

  it('refuses a negative or fractional timeout', () => {
    expect(() => connectDatabase(database.url, {}, { statementTimeoutMs: -1 })).toThrow(RangeError);
    expect(() => connectDatabase(database.url, {}, { connectTimeoutMs: 1.5 })).toThrow(RangeError);
  });
});
