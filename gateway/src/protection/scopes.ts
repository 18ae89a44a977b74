import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { refusal } from './refusal.ts';

/** What a partner API key may do (identity's `ApiKeyScope`, by the names). */
export type PartnerScope =
  'catalog:read' | 'orders:read' | 'orders:write' | 'inventory:write' | 'webhooks:manage';

/** Identity's `ApiKeyScope` enum values, and the names the gateway and subgraphs check. */
export const SCOPE_NAMES: Record<string, PartnerScope> = {
  CATALOG_READ: 'catalog:read',
  ORDERS_READ: 'orders:read',
  ORDERS_WRITE: 'orders:write',
  INVENTORY_WRITE: 'inventory:write',
  WEBHOOKS_MANAGE: 'webhooks:manage',
};

/**
 * The scope each field needs, for partners. A root field (`Query.x`, `Mutation.x`) must be
 * listed, or no partner may ask for it (carts, accounts, sessions, admin operations). Deeper
 * down, `Type.field` wins over `Type` (every field of the type), and a field listed neither way
 * needs what its parent field needed (`placeOrder`'s result types need `orders:write`). `null`
 * means no partner, whatever its scopes.
 */
export const FIELD_SCOPES: Record<string, PartnerScope | null> = {
  'Query.products': 'catalog:read',
  'Query.product': 'catalog:read',
  'Query.categories': 'catalog:read',
  'Query.category': 'catalog:read',
  'Query.warehouses': 'catalog:read',
  'Query.collections': 'catalog:read',
  'Query.collection': 'catalog:read',
  'Query.search': 'catalog:read',
  'Query.suggest': 'catalog:read',
  'Query.order': 'orders:read',
  'Query.orderByNumber': 'orders:read',
  'Mutation.placeOrder': 'orders:write',
  'Mutation.submitPaymentDetails': 'orders:write',
  'Mutation.setStock': 'inventory:write',
  'Mutation.adjustStock': 'inventory:write',
  // A partner's own webhook subscriptions and deliveries (identity checks the key owns them).
  'Query.webhookSubscriptions': 'webhooks:manage',
  'Query.webhookDeliveries': 'webhooks:manage',
  'Mutation.createWebhookSubscription': 'webhooks:manage',
  'Mutation.deleteWebhookSubscription': 'webhooks:manage',
  'Mutation.replayWebhookDelivery': 'webhooks:manage',
  Product: 'catalog:read',
  ProductVariant: 'catalog:read',
  Category: 'catalog:read',
  Warehouse: 'catalog:read',
  Collection: 'catalog:read',
  SearchResult: 'catalog:read',
  // Staff's view of a variant's prices: no partner.
  'ProductVariant.prices': null,
  Order: 'orders:read',
  'ProductVariant.stockLevels': 'inventory:write',
  StockLevel: 'inventory:write',
  Cart: null,
  CartLine: null,
  Customer: null,
  Session: null,
  Address: null,
};

/** What an operation needs of a partner: its scopes, or a field no partner may ask for. */
export interface ScopeNeeds {
  scopes: Set<PartnerScope>;
  /** The first field no partner may ask for (`Query.me`), if any. */
  denied?: string;
}

/**
 * Every scope the operation's fields need, in one pass over the document with the schema. Each
 * fragment is walked once, at its first spread (so a spread explosion costs nothing here).
 * `@skip` and `@include` are not looked at: a field that might run needs its scope.
 */
export function scopesNeeded(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ScopeNeeds {
  const needs: ScopeNeeds = { scopes: new Set() };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const walked = new Set<string>();
  const root = schema.getRootType(operation.operation);
  if (!root) return needs;

  const walk = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    inherited: PartnerScope | undefined,
  ): void => {
    for (const selection of set.selections) {
      if (needs.denied) return;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (type && isCompositeType(type)) walk(selection.selectionSet, type, inherited);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        if (walked.has(name)) continue;
        walked.add(name);
        const fragment = fragments.get(name);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type && isCompositeType(type)) walk(fragment.selectionSet, type, inherited);
        continue;
      }
      const fieldName = selection.name.value;
      if (fieldName === '__typename') continue;
      const coordinate = `${parent.name}.${fieldName}`;
      const field =
        isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[fieldName] : undefined;
      const returned = field ? getNamedType(field.type) : undefined;
      let scope: PartnerScope | null | undefined;
      if (coordinate in FIELD_SCOPES) scope = FIELD_SCOPES[coordinate];
      else if (parent === root) scope = null;
      else if (parent.name in FIELD_SCOPES) scope = FIELD_SCOPES[parent.name];
      else scope = inherited;
      // The type a field returns sets what its own fields need unless they say otherwise.
      const below = returned && returned.name in FIELD_SCOPES ? FIELD_SCOPES[returned.name] : scope;
      if (scope === null || scope === undefined || below === null) {
        needs.denied = coordinate;
        return;
      }
      needs.scopes.add(scope);
      if (below) needs.scopes.add(below);
      if (selection.selectionSet && returned && isCompositeType(returned)) {
        walk(selection.selectionSet, returned, below ?? scope);
      }
    }
  };
  walk(operation.selectionSet, root, undefined);
  return needs;
}

/** The 403 for a partner asking for more than its key allows, naming what is missing. */
export function partnerRefusal(needs: ScopeNeeds, granted: readonly string[]): GraphQLError | null {
  if (needs.denied) {
    return refusal(
      'FORBIDDEN',
      `Partner API keys may not ask for ${needs.denied}`,
      {},
      { status: 403 },
    );
  }
  const missing = [...needs.scopes].filter((scope) => !granted.includes(scope));
  if (missing.length === 0) return null;
  return refusal(
    'FORBIDDEN',
    `This API key lacks the scope ${missing.join(', ')} that the operation needs`,
    { missingScopes: missing },
    { status: 403 },
  );
}
