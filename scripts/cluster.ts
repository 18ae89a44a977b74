/**
 * `pnpm start:cluster`: the graph as a deployment runs it, on this machine. Every subgraph and
 * the gateway run as CLUSTER_REPLICAS (default 2) processes each, behind one nginx whose
 * configuration is written into a temporary prefix directory. The workers run as processes of
 * their own, CLUSTER_WORKERS (default: CLUSTER_REPLICAS) of each role: checkout's notification
 * workers and the event workers of products, inventory, cart and identity (`pnpm events`); the
 * HTTP replicas of a subgraph with workers start with its `*_WORKER=false` switch and leave that
 * work to them. Services reach each other only through nginx, so a replica that dies is absorbed
 * by its siblings. A worker has no port: it counts as up once its process runs.
 *
 * DATABASE_URL is required: with `--scratch` a fresh `cg_cluster_<random>` database is made on
 * that server (and dropped on exit), else the given database is used. Migrations run once, here
 * (as `pnpm migrate`), and every process starts with MIGRATE_ON_START=false; the demo catalog is
 * loaded once when the database has none. REDIS_URL set: BullMQ and the caches on Redis; unset:
 * on PostgreSQL. CLUSTER_PORT (default 4000) is the gateway's public port. Ctrl-C stops
 * everything: SIGTERM, then SIGKILL after a grace.
 *
 * `startCluster(options)` is the same for scripts (`pnpm drill`) and tests; a worker role given
 * 0 processes there leaves its subgraph's replicas consuming, as one process does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, envVar, parseConfig } from '@commerce-graph/kit';
import { freePort, freePorts } from './bench/ports.ts';
import { spawnService, stopServices, type ServiceProcess } from './bench/processes.ts';
import { simulatorCredentials, waitUntilServing } from './bench/services.ts';
import { buildDemoCatalog, type DemoCatalog } from './demo-catalog.ts';
import { migrateAll, seedDemoData } from './graph.ts';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database.ts';

/** The HTTP services that run as replicas behind nginx. */
export const CLUSTER_SERVICES = [
  'gateway',
  'products',
  'inventory',
  'cart',
  'checkout',
  'identity',
] as const;
export type ClusterService = (typeof CLUSTER_SERVICES)[number];
/**
 * Processes without HTTP, scaled apart from the servers: checkout's notification workers and
 * the subgraphs' event workers.
 */
export const CLUSTER_WORKERS = [
  'checkout-notifications',
  'products-events',
  'inventory-events',
  'cart-events',
  'identity-events',
] as const;
export type ClusterWorker = (typeof CLUSTER_WORKERS)[number];
export type ClusterRole = ClusterService | ClusterWorker;

/**
 * Each worker role's subgraph (whose environment it runs with) and the switch that, set to
 * `false`, leaves that work to the workers on the subgraph's HTTP replicas.
 */
const WORKER_OF: Record<ClusterWorker, { service: ClusterService; switchVariable: string }> = {
  'checkout-notifications': { service: 'checkout', switchVariable: 'CHECKOUT_NOTIFICATION_WORKER' },
  'products-events': { service: 'products', switchVariable: 'PRODUCTS_EVENT_WORKER' },
  'inventory-events': { service: 'inventory', switchVariable: 'INVENTORY_EVENT_WORKER' },
  'cart-events': { service: 'cart', switchVariable: 'CART_EVENT_WORKER' },
  'identity-events': { service: 'identity', switchVariable: 'IDENTITY_EVENT_WORKER' },
};

const ENTRYPOINTS: Record<ClusterRole, string> = {
  gateway: 'gateway/src/index.ts',
  products: 'subgraphs/products/src/index.ts',
  inventory: 'subgraphs/inventory/src/index.ts',
  cart: 'subgraphs/cart/src/index.ts',
  checkout: 'subgraphs/checkout/src/index.ts',
  identity: 'subgraphs/identity/src/index.ts',
  'checkout-notifications': 'subgraphs/checkout/src/notifications.ts',
  'products-events': 'subgraphs/products/src/events.ts',
  'inventory-events': 'subgraphs/inventory/src/events.ts',
  'cart-events': 'subgraphs/cart/src/events.ts',
  'identity-events': 'subgraphs/identity/src/events.ts',
};
const PORT_VARIABLE: Record<ClusterService, string> = {
  gateway: 'GATEWAY_PORT',
  products: 'PRODUCTS_PORT',
  inventory: 'INVENTORY_PORT',
  cart: 'CART_PORT',
  checkout: 'CHECKOUT_PORT',
  identity: 'IDENTITY_PORT',
};

