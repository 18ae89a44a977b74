/**
 * Storefront pages against the ceiling: `pnpm bench` (issue 9).
 *
 * The graph runs as deployed (separate processes, `NODE_ENV=production`) on a throw-away
 * database seeded with the 1,000-product demo catalog, with two gateways in front of the same
 * subgraphs: one as deployed (response cache on) and one with GATEWAY_RESPONSE_CACHE=false.
 * Next to it, in the same run, a node:http hello-world in its own process (hello-world.ts) is
 * the ceiling: the most a Node HTTP server answers on this machine with the same load.
 *
 * Every run is autocannon with BENCH_CONNECTIONS keep-alive connections (default 50) for
 * BENCH_WARMUP_SECONDS unmeasured (default 3) then BENCH_SECONDS measured (default 10),
 * anonymous POSTs with `apollo-require-preflight: true`. Workloads (BENCH_ONLY, a comma list):
 *   product   product(slug) rotating over 100 products, with variants, prices, availability
 *   category  category(slug) and its first 24 products with variants, prices, availability
 *   search    search with facets (text and facet filters, rotating over 10 searches)
 *   cart      cart(id) with 5 lines (private, never cached: measured once, on the cached gateway)
 * The catalog workloads run uncached (the gateway without response cache), then cached (warm).
 * A response with a non-200 status or a GraphQL `errors` member counts as an error.
 *
 * Printed per run: req/s, p50 and p99, errors, the share of the ceiling, CPU ms per request of
 * each process (from /proc/<pid>/stat, user + system) and its RSS after the run. Then the spike
 * (spike.ts) unless BENCH_SPIKE_SECONDS=0. The last line is for scripts:
 * `share of ceiling: product uncached <x>%, category uncached <x>%, product cached <x>%, cart <x>%`.
 *
 * DATABASE_URL: the server for the scratch database (unset: an embedded PostgreSQL); REDIS_URL:
 * queues and caches on Redis (unset: on PostgreSQL).
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { z } from 'zod';
import { envVar, parseConfig } from '@commerce-graph/kit';
import { runBench } from './harness.ts';
import { cpuSeconds, residentBytes, type ServiceProcess } from './processes.ts';
import { runSpike, spikeEnv } from './spike.ts';
import { formatTable } from './table.ts';
import { REQUEST_HEADERS, startGraph, WORKLOADS, type WorkloadName } from './workloads.ts';

const env = parseConfig(
  z.object({
    DATABASE_URL: envVar.postgresUrl().optional(),
    REDIS_URL: envVar.redisUrl().optional(),
    BENCH_CONNECTIONS: z.coerce.number().int().positive().default(50),
    BENCH_SECONDS: z.coerce.number().positive().default(10),
    BENCH_WARMUP_SECONDS: z.coerce.number().min(0).default(3),
    BENCH_ONLY: envVar
      .list(z.enum(WORKLOADS as [WorkloadName, ...WorkloadName[]]))
      .default([...WORKLOADS]),
    BENCH_PRODUCTS: z.coerce.number().int().min(100).default(1_000),
    PATH: z.string().optional(),
    HOME: z.string().optional(),
    ...spikeEnv,
  }),
  process.env,
);

/** The subgraph processes whose CPU and memory each run reports, besides its gateway. */
const SUBGRAPHS = ['products', 'inventory', 'cart', 'checkout'];

interface Run {
  label: string;
  gateway: string;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  firstError?: string;
  /** CPU ms per answered request, by process name (`bench` is the load generator). */
  cpuMs: Map<string, number>;
  rss: Map<string, number>;
}

/** One autocannon run: rotates over `bodies`; counts non-200 and GraphQL errors as errors. */
async function cannon(url: string, bodies: string[], seconds: number) {
  let next = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { ...REQUEST_HEADERS },
    connections: env.BENCH_CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        onResponse: (status, body) => {
          if (firstError === undefined && (status !== 200 || body.includes('"errors"'))) {
            firstError = `HTTP ${status}: ${body.slice(0, 200)}`;
          }
        },
      },
    ],
    verifyBody: (body) => typeof body !== 'string' || !body.includes('"errors"'),
  });
  const answered = result['2xx'] - result.mismatches;
  return {
    perSecond: answered / result.duration,
    answered,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx + result.mismatches,
    firstError:
      firstError ?? (result.errors > 0 ? `${result.errors} connection errors` : undefined),
  };
}

