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

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueConnectionConfig {
  /** When set, BullMQ runs on Redis; otherwise on its PostgreSQL backend. */
  redisUrl?: string;
  /** The PostgreSQL database that holds the queues when there is no Redis. */
  databaseUrl: string;
  /** Isolates queues (Redis key prefix / PostgreSQL schema); tests use a unique one. */
  namespace?: string;
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
  /** Closes every queue and worker this factory created, then its connections. */
  close(): Promise<void>;
}

/**
 * One place that knows how BullMQ is connected: Redis when `redisUrl` is set, otherwise
 * BullMQ's PostgreSQL backend (`createPostgresBackend`) on the application's database.
 * Callers get plain BullMQ `Queue` and `Worker` objects either way.
 */
export function createQueueFactory(config: QueueConnectionConfig): QueueFactory {
  const closables: Array<{ close(): Promise<void> }> = [];
  const namespace = config.namespace ?? 'bullmq';

  if (config.redisUrl) {
    const redisUrl = config.redisUrl;
    // Workers block on their connection, so BullMQ needs maxRetriesPerRequest: null.
    const connect = () => new Redis(redisUrl, { maxRetriesPerRequest: null });
    const shared = connect();
    const redisClients: Redis[] = [shared];
    return {
      kind: 'redis',
      createQueue<T>(name: string, defaultJobOptions?: JobsOptions) {
        const queue: JobQueue<T> = new Queue<T, unknown, string, T>(name, {
          connection: shared,
          prefix: namespace,
          defaultJobOptions,
        });
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
        });
        closables.push(worker);
        return worker;
      },
      async close() {
        await Promise.allSettled(closables.map((c) => c.close()));
        await Promise.allSettled(redisClients.map((c) => c.quit()));
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
      >(name, { connection: connection(), defaultJobOptions }, createPostgresBackend);
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
      >(name, processor, { ...options, connection: connection() }, createPostgresBackend);
      closables.push(worker);
      return worker;
    },
    async close() {
      await Promise.allSettled(closables.map((c) => c.close()));
    },
  };
}