export interface ClusterOptions {
  /** The database every process shares; already migrated or empty. */
  databaseUrl: string;
  /** Set: BullMQ and the caches on Redis; unset: on PostgreSQL. */
  redisUrl?: string;
  /**
   * Processes per role (default 2 each); a number sets every role. A worker role at 0 runs no
   * processes: its subgraph's replicas consume (the layout before workers were split out).
   */
  replicas?: number | Partial<Record<ClusterRole, number>>;
  /** The gateway's public port on 127.0.0.1 (0: a free one). Default 0. */
  port?: number;
  /** Loaded once when the database has no catalog yet (default: the demo catalog). */
  catalog?: DemoCatalog;
  /** Default `warn`. */
  logLevel?: string;
  /** Environment added to every service process (e.g. ANONYMOUS_COST_BUDGET). */
  env?: Record<string, string>;
  /**
   * Connections per database pool of each process (`?max=` on the services' DATABASE_URL, see
   * kit's `connectDatabase`); unset: each pool's own default (10).
   */
  poolMax?: number;
  /** How long a stop waits after SIGTERM before SIGKILL (default 10 s). */
  graceMs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** One process of the cluster, as it runs now (a restart replaces `process`). */
export interface ClusterMember {
  /** `checkout-2`, `gateway-1`, `checkout-notifications-1`, `inventory-events-1`. */
  name: string;
  role: ClusterRole;
  /** The port it listens on (HTTP services only). */
  port?: number;
  process: ServiceProcess;
}

export interface RunningCluster {
  /** The public gateway, through nginx: `http://127.0.0.1:<port>/graphql`. */
  gatewayUrl: string;
  /** nginx's port per service (subgraphs are internal, the gateway's is public). */
  ports: Record<ClusterService, number>;
  simulatorUrl: string;
  nginxDir: string;
  members: ClusterMember[];
  /** The members of one role. */
  of(role: ClusterRole): ClusterMember[];
  /** SIGKILLs a member and resolves once it has exited. */
  kill(name: string): Promise<void>;
  /**
   * Starts a member again (same port) and resolves once it answers /ready; a worker, which has
   * no port, once it is spawned.
   */
  restart(name: string): Promise<void>;
  /** Stops every process and nginx (SIGTERM, then SIGKILL after the grace). */
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;

const isService = (role: ClusterRole): role is ClusterService =>
  (CLUSTER_SERVICES as readonly string[]).includes(role);

function withPoolMax(databaseUrl: string, max: number | undefined): string {
  if (max === undefined) return databaseUrl;
  const url = new URL(databaseUrl);
  url.searchParams.set('max', String(max));
  return url.toString();
}

/** Resolves when `url` answers 200; throws if `member` exits first or the time is up. */
async function waitReady(url: string, member: ServiceProcess): Promise<void> {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  let exited: string | undefined;
  void member.exited.then((how) => (exited = how));
  for (;;) {
    if (exited) throw new Error(`${member.name} exited (${exited}):\n${member.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${member.name}: ${url} not ready in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * nginx in front of every service. POSTs are never sent twice: nginx passes a request to the
 * next upstream on `error timeout` only while nothing of it was sent, unless `non_idempotent` is
 * listed (it is not), so a POST whose upstream died mid-request is answered 502 and the client
 * decides (with its idempotency key); a GET is retried on another replica. A replica that fails
 * is left alone for `fail_timeout`.
 */
export function nginxConfig(
  publicPorts: Record<ClusterService, number>,
  upstreams: Record<ClusterService, number[]>,
  simulator: { port: number; upstream: number },
): string {
  const upstream = (name: string, ports: number[]) =>
    [
      `  upstream ${name} {`,
      ...ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`),
      '    keepalive 32;',
      '  }',
    ].join('\n');
  const server = (name: string, port: number) =>
    [
      '  server {',
      `    listen 127.0.0.1:${port} reuseport;`,
      `    location / { proxy_pass http://${name}; }`,
      '  }',
    ].join('\n');
  return [
    'worker_processes 1;',
    'error_log logs/error.log warn;',
    'pid logs/nginx.pid;',
    'events { worker_connections 8192; }',
    'http {',
    '  access_log off;',
    '  client_body_temp_path tmp/body;',
    '  proxy_temp_path tmp/proxy;',
    '  fastcgi_temp_path tmp/fastcgi;',
    '  uwsgi_temp_path tmp/uwsgi;',
    '  scgi_temp_path tmp/scgi;',
    '  client_max_body_size 10m;',
    '  proxy_http_version 1.1;',
    '  proxy_set_header Connection "";',
    '  proxy_set_header Host $http_host;',
    '  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '  proxy_connect_timeout 1s;',
    '  proxy_read_timeout 60s;',
    '  proxy_buffering off;',
    '  # No non_idempotent: a POST is passed on only if nothing of it reached the dead upstream.',
    '  proxy_next_upstream error timeout;',
    '  proxy_next_upstream_tries 3;',
    ...CLUSTER_SERVICES.map((s) => upstream(s, upstreams[s])),
    upstream('adyen_simulator', [simulator.upstream]),
    ...CLUSTER_SERVICES.map((s) => server(s, publicPorts[s])),
    server('adyen_simulator', simulator.port),
    '}',
    '',
  ].join('\n');
}

/** nginx as a child process with its own prefix directory; resolves once it listens. */
async function startNginx(dir: string, gatewayPort: number) {
  const child: ChildProcess = spawn('nginx', ['-p', dir, '-c', 'nginx.conf', '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`));
    child.once('error', (error) => resolve(`spawn failed: ${error.message}`));
  });
  let gone: string | undefined;
  void exited.then((how) => (gone = how));
  const deadline = performance.now() + 10_000;
  for (;;) {
    if (gone) throw new Error(`nginx exited (${gone}): ${output}`);
    try {
      await fetch(`http://127.0.0.1:${gatewayPort}/health`, { signal: AbortSignal.timeout(500) });
      break;
    } catch {
      if (performance.now() > deadline) throw new Error(`nginx did not listen: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Migrates (once), seeds (once), then starts every replica, the workers and nginx. */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const log = options.log ?? (() => undefined);
  const count = (role: ClusterRole) =>
    typeof options.replicas === 'number' ? options.replicas : (options.replicas?.[role] ?? 2);

  log('migrating (once, before any replica starts)...');
  await migrateAll(options.databaseUrl);
  const seeded = await seedDemoData(options.databaseUrl, options.catalog ?? buildDemoCatalog());
  log(seeded ? 'demo catalog loaded' : 'catalog already present: not seeded');

  // nginx's ports: one per service (the gateway's public), one for the simulator.
  const publicGateway = options.port || (await freePort());
  const nginxPorts = await freePorts(CLUSTER_SERVICES.length);
  const ports = Object.fromEntries(
    CLUSTER_SERVICES.map((s, i) => [s, s === 'gateway' ? publicGateway : nginxPorts[i]!]),
  ) as Record<ClusterService, number>;
  const [simulatorPort = 0, simulatorUpstream = 0] = await freePorts(2);
  const replicaPorts = Object.fromEntries(
    await Promise.all(CLUSTER_SERVICES.map(async (s) => [s, await freePorts(count(s))])),
  ) as Record<ClusterService, number[]>;
  const url = (service: ClusterService) => `http://127.0.0.1:${ports[service]}/graphql`;

  const adyen = simulatorCredentials();
  const base = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: options.logLevel ?? 'warn',
    HOST: '127.0.0.1',
    INTERNAL_TOKEN: randomBytes(24).toString('base64url'),
    ACCESS_TOKEN_SECRET: randomBytes(32).toString('base64url'),
    DATABASE_URL: withPoolMax(options.databaseUrl, options.poolMax),
    REDIS_URL: options.redisUrl,
    MIGRATE_ON_START: 'false',
    ...options.env,
  };
  const subgraphEnv: Record<ClusterService, Record<string, string | undefined>> = {
    gateway: {
      ...base,
      PRODUCTS_URL: url('products'),
      INVENTORY_URL: url('inventory'),
      CART_URL: url('cart'),
      CHECKOUT_URL: url('checkout'),
      IDENTITY_URL: url('identity'),
      // nginx is the client the gateway sees: it trusts nginx's X-Forwarded-For.
      TRUST_PROXY: '127.0.0.1',
    },
    products: base,
    inventory: { ...base, CHECKOUT_URL: url('checkout') },
    cart: { ...base, PRODUCTS_URL: url('products'), INVENTORY_URL: url('inventory') },
    checkout: {
      ...base,
      ...adyen,
      CART_URL: url('cart'),
      INVENTORY_URL: url('inventory'),
      ADYEN_SIMULATOR_URL: `http://127.0.0.1:${simulatorPort}`,
    },
    identity: { ...base, CART_URL: url('cart'), CHECKOUT_URL: url('checkout') },
  };
  // A worker runs with its subgraph's environment; the replicas leave the work to the workers.
  const serviceEnv = Object.fromEntries([
    ...CLUSTER_SERVICES.map((s) => [s, { ...subgraphEnv[s] }]),
    ...CLUSTER_WORKERS.map((w) => [w, subgraphEnv[WORKER_OF[w].service]]),
  ]) as Record<ClusterRole, Record<string, string | undefined>>;
  for (const worker of CLUSTER_WORKERS) {
    const { service, switchVariable } = WORKER_OF[worker];
    serviceEnv[service][switchVariable] = count(worker) > 0 ? 'false' : 'true';
  }

  const members: ClusterMember[] = [];
  const spawnMember = (role: ClusterRole, name: string, port?: number): ServiceProcess => {
    const env = { ...serviceEnv[role] };
    if (port !== undefined && isService(role)) env[PORT_VARIABLE[role]] = String(port);
    return spawnService(name, ENTRYPOINTS[role], env);
  };
  const readyUrl = (member: ClusterMember) => `http://127.0.0.1:${member.port}/ready`;
  const stopMembers = () =>
    stopServices(
      members.map((m) => m.process),
      options.graceMs,
    );

  const simulator = spawnService('adyen-simulator', 'packages/adyen-simulator/src/main.ts', {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    ...adyen,
    ADYEN_SIMULATOR_PORT: String(simulatorUpstream),
    ADYEN_SIMULATOR_HOST: '127.0.0.1',
    ADYEN_WEBHOOK_URL: `http://127.0.0.1:${ports.checkout}/webhooks/adyen`,
  });
  const nginxDir = mkdtempSync(path.join(os.tmpdir(), 'cg-cluster-nginx-'));
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  const close = async () => {
    await nginx?.stop();
    await stopMembers();
    await stopServices([simulator], options.graceMs);
    rmSync(nginxDir, { recursive: true, force: true });
  };

  try {
    // nginx first: a replica's /ready asks its upstreams, which it reaches through nginx.
    mkdirSync(path.join(nginxDir, 'logs'));
    // Started as root, nginx's workers run as nobody: they buffer large bodies in tmp/.
    mkdirSync(path.join(nginxDir, 'tmp'));
    chmodSync(path.join(nginxDir, 'tmp'), 0o777);
    chmodSync(nginxDir, 0o755);
    writeFileSync(
      path.join(nginxDir, 'nginx.conf'),
      nginxConfig(ports, replicaPorts, { port: simulatorPort, upstream: simulatorUpstream }),
    );
    nginx = await startNginx(nginxDir, ports.gateway);
    for (const role of [...CLUSTER_SERVICES, ...CLUSTER_WORKERS]) {
      for (let i = 0; i < count(role); i++) {
        const name = `${role}-${i + 1}`;
        const port = isService(role) ? replicaPorts[role][i] : undefined;
        members.push({ name, role, port, process: spawnMember(role, name, port) });
      }
    }
    await Promise.all(
      members.filter((m) => m.port !== undefined).map((m) => waitReady(readyUrl(m), m.process)),
    );

    const gatewayUrl = url('gateway');
    await waitUntilServing(gatewayUrl, [simulator, ...members.map((m) => m.process)]);

    const find = (name: string) => {
      const member = members.find((m) => m.name === name);
      if (!member) throw new Error(`no cluster member ${name}`);
      return member;
    };
    return {
      gatewayUrl,
      ports,
      simulatorUrl: `http://127.0.0.1:${simulatorPort}`,
      nginxDir,
      members,
      of: (role) => members.filter((m) => m.role === role),
      async kill(name) {
        const member = find(name);
        member.process.child.kill('SIGKILL');
        await member.process.exited;
      },
      async restart(name) {
        const member = find(name);
        if (member.process.child.exitCode === null && member.process.child.signalCode === null) {
          throw new Error(`${name} is still running`);
        }
        member.process = spawnMember(member.role, name, member.port);
        if (member.port !== undefined) await waitReady(readyUrl(member), member.process);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isMain) {
  const USAGE =
    'usage: pnpm start:cluster [--scratch]   (DATABASE_URL required; REDIS_URL, ' +
    'CLUSTER_REPLICAS, CLUSTER_WORKERS, CLUSTER_PORT, CLUSTER_POOL_MAX, LOG_LEVEL optional)';
  let scratch = false;
  let env;
  try {
    scratch = Boolean(
      parseArgs({ options: { scratch: { type: 'boolean' } }, strict: true }).values.scratch,
    );
    env = parseConfig(
      z.object({
        DATABASE_URL: envVar.postgresUrl(),
        REDIS_URL: envVar.redisUrl().optional(),
        CLUSTER_REPLICAS: z.coerce.number().int().min(1).max(16).default(2),
        CLUSTER_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
        CLUSTER_PORT: envVar.port(4000),
        CLUSTER_POOL_MAX: z.coerce.number().int().min(1).max(100).default(4),
        LOG_LEVEL: envVar.logLevel(),
      }),
      process.env,
    );
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    console.error(USAGE);
    process.exit(2);
  }

  let database: ScratchDatabase | undefined;
  let cluster: RunningCluster | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the cluster...`);
    await cluster?.close();
    await database?.drop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const startedAt = performance.now();
  try {
    let databaseUrl = env.DATABASE_URL;
    if (scratch) {
      database = await createScratchDatabase(databaseUrl, 'cg_cluster');
      databaseUrl = database.url;
    }
    const replicas = env.CLUSTER_REPLICAS;
    const workers = env.CLUSTER_WORKERS ?? replicas;
    cluster = await startCluster({
      databaseUrl,
      redisUrl: env.REDIS_URL,
      replicas: {
        ...Object.fromEntries(CLUSTER_SERVICES.map((s) => [s, replicas])),
        ...Object.fromEntries(CLUSTER_WORKERS.map((w) => [w, workers])),
      },
      port: env.CLUSTER_PORT,
      poolMax: env.CLUSTER_POOL_MAX,
      logLevel: env.LOG_LEVEL,
      log: (line) => console.log(line),
    });
    const running = cluster;
    const shown = (port: number) => `http://localhost:${port}`;
    console.log(
      [
        '',
        `commerce graph cluster is up (${((performance.now() - startedAt) / 1000).toFixed(1)} s)`,
        `  gateway        ${shown(running.ports.gateway)}/graphql   <- public, through nginx`,
        ...CLUSTER_SERVICES.filter((s) => s !== 'gateway').map(
          (s) => `  ${s.padEnd(14)} ${shown(running.ports[s])}/graphql   (internal, through nginx)`,
        ),
        ...CLUSTER_SERVICES.map(
          (s) =>
            `  ${`${s} x${running.of(s).length}`.padEnd(14)} ` +
            running
              .of(s)
              .map((m) => `:${m.port} (pid ${m.process.pid})`)
              .join(', '),
        ),
        ...CLUSTER_WORKERS.map((w, i) => {
          const of = running.of(w);
          const pids = of.map((m) => `pid ${m.process.pid}`).join(', ');
          const none = `(none: the ${WORKER_OF[w].service} replicas do it)`;
          const label = i === 0 ? 'workers' : '';
          return `  ${label.padEnd(14)} ${`${w} x${of.length}`.padEnd(25)} ${of.length ? pids : none}`;
        }),
        `  adyen          simulator at ${running.simulatorUrl}`,
        `  nginx          ${path.join(running.nginxDir, 'nginx.conf')}`,
        `  database       ${database ? `${database.name} (scratch, dropped on exit)` : 'DATABASE_URL'}`,
        `  queues         BullMQ on ${env.REDIS_URL ? 'Redis' : 'PostgreSQL'}`,
        '',
        'Ctrl-C stops everything.',
      ].join('\n'),
    );
  } catch (error) {
    console.error('start:cluster failed:', error instanceof Error ? error.message : error);
    await cluster?.close();
    await database?.drop();
    process.exit(1);
  }
}
