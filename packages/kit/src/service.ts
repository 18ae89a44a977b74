import type { BaseContext } from '@apollo/server';
import { ConfigError } from './env.ts';
import { createHttpServer, listen, type HttpServerOptions } from './http.ts';
import { createServiceMetrics } from './metrics.ts';
import { currentTracing } from './tracing.ts';

/** What every subgraph's `start…(config)` takes, besides its own settings. */
export interface SubgraphConfig {
  databaseUrl: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Hides error details from clients. */
  production?: boolean;
  logLevel?: string;
  /** Skip migrations when something else (the start script) already applied them. */
  migrate?: boolean;
  /** Required from callers in the `x-internal-token` header, when set. */
  internalToken?: string;
  /** Sees every SQL statement; used to count queries. */
  onQuery?: (query: string) => void;
}

/** A started service: where it answers and how to stop it. */
export interface RunningService {
  name: string;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts an Apollo Server (subgraph or gateway) and serves it over HTTP, with its metrics
 * (`options.metrics`, or new ones) on /metrics and counting its operations. `close()` stops taking
 * requests, stops Apollo, then calls `release` (workers, queues, pools). A failed start calls
 * `release` too, so nothing the caller already opened is left behind.
 */
export async function serveApollo<TContext extends BaseContext>(
  options: HttpServerOptions<TContext> & {
    name: string;
    port: number;
    host?: string;
    release?: () => Promise<void>;
    /** Extra fields for the "ready" log line. */
    details?: Record<string, unknown>;
  },
): Promise<RunningService> {
  const release = options.release ?? (async () => undefined);
  let http: Awaited<ReturnType<typeof listen>>;
  // Every service answers /metrics; one made here when its entrypoint registered no gauges.
  const metrics = options.metrics ?? createServiceMetrics(options.name);
  try {
    options.apollo.addPlugin(metrics.apolloPlugin<TContext>());
    await options.apollo.start();
    http = await listen(createHttpServer({ ...options, metrics }), options.port, options.host);
  } catch (error) {
    await release();
    throw error;
  }
  options.logger.info({ url: http.url, ...options.details }, `${options.name} ready`);
  return {
    name: options.name,
    url: http.url,
    async close() {
      await http.close();
      await options.apollo.stop();
      await release();
    },
  };
}

/**
 * Entrypoint wrapper for a service process: starts it, reports invalid configuration as a list
 * and exits 1, and closes it on SIGINT/SIGTERM (a second signal forces the exit).
 */
export async function runService(start: () => Promise<RunningService>): Promise<void> {
  let service: RunningService;
  try {
    service = await start();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.error(`${signal} received, closing ${service.name}`);
    // Spans still batched are exported before the process exits.
    service
      .close()
      .then(() => currentTracing().shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
