import type { Loaders } from './loaders.ts';
import type { ProductService } from './service.ts';

/** What every resolver gets: per-request loaders and the shared service. */
export interface Context {
  loaders: Loaders;
  service: ProductService;
}
