import {
  connectDatabase,
  createLogger,
  createQueueFactory,
  runMigrations,
  type Logger,
  type QueueConnectionConfig,
  type QueueFactory,
  type RunningService,
} from '@commerce-graph/kit';
import { eventQueueName, type Consumer } from './contracts.ts';

type Database<TSchema extends Record<string, unknown>> = ReturnType<
  typeof connectDatabase<TSchema>
>;

/**
 * A process that only consumes a subgraph's events (`pnpm --filter @commerce-graph/<name>
 * events`), beside the subgraph's replicas started with `<NAME>_EVENT_WORKER=false`: migrations
 * unless `migrate` is false, a pool named `<name>-events`, a queue factory, and the workers
 * `start` builds. Closing it lets the jobs in hand finish, then closes what `start` answered,
 * then the pool.
 */
export async function startEventWorkerProcess<TSchema extends Record<string, unknown>>(options: {
  subgraph: Consumer;
  config: {
    databaseUrl: string;
    logLevel?: string;
    migrate?: boolean;
    queue: QueueConnectionConfig;
  };
  migrationsFolder: string;
  schema: TSchema;
  start: (deps: {
    database: Database<TSchema>;
    queues: QueueFactory;
    logger: Logger;
  }) => { close?: () => Promise<void> } | void;
}): Promise<RunningService> {
  const { subgraph, config } = options;
  const logger = createLogger(subgraph, config.logLevel);
  if (config.migrate !== false) {
    await runMigrations(config.databaseUrl, subgraph, options.migrationsFolder);
  }
  const database = connectDatabase(config.databaseUrl, options.schema, {
    applicationName: `${subgraph}-events`,
  });
  const queues = createQueueFactory(config.queue);
  const started = options.start({ database, queues, logger });
  logger.info({ queue: queues.kind }, `${subgraph} event worker ready`);
  return {
    name: `${subgraph} event worker`,
    url: `${queues.kind}:${eventQueueName(subgraph)}`,
    async close() {
      await queues.close();
      await started?.close?.();
      await database.close();
    },
  };
}
