import { GraphQLError } from 'graphql';

/** A client mistake that the schema's types cannot express (a malformed id, say). */
export function badUserInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra } });
}

/** The caller lacks the credentials an operation needs. */
export function forbidden(message = 'This operation is not allowed to this caller'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID; lets services refuse malformed ids before they reach SQL. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
