import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { adyenError, type ApiResponse } from './api-response.ts';
import { createIdempotencyStore, MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency.ts';
import type { NotificationItemInput } from './notification.ts';
import { createPaymentLedger, type LedgerResult, type ModificationKind } from './payment-ledger.ts';
import { availablePaymentMethods } from './payment-methods.ts';
import { REDIRECT_PATH } from './redirect.ts';
import {
  amountModificationSchema,
  parseRequest,
  paymentDetailsRequestSchema,
  paymentMethodsRequestSchema,
  paymentRequestSchema,
  sessionPaymentRequestSchema,
  sessionRequestSchema,
  standaloneCancelSchema,
  wholeModificationSchema,
} from './validation.ts';
import {
  ADYEN_GIVE_UP_AFTER_MS,
  ADYEN_RETRY_DELAYS_MS,
  createWebhookDispatcher,
  type SimulatorLog,
  type WebhookDelivery,
  type WebhookFaults,
} from './webhook-dispatcher.ts';

/** Adyen's retry schedule (9 s, 18 s, 27 s, 2 min, 5 min, ...) shrunk to fit a test run. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [200, 400, 800, 2000, 5000];

/** Where the simulator lists its webhook deliveries (API key required). */
export const WEBHOOKS_PATH = '/simulator/webhooks';

const MAX_BODY_BYTES = 1024 * 1024;

/** The client key Drop-in authenticates with when none is configured (Adyen's `test_` form). */
export const DEFAULT_CLIENT_KEY = 'test_SIMULATORCLIENTKEY0000000000000';

/** Where Drop-in pays a session, as on `checkoutshopper-test.adyen.com`. */
const SESSION_PAYMENTS_PATH = /^\/checkoutshopper\/v1\/sessions\/([^/]+)\/payments\/?$/;

export interface AdyenSimulatorOptions {
  /** The only `x-api-key` the simulator accepts. */
  apiKey: string;
  /** The 64-hex-character key webhooks are signed with (as in the Customer Area). */
  hmacKeyHex: string;
  /** The only merchant account requests may name. */
  merchantAccount: string;
  /** The client key Drop-in sends to the client-side endpoints (default DEFAULT_CLIENT_KEY). */
  clientKey?: string;
  /** Where standard notifications are POSTed; none are sent without it. */
  webhookUrl?: string | undefined;
  webhookBasicAuth?: { username: string; password: string } | undefined;
  /** Wait before the first delivery attempt of each webhook (default 50 ms). */
  webhookDelayMs?: number;
  /**
   * Waits between failed attempts (default: see above); `'adyen'` is Adyen's real schedule
   * (9 s x 3, 2 min, 5 min, ... 8 h, then every 8 h for 30 days).
   */
  retryDelaysMs?: readonly number[] | 'adyen';
  /** Per-attempt timeout; no answer in time is a failed attempt (default 10 s, as Adyen). */
  webhookTimeoutMs?: number;
  /**
   * Repeat the last retry delay until this long after the first attempt, then give up. Unset:
   * give up after the last retry delay (30 days with `retryDelaysMs: 'adyen'`).
   */
  webhookGiveUpAfterMs?: number;
  /** Duplicates, reordering, batching on demand, reproducible by `seed` (all off by default). */
  webhookFaults?: WebhookFaults;
  /** Artificial latency before each API answer, so tests can hit an in-flight Idempotency-Key. */
  responseDelayMs?: number;
  log?: SimulatorLog;
}

/** A webhook to send on demand; the merchant account defaults to the simulator's. */
export type WebhookInput = Omit<NotificationItemInput, 'merchantAccountCode'> & {
  merchantAccountCode?: string;
};

/** A running (or ready-to-run) Adyen Checkout API v72 simulator. */
export interface AdyenSimulator {
  /** Starts listening and resolves the base URL, e.g. `http://127.0.0.1:41234`. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops the server and cancels pending webhook deliveries and their timers. */
  close(): Promise<void>;
  /** The base URL; throws before `listen` has resolved. */
  readonly url: string;
  /** The client key Drop-in must send (`?clientKey=`), for the merchant's client config. */
  readonly clientKey: string;
  /** Every webhook POST formed so far, in sending order, with its items and attempt log. */
  readonly deliveries: ReadonlyArray<Readonly<WebhookDelivery>>;
  /** The seed of the webhook fault pattern (random unless `webhookFaults.seed` was given). */
  readonly webhookSeed: number;
  /**
   * Sends whatever a reorder window or batch still holds, and resolves once every webhook has
   * been accepted, given up or cancelled.
   */
  flushWebhooks(): Promise<void>;
  /** Points later webhooks somewhere else (e.g. once the receiving service has a port). */
  setWebhookUrl(url: string | undefined): void;
  /** Queues a signed webhook of any kind (e.g. CHARGEBACK) to the current webhook URL. */
  sendWebhook(input: WebhookInput): void;
}

type Route =
  | { kind: 'payments' }
  | { kind: 'payment-details' }
  | { kind: 'payment-methods' }
  | { kind: 'sessions' }
  | { kind: 'standalone-cancel' }
  | { kind: 'modification'; modification: ModificationKind; pspReference: string };

/** Creates an Adyen simulator; nothing listens until `listen` is called. */
export function createAdyenSimulator(options: AdyenSimulatorOptions): AdyenSimulator {
  const log: SimulatorLog = options.log ?? (() => {});
  let baseUrl: string | undefined;
  const clientKey = options.clientKey ?? DEFAULT_CLIENT_KEY;
  const ledger = createPaymentLedger(options.merchantAccount, () => simulator.url);
  const idempotency = createIdempotencyStore();
  const adyenSchedule = options.retryDelaysMs === 'adyen';
  const dispatcher = createWebhookDispatcher({
    hmacKeyHex: options.hmacKeyHex,
    webhookBasicAuth: options.webhookBasicAuth,
    webhookDelayMs: options.webhookDelayMs ?? 50,
    retryDelaysMs: adyenSchedule
      ? ADYEN_RETRY_DELAYS_MS
      : ((options.retryDelaysMs as readonly number[] | undefined) ?? DEFAULT_RETRY_DELAYS_MS),
    timeoutMs: options.webhookTimeoutMs,
    giveUpAfterMs:
      options.webhookGiveUpAfterMs ?? (adyenSchedule ? ADYEN_GIVE_UP_AFTER_MS : undefined),
    faults: options.webhookFaults,
    log,
  });
  let webhookUrl = options.webhookUrl;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log('request failed', { level: 'error', error: String(error) });
      if (!res.headersSent) send(res, adyenError(500, '000', 'Internal error', 'internal'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (req.method === 'GET' && (pathname === '/health' || pathname === '/ready')) {
      return send(res, { status: 200, body: { status: 'ok' } });
    }
    // The shopper's browser, not the merchant's server: no API key.
    if (req.method === 'GET' && pathname === REDIRECT_PATH) return bankPage(req, res);
    // Drop-in in the shopper's browser: the client key, not the API key, and CORS.
    const sessionPayment = SESSION_PAYMENTS_PATH.exec(pathname);
    if (sessionPayment?.[1] !== undefined) {
      const response = await answerClientSide(req, decodeURIComponent(sessionPayment[1]));
      log('request', { method: req.method, path: pathname, status: response.status });
      return send(res, { ...response, headers: { ...CORS_HEADERS, ...response.headers } });
    }
    const response = await answer(req, pathname);
    log('request', { method: req.method, path: pathname, status: response.status });
    send(res, response);
  }

  async function answer(req: IncomingMessage, pathname: string): Promise<ApiResponse> {
    const apiKey = req.headers['x-api-key'];
    if (apiKey !== options.apiKey) {
      return adyenError(401, '000', 'HTTP Status Response - Unauthorized', 'security');
    }
    if (pathname === WEBHOOKS_PATH) {
      if (req.method !== 'GET') {
        return adyenError(405, '000', 'HTTP Status Response - Method Not Allowed');
      }
      return { status: 200, body: webhookReport() };
    }
    const route = matchRoute(pathname);
    if (route === undefined) return adyenError(404, '000', 'HTTP Status Response - Not Found');
    if (req.method !== 'POST') {
      return adyenError(405, '000', 'HTTP Status Response - Method Not Allowed');
    }
    const raw = await readBody(req);
    if (raw === undefined) return adyenError(413, '000', 'Request entity too large');

    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return processRequest(route, raw);
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      return adyenError(
        422,
        '000',
        `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
      );
    }
    const claim = idempotency.claim(apiKey, key);
    if (claim.kind === 'replay') return claim.response;
    if (claim.kind === 'in-flight') {
      return adyenError(422, '704', 'request already processed or in progress', 'validation', {
        'transient-error': 'true',
      });
    }
    try {
      const response = await processRequest(route, raw);
      idempotency.complete(apiKey, key, response);
      return response;
    } catch (error) {
      idempotency.release(apiKey, key);
      throw error;
    }
  }

  /** `POST /checkoutshopper/v1/sessions/{id}/payments?clientKey=...`, Drop-in's session payment. */
  async function answerClientSide(req: IncomingMessage, sessionId: string): Promise<ApiResponse> {
    if (req.method === 'OPTIONS') return { status: 204, body: '' };
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (url.searchParams.get('clientKey') !== clientKey) {
      return adyenError(
        401,
        '000',
        'HTTP Status Response - Unauthorized: invalid clientKey',
        'security',
      );
    }
    if (req.method !== 'POST') {
      return adyenError(405, '000', 'HTTP Status Response - Method Not Allowed');
    }
    const raw = await readBody(req);
    if (raw === undefined) return adyenError(413, '000', 'Request entity too large');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return adyenError(400, '702', 'Unable to parse JSON request');
    }
    const parsed = parseRequest(sessionPaymentRequestSchema, body, options.merchantAccount);
    if (!parsed.ok) return parsed.response;
    const result = ledger.payWithSession(sessionId, parsed.data);
    for (const notification of result.notifications) queueWebhook(notification);
    return result.response;
  }

  /**
   * The bank a redirect method sends the shopper to: `?outcome=authorise` or `?outcome=refuse`
   * answers 302 to the payment's returnUrl with a `redirectResult`; without an outcome, a page
   * that links to both.
   */
  function bankPage(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const redirectData = url.searchParams.get('redirectData') ?? '';
    const outcome = url.searchParams.get('outcome');
    if (outcome === null) {
      const link = (choice: string) => {
        const target = new URL(url.pathname, 'http://simulator.invalid');
        target.searchParams.set('redirectData', redirectData);
        target.searchParams.set('outcome', choice);
        return `<a href="${escapeHtml(target.pathname + target.search)}">${choice}</a>`;
      };
      const html = `<!doctype html><title>Simulated bank</title><p>${link('authorise')} ${link('refuse')}</p>`;
      res.writeHead(200, { 'content-type': 'text/html;charset=UTF-8' });
      res.end(html);
      return;
    }
    if (outcome !== 'authorise' && outcome !== 'refuse') {
      return send(res, adyenError(400, '000', 'outcome must be authorise or refuse'));
    }
    const decided = ledger.decideRedirect(redirectData, outcome);
    log('redirect', { outcome, status: decided.ok ? 302 : decided.response.status });
    if (!decided.ok) return send(res, decided.response);
    res.writeHead(302, { location: decided.location, 'content-length': 0 });
    res.end();
  }

  async function processRequest(route: Route, raw: string): Promise<ApiResponse> {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unreadable body';
      return adyenError(400, '702', `Unable to parse JSON request: ${reason}`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return adyenError(400, '702', 'Unable to parse JSON request: expected a JSON object');
    }
    const result = dispatch(route, body);
    if (options.responseDelayMs !== undefined && options.responseDelayMs > 0) {
      await delay(options.responseDelayMs);
    }
    // Queued before the answer is written, so flushWebhooks() right after a call sees them.
    for (const notification of result.notifications) queueWebhook(notification);
    return result.response;
  }

  function dispatch(route: Route, body: object): LedgerResult {
    const account = options.merchantAccount;
    const rejected = (response: ApiResponse): LedgerResult => ({ response, notifications: [] });
    switch (route.kind) {
      case 'payments': {
        const parsed = parseRequest(paymentRequestSchema, body, account);
        return parsed.ok ? ledger.authorise(parsed.data) : rejected(parsed.response);
      }
      case 'payment-details': {
        const parsed = parseRequest(paymentDetailsRequestSchema, body, account);
        return parsed.ok ? ledger.submitDetails(parsed.data) : rejected(parsed.response);
      }
      case 'payment-methods': {
        const parsed = parseRequest(paymentMethodsRequestSchema, body, account);
        if (!parsed.ok) return rejected(parsed.response);
        const paymentMethods = availablePaymentMethods({
          countryCode: parsed.data.countryCode,
          currency: parsed.data.amount?.currency,
        });
        const { shopperReference } = parsed.data;
        const listed =
          shopperReference === undefined
            ? { paymentMethods }
            : {
                paymentMethods,
                storedPaymentMethods: ledger.storedPaymentMethods(shopperReference),
              };
        return { response: { status: 200, body: listed }, notifications: [] };
      }
      case 'sessions': {
        const parsed = parseRequest(sessionRequestSchema, body, account);
        return parsed.ok ? ledger.createSession(parsed.data) : rejected(parsed.response);
      }
      case 'standalone-cancel': {
        const parsed = parseRequest(standaloneCancelSchema, body, account);
        return parsed.ok
          ? ledger.cancelByMerchantReference(parsed.data)
          : rejected(parsed.response);
      }
      case 'modification': {
        const needsAmount = route.modification === 'captures' || route.modification === 'refunds';
        const parsed = needsAmount
          ? parseRequest(amountModificationSchema, body, account)
          : parseRequest(wholeModificationSchema, body, account);
        return parsed.ok
          ? ledger.modify(route.modification, route.pspReference, parsed.data)
          : rejected(parsed.response);
      }
    }
  }

  function queueWebhook(input: NotificationItemInput): void {
    if (webhookUrl !== undefined) dispatcher.enqueue(input, webhookUrl);
  }

  /** What `GET /simulator/webhooks` answers: every delivery without its signed body. */
  function webhookReport() {
    return {
      seed: dispatcher.seed,
      deliveries: dispatcher.deliveries.map((delivery) => ({
        id: delivery.id,
        url: delivery.url,
        status: delivery.status,
        items: delivery.items,
        ...(delivery.duplicateOf === undefined ? {} : { duplicateOf: delivery.duplicateOf }),
        attempts: delivery.attemptLog,
      })),
    };
  }

  const simulator: AdyenSimulator = {
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          baseUrl = `http://${urlHost(host)}:${address.port}`;
          log('adyen simulator listening', { url: baseUrl });
          resolve(baseUrl);
        });
      });
    },
    async close() {
      await dispatcher.close();
      if (!server.listening) return;
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      });
    },
    get url() {
      if (baseUrl === undefined) throw new Error('Adyen simulator is not listening yet');
      return baseUrl;
    },
    clientKey,
    deliveries: dispatcher.deliveries,
    webhookSeed: dispatcher.seed,
    flushWebhooks: () => dispatcher.flush(),
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    sendWebhook(input) {
      queueWebhook({
        ...input,
        merchantAccountCode: input.merchantAccountCode ?? options.merchantAccount,
      });
    },
  };
  return simulator;
}

