import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { createClient, createKeyv } from '@keyv/redis';
import etag from 'etag';
import { LRUCache } from 'lru-cache';
import {
  SURROGATE_KEY_HEADER,
  type GraphQLHttpRequest,
  type Logger,
  type MemoizedResponse,
  type ResponseMemo,
} from '@commerce-graph/kit';

/**
 * The gateway's response caches, from the outside in:
 *
 * 1. the micro-cache (`createMicroCache`): whole HTTP answers in this process's memory, served
 *    before the preflight and Apollo, with concurrent identical misses collapsed into one;
 * 2. the response store (`createResponseStore`): Apollo's full-response cache
 *    (`@apollo/server-plugin-response-cache`) on Redis when `REDIS_URL` is set (shared by every
 *    gateway process), in memory otherwise;
 * 3. HTTP caching by the client or a CDN: `Cache-Control` (Apollo's cache control, from the
 *    subgraphs' hints), `ETag` with `304 Not Modified`, `Surrogate-Key` / `Cache-Tag`.
 *
 * Only public answers to callers without credentials are kept, for at most their max-age.
 * Every level drops the answers showing a product, category or collection that changed when the
 * subgraph that changed it notifies a purge (kit's `listenForCachePurges`).
 */

/** Where keys are, what they tag, and how they are purged. */
export interface ResponseStore extends KeyValueCache<string> {
  kind: 'redis' | 'memory';
  /** Records the surrogate keys an entry shows, for purges and for the headers of a hit. */
  tag(key: string, tags: readonly string[], ttlSeconds: number): Promise<void>;
  tagsOf(key: string): Promise<string[]>;
  /** Drops every entry tagged with one of `tags`, or every entry. */
  purge(tags: readonly string[] | 'everything'): Promise<void>;
  close(): Promise<void>;
}

export interface ResponseStoreConfig {
  /** Redis for a store shared by every gateway process; memory otherwise. */
  redisUrl?: string;
  /** Prefix of every Redis key (default `gateway-cache`). */
  namespace?: string;
  /** Memory store only: its size limit (default 64 MB). */
  maxBytes?: number;
}

const ttlMs = (options?: KeyValueCacheSetOptions) =>
  options?.ttl ? Math.max(1, Math.round(options.ttl * 1000)) : undefined;

function memoryStore(maxBytes: number): ResponseStore {
  const entries = new LRUCache<string, string>({
    maxSize: maxBytes,
    sizeCalculation: (value, key) => value.length + key.length,
  });
  const keysOfTag = new LRUCache<string, Set<string>>({ max: 200_000 });
  const tagsOfKey = new LRUCache<string, readonly string[]>({ max: 200_000 });
  return {
    kind: 'memory',
    get: async (key) => entries.get(key),
    set: async (key, value, options) => void entries.set(key, value, { ttl: ttlMs(options) }),
    delete: async (key) => entries.delete(key),
    async tag(key, tags, ttlSeconds) {
      tagsOfKey.set(key, tags, { ttl: ttlSeconds * 1000 });
      for (const tag of tags) {
        const keys = keysOfTag.get(tag) ?? new Set();
        keys.add(key);
        keysOfTag.set(tag, keys);
      }
    },
    tagsOf: async (key) => [...(tagsOfKey.get(key) ?? [])],
    async purge(tags) {
      if (tags === 'everything') {
        entries.clear();
        keysOfTag.clear();
        tagsOfKey.clear();
        return;
      }
      for (const tag of tags) {
        for (const key of keysOfTag.get(tag) ?? []) {
          entries.delete(key);
          tagsOfKey.delete(key);
        }
        keysOfTag.delete(tag);
      }
    },
    close: async () => entries.clear(),
  };
}

