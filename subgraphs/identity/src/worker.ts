import { createEventConsumer } from '@commerce-graph/events';
import type { Logger, QueueFactory } from '@commerce-graph/kit';
import { renderMail, type MailSender } from './mail.ts';
import type { AuditService } from './service/audit.service.ts';
import type { WebhookService } from './service/webhook.service.ts';

/** Catalog changes partners hear of as `product.updated`: the admin-action targets that are products. */
const PRODUCT_TARGETS = new Set(['Product', 'ProductVariant']);

/**
 * Consumes identity's own events and the audit events of the other subgraphs: each
 * `identity.email.requested` becomes one mail (delivery is at least once; the sender
 * deduplicates on the event id; tokens are never logged), each `<subgraph>.admin-action.recorded` one
 * row of the admin audit log (stored under the event's id, so a redelivery adds nothing).
 * Order and product events also become partners' webhook deliveries (`order.placed`,
 * `order.paid`, `order.refunded`, `product.updated`): ids, statuses and totals, never the
 * shopper's email or address; unique per event and subscription.
 */
export function createWorker(deps: {
  queues: QueueFactory;
  mail: MailSender;
  audit: AuditService;
  webhooks: WebhookService;
  logger: Logger;
}) {
  const { webhooks } = deps;
  return createEventConsumer({
    queues: deps.queues,
    consumer: 'identity',
    logger: deps.logger,
    handlers: {
      'identity.email.requested': async (request, event) => {
        await deps.mail.send(renderMail(event.id, request));
        deps.logger.info(
          { eventId: event.id, customerId: request.customerId, template: request.template },
          'mail sent',
        );
      },
      'inventory.admin-action.recorded': (action, event) => deps.audit.storeEvent(event, action),
      'products.admin-action.recorded': async (action, event) => {
        await deps.audit.storeEvent(event, action);
        if (PRODUCT_TARGETS.has(action.target.type)) {
          await webhooks.takeEvent(event, 'product.updated', {
            [action.target.type === 'Product' ? 'productId' : 'variantId']: action.target.id,
            change: action.action,
          });
        }
      },
      'products.price.changed': (change, event) =>
        webhooks.takeEvent(event, 'product.updated', {
          productId: change.productId,
          variantId: change.variantId,
          change: 'price',
          price: change.price,
          compareAt: change.compareAt,
        }),
      'checkout.order.placed': (order, event) =>
        webhooks.takeEvent(event, 'order.placed', {
          orderId: order.orderId,
          status: 'PENDING_PAYMENT',
          lines: order.lines,
          total: order.total,
        }),
      'checkout.order.paid': (order, event) =>
        webhooks.takeEvent(event, 'order.paid', {
          orderId: order.orderId,
          paymentId: order.paymentId,
          status: 'PAID',
          total: order.total,
        }),
      'checkout.order.refunded': (refund, event) =>
        webhooks.takeEvent(event, 'order.refunded', {
          orderId: refund.orderId,
          paymentId: refund.paymentId,
          refunded: refund.refunded,
          captured: refund.captured,
          full: refund.full,
        }),
      'checkout.admin-action.recorded': (action, event) => deps.audit.storeEvent(event, action),
    },
  });
}
