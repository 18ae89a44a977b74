import { createHash } from 'node:crypto';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { GraphQLHttpRequest, RawRequest, RouteResponse } from '@commerce-graph/kit';
import { chargeRefusal, type Budgets, type Client, type Limiters } from './budgets.ts';
import { checkDocument, type DocumentLimits } from './document-limits.ts';
import { refusal, throttled } from './refusal.ts';

export interface PreflightOptions {
  limits: DocumentLimits;
  budgets: Budgets;
  limiters: Limiters;
  /** The public (API) schema, once the gateway has loaded the supergraph. */
  schema: () => GraphQLSchema | undefined;
  /** Throws a refusal (GraphQLError) when the request's credentials are refused. */
  clientOf: (request: RawRequest) => Promise<Client>;
  onChargeFailed: (error: unknown) => void;
}

/** A refusal as the HTTP answer the client gets, shaped like Apollo's error answers. */
export function refusalResponse(error: GraphQLError, requestId: string): RouteResponse {
  const { http, ...extensions } = error.extensions as {
    http?: { status?: number; headers?: Map<string, string> };
  };
  return {
    status: http?.status ?? 400,
    headers: Object.fromEntries(http?.headers ?? []),
    body: JSON.stringify({
      errors: [{ message: error.message, extensions: { ...extensions, requestId } }],
    }),
  };
}

/** The operation text of a GraphQL request, when it has exactly one. */
function queryOf(request: GraphQLHttpRequest): string | undefined {
  if (request.method === 'GET') return request.search.get('query') ?? undefined;
  const body = request.body as { query?: unknown } | undefined;
  return body && !Array.isArray(body) && typeof body.query === 'string' ? body.query : undefined;
}

/**
 * Refuses a GraphQL request before Apollo parses or validates it (`createHttpServer`'s
 * `preflight`): refused credentials are answered first (401), then a client whose budget is
 * known to be spent is turned away at once; otherwise
 * the document is judged once per distinct text (cached by its SHA-256) by parsing it with the
 * token limit and applying `checkDocument`. Documents that pass, or that do not parse (Apollo
 * reports those), go on to Apollo; a refused one is answered here and charged to the client.
 */
export function createPreflight(options: PreflightOptions) {
  const { limits, limiters, budgets } = options;
  const verdicts = new LRUCache<string, GraphQLError | 'pass'>({ max: 10_000 });

  const judge = (query: string): GraphQLError | 'pass' => {
    let document;
    try {
      document = parse(query, { maxTokens: limits.maxTokens });
    } catch (error) {
      // graphql-js stops at maxTokens with this message; other syntax errors are Apollo's to report.
      if (error instanceof GraphQLError && /contains more that \d+ tokens/.test(error.message)) {
        return refusal(
          'QUERY_TOO_MANY_TOKENS',
          `The document has more than ${limits.maxTokens} tokens`,
        );
      }
      return 'pass';
    }
    const schema = options.schema();
    return (schema && checkDocument(schema, document, limits)) || 'pass';
  };

  return async (request: GraphQLHttpRequest): Promise<RouteResponse | undefined> => {
    let client: Client;
    try {
      client = await options.clientOf(request.raw);
    } catch (error) {
      if (error instanceof GraphQLError) return refusalResponse(error, request.raw.requestId);
      throw error;
    }
    const blockedFor = limiters.cost[client.class].blockedFor(client.key);
    if (blockedFor > 0) {
      return refusalResponse(
        throttled('The query cost budget is spent', blockedFor),
        request.raw.requestId,
      );
    }
    const query = queryOf(request);
    if (query === undefined) return undefined;
    const hash = createHash('sha256').update(query).digest('hex');
    let verdict = verdicts.get(hash);
    if (verdict === undefined) {
      verdict = judge(query);
      verdicts.set(hash, verdict);
    }
    if (verdict === 'pass') return undefined;
    chargeRefusal(limiters, budgets, client).catch(options.onChargeFailed);
    return refusalResponse(verdict, request.raw.requestId);
  };
}