async function redisStore(url: string, namespace: string, logger: Logger): Promise<ResponseStore> {
  // Commands fail at once while Redis is away (no offline queue): a request then misses the
  // cache instead of waiting for Redis to come back.
  const client = createClient({ url, disableOfflineQueue: true });
  let lastError = 0;
  client.on('error', (error: unknown) => {
    // A lost connection reports on every reconnection attempt: once a minute is enough.
    if (Date.now() - lastError < 60_000) return;
    lastError = Date.now();
    logger.warn({ err: error }, 'response cache: Redis unavailable, answering without it');
  });
  await client.connect();
  const keyv = createKeyv(client as Parameters<typeof createKeyv>[0], { namespace });
  keyv.on('error', () => undefined); // reported by the client above
  const adapter = new KeyvAdapter<string>(keyv as never);
  const tagSet = (tag: string) => `${namespace}:tag:${tag}`;
  const tagList = (key: string) => `${namespace}:tags:${key}`;
  return {
    kind: 'redis',
    get: (key) => adapter.get(key),
    set: (key, value, options) => adapter.set(key, value, options),
    delete: (key) => adapter.delete(key),
    async tag(key, tags, ttlSeconds) {
      const multi = client.multi().set(tagList(key), tags.join(' '), { EX: ttlSeconds });
      for (const tag of tags) {
        // A tag's set lives as long as its longest entry (entries expire on their own).
        multi.sAdd(tagSet(tag), key).expire(tagSet(tag), ttlSeconds, 'GT');
        multi.expire(tagSet(tag), ttlSeconds, 'NX');
      }
      await multi.exec();
    },
    tagsOf: async (key) => ((await client.get(tagList(key))) ?? '').split(' ').filter(Boolean),
    async purge(tags) {
      if (tags === 'everything') {
        await keyv.clear();
        return;
      }
      for (const tag of tags) {
        const keys = await client.sMembers(tagSet(tag));
        if (keys.length > 0) await Promise.all(keys.map((key) => adapter.delete(key)));
        await client.del([tagSet(tag), ...keys.map(tagList)]);
      }
    },
    async close() {
      await client.close();
    },
  };
}

/**
 * A store that never fails a request: an error (Redis away) is a miss, a write or a purge not
 * done, logged by the store.
 */
function forgiving(store: ResponseStore): ResponseStore {
  const quiet =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>, fallback: R) =>
    (...args: A) =>
      work(...args).catch(() => fallback);
  return {
    kind: store.kind,
    get: quiet((key: string) => store.get(key), undefined),
    set: quiet(
      (key: string, value: string, options?: KeyValueCacheSetOptions) =>
        store.set(key, value, options),
      undefined,
    ),
    delete: quiet((key: string) => store.delete(key), false),
    tag: quiet(
      (key: string, tags: readonly string[], ttl: number) => store.tag(key, tags, ttl),
      undefined,
    ),
    tagsOf: quiet((key: string) => store.tagsOf(key), [] as string[]),
    purge: quiet((tags: readonly string[] | 'everything') => store.purge(tags), undefined),
    close: () => store.close(),
  };
}

/** The response store: Redis when `redisUrl` is set, memory otherwise. */
export async function createResponseStore(
  config: ResponseStoreConfig,
  logger: Logger,
): Promise<ResponseStore> {
  const store = config.redisUrl
    ? await redisStore(config.redisUrl, config.namespace ?? 'gateway-cache', logger)
    : memoryStore(config.maxBytes ?? 64 * 1024 * 1024);
  return forgiving(store);
}

/** What the caching plugins need of the gateway's context. */
export interface CachingContext {
  /** Headers that change the answer (accept-language), part of every cache key. */
  headers: Record<string, string>;
  /** Whether the caller sent credentials: their answers are never kept nor shared. */
  authenticated: boolean;
  /** The surrogate keys the subgraphs' answers named (`collectSurrogateKeys`). */
  surrogateKeys: Set<string>;
  /** The response store key of this request, once the response cache computed it. */
  responseCacheKey?: string;
}

/** Reads the surrogate keys of a subgraph's answer into the request's context. */
export function collectSurrogateKeys(
  context: CachingContext,
  headers: { get(name: string): string | null } | undefined,
): void {
  const keys = headers?.get(SURROGATE_KEY_HEADER);
  if (!keys) return;
  for (const key of keys.split(' ')) if (key) context.surrogateKeys.add(key);
}

