/**
 * Does a flash sale oversell, lose reservations or queue everyone on the same locks?
 * `pnpm bench:flash-sale`.
 *
 * One variant gets BENCH_STOCK units (default 100, split over the two demo warehouses) and a
 * limit of one unit per order; BENCH_SHOPPERS shoppers (default 2,000) each create a guest cart
 * with one unit of it through the gateway, then all of them place their order at once, at most
 * BENCH_CONCURRENCY (default 200) orders in flight, paying with the Adyen simulator's approving
 * test card. The graph runs as deployed (separate processes, `NODE_ENV=production`) on a
 * throw-away database with a small demo catalog; queues on Redis when REDIS_URL is set, else on
 * PostgreSQL. Each shopper connects from an address of its own in 127.0.0.0/8, as 2,000 shoppers
 * would from 2,000 homes, so the gateway's per-network limits apply as in production and each
 * attempt opens its own connection.
 *
 * Measured in the same run: a node:http hello-world server in its own process, loaded with 50
 * keep-alive connections (the machine's ceiling for an HTTP round trip in Node, as in issue 9),
 * and with the flash sale's own pattern (a new connection per request, the same concurrency).
 *
 * A shopper whose answer was an error (a time-out on the way back) sends the same request with
 * the same idempotency key once more after the rush, as a client would, and should get its
 * order back. Then the bench waits until no order waits for its payment and checks, in the
 * database: accepted orders are the PAID ones (an order can be placed and paid while its answer
 * is lost; those are counted apart); no unit was sold beyond the stock (oversold); no unit
 * stayed reserved, no paid order lacks its sale and no shopper told OrderPlaced was left unpaid
 * (lost); on hand and reserved of every stock row equal the sums of its ledger. It exits
 * non-zero when any check fails. The last line is for scripts:
 * `flash-sale accepted <n> of <stock>, oversold <n>, lost <n>, <n> attempts/s, ceiling <n> req/s`.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import postgres from 'postgres';
import { z } from 'zod';
import { parseConfig, envVar } from '@commerce-graph/kit';
import { buildDemoCatalog } from '../demo-catalog.ts';
import { migrateAll, seedDemoData } from '../graph.ts';
import { createBenchDatabase } from './database.ts';
import { runBench } from './harness.ts';
import { forEachLimited, percentile, runLoad } from './load.ts';
import { freePort } from './ports.ts';
import { cpuSeconds, stopServices } from './processes.ts';
import { PLACE_APPROVED_ORDER } from './operations.ts';
import {
  baseServiceEnv,
  graphqlUrl,
  pickPorts,
  spawnSeparateServices,
  waitUntilServing,
} from './services.ts';
import { formatTable } from './table.ts';

const env = parseConfig(
  z.object({
    DATABASE_URL: envVar.postgresUrl().optional(),
    REDIS_URL: envVar.redisUrl().optional(),
    BENCH_SHOPPERS: z.coerce.number().int().min(1).max(60_000).default(2_000),
    BENCH_STOCK: z.coerce.number().int().min(2).default(100),
    BENCH_CONCURRENCY: z.coerce.number().int().positive().default(200),
    PATH: z.string().optional(),
    HOME: z.string().optional(),
  }),
  process.env,
);

const TIMEOUT_MS = 30_000;
const SETTLE_TIMEOUT_MS = 120_000;
const CEILING_SECONDS = 5;
/** Concurrency of the set-up (carts), which is not measured. */
const SETUP_CONCURRENCY = 32;

/** Where every shopper's parcel goes (the set-up gives each cart an address and a method). */
const SHOPPER_ADDRESS = {
  name: 'Flash Shopper',
  line1: 'Damrak 1',
  city: 'Amsterdam',
  postalCode: '1012 LG',
  countryCode: 'NL',
};
const SET_ADDRESS =
  'mutation($c: ID!, $a: CartAddressInput!) { setCartShippingAddress(cartId: $c, address: $a) { __typename ... on Cart { shippingMethods { code } } } }';
