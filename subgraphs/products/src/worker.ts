import { createEventConsumer } from '@commerce-graph/events';
import type { Logger, QueueFactory } from '@commerce-graph/kit';
import type { SearchEngine } from './service/search/search-engine.ts';

/** Consumes inventory's availability changes for search's in-stock filter. */
export function createWorker(deps: { queues: QueueFactory; search: SearchEngine; logger: Logger }) {
  return createEventConsumer({
    queues: deps.queues,
    consumer: 'products',
    logger: deps.logger,
    handlers: {
      'inventory.availability.changed': async ({ changes }) => {
        await deps.search.setAvailability(changes);
        deps.logger.debug({ variants: changes.length }, 'availability indexed');
      },
    },
  });
}
