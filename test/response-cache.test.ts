import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startGateway } from '@commerce-graph/gateway';
import type { RunningService } from '@commerce-graph/kit';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { isBackgroundStatement } from '../scripts/background-statements.ts';
import { startTestGraph, type TestGraph } from './support/graph.ts';
import { graphql } from './support/graphql.ts';
import { eventually } from './support/eventually.ts';
import { queueBackends } from './support/queues.ts';

const INTERNAL_TOKEN = 'response-cache-internal-token-0123456789';
const catalog = buildDemoCatalog(8);
const SLUG = catalog.products[0]!.slug;

const PAGE = /* GraphQL */ `
  query Page($slug: String!) {
    product(slug: $slug) {
      id
      name
      variants {
        id
        price {
          amount
          currencyCode
        }
        availability {
          inStock
        }
      }
    }
  }
`;

interface Page {
  product: { id: string; name: string; variants: Array<{ id: string }> };
}

/** A GET of a persisted query's hash alone, as a CDN-friendly client sends it. */
async function getPersisted(url: string, query: string, variables: object, etag?: string) {
  const hash = createHash('sha256').update(query).digest('hex');
  const params = new URLSearchParams({
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
  });
  return fetch(`${url}?${params}`, {
    headers: {
      'apollo-require-preflight': 'true',
      ...(etag ? { 'if-none-match': etag } : {}),
    },
  });
}

