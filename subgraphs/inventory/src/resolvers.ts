import type { Resolvers } from './__generated__/resolvers-types.ts';
import { availabilityOf } from './service/availability.ts';
import { assertMayChangeStock } from './service/index.ts';
import { policyOf } from './service/settings.service.ts';

/** Thin adapters: each resolver is one call into a service or a per-request loader. */
export const resolvers: Resolvers = {
  Query: {
    warehouses: (_, __, { services }) => services.stock.listWarehouses(),
    stockMovements: (_, args, { services, actor }) => services.ledger.stockMovements(actor, args),
  },
  Mutation: {
    setStock: (_, { input }, { services, actor }) => services.stock.setStock(actor, input),
    adjustStock: (_, { input }, { services, actor }) => services.stock.adjustStock(actor, input),
    transferStock: (_, { input }, { services, actor }) =>
      services.stock.transferStock(actor, input),
    setVariantInventoryPolicy: (_, { input }, { services, actor }) =>
      services.settings.setVariantInventoryPolicy(actor, input),
    reserveStock: (_, { input }, { services }) => services.reservations.reserveStock(input),
    releaseReservation: async (_, { orderId }, { services }) =>
      (await services.reservations.releaseReservation(orderId)) > 0,
  },
  ProductVariant: {
    // Inventory can answer for any variant id: one it has no stock rows for has 0 available.
    __resolveReference: (ref) => ({ id: ref.id }),
    availability: async (variant, _, { loaders }) =>
      availabilityOf(await loaders.variantStockById.load(variant.id)),
    stockLevels: (variant, _, { loaders, actor }) => {
      assertMayChangeStock(actor);
      return loaders.stockLevelsByVariantId.load(variant.id);
    },
    inventoryPolicy: async (variant, _, { loaders, actor }) => {
      assertMayChangeStock(actor);
      return policyOf(await loaders.variantStockById.load(variant.id));
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
  StockMovement: {
    id: (movement) => String(movement.id),
    warehouse: async (movement, _, { loaders }) => {
      const warehouse = await loaders.warehouseById.load(movement.warehouseId);
      if (!warehouse)
        throw new Error(`Stock movement points at missing warehouse ${movement.warehouseId}`);
      return warehouse;
    },
    createdAt: (movement) => movement.createdAt.toISOString(),
  },
};
