import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { SpanKind, context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  connectDatabase,
  createHttpServer,
  createLogger,
  createQueueFactory,
  createSubgraphClient,
  listen,
  startTracing,
  withSpan,
  type Tracing,
} from '../src/index.ts';

const databaseUrl = inject('databaseUrl');
const logger = createLogger('tracing-test', 'silent');
// Shutting a provider down stops its exporter: each start gets a new one.
let exporter = new InMemorySpanExporter();
let tracing: Tracing;

beforeAll(() => {
  tracing = startTracing('tracing-test', { exporter });
});
afterAll(async () => {
  await tracing.shutdown();
});
beforeEach(() => exporter.reset());

const spans = () => exporter.getFinishedSpans();
const traceIdOf = (span: ReadableSpan) => span.spanContext().traceId;
const parentIdOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** Resolves once `predicate` holds for the finished spans (spans end after answers are sent). */
async function spansWhere(predicate: (all: ReadableSpan[]) => boolean): Promise<ReadableSpan[]> {
  for (;;) {
    if (predicate(spans())) return spans();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('startTracing', () => {
  it('registers nothing without an OTLP endpoint', async () => {
    await tracing.shutdown();
    try {
      const off = startTracing('untraced', { env: { OTEL_SERVICE_NAME: 'untraced' } });
      expect(off.enabled).toBe(false);
      expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    } finally {
      exporter = new InMemorySpanExporter();
      tracing = startTracing('tracing-test', { exporter });
    }
    expect(tracing.enabled).toBe(true);
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(true);
  });
});

describe('kit HTTP server', () => {
  let apollo: ApolloServer;
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    apollo = new ApolloServer({
      typeDefs: 'type Query { ok: Boolean }',
      resolvers: { Query: { ok: () => true } },
    });
    await apollo.start();
    server = await listen(
      createHttpServer({ apollo, context: async () => ({}), logger, name: 'testing' }),
      0,
    );
  });
  afterAll(async () => {
    await server.close();
    await apollo.stop();
  });

  it("continues the caller's traceparent in a server span named by the operation", async () => {
    const traceId = randomBytes(16).toString('hex');
    const parentId = randomBytes(8).toString('hex');
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${parentId}-01` },
      body: JSON.stringify({ query: 'query Probe { ok }', operationName: 'Probe' }),
    });
    expect(response.status).toBe(200);
    const [span] = await spansWhere((all) => all.some((s) => s.kind === SpanKind.SERVER));
    expect(span!.kind).toBe(SpanKind.SERVER);
    expect(traceIdOf(span!)).toBe(traceId);
    expect(parentIdOf(span!)).toBe(parentId);
    expect(span!.name).toBe('POST /graphql Probe');
    expect(span!.attributes['graphql.operation.name']).toBe('Probe');
    expect(span!.attributes['http.response.status_code']).toBe(200);
    expect(span!.attributes['commerce.service']).toBe('testing');
  });

  it('starts a new trace for a request without traceparent', async () => {
    await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ok }' }),
    });
    const [span] = await spansWhere((all) => all.some((s) => s.kind === SpanKind.SERVER));
    expect(span!.name).toBe('POST /graphql');
    expect(parentIdOf(span!)).toBeUndefined();
  });
});

describe('createSubgraphClient', () => {
  it('sends the traceparent of a client span inside the current trace', async () => {
    let received: string | undefined;
    const upstream = http.createServer((req, res) => {
      received = req.headers.traceparent as string | undefined;
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{"ok":true}}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = upstream.address() as AddressInfo;
      const client = createSubgraphClient('upstream', `http://127.0.0.1:${port}/graphql`);
      const traceId = await withSpan('caller', {}, async (span) => {
        await client.request('{ ok }');
        return span!.spanContext().traceId;
      });
      const clientSpan = spans().find((s) => s.kind === SpanKind.CLIENT)!;
      expect(clientSpan.name).toBe('POST upstream');
      expect(traceIdOf(clientSpan)).toBe(traceId);
      expect(received).toBe(`00-${traceId}-${clientSpan.spanContext().spanId}-01`);
      expect(clientSpan.attributes['http.response.status_code']).toBe(200);
    } finally {
      await new Promise((resolve) => upstream.close(resolve));
    }
  });
});

describe('PostgreSQL statements', () => {
  it('are client spans below the active span, and untraced outside a trace', async () => {
    const database = connectDatabase(databaseUrl, {});
    try {
      await database.sql`select 1 as outside`;
      expect(spans()).toEqual([]);
      const traceId = await withSpan('work', {}, async (span) => {
        await database.sql`select ${1}::int as tagged`;
        await database.sql.begin(async (tx) => {
          await tx`select 2 as inside`;
        });
        return span!.spanContext().traceId;
      });
      const statements = spans().filter((s) => s.attributes['db.system.name'] === 'postgresql');
      expect(statements.map((s) => s.name).sort()).toEqual(['SELECT', 'SELECT', 'transaction']);
      for (const span of statements) expect(traceIdOf(span)).toBe(traceId);
      const transaction = statements.find((s) => s.name === 'transaction')!;
      const inside = statements.find((s) =>
        String(s.attributes['db.query.text']).includes('inside'),
      )!;
      expect(parentIdOf(inside)).toBe(transaction.spanContext().spanId);
    } finally {
      await database.close();
    }
  });
});

describe('BullMQ jobs (PostgreSQL backend)', () => {
  it('are processed in a consumer span of the trace that added them', async () => {
    const queues = createQueueFactory({
      databaseUrl,
      namespace: `trace_${randomBytes(5).toString('hex')}`,
      logger,
    });
    try {
      const queue = queues.createQueue<{ n: number }>('traced');
      let processedIn: string | undefined;
      const done = new Promise<void>((resolve) => {
        queues.createWorker<{ n: number }>('traced', async () => {
          processedIn = trace.getSpan(context.active())?.spanContext().traceId;
          resolve();
        });
      });
      const traceId = await withSpan('producer', {}, async (span) => {
        await queue.add('job', { n: 1 });
        return span!.spanContext().traceId;
      });
      await done;
      expect(processedIn).toBe(traceId);
      const consumer = await spansWhere((all) => all.some((s) => s.kind === SpanKind.CONSUMER));
      const span = consumer.find((s) => s.kind === SpanKind.CONSUMER)!;
      expect(traceIdOf(span)).toBe(traceId);
      const producer = spans().find((s) => s.kind === SpanKind.PRODUCER)!;
      expect(parentIdOf(span)).toBe(producer.spanContext().spanId);
    } finally {
      await queues.close();
    }
  });
});
