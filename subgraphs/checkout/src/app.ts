import {
  createEventPublisher,
  createOutboxRelay,
  eventQueueName,
  observeOutbox,
} from '@commerce-graph/events';
import {
  allReady,
  connectDatabase,
  createLeadership,
  createLogger,
  createQueueFactory,
  createServiceMetrics,
  instrumentDatabase,
  instrumentQueues,
  upstreamAlive,
  createRateLimitStore,
  runMigrations,
  runPeriodically,
  serveApollo,
  type Budget,
  type Logger,
  type QueueConnectionConfig,
  type QueueFactory,
  type RateLimitStoreConfig,
  type RunningService,
  type SubgraphConfig,
} from '@commerce-graph/kit';
import { createAdyenProvider, type AdyenConfig } from './adyen.ts';
import { migrationsFolder, schema } from './db/client.ts';
import { DEFAULT_RETURN_URL_ORIGINS } from './env.ts';
import { outboxEvents } from './db/schema.ts';
import { createServer } from './server.ts';
import { OrderAdminService } from './service/order-admin.service.ts';
import { CartPricingService } from './service/cart-pricing.service.ts';
import { OrderHistoryService } from './service/order-history.service.ts';
import { OrderLookupService } from './service/order-lookup.service.ts';
import { OrderService } from './service/order.service.ts';
import { PaymentMethodsService } from './service/payment-methods.service.ts';
import { PaymentSessionService } from './service/payment-session.service.ts';
import { PaymentService } from './service/payment.service.ts';
import {
  CheckoutPrivacyService,
  DEFAULT_NOTIFICATION_RETENTION_DAYS,
} from './service/privacy.service.ts';
import { createUpstream } from './upstream.ts';
import { createAdyenWebhookRoute, NOTIFICATION_QUEUE, type NotificationJob } from './webhook.ts';
import { createEventWorker, createWorker } from './worker.ts';

export { migrationsFolder };
export type { AdyenConfig };
export { DEFAULT_ORDER_LOOKUP_BUDGET } from './service/order-lookup.service.ts';

export interface CheckoutConfig extends SubgraphConfig {
  queue: QueueConnectionConfig;
  cartUrl: string;
  inventoryUrl: string;
  /** Where shoppers return after a redirect when the client names no returnUrl. */
  returnUrl: string;
  /**
   * The origins a client's `returnUrl` may be on (`https://shop.example`); unset: the
   * development ones (DEFAULT_RETURN_URL_ORIGINS) and `returnUrl`'s own.
   */
  returnUrlOrigins?: readonly string[];
  adyen: AdyenConfig;
  webhookBasicAuth?: { username: string; password: string };
  /** How long a payment may stay PENDING before its order fails and its stock is released. */
  paymentTimeoutMs?: number;
  /** How long stored Adyen notification bodies are kept (default 90 days). */
  notificationRetentionMs?: number;
  /**
   * Where the `orderByNumber` budgets live, shared by every checkout process. Unset: where the
   * queues live (Redis, else PostgreSQL), namespaced after the queues' namespace.
   */
  rateLimitStore?: RateLimitStoreConfig;
  /** `orderByNumber` lookups per client network (default 10 per 15 minutes). */
  orderLookupBudget?: Budget;
  /**
   * Whether this process also applies the stored Adyen notifications (default true). False for
   * a subgraph replica beside processes of `startNotificationWorker` (`pnpm notifications`):
   * the webhook then only stores and queues, so its answers never wait behind the processing.
   */
  notificationWorker?: boolean;
}

/** Checkout's payment side, wired the same in the subgraph and in a notification worker. */
function createPayments(
  config: CheckoutConfig,
  database: ReturnType<typeof connectDatabase<typeof schema>>,
  queues: QueueFactory,
  logger: Logger,
) {
  const relay = createOutboxRelay({
    db: database.db,
    table: outboxEvents,
    publish: createEventPublisher(queues).publish,
    logger,
  });
  const provider = createAdyenProvider(config.adyen);
  const payments = new PaymentService(database.db, relay, provider, logger, {
    captureMode: config.adyen.captureMode,
  });
  return { relay, provider, payments };
}

/**
 * A process that only applies stored Adyen notifications (the BullMQ queue the webhook fills),
 * as many as needed beside the subgraph's replicas: no HTTP, no timers. Closing it lets the
 * jobs in hand finish.
 */
export async function startNotificationWorker(config: CheckoutConfig): Promise<RunningService> {
  const logger = createLogger('checkout', config.logLevel);
  if (config.migrate !== false)
    await runMigrations(config.databaseUrl, 'checkout', migrationsFolder);
  const database = connectDatabase(config.databaseUrl, schema, {
    applicationName: 'checkout-notifications',
  });
  const queues = createQueueFactory(config.queue);
  const { relay, payments } = createPayments(config, database, queues, logger);
  createWorker({ queues, payments, logger });
  logger.info({ queue: queues.kind }, 'checkout notification worker ready');
  return {
    name: 'checkout notification worker',
    url: `${queues.kind}:${NOTIFICATION_QUEUE}`,
    async close() {
      await queues.close();
      await relay.close();
      await database.close();
    },
  };
}

const DAY_MS = 24 * 3600 * 1000;

