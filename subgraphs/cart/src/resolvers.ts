import { jsonScalar } from '@commerce-graph/kit';
import type { Resolvers } from './__generated__/resolvers-types.ts';

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** Thin adapters: each resolver is one call into a service or a per-request loader. */
export const resolvers: Resolvers = {
  JSON: jsonScalar,
  Query: {
    cart: (_, { id }, { service, loaders, actor }) => service.findCart(loaders, actor, id),
    myCart: (_, __, { service, loaders, actor }) => service.myCart(loaders, actor),
    discountCode: (_, { code }, { discounts, actor }) => discounts.findDiscountCode(actor, code),
    // @inaccessible: only services holding the internal token reach it, never the public graph.
    cartPersonalData: (_, { customerId }, { privacy }) => privacy.personalData(customerId),
  },
  Mutation: {
    createCart: (_, { currencyCode }, { service, actor }) =>
      service.createCart(actor, currencyCode),
    claimCart: (_, { cartId }, { merge, loaders, actor }) =>
      merge.claimCart(loaders, actor, cartId),
    addCartLine: (_, args, { service, loaders, actor }) =>
      service.addCartLine(loaders, actor, args),
    updateCartLine: (_, args, { service, loaders, actor }) =>
      service.updateCartLine(loaders, actor, args),
    removeCartLine: (_, args, { service, loaders, actor }) =>
      service.removeCartLine(loaders, actor, args),
    applyDiscountCode: (_, args, { discounts, loaders, actor }) =>
      discounts.applyDiscountCode(loaders, actor, args),
    removeDiscountCode: (_, { cartId }, { discounts, loaders, actor }) =>
      discounts.removeDiscountCode(loaders, actor, cartId),
    setCartShippingAddress: (_, args, { addresses, loaders, actor }) =>
      addresses.setShippingAddress(loaders, actor, args),
    setCartBillingAddress: (_, args, { addresses, loaders, actor }) =>
      addresses.setBillingAddress(loaders, actor, args),
    createDiscountCode: (_, { input }, { discounts, loaders, actor }) =>
      discounts.createDiscountCode(loaders, actor, input),
    disableDiscountCode: (_, { code }, { discounts, actor }) =>
      discounts.disableDiscountCode(actor, code),
    // @inaccessible: checkout's calls while placing an order.
    redeemCartDiscount: (_, args, { discounts, loaders }) =>
      discounts.redeemCartDiscount(loaders, args),
    releaseCartDiscount: (_, { orderId }, { discounts }) => discounts.releaseCartDiscount(orderId),
  },
  CartResult: { __resolveType: (result) => result.__typename },
  DiscountCodeResult: { __resolveType: (result) => result.__typename },
  DiscountRedemptionResult: { __resolveType: (result) => result.__typename },
  UserError: { __resolveType: (result) => result.__typename },
  Cart: {
    __resolveReference: (ref, { service, loaders, actor }) =>
      service.findCart(loaders, actor, ref.id),
    currencyCode: (cart) => cart.currency,
    discountCode: (cart, _, { discounts, loaders }) =>
      discounts.appliedCode(loaders, cart.discountCodeId),
    lines: (cart, _, { service, loaders }) => service.availableLines(loaders, cart),
    unavailableLines: (cart, _, { service, loaders }) => service.unavailableLines(loaders, cart),
    totalQuantity: (cart, _, { service, loaders }) => service.totalQuantity(loaders, cart),
    subtotal: (cart, _, { service, loaders }) => service.subtotal(loaders, cart),
    shippingAddress: (cart) => cart.shippingAddress,
    billingAddress: (cart) => cart.billingAddress,
    // @inaccessible: checkout's @requires input for shipping, tax and the order.
    checkoutQuote: (cart, _, { quotes, loaders }) => quotes.checkoutQuote(loaders, cart),
    mergeNotes: (cart) => cart.mergeNotes ?? [],
    createdAt: (cart) => cart.createdAt.toISOString(),
    updatedAt: (cart) => cart.updatedAt.toISOString(),
  },
  CartLine: {
    variant: (line) => ({ id: line.variantId }),
    unitPrice: (line, _, { service, loaders }) => service.unitPrice(loaders, line),
    lineTotal: (line, _, { service, loaders }) => service.lineTotal(loaders, line),
    priceChangedSince: (line, _, { service, loaders }) => service.priceChangedSince(loaders, line),
  },
  DiscountCode: {
    amountOff: (code) =>
      code.amountOff !== null && code.currency
        ? { amount: code.amountOff, currencyCode: code.currency }
        : null,
    currencyCode: (code) => code.currency,
    minimumSubtotal: (code) =>
      code.minimumSubtotal !== null && code.currency
        ? { amount: code.minimumSubtotal, currencyCode: code.currency }
        : null,
    startsAt: (code) => iso(code.startsAt),
    endsAt: (code) => iso(code.endsAt),
    disabled: (code) => code.disabledAt !== null,
    createdAt: (code) => code.createdAt.toISOString(),
  },
};
