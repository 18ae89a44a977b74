import type { Resolvers } from './__generated__/resolvers-types.ts';

/** Thin adapters: each resolver is one call into the service or a per-request loader. */
export const resolvers: Resolvers = {
  Query: {
    warehouses: (_, __, { service }) => service.listWarehouses(),
  },
  Mutation: {
    setStock: (_, { input }, { service, actor }) => service.setStock(actor, input),
    adjustStock: (_, { input }, { service, actor }) => service.adjustStock(actor, input),
    reserveStock: (_, { input }, { service }) => service.reserveStock(input),
    releaseReservation: async (_, { orderId }, { service }) =>
      (await service.releaseReservation(orderId)) > 0,
  },
  ProductVariant: {
    // Inventory can answer for any variant id: one it has no stock rows for has 0 available.
    __resolveReference: (ref) => ({ id: ref.id }),
    availability: async (variant, _, { loaders }) => {
      const available = await loaders.availableByVariantId.load(variant.id);
      return { available, inStock: available > 0 };
    },
    stockLevels: (variant, _, { service, loaders, actor }) => {
      service.assertMayChangeStock(actor);
      return loaders.stockLevelsByVariantId.load(variant.id);
    },
  },
  Warehouse: {
    __resolveReference: (ref, { loaders }) => loaders.warehouseById.load(ref.id),
  },
  StockLevel: {
    warehouse: async (level, _, { loaders }) => {
      const warehouse = await loaders.warehouseById.load(level.warehouseId);
      if (!warehouse)
        throw new Error(`Stock level points at missing warehouse ${level.warehouseId}`);
      return warehouse;
    },
    available: (level) => level.onHand - level.reserved,
  },
};
