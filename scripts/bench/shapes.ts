/**
 * One process or separate processes? Compares the two ways to run the whole graph on one
 * machine: `pnpm bench:shapes`.
 *
 *   A  one process: `scripts/start.ts` (every subgraph on its own HTTP port inside one Node
 *      process, the gateway reaching them over HTTP, the Adyen simulator in-process).
 *   B  separate processes: each subgraph's `src/index.ts`, the gateway's `src/index.ts` and the
 *      Adyen simulator's `src/main.ts`, configured only by environment variables, as deployed.
 *
 * Both shapes run as child processes (`node --import tsx <entry>`) on free ports, one after the
 * other, against the same freshly seeded database: the demo catalog is loaded once beforehand by
 * this process, so start times exclude seeding (they include each service's migration check).
 * The load generator runs in this process and shares the machine's cores with the graph.
 *
 * Throughput on a shared 2-core machine moves by tens of percent between runs: BENCH_ROUNDS=3
 * alternates A and B three times and prints medians. BENCH_SECONDS, BENCH_WARMUP_SECONDS and
 * BENCH_CONCURRENCY change the load (defaults 10, 2, 32).
 */
import os from 'node:os';
import { buildDemoCatalog } from '../demo-catalog.ts';
import { migrateAll, seedDemoData } from '../graph.ts';
import { createBenchDatabase } from './database.ts';
import { readBenchEnv, type BenchEnv } from './env.ts';
import { runBench, type Defer } from './harness.ts';
import { postOperation, runLoad, type LoadResult, type Operation } from './load.ts';
import { CART_PAGE_QUERY, PRODUCT_PAGE_QUERY } from './operations.ts';
import {
  descendants,
  residentBytes,
  spawnService,
  stopServices,
  type ServiceProcess,
} from './processes.ts';
import {
  baseServiceEnv,
  graphqlUrl,
  pickPorts,
  spawnSeparateServices,
  waitUntilServing,
  type Ports,
} from './services.ts';
import { formatTable } from './table.ts';

const CART_LINES = 5;

const PRODUCT_PAGE: Operation = { query: PRODUCT_PAGE_QUERY, variables: { n: 24 } };

interface Shape {
  key: 'A' | 'B';
  title: string;
  spawn(ports: Ports): ServiceProcess[];
}

interface ShapeResult {
  processes: number;
  startSeconds: number;
  rssWarm: { node: number; all: number; perProcess: string };
  rssAfterLoad: number;
  productPage: LoadResult;
  cartRead: LoadResult;
  stopSeconds: number;
  killed: string[];
}

function defineShapes(env: BenchEnv, databaseUrl: string): Shape[] {
  // The queues stay on PostgreSQL (no REDIS_URL): both shapes are measured on the same backend.
  const base = baseServiceEnv({ PATH: env.PATH, HOME: env.HOME });
  return [
    {
      key: 'A',
      title: 'one process (scripts/start.ts)',
      // No ADYEN_* here: start.ts would then call Adyen itself; without them it starts the
      // simulator in-process with keys of its own, which is the shape being measured.
      spawn: (ports) => [
        spawnService('graph', 'scripts/start.ts', {
          ...base,
          DATABASE_URL: databaseUrl,
          GATEWAY_PORT: String(ports.gateway),
          PRODUCTS_PORT: String(ports.products),
          INVENTORY_PORT: String(ports.inventory),
          CART_PORT: String(ports.cart),
          CHECKOUT_PORT: String(ports.checkout),
          ADYEN_SIMULATOR_PORT: String(ports.adyenSimulator),
          SEED_DEMO_DATA: 'false',
        }),
      ],
    },
    {
      key: 'B',
      title: 'separate processes (6 entrypoints)',
      spawn: (ports) => spawnSeparateServices(ports, base, databaseUrl),
    },
  ];
}

