import { ConfigError } from './env.ts';

/** A started service: where it answers and how to stop it. */
export interface RunningService {
  name: string;
  url: string;
  close(): Promise<void>;
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
    service.close().then(
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
