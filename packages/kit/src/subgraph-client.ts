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
 */
export function createSubgraphClient(
  service: string,
  url: string,
  options: { timeoutMs?: number; headers?: Record<string, string> } = {},
): SubgraphClient {
  return {
    async request<TData>(
      query: string,
      variables?: Record<string, unknown>,
      headers?: Record<string, string>,
    ): Promise<TData> {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers, ...headers },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
      } catch (error) {
        throw new UpstreamError(service, `unreachable at ${url}: ${String(error)}`);
      }
      const payload = (await response.json().catch(() => null)) as {
        data?: TData;
        errors?: Array<{ message: string }>;
      } | null;
      if (!payload || payload.errors?.length || payload.data === undefined) {
        const message =
          payload?.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`;
        throw new UpstreamError(service, message, payload?.errors);
      }
      return payload.data;
    },
  };
}
