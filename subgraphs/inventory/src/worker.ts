import { createEventConsumer } from '@commerce-graph/events';
import type { Logger, QueueFactory } from '@commerce-graph/kit';
import type { ReservationService } from './service/index.ts';

/**
 * Consumes checkout's payment outcomes: a paid order's stock is sold, a failed one's released;
 * and its abandoned orders (placeOrder gave up and could not release at once): released.
 */
export function createWorker(deps: {
  queues: QueueFactory;
  reservations: ReservationService;
  logger: Logger;
}) {
  return createEventConsumer({
    queues: deps.queues,
    consumer: 'inventory',
    logger: deps.logger,
    handlers: {
      'checkout.payment.authorised': async ({ orderId }) => {
        const lines = await deps.reservations.commitReservation(orderId);
        // Nothing RESERVED: sold before (a redelivery), or released (expired) before the payment.
        if (lines === 0)
          deps.logger.info({ orderId }, 'payment for an order holding no reservation');
        else deps.logger.info({ orderId, lines }, 'reservation sold');
      },
      'checkout.payment.failed': async ({ orderId, reason }) => {
        const lines = await deps.reservations.releaseReservation(orderId);
        deps.logger.info({ orderId, lines, reason }, 'reservation released');
      },
      // Idempotent and serialised with the reserve under the order's lock; when it comes before
      // a late reserve, it leaves the order RELEASED and that reserve refuses itself.
      'checkout.order.abandoned': async ({ orderId, reason }, event) => {
        const lines = await deps.reservations.releaseReservation(orderId);
        deps.logger.info({ orderId, lines, reason, eventId: event.id }, 'abandoned order released');
      },
    },
  });
}
