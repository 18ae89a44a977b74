import { UnrecoverableError, type Job, type JobsOptions } from 'bullmq';
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

/**
 * Delivery policy for every event job: retried with backoff; once failed for good it is a dead
 * letter (see `listDeadLetters`), kept until replayed. Kept by count, not by age: an age limit
 * drops an unreplayed event silently after a long weekend, while the count only bounds a flood
 * of failures (a consumer broken for hours) so that it cannot fill Redis; past it the oldest
 * goes, and the `event dead-lettered` error log still names it.
 */
export const eventJobOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { count: 100_000 },
} as const satisfies JobsOptions;

export interface EventPublisher {
  publish(event: EventEnvelope): Promise<void>;
}

/**
 * Publishes an event to the queue of every subscribed consumer, with jobId = event id.
 * `jobOptions` overrides the delivery policy (tests shorten the retries).
 */
export function createEventPublisher(
  queues: QueueFactory,
  jobOptions: Partial<JobsOptions> = {},
): EventPublisher {
  const byConsumer = new Map<Consumer, JobQueue<EventEnvelope>>();
  const queueFor = (consumer: Consumer) => {
    let queue = byConsumer.get(consumer);
    if (!queue) {
      queue = queues.createQueue<EventEnvelope>(eventQueueName(consumer), {
        ...eventJobOptions,
        ...jobOptions,
      });
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
 *
 * Delivery is at least once and in no particular order: jobs run concurrently, retries and
 * dead-letter replays reorder them, and an event may arrive before the one it follows. Every
 * handler therefore ends in the same state whatever the order and however often it runs:
 * - Act on state, not on arrival: change a row only from the state the event expects, in one
 *   conditional statement (`update ... where status = 'RESERVED'`), so a late or repeated event
 *   matches nothing.
 * - If an event can come before the one that creates what it acts on, record its outcome (a row
 *   saying "order X failed") that the earlier event checks when it arrives, rather than drop it.
 * - Last-writer-wins values carry the producer's sequence; store the highest applied and apply
 *   only a higher one, in one statement (`on conflict ... where excluded.sequence > sequence`).
 * - Rows an event inserts are unique on the event id (`on conflict do nothing`).
 * Throw to retry (after `attempts` a dead letter, see `listDeadLetters`); log and return for a
 * case no retry can fix.
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
    // Fired for every failed attempt; the last one (or an unrecoverable one) leaves a dead letter.
    const dead =
      error instanceof UnrecoverableError ||
      error.name === 'UnrecoverableError' ||
      (job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1));
    options.logger.error(
      {
        err: error,
        consumer: options.consumer,
        eventId: job?.id,
        event: job?.name,
        attempts: job?.attemptsMade,
      },
      dead
        ? 'event dead-lettered: list and replay with pnpm events:dead-letters'
        : 'event handler failed',
    );
  });
  worker.on('error', (error) => options.logger.error({ err: error }, 'event worker error'));
  return worker;
}
