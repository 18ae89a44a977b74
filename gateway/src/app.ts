import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  createLogger,
  internalHeaders,
  serveApollo,
  type RunningService,
} from '@commerce-graph/kit';
import { depthLimit } from './depth-limit.ts';

export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(
  new URL('../../schema/supergraph.graphql', import.meta.url),
);

/** Headers the gateway passes on to subgraphs; everything else stays at the edge. */
const FORWARDED_HEADERS = ['authorization', 'accept-language'];

export interface GatewayContext {
  headers: Record<string, string>;
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
  /** Deepest selection set a client may send. */
  maxDepth?: number;
}

/**
 * Starts the Apollo Gateway over the composed supergraph. Subgraphs are reached over HTTP, so
 * their Cache-Control hints reach the client. Apollo Sandbox and introspection are on in
 * development and off in production.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningService> {
  const logger = createLogger('gateway', config.logLevel);
  const production = config.production ?? false;
  const supergraphSdl = readFileSync(config.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, 'utf8');
  const internal = Object.entries(internalHeaders(config.internalToken));
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: config.subgraphUrls?.[name] ?? url,
        willSendRequest({ request, context }) {
          for (const header of FORWARDED_HEADERS) {
            const value = context.headers?.[header];
            if (value) request.http?.headers.set(header, value);
          }
          for (const [name, value] of internal) request.http?.headers.set(name, value);
        },
      }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    // Entrypoints own shutdown (runService, scripts/start.ts); Apollo's own handler would race them.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    validationRules: [depthLimit(config.maxDepth ?? 12)],
    plugins: [
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
    context: async (request) => ({
      headers: Object.fromEntries(
        FORWARDED_HEADERS.flatMap((name) => {
          const value = request.headers[name];
          return typeof value === 'string' ? [[name, value]] : [];
        }),
      ),
    }),
    maxBodyBytes: 100_000,
  });
}
