import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { Agent, type Dispatcher } from 'undici';
import {
  createLogger,
  createRateLimitStore,
  fromPrivateNetwork,
  listenForCachePurges,
  type CachePurgeListener,
  createSubgraphClient,
  currentRequestId,
  IDENTITY_HEADER,
  internalHeaders,
  REQUEST_ID_HEADER,
  permissionFromEnumName,
  signIdentityAssertion,
  serveApollo,
  type RateLimitStoreConfig,
  type RunningService,
  withClientSpan,
} from '@commerce-graph/kit';
import {
  cachingPlugins,
  collectSurrogateKeys,
  createMicroCache,
  createResponseStore,
  type CachingContext,
  type ResponseStore,
  type ResponseStoreConfig,
} from './cache.ts';
import { createEdge } from './edge.ts';
import { createErrorFormatter } from './errors.ts';
import { graphiqlRoutes } from './graphiql.ts';
import { createAuthenticator } from './auth.ts';
import {
  budgetsFrom,
  createLimiters,
  type BudgetSettings,
  type Client,
} from './protection/budgets.ts';
import { DEFAULT_COST_MODEL, type CostModel } from './protection/cost.ts';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './protection/document-limits.ts';
import { protectionPlugin } from './protection/plugin.ts';
import { SCOPE_NAMES } from './protection/scopes.ts';
import { createPreflight } from './protection/preflight.ts';

export { protectionEnv, protectionSettings } from './env.ts';

export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(
  new URL('../../schema/supergraph.graphql', import.meta.url),
);

/**
 * Headers the gateway passes on to subgraphs; everything else stays at the edge. Credentials
 * never do: the signed assertion (`x-identity`) says who is asking.
 */
const FORWARDED_HEADERS = ['accept-language'];

export interface GatewayContext extends CachingContext {
  /** Client headers passed on to subgraphs (FORWARDED_HEADERS). */
  headers: Record<string, string>;
  client: Client;
  /** A partner API key's scopes (`catalog:read`, ...); unset for every other caller. */
  scopes?: string[];
  /** The signed identity assertion every subgraph gets (`x-identity`), when the graph has a token. */
  identity?: string;
}

export interface GatewayConfig {
  port: number;
  host?: string;
  supergraphPath?: string;
  /** Where each subgraph answers, by name; defaults to the URLs in the supergraph file. */
  subgraphUrls?: Partial<Record<string, string>>;
  production?: boolean;
  logLevel?: string;
  /** Sent to every subgraph in the `x-internal-token` header, when set. */
  internalToken?: string;
  /**
   * Verifies customers' access tokens (the identity subgraph signs them with the same secret).
   * Unset: no customer can sign in through this gateway.
   */
  accessTokenSecret?: string;
  /** Where budgets live, shared by every gateway process: Redis, else PostgreSQL, else memory. */
  rateLimitStore?: RateLimitStoreConfig;
  /** Document limits (tokens, depth, aliases, ...); unset ones keep their defaults. */
  limits?: Partial<DocumentLimits>;
  costModel?: CostModel;
  /** A query costing more is refused before execution (default 5,000). */
  maxCost?: number;
  /** Query cost and payment attempt budgets; unset ones keep their defaults. */
  budgets?: BudgetSettings;
  /** Browser origins allowed by CORS. */
  corsOrigins?: string[];
  /** Proxies whose X-Forwarded-For is believed (proxy-addr trust list). */
  trustProxy?: string[];
  /** A subgraph fetch is abandoned after this long (default 10 s). */
  subgraphTimeoutMs?: number;
  /** A request is answered 504 after this long, whatever is still running (default 15 s). */
  requestTimeoutMs?: number;
  /**
   * The response caches (`cache.ts`): the micro-cache in memory and the response store, on
   * Redis with `redisUrl`, else in memory. `false`: no response cache at all (HTTP caching
   * headers are still sent). Default: in memory.
   */
  responseCache?: false | ResponseStoreConfig;
  /** Where the subgraphs notify cache purges (PostgreSQL); unset: answers live out their max-age. */
  cachePurgeDatabaseUrl?: string;
}

/** The URL the supergraph names for a subgraph (its `@join__graph(name:, url:)`). */
function subgraphUrlInSupergraph(supergraphSdl: string, name: string): string {
  const found = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraphSdl);
  if (!found?.[1]) throw new Error(`the supergraph has no subgraph named ${name}`);
  return found[1];
}

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** Statuses whose response has no body: a `Response` refuses to be built with one. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A fetch-compatible fetcher over undici's `request()` and the gateway's keep-alive `agent`:
 * Apollo's default (make-fetch-happen, with its cache and retry layers) was ~14% of the
 * gateway's CPU in a flash sale. One deadline covers the whole call, body included. Redirects
 * are not followed (subgraphs do not redirect).
 */
