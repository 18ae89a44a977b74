import type { Auth } from './service.ts';
import type { Loaders } from './loaders.ts';
import type { InventoryService } from './service.ts';

/** What every resolver gets: per-request loaders, the shared service and the caller's rights. */
export interface Context {
  loaders: Loaders;
  service: InventoryService;
  auth: Auth;
}
