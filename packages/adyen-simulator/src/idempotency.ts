import type { ApiResponse } from './api-response.ts';

/** Adyen rejects longer `Idempotency-Key` values. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 64;

type Entry = { state: 'in-flight' } | { state: 'done'; response: ApiResponse };

export type IdempotencyClaim =
  { kind: 'new' } | { kind: 'replay'; response: ApiResponse } | { kind: 'in-flight' };

/**
 * Remembers the first response per (credential, Idempotency-Key). Kept in memory for the life
 * of the simulator, which is shorter than Adyen's seven days and long enough for any test.
 */
export function createIdempotencyStore() {
  const entries = new Map<string, Entry>();
  // The NUL separator cannot appear in an HTTP header value, so scopes cannot collide.
  const id = (scope: string, key: string): string => `${scope}\u0000${key}`;

  /** Claims a key for a new request, or says why the request must not run again. */
  function claim(scope: string, key: string): IdempotencyClaim {
    const entry = entries.get(id(scope, key));
    if (entry === undefined) {
      entries.set(id(scope, key), { state: 'in-flight' });
      return { kind: 'new' };
    }
    return entry.state === 'done'
      ? { kind: 'replay', response: entry.response }
      : { kind: 'in-flight' };
  }

  /** Stores the response to replay; server errors are transient and free the key instead. */
  function complete(scope: string, key: string, response: ApiResponse): void {
    if (response.status >= 500) entries.delete(id(scope, key));
    else entries.set(id(scope, key), { state: 'done', response });
  }

  /** Frees a key whose request died before producing a response. */
  function release(scope: string, key: string): void {
    entries.delete(id(scope, key));
  }

  return { claim, complete, release };
}
