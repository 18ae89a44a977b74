import { createEventConsumer } from '@commerce-graph/events';
import type { Logger, QueueFactory } from '@commerce-graph/kit';
import { renderMail, type MailSender } from './mail.ts';

/**
 * Consumes identity's own events: each `identity.email.requested` becomes one mail. Delivery is
 * at least once; the sender deduplicates on the event id. Tokens are never logged.
 */
export function createWorker(deps: { queues: QueueFactory; mail: MailSender; logger: Logger }) {
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
    },
  });
}
