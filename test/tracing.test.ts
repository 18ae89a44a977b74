import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing, type Tracing } from '@commerce-graph/kit';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { shipCartTo } from './support/delivery.ts';
import { eventually } from './support/eventually.ts';
import { startTestGraph, type TestGraph } from './support/graph.ts';
import { graphql } from './support/graphql.ts';
import { ENCRYPTED_TEST_CARD } from './support/payment.ts';
import { queueBackends } from './support/queues.ts';

/** A span as an OTLP/HTTP JSON export carries it, flattened. */
interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP numbering: 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  scope: string;
  service: string;
  attributes: Record<string, unknown>;
}

type OtlpValue = { stringValue?: string; intValue?: number | string; boolValue?: boolean };
type OtlpAttribute = { key: string; value: OtlpValue };
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: Array<{
      scope: { name: string };
      spans: Array<
        Omit<ReceivedSpan, 'attributes' | 'scope' | 'service'> & {
          attributes?: OtlpAttribute[];
        }
      >;
    }>;
  }>;
}

const attributesOf = (list: OtlpAttribute[] = []) =>
  Object.fromEntries(
    list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]),
  );

/** A minimal OTLP/HTTP receiver: POST /v1/traces in the JSON encoding, kept in memory. */
async function startOtlpReceiver() {
  const received: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const payload = JSON.parse(body.toString('utf8')) as OtlpExport;
        for (const resourceSpans of payload.resourceSpans) {
          const service = String(attributesOf(resourceSpans.resource.attributes)['service.name']);
          for (const scopeSpans of resourceSpans.scopeSpans) {
            for (const span of scopeSpans.spans) {
              received.push({
                ...span,
                scope: scopeSpans.scope.name,
                service,
                attributes: attributesOf(span.attributes),
              });
            }
          }
        }
      }
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const PLACE_ORDER = /* GraphQL */ `
  mutation Place($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
    }
  }
`;

// Redis when there is one (what production runs), else BullMQ's PostgreSQL backend.
const backend = queueBackends().at(-1)!;

describe(`tracing across the graph (BullMQ on ${backend.name})`, () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let tracing: Tracing;
  let shop: TestGraph;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    tracing = startTracing('commerce-graph', {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url },
    });
    shop = await startTestGraph(backend, { catalog: buildDemoCatalog(4) });
  });

  afterAll(async () => {
    await shop?.close();
    await tracing?.shutdown();
    await receiver?.close();
  });

  it('follows an order from the gateway through checkout, PostgreSQL, Adyen and a BullMQ job', async () => {
    expect(tracing.enabled).toBe(true);
    const gateway = (query: string, variables?: Record<string, unknown>) =>
      graphql(shop.graph.gatewayUrl, query, variables);
    const { data } = await gateway(
      '{ products(first: 4) { edges { node { variants { id availability { available } } } } } }',
    );
    const variantId = (
      data as {
        products: {
          edges: Array<{
            node: { variants: Array<{ id: string; availability: { available: number } }> };
          }>;
        };
      }
    ).products.edges
      .flatMap((e) => e.node.variants)
      .find((v) => v.availability.available > 0)!.id;
    const created = await gateway('mutation { createCart { id } }');
    const cartId = (created.data as { createCart: { id: string } }).createCart.id;
    await gateway(
      'mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 1) { __typename } }',
      { c: cartId, v: variantId },
    );
    await shipCartTo(gateway, cartId);

    const traceId = randomBytes(16).toString('hex');
    const placed = await graphql(
      shop.graph.gatewayUrl,
      PLACE_ORDER,
      {
        input: {
          cartId,
          idempotencyKey: randomUUID(),
          email: 'traced@example.com',
          paymentMethod: { ...ENCRYPTED_TEST_CARD, holderName: 'APPROVED' },
        },
      },
      { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    );
    expect(placed.data).toEqual({ placeOrder: { __typename: 'OrderPlaced' } });

    // The events the order recorded are consumed in jobs of the same trace, a little later.
    const spans = await eventually(async () => {
      await tracing.flush();
      const inTrace = receiver.received.filter((s) => s.traceId === traceId);
      return inTrace.some((s) => s.kind === 5) ? inTrace : undefined;
    });

    const servedBy = new Set(
      spans.filter((s) => s.kind === 2).map((s) => s.attributes['commerce.service']),
    );
    expect(servedBy).toContain('gateway');
    expect(servedBy).toContain('checkout');
    expect(servedBy.has('cart') || servedBy.has('inventory')).toBe(true);
    const gatewaySpan = spans.find(
      (s) => s.kind === 2 && s.attributes['commerce.service'] === 'gateway',
    )!;
    expect(gatewaySpan.name).toBe('POST /graphql Place');
    expect(spans.some((s) => s.attributes['db.system.name'] === 'postgresql')).toBe(true);
    expect(spans.some((s) => s.name === 'adyen payments')).toBe(true);
    // Producer and consumer spans of an event job, the consumer below its producer.
    const consumer = spans.find((s) => s.kind === 5)!;
    const producer = spans.find((s) => s.kind === 4 && s.spanId === consumer.parentSpanId);
    expect(producer).toBeDefined();
    // Every span of the trace hangs from another one of it, up to the caller's.
    const ids = new Set(spans.map((s) => s.spanId));
    const roots = spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
    expect(roots.map((s) => s.name)).toEqual(['POST /graphql Place']);
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['commerce-graph']));
  });
});
