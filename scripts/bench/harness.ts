import { ConfigError } from '@commerce-graph/kit';

type Cleanup = () => Promise<void> | void;

/** Registers something to undo when the benchmark ends; cleanups run last-registered first. */
export type Defer = (cleanup: Cleanup) => void;

/**
 * Runs a benchmark's main function and afterwards undoes everything it started, in reverse
 * order, whether it finished, threw or was interrupted (SIGINT/SIGTERM). Exits non-zero on error.
 */
export async function runBench(main: (defer: Defer) => Promise<void>): Promise<void> {
  const cleanups: Cleanup[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => {
    cleaning ??= (async () => {
      for (const cleanup of cleanups.reverse()) {
        try {
          await cleanup();
        } catch (error) {
          console.error('cleanup failed:', error instanceof Error ? error.message : error);
        }
      }
    })();
    return cleaning;
  };
  const interrupt = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up...`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  try {
    await main((cleanup) => cleanups.push(cleanup));
  } catch (error) {
    console.error(
      error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : error,
    );
    process.exitCode = 1;
  } finally {
    await cleanUp();
  }
  // Pools and sockets closed above; exit anyway so a forgotten timer cannot hold the run open.
  process.exit();
}
