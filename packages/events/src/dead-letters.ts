import type { Job } from 'bullmq';
import type { JobQueue, QueueFactory } from '@commerce-graph/kit';
import { consumers, eventQueueName, type Consumer, type EventEnvelope } from './contracts.ts';

/**
 * An event job that failed for good: its attempts ran out, or it threw `UnrecoverableError`
 * (a malformed payload). BullMQ's failed state is the dead-letter state: such a job stays there
 * (see `eventJobOptions.removeOnFail`) until an operator replays it.
 */
export interface DeadLetter {
  consumer: Consumer;
  eventId: string;
  eventName: string;
  /** Attempts made, the last one included. */
  attempts: number;
  failedReason: string;
  /** When the last attempt failed; null if BullMQ did not record it. */
  failedAt: Date | null;
  event: EventEnvelope;
}

/** What `replayDeadLetters` did: the jobs sent back to their queue, and the ids not found. */
export interface ReplayResult {
  replayed: Array<{ consumer: Consumer; eventId: string }>;
  /** Requested ids that are not a dead letter of the visited queues (never, or no longer). */
  notFound: string[];
}

/** Jobs read per call while walking a failed set. */
const PAGE = 500;

/**
 * Runs `use` on the event queue of each consumer (all of them unless one is named), closing the
 * queues after: an operator tool, not a service, so nothing stays open.
 */
async function withQueues<T>(
  queues: QueueFactory,
  consumer: Consumer | undefined,
  use: (consumer: Consumer, queue: JobQueue<EventEnvelope>) => Promise<T>,
): Promise<T[]> {
  const visited = consumer ? [consumer] : [...consumers];
  const opened = visited.map(
    (c) => [c, queues.createQueue<EventEnvelope>(eventQueueName(c))] as const,
  );
  try {
    const results: T[] = [];
    for (const [c, queue] of opened) results.push(await use(c, queue));
    return results;
  } finally {
    await Promise.allSettled(opened.map(([, queue]) => queue.close()));
  }
}

/** Every failed job of one queue, oldest failure first. */
async function failedJobs(queue: JobQueue<EventEnvelope>): Promise<Array<Job<EventEnvelope>>> {
  const jobs: Array<Job<EventEnvelope>> = [];
  for (let start = 0; ; start += PAGE) {
    // A replay running meanwhile shifts the set; ids are de-duplicated below.
    const page = (await queue.getFailed(start, start + PAGE - 1)).filter(Boolean);
    jobs.push(...page);
    if (page.length < PAGE) break;
  }
  const unique = new Map(jobs.map((job) => [job.id, job]));
  return [...unique.values()].sort((a, b) => (a.finishedOn ?? 0) - (b.finishedOn ?? 0));
}

function deadLetterOf(consumer: Consumer, job: Job<EventEnvelope>): DeadLetter {
  return {
    consumer,
    eventId: job.id ?? job.data.id,
    eventName: job.name,
    attempts: job.attemptsMade,
    failedReason: job.failedReason ?? '',
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    event: job.data,
  };
}

/**
 * Lists the dead letters of one consumer's queue, or of every consumer's: oldest failure first
 * per consumer, consumers in `consumers` order. Works on both queue backends.
 */
export async function listDeadLetters(
  queues: QueueFactory,
  consumer?: Consumer,
): Promise<DeadLetter[]> {
  const perQueue = await withQueues(queues, consumer, async (c, queue) =>
    (await failedJobs(queue)).map((job) => deadLetterOf(c, job)),
  );
  return perQueue.flat();
}

/**
 * Sends dead letters back to their queue, with a fresh set of attempts: those with the given
 * event ids, or all of them (`ids` omitted), of one consumer or of every one. The consumer's
 * running workers then process them as new deliveries; handlers are idempotent, so a replay of
 * an event that meanwhile took effect is harmless. A job another replay already moved is
 * reported as not found rather than sent twice.
 */
export async function replayDeadLetters(
  queues: QueueFactory,
  options: { consumer?: Consumer; ids?: readonly string[] } = {},
): Promise<ReplayResult> {
  const wanted = options.ids ? new Set(options.ids) : undefined;
  const replayed: ReplayResult['replayed'] = [];
  await withQueues(queues, options.consumer, async (c, queue) => {
    const jobs = wanted
      ? (await Promise.all([...wanted].map((id) => queue.getJob(id)))).filter(
          (job): job is Job<EventEnvelope> => job !== undefined && job !== null,
        )
      : await failedJobs(queue);
    for (const job of jobs) {
      try {
        // Only a job in the failed state moves; BullMQ refuses any other atomically.
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        replayed.push({ consumer: c, eventId: job.id! });
      } catch (error) {
        if (!(await isNotRetryable(job, error))) throw error;
      }
    }
  });
  const found = new Set(replayed.map((r) => r.eventId));
  return { replayed, notFound: wanted ? [...wanted].filter((id) => !found.has(id)) : [] };
}

/** Whether `retry` refused because the job is not (or no longer) failed: not an outage. */
async function isNotRetryable(job: Job<EventEnvelope>, error: unknown): Promise<boolean> {
  try {
    const state = await job.getState();
    return state !== 'failed';
  } catch {
    throw error;
  }
}