/** The public max-age of an answer's `Cache-Control` header, or 0 when it must not be kept. */
export function publicMaxAge(cacheControl: string | undefined): number {
  if (!cacheControl || !/\bpublic\b/.test(cacheControl)) return 0;
  if (/\b(no-store|private|no-cache)\b/.test(cacheControl)) return 0;
  const found = /\bmax-age=(\d+)/.exec(cacheControl);
  return found ? Number(found[1]) : 0;
}

/**
 * Apollo plugins of the response cache and of the HTTP validators:
 * - the response cache on `store`, keyed by the operation, its variables and the forwarded
 *   headers, for callers without credentials only (PRIVATE answers are never kept: there is
 *   no session id);
 * - surrogate keys: recorded with the stored entry, and sent as `Surrogate-Key` and `Cache-Tag`;
 * - an `ETag` over the answer's data and errors (not the extensions, which carry the caller's
 *   own cost and budget), which kit's HTTP server turns into `304 Not Modified`;
 * - the answers of callers with credentials are `private` whatever the subgraphs said: a
 *   shared cache must not keep what staff or a partner saw.
 */
export function cachingPlugins<TContext extends CachingContext>(
  store: ResponseStore | undefined,
  varyHeaders: readonly string[],
): ApolloServerPlugin<TContext>[] {
  const plugins: ApolloServerPlugin<TContext>[] = [];
  if (store) {
    plugins.push(
      responseCachePlugin<TContext>({
        cache: store,
        // No sessions: PRIVATE answers are never kept (and not warned about).
        sessionId: async () => null,
        shouldReadFromCache: async ({ contextValue }) => !contextValue.authenticated,
        shouldWriteToCache: async ({ contextValue }) => !contextValue.authenticated,
        extraCacheKeyData: async ({ contextValue }) => contextValue.headers,
        generateCacheKey: (requestContext: GraphQLRequestContext<TContext>, keyData: unknown) => {
          const key = createHash('sha256').update(JSON.stringify(keyData)).digest('hex');
          requestContext.contextValue.responseCacheKey = `fqc:${key}`;
          return key;
        },
      }),
    );
  }
  plugins.push({
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, overallCachePolicy }) {
          // Apollo's cache control turns the policy into the header, after every plugin.
          if (contextValue.authenticated) overallCachePolicy.restrict({ scope: 'PRIVATE' });
        },
        async willSendResponse({ contextValue, response, overallCachePolicy }) {
          const headers = response.http.headers;
          const policy = overallCachePolicy.policyIfCacheable();
          const shared = !contextValue.authenticated && policy?.scope === 'PUBLIC';
          const cacheKey = contextValue.responseCacheKey;
          let tags = [...contextValue.surrogateKeys];
          if (store && cacheKey && shared) {
            // A hit ran no subgraph: its keys are the ones stored with the entry.
            if (tags.length === 0) tags = await store.tagsOf(cacheKey);
            else await store.tag(cacheKey, tags, policy.maxAge);
          }
          // The forwarded headers change the answer: a shared cache must key on them too.
          if (shared) headers.set('vary', varyHeaders.join(', '));
          if (tags.length > 0) {
            headers.set(SURROGATE_KEY_HEADER, tags.join(' '));
            headers.set('cache-tag', tags.join(','));
          }
          if (response.body.kind === 'single') {
            const { data, errors } = response.body.singleResult;
            headers.set('etag', etag(JSON.stringify({ data, errors })));
          }
        },
      };
    },
  });
  return plugins;
}

export interface MicroCacheOptions {
  /** Headers that change the answer (the gateway's forwarded ones). */
  varyHeaders: readonly string[];
  /** Memory for answers (default 32 MB). */
  maxBytes?: number;
}

interface Kept {
  response: MemoizedResponse;
  storedAt: number;
  maxAge: number;
  tags: string[];
}

/**
 * The micro-cache: whole answers kept in this process's memory for their public max-age,
 * without extensions (each caller's cost and budget are their own), for requests without
 * credentials that Apollo would run (CSRF rule: JSON, or one of Apollo's preflight headers).
 * It implements kit's `ResponseMemo`: the HTTP server answers hits before anything else and
 * collapses identical concurrent requests once a key's answer has been kept.
 */
