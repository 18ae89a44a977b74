import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '@commerce-graph/kit';
import { graphql } from '../../test/support/graphql.ts';
import { startGateway } from '../src/app.ts';
import { readEnv } from '../src/env.ts';

// The gateway plans from the supergraph file alone; these requests never reach a subgraph.
const UNREACHABLE = 'http://127.0.0.1:9/graphql';
const subgraphUrls = {
  products: UNREACHABLE,
  inventory: UNREACHABLE,
  cart: UNREACHABLE,
  checkout: UNREACHABLE,
};

describe('gateway', () => {
  let development: RunningService;
  let production: RunningService;

  beforeAll(async () => {
    development = await startGateway({ port: 0, subgraphUrls, logLevel: 'silent' });
    production = await startGateway({
      port: 0,
      subgraphUrls,
      logLevel: 'silent',
      production: true,
      corsOrigins: ['https://shop.example'],
      trustProxy: ['loopback'],
    });
  });

  afterAll(async () => {
    await development?.close();
    await production?.close();
  });

  it('offers Apollo Sandbox and introspection in development', async () => {
    const page = await fetch(development.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('embeddable-sandbox');
    const schema = await graphql<{ __schema: { queryType: { name: string } } }>(
      development.url,
      '{ __schema { queryType { name } } }',
    );
    expect(schema.data?.__schema.queryType.name).toBe('Query');
  });

  it('turns introspection and Sandbox off in production', async () => {
    const schema = await graphql(production.url, '{ __schema { queryType { name } } }');
    expect(schema.status).toBe(400);
    expect(schema.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    const page = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('embeddable-sandbox');
  });

  it('hides the internal mutations from the public schema', async () => {
    const { data } = await graphql<{ __type: { fields: Array<{ name: string }> } }>(
      development.url,
      '{ __type(name: "Mutation") { fields { name } } }',
    );
    const names = data!.__type.fields.map((f) => f.name);
    expect(names).toContain('placeOrder');
    expect(names).not.toContain('reserveStock');
    expect(names).not.toContain('releaseReservation');
  });

  it('answers a body over 100 kB with 413, and a subgraph that is down with an error, not a crash', async () => {
    const big = await fetch(development.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ products(first: 1) { totalCount } }`,
        pad: 'x'.repeat(200_000),
      }),
    });
    expect(big.status).toBe(413);
    const down = await graphql(development.url, '{ products(first: 1) { totalCount } }');
    expect(down.errors?.length).toBeGreaterThan(0);
    const health = await fetch(development.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
  });

  it('masks errors in production: no URLs, subgraph names or stack traces, a request id instead', async () => {
    const down = await graphql(production.url, '{ products(first: 1) { totalCount } }');
    const text = JSON.stringify(down.errors);
    expect(down.errors?.[0]?.message).toBe('Internal server error');
    expect(down.errors?.[0]?.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      requestId: down.headers.get('x-request-id'),
    });
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|products|stacktrace|serviceName/);
    const mine = await graphql(production.url, '{ __typename }', undefined, {
      'x-request-id': 'my-request-0001',
    });
    expect(mine.headers.get('x-request-id')).toBe('my-request-0001');
  });

  it('sends security headers, and HSTS only for requests that came over TLS', async () => {
    const plain = await fetch(production.url.replace('/graphql', '/health'));
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
    expect(plain.headers.get('content-security-policy')).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    expect(plain.headers.get('x-frame-options')).toBe('DENY');
    expect(plain.headers.get('referrer-policy')).toBe('no-referrer');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await fetch(production.url.replace('/graphql', '/health'), {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });

  it('allows the CORS origins it lists, and no others', async () => {
    const preflight = (origin: string) =>
      fetch(production.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://shop.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('abandons a subgraph that does not answer, and answers 504 past the request time limit', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = http.createServer(() => undefined); // accepts, never answers
    silent.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    const slow = { products: url, inventory: url, cart: url, checkout: url };
    const timedOut = await startGateway({
      port: 0,
      subgraphUrls: slow,
      logLevel: 'silent',
      production: true,
      subgraphTimeoutMs: 200,
    });
    const stuck = await startGateway({
      port: 0,
      subgraphUrls: slow,
      logLevel: 'silent',
      production: true,
      subgraphTimeoutMs: 5_000,
      requestTimeoutMs: 300,
    });
    try {
      const startedAt = performance.now();
      const fetchTimeout = await graphql(timedOut.url, '{ products(first: 1) { totalCount } }');
      expect(fetchTimeout.status).toBe(200);
      expect(fetchTimeout.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const requestTimeout = await graphql(stuck.url, '{ products(first: 1) { totalCount } }');
      expect(requestTimeout.status).toBe(504);
      expect(requestTimeout.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      expect(performance.now() - startedAt).toBeLessThan(4_000);
    } finally {
      await timedOut.close();
      await stuck.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('gateway configuration', () => {
  it('reads CORS origins and budgets', () => {
    const env = readEnv({ CORS_ORIGINS: 'https://a.example, https://b.example:8443' });
    expect(env.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(() => readEnv({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(readEnv({}).ANONYMOUS_COST_BUDGET).toBe(10_000);
  });
});
