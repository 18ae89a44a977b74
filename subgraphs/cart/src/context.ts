import type { Actor } from '@commerce-graph/kit';
import type { Loaders } from './loaders.ts';
import type { CartPrivacyService } from './privacy.service.ts';
import type { CartService } from './service.ts';

/** What every resolver gets: per-request loaders and the shared service. */
export interface Context {
  loaders: Loaders;
  service: CartService;
  /** GDPR export and erasure of a customer's carts. */
  privacy: CartPrivacyService;
  /** Who the request acts for, as the gateway asserted it. */
  actor: Actor;
}
