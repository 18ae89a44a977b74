import { jsonScalar } from '@commerce-graph/kit';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { formatOrderNumber } from './service/order-lookup.service.ts';

const money = (amount: number, currencyCode: string) => ({ amount, currencyCode });

/** Thin adapters: each resolver is one call into a service or a per-request loader. */
export const resolvers: Resolvers = {
  JSON: jsonScalar,
  Query: {
    order: (_, { id, accessKey }, { orders, loaders, actor }) =>
      orders.findOrder(loaders, actor, id, accessKey),
    orderByNumber: (_, { number, email }, { lookups, loaders, actor }) =>
      lookups.findOrderByNumber(loaders, actor, number, email),
    // @inaccessible: only services holding the internal token reach it, never the public graph.
    checkoutPersonalData: (_, { customerId }, { privacy }) => privacy.personalData(customerId),
  },
  Mutation: {
    placeOrder: (_, { input }, { orders, actor, identity }) =>
      orders.placeOrder(input, { actor, identity }),
    submitPaymentDetails: (_, args, { orders, loaders, actor }) =>
      orders.submitPaymentDetails(loaders, actor, args),
    fulfilOrder: (_, args, { admin, actor }) => admin.fulfilOrder(actor, args),
    cancelOrder: (_, args, { admin, actor }) => admin.cancelOrder(actor, args),
    // @inaccessible: inventory asks when a reservation expires, whether to sell or release it.
    expireUnpaidOrder: (_, { orderId }, { payments }) => payments.expireUnpaidOrder(orderId),
  },
  Order: {
    __resolveReference: (ref, { orders, loaders, actor }) =>
      orders.findOrder(loaders, actor, ref.id),
    number: (order) => formatOrderNumber(order.number),
    subtotal: (order) => money(order.subtotalAmount, order.currency),
    discount: (order) => money(order.discountAmount, order.currency),
    total: (order) => money(order.totalAmount, order.currency),
    lines: async (order, _, { loaders }) =>
      (await loaders.linesByOrderId.load(order.id)).map((line) => ({
        ...line,
        currency: order.currency,
      })),
    payment: async (order, _, { loaders }) => {
      const payment = await loaders.paymentByOrderId.load(order.id);
      if (!payment) throw new Error(`Order ${order.id} has no payment`);
      return payment;
    },
    history: async (order, _, { loaders }) => {
      const rows = await loaders.historyByOrderId.load(order.id);
      if (rows.length === 0) {
        // An order from before the history: its current status, as of its last change.
        return [
          {
            from: null,
            to: order.status,
            cause: 'before order history',
            at: order.updatedAt.toISOString(),
          },
        ];
      }
      return rows.map((row) => ({
        from: row.fromStatus,
        to: row.toStatus,
        cause: row.cause,
        at: row.at.toISOString(),
      }));
    },
    createdAt: (order) => order.createdAt.toISOString(),
  },
  OrderLine: {
    variant: (line) => ({ id: line.variantId }),
    unitPrice: (line) => money(line.unitAmount, line.currency),
    lineTotal: (line) => money(line.unitAmount * line.quantity, line.currency),
  },
  Payment: {
    amount: (payment) => money(payment.amount, payment.currency),
  },
  OutOfStockLine: {
    variant: (line) => ({ id: line.variantId }),
  },
};
