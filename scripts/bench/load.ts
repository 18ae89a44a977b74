/** A GraphQL operation posted to the gateway by the load generator. */
export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The first error seen, to tell a broken query from an overloaded graph. */
  firstError?: string;
}

export interface LoadOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** A request still unanswered after this long counts as an error. */
  timeoutMs?: number;
  /** Called when the warm-up is over and the measured run begins (to align other traffic). */
  onMeasure?: () => void;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** Posts the operation once; throws unless the answer is HTTP 200 with data and no errors. */
export async function postOperation(
  url: string,
  body: string,
  timeoutMs = 10_000,
): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed: { data?: unknown; errors?: unknown } | undefined;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  if (!response.ok || !parsed || parsed.errors || !parsed.data) {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  }
  return parsed.data;
}

/**
 * Closed-loop load: `concurrency` loops each send the next request as soon as the previous one
 * is answered, for `warmupMs` unmeasured and then `durationMs` measured. Latency is measured on
 * successful requests; throughput counts successful requests over the measured wall time.
 */
export async function runLoad(
  url: string,
  operation: Operation,
  options: LoadOptions,
): Promise<LoadResult> {
  const body = JSON.stringify(operation);
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function loops(durationMs: number) {
    const latencies: number[] = [];
    let errors = 0;
    let firstError: string | undefined;
    const startedAt = performance.now();
    const endsAt = startedAt + durationMs;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < endsAt) {
          const sentAt = performance.now();
          try {
            await postOperation(url, body, timeoutMs);
            latencies.push(performance.now() - sentAt);
          } catch (error) {
            errors++;
            firstError ??= error instanceof Error ? error.message : String(error);
          }
        }
      }),
    );
    return { latencies, errors, firstError, elapsedMs: performance.now() - startedAt };
  }

  if (options.warmupMs > 0) await loops(options.warmupMs);
  options.onMeasure?.();
  const measured = await loops(options.durationMs);
  const sorted = measured.latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors: measured.errors,
    perSecond: sorted.length / (measured.elapsedMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    firstError: measured.firstError,
  };
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` running at once. */
export async function forEachLimited(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}
