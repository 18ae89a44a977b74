import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a query costs (Shopify's model): every object a query can return costs `objectCost`, a
 * scalar `scalarCost`, a root mutation field `mutationCost`. A list counts its items: `first`
 * of the list itself, or of the connection it belongs to (`products(first: 24) { edges }` is 24
 * edges), or else the list's expected size.
 */
export interface CostModel {
  objectCost: number;
  scalarCost: number;
  mutationCost: number;
  /** Expected length of a list field without `first`, unless `listSizes` knows better. */
  defaultListSize: number;
  /** Expected (or largest) length of particular list fields, as `Type.field`. */
  listSizes: Record<string, number>;
}

export const DEFAULT_COST_MODEL: CostModel = {
  objectCost: 1,
  scalarCost: 0,
  mutationCost: 10,
  defaultListSize: 10,
  // The largest a cart or an order can be (cart: at most 50 lines); the facets of a search and
  // the values of a facet, whatever the page size.
  listSizes: { 'Cart.lines': 50, 'Order.lines': 50, 'SearchResult.facets': 10, 'Facet.values': 25 },
};

/** A field's cost factor: a number, or the value of a variable (`first: $n`). */
type Multiplier = number | { variable: string; fallback: number };

interface CostNode {
  own: number;
  times: Multiplier;
  children: CostNode[];
}

/** The cost of one operation for the variables of one request. */
export type CostFormula = (variables: Record<string, unknown> | undefined) => number;

/**
 * Compiles an operation (already valid against `schema`) into a function of its variables, so
 * the document is walked once and each request only does arithmetic. Each named fragment
 * becomes one shared node however often it is spread, and the evaluation visits every node
 * once: both are linear in the document's size.
 */
export function compileCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  model: CostModel = DEFAULT_COST_MODEL,
): CostFormula {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const fragmentNodes = new Map<string, CostNode>();
  const variableDefault = (name: string): number | undefined => {
    const definition = operation.variableDefinitions?.find((v) => v.variable.name.value === name);
    return definition?.defaultValue?.kind === Kind.INT
      ? Number(definition.defaultValue.value)
      : undefined;
  };

  /** The `first` of a field: a literal, a variable, or the argument's default; else undefined. */
  const firstOf = (
    field: FieldNode,
    definition: GraphQLField<unknown, unknown>,
  ): Multiplier | undefined => {
    const first = definition.args.find((arg) => arg.name === 'first');
    if (!first) return undefined;
    const fallback = typeof first.defaultValue === 'number' ? first.defaultValue : 1;
    const given = field.arguments?.find((arg) => arg.name.value === 'first')?.value;
    if (given?.kind === Kind.INT) return Number(given.value);
    if (given?.kind === Kind.VARIABLE) {
      const variable = given.name.value;
      return { variable, fallback: variableDefault(variable) ?? fallback };
    }
    return fallback;
  };

  /**
   * `connectionFirst` is the `first` of the connection field whose selection this is: its list
   * fields (`edges`) come that many at a time.
   */
  const nodesOf = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    root: boolean,
    connectionFirst: Multiplier | undefined,
  ): CostNode[] => {
    const nodes: CostNode[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const definition = parent.getFields()[selection.name.value];
        if (!definition) continue;
        const type = getNamedType(definition.type);
        const composite = isCompositeType(type);
        const own =
          root && operation.operation === 'mutation'
            ? model.mutationCost
            : composite
              ? model.objectCost
              : model.scalarCost;
        const first = firstOf(selection, definition);
        const list = isListType(getNullableType(definition.type));
        // A list costs its items: its own `first`, else its known size, else the `first` of the
        // connection it is in. A field that is no list (a connection, or an object holding one,
        // as `search(first: 24) { products { edges } }`) passes the `first` down.
        const times: Multiplier = !list
          ? 1
          : (first ??
            model.listSizes[`${parent.name}.${definition.name}`] ??
            connectionFirst ??
            model.defaultListSize);
        const children =
          composite && selection.selectionSet
            ? nodesOf(
                selection.selectionSet,
                type,
                false,
                list ? undefined : (first ?? connectionFirst),
              )
            : [];
        if (own === 0 && children.length === 0) continue;
        nodes.push({ own, times, children });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (!isCompositeType(condition)) continue;
        nodes.push({
          own: 0,
          times: 1,
          children: nodesOf(selection.selectionSet, condition, root, connectionFirst),
        });
      } else {
        // One node per fragment (and connection context) however often it is spread.
        const key = `${selection.name.value}:${JSON.stringify(connectionFirst ?? null)}`;
        let node = fragmentNodes.get(key);
        if (!node) {
          const fragment = fragments.get(selection.name.value);
          const condition = fragment && schema.getType(fragment.typeCondition.name.value);
          node = { own: 0, times: 1, children: [] };
          fragmentNodes.set(key, node);
          if (fragment && isCompositeType(condition)) {
            node.children = nodesOf(fragment.selectionSet, condition, root, connectionFirst);
          }
        }
        nodes.push(node);
      }
    }
    return nodes;
  };

  const rootType = schema.getRootType(operation.operation);
  const roots = rootType ? nodesOf(operation.selectionSet, rootType, true, undefined) : [];

  return (variables) => {
    const memo = new Map<CostNode, number>();
    const factor = (times: Multiplier): number => {
      if (typeof times === 'number') return times;
      const value = variables?.[times.variable];
      return typeof value === 'number' && Number.isFinite(value) ? value : times.fallback;
    };
    const costOf = (node: CostNode): number => {
      const known = memo.get(node);
      if (known !== undefined) return known;
      let each = node.own;
      for (const child of node.children) each += costOf(child);
      const total = each * Math.max(0, factor(node.times));
      memo.set(node, total);
      return total;
    };
    return roots.reduce((sum, node) => sum + costOf(node), 0);
  };
}