describe.each(queueBackends())('response caching ($name)', (backend) => {
  let shop: TestGraph;
  let second: RunningService;
  let gatewayUrl: string;
  const statements = { products: 0, inventory: 0, cart: 0, checkout: 0 };

  beforeAll(async () => {
    const redisUrl = backend.name === 'redis' ? inject('redisUrl') : undefined;
    const responseCache = { redisUrl, namespace: `test_rc_${randomBytes(5).toString('hex')}` };
    shop = await startTestGraph(backend, {
      catalog,
      internalToken: INTERNAL_TOKEN,
      onQuery: (subgraph, query) => {
        if (!isBackgroundStatement(query)) statements[subgraph] += 1;
      },
      gateway: { responseCache },
    });
    gatewayUrl = shop.graph.gatewayUrl;
    // A second gateway process of the same deployment: same store, same purges.
    const url = (name: string) => shop.url(name);
    second = await startGateway({
      port: 0,
      logLevel: 'silent',
      internalToken: INTERNAL_TOKEN,
      responseCache,
      cachePurgeDatabaseUrl: shop.databaseUrl,
      subgraphUrls: {
        products: url('products'),
        inventory: url('inventory'),
        cart: url('cart'),
        checkout: url('checkout'),
        identity: url('identity'),
      },
    });
  });

  afterAll(async () => {
    await second?.close();
    await shop?.close();
  });

  it('serves a public page again from memory, with its age, ETag and surrogate keys', async () => {
    const first = await graphql<Page>(gatewayUrl, PAGE, { slug: SLUG });
    expect(first.errors).toBeUndefined();
    expect(first.headers.get('cache-control')).toBe('max-age=5, public');
    expect(first.headers.get('vary')).toMatch(/accept-language/);
    expect(first.headers.get('age')).toBeNull();
    const id = first.data!.product.id;
    const keys = first.headers.get('surrogate-key')!.split(' ');
    expect(keys).toContain(`product:${id}`);
    expect(first.headers.get('cache-tag')!.split(',')).toEqual(keys);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"/);

    const before = statements.products;
    const again = await graphql<Page>(gatewayUrl, PAGE, { slug: SLUG });
    expect(again.data).toEqual(first.data);
    expect(again.headers.get('age')).not.toBeNull();
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('surrogate-key')).toBe(first.headers.get('surrogate-key'));
    expect(
      Number(/max-age=(\d+)/.exec(again.headers.get('cache-control')!)![1]),
    ).toBeLessThanOrEqual(5);
    expect(statements.products).toBe(before);
  });

  it('shares the store between gateway processes', async () => {
    const slug = catalog.products[1]!.slug;
    const fromFirst = await graphql<Page>(gatewayUrl, PAGE, { slug });
    const before = statements.products;
    const fromSecond = await graphql<Page>(second.url, PAGE, { slug });
    expect(fromSecond.data).toEqual(fromFirst.data);
    expect(fromSecond.headers.get('surrogate-key')).toBe(fromFirst.headers.get('surrogate-key'));
    if (backend.name === 'redis') {
      // A hit in the shared store ran no subgraph, and still names what it shows.
      expect(statements.products).toBe(before);
    } else {
      // In memory, each process has a store of its own.
      expect(statements.products).toBeGreaterThan(before);
    }
  });

  it('answers persisted queries over GET, and 304 to a client that has the same answer', async () => {
    const slug = catalog.products[2]!.slug;
    const unknown = await getPersisted(gatewayUrl, PAGE, { slug });
    const refused = (await unknown.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(refused.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const hash = createHash('sha256').update(PAGE).digest('hex');
    const registered = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: PAGE,
        variables: { slug },
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      }),
    });
    expect(registered.status).toBe(200);

    const viaGet = await getPersisted(gatewayUrl, PAGE, { slug });
    expect(viaGet.status).toBe(200);
    expect(viaGet.headers.get('cache-control')).toMatch(/^max-age=\d+, public$/);
    const etag = viaGet.headers.get('etag')!;
    expect(((await viaGet.json()) as { data: Page }).data.product.name).toBeTruthy();

    const notModified = await getPersisted(gatewayUrl, PAGE, { slug }, etag);
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    // The other gateway knows the hash too (the store holds it) when it is on Redis.
    if (backend.name === 'redis') {
      expect((await getPersisted(second.url, PAGE, { slug })).status).toBe(200);
    }
  });

  it('never keeps what a signed-in caller sees, nor carts, and marks staff answers private', async () => {
    const staff = await shop.staffHeaders();
    const slug = catalog.products[3]!.slug;
    const first = await graphql<Page>(gatewayUrl, PAGE, { slug }, staff);
    expect(first.headers.get('cache-control')).toBe('max-age=5, private');
    const before = statements.products;
    const again = await graphql<Page>(gatewayUrl, PAGE, { slug }, staff);
    expect(again.headers.get('age')).toBeNull();
    expect(statements.products).toBeGreaterThan(before);
    // Nor does an anonymous caller get what staff saw.
    const anonymous = await graphql<Page>(gatewayUrl, PAGE, { slug });
    expect(anonymous.headers.get('age')).toBeNull();

    const created = await graphql<{ createCart: { id: string } }>(
      gatewayUrl,
      'mutation { createCart { id } }',
    );
    const cartQuery = 'query($id: ID!) { cart(id: $id) { id lines { quantity } } }';
    const cart = { id: created.data!.createCart.id };
    await graphql(gatewayUrl, cartQuery, cart);
    const cartAgain = await graphql(gatewayUrl, cartQuery, cart);
    expect(cartAgain.headers.get('cache-control')).toBe('no-store');
    expect(cartAgain.headers.get('age')).toBeNull();
  });

  it('purges every gateway process when the product changes', async () => {
    const slug = catalog.products[4]!.slug;
    const cached = await graphql<Page>(gatewayUrl, PAGE, { slug });
    await graphql<Page>(second.url, PAGE, { slug });
    const id = cached.data!.product.id;
    const renamed = `${cached.data!.product.name} (renamed)`;
    const updated = await graphql<{ updateProduct: { __typename: string } }>(
      gatewayUrl,
      'mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { __typename } }',
      { id, input: { name: renamed } },
      await shop.staffHeaders(),
    );
    expect(updated.data?.updateProduct.__typename).toBe('Product');

    // Both processes drop their copies (memory and store) once the change commits.
    for (const url of [gatewayUrl, second.url]) {
      const fresh = await eventually(async () => {
        const page = await graphql<Page>(url, PAGE, { slug });
        return page.data?.product.name === renamed && page;
      });
      expect(fresh.headers.get('surrogate-key')).toContain(`product:${id}`);
    }
    expect((await graphql<Page>(second.url, PAGE, { slug })).headers.get('age')).not.toBeNull();
  });

  it('collapses concurrent requests for an answer it keeps into one', async () => {
    const slug = catalog.products[5]!.slug;
    await graphql<Page>(second.url, PAGE, { slug });
    const one = statements.products;
    await graphql<Page>(second.url, PAGE, { slug, _: 1 });
    const perPage = statements.products - one;
    expect(perPage).toBeGreaterThan(0);
    // Both answers are kept and tagged with the product. A purge (as a stock or catalog change
    // sends) drops them together: once the second is gone, so is the first.
    const { id } = (await graphql<Page>(second.url, PAGE, { slug })).data!.product;
    await shop.sql`select pg_notify('cache_purge', ${`product:${id}`})`;
    await eventually(async () => {
      const page = await graphql<Page>(second.url, PAGE, { slug, _: 1 });
      return page.headers.get('age') === null;
    });
    const before = statements.products;
    const pages = await Promise.all(
      Array.from({ length: 10 }, () => graphql<Page>(second.url, PAGE, { slug })),
    );
    for (const page of pages) expect(page.data?.product.id).toBe(id);
    expect(statements.products - before).toBeLessThanOrEqual(perPage);
  });
});