function createSubgraphFetcher(
  agent: Agent,
  timeoutMs: number,
  subgraphAt: (url: string) => string | undefined = () => undefined,
): Fetcher {
  return async (url, init = {}) => {
    const target = new URL(url);
    const method = (init.method ?? 'GET') as Dispatcher.HttpMethod;
    // A client span per subgraph fetch (when tracing), its traceparent sent along.
    const { statusCode, headers, body } = await withClientSpan(
      { method, url, headers: init.headers ?? {}, peer: subgraphAt(url) },
      (traced) =>
        agent.request({
          origin: target.origin,
          path: `${target.pathname}${target.search}`,
          method,
          headers: traced,
          body: init.body,
          signal: AbortSignal.timeout(timeoutMs),
        }),
    );
    const text = await body.text();
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(name, item);
    }
    const response = new Response(NULL_BODY_STATUSES.has(statusCode) ? null : text, {
      status: statusCode,
      statusText: STATUS_CODES[statusCode] ?? '',
      headers: responseHeaders,
    });
    // The gateway names the subgraph's URL in the errors it builds from a failed response.
    Object.defineProperty(response, 'url', { value: url });
    return response;
  };
}

/** Builds the data source of one subgraph: forwarded headers, internal token, fetcher. */
function subgraphSource(url: string, internal: Array<[string, string]>, fetcher: Fetcher) {
  return new RemoteGraphQLDataSource<GatewayContext>({
    url,
    fetcher,
    willSendRequest({ request, context }) {
      for (const header of FORWARDED_HEADERS) {
        const value = context.headers?.[header];
        if (value) request.http?.headers.set(header, value);
      }
      const requestId = currentRequestId();
      if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
      if (context.identity) request.http?.headers.set(IDENTITY_HEADER, context.identity);
      for (const [name, value] of internal) request.http?.headers.set(name, value);
    },
    didReceiveResponse({ response, context }) {
      collectSurrogateKeys(context, response.http?.headers);
      return response;
    },
  });
}

/**
 * Starts the Apollo Gateway over the composed supergraph. Subgraphs are reached over HTTP, so
 * their Cache-Control hints reach the client. Apollo Sandbox, GraphiQL (`/graphiql`, offline) and
 * introspection are on in development and off in production. Every request passes the edge
 * (security headers, CORS), the query protection (`protection/`) and, on its way out, the error
 * masking (`errors.ts`).
 */
