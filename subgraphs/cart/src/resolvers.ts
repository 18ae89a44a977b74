import type { Resolvers } from './__generated__/resolvers-types.ts';

/** Thin adapters: each resolver is one call into the service or a per-request loader. */
export const resolvers: Resolvers = {
  Query: {
    cart: (_, { id }, { service, loaders }) => service.findCart(loaders, id),
  },
  Mutation: {
    createCart: (_, __, { service }) => service.createCart(),
    addCartLine: (_, args, { service, loaders }) => service.addCartLine(loaders, args),
    updateCartLine: (_, args, { service, loaders }) => service.updateCartLine(loaders, args),
    removeCartLine: (_, args, { service, loaders }) => service.removeCartLine(loaders, args),
  },
  CartResult: {
    __resolveType: (result) => result.__typename,
  },
  UserError: {
    __resolveType: (error) => error.__typename,
  },
  Cart: {
    __resolveReference: (ref, { loaders }) => loaders.cartById.load(ref.id),
    lines: (cart, _, { loaders }) => loaders.linesByCartId.load(cart.id),
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
