import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import type { ServiceMetrics } from './metrics.ts';
import { startServerSpan, type ServerSpan } from './tracing.ts';

/** A plain HTTP route next to GraphQL (webhooks, health checks). */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(request: RawRequest): Promise<RouteResponse> | RouteResponse;
}

export interface RawRequest {
  headers: http.IncomingHttpHeaders;
  /** The raw body bytes; routes that verify signatures need them untouched. */
  body: Buffer;
  remoteAddress: string | undefined;
  /** The request's id (see `currentRequestId`). */
  requestId: string;
}

export interface RouteResponse {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface HttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** The service's name, on its request spans when tracing is on. */
  name?: string;
  /** Builds the per-request context (fresh DataLoaders live here). */
  context: (request: RawRequest) => Promise<TContext>;
  routes?: Route[];
  /** Answers /ready: false while dependencies are unreachable. */
  ready?: () => Promise<boolean>;
  logger: Logger;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  graphqlPath?: string;
  /**
   * When set, GraphQL requests must carry it in the `x-internal-token` header: subgraphs then
   * answer only the gateway and each other. Plain routes (webhooks), /health and /ready are open.
   */
  internalToken?: string;
  /**
   * Sees every request first (CORS, security headers); answers it itself and returns true, or
   * returns false to let the server go on.
   */
  intercept?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;
  /**
   * Sees each GraphQL request (its parsed JSON body, or the query string of a GET) before
   * Apollo does, and may answer it instead: the gateway refuses abusive documents here, before
   * GraphQL parses and validates them.
   */
  preflight?: (
    request: GraphQLHttpRequest,
  ) => RouteResponse | undefined | Promise<RouteResponse | undefined>;
  /**
   * Served on `GET /metrics` (Prometheus text format, open like /health: keep it on the private
   * network), and counts every answer in `http_requests_total`.
   */
  metrics?: ServiceMetrics;
  /** Who may read /metrics (default: anyone who reaches the port); others get 404. */
  metricsAccess?: (req: http.IncomingMessage) => boolean;
  /** A GraphQL request still unanswered after this long gets 504 `REQUEST_TIMEOUT`. */
  requestTimeoutMs?: number;
  /**
   * Answers kept in memory (the gateway's micro-cache): a request it has an answer for is
   * answered before the preflight and Apollo; identical requests arriving while the first is
   * being answered wait for its answer instead of running again, once it is known to be shared.
   */
  memo?: ResponseMemo;
}

