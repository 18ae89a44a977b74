import {
  actorFromHeaders,
  createSubgraphApollo,
  IDENTITY_HEADER,
  loadTypeDefs,
  type Logger,
  type RawRequest,
} from '@commerce-graph/kit';
import type { Context } from './context.ts';
import type { CheckoutDb } from './db/client.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import type { CartPricingService } from './service/cart-pricing.service.ts';
import type { OrderAdminService } from './service/order-admin.service.ts';
import type { OrderHistoryService } from './service/order-history.service.ts';
import type { OrderLookupService } from './service/order-lookup.service.ts';
import type { OrderService } from './service/order.service.ts';
import type { PaymentMethodsService } from './service/payment-methods.service.ts';
import type { PaymentSessionService } from './service/payment-session.service.ts';
import type { PaymentService } from './service/payment.service.ts';
import type { CheckoutPrivacyService } from './service/privacy.service.ts';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** Builds the checkout subgraph (schema, server, per-request context); does not listen. */
export function createServer(deps: {
  db: CheckoutDb;
  orders: OrderService;
  admin: OrderAdminService;
  payments: PaymentService;
  lookups: OrderLookupService;
  privacy: CheckoutPrivacyService;
  cartPricing: CartPricingService;
  orderHistory: OrderHistoryService;
  paymentMethods: PaymentMethodsService;
  paymentSessions: PaymentSessionService;
  logger: Logger;
  production: boolean;
  /** Verifies the gateway's identity assertions. */
  internalToken?: string;
}) {
  const apollo = createSubgraphApollo<Context>({
    typeDefs,
    resolvers,
    logger: deps.logger,
    production: deps.production,
  });
  const context = async (request: RawRequest): Promise<Context> => {
    // Refuses a forged assertion here, before it could be passed on.
    const actor = await actorFromHeaders(deps.internalToken, request.headers);
    const identity = request.headers[IDENTITY_HEADER];
    return {
      orders: deps.orders,
      admin: deps.admin,
      payments: deps.payments,
      lookups: deps.lookups,
      privacy: deps.privacy,
      cartPricing: deps.cartPricing,
      orderHistory: deps.orderHistory,
      paymentMethods: deps.paymentMethods,
      paymentSessions: deps.paymentSessions,
      loaders: createLoaders(deps.db),
      actor,
      identity: typeof identity === 'string' ? identity : undefined,
    };
  };
  return { apollo, context };
}
