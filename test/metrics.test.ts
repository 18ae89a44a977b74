import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph } from './support/graph.ts';
import { graphql } from './support/graphql.ts';
import { queueBackends } from './support/queues.ts';

const catalog = buildDemoCatalog(4);

const PAGE = /* GraphQL */ `
  query ProductPage($slug: String!) {
    product(slug: $slug) {
      id
      variants {
        id
        availability {
          inStock
        }
      }
    }
  }
`;

/** Every sample of a metric in a text exposition whose labels include `labels`. */
function samples(text: string, name: string, labels: Record<string, string> = {}): number[] {
  return text
    .split('\n')
    .filter(
      (line) =>
        (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) &&
        Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)),
    )
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
}

describe('metrics and readiness of the graph', () => {
  // Redis when there is one: /ready then pings it too.
  const backend = queueBackends().at(-1)!;
  let shop: TestGraph;
  const scrape = async (service: string, headers: Record<string, string> = {}) => {
    const response = await fetch(new URL('/metrics', shop.url(service)), { headers });
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    shop = await startTestGraph(backend, { catalog });
    const { errors } = await graphql(shop.graph.gatewayUrl, PAGE, {
      slug: catalog.products[0]!.slug,
    });
    expect(errors).toBeUndefined();
  }, 60_000);
  afterAll(async () => {
    await shop?.close();
  });

  it('counts the query at the gateway and in the subgraphs it reached', async () => {
    const gateway = await scrape('gateway');
    expect(gateway.status).toBe(200);
    const page = { operation: 'ProductPage', outcome: 'ok', service: 'gateway' };
    expect(samples(gateway.text, 'graphql_requests_total', page)).toEqual([1]);
    expect(
      samples(gateway.text, 'graphql_request_duration_seconds_count', {
        operation: 'ProductPage',
        service: 'gateway',
      }),
    ).toEqual([1]);
    expect(
      samples(gateway.text, 'http_requests_total', { route: '/graphql', status: '200' })[0],
    ).toBeGreaterThanOrEqual(1);

    // The gateway names its subgraph fetches after the operation (ProductPage__products__0).
    for (const service of ['products', 'inventory']) {
      const { text } = await scrape(service);
      const fetches = text
        .split('\n')
        .filter(
          (line) =>
            line.startsWith('graphql_requests_total{') &&
            line.includes('operation="ProductPage__') &&
            line.includes(`service="${service}"`),
        );
      expect(fetches.length, service).toBeGreaterThanOrEqual(1);
    }
  });

  it('reports queue depth, outbox lag and reservations held', async () => {
    const inventory = (await scrape('inventory')).text;
    expect(samples(inventory, 'inventory_reservations_held')).toEqual([0]);
    expect(samples(inventory, 'outbox_lag_seconds')).toHaveLength(1);
    expect(samples(inventory, 'outbox_pending_events')).toHaveLength(1);
    expect(samples(inventory, 'queue_jobs', { state: 'waiting' }).length).toBeGreaterThanOrEqual(1);
    expect(samples(inventory, 'queue_jobs', { state: 'failed' }).length).toBeGreaterThanOrEqual(1);
    expect(samples(inventory, 'metrics_collect_failures_total')).toEqual([]);

    const products = (await scrape('products')).text;
    expect(samples(products, 'outbox_lag_seconds')).toHaveLength(1);
    expect(samples(products, 'queue_jobs', { state: 'active' }).length).toBeGreaterThanOrEqual(1);
    expect(
      samples(products, 'process_cpu_user_seconds_total', { service: 'products' }),
    ).toHaveLength(1);
  });

  it("reports each subgraph's database pool: its size and its sessions by state", async () => {
    for (const service of ['products', 'inventory', 'cart', 'checkout', 'identity']) {
      const { text } = await scrape(service);
      const [max] = samples(text, 'db_pool_max', { pool: service });
      expect(max, service).toBeGreaterThanOrEqual(1);
      const sessions = ['active', 'idle', 'idle in transaction'].map(
        (state) => samples(text, 'db_connections', { pool: service, state })[0] ?? Number.NaN,
      );
      // At least the scrape's own session, never more than the pool may open.
      const open = sessions.reduce((a, b) => a + b, 0);
      expect(open, service).toBeGreaterThanOrEqual(1);
      expect(open, service).toBeLessThanOrEqual(max!);
    }
  });

  it('keeps the gateway metrics from requests that came through a proxy', async () => {
    const forwarded = await scrape('gateway', { 'x-forwarded-for': '203.0.113.9' });
    expect(forwarded.status).toBe(404);
    expect(forwarded.text).not.toContain('graphql_requests_total');
  });

  it('answers /ready on every service once its database, queue and upstreams answer', async () => {
    for (const service of shop.graph.services) {
      const response = await fetch(new URL('/ready', service.url));
      expect(response.status, service.name).toBe(200);
    }
  });
});
