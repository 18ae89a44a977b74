import {
  Queue,
  Worker,
  createPostgresBackend,
  type JobProgress,
  type JobsOptions,
  type PostgresConnectionOptions,
  type PostgresQueueBackend,
  type Processor,
  type WorkerOptions,
} from 'bullmq';
import { Redis } from 'ioredis';
import { createLogger, type Logger } from './logger.ts';
import { queueTelemetry } from './tracing.ts';

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueConnectionConfig {
  /** When set, BullMQ runs on Redis; otherwise on its PostgreSQL backend. */
  redisUrl?: string;
  /** The PostgreSQL database that holds the queues when there is no Redis. */
  databaseUrl: string;
  /** Isolates queues (Redis key prefix / PostgreSQL schema); tests use a unique one. */
  namespace?: string;
  /**
   * Redis only: how long a producer's call (`queue.add`) may wait for Redis before it rejects
   * (default 3 s). Workers are not bounded: they wait and reconnect.
   */
  producerTimeoutMs?: number;
  /** Told once when producers lose Redis and once when they have it back (default: warn level). */
  logger?: Logger;
}

/** Thrown by a producer's call when Redis is not reachable within `producerTimeoutMs`. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
}

// `any` for the backend type parameters: it differs between the Redis and PostgreSQL branches.
/** A BullMQ queue carrying jobs of type T, on whichever backend the factory chose. */
export type JobQueue<T> = Queue<T, any, string, T, any, string, any, any>;
/** A BullMQ worker consuming jobs of type T, on whichever backend the factory chose. */
export type JobWorker<T> = Worker<T, any, string, any, any, any>;

export type WorkerSettings = Pick<WorkerOptions, 'concurrency' | 'autorun' | 'lockDuration'>;

export interface QueueFactory {
  readonly kind: QueueBackendKind;
  createQueue<T>(name: string, defaultJobOptions?: JobsOptions): JobQueue<T>;
  createWorker<T>(name: string, processor: Processor<T>, options?: WorkerSettings): JobWorker<T>;
  /**
   * Rejects when the queue backend does not answer (Redis: a PING within `producerTimeoutMs`;
   * PostgreSQL: absent, the service's own database check covers it). For `/ready`.
   */
  ping?(): Promise<void>;
  /** Closes every queue and worker this factory created, then its connections. */
  close(): Promise<void>;
}

/**
 * One place that knows how BullMQ is connected: Redis when `redisUrl` is set, otherwise
 * BullMQ's PostgreSQL backend (`createPostgresBackend`) on the application's database.
 * Callers get plain BullMQ `Queue` and `Worker` objects either way.
 */
/** How long closing the Redis-backed queues may wait for jobs and connections to finish. */
export const CLOSE_GRACE_MS = 5_000;

