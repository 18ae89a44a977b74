/**
 * What the services run on their own polls, not for a request: outbox relays and the price
 * boundary poll (begin, a `select ... for update skip locked`, commit). Statement counts of a
 * request leave them out; a request path that opens a transaction itself must not rely on it.
 */
export const isBackgroundStatement = (query: string): boolean =>
  /outbox_events|skip locked|^\s*(begin|commit|rollback)\b/i.test(query);
