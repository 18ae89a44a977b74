import { ApolloServer } from '@apollo/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  allReady,
  createLogger,
  createServiceMetrics,
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
