/**
 * A flash sale opening: `pnpm exec tsx scripts/bench/spike.ts`, and the end of `pnpm bench`.
 *
 * Open-loop load against the gateway with its response cache on: requests are sent on a clock,
 * whether or not earlier ones have been answered, so queueing under overload shows as latency.
 * The mix is product pages 60 %, category pages 20 %, searches 15 %, cart reads 5 %. The rate
 * is BENCH_SPIKE_RATE (default 40 req/s) for BENCH_SPIKE_SECONDS (default 10), then
 * BENCH_SPIKE_FACTOR times it (default 10) for as long, then the base rate again, after
 * BENCH_SPIKE_WARMUP_SECONDS (default 3) unmeasured at the base rate. Latency is counted from
 * the instant a request was due, so a late send counts against the graph. A non-200 answer, a
 * GraphQL `errors` member or no answer within 10 s is an error.
 *
 * Prints p50/p99/errors per second, `spike p99 <x> ms before, <y> ms during (<r>x), errors <n>`,
 * and draws p50 and p99 per second, the spike shaded, as an SVG (BENCH_SPIKE_SVG, default
 * `bench-results/spike.svg`). The target: p99 during the spike at most 3x the p99 before it,
 * and no errors.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { envVar, parseConfig } from '@commerce-graph/kit';
import { percentile } from './load.ts';
import { REPO_ROOT } from './processes.ts';
import { formatTable } from './table.ts';
import { REQUEST_HEADERS, type WorkloadName } from './workloads.ts';

export const spikeEnv = {
  BENCH_SPIKE_SECONDS: z.coerce.number().int().min(0).default(10),
  BENCH_SPIKE_WARMUP_SECONDS: z.coerce.number().int().min(0).default(3),
  BENCH_SPIKE_RATE: z.coerce.number().positive().default(40),
  BENCH_SPIKE_FACTOR: z.coerce.number().positive().default(10),
  BENCH_SPIKE_SVG: z.string().default('bench-results/spike.svg'),
};
export type SpikeEnv = z.output<z.ZodObject<typeof spikeEnv>>;

const MIX: Array<[WorkloadName, number]> = [
  ['product', 0.6],
  ['category', 0.2],
  ['search', 0.15],
  ['cart', 0.05],
];
const TIMEOUT_MS = 10_000;
const TICK_MS = 5;
/** Keep-alive sockets the load may open: enough that the client is never the queue. */
const MAX_SOCKETS = 512;

export interface SpikeSecond {
  second: number;
  phase: 'before' | 'spike' | 'after';
  sent: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface SpikeResult {
  seconds: SpikeSecond[];
  p99BeforeMs: number;
  p99DuringMs: number;
  ratio: number;
  errors: number;
  firstError?: string;
  svgPath: string;
  passed: boolean;
  /** The line scripts read. */
  line: string;
}

/** mulberry32: a fixed sequence of picks, the same mix on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Posts one body over the keep-alive agent; resolves with an error text, or undefined when OK. */
function post(url: URL, agent: http.Agent, payload: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { ...REQUEST_HEADERS, 'content-length': Buffer.byteLength(payload) },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (response.statusCode !== 200)
            resolve(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
          else if (text.includes('"errors"')) resolve(`GraphQL errors: ${text.slice(0, 200)}`);
          else resolve(undefined);
        });
        response.on('error', (error) => resolve(error.message));
      },
    );
    request.on('error', (error) => resolve(`${error.name}: ${error.message}`));
    request.end(payload);
  });
}

