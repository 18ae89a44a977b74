/**
 * Are Adyen notifications acknowledged fast, processed fast, and applied exactly once?
 * `pnpm bench:webhooks`.
 *
 * The checkout subgraph runs as deployed (its own process, `NODE_ENV=production`) on a
 * throw-away database, its queues on Redis (`BENCH_QUEUE=redis`, needs REDIS_URL; the default
 * when REDIS_URL is set) or on PostgreSQL (`BENCH_QUEUE=postgres`). BENCH_ORDERS orders (default
 * 2,500) with a PENDING payment are written straight into its tables, as `placeOrder` leaves
 * them after the simulator answered `Authorised`. Then BENCH_NOTIFICATIONS signed notifications
 * (default 10,000) are posted to `POST /webhooks/adyen`, BENCH_CONCURRENCY requests in flight
 * (default 16, over keep-alive connections, as a real sender): per order an AUTHORISATION for its
 * amount, a CAPTURE of all of it and up to three partial REFUNDs (about 4,000 in all), which
 * leave some orders PAID, some PARTIALLY_REFUNDED and some REFUNDED (their refunds add up to the
 * amount exactly). One notification in eleven is sent twice, everything is shuffled (a CAPTURE
 * or REFUND may come before its AUTHORISATION), and about one request in twenty carries a batch
 * of 2 to 8 items. The plan comes from BENCH_SEED, so a run can be repeated.
 *
 * Measured: the time to each `[accepted]` (p50, p99), and processing throughput: stored
 * notifications per second from the first post to the last `processed_at`. Then it checks, in
 * the database, that every order and payment is in the state its notifications imply (status,
 * and `authorised_amount`, `captured_amount`, `refunded_amount` equal to what was sent and to
 * the sums of its `payment_ledger` rows): `wrong states` counts the orders that differ. `double
 * effects` counts ledger entries repeated for one (payment, kind, pspReference), payments whose
 * sums exceed what was sent, and orders paid twice (two PAID transitions or `checkout.order.paid`
 * events). It exits non-zero when a check fails. The last line is for scripts:
 * `webhooks ack p99 <ms> ms, <n> processed/s, wrong states <n>, double effects <n>`.
 *
 * BENCH_NOTIFICATION_WORKERS (default 0: the subgraph applies the notifications itself) starts
 * the subgraph with CHECKOUT_NOTIFICATION_WORKER=false and that many notification worker
 * processes (`src/notifications.ts`) beside it, as a deployment that splits them would.
 */
import http from 'node:http';
import os from 'node:os';
import postgres from 'postgres';
import { z } from 'zod';
import { buildNotification, type Notification } from '@commerce-graph/adyen-simulator';
import { envVar, parseConfig } from '@commerce-graph/kit';
import { createBenchDatabase } from './database.ts';
import { runBench } from './harness.ts';
import { forEachLimited, percentile } from './load.ts';
import { checkPayments, insertPendingOrders, planPayments, seededRandom } from './payment-plan.ts';
import { freePorts } from './ports.ts';
import { cpuSeconds, spawnService, stopServices, type ServiceProcess } from './processes.ts';
import { baseServiceEnv, simulatorCredentials } from './services.ts';
import { formatTable } from './table.ts';

const env = parseConfig(
  z
    .object({
      DATABASE_URL: envVar.postgresUrl().optional(),
      REDIS_URL: envVar.redisUrl().optional(),
      /** Where checkout's BullMQ queues live; unset: Redis when REDIS_URL is set. */
      BENCH_QUEUE: z.enum(['redis', 'postgres']).optional(),
      BENCH_ORDERS: z.coerce.number().int().min(1).max(100_000).default(2_500),
      BENCH_NOTIFICATIONS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
      BENCH_CONCURRENCY: z.coerce.number().int().positive().default(16),
      BENCH_SEED: z.coerce.number().int().default(13),
      BENCH_NOTIFICATION_WORKERS: z.coerce.number().int().min(0).max(16).default(0),
      PATH: z.string().optional(),
      HOME: z.string().optional(),
    })
    .refine((e) => e.BENCH_QUEUE !== 'redis' || e.REDIS_URL, {
      message: 'BENCH_QUEUE=redis needs REDIS_URL',
      path: ['REDIS_URL'],
    })
    .refine((e) => e.BENCH_NOTIFICATIONS >= Math.ceil(e.BENCH_ORDERS * 2 * 1.1), {
      message: 'BENCH_NOTIFICATIONS must cover an AUTHORISATION and a CAPTURE per order',
      path: ['BENCH_NOTIFICATIONS'],
    }),
  process.env,
);

