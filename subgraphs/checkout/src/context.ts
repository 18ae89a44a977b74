import type { Actor } from '@commerce-graph/kit';
import type { Loaders } from './loaders.ts';
import type { CartPricingService } from './service/cart-pricing.service.ts';
import type { OrderAdminService } from './service/order-admin.service.ts';
import type { OrderHistoryService } from './service/order-history.service.ts';
import type { OrderLookupService } from './service/order-lookup.service.ts';
import type { OrderService } from './service/order.service.ts';
import type { PaymentMethodsService } from './service/payment-methods.service.ts';
import type { PaymentSessionService } from './service/payment-session.service.ts';
import type { PaymentService } from './service/payment.service.ts';
import type { CheckoutPrivacyService } from './service/privacy.service.ts';

/** What every resolver gets: per-request loaders and the order service. */
export interface Context {
  loaders: Loaders;
  orders: OrderService;
  /** Staff changes to orders: fulfilment, cancellation. */
  admin: OrderAdminService;
  /** The payment state machine (internal callers: expiry of unpaid orders). */
  payments: PaymentService;
  /** Orders by number and email, read-only and limited per client network. */
  lookups: OrderLookupService;
  /** GDPR export of a customer's orders. */
  privacy: CheckoutPrivacyService;
  /** Checkout's part of the Cart: shipping methods, the chosen one, totals with tax. */
  cartPricing: CartPricingService;
  /** The payment methods Adyen offers per market (`paymentMethods`). */
  paymentMethods: PaymentMethodsService;
  /** Drop-in's sessions flow (`createPaymentSession`). */
  paymentSessions: PaymentSessionService;
  /** A customer's own orders (`Customer.orders`). */
  orderHistory: OrderHistoryService;
  /** Who the request acts for, as the gateway asserted it. */
  actor: Actor;
  /** The gateway's identity assertion of this request, verified; passed on to the cart. */
  identity: string | undefined;
}
