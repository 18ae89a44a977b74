import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getEnterLeaveForKind,
  Kind,
  TypeInfo,
  ValidationContext,
  type ArgumentNode,
  type ASTVisitor,
  type DirectiveNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValueNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { refusal, type RefusalCode } from './refusal.ts';
import { unsafeTextReason } from './text.ts';

/** How large a document may be. Every limit counts named fragments as expanded where spread. */
export interface DocumentLimits {
  /** Lexical tokens in the document (enforced by the parser, see `parseOptions`). */
  maxTokens: number;
  /** Nesting of fields; fragments add no depth of their own. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Fields at the top of one operation (`{ a b c }` has 3). */
  maxRootFields: number;
  /** Fields in one operation once every fragment spread is expanded. */
  maxFields: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxTokens: 2_000,
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  maxRootFields: 10,
  maxFields: 1_000,
};

const REFUSAL_OF_RULE: Array<[RegExp, RefusalCode]> = [
  [/depth/i, 'QUERY_TOO_DEEP'],
  [/aliases/i, 'QUERY_TOO_MANY_ALIASES'],
  [/directives/i, 'QUERY_TOO_MANY_DIRECTIVES'],
];

/**
 * Checks a parsed document against the limits before GraphQL's own validation runs, so an
 * abusive document is refused cheaply: graphql-armor's depth, alias and directive rules (which
 * count each fragment once and reuse the count wherever it is spread), then fragment cycles,
 * root fields, expanded fields and string literals in one pass over the fragments, each
 * fragment summed once. Time is linear in the document's size, even for a chain of fragments
 * that each spread the next twice (2^n fields once expanded). Returns the first refusal.
 */
export function checkDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: DocumentLimits,
): GraphQLError | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  // Cycles first: the armor rules assume they terminate on a cycle, but their counts are wrong.
  const cycle = findFragmentCycle(fragments);
  if (cycle) {
    return refusal('GRAPHQL_VALIDATION_FAILED', `Cannot spread fragment "${cycle}" within itself`);
  }

  const rejected: GraphQLError[] = [];
  const armor = {
    propagateOnRejection: false,
    onReject: [(_: unknown, error: GraphQLError) => rejected.push(error)],
  };
  const context = new ValidationContext(schema, document, new TypeInfo(schema), (error) =>
    rejected.push(error),
  );
  const rules = [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ...armor }),
    maxAliasesRule({ n: limits.maxAliases, ...armor }),
    maxDirectivesRule({ n: limits.maxDirectives, ...armor }),
  ].map((rule) => rule(context) as ASTVisitor);
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  // The rules act on entering an operation and walk it themselves (fragments memoised), so they
  // are called there directly: graphql's visit() of a 2,000-token document alone costs ~1 ms.
  for (const rule of rules) {
    const { enter } = getEnterLeaveForKind(rule, Kind.OPERATION_DEFINITION);
    for (const operation of operations) enter?.call(rule, operation, undefined, undefined, [], []);
  }
  const first = rejected[0];
  if (first) {
    const message = first.message.replace(/^Syntax Error: /, '');
    const code = REFUSAL_OF_RULE.find(([pattern]) => pattern.test(message))?.[1];
    return refusal(code ?? 'GRAPHQL_VALIDATION_FAILED', message);
  }

  const counter = new FieldCounter(fragments);
  for (const definition of operations) {
    const roots = counter.rootFields(definition.selectionSet);
    if (roots > limits.maxRootFields) {
      return refusal(
        'QUERY_TOO_MANY_ROOT_FIELDS',
        `An operation may select at most ${limits.maxRootFields} root fields, found ${roots}`,
      );
    }
    const fields = counter.fields(definition.selectionSet);
    if (fields > limits.maxFields) {
      return refusal(
        'QUERY_TOO_MANY_FIELDS',
        `An operation may select at most ${limits.maxFields} fields with its fragments expanded, found ${fields}`,
      );
    }
  }

  const unsafe = findUnsafeLiteral(document);
  return unsafe ? refusal('BAD_USER_INPUT', `A string in the query ${unsafe}`) : undefined;
}

/**
 * Why a string literal of the document (an argument, a directive argument, a variable default)
 * may not enter the graph, or undefined. Every definition is walked once, without following
 * spreads, so each literal is seen once; an explicit stack keeps deep nesting off the call stack.
 */
function findUnsafeLiteral(document: DocumentNode): string | undefined {
  const values: ValueNode[] = [];
  const sets: SelectionSetNode[] = [];
  const collect = (node: {
    arguments?: readonly ArgumentNode[];
    directives?: readonly DirectiveNode[];
  }) => {
    for (const arg of node.arguments ?? []) values.push(arg.value);
    for (const directive of node.directives ?? []) collect(directive);
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      for (const variable of definition.variableDefinitions ?? []) {
        if (variable.defaultValue) values.push(variable.defaultValue);
      }
    } else if (definition.kind !== Kind.FRAGMENT_DEFINITION) {
      continue; // type system definitions: validation refuses them in a request
    }
    collect(definition);
    sets.push(definition.selectionSet);
  }
  for (let set = sets.pop(); set; set = sets.pop()) {
    for (const selection of set.selections) {
      collect(selection);
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) {
        sets.push(selection.selectionSet);
      }
    }
  }
  for (let value = values.pop(); value; value = values.pop()) {
    if (value.kind === Kind.STRING) {
      const reason = unsafeTextReason(value.value);
      if (reason) return reason;
    } else if (value.kind === Kind.LIST) values.push(...value.values);
    else if (value.kind === Kind.OBJECT) values.push(...value.fields.map((field) => field.value));
  }
  return undefined;
}
/** The name of a fragment that spreads itself (directly or not), if any; depth-first, linear. */
function findFragmentCycle(fragments: Map<string, FragmentDefinitionNode>): string | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const spreadsOf = (set: SelectionSetNode, into: string[] = []): string[] => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) into.push(selection.name.value);
      else if (selection.selectionSet) spreadsOf(selection.selectionSet, into);
    }
    return into;
  };
  const enter = (name: string): string | undefined => {
    const fragment = fragments.get(name);
    if (!fragment || state.get(name) === 'done') return undefined;
    if (state.get(name) === 'open') return name;
    state.set(name, 'open');
    for (const spread of spreadsOf(fragment.selectionSet)) {
      const found = enter(spread);
      if (found) return found;
    }
    state.set(name, 'done');
    return undefined;
  };
  for (const name of fragments.keys()) {
    const found = enter(name);
    if (found) return found;
  }
  return undefined;
}

/** Counts fields with fragments expanded, each fragment counted once (cycles already refused). */
class FieldCounter {
  private readonly allFields = new Map<string, number>();
  private readonly topFields = new Map<string, number>();
  constructor(private readonly fragments: Map<string, FragmentDefinitionNode>) {}

  fields(set: SelectionSetNode): number {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        count += 1 + (selection.selectionSet ? this.fields(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += this.fields(selection.selectionSet);
      } else {
        count += this.ofFragment(selection.name.value, this.allFields, (s) => this.fields(s));
      }
    }
    return count;
  }

  rootFields(set: SelectionSetNode): number {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) count += 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT)
        count += this.rootFields(selection.selectionSet);
      else
        count += this.ofFragment(selection.name.value, this.topFields, (s) => this.rootFields(s));
    }
    return count;
  }

  private ofFragment(
    name: string,
    memo: Map<string, number>,
    count: (set: SelectionSetNode) => number,
  ): number {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    const counted = fragment ? count(fragment.selectionSet) : 0;
    memo.set(name, counted);
    return counted;
  }
}
