import type { Actor } from '@commerce-graph/kit';
import type { Loaders } from './loaders.ts';
import type { CatalogAdminService } from './service/catalog-admin.service.ts';
import type { CatalogService } from './service/catalog.service.ts';
import type { SearchEngine } from './service/search/search-engine.ts';

/** What every resolver gets: who asks, per-request loaders, the services and the clock. */
export interface Context {
  /** As the gateway asserted it (`x-identity`); anonymous without an assertion. */
  actor: Actor;
  loaders: Loaders;
  catalog: CatalogService;
  admin: CatalogAdminService;
  search: SearchEngine;
  /** The instant prices are read at: fixed for the whole request. */
  now: Date;
}
