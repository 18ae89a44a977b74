import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotification, type Notification } from '@commerce-graph/adyen-simulator';
import {
  connectDatabase,
  createLogger,
  createQueueFactory,
  type JobQueue,
  type QueueConnectionConfig,
  type QueueFactory,
} from '@commerce-graph/kit';
import {
  checkPayments,
  insertPendingOrders,
  planPayments,
  seededRandom,
  type PlannedOrder,
} from '../../../scripts/bench/payment-plan.ts';
import { freePort } from '../../../scripts/bench/ports.ts';
import { spawnService, type ServiceProcess } from '../../../scripts/bench/processes.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { createAdyenProvider } from '../src/adyen.ts';
import { migrationsFolder } from '../src/app.ts';
import { schema } from '../src/db/client.ts';
import {
  createAdyenWebhookRoute,
  NOTIFICATION_QUEUE,
  type NotificationJob,
} from '../src/webhook.ts';

const ADYEN = {
  hmacKeyHex: randomBytes(32).toString('hex'),
  merchantAccount: 'CommerceGraphCrashTest',
};
const ORDERS = 30;
const REFUNDS = 30;
/** The killed worker's jobs are taken over once their lock (this long) has run out. */
const LOCK_MS = 1_000;
/** Each job of the first worker waits this long between its commit and its completion. */
const HOLD_MS = 150;

/**
 * Checkout's webhook route as `startCheckout` mounts it, on a bare HTTP server, with no worker in
 * this process: the worker runs in a child process the test can kill.
 */
