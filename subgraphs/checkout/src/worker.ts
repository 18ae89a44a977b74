import { UnrecoverableError } from 'bullmq';
import { createEventConsumer } from '@commerce-graph/events';
import type { Logger, QueueFactory } from '@commerce-graph/kit';
import type { PaymentService } from './service/payment.service.ts';
import type { CheckoutPrivacyService } from './service/privacy.service.ts';
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

/**
 * Consumes the events checkout subscribes to (queue `events-checkout`): an erased customer's
 * orders are anonymised.
 */
export function createEventWorker(deps: {
  queues: QueueFactory;
  privacy: CheckoutPrivacyService;
  logger: Logger;
}) {
  return createEventConsumer({
    queues: deps.queues,
    consumer: 'checkout',
    logger: deps.logger,
    handlers: {
      // Idempotent: the first delivery unlinks the orders from the customer, so a redelivery
      // finds none and changes nothing.
      'identity.customer.erased': async ({ customerId }, event) => {
        const ordersAnonymised = await deps.privacy.eraseCustomer(customerId);
        deps.logger.info({ customerId, eventId: event.id, ordersAnonymised }, 'customer erased');
      },
    },
  });
}
