/**
 * Does a flood of abusive documents hurt everyone else? `pnpm bench:abuse`.
 *
 * The whole graph runs in this process (`startGraph`, production mode) on a throw-away database
 * with the demo catalog. Normal traffic (the 24-product page, closed loops of `runLoad` from
 * 127.0.0.1) is measured twice: alone, then while an abusive client floods the gateway from
 * 127.0.0.2 with the documents of `scripts/abusive-documents.ts`, round-robin, each with a fresh
 * salt so that no cache of verdicts (the preflight's, the cost formulas') can help. The abusive
 * client runs through the normal traffic's warm-up and its whole measured window.
 *
 * The rate limiter is put out of the way on purpose: budgets no client reaches and
 * `refusalCost: 0`, so the flood is never throttled (nor charged) and the figures measure what
 * the document limits cost the gateway, not how soon a budget runs dry. With the default
 * budgets the flood would be turned away after 100 refusals, before its documents are parsed.
 *
 * Every abusive answer is classified: refused (HTTP 4xx with `errors[0].extensions.code`; counted
 * per code, and apart when the code is not the one the document expects), got through (HTTP 200
 * with `data`: must never happen) or other (5xx, time-outs, connection errors).
 *
 * BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONCURRENCY and BENCH_ABUSE_CONCURRENCY change the
 * load (defaults 10, 2, 8, 4). The last line printed is for scripts:
 * `abuse p99 <ms> ms alone, <ms> ms under abuse, <n> refused/s, <n> got through`.
 */
import { randomBytes } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import http from 'node:http';
import os from 'node:os';
import { abusiveDocuments } from '../abusive-documents.ts';
import { buildDemoCatalog } from '../demo-catalog.ts';
import { SINGLE_CLIENT_BUDGETS, startGraph } from '../graph.ts';
import { createBenchDatabase } from './database.ts';
import { readAbuseBenchEnv } from './env.ts';
import { runBench } from './harness.ts';
import { percentile, postOperation, runLoad, type LoadResult, type Operation } from './load.ts';
import { PRODUCT_PAGE_QUERY } from './operations.ts';
import { formatTable } from './table.ts';

const PAGE_SIZE = 24;
const PRODUCT_PAGE: Operation = { query: PRODUCT_PAGE_QUERY, variables: { n: PAGE_SIZE } };
const TIMEOUT_MS = 10_000;
/** Where the abusive client connects from; Linux routes all of 127.0.0.0/8 to loopback. */
const ABUSER_ADDRESS = '127.0.0.2';
/** Stands for the salt in the pre-built bodies; letters only, so JSON leaves it as it is. */
const SALT_MARK = 'SaltMarkQzx';
// Budgets that never run out, so that only the document limits stand between flood and graph.
const NO_RATE_LIMITING = { budgets: { ...SINGLE_CLIENT_BUDGETS, refusalCost: 0 } };

/** An abusive document as request body bytes, split where the salt goes. */
interface AbusiveBody {
  name: string;
  code: string;
  parts: Buffer[];
}

/**
 * Serialises every abusive document once, so the flood does not spend this process's CPU (which
 * the graph shares) building and stringifying bodies of up to 60 kB for every request.
 */
function buildBodies(): AbusiveBody[] {
  const reference = abusiveDocuments('0check');
  return abusiveDocuments(SALT_MARK).map((document, i) => {
    const parts = JSON.stringify({ query: document.query }).split(SALT_MARK);
    const expected = JSON.stringify({ query: reference[i]?.query });
    if (parts.length < 2 || parts.join('0check') !== expected) {
      throw new Error(`${document.name}: the salt cannot be substituted into the pre-built body`);
    }
    return { name: document.name, code: document.code, parts: parts.map((p) => Buffer.from(p)) };
  });
}

type Verdict =
  { kind: 'refused'; code: string } | { kind: 'through' } | { kind: 'other'; reason: string };

