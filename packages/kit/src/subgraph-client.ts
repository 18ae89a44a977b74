import { Pool } from 'undici';
import { withClientSpan } from './tracing.ts';

/** Raised when another service could not be reached or answered with errors. */
export class UpstreamError extends Error {
  constructor(
    readonly service: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(`${service}: ${message}`);
    this.name = 'UpstreamError';
  }
}

export interface SubgraphClient {
  /** `headers` add to the client's own for this call (the caller's identity assertion, say). */
  request<TData>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<TData>;
}

/**
 * A minimal GraphQL-over-HTTP client for service-to-service calls, for example reading entities
 * through a subgraph's standard `_entities` field or calling an `@inaccessible` mutation that the
 * public supergraph does not expose.
 *
 * It speaks through undici's `request()` over a keep-alive connection pool of its own: the
 * WHATWG layers of `fetch` (Request, Headers, body streams) were 15-20% of checkout's CPU in a
 * flash sale. Idle pooled connections do not keep the process alive.
 */
export function createSubgraphClient(
  service: string,
  url: string,
  options: { timeoutMs?: number; headers?: Record<string, string> } = {},
): SubgraphClient {
  const target = new URL(url);
  const path = `${target.pathname}${target.search}`;
  const pool = new Pool(target.origin);
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    async request<TData>(
      query: string,
      variables?: Record<string, unknown>,
      headers?: Record<string, string>,
    ): Promise<TData> {
      let response: Awaited<ReturnType<Pool['request']>>;
      try {
        response = await withClientSpan(
          {
            method: 'POST',
            url,
            peer: service,
            headers: { 'content-type': 'application/json', ...options.headers, ...headers },
          },
          (traced) =>
            pool.request({
              path,
              method: 'POST',
              headers: traced,
              body: JSON.stringify({ query, variables }),
              // One deadline for the whole call, connection and body included, as with fetch.
              signal: AbortSignal.timeout(timeoutMs),
            }),
        );
      } catch (error) {
        throw new UpstreamError(service, `unreachable at ${url}: ${String(error)}`);
      }
      const payload = (await response.body.json().catch(() => null)) as {
        data?: TData;
        errors?: Array<{ message: string }>;
      } | null;
      if (!payload || payload.errors?.length || payload.data === undefined) {
        const message =
          payload?.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.statusCode}`;
        throw new UpstreamError(service, message, payload?.errors);
      }
      return payload.data;
    },
  };
}