const SET_METHOD =
  'mutation($c: ID!, $m: String!) { setCartShippingMethod(cartId: $c, code: $m) { __typename } }';

/** Shopper i's own address: 127.1.0.1 upwards (Linux routes all of 127.0.0.0/8 to loopback). */
const addressOf = (i: number) => `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown>;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}

/** Posts one GraphQL operation over a new connection from `localAddress`. */
function post(
  url: URL,
  localAddress: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Answer> {
  const payload = Buffer.from(JSON.stringify({ query, variables }));
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: false,
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] });
          } catch {
            reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`));
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** A node:http server answering every request with a fixed body, in a process of its own. */
async function startHelloWorld(port: number) {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => s.end('{"data":{"hello":"world"}}')); }).listen(${port}, '127.0.0.1', () => console.log('up'))`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`hello-world exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Throughput of the hello-world with a new connection per request, as the rush makes them. */
async function newConnectionCeiling(url: URL, concurrency: number, seconds: number) {
  let done = 0;
  const endsAt = performance.now() + seconds * 1000;
  const startedAt = performance.now();
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < endsAt) {
        await post(url, addressOf(i++ % 2_000), '{ hello }', {});
        done++;
      }
    }),
  );
  return done / ((performance.now() - startedAt) / 1000);
}

type Outcome = 'placed' | 'sold-out' | 'limit' | 'try-again' | 'other';

