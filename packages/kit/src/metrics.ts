import type http from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Job } from 'bullmq';
import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';
import { processTag, type Sql } from './db.ts';
import type { QueueFactory } from './queue.ts';

/** Seconds; from a fast cached read to the gateway's request time limit. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];
/** Seconds; queued jobs wait from milliseconds to the retries' minutes. */
export const JOB_LATENCY_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800];

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface MetricsOptions {
  /** Distinct operation names kept as labels; later ones are counted as `other` (default 200). */
  maxOperations?: number;
  /** Longest a gauge's collect callback (SQL, queue counts) may take on a scrape (default 1 s). */
  collectTimeoutMs?: number;
  /** Node's default process metrics (default true). */
  defaultMetrics?: boolean;
}

/** A gauge whose values are read on each scrape by `collect`, which sets them. */
export interface CollectedGaugeConfig<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
  /**
   * Sets the values. A collect that fails or times out leaves the gauge without series (NaN
   * when it has no labels) for that scrape, and counts in `metrics_collect_failures_total`.
   */
  collect(gauge: Gauge<L>): Promise<void>;
}

/**
 * One service's Prometheus metrics: its own registry (several services may share a process),
 * every series labelled `service`, plus the GraphQL, HTTP and queue metrics every service has.
 */
export interface ServiceMetrics {
  readonly service: string;
  readonly registry: Registry;
  counter<L extends string>(config: CounterConfiguration<L>): Counter<L>;
  histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L>;
  /** A gauge read on scrape, bounded by `collectTimeoutMs`. */
  collectedGauge<L extends string>(config: CollectedGaugeConfig<L>): Gauge<L>;
  /** Counts and times each GraphQL operation by name (`graphql_requests_total`, `..._duration_seconds`). */
  apolloPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext>;
  /** The label an operation name is counted under: itself, `anonymous` or `other`. */
  operationLabel(name: string | null | undefined): string;
  /** Counts one HTTP answer (`http_requests_total`). */
  observeHttp(route: string, status: number): void;
  /** The text exposition and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** Creates the metrics of one service; see `ServiceMetrics`. */
export function createServiceMetrics(
  service: string,
  options: MetricsOptions = {},
): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const maxOperations = options.maxOperations ?? 200;
  const collectTimeoutMs = options.collectTimeoutMs ?? 1_000;
  const operations = new Set<string>();

  const counter = <L extends string>(config: CounterConfiguration<L>) =>
    new Counter<L>({ ...config, registers: [registry] });
  const histogram = <L extends string>(config: HistogramConfiguration<L>) =>
    new Histogram<L>({ ...config, registers: [registry] });

