import { jsonScalar } from '@commerce-graph/kit';
import type { Resolvers } from './__generated__/resolvers-types.ts';

/** Thin adapters: each resolver is one call into the service or a per-request loader. */
export const resolvers: Resolvers = {
  JSON: jsonScalar,
  Query: {
    cart: (_, { id }, { service, loaders, actor }) => service.findCart(loaders, actor, id),
    // @inaccessible: only services holding the internal token reach it, never the public graph.
    cartPersonalData: (_, { customerId }, { privacy }) => privacy.personalData(customerId),
  },
  Mutation: {
    createCart: (_, __, { service, actor }) => service.createCart(actor),
    claimCart: (_, { cartId }, { service, loaders, actor }) =>
      service.claimCart(loaders, actor, cartId),
    addCartLine: (_, args, { service, loaders, actor }) =>
      service.addCartLine(loaders, actor, args),
    updateCartLine: (_, args, { service, loaders, actor }) =>
      service.updateCartLine(loaders, actor, args),
    removeCartLine: (_, args, { service, loaders, actor }) =>
      service.removeCartLine(loaders, actor, args),
  },
  CartResult: {
    __resolveType: (result) => result.__typename,
  },
  UserError: {
    __resolveType: (error) => error.__typename,
  },
  Cart: {
    __resolveReference: (ref, { service, loaders, actor }) =>
      service.findCart(loaders, actor, ref.id),
    lines: (cart, _, { service, loaders }) => service.availableLines(loaders, cart),
    unavailableLines: (cart, _, { service, loaders }) => service.unavailableLines(loaders, cart),
    totalQuantity: (cart, _, { service, loaders }) => service.totalQuantity(loaders, cart),
    subtotal: (cart, _, { service, loaders }) => service.subtotal(loaders, cart),
    createdAt: (cart) => cart.createdAt.toISOString(),
    updatedAt: (cart) => cart.updatedAt.toISOString(),
  },
  CartLine: {
    variant: (line) => ({ id: line.variantId }),
    unitPrice: (line, _, { service, loaders }) => service.unitPrice(loaders, line),
    lineTotal: (line, _, { service, loaders }) => service.lineTotal(loaders, line),
  },
};