/** Whether `promise` settles within `ms` (the timer does not keep the process alive). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      expired,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function createQueueFactory(config: QueueConnectionConfig): QueueFactory {
  const closables: Array<{ close(): Promise<void> }> = [];
  const namespace = config.namespace ?? 'bullmq';

  if (config.redisUrl) {
    const redisUrl = config.redisUrl;
    const producerTimeoutMs = config.producerTimeoutMs ?? 3_000;
    // Workers block on their connection, so BullMQ needs maxRetriesPerRequest: null; they wait
    // out an outage and reconnect.
    const connect = () => new Redis(redisUrl, { maxRetriesPerRequest: null });
    // Producers fail fast instead (BullMQ's "failing fast when Redis is down"): no offline queue,
    // so a command while disconnected rejects at once, and a command timeout for a Redis that
    // accepts the connection but does not answer. It still reconnects in the background.
    const producer = new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: producerTimeoutMs,
      commandTimeout: producerTimeoutMs,
    });
    // One line per outage here instead of one per queue and reconnect attempt: BullMQ re-emits
    // each connection error on every Queue, and prints it when the Queue has no listener.
    const logger = config.logger ?? createLogger('queues', 'warn');
    let down = false;
    producer.on('error', (error) => {
      if (down) return;
      down = true;
      logger.warn({ err: error }, 'Redis unreachable: queue producers fail fast until it is back');
    });
    producer.on('ready', () => {
      if (down) logger.info('Redis reachable again');
      down = false;
    });
    const redisClients: Redis[] = [producer];
    const whenReady = readiness(producer, producerTimeoutMs);
    return {
      kind: 'redis',
      createQueue<T>(name: string, defaultJobOptions?: JobsOptions) {
        const queue: JobQueue<T> = new Queue<T, unknown, string, T>(name, {
          connection: producer,
          prefix: namespace,
          defaultJobOptions,
          telemetry: queueTelemetry(),
        });
        failFast(queue, whenReady);
        // Its errors are the producer connection's, logged once per outage above; callers see
        // their own failures as rejected calls.
        queue.on('error', () => undefined);
        closables.push(queue);
        return queue;
      },
      createWorker<T>(name: string, processor: Processor<T>, options: WorkerSettings = {}) {
        const connection = connect();
        redisClients.push(connection);
        const worker: JobWorker<T> = new Worker<T>(name, processor, {
          ...options,
          connection,
          prefix: namespace,
          telemetry: queueTelemetry(),
        });
        closables.push(worker);
        return worker;
      },
      async ping() {
        await whenReady();
        await producer.ping();
      },
      async close() {
        // Gracefully (jobs in hand finish, connections QUIT), within CLOSE_GRACE_MS: a worker
        // whose blocking connection is still reconnecting after an outage, or a QUIT queued
        // while Redis is away, could otherwise hold a shutdown for ever. Past it, every
        // connection is dropped, which ends what still waits on one.
        const graceful = (async () => {
          await Promise.allSettled(closables.map((c) => c.close()));
          await Promise.allSettled(redisClients.map((c) => c.quit()));
        })();
        if (await settlesWithin(graceful, CLOSE_GRACE_MS)) return;
        logger.warn(
          `queues not closed within ${CLOSE_GRACE_MS} ms: dropping the Redis connections`,
        );
        for (const client of redisClients) client.disconnect();
        await settlesWithin(graceful, 1_000);
      },
    };
  }

  // Each BullMQ object owns a small pg pool (plus one LISTEN connection for workers).
  const connection = () => ({
    connectionString: config.databaseUrl,
    schema: namespace,
    migrate: true,
    max: 3,
  });
  return {
    kind: 'postgres',
    createQueue<T>(name: string, defaultJobOptions?: JobsOptions) {
      const queue: JobQueue<T> = new Queue<
        T,
        unknown,
        string,
        T,
        unknown,
        string,
        PostgresQueueBackend,
        PostgresConnectionOptions
      >(
        name,
        { connection: connection(), defaultJobOptions, telemetry: queueTelemetry() },
        createPostgresBackend,
      );
      closables.push(queue);
      return queue;
    },
    createWorker<T>(name: string, processor: Processor<T>, options: WorkerSettings = {}) {
      const worker: JobWorker<T> = new Worker<
        T,
        unknown,
        string,
        PostgresQueueBackend,
        JobProgress,
        PostgresConnectionOptions
      >(
        name,
        processor,
        { ...options, connection: connection(), telemetry: queueTelemetry() },
        createPostgresBackend,
      );
      closables.push(worker);
      return worker;
    },
    async close() {
      await Promise.allSettled(closables.map((c) => c.close()));
    },
  };
}

/**
 * Resolves when `redis` is connected. While it is still making its first connection (a process
 * starting) it waits up to `timeoutMs`; once connected before, a lost connection is an outage
 * and it rejects at once. Either way with `QueueUnavailableError`. Without it, a BullMQ Queue
 * made while Redis is away waits for the connection for ever: its commands never reach ioredis,
 * so neither the offline queue setting nor the command timeout applies.
 */
function readiness(redis: Redis, timeoutMs: number): () => Promise<void> {
  let connectedBefore = redis.status === 'ready';
  redis.on('ready', () => (connectedBefore = true));
  return () => {
    if (redis.status === 'ready') return Promise.resolve();
    if (connectedBefore || redis.status === 'end') {
      return Promise.reject(new QueueUnavailableError(`Redis is unreachable (${redis.status})`));
    }
    return new Promise((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        redis.off('ready', onReady);
        reject(new QueueUnavailableError(`Redis did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      redis.once('ready', onReady);
    });
  };
}

/**
 * Makes a producer queue's `add` and `addBulk` wait for Redis at most as long as `whenReady`
 * allows. A rejected call adds nothing: it never reached BullMQ.
 */
function failFast(queue: JobQueue<any>, whenReady: () => Promise<void>): void {
  const add = queue.add.bind(queue);
  const addBulk = queue.addBulk.bind(queue);
  queue.add = async (...args) => {
    await whenReady();
    return add(...args);
  };
  queue.addBulk = async (...args) => {
    await whenReady();
    return addBulk(...args);
  };
}
