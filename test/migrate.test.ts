import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv as readCartEnv } from '../subgraphs/cart/src/env.ts';
import { readEnv as readCheckoutEnv } from '../subgraphs/checkout/src/env.ts';
import { readEnv as readIdentityEnv } from '../subgraphs/identity/src/env.ts';
import { readEnv as readInventoryEnv } from '../subgraphs/inventory/src/env.ts';
import { readEnv as readProductsEnv } from '../subgraphs/products/src/env.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

const run = promisify(execFile);
const SUBGRAPHS = ['cart', 'checkout', 'identity', 'inventory', 'products'];

/** `pnpm migrate` with this environment; its exit code and output, whether it failed or not. */
async function migrate(env: Record<string, string | undefined>, args: string[] = []) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  try {
    const { stdout, stderr } = await run('pnpm', ['--silent', 'migrate', ...args], {
      env: { ...rest, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('pnpm migrate', () => {
  it("creates every subgraph's schema in an empty database, and is a no-op the second time", async () => {
    const first = await migrate({ DATABASE_URL: database.url });
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('migrated') });
    // --database-url works too, and changes nothing on a current database.
    const second = await migrate({}, ['--database-url', database.url]);
    expect(second.code).toBe(0);

    const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
    try {
      const schemas = await sql<Array<{ name: string }>>`
        select nspname as name from pg_namespace where nspname = any(${SUBGRAPHS}) order by 1`;
      expect(schemas.map((s) => s.name)).toEqual(SUBGRAPHS);
      const tables = await sql<Array<{ table: string }>>`
        select table_name as table from information_schema.tables
        where table_schema = 'drizzle' order by 1`;
      expect(tables.map((t) => t.table)).toEqual(SUBGRAPHS.map((s) => `${s}_migrations`));
      // Every subgraph has its tables, e.g. the outbox of the producing ones.
      const [row] = await sql<[{ n: number }]>`
        select count(distinct table_schema)::int as n from information_schema.tables
        where table_schema = any(${SUBGRAPHS})`;
      expect(row!.n).toBe(SUBGRAPHS.length);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });

  it('refuses to run without a database, instead of migrating some other one', async () => {
    const result = await migrate({});

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('set DATABASE_URL or pass --database-url');
  });
});

describe('MIGRATE_ON_START', () => {
  const base = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/shop',
    ADYEN_API_KEY: 'test-key',
    ADYEN_MERCHANT_ACCOUNT: 'CommerceGraphECOM',
    ADYEN_HMAC_KEY: 'ab'.repeat(32),
    ACCESS_TOKEN_SECRET: 's'.repeat(32),
  };
  const services = {
    products: readProductsEnv,
    inventory: readInventoryEnv,
    cart: readCartEnv,
    checkout: readCheckoutEnv,
    identity: readIdentityEnv,
  };

  it.each(Object.entries(services))('%s migrates at start unless told false', (_, readEnv) => {
    expect(readEnv(base).MIGRATE_ON_START).toBe(true);
    expect(readEnv({ ...base, MIGRATE_ON_START: 'false' }).MIGRATE_ON_START).toBe(false);
  });
});
