import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  verifyAccessToken,
  type Actor,
  type Permission,
  type RawRequest,
} from '@commerce-graph/kit';
import { identifyClient, type Client } from './protection/budgets.ts';
import { refusal } from './protection/refusal.ts';

/** What the gateway knows of a request's sender once it has checked its credentials. */
export interface Caller {
  /** Who the request acts for; passed to subgraphs as a signed assertion. */
  actor: Actor;
  /** Whose budget it spends. */
  client: Client;
}

/** What identity says a live session may do: its customer's staff permissions (often none). */
export interface SessionGrant {
  permissions: Permission[];
}

/** How long the gateway trusts its last look at a session: a logout takes effect within this. */
export const SESSION_CHECK_TTL_MS = 10_000;

/** What a partner API key starts with (identity makes them): `cgk_` and 43 base64url characters. */
export const API_KEY_PREFIX = 'cgk_';
/** How long the gateway trusts its last look at an API key: a revocation takes effect within this. */
export const API_KEY_CHECK_TTL_MS = 10_000;

/** What identity says a valid partner API key may do. */
export interface ApiKeyGrant {
  id: string;
  /** By the gateway's names (`catalog:read`, ...). */
  scopes: string[];
}

/** Refused rather than trusted: identity could not answer, and the request may pass later. */
const cannotCheck = () =>
  refusal(
    'SERVICE_UNAVAILABLE',
    'Sign-in cannot be checked right now, try again',
    {},
    { status: 503, headers: { 'retry-after': '1' } },
  );

/** 401 for a bearer token that is not a valid access token or API key. */
const invalidToken = () =>
  refusal(
    'UNAUTHENTICATED',
    'The access token is invalid or expired: refresh the session or sign in again',
    {},
    { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
  );

/** 401 for a bearer token that claims to be a partner API key and is not a valid one. */
const invalidApiKey = () =>
  refusal(
    'UNAUTHENTICATED',
    'The API key is unknown or revoked',
    {},
    { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
  );

/**
 * Authenticates each request once (the result is kept for the request). Without a bearer token
 * the caller is anonymous. A bearer token starting with `cgk_` must be a partner API key
 * identity knows and has not revoked (`apiKeyByToken`, remembered for API_KEY_CHECK_TTL_MS per
 * key hash). Any other must be an access token that identity signed (ACCESS_TOKEN_SECRET), that
 * has not expired, and whose session identity still holds open (`sessionGrant`, remembered for
 * SESSION_CHECK_TTL_MS per session, which also says what the customer's staff roles permit).
 * Anything else is refused with 401 before any other work. No credential is passed on.
 */
export function createAuthenticator(options: {
  accessTokenSecret: string | undefined;
  clientAddress: (request: RawRequest) => string | undefined;
  /**
   * Asks identity whether a session may still act (null: it may not) and with which staff
   * permissions; a failure refuses the request. Unset, every session acts as a shopper.
   */
  sessionGrant?: (customer: {
    customerId: string;
    sessionId: string;
  }) => Promise<SessionGrant | null>;
  /** Asks identity what a partner API key may do (null: unknown or revoked); unset, none may. */
  apiKeyGrant?: (key: string) => Promise<ApiKeyGrant | null>;
}) {
  const callers = new WeakMap<RawRequest, Promise<Caller>>();
  const sessions = new LRUCache<string, Promise<SessionGrant | null>>({
    max: 50_000,
    ttl: SESSION_CHECK_TTL_MS,
  });
  const sessionGrantOf = (customer: { customerId: string; sessionId: string }) => {
    if (!options.sessionGrant) return Promise.resolve({ permissions: [] });
    const key = `${customer.customerId}:${customer.sessionId}`;
    let grant = sessions.get(key);
    if (!grant) {
      grant = options.sessionGrant(customer);
      sessions.set(key, grant);
      // A failed look is not remembered: the next request asks again.
      grant.catch(() => sessions.delete(key));
    }
    return grant;
  };
  const grants = new LRUCache<string, Promise<ApiKeyGrant | null>>({
    max: 10_000,
    ttl: API_KEY_CHECK_TTL_MS,
  });
  const grantOf = (key: string) => {
    if (!options.apiKeyGrant) return Promise.resolve(null);
    // Keyed by the key's hash, so the gateway's memory holds no usable key.
    const hash = createHash('sha256').update(key).digest('base64url');
    let grant = grants.get(hash);
    if (!grant) {
      grant = options.apiKeyGrant(key);
      grants.set(hash, grant);
      grant.catch(() => grants.delete(hash));
    }
    return grant;
  };

  const authenticate = async (request: RawRequest): Promise<Caller> => {
    const address = options.clientAddress(request);
    const header = request.headers.authorization;
    const bearer = typeof header === 'string' ? /^Bearer (.+)$/i.exec(header)?.[1] : undefined;
    if (bearer?.startsWith(API_KEY_PREFIX)) {
      let grant: ApiKeyGrant | null;
      try {
        grant = await grantOf(bearer);
      } catch {
        throw cannotCheck();
      }
      if (!grant) throw invalidApiKey();
      const actor = { kind: 'partner' as const, keyId: grant.id, scopes: grant.scopes };
      const client = identifyClient(address, actor);
      return { actor: { ...actor, network: client.network }, client };
    }
    if (header === undefined) {
      const client = identifyClient(address);
      return { actor: { kind: 'anonymous', network: client.network }, client };
    }
    const customer =
      bearer && options.accessTokenSecret
        ? await verifyAccessToken(options.accessTokenSecret, bearer)
        : null;
    if (!customer) throw invalidToken();
    let grant: SessionGrant | null;
    try {
      grant = await sessionGrantOf(customer);
    } catch {
      // Without an answer the token cannot be trusted: refuse, and say it may pass later.
      throw cannotCheck();
    }
    if (!grant) throw invalidToken();
    const client = identifyClient(address, customer);
    const permissions = grant.permissions.length ? { permissions: grant.permissions } : {};
    return { actor: { ...customer, ...permissions, network: client.network }, client };
  };

  return {
    /** The request's caller; throws the 401 refusal for an invalid access token. */
    callerOf(request: RawRequest): Promise<Caller> {
      let caller = callers.get(request);
      if (!caller) {
        caller = authenticate(request);
        callers.set(request, caller);
      }
      return caller;
    },
  };
}
