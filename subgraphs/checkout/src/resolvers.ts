import { jsonScalar } from '@commerce-graph/kit';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import type { OrderRow } from './db/schema.ts';
import { formatOrderNumber } from './service/order-lookup.service.ts';
import { orderAddress } from './service/order-copies.ts';

const money = (amount: number, currencyCode: string) => ({ amount, currencyCode });
const moneyOrNull = (amount: number | null, currencyCode: string) =>
  amount === null ? null : money(amount, currencyCode);
const taxLinesOf = (order: OrderRow) =>
  order.taxLines.map((line) => ({ ...line, currencyCode: order.currency }));

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
    paymentMethods: (_, args, { paymentMethods }) => paymentMethods.listPaymentMethods(args),
  },
  Mutation: {
    placeOrder: (_, { input }, { orders, actor, identity }) =>
      orders.placeOrder(input, { actor, identity }),
    submitPaymentDetails: (_, args, { orders, loaders, actor }) =>
      orders.submitPaymentDetails(loaders, actor, args),
    createPaymentSession: (_, args, { paymentSessions, loaders, actor }) =>
      paymentSessions.createPaymentSession(loaders, actor, args),
    fulfilOrder: (_, args, { admin, actor }) => admin.fulfilOrder(actor, args),
    cancelOrder: (_, args, { admin, actor }) => admin.cancelOrder(actor, args),
    refundOrder: (_, args, { admin, actor }) => admin.refundOrder(actor, args),
    captureOrder: (_, args, { admin, actor }) => admin.captureOrder(actor, args),
    // @inaccessible: inventory asks when a reservation expires, whether to sell or release it.
    expireUnpaidOrder: (_, { orderId }, { payments }) => payments.expireUnpaidOrder(orderId),
    setCartShippingMethod: (_, { cartId, code }, { cartPricing, loaders, actor, identity }) =>
      cartPricing.setCartShippingMethod(loaders, { actor, identity }, { cartId, code }),
  },
  // The cart subgraph owns the Cart; checkout prices it from the quote the gateway brings along.
  Cart: {
    __resolveReference: (ref, { cartPricing }) => cartPricing.cartOf(ref),
    shippingMethods: (cart, _, { cartPricing, loaders }) =>
      cartPricing.shippingMethods(loaders, cart),
    shippingMethod: (cart, _, { cartPricing, loaders }) =>
      cartPricing.shippingMethod(loaders, cart),
    totals: (cart, _, { cartPricing, loaders }) => cartPricing.totals(loaders, cart),
  },
  ShippingMethod: {
    price: (method) => money(method.price, method.currencyCode),
  },
  CartTotals: {
    subtotal: (t) => money(t.subtotal, t.currencyCode),
    discount: (t) => money(t.discount, t.currencyCode),
    shipping: (t) => moneyOrNull(t.shipping, t.currencyCode),
    tax: (t) => moneyOrNull(t.tax, t.currencyCode),
    total: (t) => money(t.total, t.currencyCode),
    taxLines: (t) => t.taxLines.map((line) => ({ ...line, currencyCode: t.currencyCode })),
  },
  TaxLine: {
    taxableAmount: (line) => money(line.taxableAmount, line.currencyCode),
    amount: (line) => money(line.amount, line.currencyCode),
  },
  Customer: {
    __resolveReference: (ref) => ({ id: ref.id }),
    orders: (customer, args, { orderHistory, actor }) =>
      orderHistory.customerOrders(actor, customer.id, args),
    storedPaymentMethods: (customer, _, { paymentMethods, actor }) =>
      paymentMethods.listStoredCards(actor, customer.id),
  },
  Order: {
    __resolveReference: (ref, { orders, loaders, actor }) =>
      orders.findOrder(loaders, actor, ref.id),
    number: (order) => formatOrderNumber(order.number),
    subtotal: (order) => money(order.subtotalAmount, order.currency),
    discount: (order) => money(order.discountAmount, order.currency),
    total: (order) => money(order.totalAmount, order.currency),
    shipping: (order) => money(order.shippingAmount, order.currency),
    tax: (order) => money(order.taxAmount, order.currency),
    taxLines: taxLinesOf,
    shippingAddress: (order) => orderAddress(order.shippingAddress),
    // Orders from before addresses have neither; every later one stored both.
    billingAddress: (order) => orderAddress(order.billingAddress ?? order.shippingAddress),
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
    discount: (line) => money(line.discountAmount, line.currency),
    tax: (line) => money(line.taxAmount, line.currency),
  },
  Payment: {
    amount: (payment) => money(payment.amount, payment.currency),
    authorised: (payment) => money(payment.authorisedAmount, payment.currency),
    captured: (payment) => money(payment.capturedAmount, payment.currency),
    refunded: (payment) => money(payment.refundedAmount, payment.currency),
    chargedBack: (payment) => money(payment.chargedBackAmount, payment.currency),
    modifications: (payment, _, { loaders }) => loaders.modificationsByPaymentId.load(payment.id),
  },
  PaymentModification: {
    amount: (row) => (row.amount === null ? null : money(row.amount, row.currency)),
    createdAt: (row) => row.createdAt.toISOString(),
  },
  OutOfStockLine: {
    variant: (line) => ({ id: line.variantId }),
  },
};
