import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { createRateLimitStore, type RateLimitStoreConfig } from '../src/index.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const stores: Array<{ kind: string; config: () => RateLimitStoreConfig; shared: boolean }> = [
  { kind: 'memory', config: () => ({}), shared: false },
  {
    kind: 'postgres',
    config: () => ({ databaseUrl: database.url, namespace: 'test_rate_limits' }),
    shared: true,
  },
];
const redisUrl = inject('redisUrl');
if (redisUrl) {
  const namespace = `test_${randomBytes(5).toString('hex')}`;
  stores.push({ kind: 'redis', config: () => ({ redisUrl, namespace }), shared: true });
}

for (const store of stores) {
  describe(`rate limits on ${store.kind}`, () => {
    it('spends a budget per key and refuses past it, with the time until it refills', async () => {
      const limits = await createRateLimitStore(store.config());
      try {
        expect(limits.kind).toBe(store.kind);
        const limit = await limits.create(`spend-${randomBytes(4).toString('hex')}`, {
          points: 100,
          seconds: 30,
        });
        expect(await limit.consume('client-a', 60)).toMatchObject({ allowed: true, remaining: 40 });
        expect(limit.blockedFor('client-a')).toBe(0);
        const refused = await limit.consume('client-a', 60);
        expect(refused.allowed).toBe(false);
        expect(refused.msBeforeReset).toBeGreaterThan(25_000);
        expect(limit.blockedFor('client-a')).toBeGreaterThan(25_000);
        // Another key has its own budget.
        expect(await limit.consume('client-b', 100)).toMatchObject({ allowed: true, remaining: 0 });
      } finally {
        await limits.close();
      }
    });

    if (store.shared) {
      it('shares one budget between the processes that use the same store', async () => {
        const name = `shared-${randomBytes(4).toString('hex')}`;
        const one = await createRateLimitStore(store.config());
        const two = await createRateLimitStore(store.config());
        try {
          const first = await one.create(name, { points: 10, seconds: 30 });
          const second = await two.create(name, { points: 10, seconds: 30 });
          expect(await first.consume('client', 7)).toMatchObject({ allowed: true, remaining: 3 });
          expect(await second.consume('client', 3)).toMatchObject({ allowed: true, remaining: 0 });
          expect(await first.consume('client', 1)).toMatchObject({ allowed: false });
        } finally {
          await one.close();
          await two.close();
        }
      });
    }
  });
}
