import type { Actor } from '@commerce-graph/kit';
import type { Loaders } from './loaders.ts';
import type { InventoryServices } from './service/index.ts';

/** What every resolver gets: per-request loaders, the shared services and who is asking. */
export interface Context {
  loaders: Loaders;
  services: InventoryServices;
  /** As the gateway asserted it (`x-identity`); anonymous without an assertion. */
  actor: Actor;
}
