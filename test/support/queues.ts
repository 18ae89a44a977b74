import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { QueueConnectionConfig } from '@commerce-graph/kit';

export interface QueueBackendCase {
  name: 'postgres' | 'redis';
  /** A queue connection with its own namespace, so tests never share queues. */
  config(databaseUrl: string): QueueConnectionConfig;
}

/** The BullMQ backends to test: PostgreSQL always, Redis when REDIS_URL is set (always in CI). */
export function queueBackends(): QueueBackendCase[] {
  const namespace = () => `test_${randomBytes(5).toString('hex')}`;
  const cases: QueueBackendCase[] = [
    { name: 'postgres', config: (databaseUrl) => ({ databaseUrl, namespace: namespace() }) },
  ];
  const redisUrl = inject('redisUrl');
  if (redisUrl) {
    cases.push({
      name: 'redis',
      config: (databaseUrl) => ({ databaseUrl, redisUrl, namespace: namespace() }),
    });
  }
  return cases;
}

/** Polls `check` until it returns a truthy value or the timeout passes. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
