/**
 * The HTTP client that lets `@adyen/api-library` reach a plain-`http:` Adyen stand-in (the local
 * simulator of `pnpm start` and the tests): part of checkout's Adyen adapter, so the service
 * needs no simulator code at run time. Production leaves it out and uses the library's own.
 */
import adyen from '@adyen/api-library';
import { injectTraceHeaders } from '@commerce-graph/kit';

// @adyen/api-library is CommonJS and Node's ESM loader only detects a few of its named
// exports: `import { CheckoutAPI } from '@adyen/api-library'` fails at runtime with
// "does not provide an export named 'CheckoutAPI'". The default import always works.
const { HttpClientException } = adyen;

/** The library's HTTP client contract (`ClientInterface`), the `Client` constructor's 2nd arg. */
export type AdyenHttpClient = NonNullable<ConstructorParameters<typeof adyen.Client>[1]>;

type AdyenRequestOptions = NonNullable<Parameters<AdyenHttpClient['request']>[4]>;

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The Adyen simulator's default client key (its `DEFAULT_CLIENT_KEY`), what `createPaymentSession`
 * answers against the simulator when `ADYEN_CLIENT_KEY` is unset.
 */
export const SIMULATOR_CLIENT_KEY = 'test_SIMULATORCLIENTKEY0000000000000';

/**
 * Creates an `@adyen/api-library` HTTP client that sends every call to `baseUrl` instead of
 * Adyen (the library has no base-URL option and speaks https only).
 *
 * Construct the Adyen client as in production and pass this as the second argument:
 * ```ts
 * import adyen from '@adyen/api-library'; // default import: see the note at the top of this file
 * const { CheckoutAPI, Client, Config, EnvironmentEnum } = adyen;
 * const client = new Client(
 *   new Config({ apiKey, environment: EnvironmentEnum.TEST }),
 *   createAdyenHttpClient('http://127.0.0.1:4010'),
 * );
 * const checkout = new CheckoutAPI(client);
 * const payment = await checkout.PaymentsApi.payments(request, { idempotencyKey });
 * ```
 * Non-2xx answers throw the library's `HttpClientException` with `statusCode`, `errorCode`,
 * `responseBody`, `responseHeaders` and `apiError`, exactly like its own client.
 */
export function createAdyenHttpClient(baseUrl: string): AdyenHttpClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async request(endpoint, json, config, isApiKeyRequired, requestOptions = {}) {
      if (isApiKeyRequired && !config.apiKey) {
        throw new HttpClientException({ message: 'Invalid X-API-Key was used', statusCode: 401 });
      }
      const method = (requestOptions.method ?? 'POST').toUpperCase();
      // The trace goes on to the stand-in (the active span is the provider's `adyen …` span).
      const headers = injectTraceHeaders(requestHeaders(requestOptions));
      if (config.apiKey) {
        headers['x-api-key'] = config.apiKey;
      } else if (config.username !== undefined) {
        const credentials = `${config.username}:${config.password ?? ''}`;
        headers.authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
      }
      const response = await fetch(targetUrl(base, endpoint, requestOptions.params), {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : requestBody(json),
        signal: AbortSignal.timeout(config.connectionTimeoutMillis ?? DEFAULT_TIMEOUT_MS),
      });
      const text = await response.text();
      if (!response.ok) throw toHttpClientException(response, text);
      return text;
    },
  };
}

/** Keeps the `/v72/...` part of a library endpoint and puts it under the base URL. */
function targetUrl(base: string, endpoint: string, params: AdyenRequestOptions['params']): URL {
  const { pathname } = new URL(endpoint);
  // Live checkout URLs carry a `/checkout` prefix before the version; the simulator does not.
  const versioned = /\/v\d+\/.*$/.exec(pathname)?.[0] ?? pathname;
  const url = new URL(`${base}${versioned}`);
  if (params !== undefined) {
    for (const [name, value] of new URLSearchParams(params)) url.searchParams.append(name, value);
  }
  return url;
}

function requestHeaders(requestOptions: AdyenRequestOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(requestOptions.headers ?? {})) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  headers['content-type'] ??= 'application/json';
  if (requestOptions.idempotencyKey) headers['idempotency-key'] = requestOptions.idempotencyKey;
  return headers;
}

function requestBody(json: string | Buffer): string | Uint8Array {
  return typeof json === 'string' ? json : new Uint8Array(json);
}

function toHttpClientException(response: Response, text: string): Error {
  const responseHeaders = Object.fromEntries(response.headers);
  const apiError = parseApiError(text);
  if (apiError === undefined) {
    return new HttpClientException({
      message: `HTTP Exception: ${response.status}. ${response.statusText}`,
      statusCode: response.status,
      responseHeaders,
      responseBody: text,
    });
  }
  // Mirrors the library's own client, which takes status and code from Adyen's error body.
  return new HttpClientException({
    message: `HTTP Exception: ${apiError.status}. ${response.statusText}: ${apiError.message}`,
    statusCode: apiError.status,
    errorCode: apiError.errorCode,
    responseHeaders,
    responseBody: text,
    apiError,
  });
}

function parseApiError(
  text: string,
): { status: number; errorCode?: string; message?: string; errorType?: string } | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || !('status' in body)) return undefined;
    if (typeof body.status !== 'number') return undefined;
    return body as { status: number; errorCode?: string; message?: string; errorType?: string };
  } catch {
    return undefined;
  }
}