/** Connects, migrates and starts the checkout subgraph, its webhook and its workers. */
export async function startCheckout(config: CheckoutConfig): Promise<RunningService> {
  const logger = createLogger('checkout', config.logLevel);
  if (config.migrate !== false)
    await runMigrations(config.databaseUrl, 'checkout', migrationsFolder);
  const store = await createRateLimitStore(
    config.rateLimitStore ?? {
      redisUrl: config.queue.redisUrl,
      databaseUrl: config.databaseUrl,
      namespace: config.queue.namespace ? `${config.queue.namespace}_checkout` : 'checkout',
    },
  );
  let lookups: OrderLookupService;
  try {
    lookups = await OrderLookupService.create(store, config.orderLookupBudget);
  } catch (error) {
    await store.close();
    throw error;
  }
  const database = connectDatabase(config.databaseUrl, schema, {
    applicationName: 'checkout',
    onQuery: config.onQuery,
  });
  const metrics = createServiceMetrics('checkout');
  instrumentDatabase(metrics, database);
  // The worker queues' depth shows here even when worker processes consume them.
  const queues = instrumentQueues(metrics, createQueueFactory(config.queue), [
    NOTIFICATION_QUEUE,
    eventQueueName('checkout'),
  ]);
  const { relay, provider, payments } = createPayments(config, database, queues, logger);
  // Sweeps run once per deployment: on whichever replica holds each task's lock.
  const leadership = createLeadership(config.databaseUrl, 'checkout', logger);
  observeOutbox(metrics, database.db, outboxEvents);
  const paymentTimeoutMs = config.paymentTimeoutMs ?? 15 * 60_000;
  const expiry = runPeriodically(
    'payment expiry',
    Math.min(60_000, Math.max(100, paymentTimeoutMs / 4)),
    () => payments.expireStalePayments(paymentTimeoutMs),
    logger,
    { leadership },
  );
  const privacy = new CheckoutPrivacyService(database.db);
  const retentionMs =
    config.notificationRetentionMs ?? DEFAULT_NOTIFICATION_RETENTION_DAYS * DAY_MS;
  // Hourly: a body outlives its retention period by at most an hour.
  const retention = runPeriodically(
    'notification retention',
    Math.min(3600_000, Math.max(100, retentionMs / 4)),
    () => privacy.pruneNotificationBodies(retentionMs),
    logger,
    { leadership },
  );
  const upstream = createUpstream({
    cart: config.cartUrl,
    inventory: config.inventoryUrl,
    internalToken: config.internalToken,
  });
  const returnUrlOrigins = new Set(
    config.returnUrlOrigins ?? [...DEFAULT_RETURN_URL_ORIGINS, new URL(config.returnUrl).origin],
  );
  const orders = new OrderService({
    db: database.db,
    upstream,
    provider,
    payments,
    relay,
    logger,
    defaultReturnUrl: config.returnUrl,
    returnUrlOrigins,
  });
  const paymentSessions = new PaymentSessionService({
    db: database.db,
    orders,
    sessions: provider,
    logger,
    defaultReturnUrl: config.returnUrl,
    returnUrlOrigins,
    paymentTimeoutMs,
  });
  const notificationQueue = queues.createQueue<NotificationJob>(NOTIFICATION_QUEUE, {
    attempts: 12,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  });
  const worker =
    config.notificationWorker === false ? undefined : createWorker({ queues, payments, logger });
  const eventWorker = createEventWorker({ queues, privacy, logger });
  const admin = new OrderAdminService({
    db: database.db,
    relay,
    provider,
    modifications: payments.modifications,
    logger,
  });
  // Every minute: requests Adyen did not acknowledge are sent again, sums checked.
  const reconciliation = runPeriodically(
    'payment reconciliation',
    60_000,
    () => payments.modifications.reconcile(payments.autoCapture),
    logger,
    { leadership },
  );
  const { apollo, context } = createServer({
    db: database.db,
    orders,
    admin,
    payments,
    lookups,
    privacy,
    cartPricing: new CartPricingService({ db: database.db, upstream }),
    orderHistory: new OrderHistoryService(database.db),
    paymentMethods: new PaymentMethodsService(provider),
    paymentSessions,
    logger,
    production: config.production ?? false,
    internalToken: config.internalToken,
  });
  return serveApollo({
    name: 'checkout',
    apollo,
    context,
    logger,
    port: config.port,
    host: config.host,
    internalToken: config.internalToken,
    routes: [
      createAdyenWebhookRoute({
        db: database.db,
        provider,
        queue: notificationQueue,
        logger,
        basicAuth: config.webhookBasicAuth,
        merchantAccount: config.adyen.merchantAccount,
        live: config.adyen.environment === 'LIVE',
      }),
    ],
    metrics,
    // Adyen is not checked: a payment provider's outage must not take checkout out of service.
    ready: () =>
      allReady([
        async () => (await database.sql`select 1`).length === 1,
        () => (worker?.isRunning() ?? true) && eventWorker.isRunning(),
        () => queues.ping?.(),
        () => upstreamAlive(config.cartUrl),
        () => upstreamAlive(config.inventoryUrl),
      ]),
    details: {
      queue: queues.kind,
      rateLimits: store.kind,
      simulator: Boolean(config.adyen.simulatorUrl),
      notifications: worker ? 'in this process' : 'by notification workers',
    },
    release: async () => {
      expiry.stop();
      retention.stop();
      reconciliation.stop();
      await leadership.close();
      await relay.close();
      await queues.close();
      await database.close();
      await store.close();
    },
  });
}
