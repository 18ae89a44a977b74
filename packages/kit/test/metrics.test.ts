import { randomBytes } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import {
  allReady,
  connectDatabase,
  createLeadership,
  createLogger,
  createQueueFactory,
  createServiceMetrics,
  instrumentDatabase,
  instrumentQueues,
  processTag,
  serveApollo,
  type RunningService,
  type ServiceMetrics,
} from '../src/index.ts';

const logger = createLogger('test', 'silent');

async function start(metrics: ServiceMetrics, metricsAccess?: () => boolean) {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { ok: Boolean, broken: Boolean }',
    resolvers: {
      Query: {
        ok: () => true,
        broken: () => {
          throw new Error('broken');
        },
      },
    },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  return serveApollo({
    name: 'test',
    apollo,
    context: async () => ({}),
    logger,
    port: 0,
    metrics,
    metricsAccess,
  });
}

const query = (url: string, query: string, operationName?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, operationName }),
  });

/** The value of one series in a text exposition, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${name}{`) &&
        Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('service metrics', () => {
  let service: RunningService | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
  });

  it('counts GraphQL operations by name and outcome and serves them on /metrics', async () => {
    const metrics = createServiceMetrics('test', { defaultMetrics: false });
    service = await start(metrics);
    await query(service.url, 'query Healthy { ok }');
    await query(service.url, 'query Healthy { ok }');
    await query(service.url, '{ ok }');
    await query(service.url, 'query Broken { broken }');

    const response = await fetch(service.url.replace('/graphql', '/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const requests = 'graphql_requests_total';
    expect(sample(text, requests, { operation: 'Healthy', outcome: 'ok', service: 'test' })).toBe(
      2,
    );
    expect(sample(text, requests, { operation: 'anonymous', outcome: 'ok' })).toBe(1);
    expect(sample(text, requests, { operation: 'Broken', outcome: 'error' })).toBe(1);
    expect(sample(text, 'graphql_request_duration_seconds_count', { operation: 'Healthy' })).toBe(
      2,
    );
    expect(sample(text, 'http_requests_total', { route: '/graphql', status: '200' })).toBe(4);
  });

  it('caps the operation label: malformed names and names past the limit count as other', () => {
    const metrics = createServiceMetrics('test', { maxOperations: 2, defaultMetrics: false });
    expect(metrics.operationLabel('First')).toBe('First');
    expect(metrics.operationLabel('Second')).toBe('Second');
    expect(metrics.operationLabel('Third')).toBe('other');
    expect(metrics.operationLabel('First')).toBe('First');
    expect(metrics.operationLabel('drop table; --')).toBe('other');
    expect(metrics.operationLabel('x'.repeat(65))).toBe('other');
    expect(metrics.operationLabel(undefined)).toBe('anonymous');
  });

  it('leaves a collected gauge out of a scrape when its collect fails or is too slow', async () => {
    const metrics = createServiceMetrics('test', { collectTimeoutMs: 50, defaultMetrics: false });
    metrics.collectedGauge({
      name: 'fast_gauge',
      help: 'answers',
      async collect(gauge) {
        gauge.set(7);
      },
    });
    metrics.collectedGauge({
      name: 'slow_gauge',
      help: 'never answers in time',
      collect: () => new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
    });
    const { body } = await metrics.scrape();
    expect(body).toMatch(/^fast_gauge\{service="test"\} 7$/m);
    expect(body).toMatch(/^slow_gauge\{service="test"\} nan$/im);
    // Metrics are read in parallel: a scrape shows the failures of the scrapes before it.
    const next = await metrics.scrape();
    expect(sample(next.body, 'metrics_collect_failures_total', { metric: 'slow_gauge' })).toBe(1);
  });

  it('answers /metrics 404 to a request metricsAccess refuses', async () => {
    service = await start(createServiceMetrics('test', { defaultMetrics: false }), () => false);
    const response = await fetch(service.url.replace('/graphql', '/metrics'));
    expect(response.status).toBe(404);
  });
});

describe('instrumentDatabase', () => {
  it("counts this process's sessions of the service's pools by state, and the pool's size", async () => {
    const database = await createTestDatabase();
    const pool = connectDatabase(database.url, {}, { max: 3, applicationName: 'shop' });
    const elsewhere = connectDatabase(database.url, {}, { max: 1, applicationName: 'elsewhere' });
    const leadership = createLeadership(database.url, 'shop', logger);
    let release = () => {};
    let transaction: Promise<unknown> = Promise.resolve();
    let sleeping: { cancel(): void; catch(f: () => void): Promise<unknown> } | undefined;
    try {
      const metrics = createServiceMetrics('shop', { defaultMetrics: false });
      instrumentDatabase(metrics, pool);
      expect(await leadership.lead('sweep')).toBe(true);
      await elsewhere.sql`select 1`;
      // A transaction that holds its connection, and a statement that runs for a while.
      const held = new Promise<void>((resolve) => (release = resolve));
      let opened = () => {};
      const open = new Promise<void>((resolve) => (opened = resolve));
      transaction = pool.sql.begin(async (tx) => {
        await tx`select 1`;
        opened();
        await held;
      });
      await open;
      sleeping = pool.sql`select pg_sleep(10)`.execute();

      const series = async () => {
        const { body } = await metrics.scrape();
        return {
          active: sample(body, 'db_connections', { pool: 'shop', state: 'active' }),
          inTransaction: sample(body, 'db_connections', {
            pool: 'shop',
            state: 'idle in transaction',
          }),
          idle: sample(body, 'db_connections', { pool: 'shop', state: 'idle' }),
          leadership: sample(body, 'db_connections', { pool: 'shop-leadership', state: 'idle' }),
          max: sample(body, 'db_pool_max', { pool: 'shop' }),
          elsewhere: body.includes('pool="elsewhere"'),
        };
      };
      await expect.poll(series, { timeout: 2_500 }).toEqual({
        active: 1,
        inTransaction: 1,
        // The scrape's own connection, free again once its statement ends.
        idle: 1,
        leadership: 1,
        max: 3,
        // Another service's pool in the same process is not this service's.
        elsewhere: false,
      });
      const [named] = await elsewhere.sql<{ name: string }[]>`
        select application_name as name from pg_stat_activity where pid = pg_backend_pid()`;
      expect(named!.name).toBe(`elsewhere#${processTag}`);
    } finally {
      release();
      await transaction;
      sleeping?.cancel();
      await sleeping?.catch(() => undefined);
      await leadership.close();
      await pool.close();
      await elsewhere.close();
      await database.drop();
    }
  });
});

describe('instrumentQueues', () => {
  it('reports the depth of a watched queue that no worker of this process consumes', async () => {
    const factory = createQueueFactory({
      databaseUrl: inject('databaseUrl'),
      redisUrl: inject('redisUrl'),
      namespace: `test_${randomBytes(5).toString('hex')}`,
    });
    try {
      const metrics = createServiceMetrics('shop', { defaultMetrics: false });
      const queues = instrumentQueues(metrics, factory, ['orders']);
      const orders = queues.createQueue<{ n: number }>('orders');
      await orders.add('order', { n: 1 });
      await orders.add('order', { n: 2 });
      await queues.createQueue('unwatched').add('job', {});
      const { body } = await metrics.scrape();
      expect(sample(body, 'queue_jobs', { queue: 'orders', state: 'waiting' })).toBe(2);
      expect(sample(body, 'queue_jobs', { queue: 'orders', state: 'active' })).toBe(0);
      expect(body).not.toContain('queue="unwatched"');
    } finally {
      await factory.close();
    }
  });
});

describe('allReady', () => {
  it('is false when a check throws, answers false or takes longer than the limit', async () => {
    expect(await allReady([() => true, async () => undefined])).toBe(true);
    expect(await allReady([() => true, () => false])).toBe(false);
    expect(
      await allReady([
        async () => {
          throw new Error('down');
        },
      ]),
    ).toBe(false);
    expect(await allReady([() => new Promise(() => undefined)], 50)).toBe(false);
  });
});
