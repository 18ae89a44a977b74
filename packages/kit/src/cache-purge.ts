import postgres from 'postgres';
import type { Logger } from 'pino';

/**
 * Surrogate keys name what an answer shows (`product:<id>`, `category:<id>`, `products` for
 * lists of products), so that caches can drop every answer showing something that changed.
 * Subgraphs send them in this response header, space-separated; the gateway merges them into
 * its own answer (and as `Cache-Tag`, comma-separated) for the CDN.
 */
export const SURROGATE_KEY_HEADER = 'surrogate-key';

/**
 * The PostgreSQL NOTIFY channel of cache purges. A subgraph sends the keys of what changed in
 * the transaction that changes it (`purgeStatementPayloads`), so the purge is delivered when, and
 * only if, the change commits, to every gateway process listening.
 */
export const CACHE_PURGE_CHANNEL = 'cache_purge';

/** A NOTIFY payload must stay under 8,000 bytes. */
const MAX_PAYLOAD_BYTES = 7_900;

/** Surrogate keys as NOTIFY payloads: space-separated, each payload under the size limit. */
export function purgePayloads(keys: Iterable<string>): string[] {
  const payloads: string[] = [];
  let current = '';
  for (const key of new Set(keys)) {
    if (current && current.length + 1 + key.length > MAX_PAYLOAD_BYTES) {
      payloads.push(current);
      current = '';
    }
    current = current ? `${current} ${key}` : key;
  }
  if (current) payloads.push(current);
  return payloads;
}

export interface CachePurgeListener {
  close(): Promise<void>;
}

/**
 * Listens for cache purges. `onPurge` gets the keys of each notification, or `'everything'`
 * after the listening connection was lost and came back (notifications may have been missed
 * meanwhile, so whatever is cached may be stale).
 */
export async function listenForCachePurges(
  databaseUrl: string,
  onPurge: (keys: string[] | 'everything') => void,
  logger: Logger,
): Promise<CachePurgeListener> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  let listening = false;
  await sql.listen(
    CACHE_PURGE_CHANNEL,
    (payload) => onPurge(payload.split(' ').filter(Boolean)),
    () => {
      if (listening) {
        logger.warn('cache purge channel reconnected: purging everything');
        onPurge('everything');
      }
      listening = true;
    },
  );
  return { close: () => sql.end({ timeout: 5 }) };
}