  const collectFailures = counter({
    name: 'metrics_collect_failures_total',
    help: 'Scrapes on which a collected gauge failed or took longer than its time limit',
    labelNames: ['metric'],
  });
  const graphqlRequests = counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations answered, by operation name and outcome (ok or error)',
    labelNames: ['operation', 'outcome'],
  });
  const graphqlDuration = histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its answer',
    labelNames: ['operation'],
    buckets: LATENCY_BUCKETS,
  });
  const httpRequests = counter({
    name: 'http_requests_total',
    help: 'HTTP answers, by route and status code',
    labelNames: ['route', 'status'],
  });

  function operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (operations.has(name)) return name;
    if (!OPERATION_NAME.test(name) || operations.size >= maxOperations) return 'other';
    operations.add(name);
    return name;
  }

  return {
    service,
    registry,
    counter,
    histogram,
    operationLabel,
    collectedGauge<L extends string>(config: CollectedGaugeConfig<L>): Gauge<L> {
      const gaugeConfig: GaugeConfiguration<L> = {
        name: config.name,
        help: config.help,
        labelNames: config.labelNames ?? [],
        registers: [registry],
        async collect() {
          this.reset();
          let timer: NodeJS.Timeout | undefined;
          const expired = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('timed out')), collectTimeoutMs);
          });
          try {
            await Promise.race([config.collect(this), expired]);
          } catch {
            // A slow database must not stall the scrape: the series is missing (NaN when the
            // gauge has no labels) this time.
            this.reset();
            if (!config.labelNames?.length) (this as Gauge<string>).set(Number.NaN);
            collectFailures.inc({ metric: config.name });
          } finally {
            clearTimeout(timer);
          }
        },
      };
      return new Gauge<L>(gaugeConfig);
    },
    apolloPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
      return {
        async requestDidStart() {
          const started = process.hrtime.bigint();
          return {
            async willSendResponse({ request, operationName, errors, response }) {
              const operation = operationLabel(operationName ?? request.operationName);
              const failed =
                (errors?.length ?? 0) > 0 ||
                (response.body.kind === 'single' &&
                  (response.body.singleResult.errors?.length ?? 0) > 0);
              graphqlRequests.inc({ operation, outcome: failed ? 'error' : 'ok' });
              graphqlDuration.observe(
                { operation },
                Number(process.hrtime.bigint() - started) / 1e9,
              );
            },
          };
        },
      };
    },
    observeHttp(route, status) {
      httpRequests.inc({ route, status: String(status) });
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/**
 * Wraps a queue factory so that the workers it creates report `job_latency_seconds` (from the
 * job's creation to its end, retries and delays included) and the queues they consume report
 * `queue_jobs{queue,state}` (waiting, active, delayed, failed) on each scrape. `watched` queues
 * report their depth whether this process consumes them or not: a service's HTTP replicas keep
 * showing the backlog of the queues its worker processes (which serve no HTTP) consume.
 */
export function instrumentQueues(
  metrics: ServiceMetrics,
  queues: QueueFactory,
  watched: readonly string[] = [],
): QueueFactory {
  const reported: string[] = [...new Set(watched)];
  const counters = new Map<string, ReturnType<QueueFactory['createQueue']>>();
  const latency = metrics.histogram({
    name: 'job_latency_seconds',
    help: 'Time from a job being queued to its processing ending, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    buckets: JOB_LATENCY_BUCKETS,
  });
  const observe = (name: string, outcome: string) => (job: Job | undefined) => {
    if (!job) return;
    const ended = job.finishedOn ?? Date.now();
    latency.observe({ queue: name, outcome }, Math.max(0, ended - job.timestamp) / 1000);
  };
  metrics.collectedGauge({
    name: 'queue_jobs',
    help: 'Jobs in the queues this service consumes, by state',
    labelNames: ['queue', 'state'],
    async collect(gauge) {
      await Promise.all(
        reported.map(async (name) => {
          let queue = counters.get(name);
          if (!queue) {
            // Made on the first scrape only: a process nobody scrapes pays nothing.
            queue = queues.createQueue(name);
            counters.set(name, queue);
          }
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
          for (const [state, value] of Object.entries(counts))
            gauge.set({ queue: name, state }, value);
        }),
      );
    },
  });
  return {
    kind: queues.kind,
    createQueue: (name, defaultJobOptions) => queues.createQueue(name, defaultJobOptions),
    createWorker(name, processor, options) {
      const worker = queues.createWorker(name, processor, options);
      if (!reported.includes(name)) reported.push(name);
      worker.on('completed', observe(name, 'completed'));
      worker.on('failed', observe(name, 'failed'));
      return worker;
    },
    ping: queues.ping ? () => queues.ping!() : undefined,
    close: () => queues.close(),
  };
}

/** The session states a pool's series are shown for even at 0. */
const CONNECTION_STATES = ['active', 'idle', 'idle in transaction'] as const;

/**
 * Reports the service's database pools: `db_pool_max{pool}`, the size of `database`'s pool, and
 * `db_connections{pool,state}`, this process's open PostgreSQL sessions of every pool named
 * after the service (`checkout`, `checkout-leadership`, `checkout-notifications`, ...) by
 * pg_stat_activity state (`active`: running a statement; `idle in transaction`: holding a
 * connection inside a transaction; `idle`: free). Read on scrape with one statement on the pool
 * itself (its own session counted as idle), found by the process's `application_name` tag (see
 * `processTag`), so replicas of the service never count each other. postgres.js exposes no
 * pool counters of its own. Through a transaction-mode pooler the sessions are the pooler's:
 * read its own statistics (PgBouncer's `SHOW POOLS`) instead.
 */
export function instrumentDatabase(
  metrics: ServiceMetrics,
  database: { sql: Sql; name: string; max: number },
): void {
  const ours = (pool: string) => pool === metrics.service || pool.startsWith(`${metrics.service}-`);
  const max = new Gauge({
    name: 'db_pool_max',
    help: "Connections the service's database pool may open",
    labelNames: ['pool'],
    registers: [metrics.registry],
  });
  max.set({ pool: database.name }, database.max);
  metrics.collectedGauge({
    name: 'db_connections',
    help: "This process's PostgreSQL sessions per pool, by pg_stat_activity state",
    labelNames: ['pool', 'state'],
    async collect(gauge) {
      const rows = await database.sql<{ pool: string; state: string; sessions: number }[]>`
        select split_part(application_name, '#', 1) as pool,
               coalesce(state, 'unknown') as state,
               count(*)::int as sessions
        from pg_stat_activity
        where application_name like ${`%#${processTag}`} and pid <> pg_backend_pid()
        group by 1, 2`;
      for (const state of CONNECTION_STATES) gauge.set({ pool: database.name, state }, 0);
      // The scrape's own session is busy only with this statement: a free connection of the pool.
      gauge.inc({ pool: database.name, state: 'idle' });
      for (const row of rows) {
        if (ours(row.pool)) gauge.inc({ pool: row.pool, state: row.state }, row.sessions);
      }
    },
  });
}

const PRIVATE_ADDRESS =
  /^(?:::ffff:)?(?:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)|^::1$|^f[cd][0-9a-f]{2}:/i;

/**
 * Whether a request came straight from the private network (loopback, RFC 1918, IPv6 ULA) and
 * not through a proxy (no `X-Forwarded-For` / `Forwarded`): the gateway answers `/metrics` only
 * to such requests, so its public edge never shows them.
 */
export function fromPrivateNetwork(req: http.IncomingMessage): boolean {
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) {
    return false;
  }
  const peer = req.socket.remoteAddress;
  return peer !== undefined && PRIVATE_ADDRESS.test(peer);
}

/**
 * Answers whether every check settles within `timeoutMs` without throwing or answering false:
 * `/ready` of a service is its database, its queue and its upstreams.
 */
export async function allReady(
  checks: Array<() => Promise<unknown> | unknown>,
  timeoutMs = 2_000,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const results = await Promise.race([
      Promise.all(checks.map(async (check) => (await check()) !== false)),
      expired,
    ]);
    return Array.isArray(results) && results.every(Boolean);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether another service of the graph is alive: its `/health` (not `/ready`, so that services
 * calling each other do not fail readiness in a loop) answers 200 within `timeoutMs`.
 */
export async function upstreamAlive(graphqlUrl: string, timeoutMs = 1_000): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', graphqlUrl), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
