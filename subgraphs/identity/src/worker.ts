import { createEventConsumer } from '@commerce-graph/events';
import type { Logger, QueueFactory } from '@commerce-graph/kit';
import { renderMail, type MailSender } from './mail.ts';
import type { AuditService } from './service/audit.service.ts';

/**
 * Consumes identity's own events and the audit events of the other subgraphs: each
 * `identity.email.requested` becomes one mail (delivery is at least once; the sender
 * deduplicates on the event id; tokens are never logged), each `<subgraph>.admin-action.recorded` one
 * row of the admin audit log (stored under the event's id, so a redelivery adds nothing).
 */
export function createWorker(deps: {
  queues: QueueFactory;
  mail: MailSender;
  audit: AuditService;
  logger: Logger;
}) {
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
      'products.admin-action.recorded': (action, event) => deps.audit.storeEvent(event, action),
      'checkout.admin-action.recorded': (action, event) => deps.audit.storeEvent(event, action),
    },
  });
}