async function startWebhook(databaseUrl: string, queue: QueueConnectionConfig) {
  const database = connectDatabase(databaseUrl, schema, { applicationName: 'crash-test-webhook' });
  const queues: QueueFactory = createQueueFactory(queue);
  // The options of app.ts: retries with backoff, completed jobs kept for a day.
  const notifications: JobQueue<NotificationJob> = queues.createQueue(NOTIFICATION_QUEUE, {
    attempts: 12,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  });
  const route = createAdyenWebhookRoute({
    db: database.db,
    provider: createAdyenProvider({ ...ADYEN, apiKey: 'crash-test', environment: 'TEST' }),
    queue: notifications,
    logger: createLogger('checkout', 'silent'),
    merchantAccount: ADYEN.merchantAccount,
    live: false,
  });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void Promise.resolve(
        route.handle({
          headers: req.headers,
          body: Buffer.concat(chunks),
          remoteAddress: req.socket.remoteAddress,
          requestId: randomUUID(),
        }),
      ).then(
        (answer) => res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/adyen`,
    notifications,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queues.close();
      await database.close();
    },
  };
}

for (const backend of queueBackends()) {
  describe(`a notification worker killed in the middle of a batch (BullMQ on ${backend.name})`, () => {
    let database: TestDatabase;
    let sql: postgres.Sql;
    let webhook: Awaited<ReturnType<typeof startWebhook>>;
    let queue: QueueConnectionConfig;
    let deadPort: number;
    const workers: ServiceProcess[] = [];
    let releaseLock: (() => void) | undefined;

    beforeAll(async () => {
      database = await createTestDatabase([{ subgraph: 'checkout', folder: migrationsFolder }]);
      sql = postgres(database.url, { max: 3, onnotice: () => undefined });
      queue = backend.config(database.url);
      webhook = await startWebhook(database.url, queue);
      // Where a cancel would go: nothing listens, nothing leaves the machine.
      deadPort = await freePort();
    });

    afterAll(async () => {
      releaseLock?.();
      for (const worker of workers) {
        if (worker.child.exitCode === null && worker.child.signalCode === null) {
          worker.child.kill('SIGKILL');
          await worker.exited;
        }
      }
      await webhook?.close();
      await sql?.end();
      await database?.drop();
    });

    /**
     * The worker as its own process, loaded (tsx takes seconds) but not yet consuming; `start()`
     * makes it consume and resolves once it does.
     */
    async function loadWorker(holdMs: number) {
      const worker = spawnService(
        'notification-worker',
        'subgraphs/checkout/test/support/notification-worker.ts',
        {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DATABASE_URL: database.url,
          REDIS_URL: queue.redisUrl,
          QUEUE_NAMESPACE: queue.namespace,
          ADYEN_HMAC_KEY: ADYEN.hmacKeyHex,
          ADYEN_MERCHANT_ACCOUNT: ADYEN.merchantAccount,
          ADYEN_SIMULATOR_URL: `http://127.0.0.1:${deadPort}`,
          WORKER_LOCK_MS: String(LOCK_MS),
          WORKER_HOLD_MS: String(holdMs),
        },
      );
      workers.push(worker);
      let exited: string | undefined;
      void worker.exited.then((how) => (exited = how));
      const said = (line: string) =>
        eventually(async () => {
          if (exited) throw new Error(`worker exited (${exited}):\n${worker.output()}`);
          return worker.output().split('\n').includes(line);
        }, 25_000);
      await said('loaded');
      return {
        process: worker,
        start: async () => {
          worker.child.kill('SIGUSR2');
          await said('ready');
        },
      };
    }

    async function post(body: Notification) {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect({ status: response.status, text: await response.text() }).toEqual({
        status: 200,
        text: '[accepted]',
      });
    }

    const counts = async () =>
      (
        await sql<Array<{ stored: number; processed: number; lockWaits: number }>>`
          select
            (select count(*)::int from checkout.adyen_notifications) as stored,
            (select count(*)::int from checkout.adyen_notifications
              where processed_at is not null) as processed,
            (select count(*)::int from pg_stat_activity
              where datname = current_database() and application_name like 'notification-worker#%'
                and wait_event_type = 'Lock') as "lockWaits"`
      )[0]!;

    // Most of its time is two workers loading (tsx) at once: 13 to 18 s per queue backend while
    // other work kept the 2 cores busy (load average 6 to 8). The timeout leaves room for that.
    it('loses nothing and applies nothing twice', { timeout: 60_000 }, async () => {
      // Both workers load while the test prepares: the second stands by for the restart.
      const loading = Promise.all([loadWorker(HOLD_MS), loadWorker(0)]);
      loading.catch(() => undefined); // awaited below; a failure before that must not go unhandled
      const rng = seededRandom(13);
      const plan = planPayments(ORDERS, REFUNDS, ADYEN.merchantAccount, rng);
      await insertPendingOrders(sql, plan.orders);
      const signed = plan.items.map(
        (item) => buildNotification(item, ADYEN.hmacKeyHex).notificationItems,
      );

      // One order's payment stays locked by the test while the first worker runs: its
      // notifications block inside their transactions, so the kill lands mid-transaction too.
      const victim = plan.orders.reduce<PlannedOrder>(
        (most, order) => (order.refunds.length > most.refunds.length ? order : most),
        plan.orders[0]!,
      );
      expect(victim.refunds.length).toBeGreaterThan(0);
      expect(new Set(plan.orders.map((o) => o.status))).toEqual(
        new Set(['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED']),
      );
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const lockHeld = sql.begin(async (tx) => {
        await tx`select 1 from checkout.payments where id = ${victim.paymentId} for update`;
        locked();
        await new Promise<void>((resolve) => (releaseLock = resolve));
      });
      await isLocked;

      // The batch, before any worker runs: the victim's items first (so they block at once),
      // then the rest shuffled, every fifth sent twice, some three to a request.
      const victimItems = plan.items.flatMap((item, i) =>
        item.merchantReference === victim.orderId ? [i] : [],
      );
      const rest = rng.shuffle(
        plan.items.flatMap((item, i) => (item.merchantReference === victim.orderId ? [] : [i])),
      );
      const others = rng.shuffle([...rest, ...rest.filter((_, n) => n % 5 === 0)]);
      const deliveries = victimItems.map((i) => [i]);
      for (let at = 0; at < others.length;) {
        const size = deliveries.length % 8 === 7 ? 3 : 1;
        deliveries.push(others.slice(at, at + size));
        at += size;
      }
      for (const delivery of deliveries) {
        await post({ live: 'false', notificationItems: delivery.flatMap((i) => signed[i]!) });
      }
      const total = plan.items.length;
      expect(await counts()).toMatchObject({ stored: total, processed: 0 });

      // The first worker: killed once some notifications are applied, the victim's are stuck in
      // their transactions, and some applied ones are not yet acknowledged to BullMQ.
      const [first, second] = await loading;
      await first.start();
      await eventually(async () => {
        const now = await counts();
        const completed = await webhook.notifications.getCompletedCount();
        return now.processed >= 10 && now.lockWaits > 0 && completed < now.processed;
      }, 20_000);
      first.process.child.kill('SIGKILL');
      expect(await first.process.exited).toBe('SIGKILL');
      const atKill = await counts();
      const completedAtKill = await webhook.notifications.getCompletedCount();
      expect(atKill.processed).toBeGreaterThan(0);
      expect(atKill.processed).toBeLessThan(total);
      // Applied in the database, not completed in the queue: the restart must not apply them again.
      expect(completedAtKill).toBeLessThan(atKill.processed);

      // The killed worker's transactions die with their connections once the lock is released.
      releaseLock!();
      await lockHeld;
      await second.start();
      await eventually(async () => {
        const now = await counts();
        const open = await webhook.notifications.getJobCounts('waiting', 'active', 'delayed');
        return now.processed === total && Object.values(open).every((n) => n === 0);
      }, 20_000);
      second.process.child.kill('SIGTERM');
      await second.process.exited;

      // Every notification processed once, with an effect, and each effect present once.
      const notifications = await sql<Array<{ id: string; outcome: string; entries: number }>>`
        select n.id, n.outcome, count(l.id)::int as entries
        from checkout.adyen_notifications n
        left join checkout.payment_ledger l on l.notification_id = n.id
        group by n.id, n.outcome`;
      expect(notifications).toHaveLength(total);
      expect(notifications.filter((n) => !n.outcome.startsWith('applied'))).toEqual([]);
      expect(notifications.filter((n) => n.entries !== 1)).toEqual([]);
      const check = await checkPayments(sql, plan.orders);
      expect(check.wrong).toEqual([]);
      expect(check).toMatchObject({ repeatedEntries: 0, aboveSent: 0, paidTwice: 0 });
      // A refund moves the order once at most: never more refund events than refunds.
      const refundEvents = await sql<Array<{ orderId: string; n: number }>>`
        select payload->>'orderId' as "orderId", count(*)::int as n
        from checkout.outbox_events where name = 'checkout.order.refunded' group by 1`;
      const refundsOf = new Map(plan.orders.map((o) => [o.orderId, o.refunds.length]));
      expect(refundEvents.filter((e) => e.n > (refundsOf.get(e.orderId) ?? 0))).toEqual([]);
    });
  });
}
