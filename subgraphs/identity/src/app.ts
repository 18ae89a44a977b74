import {
  createEventPublisher,
  createOutboxRelay,
  eventQueueName,
  observeOutbox,
  startEventWorkerProcess,
} from '@commerce-graph/events';
import {
  allReady,
  connectDatabase,
  createLogger,
  createServiceMetrics,
  instrumentDatabase,
  instrumentQueues,
  createSubgraphClient,
  internalHeaders,
  createQueueFactory,
  createRateLimitStore,
  runMigrations,
  serveApollo,
  type Logger,
  type QueueConnectionConfig,
  type QueueFactory,
  type RateLimitStoreConfig,
  type RunningService,
  type SubgraphConfig,
} from '@commerce-graph/kit';
import { migrationsFolder, schema } from './db/client.ts';
import { outboxEvents } from './db/schema.ts';
import { createOutboundMailSink } from './mail.ts';
import { createServer } from './server.ts';
import { AccountService } from './service/account.service.ts';
import { ApiKeyService } from './service/api-key.service.ts';
import { AddressService } from './service/address.service.ts';
import { AuditService } from './service/audit.service.ts';
import { AttemptLimits, type IdentityBudgets } from './service/limits.ts';
import { PasswordHasher, type PasswordHashing } from './service/passwords.ts';
import { PrivacyService } from './service/privacy.service.ts';
import { SessionService } from './service/session.service.ts';
import { StaffService } from './service/staff.service.ts';
import {
  WebhookService,
  WEBHOOK_QUEUE,
  type WebhookDeliveryPolicy,
} from './service/webhook.service.ts';
import { createWorker } from './worker.ts';

export { migrationsFolder };
export { bootstrapStaff, type StaffBootstrap, type StaffBootstrapped } from './bootstrap.ts';
export { DEFAULT_BUDGETS, type IdentityBudgets } from './service/limits.ts';
export { DEFAULT_PASSWORD_HASHING, type PasswordHashing } from './service/passwords.ts';
export { DEFAULT_WEBHOOK_POLICY, type WebhookDeliveryPolicy } from './service/webhook.service.ts';

export interface IdentityConfig extends SubgraphConfig {
  /** Signs customers' access tokens; the gateway verifies them with the same secret. */
  accessTokenSecret: string;
  /** Where identity's event queue lives (Redis, or PostgreSQL when there is no Redis). */
  queue: QueueConnectionConfig;
  /** Where the attempt limits live, shared by every identity process. */
  rateLimitStore: RateLimitStoreConfig;
  /** argon2id costs (default: OWASP's minimum); tests lower them to stay fast. */
  passwordHashing?: PasswordHashing;
  /** Attempt limits; unset ones keep their defaults. */
  budgets?: Partial<IdentityBudgets>;
  /** GraphQL endpoints of cart and checkout, whose `personalData` the GDPR export collects. */
  cartUrl: string;
  checkoutUrl: string;
  /** Partner webhooks' retries and timeout (default: 10 attempts from 30 s, 10 s per attempt). */
  webhooks?: Partial<WebhookDeliveryPolicy>;
  /**
   * Whether this process also consumes identity's events and posts partner webhooks (default
   * true). False for a subgraph replica beside processes of `startEventWorker` (`pnpm events`);
   * it still publishes its outbox and queues the webhook deliveries it is asked for.
   */
  eventWorker?: boolean;
}

/** Identity's event consumer and partner webhook poster, the same in the subgraph and alone. */
function createWorkers(deps: {
  db: ReturnType<typeof connectDatabase<typeof schema>>['db'];
  queues: QueueFactory;
  audit: AuditService;
  webhooks: WebhookService;
  logger: Logger;
}) {
  const worker = createWorker({
    queues: deps.queues,
    mail: createOutboundMailSink(deps.db),
    audit: deps.audit,
    webhooks: deps.webhooks,
    logger: deps.logger,
  });
  const webhookWorker = deps.webhooks.createDeliveryWorker();
  return { isRunning: () => worker.isRunning() && webhookWorker.isRunning() };
}