function drawSvg(result: Omit<SpikeResult, 'svgPath' | 'line' | 'passed'>, env: SpikeEnv) {
  // Each second's figures sit in the middle of their second; seconds without an answer have none.
  const latency = result.seconds.flatMap((s) =>
    (
      [
        ['p50', s.p50Ms],
        ['p99', s.p99Ms],
      ] as const
    )
      .filter(([, ms]) => Number.isFinite(ms))
      .map(([series, ms]) => ({ second: s.second + 0.5, latency: ms, series })),
  );
  const counts = result.seconds.flatMap((s) => [
    { second: s.second + 0.5, count: s.sent - s.errors, kind: 'answered' },
    { second: s.second + 0.5, count: s.errors, kind: 'errors' },
  ]);
  const total = result.seconds.length;
  const spikeWindow = {
    data: { values: [{ start: env.BENCH_SPIKE_SECONDS, end: 2 * env.BENCH_SPIKE_SECONDS }] },
    mark: { type: 'rect' as const, color: '#f4a261', opacity: 0.25 },
    encoding: {
      x: { field: 'start', type: 'quantitative' as const },
      x2: { field: 'end' },
    },
  };
  const x = (title: string | null) => ({
    field: 'second',
    type: 'quantitative' as const,
    title,
    scale: { domain: [0, total] },
    axis: { tickMinStep: 1, format: 'd' },
  });
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: `Flash sale opening: ${env.BENCH_SPIKE_RATE} → ${env.BENCH_SPIKE_RATE * env.BENCH_SPIKE_FACTOR} req/s for ${env.BENCH_SPIKE_SECONDS} s (shaded), gateway with response cache`,
      subtitle: `p99 ${result.p99BeforeMs.toFixed(1)} ms before, ${result.p99DuringMs.toFixed(1)} ms during (${result.ratio.toFixed(2)}x), errors ${result.errors}`,
    },
    background: 'white',
    vconcat: [
      {
        width: 640,
        height: 280,
        layer: [
          spikeWindow,
          {
            data: { values: latency },
            mark: { type: 'line', point: true },
            encoding: {
              x: x(null),
              y: {
                field: 'latency',
                type: 'quantitative',
                title: 'latency (ms, log scale)',
                scale: { type: 'log' },
              },
              color: { field: 'series', type: 'nominal', title: 'per second' },
            },
          },
        ],
      },
      {
        width: 640,
        height: 100,
        layer: [
          spikeWindow,
          {
            data: { values: counts },
            mark: { type: 'bar', width: Math.max(1, (640 / total) * 0.8) },
            encoding: {
              x: x('second of the run (requests sent on a clock, open loop)'),
              y: { field: 'count', type: 'quantitative', title: 'requests due', stack: true },
              color: {
                field: 'kind',
                type: 'nominal',
                title: 'outcome',
                scale: { domain: ['answered', 'errors'], range: ['#9ecae1', '#d62728'] },
              },
            },
          },
        ],
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
  return new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' }).toSVG();
}

/**
 * Sends `pick()`'s bodies on a clock at `rateAt(second)` req/s for `totalSeconds`, whatever is
 * still unanswered; resolves once every request is answered or timed out, with latencies (from
 * the instant each was due), errors and requests sent, per second of the run.
 */
async function openLoop(
  url: URL,
  agent: http.Agent,
  pick: () => string,
  rateAt: (second: number) => number,
  totalSeconds: number,
) {
  const latencies: number[][] = Array.from({ length: totalSeconds }, () => []);
  const errors: number[] = new Array<number>(totalSeconds).fill(0);
  const sent: number[] = new Array<number>(totalSeconds).fill(0);
  let firstError: string | undefined;
  const inFlight = new Set<Promise<void>>();

  const startedAt = performance.now();
  // Requests due by elapsed time t: the integral of the rate, one second at a time.
  const dueBy = (t: number) => {
    const whole = Math.floor(t);
    let due = 0;
    for (let s = 0; s < whole; s++) due += rateAt(s);
    return due + (t - whole) * rateAt(whole);
  };
  let issued = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = Math.min(totalSeconds, (performance.now() - startedAt) / 1000);
      const due = Math.floor(dueBy(elapsed));
      while (issued < due) {
        // When request `issued` was due: invert dueBy within its second.
        let second = 0;
        let before = 0;
        while (before + rateAt(second) <= issued) before += rateAt(second++);
        const dueAt = startedAt + (second + (issued - before) / rateAt(second)) * 1000;
        issued++;
        sent[second] = (sent[second] ?? 0) + 1;
        const task = post(url, agent, pick()).then((error) => {
          if (error) {
            errors[second] = (errors[second] ?? 0) + 1;
            firstError ??= error;
          } else {
            latencies[second]?.push(performance.now() - dueAt);
          }
        });
        inFlight.add(task);
        void task.finally(() => inFlight.delete(task));
      }
      if (elapsed >= totalSeconds) resolve();
      else setTimeout(tick, TICK_MS);
    };
    tick();
  });
  await Promise.all(inFlight);
  return { latencies, errors, sent, firstError };
}