/** Creates a cart through the gateway with one line for each of the first variants of a page. */
async function createCart(gatewayUrl: string): Promise<string> {
  const page = (await postOperation(
    gatewayUrl,
    JSON.stringify({ ...PRODUCT_PAGE, variables: { n: CART_LINES } }),
  )) as { products: { edges: Array<{ node: { variants: Array<{ id: string }> } }> } };
  const created = (await postOperation(
    gatewayUrl,
    JSON.stringify({ query: 'mutation { createCart { id } }' }),
  )) as { createCart: { id: string } };
  const cartId = created.createCart.id;
  for (const edge of page.products.edges) {
    const variantId = edge.node.variants[0]?.id;
    const added = (await postOperation(
      gatewayUrl,
      JSON.stringify({
        query: `mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 2) { __typename } }`,
        variables: { c: cartId, v: variantId },
      }),
    )) as { addCartLine: { __typename: string } };
    if (added.addCartLine.__typename !== 'Cart') {
      throw new Error(`addCartLine answered ${added.addCartLine.__typename}`);
    }
  }
  return cartId;
}

function measureResident(services: ServiceProcess[]): ShapeResult['rssWarm'] {
  const perService = services.map((service) => ({
    name: service.name,
    node: residentBytes(service.pid),
    helpers: descendants(service.pid).reduce((sum, pid) => sum + residentBytes(pid), 0),
  }));
  return {
    node: perService.reduce((sum, s) => sum + s.node, 0),
    all: perService.reduce((sum, s) => sum + s.node + s.helpers, 0),
    perProcess: perService
      .map((s) => `${s.name} ${mb(s.node)}${s.helpers > 0 ? ` (+${mb(s.helpers)} child)` : ''}`)
      .join(', '),
  };
}

async function measureShape(shape: Shape, env: BenchEnv, defer: Defer): Promise<ShapeResult> {
  const ports = await pickPorts();
  const gatewayUrl = graphqlUrl(ports.gateway);
  const load = {
    concurrency: env.BENCH_CONCURRENCY,
    warmupMs: env.BENCH_WARMUP_SECONDS * 1000,
    durationMs: env.BENCH_SECONDS * 1000,
  };

  const spawnedAt = performance.now();
  const services = shape.spawn(ports);
  let stopped = false;
  defer(async () => {
    if (!stopped) await stopServices(services);
  });

  await waitUntilServing(gatewayUrl, services);
  const startSeconds = (performance.now() - spawnedAt) / 1000;
  console.log(`  ${shape.key}: serving after ${startSeconds.toFixed(2)} s`);

  const cartRead: Operation = {
    query: CART_PAGE_QUERY,
    variables: { id: await createCart(gatewayUrl) },
  };
  // Warm both queries before reading memory: JIT, query plans, connection pools.
  await runLoad(gatewayUrl, PRODUCT_PAGE, { ...load, warmupMs: 0, durationMs: load.warmupMs });
  await runLoad(gatewayUrl, cartRead, { ...load, warmupMs: 0, durationMs: load.warmupMs });
  const rssWarm = measureResident(services);

  const productPage = await runLoad(gatewayUrl, PRODUCT_PAGE, load);
  console.log(`  ${shape.key}: product page ${productPage.perSecond.toFixed(0)} req/s`);
  const cartResult = await runLoad(gatewayUrl, cartRead, load);
  console.log(`  ${shape.key}: cart read ${cartResult.perSecond.toFixed(0)} req/s`);
  const rssAfterLoad = measureResident(services).all;

  const stoppingAt = performance.now();
  const killed = await stopServices(services);
  stopped = true;
  const stopSeconds = (performance.now() - stoppingAt) / 1000;

  return {
    processes: services.length,
    startSeconds,
    rssWarm,
    rssAfterLoad,
    productPage,
    cartRead: cartResult,
    stopSeconds,
    killed,
  };
}

