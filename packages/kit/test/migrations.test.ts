import { readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { runMigrations } from '../src/index.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const SUBGRAPHS = ['products', 'inventory', 'cart', 'checkout', 'identity'];
const folder = (subgraph: string) => path.join(root, 'subgraphs', subgraph, 'drizzle');
const journalLength = (subgraph: string) =>
  (
    JSON.parse(readFileSync(path.join(folder(subgraph), 'meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;

let database: TestDatabase | undefined;

afterEach(async () => {
  await database?.drop();
  database = undefined;
});

/** How many times each subgraph's migrations table records each migration. */
async function applied(url: string): Promise<Record<string, { rows: number; distinct: number }>> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const result: Record<string, { rows: number; distinct: number }> = {};
    for (const subgraph of SUBGRAPHS) {
      const [row] = await sql<[{ rows: number; distinct: number }]>`
        select count(*)::int as rows, count(distinct hash)::int as distinct
        from ${sql('drizzle')}.${sql(`${subgraph}_migrations`)}`;
      result[subgraph] = row!;
    }
    return result;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe('runMigrations', () => {
  // Guards issue 11: replicas of every subgraph starting at once on an empty database must not
  // race on DDL (the shared `drizzle` schema, a migration applied twice).
  it('applies each migration once when every subgraph migrates twice at the same moment', async () => {
    database = await createTestDatabase();
    const url = database.url;

    const results = await Promise.allSettled(
      [...SUBGRAPHS, ...SUBGRAPHS].map((subgraph) =>
        runMigrations(url, subgraph, folder(subgraph)),
      ),
    );

    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const expected = Object.fromEntries(
      SUBGRAPHS.map((s) => [s, { rows: journalLength(s), distinct: journalLength(s) }]),
    );
    expect(await applied(url)).toEqual(expected);
  });

  it('does nothing the second time', async () => {
    database = await createTestDatabase();
    await runMigrations(database.url, 'cart', folder('cart'));
    await runMigrations(database.url, 'cart', folder('cart'));

    const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
    try {
      const [row] = await sql<[{ n: number }]>`
        select count(*)::int as n from drizzle.cart_migrations`;
      expect(row!.n).toBe(journalLength('cart'));
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