/** Runs the three phases against `gatewayUrl`, prints the table and writes the SVG. */
export async function runSpike(
  gatewayUrl: string,
  bodies: Record<WorkloadName, string[]>,
  env: SpikeEnv,
): Promise<SpikeResult> {
  const url = new URL(gatewayUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const random = prng(20261204);
  const counters = new Map<WorkloadName, number>();
  const pick = () => {
    let r = random();
    let name: WorkloadName = 'product';
    for (const [candidate, share] of MIX) {
      name = candidate;
      if (r < share) break;
      r -= share;
    }
    const list = bodies[name];
    const n = counters.get(name) ?? 0;
    counters.set(name, n + 1);
    return list[n % list.length] as string;
  };

  const phaseSeconds = env.BENCH_SPIKE_SECONDS;
  const totalSeconds = 3 * phaseSeconds;
  const rateAt = (second: number) =>
    second >= phaseSeconds && second < 2 * phaseSeconds
      ? env.BENCH_SPIKE_RATE * env.BENCH_SPIKE_FACTOR
      : env.BENCH_SPIKE_RATE;
  // Unmeasured: opens the connections and warms the caches at the base rate.
  if (env.BENCH_SPIKE_WARMUP_SECONDS > 0) {
    await openLoop(url, agent, pick, () => env.BENCH_SPIKE_RATE, env.BENCH_SPIKE_WARMUP_SECONDS);
  }
  const { latencies, errors, sent, firstError } = await openLoop(
    url,
    agent,
    pick,
    rateAt,
    totalSeconds,
  );
  agent.destroy();

  const phaseOf = (second: number): SpikeSecond['phase'] =>
    second < phaseSeconds ? 'before' : second < 2 * phaseSeconds ? 'spike' : 'after';
  const seconds: SpikeSecond[] = latencies.map((list, second) => {
    const sorted = [...list].sort((a, b) => a - b);
    return {
      second,
      phase: phaseOf(second),
      sent: sent[second] ?? 0,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      errors: errors[second] ?? 0,
    };
  });
  const p99Of = (phase: SpikeSecond['phase']) =>
    percentile(
      latencies
        .filter((_, second) => phaseOf(second) === phase)
        .flat()
        .sort((a, b) => a - b),
      99,
    );
  const p99BeforeMs = p99Of('before');
  const p99DuringMs = p99Of('spike');
  const ratio = p99DuringMs / p99BeforeMs;
  const errorCount = errors.reduce((sum, n) => sum + n, 0);
  const partial = { seconds, p99BeforeMs, p99DuringMs, ratio, errors: errorCount, firstError };

  const svgPath = path.resolve(REPO_ROOT, env.BENCH_SPIKE_SVG);
  mkdirSync(path.dirname(svgPath), { recursive: true });
  writeFileSync(svgPath, await drawSvg(partial, env));

  const msOrDash = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '-');
  const passed = ratio <= 3 && errorCount === 0;
  const line =
    `spike p99 ${p99BeforeMs.toFixed(1)} ms before, ${p99DuringMs.toFixed(1)} ms during ` +
    `(${ratio.toFixed(2)}x), errors ${errorCount}`;
  console.log(
    [
      '',
      `spike: open loop against the cached gateway, ${env.BENCH_SPIKE_RATE} req/s for ${phaseSeconds} s, ` +
        `${env.BENCH_SPIKE_RATE * env.BENCH_SPIKE_FACTOR} req/s for ${phaseSeconds} s, ` +
        `${env.BENCH_SPIKE_RATE} req/s for ${phaseSeconds} s; ` +
        `mix ${MIX.map(([name, share]) => `${name} ${share * 100}%`).join(', ')}; ` +
        `latency from the instant each request was due`,
      '',
      formatTable(
        ['second', 'phase', 'sent', 'p50', 'p99', 'errors'],
        seconds.map((s) => [
          String(s.second),
          s.phase,
          String(s.sent),
          msOrDash(s.p50Ms),
          msOrDash(s.p99Ms),
          String(s.errors),
        ]),
      ),
      '',
      `latency over time: ${path.relative(REPO_ROOT, svgPath)}`,
      ...(firstError ? [`spike: first error: ${firstError}`] : []),
      `spike target (p99 during at most 3x before, no errors): ${passed ? 'met' : 'NOT met'}`,
      line,
    ].join('\n'),
  );
  return { ...partial, svgPath, passed, line };
}

// Run alone: its own graph, seeded and started as pages.ts does.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { runBench } = await import('./harness.ts');
  const { startGraph } = await import('./workloads.ts');
  const env = parseConfig(
    z.object({
      DATABASE_URL: envVar.postgresUrl().optional(),
      REDIS_URL: envVar.redisUrl().optional(),
      BENCH_PRODUCTS: z.coerce.number().int().min(100).default(1_000),
      PATH: z.string().optional(),
      HOME: z.string().optional(),
      ...spikeEnv,
    }),
    process.env,
  );
  await runBench(async (defer) => {
    const graph = await startGraph(env, defer);
    await runSpike(graph.cachedUrl, graph.bodies, env);
  });
}
