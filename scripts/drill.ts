/**
 * `pnpm drill`: failure drills on the cluster of `pnpm start:cluster` (2 replicas of everything
 * behind nginx, 2 of each worker: checkout's notification workers and the event workers of
 * products, inventory, cart and identity; on a scratch database of DATABASE_URL's server, dropped
 * afterwards). With the queues on PostgreSQL (no REDIS_URL) their pools and LISTEN connections do
 * not leave room in a default `max_connections` of 100 for 2 of everything: the drill then runs
 * 2 gateways and 2 checkouts and 1 of the others, with 1 notification worker and 1 inventory
 * event worker (the other subgraphs consume in their replicas), unless DRILL_FULL_CLUSTER=1.
 *
 * Under a steady mix of browsing (product pages by GET, which nginx may retry on a sibling) and
 * ordering (guest carts paid with the simulator's approving card; a placeOrder whose answer was
 * an error is sent again with the same idempotency key, as a client would), one fault at a time:
 * SIGKILL a gateway replica, a checkout replica, an inventory event worker (it sells a paid
 * order's reserved stock) and a checkout notification worker, each started again
 * DRILL_RESTART_AFTER seconds later; with DRILL_REDIS_RESTART=1 (and a local REDIS_URL) a
 * Redis restart, with DRILL_PG_RESTART=1 a PostgreSQL restart (`pg_ctlcluster`): both are off by
 * default because they disturb every other user of the server. For each fault it prints requests
 * failed, orders lost (answered OrderPlaced but missing or unpaid after settling), effects applied
 * twice (a second order for a cart, a second payment or authorisation, stock sold twice) and the
 * seconds until throughput recovered (the first of 3 seconds in a row at 90% of the rate before).
 *
 * Then the throughput of the product page and of checkout on that cluster and on 1 of each
 * (workers included).
 * The last line is for scripts: `drill orders lost <n>, double effects <n>, slowest recovery <s> s`.
 * Env: DRILL_SECONDS (observation per fault, default 15), DRILL_SCALE_SECONDS (per measurement,
 * default 10), DRILL_BROWSERS / DRILL_SHOPPERS (concurrent loops, default 6 / 4).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { z } from 'zod';
import { envVar, parseConfig } from '@commerce-graph/kit';
import { runBench } from './bench/harness.ts';
import { PLACE_APPROVED_ORDER, PRODUCT_BY_SLUG_QUERY } from './bench/operations.ts';
import { formatTable } from './bench/table.ts';
import { startCluster, type ClusterOptions, type RunningCluster } from './cluster.ts';
import { buildDemoCatalog, type DemoCatalog } from './demo-catalog.ts';
import { createScratchDatabase } from './scratch-database.ts';

const REQUEST_TIMEOUT_MS = 15_000;
const PLACE_ORDER_TRIES = 4;

const CREATE_CART = 'mutation { createCart { id } }';
const ADD_LINE =
  'mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 1) { __typename } }';
const SET_ADDRESS =
  'mutation($c: ID!, $a: CartAddressInput!) { setCartShippingAddress(cartId: $c, address: $a) { __typename ... on Cart { shippingMethods { code } } } }';
const SET_METHOD =
  'mutation($c: ID!, $m: String!) { setCartShippingMethod(cartId: $c, code: $m) { __typename } }';
const ADDRESS = {
  name: 'Drill Shopper',
  line1: 'Damrak 1',
  city: 'Amsterdam',
  postalCode: '1012 LG',
  countryCode: 'NL',
};

type Kind = 'browse' | 'order';

/** Requests and orders per second, from the start of the load. */
export class Timeline {
  readonly startedAt = performance.now();
  readonly ok: Record<Kind, number[]> = { browse: [], order: [] };
  readonly failed: number[] = [];
  /** Completed orders (OrderPlaced answers) per second. */
  readonly orders: number[] = [];
  now = () => (performance.now() - this.startedAt) / 1000;
  private bump(series: number[], at = this.now()) {
    const second = Math.floor(at);
    while (series.length <= second) series.push(0);
    series[second]!++;
  }
  success(kind: Kind) {
    this.bump(this.ok[kind]);
  }
  failure() {
    this.bump(this.failed);
  }
  placed() {
    this.bump(this.orders);
  }
  /** Successful requests in second `s`. */
  rate(s: number) {
    return (this.ok.browse[s] ?? 0) + (this.ok.order[s] ?? 0);
  }
  sum(series: number[], from: number, to: number) {
    let total = 0;
    for (let s = Math.floor(from); s < Math.ceil(to); s++) total += series[s] ?? 0;
    return total;
  }
}

