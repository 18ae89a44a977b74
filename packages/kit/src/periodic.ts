import type { Logger } from 'pino';

export interface Periodic {
  stop(): void;
}

/**
 * Runs `task` every `everyMs` in the background (a sweep, a poll). A run that is still going
 * when the next is due is not overlapped; failures are logged and the next run tries again. The
 * timer does not keep the process alive.
 */
export function runPeriodically(
  name: string,
  everyMs: number,
  task: () => Promise<unknown>,
  logger: Logger,
): Periodic {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    task()
      .catch((error: unknown) => logger.error({ err: error }, `${name} failed`))
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
