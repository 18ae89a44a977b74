import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** The codes the gateway refuses a request with, before any subgraph is asked. */
export type RefusalCode =
  | 'QUERY_TOO_MANY_TOKENS'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_MANY_ALIASES'
  | 'QUERY_TOO_MANY_DIRECTIVES'
  | 'QUERY_TOO_MANY_ROOT_FIELDS'
  | 'QUERY_TOO_MANY_FIELDS'
  | 'QUERY_TOO_COMPLEX'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SERVICE_UNAVAILABLE'
  | 'THROTTLED';

/**
 * An error that ends the request with an HTTP status (400 unless said otherwise), a stable
 * `extensions.code` and whatever the client needs to fix or retry it.
 */
export function refusal(
  code: RefusalCode,
  message: string,
  extensions: Record<string, unknown> = {},
  http: { status?: number; headers?: Record<string, string> } = {},
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code,
      ...extensions,
      http: {
        status: http.status ?? 400,
        headers: new HeaderMap(Object.entries(http.headers ?? {})),
      },
    },
  });
}

/** Refused with 429 and `Retry-After`: the client's budget is spent until `msBeforeReset`. */
export function throttled(
  message: string,
  msBeforeReset: number,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeReset / 1000));
  return refusal(
    'THROTTLED',
    `${message}; retry in ${retryAfter} s`,
    { retryAfterSeconds: retryAfter, ...extensions },
    { status: 429, headers: { 'retry-after': String(retryAfter) } },
  );
}
