/**
 * Checkout's Adyen notification worker alone, in a process of its own, wired as `startCheckout`
 * wires it (same PaymentService, same `createWorker`), so a test can SIGKILL it in the middle of
 * a batch (test/webhook-crash.test.ts). Started with `node --import tsx` and configured by:
 *
 * - DATABASE_URL, REDIS_URL (unset: queues on PostgreSQL), QUEUE_NAMESPACE: the test's queues.
 * - ADYEN_HMAC_KEY, ADYEN_MERCHANT_ACCOUNT: the test's credentials; ADYEN_SIMULATOR_URL: where
 *   a cancel would go (the test points it at a port with nothing listening).
 * - WORKER_LOCK_MS: BullMQ's job lock and stalled-job check interval. Production keeps BullMQ's
 *   30 s; the test shortens it so the restarted worker takes over the killed one's jobs at once.
 * - WORKER_HOLD_MS: how long each job waits after its notification was processed and committed,
 *   before BullMQ hears it completed, so that a SIGKILL finds jobs applied but not acknowledged.
 *
 * Prints `loaded` once its modules are loaded (tsx transpiles them: seconds), then starts the
 * worker on SIGUSR2 and prints `ready`, so a test can load a stand-by worker in advance.
 */
import { createEventPublisher, createOutboxRelay } from '@commerce-graph/events';
import {
  connectDatabase,
  createLogger,
  createQueueFactory,
  type QueueFactory,
  type WorkerSettings,
} from '@commerce-graph/kit';
import { createAdyenProvider } from '../../src/adyen.ts';
import { schema } from '../../src/db/client.ts';
import { outboxEvents } from '../../src/db/schema.ts';
import { PaymentService } from '../../src/service/payment.service.ts';
import { createWorker } from '../../src/worker.ts';

const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const databaseUrl = required('DATABASE_URL');
const lockMs = Number(process.env.WORKER_LOCK_MS ?? 30_000);
const holdMs = Number(process.env.WORKER_HOLD_MS ?? 0);

const logger = createLogger('checkout', 'warn');
const database = connectDatabase(databaseUrl, schema, { applicationName: 'notification-worker' });
const queues = createQueueFactory({
  databaseUrl,
  redisUrl: process.env.REDIS_URL || undefined,
  namespace: required('QUEUE_NAMESPACE'),
});
const relay = createOutboxRelay({
  db: database.db,
  table: outboxEvents,
  publish: createEventPublisher(queues).publish,
  logger,
});
const provider = createAdyenProvider({
  apiKey: 'crash-test',
  merchantAccount: required('ADYEN_MERCHANT_ACCOUNT'),
  hmacKeyHex: required('ADYEN_HMAC_KEY'),
  environment: 'TEST',
  simulatorUrl: required('ADYEN_SIMULATOR_URL'),
});
const payments = new PaymentService(database.db, relay, provider, logger);

// The real processing, then the hold: the notification is applied before the job completes.
const holding = Object.create(payments) as PaymentService;
holding.processNotification = async (notificationId: string) => {
  const outcome = await payments.processNotification(notificationId);
  if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
  return outcome;
};
// BullMQ's lock settings are not part of WorkerSettings; the kit passes them on as they are.
const shortLocks: QueueFactory = {
  ...queues,
  kind: queues.kind,
  createWorker: (name, processor, options) =>
    queues.createWorker(name, processor, {
      ...options,
      lockDuration: lockMs,
      stalledInterval: lockMs,
    } as WorkerSettings),
};
// Signal handlers keep no process alive: this does, until SIGTERM.
const alive = setInterval(() => undefined, 60_000);
process.once('SIGUSR2', () => {
  const worker = createWorker({ queues: shortLocks, payments: holding, logger });
  void worker.waitUntilReady().then(() => console.log('ready'));
});
console.log('loaded');

const stop = async () => {
  clearInterval(alive);
  await queues.close();
  await relay.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
