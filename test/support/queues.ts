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
