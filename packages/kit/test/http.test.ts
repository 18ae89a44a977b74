import { ApolloServer } from '@apollo/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, createLogger, listen, type RunningHttpServer } from '../src/index.ts';

const logger = createLogger('test', 'silent');

async function serve(options: { internalToken?: string; maxBodyBytes?: number } = {}) {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { ok: Boolean }',
    resolvers: { Query: { ok: () => true } },
  });
  await apollo.start();
  const server = createHttpServer({
    apollo,
    context: async () => ({}),
    logger,
    routes: [
      {
        method: 'POST',
        path: '/slow',
        handle: async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return { status: 200, body: '"done"' };
        },
      },
    ],
    ...options,
  });
  return { apollo, http: await listen(server, 0) };
}

describe('createHttpServer', () => {
  let running: { apollo: ApolloServer; http: RunningHttpServer } | undefined;
  afterEach(async () => {
    await running?.http.close();
    await running?.apollo.stop();
    running = undefined;
  });

  it('lets a request in flight finish when it is closed', async () => {
    running = await serve();
    const slow = fetch(running.http.url.replace('/graphql', '/slow'), { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = running.http.close();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('"done"');
    await closed;
    await expect(fetch(running.http.url, { method: 'POST' })).rejects.toThrow();
  });

  it('answers an oversized body with 413', async () => {
    running = await serve({ maxBodyBytes: 1_000 });
    const response = await fetch(running.http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ok }', padding: 'x'.repeat(5_000) }),
    });
    expect(response.status).toBe(413);
  });

  it('refuses GraphQL without the internal token, and serves it with the token', async () => {
    running = await serve({ internalToken: 'a'.repeat(32) });
    const post = (headers: Record<string, string>) =>
      fetch(running!.http.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ ok }' }),
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-internal-token': 'b'.repeat(32) })).status).toBe(401);
    const ok = await post({ 'x-internal-token': 'a'.repeat(32) });
    expect(await ok.json()).toEqual({ data: { ok: true } });
    const health = await fetch(running.http.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
  });

  it('answers a body that is not JSON with 400', async () => {
    running = await serve();
    const response = await fetch(running.http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{ not json',
    });
    expect(response.status).toBe(400);
  });
});
