/**
 * OpenTelemetry tracing for every service of the graph. `startTracing` registers a tracer
 * provider only when an OTLP endpoint is configured; otherwise nothing is registered and every
 * helper here returns at its first line, so an untraced process pays one boolean check.
 *
 * No require-hooks: under ESM and tsx monkey-patching is unreliable, so the kit makes its spans
 * itself (HTTP server and clients, PostgreSQL statements, BullMQ through its telemetry option)
 * and carries the W3C `traceparent` through outgoing requests, queue jobs and the outbox.
 */
import type http from 'node:http';
import {
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { Telemetry } from 'bullmq';
import type postgres from 'postgres';

export { SpanKind } from '@opentelemetry/api';

export interface TracingOptions {
  /**
   * Where the OTEL_* variables are read (default `process.env`, which the OTLP exporter reads
   * too for OTEL_EXPORTER_OTLP_HEADERS and the timeout).
   */
  env?: Record<string, string | undefined>;
  /** Sends spans here as they end instead of to OTLP, whatever the variables (tests). */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** Whether spans are recorded and exported in this process. */
  readonly enabled: boolean;
  /** Exports the spans that ended so far. */
  flush(): Promise<void>;
  /** Exports what is left and unregisters the provider (`startTracing` may then run again). */
  shutdown(): Promise<void>;
}

const disabled: Tracing = {
  enabled: false,
  flush: async () => undefined,
  shutdown: async () => undefined,
};

let current: Tracing = disabled;

/** Whether `startTracing` registered a provider in this process. */
export function tracingEnabled(): boolean {
  return current.enabled;
}

/** The tracing started in this process (disabled until `startTracing` enables it). */
export function currentTracing(): Tracing {
  return current;
}

/**
 * Starts tracing for a process, first thing in its entrypoint. With OTEL_EXPORTER_OTLP_ENDPOINT
 * (spans go to `<endpoint>/v1/traces`) or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (used as is) set,
 * registers a provider that batches spans to that OTLP/HTTP (JSON) receiver, with the W3C
 * tracecontext propagator; `OTEL_SERVICE_NAME` overrides `serviceName`, OTEL_SDK_DISABLED=true
 * turns it off. Without an endpoint it registers nothing. A second call returns the first one's.
 */
export function startTracing(serviceName: string, options: TracingOptions = {}): Tracing {
  if (current.enabled) return current;
  const env = options.env ?? process.env;
  const tracesEndpoint =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
    (env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`
      : undefined);
  if (env.OTEL_SDK_DISABLED === 'true') return disabled;
  if (!options.exporter && !tracesEndpoint) return disabled;

  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesEndpoint }));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      ...resourceAttributesFrom(env.OTEL_RESOURCE_ATTRIBUTES),
      [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME || serviceName,
      [ATTR_SERVICE_VERSION]: env.npm_package_version ?? '0.0.0',
    }),
    spanProcessors: [processor],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const started: Tracing = {
    enabled: true,
    flush: () => provider.forceFlush(),
    async shutdown() {
      if (current !== started) return;
      current = disabled;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  current = started;
  return started;
}

/** `key=value,key2=value2` (OTEL_RESOURCE_ATTRIBUTES, values percent-encoded). */
function resourceAttributesFrom(value: string | undefined): Attributes {
  const attributes: Attributes = {};
  for (const pair of (value ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    try {
      attributes[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      // A malformed pair is dropped, as the SDK's own environment detector does.
    }
  }
  return attributes;
}

const tracer = () => trace.getTracer('@commerce-graph/kit');

/** A carrier of the W3C trace context (`traceparent`, `tracestate`). */
export type TraceCarrier = Record<string, string>;

/** The active trace context as headers, or undefined when nothing is being traced. */
export function currentTraceCarrier(): TraceCarrier | undefined {
  if (!current.enabled || !trace.getSpanContext(context.active())) return undefined;
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : undefined;
}

/** Runs `work` in the trace context a carrier holds (an outbox row, a message), if any. */
export function withTraceCarrier<T>(carrier: TraceCarrier | undefined, work: () => T): T {
  if (!current.enabled || !carrier) return work();
  return context.with(propagation.extract(context.active(), carrier), work);
}

/** Adds the active trace context to outgoing request headers (no-op when untraced). */
export function injectTraceHeaders(headers: Record<string, string>): Record<string, string> {
  if (current.enabled) propagation.inject(context.active(), headers);
  return headers;
}

/**
 * Runs `work` in a span of its own, made current so that what it starts nests below it; the
 * span ends when `work` settles and records its error. Untraced: just `work()`.
 */
export async function withSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes },
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!current.enabled) return work(undefined);
  return tracer().startActiveSpan(name, options, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * An outgoing HTTP call in a client span: `headers` get the span's `traceparent`, and the span
 * gets the answer's status (>= 500 is an error, as the HTTP conventions say for clients too).
 */
export function withClientSpan<T>(
  request: { method: string; url: string; headers: Record<string, string>; peer?: string },
  work: (headers: Record<string, string>) => Promise<T & { statusCode?: number }>,
): Promise<T & { statusCode?: number }> {
  if (!current.enabled) return work(request.headers);
  const url = new URL(request.url);
  return withSpan(
    `${request.method} ${request.peer ?? url.host}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': request.method,
        'url.full': `${url.origin}${url.pathname}`,
        'server.address': url.hostname,
        'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        ...(request.peer ? { 'peer.service': request.peer } : {}),
      },
    },
    async (span) => {
      const result = await work(injectTraceHeaders({ ...request.headers }));
      if (span && result.statusCode !== undefined) {
        span.setAttribute('http.response.status_code', result.statusCode);
        if (result.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      }
      return result;
    },
  );
}