/** A complete HTTP answer to a GraphQL request, as a memo keeps it. */
export interface MemoizedResponse {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** See `HttpServerOptions.memo`. */
export interface ResponseMemo {
  /** The key the answer to this request is kept under; undefined: never from the memo. */
  keyOf(request: GraphQLHttpRequest): string | undefined;
  /** The kept answer, with headers valid now (age, remaining max-age), if any. */
  get(key: string): MemoizedResponse | undefined;
  /** Whether concurrent requests with this key may share one answer (it was shared before). */
  shared(key: string): boolean;
  /** Offers an answer just produced; answers whether the memo kept it (only those are shared). */
  offer(key: string, response: MemoizedResponse): boolean;
}

/** The header that carries a request's id from the client or the gateway to every service. */
export const REQUEST_ID_HEADER = 'x-request-id';
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * The id of the HTTP request being served, for logs and error answers: the caller's
 * `x-request-id` when it is well formed (the gateway passes its own on), otherwise a new UUID.
 */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/** The header services use to prove to each other that they belong to the graph. */
export const INTERNAL_TOKEN_HEADER = 'x-internal-token';

/** The headers a service sends to another service of the graph. */
export function internalHeaders(token: string | undefined): Record<string, string> {
  return token ? { [INTERNAL_TOKEN_HEADER]: token } : {};
}

/** Compares credentials from a request in constant time (lengths may differ; that alone is not secret). */
export function safeEqual(given: string | Buffer, expected: string | Buffer): boolean {
  const a = Buffer.isBuffer(given) ? given : Buffer.from(given);
  const b = Buffer.isBuffer(expected) ? expected : Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hasToken(header: string | string[] | undefined, token: string): boolean {
  return typeof header === 'string' && safeEqual(header, token);
}

/** A GraphQL request as it arrived, before Apollo reads it. */
export interface GraphQLHttpRequest {
  method: string;
  /** The URL's query string (GET requests carry the operation there). */
  search: URLSearchParams;
  /** The parsed JSON body (POST), if any. */
  body: unknown;
  raw: RawRequest;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

class BodyTooLargeError extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering but keep the socket, so the client gets the 413 answer.
        req.off('data', collect);
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', collect);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, response: RouteResponse): void {
  res.statusCode = response.status;
  res.setHeader('content-type', response.contentType ?? 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  res.end(response.body);
}

const jsonError = (status: number, message: string, code?: string): RouteResponse => ({
  status,
  body: JSON.stringify({ errors: [{ message, ...(code ? { extensions: { code } } : {}) }] }),
});

class RequestTimeoutError extends Error {}

/** Resolves like `work`, or rejects with RequestTimeoutError after `ms` (when set). */
function withTimeout<T>(work: Promise<T>, ms: number | undefined): Promise<T> {
  if (!ms) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeoutError()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Serves an Apollo Server on node:http together with plain routes, `/health` (the process is up)
 * and `/ready` (its dependencies answer). Apollo Server must already be started.
 */
export function createHttpServer<TContext extends BaseContext>(
  options: HttpServerOptions<TContext>,
): http.Server {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const routes = new Map((options.routes ?? []).map((r) => [`${r.method} ${r.path}`, r]));
  /** Memo keys being answered, with the answer their waiters get (undefined: run it yourself). */
  const inFlight = new Map<string, Promise<MemoizedResponse | undefined>>();

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    requestId: string,
    span: ServerSpan | undefined,
  ): Promise<void> {
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (options.intercept && (await options.intercept(req, res))) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (url.pathname === '/health') return send(res, { status: 200, body: '{"status":"ok"}' });
    if (url.pathname === '/ready') {
      const ready = options.ready ? await options.ready().catch(() => false) : true;
      return send(res, { status: ready ? 200 : 503, body: JSON.stringify({ ready }) });
    }
    if (url.pathname === '/metrics' && options.metrics && method === 'GET') {
      if (options.metricsAccess && !options.metricsAccess(req)) {
        return send(res, jsonError(404, 'Not found'));
      }
      const { contentType, body } = await options.metrics.scrape();
      return send(res, { status: 200, body, contentType });
    }

    let body: Buffer;
    try {
      body =
        method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        return send(res, jsonError(413, `Request body larger than ${maxBodyBytes} bytes`));
      }
      throw error;
    }
    const raw: RawRequest = {
      headers: req.headers,
      body,
      remoteAddress: req.socket.remoteAddress,
      requestId,
    };

    const route = routes.get(`${method} ${url.pathname}`);
    if (route) return send(res, await route.handle(raw));
    if (url.pathname !== graphqlPath) return send(res, jsonError(404, 'Not found'));
    if (
      options.internalToken &&
      !hasToken(req.headers[INTERNAL_TOKEN_HEADER], options.internalToken)
    ) {
      return send(res, {
        status: 401,
        body: JSON.stringify({
          errors: [
            {
              message: 'Only the gateway and other services of the graph may call this service',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        }),
      });
    }

    let parsedBody: unknown;
    if (body.length > 0) {
      const contentType = req.headers['content-type'] ?? '';
      if (!contentType.includes('application/json') && !contentType.includes('graphql')) {
        return send(res, jsonError(415, 'Send GraphQL requests as application/json'));
      }
      try {
        parsedBody = JSON.parse(body.toString('utf8'));
      } catch {
        return send(res, jsonError(400, 'The request body is not valid JSON'));
      }
    }

    const request: GraphQLHttpRequest = { method, search: url.searchParams, body: parsedBody, raw };
    span?.setOperation(operationNameOf(request));
    const memo = options.memo;
    const memoKey = memo?.keyOf(request);
    if (memo && memoKey !== undefined) {
      const kept = memo.get(memoKey);
      if (kept) return answer(req, res, kept);
      const running = inFlight.get(memoKey);
      if (running) {
        const shared = await running;
        if (shared) return answer(req, res, shared);
      }
    }

    // The first of identical requests answers the others, once their answer is known to be shared.
    let finish: ((response: MemoizedResponse | undefined) => void) | undefined;
    if (memo && memoKey !== undefined && memo.shared(memoKey) && !inFlight.has(memoKey)) {
      inFlight.set(
        memoKey,
        new Promise((resolve) => {
          finish = resolve;
        }),
      );
    }
    try {
      const early = await options.preflight?.(request);
      if (early) return send(res, early);
      const result = await executeGraphQL(req, method, url, parsedBody, raw, requestId);
      if (result.kind === 'stream') {
        res.statusCode = result.status;
        for (const [name, value] of result.headers) res.setHeader(name, value);
        for await (const chunk of result.chunks) res.write(chunk);
        res.end();
        return;
      }
      const kept = memo && memoKey !== undefined && memo.offer(memoKey, result.response);
      finish?.(kept ? result.response : undefined);
      return answer(req, res, result.response);
    } finally {
      // Refused, failed, streamed or not kept: the waiters run the request themselves.
      finish?.(undefined);
      if (finish) inFlight.delete(memoKey!);
    }
  }

  type Executed =
    | { kind: 'complete'; response: MemoizedResponse }
    | {
        kind: 'stream';
        status: number;
        headers: Array<[string, string]>;
        chunks: AsyncIterable<string>;
      };

  async function executeGraphQL(
    req: http.IncomingMessage,
    method: string,
    url: URL,
    parsedBody: unknown,
    raw: RawRequest,
    requestId: string,
  ): Promise<Executed> {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let result: Awaited<ReturnType<typeof options.apollo.executeHTTPGraphQLRequest>>;
    try {
      // Past the time limit the client is answered; the work left is bounded by the fetch
      // timeouts below it, and its answer is dropped.
      result = await withTimeout(
        options.apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: method.toUpperCase(),
            headers,
            search: url.search,
            body: parsedBody,
          },
          context: () => options.context(raw),
        }),
        options.requestTimeoutMs,
      );
    } catch (error) {
      if (!(error instanceof RequestTimeoutError)) throw error;
      options.logger.warn({ requestId, url: req.url }, 'request time limit reached');
      const timeout = jsonError(
        504,
        `The request took longer than ${options.requestTimeoutMs} ms and was abandoned`,
        'REQUEST_TIMEOUT',
      );
      return {
        kind: 'complete',
        response: {
          status: timeout.status,
          headers: [['content-type', 'application/json; charset=utf-8']],
          body: timeout.body,
        },
      };
    }
    const status = result.status ?? 200;
    const resultHeaders = [...result.headers];
    if (result.body.kind === 'complete') {
      return {
        kind: 'complete',
        response: { status, headers: resultHeaders, body: result.body.string },
      };
    }
    return { kind: 'stream', status, headers: resultHeaders, chunks: result.body.asyncIterator };
  }

  /** The route label of a request: its path when the server knows it, else `other`. */
  const knownPaths = new Set([
    graphqlPath,
    '/health',
    '/ready',
    '/metrics',
    ...(options.routes ?? []).map((r) => r.path),
  ]);
  const routeOf = (req: http.IncomingMessage) => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    return knownPaths.has(path) ? path : 'other';
  };

