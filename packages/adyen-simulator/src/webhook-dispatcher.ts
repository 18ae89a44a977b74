import {
  buildNotification,
  type NotificationItemInput,
  type Notification,
} from './notification.ts';

/** What one notification item of a delivery is about. */
export interface WebhookDeliveryItem {
  readonly eventCode: string;
  readonly pspReference: string;
  readonly originalReference: string | undefined;
  readonly merchantReference: string;
  /** The item's own `success` flag, as on the wire. */
  readonly success: 'true' | 'false';
}

/** One POST of a delivery: when, and what the receiver answered (or why there was no answer). */
export interface WebhookAttempt {
  /** ISO 8601 time the request was sent. */
  readonly at: string;
  /** HTTP status, when the receiver answered at all. */
  readonly status?: number;
  /** Why the attempt did not count: connection error, timeout, non-2xx, body not `[accepted]`. */
  readonly error?: string;
  readonly accepted: boolean;
}

/**
 * One webhook POST (one or more notification items) and what happened to it so far. The
 * top-level event fields are those of the first item; `items` lists them all.
 */
export interface WebhookDelivery extends WebhookDeliveryItem {
  /** `wh-1`, `wh-2`, ... in the order deliveries were formed. */
  readonly id: string;
  readonly url: string;
  readonly items: readonly WebhookDeliveryItem[];
  /** The delivery this one re-sends (same body, same signatures), when it is a duplicate. */
  readonly duplicateOf: string | undefined;
  /** The signed body that was (or will be) POSTed. */
  readonly notification: Notification;
  attempts: number;
  attemptLog: WebhookAttempt[];
  delivered: boolean;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  lastError?: string;
}

/** Logs with an optional structured payload; `level` inside the fields marks warnings. */
export type SimulatorLog = (msg: string, fields?: object) => void;

/** Delivery faults on demand; all off by default. */
export interface WebhookFaults {
  /** Chance (0..1) that a delivery is sent a second time. */
  duplicateRate?: number;
  /** Every Nth delivery is sent a second time (0: never). */
  duplicateEvery?: number;
  /** Hold up to N notifications and send them shuffled (0 or 1: in order). */
  reorderWindow?: number;
  /** Up to N notification items per POST (default 1). */
  batchSize?: number;
  /** How long a partly filled reorder window or batch waits for more items (default 100 ms). */
  holdMs?: number;
  /** Seeds the fault pattern; the same seed and the same events give the same deliveries. */
  seed?: number;
}

export interface WebhookDispatcherOptions {
  hmacKeyHex: string;
  webhookBasicAuth?: { username: string; password: string } | undefined;
  /** Wait before each delivery's first attempt. */
  webhookDelayMs: number;
  /** Waits between failed attempts; after the last, see `giveUpAfterMs`. */
  retryDelaysMs: readonly number[];
  /** Per-attempt timeout (Adyen: 10 s). */
  timeoutMs?: number;
  /**
   * Without it, a delivery is given up after the last retry delay. With it, the last delay
   * repeats until this long after the first attempt (Adyen: every 8 h for 30 days).
   */
  giveUpAfterMs?: number | undefined;
  faults?: WebhookFaults;
  log: SimulatorLog;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_HOLD_MS = 100;
const ACCEPTED_BODY = '[accepted]';

interface HeldItem {
  input: NotificationItemInput;
  url: string;
}

/**
 * Delivers signed standard notifications one at a time, in order, retrying until the receiver
 * answers 2xx with `[accepted]`; runs beside the API so a slow receiver never delays an API
 * response. Optional faults duplicate, reorder, batch and delay deliveries, reproducibly by seed.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions) {
  const faults = options.faults ?? {};
  const seed = faults.seed ?? Math.floor(Math.random() * 2 ** 32);
  const random = mulberry32(seed);
  const reorderWindow = Math.max(1, Math.floor(faults.reorderWindow ?? 1));
  const batchSize = Math.max(1, Math.floor(faults.batchSize ?? 1));
  const holdCapacity = Math.max(reorderWindow, batchSize);
  const holdMs = faults.holdMs ?? DEFAULT_HOLD_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const deliveries: WebhookDelivery[] = [];
  const queue: WebhookDelivery[] = [];
  let held: HeldItem[] = [];
  let holdTimer: NodeJS.Timeout | undefined;
  let formed = 0;
  let nextId = 0;
  const sleepers = new Set<{ timer: NodeJS.Timeout; wake: (completed: boolean) => void }>();
  const shutdown = new AbortController();
  let idleWaiters: Array<() => void> = [];
  let running = false;
  let closed = false;

  /** Queues one notification item; faults decide how and when it is POSTed. */
  function enqueue(input: NotificationItemInput, url: string): void {
    if (closed) return;
    held.push({ input, url });
    if (held.length >= holdCapacity) release();
    else holdTimer ??= setTimeout(release, holdMs);
  }