export async function startGateway(config: GatewayConfig): Promise<RunningService> {
  const logger = createLogger('gateway', config.logLevel);
  const production = config.production ?? false;
  const supergraphSdl = readFileSync(config.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, 'utf8');
  const internal = Object.entries(internalHeaders(config.internalToken));
  const limits = { ...DEFAULT_DOCUMENT_LIMITS, ...config.limits };
  const budgets = budgetsFrom(config.budgets);
  const edge = createEdge({
    production,
    corsOrigins: config.corsOrigins ?? [],
    trustProxy: config.trustProxy ?? [],
  });
  const store = await createRateLimitStore(config.rateLimitStore ?? {});
  let limiters: Awaited<ReturnType<typeof createLimiters>>;
  try {
    limiters = await createLimiters(store, budgets);
  } catch (error) {
    await store.close();
    throw error;
  }

  const cacheConfig = config.responseCache ?? {};
  let responseStore: ResponseStore | undefined;
  let purges: CachePurgeListener | undefined;
  const microCache = cacheConfig ? createMicroCache({ varyHeaders: FORWARDED_HEADERS }) : undefined;
  try {
    if (cacheConfig) responseStore = await createResponseStore(cacheConfig, logger);
    if (config.cachePurgeDatabaseUrl) {
      purges = await listenForCachePurges(
        config.cachePurgeDatabaseUrl,
        (keys) => {
          microCache?.purge(keys);
          void responseStore?.purge(keys);
        },
        logger,
      );
    }
  } catch (error) {
    await responseStore?.close();
    await store.close();
    throw error;
  }

  // Connections to subgraphs are kept alive and shared by every data source.
  const agent = new Agent();
  /** Subgraph names by URL, for the fetches' client spans. */
  const subgraphNames = new Map<string, string>();
  const fetcher = createSubgraphFetcher(agent, config.subgraphTimeoutMs ?? 10_000, (url) =>
    subgraphNames.get(url),
  );
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls?.[name] ?? url!;
      subgraphNames.set(target, name);
      return subgraphSource(target, internal, fetcher);
    },
  });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((loaded) => {
    apiSchema = loaded.apiSchema;
  });
  const identity = createSubgraphClient(
    'identity',
    config.subgraphUrls?.identity ?? subgraphUrlInSupergraph(supergraphSdl, 'identity'),
    { headers: Object.fromEntries(internal), timeoutMs: 2_000 },
  );
  const { callerOf } = createAuthenticator({
    accessTokenSecret: config.accessTokenSecret,
    clientAddress: edge.clientAddress,
    sessionGrant: async (customer) => {
      const { sessionGrant: grant } = await identity.request<{
        sessionGrant: { permissions: string[] } | null;
      }>(
        'query($c: ID!, $s: ID!) { sessionGrant(customerId: $c, sessionId: $s) { permissions } }',
        {
          c: customer.customerId,
          s: customer.sessionId,
        },
      );
      if (!grant) return null;
      // A permission this gateway does not know grants nothing.
      return {
        permissions: grant.permissions.flatMap((name) => permissionFromEnumName(name) ?? []),
      };
    },
    apiKeyGrant: async (key) => {
      const { apiKeyByToken: grant } = await identity.request<{
        apiKeyByToken: { id: string; scopes: string[] } | null;
      }>('query($k: String!) { apiKeyByToken(key: $k) { id scopes } }', { k: key });
      if (!grant) return null;
      // A scope this gateway does not know grants nothing.
      const scopes = grant.scopes.flatMap((scope) => SCOPE_NAMES[scope] ?? []);
      return { id: grant.id, scopes };
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    // Entrypoints own shutdown (runService, scripts/start.ts); Apollo's own handler would race them.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    formatError: createErrorFormatter({ production, logger }),
    // Both are Apollo's defaults, stated because the protection relies on them.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    // Automatic persisted queries (a GET can then carry a hash instead of the document), shared
    // by every gateway process when the store is on Redis. A document is registered only by a
    // request carrying it in full, which the preflight judged.
    persistedQueries: responseStore ? { cache: responseStore, ttl: 24 * 3600 } : undefined,
    plugins: [
      ...cachingPlugins<GatewayContext>(responseStore, FORWARDED_HEADERS),
      protectionPlugin<GatewayContext>({
        costModel: config.costModel ?? DEFAULT_COST_MODEL,
        maxCost: config.maxCost ?? 5_000,
        budgets,
        limiters,
        logger,
      }),
      // Sandbox in development; in production no landing page at all (nothing to explore).
      production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
    ],
  });
  return serveApollo({
    name: 'gateway',
    apollo,
    logger,
    port: config.port,
    host: config.host,
    intercept: edge.intercept,
    // Only to scrapers on the private network, never through the public edge (README: Metrics).
    metricsAccess: fromPrivateNetwork,
    // No subgraph is checked: one subgraph down must not take every gateway out of the load
    // balancer (the rest of the graph still answers); each subgraph's own /ready says that.
    // GraphiQL, offline, next to Sandbox: development only, like Sandbox.
    routes: production ? [] : graphiqlRoutes(),
    memo: microCache?.memo,
    preflight: createPreflight({
      limits,
      budgets,
      limiters,
      schema: () => apiSchema,
      clientOf: async (request) => (await callerOf(request)).client,
      onChargeFailed: (error) => logger.warn({ err: error }, 'could not charge a refused request'),
    }),
    context: async (request) => {
      const caller = await callerOf(request);
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_HEADERS) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      return {
        headers,
        authenticated: request.headers.authorization !== undefined,
        surrogateKeys: new Set<string>(),
        client: caller.client,
        scopes: caller.actor.kind === 'partner' ? caller.actor.scopes : undefined,
        identity: config.internalToken
          ? await signIdentityAssertion(config.internalToken, caller.actor)
          : undefined,
      };
    },
    maxBodyBytes: 100_000,
    requestTimeoutMs: config.requestTimeoutMs ?? 15_000,
    release: async () => {
      await purges?.close();
      await responseStore?.close();
      await store.close();
      // Calls still running belong to requests already answered (a 504): do not wait for them.
      await agent.destroy();
    },
    details: { rateLimits: store.kind, responseCache: responseStore?.kind ?? 'off' },
  });
}