/**
 * A process that only consumes identity's events (mails, audit events, partner webhooks taken
 * from order and product events) and posts partner webhooks, as many as needed beside the
 * subgraph's replicas: no HTTP. Closing it lets the jobs in hand finish.
 */
export function startEventWorker(config: IdentityConfig): Promise<RunningService> {
  return startEventWorkerProcess({
    subgraph: 'identity',
    config,
    migrationsFolder,
    schema,
    start: ({ database, queues, logger }) => {
      const webhooks = new WebhookService({
        db: database.db,
        queues,
        logger,
        production: config.production ?? false,
        policy: config.webhooks,
      });
      createWorkers({
        db: database.db,
        queues,
        audit: new AuditService(database.db),
        webhooks,
        logger,
      });
      return { close: () => webhooks.close() };
    },
  });
}

/** Connects, migrates and starts the identity subgraph and its mail worker. */
export async function startIdentity(config: IdentityConfig): Promise<RunningService> {
  const logger = createLogger('identity', config.logLevel);
  if (config.migrate !== false) {
    await runMigrations(config.databaseUrl, 'identity', migrationsFolder);
  }
  const store = await createRateLimitStore(config.rateLimitStore);
  let limits: AttemptLimits;
  try {
    limits = await AttemptLimits.create(store, config.budgets);
  } catch (error) {
    await store.close();
    throw error;
  }
  const database = connectDatabase(config.databaseUrl, schema, {
    applicationName: 'identity',
    onQuery: config.onQuery,
  });
  const metrics = createServiceMetrics('identity');
  instrumentDatabase(metrics, database);
  // The worker queues' depth shows here even when worker processes consume them.
  const queues = instrumentQueues(metrics, createQueueFactory(config.queue), [
    eventQueueName('identity'),
    WEBHOOK_QUEUE,
  ]);
  const relay = createOutboxRelay({
    db: database.db,
    table: outboxEvents,
    publish: createEventPublisher(queues).publish,
    logger,
  });
  observeOutbox(metrics, database.db, outboxEvents);
  const audit = new AuditService(database.db);
  const webhooks = new WebhookService({
    db: database.db,
    queues,
    logger,
    production: config.production ?? false,
    policy: config.webhooks,
  });
  const workers =
    config.eventWorker === false
      ? undefined
      : createWorkers({ db: database.db, queues, audit, webhooks, logger });
  const sessions = new SessionService(database.db, config.accessTokenSecret);
  const passwords = new PasswordHasher(config.passwordHashing);
  const accounts = new AccountService({
    db: database.db,
    sessions,
    passwords,
    limits,
    relay,
    logger,
  });
  const upstreamHeaders = { headers: internalHeaders(config.internalToken) };
  const privacy = new PrivacyService({
    db: database.db,
    sessions,
    passwords,
    limits,
    relay,
    audit,
    upstream: {
      cart: createSubgraphClient('cart', config.cartUrl, upstreamHeaders),
      checkout: createSubgraphClient('checkout', config.checkoutUrl, upstreamHeaders),
    },
    logger,
  });
  const { apollo, context } = createServer({
    db: database.db,
    accounts,
    sessions,
    addresses: new AddressService(database.db, sessions),
    privacy,
    apiKeys: new ApiKeyService({ db: database.db, audit, logger }),
    staff: new StaffService({ db: database.db, sessions, audit, logger }),
    audit,
    webhooks,
    internalToken: config.internalToken,
    logger,
    production: config.production ?? false,
  });
  return serveApollo({
    name: 'identity',
    apollo,
    context,
    logger,
    port: config.port,
    host: config.host,
    internalToken: config.internalToken,
    metrics,
    // Cart and checkout are called only to erase an account: sign-in must not wait on them.
    ready: () =>
      allReady([
        async () => (await database.sql`select 1`).length === 1,
        () => workers?.isRunning() ?? true,
        () => queues.ping?.(),
      ]),
    details: { queue: queues.kind, rateLimits: store.kind },
    // Also on a failed start: the worker and the relay already run and must not be left behind.
    release: async () => {
      await relay.close();
      await queues.close();
      await webhooks.close();
      await database.close();
      await store.close();
    },
  });
}