  /** Turns the held items into deliveries (shuffled, batched, duplicated) and sends them. */
  function release(): void {
    if (holdTimer !== undefined) clearTimeout(holdTimer);
    holdTimer = undefined;
    if (held.length === 0) return;
    const items = held;
    held = [];
    if (reorderWindow > 1) shuffle(items, random);

    const released = batches(items, batchSize).map((batch) => createDelivery(batch));
    for (const entry of [...released]) {
      formed += 1;
      const every = faults.duplicateEvery ?? 0;
      const rate = faults.duplicateRate ?? 0;
      const everyNth = every > 0 && formed % every === 0;
      // Drawn whenever a rate is set, so the pattern depends on the seed and the count alone.
      const byChance = rate > 0 && random() < rate;
      if (!everyNth && !byChance) continue;
      const duplicate = createDelivery(entry.batch, entry.delivery);
      const after = released.indexOf(entry) + 1;
      // In a shuffled window the copy may come any time after its original.
      const at =
        reorderWindow > 1 ? after + Math.floor(random() * (released.length - after + 1)) : after;
      released.splice(at, 0, duplicate);
    }
    for (const { delivery } of released) {
      deliveries.push(delivery);
      queue.push(delivery);
    }
    if (!running) void drain();
  }

  function createDelivery(
    batch: HeldItem[],
    original?: WebhookDelivery,
  ): { batch: HeldItem[]; delivery: WebhookDelivery } {
    const url = batch[0]?.url ?? '';
    const inputs = batch.map((item) => item.input);
    const items = inputs.map((input): WebhookDeliveryItem => ({
      eventCode: input.eventCode,
      pspReference: input.pspReference,
      originalReference: input.originalReference,
      merchantReference: input.merchantReference,
      success: input.success ? 'true' : 'false',
    }));
    const [first] = items;
    if (first === undefined) throw new Error('a webhook delivery needs at least one item');
    nextId += 1;
    const delivery: WebhookDelivery = {
      ...first,
      id: `wh-${nextId}`,
      url,
      items,
      duplicateOf: original?.id,
      notification: original?.notification ?? buildNotification(inputs, options.hmacKeyHex),
      attempts: 0,
      attemptLog: [],
      delivered: false,
      status: 'pending',
    };
    return { batch, delivery };
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      for (let delivery = queue.shift(); delivery !== undefined; delivery = queue.shift()) {
        await deliverWithRetries(delivery);
      }
    } finally {
      running = false;
      settle();
    }
  }

  function settle(): void {
    if (running || queue.length > 0 || held.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  }

  async function deliverWithRetries(delivery: WebhookDelivery): Promise<void> {
    if (!(await sleep(options.webhookDelayMs))) return cancel(delivery);
    let firstAttemptAt: number | undefined;
    for (let retry = 0; ; retry += 1) {
      if (closed) return cancel(delivery);
      firstAttemptAt ??= Date.now();
      delivery.attempts += 1;
      if (await post(delivery)) {
        delivery.delivered = true;
        delivery.status = 'delivered';
        return;
      }
      if (closed) return cancel(delivery);
      const delay = nextDelay(retry, firstAttemptAt);
      if (delay === undefined) {
        delivery.status = 'failed';
        options.log('webhook delivery given up', {
          level: 'warn',
          id: delivery.id,
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

  /** The wait before the next attempt, or undefined when the delivery is to be given up. */
  function nextDelay(retry: number, firstAttemptAt: number): number | undefined {
    const delays = options.retryDelaysMs;
    const giveUpAfter = options.giveUpAfterMs;
    const delay = delays[retry] ?? (giveUpAfter === undefined ? undefined : delays.at(-1));
    if (delay === undefined) return undefined;
    if (giveUpAfter !== undefined && Date.now() + delay - firstAttemptAt > giveUpAfter) {
      return undefined;
    }
    return delay;
  }

  async function post(delivery: WebhookDelivery): Promise<boolean> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const auth = options.webhookBasicAuth;
    if (auth !== undefined) {
      const credentials = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
      headers.authorization = `Basic ${credentials}`;
    }
    const fields = {
      id: delivery.id,
      eventCode: delivery.eventCode,
      pspReference: delivery.pspReference,
      items: delivery.items.length,
      attempt: delivery.attempts,
    };
    const at = new Date().toISOString();
    const fail = (error: string, status?: number): false => {
      delivery.lastError = error;
      delivery.attemptLog.push({
        at,
        ...(status === undefined ? {} : { status }),
        error,
        accepted: false,
      });
      return false;
    };
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(delivery.notification),
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), shutdown.signal]),
      });
      const text = await response.text();
      if (!response.ok) {
        options.log('webhook rejected', { level: 'warn', ...fields, status: response.status });
        return fail(`HTTP ${response.status}`, response.status);
      }
      if (text !== ACCEPTED_BODY) {
        // Adyen wants exactly "[accepted]"; anything else counts as a failed delivery.
        options.log('webhook answered without "[accepted]"', { level: 'warn', ...fields });
        return fail(`HTTP ${response.status} without "[accepted]"`, response.status);
      }
      delivery.attemptLog.push({ at, status: response.status, accepted: true });
      options.log('webhook delivered', { ...fields, status: response.status });
      return true;
    } catch (error) {
      const described = describeError(error);
      fail(described);
      if (shutdown.signal.aborted) return false;
      options.log('webhook delivery failed', { level: 'warn', ...fields, error: described });
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

  /**
   * Sends whatever a reorder window or batch still holds, then resolves once every delivery
   * has been accepted, given up or cancelled.
   */
  function flush(): Promise<void> {
    release();
    if (!running && queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  /** Cancels pending deliveries and retry timers and aborts any request in flight. */
  async function close(): Promise<void> {
    if (!closed) {
      release();
      closed = true;
    }
    shutdown.abort();
    for (const sleeper of sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.wake(false);
    }
    sleepers.clear();
    for (const delivery of queue.splice(0)) cancel(delivery);
    await flush();
  }

  return {
    enqueue,
    flush,
    close,
    /** The seed in use (random unless given), so a run's fault pattern can be replayed. */
    seed,
    deliveries: deliveries as ReadonlyArray<Readonly<WebhookDelivery>>,
  };
}

/** Adyen's real schedule: 3 quick retries, then 2 min ... 8 h; with a 30-day give-up, 8 h repeats. */
export const ADYEN_RETRY_DELAYS_MS: readonly number[] = [
  9_000,
  9_000,
  9_000,
  2 * 60_000,
  5 * 60_000,
  10 * 60_000,
  15 * 60_000,
  30 * 60_000,
  60 * 60_000,
  2 * 60 * 60_000,
  4 * 60 * 60_000,
  8 * 60 * 60_000,
];
export const ADYEN_GIVE_UP_AFTER_MS = 30 * 24 * 60 * 60_000;

/** Splits items into POSTs of up to `size`, never mixing webhook URLs in one POST. */
function batches(items: HeldItem[], size: number): HeldItem[][] {
  const result: HeldItem[][] = [];
  let current: HeldItem[] = [];
  for (const item of items) {
    if (current.length >= size || (current[0] !== undefined && current[0].url !== item.url)) {
      result.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** A small seeded PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch reports every network fault as "fetch failed"; the cause says which one.
  const cause: unknown = error.cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