await runBench(async (defer) => {
  const database = await createBenchDatabase(env.DATABASE_URL, defer);
  const sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  defer(() => sql.end());

  // A small catalog: the flash variant is its first product's first variant.
  const catalog = buildDemoCatalog(24);
  const flash = catalog.products[0]!.variants[0]!;
  const [first, second] = catalog.warehouses;
  const split = Math.ceil(env.BENCH_STOCK * 0.6);
  flash.stock = { [first!.code]: split, [second!.code]: env.BENCH_STOCK - split };
  await migrateAll(database.url);
  await seedDemoData(database.url, catalog);
  // One unit per order, set as staff would with setVariantInventoryPolicy.
  await sql`
    insert into inventory.variant_settings (variant_id, max_per_order)
    values (${flash.id}, 1)
    on conflict (variant_id) do update set max_per_order = 1`;

  const ports = await pickPorts();
  const gatewayUrl = graphqlUrl(ports.gateway);
  const base = baseServiceEnv({ PATH: env.PATH, HOME: env.HOME, REDIS_URL: env.REDIS_URL });
  const services = spawnSeparateServices(ports, base, database.url);
  defer(async () => {
    await stopServices(services);
  });
  await waitUntilServing(gatewayUrl, services);
  const backend = env.REDIS_URL ? 'Redis' : 'PostgreSQL';
  console.log(
    `graph serving: ${services.length} processes, production mode, queues on ${backend}, ` +
      `database ${database.server}`,
  );

  // Set-up: a guest cart per shopper with one unit of the flash variant, an address and a
  // shipping method (not measured).
  const url = new URL(gatewayUrl);
  const carts: string[] = new Array(env.BENCH_SHOPPERS);
  const setupAt = performance.now();
  await forEachLimited(env.BENCH_SHOPPERS, SETUP_CONCURRENCY, async (i) => {
    const created = await post(url, addressOf(i), 'mutation { createCart { id } }', {});
    const cartId = (created.body.data?.createCart as { id: string } | undefined)?.id;
    if (!cartId) throw new Error(`createCart: ${JSON.stringify(created.body).slice(0, 300)}`);
    const added = await post(
      url,
      addressOf(i),
      'mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 1) { __typename } }',
      { c: cartId, v: flash.id },
    );
    const kind = (added.body.data?.addCartLine as { __typename: string } | undefined)?.__typename;
    if (kind !== 'Cart')
      throw new Error(`addCartLine: ${JSON.stringify(added.body).slice(0, 300)}`);
    const addressed = await post(url, addressOf(i), SET_ADDRESS, { c: cartId, a: SHOPPER_ADDRESS });
    const cart = addressed.body.data?.setCartShippingAddress as
      { __typename: string; shippingMethods: Array<{ code: string }> } | undefined;
    const method = cart?.shippingMethods[0]?.code;
    if (!method)
      throw new Error(`setCartShippingAddress: ${JSON.stringify(addressed.body).slice(0, 300)}`);
    const chosen = await post(url, addressOf(i), SET_METHOD, { c: cartId, m: method });
    const chosenKind = (
      chosen.body.data?.setCartShippingMethod as { __typename: string } | undefined
    )?.__typename;
    if (chosenKind !== 'Cart')
      throw new Error(`setCartShippingMethod: ${JSON.stringify(chosen.body).slice(0, 300)}`);
    carts[i] = cartId;
  });
  console.log(
    `${env.BENCH_SHOPPERS} carts made in ${((performance.now() - setupAt) / 1000).toFixed(1)} s ` +
      `(set-up, not measured)`,
  );

  // The ceiling, in the same run, before the rush.
  const hello = await startHelloWorld(await freePort());
  defer(() => hello.stop());
  const keepAlive = await runLoad(
    hello.url,
    { query: '{ hello }' },
    { concurrency: 50, warmupMs: 1_000, durationMs: CEILING_SECONDS * 1000 },
  );
  const fresh = await newConnectionCeiling(
    new URL(hello.url),
    env.BENCH_CONCURRENCY,
    CEILING_SECONDS,
  );
  await hello.stop();

  // The rush: every shopper places its order once.
  const outcomes = new Map<Outcome, number>();
  const latencies: number[] = [];
  const toldPlaced: string[] = [];
  const otherReasons = new Map<string, number>();
  /** Shoppers whose answer was an error: they retry with the same key after the rush. */
  const unanswered: number[] = [];
  const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  const cpuBefore = services.map((service) => cpuSeconds(service.pid));
  const benchCpuBefore = process.cpuUsage();
  const rushAt = performance.now();
  const keyOf = (i: number) => `flash-sale-${i}-${Math.round(rushAt)}`;
  await forEachLimited(env.BENCH_SHOPPERS, env.BENCH_CONCURRENCY, async (i) => {
    const sentAt = performance.now();
    let outcome: Outcome = 'other';
    try {
      const answer = await post(url, addressOf(i), PLACE_APPROVED_ORDER, {
        cartId: carts[i],
        idempotencyKey: keyOf(i),
        email: `shopper${i}@example.com`,
      });
      const result = answer.body.data?.placeOrder as
        | { __typename: string; order?: { id: string }; lines?: Array<{ available: number }> }
        | undefined;
      if (result?.__typename === 'OrderPlaced' && result.order) {
        outcome = 'placed';
        toldPlaced.push(result.order.id);
      } else if (result?.__typename === 'OutOfStock') {
        outcome = 'sold-out';
      } else if (result?.__typename === 'PurchaseLimitExceeded') {
        outcome = 'limit';
      } else if (result?.__typename === 'CheckoutUnavailable') {
        outcome = 'try-again';
      } else {
        const code = answer.body.errors?.[0]?.extensions?.code ?? result?.__typename;
        count(otherReasons, `HTTP ${answer.status} ${code ?? 'no data'}`);
      }
    } catch (error) {
      count(otherReasons, error instanceof Error ? error.name : 'error');
    }
    latencies.push(performance.now() - sentAt);
    count(outcomes, outcome);
    if (outcome === 'other') unanswered.push(i);
  });
  const rushSeconds = (performance.now() - rushAt) / 1000;
  // CPU per attempt by process: where a flash sale's cycles go.
  const cpuPerAttempt = services
    .map((service, i) => ({
      name: service.name,
      ms: ((cpuSeconds(service.pid) - cpuBefore[i]!) * 1000) / env.BENCH_SHOPPERS,
    }))
    .concat({
      name: 'load generator',
      ms: (() => {
        const used = process.cpuUsage(benchCpuBefore);
        return (used.user + used.system) / 1000 / env.BENCH_SHOPPERS;
      })(),
    });
  const perSecond = env.BENCH_SHOPPERS / rushSeconds;

  // After the rush, as a client whose answer was lost would: the same request, the same key.
  let recovered = 0;
  await forEachLimited(unanswered.length, SETUP_CONCURRENCY, async (n) => {
    const i = unanswered[n]!;
    const answer = await post(url, addressOf(i), PLACE_APPROVED_ORDER, {
      cartId: carts[i],
      idempotencyKey: keyOf(i),
      email: `shopper${i}@example.com`,
    }).catch(() => undefined);
    const result = answer?.body.data?.placeOrder as
      { __typename: string; order?: { id: string } } | undefined;
    if (result?.__typename === 'OrderPlaced' && result.order) {
      recovered++;
      toldPlaced.push(result.order.id);
    }
  });
  latencies.sort((a, b) => a - b);

  // Settle: no order left waiting for its payment, every paid order's reservation sold.
  const settleAt = performance.now();
  let pending = Number.POSITIVE_INFINITY;
  while (pending > 0 && performance.now() - settleAt < SETTLE_TIMEOUT_MS) {
    const [row] = await sql<Array<{ pending: number }>>`
      select count(*)::int as pending
      from checkout.orders o
      left join inventory.order_reservations r on r.order_id = o.id
      where o.status = 'PENDING_PAYMENT'
         or (o.status = 'PAID' and r.status is distinct from 'SOLD')`;
    pending = row?.pending ?? 0;
    if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }

  // Accepted = paid orders, whatever the shopper's answer said: an order may be placed and paid
  // while its answer is lost (a time-out on the way back), which the shopper learns by mail.
  const paidOrders = await sql<Array<{ id: string }>>`
    select id from checkout.orders where status = 'PAID'`;
  const paidIds = new Set(paidOrders.map((o) => o.id));
  const told = new Set(toldPlaced);
  const acceptedCount = paidIds.size;
  const paidUntold = [...paidIds].filter((id) => !told.has(id)).length;
  const toldUnpaid = [...told].filter((id) => !paidIds.has(id)).length;
  const [stock] = await sql<Array<{ onHand: number; reserved: number }>>`
    select coalesce(sum(on_hand), 0)::int as "onHand", coalesce(sum(reserved), 0)::int as reserved
    from inventory.stock_levels where variant_id = ${flash.id}`;
  const [sold] = await sql<Array<{ units: number }>>`
    select coalesce(-sum(on_hand_delta), 0)::int as units
    from inventory.stock_movements where variant_id = ${flash.id} and kind = 'SALE'`;
  const [unsoldPaid] = await sql<Array<{ n: number }>>`
    select count(*)::int as n
    from checkout.orders o
    left join inventory.order_reservations r on r.order_id = o.id
    where o.status = 'PAID' and r.status is distinct from 'SOLD'`;
  const ledger = await sql<Array<{ variantId: string; warehouseId: string }>>`
    select s.variant_id as "variantId", s.warehouse_id as "warehouseId"
    from inventory.stock_levels s
    left join (
      select variant_id, warehouse_id,
             sum(on_hand_delta)::int as on_hand, sum(reserved_delta)::int as reserved
      from inventory.stock_movements group by variant_id, warehouse_id
    ) m on m.variant_id = s.variant_id and m.warehouse_id = s.warehouse_id
    where s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0)`;

  const soldUnits = sold?.units ?? 0;
  const oversold = Math.max(0, soldUnits - env.BENCH_STOCK, acceptedCount - env.BENCH_STOCK);
  // Units held by nobody's order, paid orders without their sale, and orders confirmed to the
  // shopper that did not end paid.
  const lost = (stock?.reserved ?? 0) + (unsoldPaid?.n ?? 0) + toldUnpaid;
  const ceiling = keepAlive.perSecond;

  console.log(
    [
      '',
      `${env.BENCH_SHOPPERS} shoppers, ${env.BENCH_STOCK} units (${first!.code} ${split}, ` +
        `${second!.code} ${env.BENCH_STOCK - split}), one unit per order, ` +
        `${env.BENCH_CONCURRENCY} orders in flight, through the gateway; ${os.cpus().length} cores; ` +
        `the load generator shares them`,
      '',
      formatTable(
        ['figure', 'value'],
        [
          ['orders accepted (paid)', `${acceptedCount} of ${env.BENCH_STOCK}`],
          ['answered OrderPlaced', String(outcomes.get('placed') ?? 0)],
          [
            'answered with an error, then OrderPlaced on a retry with the same key',
            `${recovered} of ${unanswered.length}`,
          ],
          ['paid, but never told (even on the retry)', String(paidUntold)],
          ['refused: sold out (OutOfStock)', String(outcomes.get('sold-out') ?? 0)],
          ['refused: purchase limit', String(outcomes.get('limit') ?? 0)],
          ['refused: try again (CheckoutUnavailable)', String(outcomes.get('try-again') ?? 0)],
          [
            'other answers',
            `${outcomes.get('other') ?? 0}${
              otherReasons.size > 0
                ? ` (${[...otherReasons].map(([k, v]) => `${k}: ${v}`).join(', ')})`
                : ''
            }`,
          ],
          ['rush: wall time', `${rushSeconds.toFixed(2)} s`],
          ['rush: attempts per second', perSecond.toFixed(0)],
          ['rush: p50 latency', `${percentile(latencies, 50).toFixed(1)} ms`],
          ['rush: p99 latency', `${percentile(latencies, 99).toFixed(1)} ms`],
          [
            'rush: CPU per attempt',
            cpuPerAttempt.map((c) => `${c.name} ${c.ms.toFixed(2)} ms`).join(', '),
          ],
          ['ceiling: hello-world, 50 keep-alive connections', `${ceiling.toFixed(0)} req/s`],
          [
            `ceiling: hello-world, new connection per request, ${env.BENCH_CONCURRENCY} in flight`,
            `${fresh.toFixed(0)} req/s`,
          ],
          ['answered OrderPlaced but not paid', String(toldUnpaid)],
          ['units sold (ledger SALE movements)', String(soldUnits)],
          ['units left on hand / reserved', `${stock?.onHand ?? 0} / ${stock?.reserved ?? 0}`],
          ['PAID orders without their sale', String(unsoldPaid?.n ?? 0)],
          ['stock rows whose ledger does not balance', String(ledger.length)],
        ],
      ),
      '',
    ].join('\n'),
  );
  const failures = [
    ...(acceptedCount !== env.BENCH_STOCK
      ? [`accepted ${acceptedCount}, expected ${env.BENCH_STOCK}`]
      : []),
    ...(oversold > 0 ? [`oversold ${oversold}`] : []),
    ...(lost > 0 ? [`lost ${lost}`] : []),
    ...(ledger.length > 0 ? [`${ledger.length} stock rows do not match their ledger`] : []),
    ...(pending > 0 ? [`${pending} orders not settled after ${SETTLE_TIMEOUT_MS / 1000} s`] : []),
  ];
  if (failures.length > 0 || otherReasons.size > 0) {
    // What the services said last: the first place to look for the cause.
    for (const service of services) {
      const output = service.output();
      if (output) console.error(`--- ${service.name} (last lines)\n${output}`);
    }
  }
  if (failures.length > 0) {
    console.error(`checks failed: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
  console.log(
    `flash-sale accepted ${acceptedCount} of ${env.BENCH_STOCK}, oversold ${oversold}, ` +
      `lost ${lost}, ${perSecond.toFixed(0)} attempts/s, ceiling ${ceiling.toFixed(0)} req/s`,
  );
});
