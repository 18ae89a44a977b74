import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { runOrderFlow } from '../examples/order-flow.ts';
import {
  CartDocument,
  CategoryPageDocument,
  createClient,
  GraphQLClientError,
  ProductListDocument,
  type TypedDocumentNode,
} from '../src/index.ts';

const catalog = buildDemoCatalog(8);

/** A fetch that records what the client sent, so a test can see GET-with-hash versus POST. */
function recordingFetch() {
  const sent: Array<{ method: string; withQuery: boolean; hashed: boolean }> = [];
  const recorded: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as object) : {};
    sent.push({
      method: init?.method ?? 'GET',
      withQuery: url.searchParams.has('query') || 'query' in body,
      hashed: (url.searchParams.get('extensions') ?? JSON.stringify(body)).includes('sha256Hash'),
    });
    return fetch(input, init);
  };
  return { sent, fetch: recorded };
}

// One backend is enough: the queues are not what this client is about.
const backend = queueBackends()[0]!;

describe('the storefront client', () => {
  let shop: TestGraph;
  let url: string;

  beforeAll(async () => {
    // The response cache on: it is also the gateway's store of persisted queries.
    shop = await startTestGraph(backend, {
      catalog,
      gateway: { responseCache: { namespace: `test_client_${randomBytes(5).toString('hex')}` } },
    });
    url = shop.graph.gatewayUrl;
  });

  afterAll(async () => {
    await shop?.close();
  });

  it('runs the README order flow until the order is PAID', async () => {
    const order = await runOrderFlow(createClient({ url }), { email: 'client@example.com' });
    expect(order.status).toBe('PAID');
    expect(order.email).toBe('client@example.com');
    expect(order.payment.status).toBe('AUTHORISED');
    expect(order.lines).toHaveLength(1);
    expect(order.total.amount).toBe(
      order.subtotal.amount -
        order.discount.amount +
        order.shipping.amount +
        (order.taxIncluded ? 0 : order.tax.amount),
    );
  });

  it('runs the example as a plain Node script against the gateway', async () => {
    const script = fileURLToPath(new URL('../examples/order-flow.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      script,
      url,
    ]);
    expect(stdout).toMatch(/^order \S+ PAID: /m);
    expect(JSON.parse(stdout.slice(stdout.indexOf('\n{') + 1))).toMatchObject({ status: 'PAID' });
  });

  it('runs the same flow with queries persisted over GET', async () => {
    const { sent, fetch } = recordingFetch();
    const order = await runOrderFlow(createClient({ url, fetch, persisted: true }));
    expect(order.status).toBe('PAID');
    const gets = sent.filter((s) => s.method === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.every((s) => s.hashed && !s.withQuery)).toBe(true);
  });

  it('sends a persisted query in full once, then by its hash alone, with the same answer', async () => {
    const { sent, fetch } = recordingFetch();
    const persisted = createClient({ url, fetch, persisted: true });
    const posted = createClient({ url });
    // A document the flows above did not send, so the gateway does not know its hash yet.
    const variables = { inStock: true, first: 4 };

    const viaPost = await posted.request(CategoryPageDocument, variables);
    const first = await persisted.request(CategoryPageDocument, variables);
    expect(sent).toEqual([
      { method: 'GET', withQuery: false, hashed: true },
      { method: 'POST', withQuery: true, hashed: true },
    ]);
    sent.length = 0;
    const second = await persisted.request(CategoryPageDocument, variables);
    expect(sent).toEqual([{ method: 'GET', withQuery: false, hashed: true }]);
    expect(first).toEqual(viaPost);
    expect(second).toEqual(viaPost);
    expect(viaPost.search.products.edges).toHaveLength(4);
    expect(viaPost.search.facets.length).toBeGreaterThan(0);
    for (const facet of viaPost.search.facets) {
      expect(facet.values.every((v) => v.count > 0)).toBe(true);
    }
  });

  it('takes headers from a function per request and answers optional variables by default', async () => {
    let calls = 0;
    const client = createClient({ url, headers: () => ({ 'x-request-id': `r${++calls}` }) });
    const { products } = await client.request(ProductListDocument);
    expect(products.totalCount).toBe(catalog.products.length);
    await client.request(CartDocument, { id: crypto.randomUUID() });
    expect(calls).toBe(2);
  });

  it('throws a GraphQLClientError with the codes and the HTTP status', async () => {
    const client = createClient({ url });
    const wrong = {
      kind: 'Document',
      definitions: [
        {
          kind: 'OperationDefinition',
          operation: 'query',
          name: { kind: 'Name', value: 'Wrong' },
          selectionSet: {
            kind: 'SelectionSet',
            selections: [{ kind: 'Field', name: { kind: 'Name', value: 'nope' } }],
          },
        },
      ],
    } as TypedDocumentNode<{ nope: string }, Record<string, never>>;
    const error = await client.request(wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLClientError);
    expect((error as GraphQLClientError).status).toBe(400);
    expect((error as GraphQLClientError).codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((error as GraphQLClientError).operationName).toBe('Wrong');

    const unreachable = createClient({ url: 'http://127.0.0.1:1/graphql' });
    const refused = await unreachable.request(ProductListDocument).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphQLClientError);
    expect((refused as GraphQLClientError).status).toBe(0);
  });

  it('bundles for a browser: no Node built-ins', async () => {
    const bundle = await build({
      entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(bundle.errors).toEqual([]);
    expect(bundle.outputFiles[0]!.text).toContain('apollo-require-preflight');
  });
});
