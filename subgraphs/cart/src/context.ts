import type { Actor } from '@commerce-graph/kit';
import type { Loaders } from './loaders.ts';
import type { CartPrivacyService } from './privacy.service.ts';
import type { CartAddressService } from './service/addresses.ts';
import type { CartService } from './service/cart-lines.ts';
import type { DiscountService } from './service/discounts.ts';
import type { CartMergeService } from './service/merge.ts';
import type { CartQuoteService } from './service/quote.ts';

/** What every resolver gets: per-request loaders and the shared services. */
export interface Context {
  loaders: Loaders;
  service: CartService;
  /** Guest cart claims and merges at login. */
  merge: CartMergeService;
  /** Discount codes: staff's, shoppers' and checkout's side. */
  discounts: DiscountService;
  /** Shipping and billing addresses. */
  addresses: CartAddressService;
  /** `Cart.checkoutQuote`, what checkout prices shipping and tax on. */
  quotes: CartQuoteService;
  /** GDPR export and erasure of a customer's carts. */
  privacy: CartPrivacyService;
  /** Who the request acts for, as the gateway asserted it. */
  actor: Actor;
}