/** Median of a non-empty list (mean of the middle two for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

await runBench(async (defer) => {
  const env = readBenchEnv();
  const database = await createBenchDatabase(env.DATABASE_URL, defer);
  const seedingAt = performance.now();
  await migrateAll(database.url);
  await seedDemoData(database.url, buildDemoCatalog());
  console.log(
    `database ${database.server}: migrated and seeded with the demo catalog in ` +
      `${((performance.now() - seedingAt) / 1000).toFixed(1)} s (not part of any start time)`,
  );

  const shapes = defineShapes(env, database.url);
  const results: Record<Shape['key'], ShapeResult[]> = { A: [], B: [] };
  const loadBefore = os.loadavg()[0] ?? 0;
  // Rounds alternate A and B, so drift in the machine's background load hits both shapes.
  for (let round = 1; round <= env.BENCH_ROUNDS; round++) {
    for (const shape of shapes) {
      console.log(`round ${round}/${env.BENCH_ROUNDS}, shape ${shape.key}: ${shape.title}`);
      results[shape.key].push(await measureShape(shape, env, defer));
    }
  }
  const a = results.A;
  const b = results.B;
  const last = (list: ShapeResult[]) => list[list.length - 1] as ShapeResult;

  const row = (label: string, pick: (r: ShapeResult) => number, show: (v: number) => string) => {
    const valueA = median(a.map(pick));
    const valueB = median(b.map(pick));
    const ratio = valueB / valueA;
    return [
      label,
      show(valueA),
      show(valueB),
      Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '-',
    ];
  };
  const count = (v: number) => String(v);
  const loadRows = (name: string, pick: (r: ShapeResult) => LoadResult) => [
    row(
      `${name}: throughput`,
      (r) => pick(r).perSecond,
      (v) => `${v.toFixed(0)} req/s`,
    ),
    row(`${name}: p50 latency`, (r) => pick(r).p50Ms, ms),
    row(`${name}: p99 latency`, (r) => pick(r).p99Ms, ms),
    row(`${name}: errors`, (r) => pick(r).errors, count),
  ];

  console.log(
    [
      '',
      `A = ${shapes[0]?.title}; B = ${shapes[1]?.title}`,
      `load: ${env.BENCH_CONCURRENCY} closed loops (fetch) for ${env.BENCH_SECONDS} s after ${env.BENCH_WARMUP_SECONDS} s warm-up, through the gateway`,
      `product page = products(first: 24) with variants, price, availability; cart read = cart(id) with ${CART_LINES} lines (sku, product name, availability)`,
      `note: the load generator runs in the benchmark process and shares the ${os.cpus().length} cores with the graph`,
      `machine load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${(os.loadavg()[0] ?? 0).toFixed(2)}` +
        (env.BENCH_ROUNDS > 1 ? `; figures are medians of ${env.BENCH_ROUNDS} rounds` : ''),
      '',
      formatTable(
        ['figure', 'A (one process)', 'B (separate)', 'B/A'],
        [
          row('processes (node)', (r) => r.processes, count),
          row(
            'start: spawn to first answered query',
            (r) => r.startSeconds,
            (v) => `${v.toFixed(2)} s`,
          ),
          row('RSS after warm-up, node processes', (r) => r.rssWarm.node, mb),
          row('RSS after warm-up, incl. child processes', (r) => r.rssWarm.all, mb),
          row('RSS after the load runs, incl. children', (r) => r.rssAfterLoad, mb),
          ...loadRows('product page', (r) => r.productPage),
          ...loadRows('cart read', (r) => r.cartRead),
          row(
            'stop: SIGTERM to exit',
            (r) => r.stopSeconds,
            (v) => `${v.toFixed(2)} s`,
          ),
        ],
      ),
      '',
      `RSS per process after warm-up: A: ${last(a).rssWarm.perProcess}`,
      `  B: ${last(b).rssWarm.perProcess}`,
      ...(env.BENCH_ROUNDS > 1
        ? shapes.map(
            (shape) =>
              `${shape.key} per round, product page / cart read req/s: ` +
              results[shape.key]
                .map(
                  (r) =>
                    `${r.productPage.perSecond.toFixed(0)} / ${r.cartRead.perSecond.toFixed(0)}`,
                )
                .join(', '),
          )
        : []),
      ...shapes
        .flatMap(({ key }) => results[key].map((r) => [key, r] as const))
        .flatMap(([key, r]) => [
          ...(r.killed.length > 0
            ? [`${key}: killed after the 10 s grace: ${r.killed.join(', ')}`]
            : []),
          ...[r.productPage, r.cartRead].flatMap((l) =>
            l.firstError ? [`${key}: first error: ${l.firstError}`] : [],
          ),
        ]),
    ].join('\n'),
  );
});
