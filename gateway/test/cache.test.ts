import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GraphQLHttpRequest, MemoizedResponse } from '@commerce-graph/kit';
import { createMicroCache, createResponseStore, publicMaxAge } from '../src/cache.ts';
import { createLogger } from '@commerce-graph/kit';

const request = (
  headers: Record<string, string>,
  method = 'POST',
  body = '{"query":"{ a }"}',
): GraphQLHttpRequest => ({
  method,
  search: new URLSearchParams(method === 'GET' ? 'query=%7B%20a%20%7D' : ''),
  body: method === 'POST' ? JSON.parse(body) : undefined,
  raw: {
    headers,
    body: Buffer.from(method === 'POST' ? body : ''),
    remoteAddress: '127.0.0.1',
    requestId: 'r',
  },
});

const JSON_HEADERS = { 'content-type': 'application/json' };

const answer = (
  cacheControl: string,
  extra: Array<[string, string]> = [],
  status = 200,
): MemoizedResponse => ({
  status,
  headers: [['cache-control', cacheControl], ['content-type', 'application/json'], ...extra],
  body: JSON.stringify({ data: { a: 1 }, extensions: { cost: { requested: 3 } } }),
});

describe('the micro-cache', () => {
  afterEach(() => vi.useRealTimers());

  it('keys only requests without credentials that Apollo would run', () => {
    const { memo } = createMicroCache({ varyHeaders: ['accept-language'] });
    expect(memo.keyOf(request(JSON_HEADERS))).toBeDefined();
    expect(memo.keyOf(request({ ...JSON_HEADERS, authorization: 'Bearer x' }))).toBeUndefined();
    // A GET needs one of Apollo's CSRF preflight headers, as Apollo itself requires.
    expect(memo.keyOf(request({}, 'GET'))).toBeUndefined();
    expect(memo.keyOf(request({ 'apollo-require-preflight': 'true' }, 'GET'))).toBeDefined();
    expect(memo.keyOf(request({ 'content-type': 'text/plain' }))).toBeUndefined();
    // The forwarded headers change the answer, so they change the key.
    expect(memo.keyOf(request({ ...JSON_HEADERS, 'accept-language': 'de' }))).not.toBe(
      memo.keyOf(request({ ...JSON_HEADERS, 'accept-language': 'nl' })),
    );
  });

  it('keeps public answers for their max-age, without extensions, and ages them', () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
    const { memo } = createMicroCache({ varyHeaders: [] });
    const key = memo.keyOf(request(JSON_HEADERS))!;
    expect(memo.shared(key)).toBe(false);
    expect(memo.offer(key, answer('max-age=10, public'))).toBe(true);
    expect(memo.shared(key)).toBe(true);
    vi.advanceTimersByTime(4_000);
    const kept = memo.get(key)!;
    expect(JSON.parse(kept.body)).toEqual({ data: { a: 1 } });
    expect(kept.headers).toContainEqual(['cache-control', 'max-age=6, public']);
    expect(kept.headers).toContainEqual(['age', '4']);
    vi.advanceTimersByTime(7_000);
    expect(memo.get(key)).toBeUndefined();
  });

  it('refuses private, uncacheable, failed and cookie-setting answers', () => {
    const { memo } = createMicroCache({ varyHeaders: [] });
    const key = memo.keyOf(request(JSON_HEADERS))!;
    expect(memo.offer(key, answer('no-store'))).toBe(false);
    expect(memo.offer(key, answer('max-age=10, private'))).toBe(false);
    expect(memo.offer(key, answer('max-age=0, public'))).toBe(false);
    expect(memo.offer(key, answer('max-age=10, public', [], 500))).toBe(false);
    expect(memo.offer(key, answer('max-age=10, public', [['set-cookie', 'a=b']]))).toBe(false);
    expect(memo.get(key)).toBeUndefined();
    expect(memo.shared(key)).toBe(false);
  });

  it('purges the answers tagged with a surrogate key, and only those', () => {
    const cache = createMicroCache({ varyHeaders: [] });
    const one = cache.memo.keyOf(request(JSON_HEADERS, 'POST', '{"query":"{ one }"}'))!;
    const two = cache.memo.keyOf(request(JSON_HEADERS, 'POST', '{"query":"{ two }"}'))!;
    cache.memo.offer(one, answer('max-age=60, public', [['surrogate-key', 'product:1 products']]));
    cache.memo.offer(two, answer('max-age=60, public', [['surrogate-key', 'product:2 products']]));
    cache.purge(['product:1']);
    expect(cache.memo.get(one)).toBeUndefined();
    expect(cache.memo.get(two)).toBeDefined();
    cache.purge(['products']);
    expect(cache.size).toBe(0);
  });
});

describe('the response store in memory', () => {
  it('purges entries by tag and remembers the tags of an entry', async () => {
    const store = await createResponseStore({}, createLogger('test', 'silent'));
    await store.set('fqc:a', 'A', { ttl: 60 });
    await store.set('fqc:b', 'B', { ttl: 60 });
    await store.tag('fqc:a', ['product:1', 'products'], 60);
    await store.tag('fqc:b', ['product:2', 'products'], 60);
    expect(await store.tagsOf('fqc:a')).toEqual(['product:1', 'products']);
    await store.purge(['product:1']);
    expect(await store.get('fqc:a')).toBeUndefined();
    expect(await store.get('fqc:b')).toBe('B');
    await store.purge('everything');
    expect(await store.get('fqc:b')).toBeUndefined();
    await store.close();
  });
});

describe('publicMaxAge', () => {
  it('reads the max-age of public answers only', () => {
    expect(publicMaxAge('max-age=5, public')).toBe(5);
    expect(publicMaxAge('max-age=5, private')).toBe(0);
    expect(publicMaxAge('no-store')).toBe(0);
    expect(publicMaxAge(undefined)).toBe(0);
  });
});
