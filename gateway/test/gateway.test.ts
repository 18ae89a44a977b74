import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '@commerce-graph/kit';
import { graphql } from '../../test/support/graphql.ts';
import { startGateway } from '../src/app.ts';

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
});