function matchRoute(pathname: string): Route | undefined {
  // v71 shares every field the simulator reads, so older clients are served too.
  const path = /^\/v7[12]\/(.+?)\/?$/.exec(pathname)?.[1];
  if (path === undefined) return undefined;
  if (path === 'payments') return { kind: 'payments' };
  if (path === 'payments/details') return { kind: 'payment-details' };
  if (path === 'paymentMethods') return { kind: 'payment-methods' };
  if (path === 'sessions') return { kind: 'sessions' };
  if (path === 'cancels') return { kind: 'standalone-cancel' };
  const modification = /^payments\/([^/]+)\/(captures|refunds|cancels|reversals)$/.exec(path);
  if (modification?.[1] === undefined || modification[2] === undefined) return undefined;
  return {
    kind: 'modification',
    modification: modification[2] as ModificationKind,
    pspReference: decodeURIComponent(modification[1]),
  };
}

/** Reads the body as UTF-8; undefined when it exceeds the size limit. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    // Keep reading past the limit: leaving the loop early would destroy the socket before
    // the 413 answer could be written.
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

function send(res: ServerResponse, response: ApiResponse): void {
  const body = response.status === 204 ? '' : JSON.stringify(response.body);
  const pspReference =
    typeof response.body === 'object' && response.body !== null && 'pspReference' in response.body
      ? response.body.pspReference
      : undefined;
  res.writeHead(response.status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(body),
    ...(typeof pspReference === 'string' ? { pspreference: pspReference } : {}),
    ...response.headers,
  });
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function urlHost(host: string): string {
  // A wildcard address is fine to bind to but not to call; hand out loopback instead.
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