/** Posts (or GETs) one operation; resolves with data, throws on any error or non-200. */
async function call(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  options: { get?: boolean; client: string },
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    // nginx appends the real peer: the gateway's per-network limits see one shopper per address.
    'x-forwarded-for': options.client,
  };
  let response: Response;
  if (options.get) {
    const target = new URL(url);
    target.searchParams.set('query', query);
    target.searchParams.set('variables', JSON.stringify(variables));
    response = await fetch(target, {
      headers: { ...headers, 'apollo-require-preflight': 'true' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } else {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }
  const text = await response.text();
  let body: { data?: Record<string, unknown>; errors?: unknown[] } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  if (!response.ok || !body?.data || body.errors) {
    const gist = text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    throw new Error(`HTTP ${response.status}: ${gist.slice(0, 160)}`);
  }
  return body.data;
}

export interface ShopperRecord {
  /** cart id -> order id told OrderPlaced (undefined: never told). */
  told: Map<string, string | undefined>;
  /** cart id -> when (timeline seconds) its placeOrder was first sent. */
  sentAt: Map<string, number>;
  firstErrors: string[];
}

export interface LoadOptions {
  gatewayUrl: string;
  catalog: DemoCatalog;
  browsers: number;
  shoppers: number;
  timeline: Timeline;
  record: ShopperRecord;
}

/** Runs browsing and ordering loops until `stop()` is called; resolves when all loops ended. */
export function startLoad(options: LoadOptions): { stop(): Promise<void> } {
  const { gatewayUrl, catalog, timeline, record } = options;
  let running = true;
  const slugs = catalog.products.map((p) => p.slug);
  const variants = catalog.products.flatMap((p) =>
    p.variants.filter((v) => Object.values(v.stock).some((n) => n > 0)).map((v) => v.id),
  );
  let shopperNumber = 0;
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const note = (error: unknown) => {
    timeline.failure();
    if (record.firstErrors.length < 5) record.firstErrors.push(String(error).slice(0, 200));
  };

  const browse = async (loop: number) => {
    while (running) {
      try {
        const data = await call(
          gatewayUrl,
          PRODUCT_BY_SLUG_QUERY,
          { slug: pick(slugs) },
          { get: true, client: `10.0.${loop}.1` },
        );
        if (!data.product) throw new Error('no product');
        timeline.success('browse');
      } catch (error) {
        note(error);
      }
    }
  };

  const order = async () => {
    while (running) {
      const n = shopperNumber++;
      const client = `10.${1 + (Math.floor(n / 250) % 250)}.${n % 250}.1`;
      const step = async (query: string, variables: Record<string, unknown>) => {
        const data = await call(gatewayUrl, query, variables, { client });
        timeline.success('order');
        return data;
      };
      let cartId: string;
      try {
        cartId = ((await step(CREATE_CART, {})).createCart as { id: string }).id;
        await step(ADD_LINE, { c: cartId, v: pick(variants) });
        const addressed = (await step(SET_ADDRESS, { c: cartId, a: ADDRESS }))
          .setCartShippingAddress as { shippingMethods?: Array<{ code: string }> };
        const method = addressed.shippingMethods?.[0]?.code;
        if (!method) throw new Error('no shipping method');
        await step(SET_METHOD, { c: cartId, m: method });
      } catch (error) {
        note(error);
        continue;
      }
      // The same key on every try: a retry must come back with the same order, never a second.
      const key = `drill-${cartId}`;
      record.sentAt.set(cartId, timeline.now());
      record.told.set(cartId, undefined);
      for (let attempt = 0; attempt < PLACE_ORDER_TRIES; attempt++) {
        try {
          const result = (
            await step(PLACE_APPROVED_ORDER, {
              cartId,
              idempotencyKey: key,
              email: `drill${n}@example.com`,
            })
          ).placeOrder as { __typename: string; order?: { id: string } };
          if (result.__typename === 'OrderPlaced' && result.order) {
            record.told.set(cartId, result.order.id);
            timeline.placed();
          }
          break; // any typed answer (OutOfStock...) is final
        } catch (error) {
          note(error);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    }
  };

  const loops = [
    ...Array.from({ length: options.browsers }, (_, i) => browse(i)),
    ...Array.from({ length: options.shoppers }, () => order()),
  ];
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export interface Audit {
  /** Carts told OrderPlaced whose order is missing or not paid after settling. */
  lost: string[];
  /** Carts with an effect applied twice: two orders, payments or authorisations, stock sold twice. */
  doubled: string[];
  /** Orders still waiting for their payment when the settling time ran out. */
  unsettled: number;
}

/** Waits until no order waits for its payment (up to `settleMs`), then checks every cart. */
export async function auditOrders(
  databaseUrl: string,
  told: Map<string, string | undefined>,
  settleMs = 60_000,
): Promise<Audit> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const until = performance.now() + settleMs;
    let unsettled = 0;
    for (;;) {
      const [row] = await sql<Array<{ n: number }>>`
        select count(*)::int as n from checkout.orders o
        left join inventory.order_reservations r on r.order_id = o.id
        where o.status = 'PENDING_PAYMENT'
           or (o.status = 'PAID' and r.status is distinct from 'SOLD')`;
      unsettled = row?.n ?? 0;
      if (unsettled === 0 || performance.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const orders = await sql<Array<{ id: string; cartId: string; status: string }>>`
      select id, cart_id as "cartId", status from checkout.orders`;
    const byId = new Map(orders.map((o) => [o.id, o]));
    const lost = [...told]
      .filter(([, orderId]) => orderId !== undefined)
      .filter(([, orderId]) => {
        const status = byId.get(orderId!)?.status;
        return status !== 'PAID' && status !== 'FULFILLED';
      })
      .map(([cartId]) => cartId);
    const doubled = await sql<Array<{ cartId: string }>>`
      with per_order as (
        select o.id, o.cart_id,
          (select coalesce(sum(quantity), 0) from checkout.order_lines l where l.order_id = o.id) as qty,
          (select count(*) from checkout.payments p where p.order_id = o.id) as payments,
          (select count(*) from checkout.payment_ledger g
             where g.order_id = o.id and g.kind = 'AUTHORISED') as authorisations,
          (select coalesce(bool_or(p.authorised_amount > p.amount), false)
             from checkout.payments p where p.order_id = o.id) as over_authorised,
          (select coalesce(-sum(on_hand_delta), 0) from inventory.stock_movements m
             where m.order_id = o.id and m.kind = 'SALE') as sold,
          (select coalesce(sum(reserved_delta) filter (where kind = 'RESERVATION'), 0)
                - coalesce(-sum(reserved_delta) filter (where kind = 'RELEASE'), 0)
             from inventory.stock_movements m where m.order_id = o.id) as held
        from checkout.orders o
      )
      select cart_id as "cartId" from per_order
      where payments > 1 or authorisations > 1 or over_authorised or sold > qty or held > qty
      union
      select cart_id from checkout.orders group by cart_id having count(*) > 1`;
    return { lost, doubled: doubled.map((d) => d.cartId), unsettled };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Seconds from `at` to the first of 3 seconds in a row at >= 90% of `before` (window end: never). */
export function recoverySeconds(timeline: Timeline, at: number, before: number, end: number) {
  const threshold = 0.9 * before;
  for (let s = Math.floor(at); s + 2 < end; s++) {
    if ([0, 1, 2].every((k) => timeline.rate(s + k) >= threshold)) return Math.max(0, s - at);
  }
  return Math.max(0, end - at);
}

interface Fault {
  name: string;
  inject(cluster: RunningCluster): Promise<void>;
  heal(cluster: RunningCluster): Promise<void>;
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

function killAndRestart(name: string, member: string): Fault {
  return {
    name,
    inject: (cluster) => cluster.kill(member),
    heal: (cluster) => cluster.restart(member),
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isMain) {
  const env = parseConfig(
    z.object({
      DATABASE_URL: envVar.postgresUrl(),
      REDIS_URL: envVar.redisUrl().optional(),
      DRILL_SECONDS: z.coerce.number().int().min(5).default(15),
      DRILL_SCALE_SECONDS: z.coerce.number().int().min(3).default(10),
      DRILL_RESTART_AFTER: z.coerce.number().min(0).default(2),
      DRILL_BROWSERS: z.coerce.number().int().min(1).default(6),
      DRILL_SHOPPERS: z.coerce.number().int().min(1).default(4),
      /** Connections per pool per process: 12 HTTP processes and the workers share max_connections. */
      DRILL_POOL_MAX: z.coerce.number().int().min(1).default(3),
      DRILL_FULL_CLUSTER: envVar.boolean(false),
      DRILL_REDIS_RESTART: envVar.boolean(false),
      DRILL_PG_RESTART: envVar.boolean(false),
      /** `<version> <cluster>` for pg_ctlcluster (default: the first of pg_lsclusters). */
      DRILL_PG_CLUSTER: z.string().optional(),
    }),
    process.env,
  );

  await runBench(async (defer) => {
    const database = await createScratchDatabase(env.DATABASE_URL, 'cg_drill');
    defer(() => database.drop());
    const catalog = buildDemoCatalog(200);
    const full = Boolean(env.REDIS_URL) || env.DRILL_FULL_CLUSTER;
    const twoOf: ClusterOptions['replicas'] = full
      ? 2
      : {
          gateway: 2,
          checkout: 2,
          products: 1,
          inventory: 1,
          cart: 1,
          identity: 1,
          'checkout-notifications': 1,
          // The killed worker; the other subgraphs consume in their replicas (about 6 fewer
          // connections: with all four, the drill peaked at 96 to 98 of 100).
          'inventory-events': 1,
          'products-events': 0,
          'cart-events': 0,
          'identity-events': 0,
        };
    const layout = full
      ? '2 of everything'
      : '2 gateways, 2 checkouts, 1 of the others, workers for notifications and inventory';
    const clusterOptions = (replicas: ClusterOptions['replicas']): ClusterOptions => ({
      databaseUrl: database.url,
      redisUrl: env.REDIS_URL,
      replicas,
      catalog,
      graceMs: 5_000,
      poolMax: env.DRILL_POOL_MAX,
      // One load generator stands for many shoppers; every product page reaches the subgraphs.
      env: { ANONYMOUS_COST_BUDGET: '1000000000', GATEWAY_RESPONSE_CACHE: 'false' },
    });

    let cluster = await startCluster(clusterOptions(twoOf));
    let closed = false;
    defer(() => (closed ? undefined : cluster.close()));
    console.log(
      `cluster up: ${layout} (${cluster.members.length} processes) behind nginx, queues on ` +
        `${env.REDIS_URL ? 'Redis' : 'PostgreSQL'}, database ${database.name}`,
    );

    const faults: Fault[] = [
      killAndRestart('SIGKILL gateway replica', 'gateway-1'),
      killAndRestart('SIGKILL checkout replica', 'checkout-1'),
      // Inventory's events sell a paid order's stock: none may be lost or sold twice. Not last: a
      // job the killed worker held comes back only after its lock and a stalled-job check (about
      // a minute), so it gets the next fault's window on top of the 60 s of settling.
      killAndRestart('SIGKILL inventory event worker', 'inventory-events-1'),
      killAndRestart('SIGKILL notification worker', 'checkout-notifications-1'),
    ];
    const skipped: string[] = [];
    const redisHost = env.REDIS_URL ? new URL(env.REDIS_URL).hostname : undefined;
    if (!env.REDIS_URL) skipped.push('Redis restart (no REDIS_URL: queues on PostgreSQL)');
    else if (!env.DRILL_REDIS_RESTART)
      skipped.push('Redis restart (set DRILL_REDIS_RESTART=1: it drops Redis for every user)');
    else if (redisHost !== '127.0.0.1' && redisHost !== 'localhost')
      skipped.push(`Redis restart (REDIS_URL is not local: ${redisHost})`);
    else {
      faults.push({
        name: 'restart Redis',
        inject: async () => {
          execFileSync('redis-cli', ['-u', env.REDIS_URL!, 'shutdown', 'nosave']);
        },
        // Started again as .ci/run starts this machine's Redis: no persistence.
        heal: async () => {
          const url = new URL(env.REDIS_URL!);
          execFileSync('redis-server', [
            '--daemonize',
            'yes',
            '--bind',
            url.hostname,
            '--port',
            url.port || '6379',
            '--save',
            '',
            '--appendonly',
            'no',
          ]);
        },
      });
    }
    if (!env.DRILL_PG_RESTART)
      skipped.push('PostgreSQL restart (set DRILL_PG_RESTART=1: it drops every session)');
    else {
      const [version, name] = (
        env.DRILL_PG_CLUSTER ??
        execFileSync('pg_lsclusters', ['-h']).toString().trim().split('\n')[0]!
      ).split(/\s+/);
      faults.push({
        name: 'restart PostgreSQL',
        inject: async () => {
          execFileSync('pg_ctlcluster', [
            '--skip-systemctl-redirect',
            '--mode',
            'fast',
            version!,
            name!,
            'restart',
          ]);
        },
        heal: async () => undefined,
      });
    }

    // Phase 1: the faults, one at a time, under a steady load.
    const timeline = new Timeline();
    const record: ShopperRecord = { told: new Map(), sentAt: new Map(), firstErrors: [] };
    const load = startLoad({
      gatewayUrl: cluster.gatewayUrl,
      catalog,
      browsers: env.DRILL_BROWSERS,
      shoppers: env.DRILL_SHOPPERS,
      timeline,
      record,
    });
    const PRE = 5;
    await sleep(PRE + 10); // warm-up (the JIT), then the first baseline
    const windows: Array<{ name: string; at: number; end: number; before: number }> = [];
    for (const fault of faults) {
      const now = timeline.now();
      const before =
        timeline.sum(timeline.ok.browse, now - PRE, now) / PRE +
        timeline.sum(timeline.ok.order, now - PRE, now) / PRE;
      const at = timeline.now();
      console.log(`${fault.name} at ${at.toFixed(1)} s (before: ${before.toFixed(0)} req/s)`);
      await fault.inject(cluster);
      await sleep(env.DRILL_RESTART_AFTER);
      await fault.heal(cluster);
      const left = at + env.DRILL_SECONDS - timeline.now();
      if (left > 0) await sleep(left);
      windows.push({ name: fault.name, at, end: timeline.now(), before });
    }
    await load.stop();
    const audit = await auditOrders(database.url, record.told);
    const inWindow = (cartIds: string[], w: { at: number; end: number }) =>
      cartIds.filter((c) => {
        const sent = record.sentAt.get(c) ?? -1;
        return sent >= w.at - REQUEST_TIMEOUT_MS / 1000 && sent < w.end;
      }).length;
    const rows = windows.map((w) => {
      const recovery = recoverySeconds(timeline, w.at, w.before, w.end);
      return {
        name: w.name,
        failed: timeline.sum(timeline.failed, w.at, w.end),
        lost: inWindow(audit.lost, w),
        doubled: inWindow(audit.doubled, w),
        recovery,
      };
    });
    const told = [...record.told.values()].filter(Boolean).length;
    console.log(
      [
        '',
        formatTable(
          ['fault', 'requests failed', 'orders lost', 'double effects', 'recovered after'],
          rows.map((r) => [
            r.name,
            String(r.failed),
            String(r.lost),
            String(r.doubled),
            `${r.recovery.toFixed(0)} s`,
          ]),
        ),
        ...skipped.map((s) => `skipped: ${s}`),
        `whole run: ${told} orders placed, ${timeline.sum(timeline.failed, 0, timeline.now())} ` +
          `requests failed, ${audit.lost.length} orders lost, ${audit.doubled.length} double ` +
          `effects, ${audit.unsettled} orders unsettled after 60 s`,
        ...(record.firstErrors.length
          ? ['first errors:', ...record.firstErrors.map((e) => `  ${e}`)]
          : []),
        '',
      ].join('\n'),
    );

    // Phase 2: throughput on the cluster above, then on 1 of each.
    const measure = async (target: RunningCluster) => {
      const result: Record<'page' | 'checkout', number> = { page: 0, checkout: 0 };
      for (const [kind, browsers, shoppers] of [
        ['page', env.DRILL_BROWSERS + env.DRILL_SHOPPERS, 0],
        ['checkout', 0, env.DRILL_SHOPPERS * 2],
      ] as const) {
        const t = new Timeline();
        const r: ShopperRecord = { told: new Map(), sentAt: new Map(), firstErrors: [] };
        const l = startLoad({
          gatewayUrl: target.gatewayUrl,
          catalog,
          browsers,
          shoppers,
          timeline: t,
          record: r,
        });
        await sleep(2 + env.DRILL_SCALE_SECONDS);
        await l.stop();
        const series = kind === 'page' ? t.ok.browse : t.orders;
        result[kind] = t.sum(series, 2, 2 + env.DRILL_SCALE_SECONDS) / env.DRILL_SCALE_SECONDS;
      }
      return result;
    };
    const two = await measure(cluster);
    await cluster.close();
    closed = true;
    cluster = await startCluster(clusterOptions(1));
    closed = false;
    const one = await measure(cluster);
    await cluster.close();
    closed = true;
    console.log(
      [
        formatTable(
          ['throughput', '1 replica each', layout, 'ratio'],
          [
            [
              'product page (pages/s)',
              one.page.toFixed(1),
              two.page.toFixed(1),
              (two.page / one.page).toFixed(2),
            ],
            [
              'checkout (orders/s)',
              one.checkout.toFixed(1),
              two.checkout.toFixed(1),
              (two.checkout / one.checkout).toFixed(2),
            ],
          ],
        ),
        `(all processes, nginx, PostgreSQL and the load generator share this machine's cores)`,
        '',
      ].join('\n'),
    );

    const lost = audit.lost.length;
    const doubled = audit.doubled.length;
    const slowest = Math.max(0, ...rows.map((r) => r.recovery));
    if (lost > 0 || doubled > 0 || audit.unsettled > 0) process.exitCode = 1;
    if (audit.unsettled > 0) {
      console.error(
        `${audit.unsettled} orders still unpaid or paid without their sale after 60 s: ` +
          'see the services above',
      );
    }
    console.log(
      `drill orders lost ${lost}, double effects ${doubled}, slowest recovery ${slowest.toFixed(0)} s`,
    );
  });
}
