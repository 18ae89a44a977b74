import type { Actor } from '@commerce-graph/kit';
import type { Loaders } from './loaders.ts';
import type { InventoryService } from './service.ts';

/** What every resolver gets: per-request loaders, the shared service and who is asking. */
export interface Context {
  loaders: Loaders;
  service: InventoryService;
  /** As the gateway asserted it (`x-identity`); anonymous without an assertion. */
  actor: Actor;
}
