import type { Logger } from 'pino';
import type { Leadership } from './leadership.ts';

export interface Periodic {
  stop(): void;
}

export interface PeriodicOptions {
  /**
   * Work that must run once per deployment, not once per replica: each run first asks
   * `leadership.lead(name)` and is skipped unless this process leads the task (see
   * `createLeadership`). Without it, every process runs the task.
   */
  leadership?: Leadership;
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
  options: PeriodicOptions = {},
): Periodic {
  const { leadership } = options;
  let busy = false;
  const run = async () => {
    if (leadership && !(await leadership.lead(name))) return;
    await task();
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    run()
      .catch((error: unknown) => logger.error({ err: error }, `${name} failed`))
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
