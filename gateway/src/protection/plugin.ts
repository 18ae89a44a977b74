import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import {
  Kind,
  valueFromAST,
  type FieldNode,
  type GraphQLError,
  type SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Logger, RateLimit } from '@commerce-graph/kit';
import { chargeRefusal, type Budgets, type Client, type Limiters } from './budgets.ts';
import { compileCost, type CostFormula, type CostModel } from './cost.ts';
import { refusal, throttled } from './refusal.ts';
import { partnerRefusal, scopesNeeded, type ScopeNeeds } from './scopes.ts';
import { findUnsafeText } from './text.ts';

export interface ProtectedContext {
  client: Client;
  /** A partner API key's scopes; unset for anyone else, whom scopes do not concern. */
  scopes?: readonly string[];
}

export interface ProtectionOptions {
  costModel: CostModel;
  /** A query costing more is refused before execution. */
  maxCost: number;
  budgets: Budgets;
  limiters: Limiters;
  logger: Logger;
}

/** What `extensions.cost` says on every answer that got as far as costing (as Shopify does). */
export interface CostReport {
  requestedQueryCost: number;
  maximumQueryCost: number;
  throttleStatus?: {
    maximumAvailable: number;
    currentlyAvailable: number;
    /** Points per second the budget regains on average (it refills per window). */
    restoreRate: number;
    /** When the window ends and the budget is full again. */
    resetsInMs: number;
  };
}

/** Root mutation fields with attempt limits of their own, and the argument that names the target. */
const ATTEMPT_LIMITS = {
  placeOrder: {
    network: 'placeOrderPerNetwork',
    target: 'placeOrderPerCart',
    argument: (args: Record<string, unknown>) => (args.input as { cartId?: unknown })?.cartId,
    what: 'order attempts',
  },
  submitPaymentDetails: {
    network: 'paymentDetailsPerNetwork',
    target: 'paymentDetailsPerOrder',
    argument: (args: Record<string, unknown>) => args.orderId,
    what: 'payment detail submissions',
  },
} as const;

/**
 * The gateway's query protection after GraphQL validation (the document limits ran before it,
 * in `createPreflight`): a partner's operation is refused unless its API key has the scope of
 * every field (`scopes.ts`); variables are checked for unsafe strings, the operation's cost is
 * computed (its formula compiled once per document and operation, and cached), refused above
 * `maxCost`, and charged to the client's budget; placeOrder and submitPaymentDetails also spend
 * their own, stricter budgets per network and per cart or order. Every answer that was costed
 * carries `extensions.cost`. Errors thrown here reach the client with their HTTP status.
 */
export function protectionPlugin<TContext extends ProtectedContext>(
  options: ProtectionOptions,
): ApolloServerPlugin<TContext> {
  const { limiters, budgets, logger } = options;
  const formulas = new LRUCache<string, CostFormula>({ max: 5_000 });
  const scopeNeeds = new LRUCache<string, ScopeNeeds>({ max: 5_000 });
  const refused = (client: Client, error: GraphQLError): never => {
    chargeRefusal(limiters, budgets, client).catch((failure: unknown) =>
      logger.warn({ err: failure }, 'could not charge a refused request'),
    );
    throw error;
  };

  return {
    async requestDidStart() {
      let report: CostReport | undefined;
      return {
        async didResolveOperation(context) {
          const { client, scopes } = context.contextValue;
          const operation = context.operation!;
          const key = `${context.queryHash}:${context.operationName ?? ''}`;
          if (scopes) {
            let needs = scopeNeeds.get(key);
            if (!needs) {
              needs = scopesNeeded(context.schema, context.document!, operation);
              scopeNeeds.set(key, needs);
            }
            const forbidden = partnerRefusal(needs, scopes);
            if (forbidden) refused(client, forbidden);
          }
          const variables = context.request.variables;
          const unsafe = findUnsafeText(variables ?? {});
          if (unsafe) {
            refused(client, refusal('BAD_USER_INPUT', `Variable $${unsafe.path} ${unsafe.reason}`));
          }

          let formula = formulas.get(key);
          if (!formula) {
            formula = compileCost(context.schema, context.document!, operation, options.costModel);
            formulas.set(key, formula);
          }
          const cost = formula(variables);
          report = { requestedQueryCost: cost, maximumQueryCost: options.maxCost };
          if (cost > options.maxCost) {
            refused(
              client,
              refusal(
                'QUERY_TOO_COMPLEX',
                `The query costs ${cost}, more than the maximum of ${options.maxCost}; ask for fewer items (first) or fewer fields`,
                { cost: report },
              ),
            );
          }
          const budget = limiters.cost[client.class];
          const decision = await budget.consume(client.key, cost);
          report.throttleStatus = {
            maximumAvailable: budget.budget.points,
            currentlyAvailable: decision.remaining,
            restoreRate: budget.budget.points / budget.budget.seconds,
            resetsInMs: decision.msBeforeReset,
          };
          if (!decision.allowed) {
            throw throttled('The query cost budget is spent', decision.msBeforeReset, {
              cost: report,
            });
          }
          if (operation.operation === 'mutation') await limitAttempts(context, limiters);
        },

        async willSendResponse(context) {
          const body = context.response.body;
          if (report && body.kind === 'single') {
            body.singleResult.extensions = { ...body.singleResult.extensions, cost: report };
          }
        },
      };
    },
  };
}

/** Spends the attempt budgets of placeOrder / submitPaymentDetails in this mutation, if any. */
async function limitAttempts<TContext extends ProtectedContext>(
  context: GraphQLRequestContext<TContext>,
  limiters: Limiters,
): Promise<void> {
  const mutation = context.schema.getMutationType();
  if (!mutation || !context.operation) return;
  const { client } = context.contextValue;
  for (const field of rootFields(context.operation.selectionSet, context)) {
    const limit = ATTEMPT_LIMITS[field.name.value as keyof typeof ATTEMPT_LIMITS];
    if (!limit) continue;
    const definition = mutation.getFields()[field.name.value];
    const args: Record<string, unknown> = {};
    for (const arg of field.arguments ?? []) {
      const type = definition?.args.find((a) => a.name === arg.name.value)?.type;
      if (type) args[arg.name.value] = valueFromAST(arg.value, type, context.request.variables);
    }
    const target = limit.argument(args);
    const checks: Array<[RateLimit, string]> = [[limiters[limit.network], client.network]];
    if (typeof target === 'string') checks.push([limiters[limit.target], target]);
    for (const [limiter, key] of checks) {
      const decision = await limiter.consume(key, 1);
      if (!decision.allowed) throw throttled(`Too many ${limit.what}`, decision.msBeforeReset);
    }
  }
}

/** The root fields of an operation, through inline fragments and fragment spreads. */
function rootFields<TContext extends ProtectedContext>(
  set: SelectionSetNode,
  context: GraphQLRequestContext<TContext>,
  seen = new Set<string>(),
): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...rootFields(selection.selectionSet, context, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.document!.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) {
        fields.push(...rootFields(fragment.selectionSet, context, seen));
      }
    }
  }
  return fields;
}