/** Warm-up, then a measured run with CPU and RSS of `watched` around it. */
async function measure(
  label: string,
  gateway: ServiceProcess,
  url: string,
  bodies: string[],
  watched: ServiceProcess[],
): Promise<Run> {
  if (env.BENCH_WARMUP_SECONDS > 0) await cannon(url, bodies, env.BENCH_WARMUP_SECONDS);
  const processes = [gateway, ...watched];
  const before = processes.map((p) => cpuSeconds(p.pid));
  const benchBefore = process.cpuUsage();
  const run = await cannon(url, bodies, env.BENCH_SECONDS);
  const bench = process.cpuUsage(benchBefore);
  const perRequest = (seconds: number) => (seconds * 1000) / Math.max(1, run.answered);
  const cpuMs = new Map(
    processes.map((p, i) => [p.name, perRequest(cpuSeconds(p.pid) - (before[i] ?? 0))]),
  );
  cpuMs.set('bench', perRequest((bench.user + bench.system) / 1e6));
  const rss = new Map(processes.map((p) => [p.name, residentBytes(p.pid)]));
  rss.set('bench', process.memoryUsage().rss);
  console.log(
    `  ${label}: ${run.perSecond.toFixed(0)} req/s, p99 ${run.p99Ms.toFixed(1)} ms, errors ${run.errors}`,
  );
  return { label, gateway: gateway.name, ...run, cpuMs, rss };
}

await runBench(async (defer) => {
  const graph = await startGraph(env, defer);
  console.log(
    `graph serving: ${graph.processes.length - 1} processes and the hello-world, production mode, ` +
      `queues on ${graph.backend}; ${os.cpus().length} cores shared with the load generator`,
  );
  const subgraphs = SUBGRAPHS.map((name) => graph.byName(name));
  const hello = graph.byName('hello-world');
  const cached = graph.byName('gateway');
  const uncached = graph.byName('gateway-uncached');

  const ceiling = await measure('ceiling (hello-world)', hello, graph.helloUrl, ['{}'], []);
  const runs: Run[] = [ceiling];
  const share = new Map<string, number>();
  const record = (key: string, run: Run) => {
    runs.push(run);
    share.set(key, (run.perSecond / ceiling.perSecond) * 100);
  };
  for (const name of env.BENCH_ONLY) {
    const bodies = graph.bodies[name];
    if (name === 'cart') {
      record('cart', await measure('cart', cached, graph.cachedUrl, bodies.slice(0, 1), subgraphs));
      continue;
    }
    record(
      `${name} uncached`,
      await measure(`${name} uncached`, uncached, graph.uncachedUrl, bodies, subgraphs),
    );
    record(
      `${name} cached`,
      await measure(`${name} cached`, cached, graph.cachedUrl, bodies, subgraphs),
    );
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)}`;
  const columns = ['gateway', ...SUBGRAPHS, 'bench'];
  // The ceiling's hello-world sits in the gateway column.
  const pickColumn = (run: Run, column: string) => (column === 'gateway' ? run.gateway : column);
  const shareOf = (run: Run) => `${((run.perSecond / ceiling.perSecond) * 100).toFixed(2)}%`;
  console.log(
    [
      '',
      `load: autocannon, ${env.BENCH_CONNECTIONS} keep-alive connections, ${env.BENCH_WARMUP_SECONDS} s ` +
        `warm-up then ${env.BENCH_SECONDS} s measured per run; anonymous POST, ` +
        `apollo-require-preflight: true; the load generator shares the ${os.cpus().length} cores`,
      `gateway = the gateway (response cache on); gateway-uncached = GATEWAY_RESPONSE_CACHE=false; ` +
        `ceiling = node:http hello-world (hello-world.ts) in its own process`,
      '',
      formatTable(
        ['run', 'req/s', 'p50', 'p99', 'errors', 'share of ceiling'],
        runs.map((run) => [
          run.label,
          run.perSecond.toFixed(0),
          ms(run.p50Ms),
          ms(run.p99Ms),
          String(run.errors),
          shareOf(run),
        ]),
      ),
      '',
      'CPU ms per request by process (user + system; gateway = the one the run used, the hello-world for the ceiling; bench = the load generator):',
      '',
      formatTable(
        ['run', ...columns, 'total'],
        runs.map((run) => {
          const values = columns.map((c) => run.cpuMs.get(pickColumn(run, c)));
          const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
          return [
            run.label,
            ...values.map((v) => (v === undefined ? '-' : v.toFixed(3))),
            total.toFixed(3),
          ];
        }),
      ),
      '',
      'RSS in MB by process after each run:',
      '',
      formatTable(
        ['run', ...columns],
        runs.map((run) => [
          run.label,
          ...columns.map((c) => {
            const bytes = run.rss.get(pickColumn(run, c));
            return bytes === undefined ? '-' : mb(bytes);
          }),
        ]),
      ),
      ...runs.flatMap((run) =>
        run.firstError ? [`${run.label}: first error: ${run.firstError}`] : [],
      ),
    ].join('\n'),
  );

  // A benchmark reports; a missed target is in its figures, not in its exit code.
  if (env.BENCH_SPIKE_SECONDS > 0) await runSpike(graph.cachedUrl, graph.bodies, env);

  const figure = (key: string) => {
    const value = share.get(key);
    return value === undefined ? 'n/a' : `${value.toFixed(2)}%`;
  };
  console.log(
    `share of ceiling: product uncached ${figure('product uncached')}, ` +
      `category uncached ${figure('category uncached')}, product cached ${figure('product cached')}, ` +
      `cart ${figure('cart')}`,
  );
});
