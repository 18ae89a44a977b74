import type { Actor } from '@commerce-graph/kit';
import type { Loaders } from './loaders.ts';
import type { AdminCollectionsService } from './service/admin/collections.service.ts';
import type { AdminPricesService } from './service/admin/prices.service.ts';
import type { AdminProductsService } from './service/admin/products.service.ts';
import type { AdminTaxonomyService } from './service/admin/taxonomy.service.ts';
import type { CatalogService } from './service/catalog.service.ts';
import type { SearchEngine } from './service/search/search-engine.ts';

/** Staff's catalog reads and writes, one service per aggregate. */
export interface AdminServices {
  products: AdminProductsService;
  prices: AdminPricesService;
  taxonomy: AdminTaxonomyService;
  collections: AdminCollectionsService;
}

/** What every resolver gets: who asks, per-request loaders, the services and the clock. */
export interface Context {
  /** As the gateway asserted it (`x-identity`); anonymous without an assertion. */
  actor: Actor;
  loaders: Loaders;
  catalog: CatalogService;
  admin: AdminServices;
  search: SearchEngine;
  /** The instant prices are read at: fixed for the whole request. */
  now: Date;
  /**
   * What the answer shows, for caches to purge (`product:<id>`, `category:<id>`,
   * `collection:<id>`, `products` for any list of products): see `surrogateKeys.ts`.
   */
  surrogateKeys: Set<string>;
}
