import { UnrecoverableError, type Job } from 'bullmq';
import type { JobQueue, JobWorker, QueueFactory } from '@commerce-graph/kit';
import type { Logger } from 'pino';
import {
  eventPayloads,
  eventQueueName,
  subscriptions,
  type Consumer,
  type EventEnvelope,
  type EventName,
  type EventPayload,
} from './contracts.ts';

/** Delivery policy for every event job: retried with backoff, kept a while for inspection. */
const eventJobOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export interface EventPublisher {
  publish(event: EventEnvelope): Promise<void>;
}

/** Publishes an event to the queue of every subscribed consumer, with jobId = event id. */
export function createEventPublisher(queues: QueueFactory): EventPublisher {
  const byConsumer = new Map<Consumer, JobQueue<EventEnvelope>>();
  const queueFor = (consumer: Consumer) => {
    let queue = byConsumer.get(consumer);
    if (!queue) {
      queue = queues.createQueue<EventEnvelope>(eventQueueName(consumer), eventJobOptions);
      byConsumer.set(consumer, queue);
    }
    return queue;
  };
  return {
    async publish(event) {
      // The same event id is the same job: a republished event is not delivered twice.
      await Promise.all(
        subscriptions[event.name].map((consumer) =>
          queueFor(consumer).add(event.name, event, { jobId: event.id }),
        ),
      );
    },
  };
}

export type EventHandlers = {
  [N in EventName]?: (payload: EventPayload<N>, event: EventEnvelope<N>) => Promise<void>;
};

/**
 * Consumes one service's event queue: validates each payload against the contract (a malformed
 * one fails for good, it would never succeed on retry) and calls the matching handler.
 * Handlers must be idempotent: delivery is at least once.
 */
export function createEventConsumer(options: {
  queues: QueueFactory;
  consumer: Consumer;
  handlers: EventHandlers;
  logger: Logger;
  concurrency?: number;
}): JobWorker<EventEnvelope> {
  const worker = options.queues.createWorker<EventEnvelope>(
    eventQueueName(options.consumer),
    async (job: Job<EventEnvelope>) => {
      const event = job.data;
      if (!Object.hasOwn(eventPayloads, event.name)) {
        throw new UnrecoverableError(`Unknown event ${String(event.name)}`);
      }
      const schema = eventPayloads[event.name];
      const parsed = schema.safeParse(event.payload);
      if (!parsed.success) {
        throw new UnrecoverableError(`Malformed ${event.name}: ${parsed.error.message}`);
      }
      const handler = options.handlers[event.name] as
        ((payload: unknown, event: EventEnvelope) => Promise<void>) | undefined;
      if (!handler) return;
      await handler(parsed.data, event);
    },
    { concurrency: options.concurrency ?? 4 },
  );
  worker.on('failed', (job, error) => {
    options.logger.error(
      { err: error, eventId: job?.id, event: job?.name, attempts: job?.attemptsMade },
      'event handler failed',
    );
  });
  worker.on('error', (error) => options.logger.error({ err: error }, 'event worker error'));
  return worker;
}
