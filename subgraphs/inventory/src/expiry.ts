import type { Logger, QueueFactory } from '@commerce-graph/kit';
import type { ReservationService } from './service/reservation.service.ts';

/** The BullMQ queue of delayed reservation expiries, one job per order. */
export const EXPIRY_QUEUE = 'inventory-reservation-expiry';

interface ExpiryJob {
  orderId: string;
}

/**
 * The delayed job per order that expires its reservation after the TTL, and its worker. The job
 * id is `expire-<orderId>` (BullMQ ids must not contain `:`), so queuing twice is a no-op; a job
 * that runs twice, or races the sweep or a payment, settles once (see `expireReservation`).
 */
export function createExpiryJobs(deps: {
  queues: QueueFactory;
  reservations: () => ReservationService;
  logger: Logger;
}) {
  const queue = deps.queues.createQueue<ExpiryJob>(EXPIRY_QUEUE, {
    attempts: 8,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: 1_000,
  });
  const worker = deps.queues.createWorker<ExpiryJob>(
    EXPIRY_QUEUE,
    async (job) => {
      const outcome = await deps.reservations().expireReservation(job.data.orderId);
      if (outcome === 'SOLD' || outcome === 'RELEASED') {
        deps.logger.info({ orderId: job.data.orderId, outcome }, 'reservation expired');
      }
      return outcome;
    },
    { concurrency: 8 },
  );
  worker.on('failed', (job, error) =>
    deps.logger.warn({ err: error, orderId: job?.data.orderId }, 'reservation expiry failed'),
  );
  worker.on('error', (error) => deps.logger.error({ err: error }, 'reservation expiry worker'));
  return {
    schedule: async (orderId: string, delayMs: number) => {
      await queue.add('expire', { orderId }, { jobId: `expire-${orderId}`, delay: delayMs });
    },
    isRunning: () => worker.isRunning(),
  };
}