/** Posts a pre-built body with `salt` filled in, from ABUSER_ADDRESS over a keep-alive agent. */
function postAbusive(
  target: URL,
  agent: http.Agent,
  body: AbusiveBody,
  salt: Buffer,
): Promise<{ status: number; text: string }> {
  const length =
    body.parts.reduce((sum, part) => sum + part.length, 0) + salt.length * (body.parts.length - 1);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        localAddress: ABUSER_ADDRESS,
        headers: { 'content-type': 'application/json', 'content-length': length },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
        response.on('aborted', () => reject(new Error('response aborted')));
      },
    );
    request.on('error', reject);
    body.parts.forEach((part, i) => {
      if (i > 0) request.write(salt);
      request.write(part);
    });
    request.end();
  });
}

function classify(status: number, text: string): Verdict {
  let parsed: { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> } | undefined;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  const code = parsed?.errors?.[0]?.extensions?.code;
  if (status >= 400 && status < 500 && typeof code === 'string') return { kind: 'refused', code };
  if (status === 200 && parsed?.data != null) return { kind: 'through' };
  return { kind: 'other', reason: `HTTP ${status}${typeof code === 'string' ? ` ${code}` : ''}` };
}

function failureReason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/** What the abusive client saw for the requests it sent in one window. */
class AbuseTally {
  readonly startedAt = performance.now();
  endedAt = Number.NaN;
  sent = 0;
  refused = 0;
  gotThrough = 0;
  other = 0;
  readonly byCode = new Map<string, { refused: number; unexpected: number }>();
  /** "<document>: expected <code>, got <code>" -> count. */
  readonly mismatches = new Map<string, number>();
  readonly throughByDocument = new Map<string, number>();
  readonly otherReasons = new Map<string, number>();
  readonly refusalLatencies: number[] = [];

  record(body: AbusiveBody, verdict: Verdict, latencyMs: number): void {
    if (verdict.kind === 'refused') {
      this.refused++;
      this.refusalLatencies.push(latencyMs);
      const entry = this.byCode.get(verdict.code) ?? { refused: 0, unexpected: 0 };
      entry.refused++;
      if (verdict.code !== body.code) {
        entry.unexpected++;
        increment(this.mismatches, `${body.name}: expected ${body.code}, got ${verdict.code}`);
      }
      this.byCode.set(verdict.code, entry);
    } else if (verdict.kind === 'through') {
      this.gotThrough++;
      increment(this.throughByDocument, body.name);
    } else {
      this.other++;
      increment(this.otherReasons, verdict.reason);
    }
  }

  get seconds(): number {
    return (this.endedAt - this.startedAt) / 1000;
  }
}

const increment = (counts: Map<string, number>, key: string) =>
  counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * Starts `concurrency` closed loops that post the abusive documents round-robin, each with a new
 * salt (a counter in base 36, never repeated in a run). `measure()` starts the measured window;
 * `stop()` lets every loop finish its request in flight and returns that window's tally. Loops
 * also stop by themselves at `hardDeadlineMs`, so a stuck caller cannot keep the flood going.
 */
function startAbuse(gatewayUrl: string, concurrency: number, hardDeadlineMs: number) {
  const target = new URL(gatewayUrl);
  const bodies = buildBodies();
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const deadline = performance.now() + hardDeadlineMs;
  let tally = new AbuseTally();
  let next = 0;
  let stopping = false;

  const loops = Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!stopping && performance.now() < deadline) {
        const index = next++;
        const body = bodies[index % bodies.length] as AbusiveBody;
        const salt = Buffer.from(index.toString(36));
        // Charged to the window the request was sent in, whenever its answer comes.
        const window = tally;
        window.sent++;
        const sentAt = performance.now();
        let verdict: Verdict;
        try {
          const { status, text } = await postAbusive(target, agent, body, salt);
          verdict = classify(status, text);
        } catch (error) {
          verdict = { kind: 'other', reason: failureReason(error) };
        }
        window.record(body, verdict, performance.now() - sentAt);
      }
    }),
  );

  return {
    documents: bodies.length,
    measure() {
      tally = new AbuseTally();
    },
    async stop(): Promise<AbuseTally> {
      stopping = true;
      await loops;
      tally.endedAt = performance.now();
      agent.destroy();
      return tally;
    },
  };
}