export function createMicroCache(options: MicroCacheOptions) {
  const keysOfTag = new Map<string, Set<string>>();
  const entries = new LRUCache<string, Kept>({
    maxSize: options.maxBytes ?? 32 * 1024 * 1024,
    sizeCalculation: (kept, key) => kept.response.body.length + key.length + 256,
    // Evicted, expired, replaced or purged: its tags forget it.
    dispose: (kept, key) => {
      for (const tag of kept.tags) {
        const keys = keysOfTag.get(tag);
        keys?.delete(key);
        if (keys?.size === 0) keysOfTag.delete(tag);
      }
    },
  });
  /** Keys whose answer was kept once: concurrent misses for them share one answer. */
  const sharedKeys = new LRUCache<string, true>({ max: 50_000 });

  const memo: ResponseMemo = {
    keyOf(request: GraphQLHttpRequest) {
      const headers = request.raw.headers;
      if (headers.authorization !== undefined) return undefined;
      if (request.method !== 'GET' && request.method !== 'POST') return undefined;
      const contentType = headers['content-type'] ?? '';
      const preflighted =
        /^application\/(json|graphql-response\+json)/.test(contentType.trim()) ||
        headers['apollo-require-preflight'] !== undefined ||
        headers['x-apollo-operation-name'] !== undefined;
      if (!preflighted) return undefined;
      const vary = options.varyHeaders.map((name) => headers[name] ?? '').join('\n');
      const body = request.method === 'POST' ? request.raw.body.toString('utf8') : '';
      return `${request.method}\n${request.search.toString()}\n${vary}\n${body}`;
    },
    get(key) {
      const kept = entries.get(key);
      if (!kept) return undefined;
      const elapsed = Date.now() - kept.storedAt;
      if (elapsed >= kept.maxAge * 1000) {
        entries.delete(key);
        return undefined;
      }
      const age = Math.floor(elapsed / 1000);
      const headers = kept.response.headers.map(([name, value]): [string, string] =>
        name === 'cache-control'
          ? [name, `max-age=${Math.max(0, kept.maxAge - age)}, public`]
          : [name, value],
      );
      headers.push(['age', String(age)]);
      return { ...kept.response, headers };
    },
    shared: (key) => sharedKeys.has(key),
    offer(key, response) {
      if (response.status !== 200) return false;
      const header = (name: string) => response.headers.find(([n]) => n === name)?.[1];
      if (header('set-cookie') !== undefined) return false;
      const maxAge = publicMaxAge(header('cache-control'));
      if (maxAge <= 0) return false;
      let body: string;
      try {
        const parsed = JSON.parse(response.body) as { extensions?: unknown };
        if (parsed.extensions === undefined) body = response.body;
        else {
          delete parsed.extensions;
          body = JSON.stringify(parsed);
        }
      } catch {
        return false;
      }
      const tags = (header(SURROGATE_KEY_HEADER) ?? '').split(' ').filter(Boolean);
      entries.set(
        key,
        {
          response: {
            status: 200,
            headers: response.headers.filter(([name]) => name !== 'content-length'),
            body,
          },
          storedAt: Date.now(),
          maxAge,
          tags,
        },
        { ttl: maxAge * 1000 },
      );
      for (const tag of tags) {
        let keys = keysOfTag.get(tag);
        if (!keys) keysOfTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
      sharedKeys.set(key, true);
      return true;
    },
  };

  return {
    memo,
    /** Drops every answer tagged with one of `tags`, or every answer. */
    purge(tags: readonly string[] | 'everything') {
      if (tags === 'everything') {
        entries.clear();
        return;
      }
      for (const tag of tags) {
        for (const key of [...(keysOfTag.get(tag) ?? [])]) entries.delete(key);
      }
    },
    /** Answers kept now (for tests and metrics). */
    get size() {
      return entries.size;
    },
  };
}

export type MicroCache = ReturnType<typeof createMicroCache>;