const START_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** The bench gives up waiting for processing after this long without one more processed. */
const STALL_TIMEOUT_MS = 30_000;
const SETTLE_TIMEOUT_MS = 600_000;
/** One notification in eleven is delivered twice: 10% of the unique ones. */
const DUPLICATE_SHARE = 0.1;
/** The share of requests that carry a batch of several items. */
const BATCH_SHARE = 0.05;
const MAX_BATCH = 8;
const MAX_REFUNDS_PER_ORDER = 3;

/** Posts one body over the keep-alive agent; resolves with the status and the answer. */
function postWebhook(
  url: URL,
  agent: http.Agent,
  payload: Buffer,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** Polls checkout's /ready until it answers 200; throws if the process exits first. */
async function waitUntilReady(url: string, service: ServiceProcess) {
  let exited: string | undefined;
  void service.exited.then((how) => (exited = how));
  const deadline = performance.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited)
      throw new Error(`checkout exited (${exited}) before it was ready:\n${service.output()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (performance.now() > deadline) {
      throw new Error(
        `checkout not ready within ${START_TIMEOUT_MS / 1000} s:\n${service.output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

await runBench(async (defer) => {
  const backend = env.BENCH_QUEUE ?? (env.REDIS_URL ? 'redis' : 'postgres');
  const rng = seededRandom(env.BENCH_SEED);
  const unique = Math.round(env.BENCH_NOTIFICATIONS / (1 + DUPLICATE_SHARE));
  const refundCount = Math.min(
    unique - 2 * env.BENCH_ORDERS,
    env.BENCH_ORDERS * MAX_REFUNDS_PER_ORDER,
  );
  const adyen = simulatorCredentials();
  const plan = planPayments(env.BENCH_ORDERS, refundCount, adyen.ADYEN_MERCHANT_ACCOUNT, rng);

  const database = await createBenchDatabase(env.DATABASE_URL, defer);
  const sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  defer(() => sql.end());

  // Checkout alone: a webhook never calls cart or inventory, and nothing here reaches Adyen
  // (ports with nothing listening stand in for them).
  const [checkoutPort, nobody] = await freePorts(2);
  const base = baseServiceEnv({
    PATH: env.PATH,
    HOME: env.HOME,
    REDIS_URL: backend === 'redis' ? env.REDIS_URL : undefined,
  });
  const checkoutEnv = {
    ...base,
    ...adyen,
    DATABASE_URL: database.url,
    CHECKOUT_PORT: String(checkoutPort),
    CART_URL: `http://127.0.0.1:${nobody}/graphql`,
    INVENTORY_URL: `http://127.0.0.1:${nobody}/graphql`,
    ADYEN_SIMULATOR_URL: `http://127.0.0.1:${nobody}`,
    CHECKOUT_NOTIFICATION_WORKER: String(env.BENCH_NOTIFICATION_WORKERS === 0),
  };
  const checkout = spawnService('checkout', 'subgraphs/checkout/src/index.ts', checkoutEnv);
  const workers: ServiceProcess[] = [];
  defer(async () => {
    await stopServices([checkout, ...workers]);
  });
  // Checkout migrates its schema before it listens; the orders go in once it answers. /health,
  // not /ready: /ready also wants cart and inventory, which this bench does not run.
  await waitUntilReady(`http://127.0.0.1:${checkoutPort}/health`, checkout);
  for (let i = 0; i < env.BENCH_NOTIFICATION_WORKERS; i++) {
    workers.push(
      spawnService(
        `notifications-${i + 1}`,
        'subgraphs/checkout/src/notifications.ts',
        checkoutEnv,
      ),
    );
  }
  console.log(
    `checkout serving: production mode, queues on ${backend === 'redis' ? 'Redis' : 'PostgreSQL'}, ` +
      `database ${database.server}`,
  );

  const setupAt = performance.now();
  await insertPendingOrders(sql, plan.orders);

  // Every item signed with checkout's key, one in eleven twice, shuffled, some in batches.
  const signedItems = plan.items.map(
    (item) => buildNotification(item, adyen.ADYEN_HMAC_KEY).notificationItems[0]!,
  );
  const duplicates = rng
    .shuffle(signedItems.map((_, i) => i))
    .slice(0, env.BENCH_NOTIFICATIONS - signedItems.length);
  const stream = rng.shuffle([...signedItems.keys(), ...duplicates]);
  const bodies: Buffer[] = [];
  let batches = 0;
  for (let at = 0; at < stream.length;) {
    const size = rng.next() < BATCH_SHARE ? rng.int(2, MAX_BATCH) : 1;
    const body: Notification = {
      live: 'false',
      notificationItems: stream.slice(at, at + size).map((i) => signedItems[i]!),
    };
    if (body.notificationItems.length > 1) batches++;
    bodies.push(Buffer.from(JSON.stringify(body)));
    at += size;
  }
  // Out of order: a CAPTURE or REFUND whose first delivery comes before its AUTHORISATION's.
  const firstSeen = new Map<number, number>();
  stream.forEach((item, at) => firstSeen.has(item) || firstSeen.set(item, at));
  const authorisationAt = new Map<string, number>();
  plan.items.forEach((item, i) => {
    if (item.eventCode === 'AUTHORISATION')
      authorisationAt.set(item.pspReference, firstSeen.get(i)!);
  });
  const overtaking = plan.items.filter(
    (item, i) =>
      item.originalReference !== undefined &&
      firstSeen.get(i)! < authorisationAt.get(item.originalReference)!,
  ).length;
  const counts = plan.orders.reduce(
    (sum, order) => ({ ...sum, [order.status]: (sum[order.status] ?? 0) + 1 }),
    {} as Record<string, number>,
  );
  console.log(
    `${plan.orders.length} orders written and ${stream.length} notifications signed in ` +
      `${((performance.now() - setupAt) / 1000).toFixed(1)} s (set-up, not measured): ` +
      `${plan.items.length} distinct (${plan.orders.length} AUTHORISATION, ${plan.orders.length} ` +
      `CAPTURE, ${refundCount} REFUND), ${duplicates.length} sent twice, in ${bodies.length} ` +
      `requests (${batches} batches), ${overtaking} before their AUTHORISATION; expected ${counts.PAID ?? 0} PAID, ` +
      `${counts.PARTIALLY_REFUNDED ?? 0} PARTIALLY_REFUNDED, ${counts.REFUNDED ?? 0} REFUNDED`,
  );

  // The rush: every request once, BENCH_CONCURRENCY in flight over keep-alive connections.
  const webhookUrl = new URL(`http://127.0.0.1:${checkoutPort}/webhooks/adyen`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: env.BENCH_CONCURRENCY });
  defer(() => agent.destroy());
  const latencies: number[] = [];
  const refused: number[] = [];
  const refusals = new Map<string, number>();
  const checkoutCpu = () =>
    [checkout, ...workers].reduce((total, process) => total + cpuSeconds(process.pid), 0);
  const cpuBefore = checkoutCpu();
  const loadBefore = os.loadavg()[0]!;
  const firstPostAt = Date.now();
  const rushAt = performance.now();
  await forEachLimited(bodies.length, env.BENCH_CONCURRENCY, async (i) => {
    const sentAt = performance.now();
    let answer: string;
    try {
      const response = await postWebhook(webhookUrl, agent, bodies[i]!);
      answer =
        response.status === 200 && response.text === '[accepted]'
          ? 'ok'
          : `HTTP ${response.status} ${response.text.slice(0, 80)}`;
    } catch (error) {
      answer = error instanceof Error ? error.name : 'error';
    }
    latencies.push(performance.now() - sentAt);
    if (answer !== 'ok') {
      refused.push(i);
      refusals.set(answer, (refusals.get(answer) ?? 0) + 1);
    }
  });
  const rushSeconds = (performance.now() - rushAt) / 1000;
  latencies.sort((a, b) => a - b);
  // As Adyen would: a delivery not acknowledged is sent again (once here, after the rush).
  let redelivered = 0;
  for (const i of refused) {
    const response = await postWebhook(webhookUrl, agent, bodies[i]!).catch(() => undefined);
    if (response?.status === 200) redelivered++;
  }

  // Settle: every stored notification processed (or no progress for STALL_TIMEOUT_MS).
  const settleAt = performance.now();
  let progress = { stored: 0, unprocessed: Number.POSITIVE_INFINITY, lastMs: 0 };
  let progressAt = performance.now();
  while (
    performance.now() - settleAt < SETTLE_TIMEOUT_MS &&
    performance.now() - progressAt < STALL_TIMEOUT_MS
  ) {
    const [row] = await sql<Array<{ stored: number; unprocessed: number; lastMs: number | null }>>`
      select count(*)::int as stored,
             (count(*) filter (where processed_at is null))::int as unprocessed,
             (extract(epoch from max(processed_at)) * 1000)::float8 as "lastMs"
      from checkout.adyen_notifications`;
    if (row!.unprocessed !== progress.unprocessed) progressAt = performance.now();
    progress = { stored: row!.stored, unprocessed: row!.unprocessed, lastMs: row!.lastMs ?? 0 };
    if (progress.stored >= plan.items.length && progress.unprocessed === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const processingSeconds = (progress.lastMs - firstPostAt) / 1000;
  // Of those processed, when some are left: the rate it reached, not a finished run's.
  const processedPerSecond =
    processingSeconds > 0 ? (progress.stored - progress.unprocessed) / processingSeconds : 0;
  const checkoutCpuMs = ((checkoutCpu() - cpuBefore) * 1000) / stream.length;

  // The checks, from the database.
  const check = await checkPayments(sql, plan.orders);
  const { wrong, doubleEffects } = check;
  const lostNotifications = Math.max(0, plan.items.length - progress.stored);

  console.log(
    [
      '',
      `${plan.orders.length} orders, ${stream.length} notifications in ${bodies.length} requests, ` +
        `${env.BENCH_CONCURRENCY} in flight, queues on ${backend}, ` +
        (env.BENCH_NOTIFICATION_WORKERS === 0
          ? 'notifications applied by the subgraph process; '
          : `notifications applied by ${env.BENCH_NOTIFICATION_WORKERS} worker processes; `) +
        `${os.cpus().length} cores ` +
        `(${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.versions.node}; ` +
        `the sender, checkout and the database share them; load average ` +
        `${loadBefore.toFixed(2)} before sending, ${os.loadavg()[0]!.toFixed(2)} at the end`,
      '',
      formatTable(
        ['figure', 'value'],
        [
          ['requests answered [accepted]', `${bodies.length - refused.length} of ${bodies.length}`],
          [
            'not accepted (then sent once more)',
            `${refused.length}${
              refusals.size > 0
                ? ` (${[...refusals].map(([k, v]) => `${k}: ${v}`).join(', ')})`
                : ''
            }, ${redelivered} accepted on the second try`,
          ],
          ['sending: wall time', `${rushSeconds.toFixed(2)} s`],
          ['sending: requests per second', (bodies.length / rushSeconds).toFixed(0)],
          ['ack latency p50', `${percentile(latencies, 50).toFixed(1)} ms`],
          ['ack latency p99', `${percentile(latencies, 99).toFixed(1)} ms`],
          ['ack latency max', `${(latencies.at(-1) ?? Number.NaN).toFixed(1)} ms`],
          ['notifications stored (distinct)', `${progress.stored} of ${plan.items.length}`],
          ['stored but not processed', String(progress.unprocessed)],
          [
            'processing: first post to last processed',
            `${processingSeconds.toFixed(2)} s, ${processedPerSecond.toFixed(0)} per second`,
          ],
          ['checkout CPU per notification', `${checkoutCpuMs.toFixed(2)} ms`],
          ['orders in a wrong state', String(wrong.length)],
          ['ledger entries repeated (payment, kind, pspReference)', String(check.repeatedEntries)],
          ['payments with sums above what was sent', String(check.aboveSent)],
          ['orders paid twice (history or events)', String(check.paidTwice)],
        ],
      ),
      '',
    ].join('\n'),
  );
  if (wrong.length > 0) {
    console.error(
      `wrong states, first ${Math.min(5, wrong.length)}:\n  ${wrong.slice(0, 5).join('\n  ')}`,
    );
  }
  const failures = [
    ...(wrong.length > 0 ? [`${wrong.length} orders in a wrong state`] : []),
    ...(doubleEffects > 0 ? [`${doubleEffects} double effects`] : []),
    ...(lostNotifications > 0 ? [`${lostNotifications} notifications never stored`] : []),
    ...(progress.unprocessed > 0
      ? [`${progress.unprocessed} not processed (gave up waiting)`]
      : []),
  ];
  if (failures.length > 0 || refusals.size > 0) {
    const output = checkout.output();
    if (output) console.error(`--- checkout (last lines)\n${output}`);
  }
  if (failures.length > 0) {
    console.error(`checks failed: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
  console.log(
    `webhooks ack p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
      `${processedPerSecond.toFixed(0)} processed/s, wrong states ${wrong.length}, ` +
      `double effects ${doubleEffects}`,
  );
});
