import { UnrecoverableError } from 'bullmq';
import type { Logger, QueueFactory } from '@commerce-graph/kit';
import type { PaymentService } from './service/payment.service.ts';
import { NOTIFICATION_QUEUE, type NotificationJob } from './webhook.ts';

/** Processes stored Adyen notifications, once each, retrying with backoff on failure. */
export function createWorker(deps: {
  queues: QueueFactory;
  payments: PaymentService;
  logger: Logger;
}) {
  const worker = deps.queues.createWorker<NotificationJob>(
    NOTIFICATION_QUEUE,
    async (job) => {
      if (typeof job.data?.notificationId !== 'string') {
        throw new UnrecoverableError('notification job without notificationId');
      }
      return deps.payments.processNotification(job.data.notificationId);
    },
    { concurrency: 8 },
  );
  worker.on('failed', (job, error) =>
    deps.logger.error(
      { err: error, jobId: job?.id, attempts: job?.attemptsMade },
      'notification failed',
    ),
  );
  worker.on('error', (error) => deps.logger.error({ err: error }, 'notification worker error'));
  return worker;
}
