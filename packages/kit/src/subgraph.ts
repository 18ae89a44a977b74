import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { gql } from 'graphql-tag';
import type { Logger } from 'pino';
import { SURROGATE_KEY_HEADER } from './cache-purge.ts';
import { currentRequestId } from './http.ts';
import { UpstreamError } from './subgraph-client.ts';

/** Reads a subgraph's SDL file (kept next to its resolvers) as a DocumentNode. */
export function loadTypeDefs(url: URL) {
  return gql(readFileSync(url, 'utf8'));
}

/** A context whose resolvers note the surrogate keys of what they read (`SURROGATE_KEY_HEADER`). */
export interface SurrogateKeyed {
  surrogateKeys?: Set<string>;
}

/** Sends the surrogate keys the resolvers noted in the `surrogate-key` response header. */
const surrogateKeysPlugin: ApolloServerPlugin<BaseContext & SurrogateKeyed> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const keys = contextValue.surrogateKeys;
        if (keys && keys.size > 0)
          response.http.headers.set(SURROGATE_KEY_HEADER, [...keys].join(' '));
      },
    };
  },
};

/**
 * Builds the Apollo Server of a subgraph. Errors the client caused keep their message and code;
 * anything else is logged with its stack and reaches the client as INTERNAL_SERVER_ERROR
 * without internals (SQL text, hostnames) in production.
 */
export function createSubgraphApollo<TContext extends BaseContext>(options: {
  typeDefs: ReturnType<typeof loadTypeDefs>;
  resolvers: unknown;
  logger: Logger;
  production: boolean;
}): ApolloServer<TContext> {
  const schema = buildSubgraphSchema({
    typeDefs: options.typeDefs,
    resolvers: options.resolvers as GraphQLResolverMap<unknown>,
  });
  return new ApolloServer<TContext>({
    schema,
    introspection: true, // the gateway reaches subgraphs only on the private network
    // Entrypoints own shutdown: they close HTTP, workers and pools in order on SIGINT/SIGTERM.
    stopOnTerminationSignals: false,
    // Inline traces are for Apollo Studio's usage reporting, which this project does not use.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      surrogateKeysPlugin as ApolloServerPlugin<TContext>,
    ],
    includeStacktraceInErrorResponses: !options.production,
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const original = unwrapResolverError(error);
      if (original instanceof GraphQLError) return formatted;
      if (original instanceof UpstreamError) {
        options.logger.warn({ err: original, requestId: currentRequestId() }, 'upstream failure');
        return {
          ...formatted,
          message: `${original.service} is unavailable, try again`,
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        };
      }
      if (formatted.extensions?.code && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR') {
        return formatted;
      }
      options.logger.error(
        { err: original, path: formatted.path, requestId: currentRequestId() },
        'resolver failed',
      );
      return options.production
        ? {
            message: 'Internal server error',
            path: formatted.path,
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          }
        : formatted;
    },
  });
}