  return http.createServer((req, res) => {
    const metrics = options.metrics;
    if (metrics) res.once('finish', () => metrics.observeHttp(routeOf(req), res.statusCode));
    const given = req.headers[REQUEST_ID_HEADER];
    const requestId =
      typeof given === 'string' && WELL_FORMED_REQUEST_ID.test(given) ? given : randomUUID();
    // Probes and scrapes are not traced: each would be a trace of its own every few seconds.
    const route = routeOf(req);
    const span = UNTRACED_ROUTES.has(route)
      ? undefined
      : startServerSpan(req, res, route, options.name);
    const serve = () =>
      requestScope.run({ requestId }, () => {
        handle(req, res, requestId, span).catch((error: unknown) => {
          options.logger.error({ err: error, url: req.url, requestId }, 'request failed');
          if (!res.headersSent) send(res, jsonError(500, 'Internal server error'));
          else res.end();
        });
      });
    if (span) span.run(serve);
    else serve();
  });
}

const UNTRACED_ROUTES = new Set(['/health', '/ready', '/metrics']);
const NAMED_OPERATION = /\b(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]{0,127})/;

/**
 * The operation a GraphQL request names, for its span: `operationName` (body or query string),
 * else the first named operation near the start of the document.
 */
function operationNameOf(request: GraphQLHttpRequest): string | undefined {
  const body = request.body as { operationName?: unknown; query?: unknown } | undefined;
  const fields = typeof body === 'object' && body !== null ? body : {};
  const given =
    typeof fields.operationName === 'string'
      ? fields.operationName
      : request.search.get('operationName');
  if (given) return /^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(given) ? given : undefined;
  const query = typeof fields.query === 'string' ? fields.query : request.search.get('query');
  return query ? NAMED_OPERATION.exec(query.slice(0, 2_000))?.[1] : undefined;
}

/** Whether an `If-None-Match` header names this entity tag (`*`, or one of a list; weak or not). */
function matchesEtag(ifNoneMatch: string | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

/**
 * Sends a GraphQL answer, or `304 Not Modified` without a body when it is a 200 whose `etag`
 * the client already has (`If-None-Match` on a GET or HEAD).
 */
function answer(req: http.IncomingMessage, res: http.ServerResponse, response: MemoizedResponse) {
  const etag = response.headers.find(([name]) => name === 'etag')?.[1];
  const notModified =
    response.status === 200 &&
    (req.method === 'GET' || req.method === 'HEAD') &&
    matchesEtag(req.headers['if-none-match'], etag);
  res.statusCode = notModified ? 304 : response.status;
  for (const [name, value] of response.headers) {
    if (notModified && (name === 'content-type' || name === 'content-length')) continue;
    // The edge may have said already what the answer varies by (CORS: Origin).
    const before = name === 'vary' ? res.getHeader('vary') : undefined;
    res.setHeader(name, before ? `${String(before)}, ${value}` : value);
  }
  res.end(notModified ? undefined : response.body);
}

/** Listens on `port` (0 picks a free one) and resolves with the URL and a close function. */
export async function listen(
  server: http.Server,
  port: number,
  host = '127.0.0.1',
  path = '/graphql',
  drainMs = 10_000,
): Promise<RunningHttpServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${reachableHost}:${address.port}${path}`,
    port: address.port,
    // Drain: stop accepting, let requests in flight finish (an order half-placed during a deploy
    // would otherwise leave its stock reserved), drop idle keep-alive connections, and cut what
    // is still open after the grace period.
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), drainMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
