import type { GraphQLFormattedError } from 'graphql';
import { currentRequestId, type Logger } from '@commerce-graph/kit';

/** Codes whose message is meant for the client: it caused the error and can act on it. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'THROTTLED',
  'QUERY_TOO_MANY_TOKENS',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_MANY_ALIASES',
  'QUERY_TOO_MANY_DIRECTIVES',
  'QUERY_TOO_MANY_ROOT_FIELDS',
  'QUERY_TOO_MANY_FIELDS',
  'QUERY_TOO_COMPLEX',
]);
/** Extensions a client may see besides `code` and `requestId`; the rest (serviceName, ...) stays. */
const CLIENT_EXTENSIONS = ['cost', 'retryAfterSeconds', 'field', 'missingScopes'];

/** "Did you mean ...?" hints name fields the client did not know about (internal ones too). */
const stripSuggestions = (message: string) => message.replace(/ ?Did you mean(.+?)\?$/, '');

/**
 * The gateway's `formatError`. Every error carries the request id, which the logs carry too.
 * In production only errors the client caused keep their message (without field suggestions);
 * a subgraph's own unavailability says so without naming it; anything else is logged in full
 * and reaches the client as `Internal server error`: no stack traces, SQL, subgraph names,
 * URLs or upstream bodies.
 */
export function createErrorFormatter(options: { production: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = currentRequestId();
    const code = formatted.extensions?.code;
    if (!options.production) {
      return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    }
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const extensions: Record<string, unknown> = { code, requestId };
      for (const key of CLIENT_EXTENSIONS) {
        if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
      }
      return {
        message: stripSuggestions(formatted.message),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions,
      };
    }
    const unavailable = code === 'SERVICE_UNAVAILABLE';
    options.logger[unavailable ? 'warn' : 'error'](
      { err: error, requestId, path: formatted.path, extensions: formatted.extensions },
      formatted.message,
    );
    return {
      message: unavailable ? 'A service is unavailable, try again' : 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: unavailable ? code : 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
