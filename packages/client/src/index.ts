import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

// The storefront's operations (src/operations/*.graphql) as typed documents, and their types.
export * from './__generated__/graphql.ts';
export type { TypedDocumentNode };

/** Request headers; an `undefined` value is left out (`{ authorization: token && ... }`). */
type HeaderMap = Record<string, string | undefined>;

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** Sent with every request; a function is called per request (for a token that changes). */
  headers?: HeaderMap | (() => HeaderMap | Promise<HeaderMap>);
  /** Defaults to the global `fetch` (Node 20, browsers). */
  fetch?: typeof fetch;
  /**
   * Send queries as automatic persisted queries over GET (a hash instead of the document), so
   * CDNs and the gateway's response cache can keep them; mutations always go by POST.
   */
  persisted?: boolean;
}

export interface RequestOptions {
  headers?: HeaderMap;
  signal?: AbortSignal;
}

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * A request that did not answer data: GraphQL errors (with their `extensions.code`), an HTTP
 * status other than 2xx, or a body that is not GraphQL. Expected failures of the shop (out of
 * stock, wrong password) are not errors: they come back as typed results in `data`.
 */
export class GraphQLClientError extends Error {
  override readonly name = 'GraphQLClientError';

  constructor(
    message: string,
    /** The HTTP status of the answer (0 when the request never got one). */
    readonly status: number,
    readonly errors: readonly GraphQLErrorEntry[] = [],
    /** Partial data, when the gateway answered some fields and errors for others. */
    readonly data: unknown = undefined,
    readonly operationName?: string,
  ) {
    super(message);
  }

  /** The `extensions.code` of each GraphQL error, e.g. `GRAPHQL_VALIDATION_FAILED`. */
  get codes(): string[] {
    return this.errors.flatMap((e) => (e.extensions?.code ? [e.extensions.code] : []));
  }
}

/** Variables are optional exactly when the operation has no required ones. */
type RequestArgs<TVariables> =
  Record<string, never> extends TVariables
    ? [variables?: TVariables, options?: RequestOptions]
    : [variables: TVariables, options?: RequestOptions];

export interface Client {
  /** Runs one operation and answers its typed `data`, or throws a GraphQLClientError. */
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...args: RequestArgs<TVariables>
  ): Promise<TData>;
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

interface PreparedDocument {
  query: string;
  operationName?: string;
  isQuery: boolean;
  hash?: Promise<string>;
}

/** Creates a client for one gateway; it holds no state but the documents it has printed. */
export function createClient(options: ClientOptions): Client {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const prepared = new WeakMap<DocumentNode, PreparedDocument>();
  // A gateway without a persisted-query store says so once; the client then stops asking.
  let persisted = options.persisted ?? false;

  const prepare = (document: DocumentNode): PreparedDocument => {
    let entry = prepared.get(document);
    if (!entry) {
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
      );
      entry = {
        query: print(document),
        operationName: operation?.name?.value,
        isQuery: operation?.operation === 'query',
      };
      prepared.set(document, entry);
    }
    return entry;
  };

  const headersFor = async (extra?: HeaderMap): Promise<Record<string, string>> => {
    const base = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries({ ...base, ...extra })) {
      if (value !== undefined) headers[name] = value;
    }
    return headers;
  };

  const send = async (
    doc: PreparedDocument,
    init: { method: 'GET' | 'POST'; body?: Record<string, unknown> },
    requestOptions: RequestOptions | undefined,
  ): Promise<{ status: number; body: GraphQLBody }> => {
    const headers = await headersFor(requestOptions?.headers);
    let url = options.url;
    let body: string | undefined;
    if (init.method === 'GET') {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(init.body ?? {})) {
        if (value === undefined) continue;
        params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
      }
      url += (url.includes('?') ? '&' : '?') + params.toString();
      // Apollo's CSRF prevention runs a GET only with a header a simple request cannot carry.
      headers['apollo-require-preflight'] = 'true';
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: init.method,
        headers: { accept: 'application/graphql-response+json, application/json', ...headers },
        body,
        signal: requestOptions?.signal,
      });
    } catch (error) {
      throw new GraphQLClientError(
        `${doc.operationName ?? 'request'} failed: ${(error as Error).message}`,
        0,
        [],
        undefined,
        doc.operationName,
      );
    }
    const text = await response.text();
    let parsed: GraphQLBody | undefined;
    try {
      parsed = text ? (JSON.parse(text) as GraphQLBody) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || !('data' in parsed || 'errors' in parsed)) {
      throw new GraphQLClientError(
        `${doc.operationName ?? 'request'} answered HTTP ${response.status} without a GraphQL body`,
        response.status,
        [],
        undefined,
        doc.operationName,
      );
    }
    return { status: response.status, body: parsed };
  };

  const hasCode = (body: GraphQLBody, code: string) =>
    body.errors?.some((e) => e.extensions?.code === code || e.message === code) ?? false;

  return {
    async request<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      ...[variables, requestOptions]: RequestArgs<TVariables>
    ): Promise<TData> {
      const doc = prepare(document);
      const payload = { operationName: doc.operationName, variables };
      let answer: { status: number; body: GraphQLBody };
      if (persisted && doc.isQuery) {
        doc.hash ??= sha256Hex(doc.query);
        const extensions = { persistedQuery: { version: 1, sha256Hash: await doc.hash } };
        answer = await send(
          doc,
          { method: 'GET', body: { ...payload, extensions } },
          requestOptions,
        );
        if (hasCode(answer.body, 'PERSISTED_QUERY_NOT_FOUND')) {
          // First use of this document here: send it in full once, which registers the hash.
          answer = await send(
            doc,
            { method: 'POST', body: { ...payload, query: doc.query, extensions } },
            requestOptions,
          );
        } else if (hasCode(answer.body, 'PERSISTED_QUERY_NOT_SUPPORTED')) {
          persisted = false;
          answer = await send(
            doc,
            { method: 'POST', body: { ...payload, query: doc.query } },
            requestOptions,
          );
        }
      } else {
        answer = await send(
          doc,
          { method: 'POST', body: { ...payload, query: doc.query } },
          requestOptions,
        );
      }
      const { status, body } = answer;
      if (body.errors?.length || status < 200 || status >= 300 || body.data == null) {
        const errors = body.errors ?? [];
        const summary = errors.map((e) => e.message).join('; ') || `HTTP ${status}`;
        throw new GraphQLClientError(
          `${doc.operationName ?? 'request'}: ${summary}`,
          status,
          errors,
          body.data ?? undefined,
          doc.operationName,
        );
      }
      return body.data as TData;
    },
  };
}

/** SHA-256 of a string as lowercase hex, with Web Crypto (Node 20 and browsers alike). */
async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
