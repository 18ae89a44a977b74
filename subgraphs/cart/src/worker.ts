import { createEventConsumer } from '@commerce-graph/events';
import type { Logger, QueueFactory } from '@commerce-graph/kit';
import type { CartPrivacyService } from './privacy.service.ts';
import type { DiscountService } from './service/discounts.ts';
import type { CartOrderService } from './service/orders.ts';

/**
 * Consumes checkout's events: the cart an order came from is spent, and opens again (with its
 * discount redemption given back) when that order's payment fails, in whichever order the two
 * arrive; an abandoned order's discount redemption is given back; and identity's erasures: an
 * erased customer's carts are deleted.
 */
export function createWorker(deps: {
  queues: QueueFactory;
  orders: CartOrderService;
  discounts: DiscountService;
  privacy: CartPrivacyService;
  logger: Logger;
}) {
  return createEventConsumer({
    queues: deps.queues,
    consumer: 'cart',
    logger: deps.logger,
    handlers: {
      // Delivery is at least once, and checkOutCart is idempotent. An unknown cart, one spent by
      // another order, or an order whose payment failed already is logged and the event is done.
      'checkout.order.placed': async ({ cartId, orderId }, event) => {
        const outcome = await deps.orders.checkOutCart(cartId, orderId);
        const log = { cartId, orderId, eventId: event.id, outcome };
        if (outcome === 'checked-out' || outcome === 'already-checked-out') {
          deps.logger.info(log, 'cart checked out');
        } else {
          deps.logger.warn(log, 'order placed event ignored');
        }
      },
      // Only the order that spent the cart can give it back; a replay finds it open already.
      'checkout.payment.failed': async ({ cartId, orderId }, event) => {
        const reopened = await deps.orders.recordPaymentFailed(cartId, orderId);
        await deps.discounts.releaseCartDiscount(orderId);
        deps.logger.info({ cartId, orderId, eventId: event.id, reopened }, 'payment failed');
      },
      // The order was never written, so its cart was never checked out: only the code is given
      // back. Idempotent; before a late redemption it leaves a marker that refuses that one.
      'checkout.order.abandoned': async ({ cartId, orderId, reason }, event) => {
        await deps.discounts.releaseCartDiscount(orderId);
        deps.logger.info(
          { cartId, orderId, eventId: event.id, reason },
          'abandoned order released',
        );
      },
      // Idempotent: a redelivery finds no cart of the customer left and deletes nothing.
      'identity.customer.erased': async ({ customerId }, event) => {
        const cartsDeleted = await deps.privacy.eraseCustomer(customerId);
        deps.logger.info({ customerId, eventId: event.id, cartsDeleted }, 'customer erased');
      },
    },
  });
}