function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

/** A server span for one HTTP request, continuing the caller's `traceparent`. */
export interface ServerSpan {
  /** Names the span after the GraphQL operation, once the body is read. */
  setOperation(name: string | undefined): void;
  /** Runs the request's handling inside the span's context. */
  run<T>(work: () => T): T;
}

/**
 * Starts the server span of a request; it ends when the answer is sent (or the connection
 * closes first). Undefined when untraced.
 */
export function startServerSpan(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: string,
  serviceName: string | undefined,
): ServerSpan | undefined {
  if (!current.enabled) return undefined;
  const method = req.method ?? 'GET';
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer().startSpan(
    `${method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': method,
        'http.route': route,
        'url.path': (req.url ?? '/').split('?', 1)[0],
        ...(serviceName ? { 'commerce.service': serviceName } : {}),
      },
    },
    parent,
  );
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  const active: Context = trace.setSpan(parent, span);
  return {
    setOperation(name) {
      if (!name) return;
      span.updateName(`${method} ${route} ${name}`);
      span.setAttribute('graphql.operation.name', name);
    },
    run: (work) => context.with(active, work),
  };
}

/**
 * BullMQ's `telemetry` option for queues and workers (what the `bullmq-otel` package does, on
 * this process's OpenTelemetry API): `add` makes a producer span and stores its context in the
 * job's options, the worker continues it in a consumer span around the processor. Undefined
 * when untraced, so BullMQ skips all of it.
 */
export function queueTelemetry(): Telemetry<Context> | undefined {
  if (!current.enabled) return undefined;
  const kitTracer = trace.getTracer('bullmq');
  return {
    tracer: {
      startSpan(name, options, parent) {
        const span = kitTracer.startSpan(name, options, parent);
        return {
          setSpanOnContext: (ctx: Context) => trace.setSpan(ctx, span),
          setAttribute: (key: string, value: any) => void span.setAttribute(key, value),
          setAttributes: (attributes: Attributes) => void span.setAttributes(attributes),
          addEvent: (eventName: string, attributes?: Attributes) =>
            void span.addEvent(eventName, attributes),
          recordException: (exception: unknown) => failSpan(span, exception),
          end: () => span.end(),
        };
      },
    },
    contextManager: {
      with: (ctx, fn) => context.with(ctx, fn),
      active: () => context.active(),
      getMetadata(ctx) {
        const carrier: TraceCarrier = {};
        propagation.inject(ctx, carrier);
        return JSON.stringify(carrier);
      },
      fromMetadata(active, metadata) {
        try {
          return propagation.extract(active, JSON.parse(metadata) as TraceCarrier);
        } catch {
          return active;
        }
      },
    },
  } as Telemetry<Context>;
}

type Sql = postgres.Sql<any>;

/**
 * Statements are traced only inside a trace (a request, a job): background loops (the outbox
 * poll, expiry sweeps, leader elections) would otherwise start a trace per statement.
 */
const inTrace = () => trace.getSpan(context.active()) !== undefined;

const SQL_VERB = /^\s*(?:\/\*.*?\*\/\s*)?([a-z]+)/i;

/** A client span for one statement: `SELECT`, `INSERT`... named by its first keyword. */
function statementSpan(text: string, database: string | undefined): Span {
  const verb = SQL_VERB.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
  return tracer().startSpan(verb, {
    kind: SpanKind.CLIENT,
    attributes: {
      'db.system.name': 'postgresql',
      'db.operation.name': verb,
      // The statement text only: drizzle and postgres.js send values as parameters.
      'db.query.text': text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text,
      ...(database ? { 'db.namespace': database } : {}),
    },
  });
}

/** Ends `span` when the pending postgres.js query is awaited and settles. */
function traceQuery<Q extends PromiseLike<unknown>>(query: Q, span: Span): Q {
  const then = query.then.bind(query);
  let ended = false;
  const end = (error?: unknown) => {
    if (ended) return;
    ended = true;
    if (error !== undefined) failSpan(span, error);
    span.end();
  };
  Object.defineProperty(query, 'then', {
    configurable: true,
    value: (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) =>
      then(
        (value) => {
          end();
          return onFulfilled ? onFulfilled(value) : value;
        },
        (error: unknown) => {
          end(error);
          if (onRejected) return onRejected(error);
          throw error;
        },
      ),
  });
  return query;
}

/**
 * A postgres.js client whose statements (tagged templates and `unsafe`, which drizzle uses),
 * inside transactions too, are client spans below the active span. Untraced: `sql` itself.
 * (drizzle-orm 0.45 ships its span code disabled, so the spans are made here.)
 */
export function traceSql<S extends Sql>(sql: S): S {
  if (!current.enabled) return sql;
  const database = (sql.options as { database?: string } | undefined)?.database;
  const wrap = <C extends Sql>(client: C): C =>
    new Proxy(client, {
      apply(target, thisArg, args: unknown[]) {
        const result = Reflect.apply(target, thisArg, args) as unknown;
        const strings = args[0];
        // Only a tagged template is a statement; `sql(rows)` and `sql('name')` are fragments.
        if (!Array.isArray(strings) || !('raw' in strings) || !inTrace()) return result;
        return traceQuery(
          result as PromiseLike<unknown>,
          statementSpan((strings as string[]).join('$?'), database),
        );
      },
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (property === 'unsafe' && typeof value === 'function') {
          return (text: string, ...rest: unknown[]) => {
            const query = (value as (...a: unknown[]) => PromiseLike<unknown>).call(
              target,
              text,
              ...rest,
            );
            return inTrace() ? traceQuery(query, statementSpan(text, database)) : query;
          };
        }
        if ((property === 'begin' || property === 'savepoint') && typeof value === 'function') {
          return (...args: unknown[]) => {
            const callback = args.pop() as (tx: Sql) => unknown;
            if (!inTrace()) {
              return (value as (...a: unknown[]) => unknown).call(target, ...args, callback);
            }
            return withSpan(
              property === 'begin' ? 'transaction' : 'savepoint',
              { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql' } },
              () =>
                (value as (...a: unknown[]) => Promise<unknown>).call(target, ...args, (tx: Sql) =>
                  callback(wrap(tx)),
                ),
            );
          };
        }
        return value;
      },
    });
  return wrap(sql);
}