/** Counts the gateway's requests by peer address, to show the two clients really differ. */
function watchPeers(gatewayUrl: string): { peers: Map<string, number>; unwatch(): void } {
  const port = Number(new URL(gatewayUrl).port);
  const portOf = new WeakMap<object, number>();
  const peers = new Map<string, number>();
  const onRequest = (message: unknown) => {
    const { request, server } = message as { request: http.IncomingMessage; server: http.Server };
    let serverPort = portOf.get(server);
    if (serverPort === undefined) {
      const address = server.address();
      serverPort = address && typeof address === 'object' ? address.port : -1;
      portOf.set(server, serverPort);
    }
    if (serverPort === port) increment(peers, request.socket.remoteAddress ?? 'unknown');
  };
  diagnostics.subscribe('http.server.request.start', onRequest);
  return {
    peers,
    unwatch: () => diagnostics.unsubscribe('http.server.request.start', onRequest),
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const count = (value: number) => value.toLocaleString('en-US');

await runBench(async (defer) => {
  const env = readAbuseBenchEnv();
  const database = await createBenchDatabase(env.DATABASE_URL, defer);
  const startingAt = performance.now();
  const graph = await startGraph({
    databaseUrl: database.url,
    queue: { databaseUrl: database.url },
    // 0: each server takes a free port from the kernel when it binds, with no race.
    ports: { gateway: 0, products: 0, inventory: 0, cart: 0, checkout: 0, adyenSimulator: 0 },
    host: '127.0.0.1',
    production: true,
    logLevel: 'silent',
    internalToken: randomBytes(32).toString('base64url'),
    catalog: buildDemoCatalog(),
    gateway: NO_RATE_LIMITING,
  });
  defer(() => graph.close());
  console.log(
    `graph serving at ${graph.gatewayUrl} after ${((performance.now() - startingAt) / 1000).toFixed(1)} s ` +
      `(migrations and demo catalog included); database ${database.server}`,
  );

  const page = (await postOperation(graph.gatewayUrl, JSON.stringify(PRODUCT_PAGE))) as {
    products: { edges: unknown[] };
  };
  if (page.products.edges.length !== PAGE_SIZE) {
    throw new Error(
      `the product page has ${page.products.edges.length} products, not ${PAGE_SIZE}`,
    );
  }

  const watch = watchPeers(graph.gatewayUrl);
  defer(() => watch.unwatch());
  const load = {
    concurrency: env.BENCH_CONCURRENCY,
    warmupMs: env.BENCH_WARMUP_SECONDS * 1000,
    durationMs: env.BENCH_SECONDS * 1000,
    timeoutMs: TIMEOUT_MS,
  };
  const loadBefore = os.loadavg()[0] ?? 0;

  console.log(`phase 1: product pages alone (${env.BENCH_SECONDS} s)`);
  const alone = await runLoad(graph.gatewayUrl, PRODUCT_PAGE, load);

  console.log(`phase 2: product pages under abuse (${env.BENCH_SECONDS} s)`);
  // Past the deadline the normal traffic can overrun by one time-out in each of its two runs.
  const abuse = startAbuse(
    graph.gatewayUrl,
    env.BENCH_ABUSE_CONCURRENCY,
    load.warmupMs + load.durationMs + 2 * TIMEOUT_MS + 5_000,
  );
  let underAbuse: LoadResult;
  let flood: AbuseTally;
  try {
    underAbuse = await runLoad(graph.gatewayUrl, PRODUCT_PAGE, {
      ...load,
      onMeasure: () => abuse.measure(),
    });
  } finally {
    flood = await abuse.stop();
  }
  const loadAfter = os.loadavg()[0] ?? 0;

  const refusedPerSecond = flood.refused / flood.seconds;
  const ratio = underAbuse.p99Ms / alone.p99Ms;
  const latencies = flood.refusalLatencies.sort((a, b) => a - b);
  const share = (part: number) =>
    flood.sent > 0 ? `${((100 * part) / flood.sent).toFixed(part > 0 ? 2 : 0)}%` : '-';
  const phaseRow = (label: string, result: LoadResult) => [
    label,
    count(result.requests),
    result.perSecond.toFixed(1),
    ms(result.p50Ms),
    ms(result.p99Ms),
    count(result.errors),
  ];
  const listed = (title: string, counts: Map<string, number>) =>
    counts.size === 0
      ? []
      : [
          title,
          ...[...counts].sort((a, b) => b[1] - a[1]).map(([what, n]) => `  ${what}: ${count(n)}`),
        ];

  console.log(
    [
      '',
      `normal traffic: products(first: ${PAGE_SIZE}) with variants, price, availability, posted by ` +
        `${env.BENCH_CONCURRENCY} closed loops (fetch) from 127.0.0.1, ${env.BENCH_SECONDS} s measured ` +
        `after ${env.BENCH_WARMUP_SECONDS} s warm-up in each phase`,
      `abusive client (phase 2, through the warm-up and the measured window): ` +
        `${env.BENCH_ABUSE_CONCURRENCY} closed loops (node:http, keep-alive) from ${ABUSER_ADDRESS}, ` +
        `the ${abuse.documents} documents of scripts/abusive-documents.ts round-robin, a fresh salt ` +
        `in every request`,
      'rate limiting out of the way: budgets no client reaches and refusalCost 0, so nothing is ' +
        'throttled or charged and the figures measure the document limits alone',
      `note: the graph (gateway and four subgraphs), both clients and PostgreSQL share this ` +
        `machine's ${os.cpus().length} cores, and the graph and the clients share this Node process; ` +
        `load average (1 min) before ${loadBefore.toFixed(2)}, after ${loadAfter.toFixed(2)}`,
      `gateway requests by peer address: ${[...watch.peers].map(([peer, n]) => `${peer} ${count(n)}`).join(', ')}`,
      '',
      formatTable(
        ['normal traffic', 'requests', 'req/s', 'p50', 'p99', 'errors'],
        [phaseRow('alone', alone), phaseRow('under abuse', underAbuse)],
      ),
      ...[alone, underAbuse].flatMap((result, i) =>
        result.firstError
          ? [`${i === 0 ? 'alone' : 'under abuse'}: first error: ${result.firstError}`]
          : [],
      ),
      '',
      formatTable(
        [`abusive client, measured window (${flood.seconds.toFixed(1)} s)`, 'value'],
        [
          ['sent', count(flood.sent)],
          ['refused', `${count(flood.refused)} (${share(flood.refused)})`],
          ['refused/s', refusedPerSecond.toFixed(0)],
          [
            'refusal latency p50 / p99',
            `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`,
          ],
          ['got through (must be 0)', `${count(flood.gotThrough)} (${share(flood.gotThrough)})`],
          [
            'other (5xx, time-outs, connection errors)',
            `${count(flood.other)} (${share(flood.other)})`,
          ],
        ],
      ),
      '',
      formatTable(
        ['refusal code', 'refused', 'not the code the document expects'],
        [...flood.byCode]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([code, entry]) => [code, count(entry.refused), count(entry.unexpected)]),
      ),
      ...listed('refused with another code than expected:', flood.mismatches),
      ...listed('GOT THROUGH (HTTP 200 with data), by document:', flood.throughByDocument),
      ...listed('other answers, by reason:', flood.otherReasons),
      '',
      `p99 under abuse / p99 alone: ${ratio.toFixed(2)}x; target <= 2x: ${ratio <= 2 ? 'met' : 'NOT met'}`,
      `abuse p99 ${Math.round(alone.p99Ms)} ms alone, ${Math.round(underAbuse.p99Ms)} ms under abuse, ` +
        `${Math.round(refusedPerSecond)} refused/s, ${flood.gotThrough} got through`,
    ].join('\n'),
  );
  // An abusive document that gets an answer with data is a hole in the limits: fail the run.
  if (flood.gotThrough > 0) process.exitCode = 1;
});
