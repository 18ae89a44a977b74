import {
  buildNotification,
  type NotificationItemInput,
  type Notification,
} from './notification.ts';

/** One queued webhook and what happened to it so far. */
export interface WebhookDelivery {
  readonly eventCode: string;
  readonly pspReference: string;
  readonly originalReference: string | undefined;
  readonly merchantReference: string;
  /** The notification's own `success` flag, as on the wire. */
  readonly success: 'true' | 'false';
  /** The signed body that was (or will be) POSTed. */
  readonly notification: Notification;
  attempts: number;
  delivered: boolean;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  lastError?: string;
}

/** Logs with an optional structured payload; `level` inside the fields marks warnings. */
export type SimulatorLog = (msg: string, fields?: object) => void;

export interface WebhookDispatcherOptions {
  hmacKeyHex: string;
  webhookBasicAuth?: { username: string; password: string } | undefined;
  webhookDelayMs: number;
  retryDelaysMs: readonly number[];
  log: SimulatorLog;
}

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Delivers signed standard notifications one at a time, in order, retrying failures on a
 * schedule; runs beside the API so a slow webhook receiver never delays an API response.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions) {
  const deliveries: WebhookDelivery[] = [];
  const queue: Array<{ delivery: WebhookDelivery; url: string }> = [];
  const sleepers = new Set<{ timer: NodeJS.Timeout; wake: (completed: boolean) => void }>();
  const shutdown = new AbortController();
  let idleWaiters: Array<() => void> = [];
  let running = false;
  let closed = false;

  function enqueue(input: NotificationItemInput, url: string): WebhookDelivery | undefined {
    if (closed) return undefined;
    const notification = buildNotification(input, options.hmacKeyHex);
    const delivery: WebhookDelivery = {
      eventCode: input.eventCode,
      pspReference: input.pspReference,
      originalReference: input.originalReference,
      merchantReference: input.merchantReference,
      success: input.success ? 'true' : 'false',
      notification,
      attempts: 0,
      delivered: false,
      status: 'pending',
    };
    deliveries.push(delivery);
    queue.push({ delivery, url });
    if (!running) void drain();
    return delivery;
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
        await deliverWithRetries(job.delivery, job.url);
      }
    } finally {
      running = false;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  async function deliverWithRetries(delivery: WebhookDelivery, url: string): Promise<void> {
    if (!(await sleep(options.webhookDelayMs))) return cancel(delivery);
    for (let retry = 0; ; retry += 1) {
      if (closed) return cancel(delivery);
      delivery.attempts += 1;
      if (await post(delivery, url)) {
        delivery.delivered = true;
        delivery.status = 'delivered';
        return;
      }
      if (closed) return cancel(delivery);
      const delay = options.retryDelaysMs[retry];
      if (delay === undefined) {
        delivery.status = 'failed';
        options.log('webhook delivery given up', {
          level: 'warn',
          eventCode: delivery.eventCode,
          pspReference: delivery.pspReference,
          attempts: delivery.attempts,
          lastError: delivery.lastError,
        });
        return;
      }
      if (!(await sleep(delay))) return cancel(delivery);
    }
  }

  async function post(delivery: WebhookDelivery, url: string): Promise<boolean> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const auth = options.webhookBasicAuth;
    if (auth !== undefined) {
      const credentials = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
      headers.authorization = `Basic ${credentials}`;
    }
    const fields = {
      eventCode: delivery.eventCode,
      pspReference: delivery.pspReference,
      attempt: delivery.attempts,
    };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(delivery.notification),
        signal: AbortSignal.any([AbortSignal.timeout(DELIVERY_TIMEOUT_MS), shutdown.signal]),
      });
      const text = await response.text();
      if (!response.ok) {
        delivery.lastError = `HTTP ${response.status}`;
        options.log('webhook rejected', { level: 'warn', ...fields, status: response.status });
        return false;
      }
      if (text.trim() !== '[accepted]') {
        // Adyen itself counts any 2xx as delivered but flags a missing "[accepted]" in its UI.
        options.log('webhook acknowledged without "[accepted]"', { level: 'warn', ...fields });
      }
      options.log('webhook delivered', { ...fields, status: response.status });
      return true;
    } catch (error) {
      delivery.lastError = describeError(error);
      if (shutdown.signal.aborted) return false;
      options.log('webhook delivery failed', {
        level: 'warn',
        ...fields,
        error: delivery.lastError,
      });
      return false;
    }
  }

  /** Resolves true after `ms`, or false at once if the dispatcher closes first. */
  function sleep(ms: number): Promise<boolean> {
    if (closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          sleepers.delete(sleeper);
          resolve(true);
        }, ms),
        wake: resolve,
      };
      sleepers.add(sleeper);
    });
  }

  function cancel(delivery: WebhookDelivery): void {
    delivery.status = 'cancelled';
  }

  /** Resolves once every queued delivery has been delivered, given up or cancelled. */
  function flush(): Promise<void> {
    if (!running && queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  /** Cancels pending deliveries and retry timers and aborts any request in flight. */
  async function close(): Promise<void> {
    closed = true;
    shutdown.abort();
    for (const sleeper of sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.wake(false);
    }
    sleepers.clear();
    for (const job of queue.splice(0)) cancel(job.delivery);
    await flush();
  }

  return {
    enqueue,
    flush,
    close,
    deliveries: deliveries as ReadonlyArray<Readonly<WebhookDelivery>>,
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch reports every network fault as "fetch failed"; the cause says which one.
  const cause: unknown = error.cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
