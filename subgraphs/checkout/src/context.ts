import type { Loaders } from './loaders.ts';
import type { OrderService } from './service/order.service.ts';

/** What every resolver gets: per-request loaders and the order service. */
export interface Context {
  loaders: Loaders;
  orders: OrderService;
}
