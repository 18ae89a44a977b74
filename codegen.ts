import { createRequire } from 'node:module';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types come from each subgraph's SDL (the SDL is the contract); `mappers` say which
 * service-layer type a resolver receives as its parent for each GraphQL type.
 */
const subgraph = (name: string, mappers: Record<string, string>) => ({
  [`subgraphs/${name}/src/__generated__/resolvers-types.ts`]: {
    schema: `subgraphs/${name}/src/schema.graphql`,
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      useTypeImports: true,
      enumsAsTypes: true,
      contextType: '../context.ts#Context',
      mappers,
      scalars: { ID: 'string', JSON: 'unknown' },
      resolversNonOptionalTypename: { unionMember: true, interfaceImplementingType: true },
    },
  },
});

/**
 * The storefront client's typed documents come from the public API schema (what the gateway
 * serves), never a subgraph's. The client preset is the client package's own dev dependency.
 */
type OutputPreset = Exclude<
  Extract<CodegenConfig['generates'][string], { preset?: unknown }>['preset'],
  string | undefined
>;
const clientPreset = (
  createRequire(new URL('./packages/client/package.json', import.meta.url))(
    '@graphql-codegen/client-preset',
  ) as { preset: OutputPreset }
).preset;

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...subgraph('products', {
      Product: '../db/schema.ts#ProductRow',
      ProductVariant: '../db/schema.ts#VariantRow',
      Category: '../db/schema.ts#CategoryRow',
      ProductConnection: '../service/catalog.service.ts#ProductPage',
      Collection: '../db/schema.ts#CollectionRow',
      Price: '../db/schema.ts#PriceRow',
      Attribute: '../db/schema.ts#AttributeRow',
      ProductType: '../db/schema.ts#ProductTypeRow',
      ProductAttribute: '../service/catalog.service.ts#ProductAttributeView',
      Media: '../db/schema.ts#MediaRow',
      SearchResult: '../service/search/search-engine.ts#SearchResponse',
      ProductSuggestion: '../service/search/search-engine.ts#ProductSuggestionView',
      CategorySuggestion: '../service/search/search-engine.ts#CategorySuggestionView',
    }),
    ...subgraph('cart', {
      Cart: '../service/cart-lines.ts#CartView',
      CartLine: '../db/schema.ts#CartLineRow',
      DiscountCode: '../db/schema.ts#DiscountCodeRow',
    }),
    ...subgraph('inventory', {
      ProductVariant: '../service/stock.service.ts#VariantRef',
      Warehouse: '../db/schema.ts#WarehouseRow',
      StockLevel: '../db/schema.ts#StockLevelRow',
      StockMovement: '../db/schema.ts#StockMovementRow',
      StockMovementConnection: '../service/ledger.service.ts#StockMovementPage',
      StockTransfer: '../service/stock.service.ts#StockTransferView',
      VariantInventoryPolicy: '../service/settings.service.ts#VariantPolicy',
      Availability: '../service/settings.service.ts#AvailabilityView',
      Reservation: '../service/reservation.service.ts#ReservationView',
    }),
    ...subgraph('checkout', {
      Order: '../db/schema.ts#OrderRow',
      OrderLine: '../service/order.service.ts#OrderLineView',
      Payment: '../db/schema.ts#PaymentRow',
      PaymentModification: '../db/schema.ts#PaymentModificationRow',
      RefundRequested: '../service/order-admin.service.ts#RefundRequestedResult',
      CaptureRequested: '../service/order-admin.service.ts#CaptureRequestedResult',
      OrderPlaced: '../service/order.service.ts#OrderPlacedResult',
      OutOfStockLine: '../service/order.service.ts#StockShortage',
      Cart: '../service/cart-pricing.service.ts#CheckoutCart',
      ShippingMethod: '../service/cart-pricing.service.ts#ShippingMethodView',
      CartTotals: '../service/pricing.ts#CartPricing',
      TaxLine: '../service/pricing.ts#TaxLineView',
      Customer: '../service/order-history.service.ts#CustomerRef',
      OrderConnection: '../service/order-history.service.ts#OrderPage',
    }),
    ...subgraph('identity', {
      Customer: '../db/schema.ts#CustomerRow',
      Address: '../db/schema.ts#AddressRow',
      Session: '../service/session.service.ts#SessionView',
      ApiKey: '../db/schema.ts#ApiKeyRow',
      ApiKeyCreated: '../service/api-key.service.ts#ApiKeyCreatedView',
      ApiKeyGrant: '../service/api-key.service.ts#ApiKeyGrantView',
      SessionGrant: '../service/staff.service.ts#SessionGrantView',
      StaffMember: '../service/staff.service.ts#StaffMemberView',
      AdminAuditEntry: '../db/schema.ts#AdminAuditRow',
      AdminAuditPage: '../service/audit.service.ts#AdminAuditPageView',
    }),
    'packages/client/src/__generated__/': {
      schema: 'schema/api.graphql',
      documents: 'packages/client/src/operations/*.graphql',
      preset: clientPreset,
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        scalars: { ID: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
