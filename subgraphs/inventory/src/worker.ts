import { createEventConsumer } from '@commerce-graph/events';
import type { Logger, QueueFactory } from '@commerce-graph/kit';
import type { InventoryService } from './service.ts';

/** Consumes checkout's payment outcomes: a paid order's stock is sold, a failed one's released. */
export function createWorker(deps: {
  queues: QueueFactory;
  service: InventoryService;
  logger: Logger;
}) {
  return createEventConsumer({
    queues: deps.queues,
    consumer: 'inventory',
    logger: deps.logger,
    handlers: {
      'checkout.payment.authorised': async ({ orderId }) => {
        const lines = await deps.service.commitReservation(orderId);
        deps.logger.info({ orderId, lines }, 'reservation sold');
      },
      'checkout.payment.failed': async ({ orderId, reason }) => {
        const lines = await deps.service.releaseReservation(orderId);
        deps.logger.info({ orderId, lines, reason }, 'reservation released');
      },
    },
  });
}
