import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { PERMISSIONS, type Permission } from './permissions.ts';

/**
 * Who a request acts for, as the gateway verified it. Subgraphs never read a client's token:
 * they trust only an identity assertion the gateway signed (`IDENTITY_HEADER`).
 */
export type Actor = (
  | { kind: 'anonymous' }
  | {
      kind: 'customer';
      customerId: string;
      sessionId: string;
      /**
       * What the customer's staff roles grant (`stock:write`, ...), as identity told the gateway
       * when it checked the session; absent or empty for a shopper.
       */
      permissions?: readonly Permission[];
    }
  /** A partner's API key, with the scopes (`catalog:read`, `orders:read`, ...) it was given. */
  | { kind: 'partner'; keyId: string; scopes: string[] }
) & {
  /** The client's network (IPv4 address or IPv6 /64) as the gateway saw it, for rate limits. */
  network?: string;
};

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The header in which the gateway passes the verified actor to subgraphs. */
export const IDENTITY_HEADER = 'x-identity';

const ISSUER = 'commerce-graph/identity';
const GATEWAY = 'commerce-graph/gateway';
const AUDIENCE = 'commerce-graph';
/** An access token's life: short, so a revoked session stops working soon without a lookup. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** An identity assertion covers one request, gateway to subgraph. */
const ASSERTION_TTL_SECONDS = 60;

/**
 * A signed assertion is sent again for this long to the same actor (it still has at least
 * 50 s to live): signing one per request was a tenth of the gateway's CPU on a product page.
 */
const ASSERTION_REUSE_MS = 10_000;

const derivedKeys = new Map<string, KeyObject>();

/** The HS256 key for one purpose, derived from a secret once per process. */
function keyOf(secret: string, purpose: string): KeyObject {
  const id = `${purpose}\u0000${secret}`;
  let key = derivedKeys.get(id);
  if (!key) {
    key = createSecretKey(createHmac('sha256', secret).update(purpose).digest());
    derivedKeys.set(id, key);
  }
  return key;
}

/**
 * Signs a customer's access token (identity issues them; the gateway verifies them). HS256 with
 * a key derived from ACCESS_TOKEN_SECRET, which only identity and the gateway hold.
 */
export async function signAccessToken(
  secret: string,
  claims: { customerId: string; sessionId: string },
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ sid: claims.sessionId, typ: 'customer' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.customerId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keyOf(secret, 'access-token'));
  return { token, expiresAt };
}

/** The customer an access token names, or null when it is forged, expired or malformed. */
export async function verifyAccessToken(
  secret: string,
  token: string,
): Promise<{ kind: 'customer'; customerId: string; sessionId: string } | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret, 'access-token'), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    if (payload.typ !== 'customer' || typeof payload.sub !== 'string') return null;
    if (typeof payload.sid !== 'string') return null;
    return { kind: 'customer', customerId: payload.sub, sessionId: payload.sid };
  } catch {
    return null;
  }
}

const isPermission = (value: unknown): value is Permission =>
  PERMISSIONS.includes(value as Permission);

const signedAssertions = new LRUCache<string, { token: string; until: number }>({ max: 10_000 });

/**
 * The gateway's signed statement of who a request acts for (key derived from INTERNAL_TOKEN).
 * The same actor (same customer, session, permissions, network) gets the same assertion for
 * `ASSERTION_REUSE_MS`.
 */
export async function signIdentityAssertion(internalToken: string, actor: Actor): Promise<string> {
  const id = `${internalToken}\u0000${JSON.stringify(actor)}`;
  const reused = signedAssertions.get(id);
  if (reused && reused.until > Date.now()) return reused.token;
  const token = await signAssertion(internalToken, actor);
  signedAssertions.set(id, { token, until: Date.now() + ASSERTION_REUSE_MS });
  return token;
}

async function signAssertion(internalToken: string, actor: Actor): Promise<string> {
  const jwt = new SignJWT({
    kind: actor.kind,
    ...(actor.kind === 'customer' ? { sid: actor.sessionId } : {}),
    ...(actor.kind === 'customer' && actor.permissions?.length ? { prm: actor.permissions } : {}),
    ...(actor.kind === 'partner' ? { scp: actor.scopes } : {}),
    ...(actor.network ? { net: actor.network } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(GATEWAY)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ASSERTION_TTL_SECONDS}s`);
  if (actor.kind === 'customer') jwt.setSubject(actor.customerId);
  if (actor.kind === 'partner') jwt.setSubject(actor.keyId);
  return jwt.sign(keyOf(internalToken, 'identity-assertion'));
}

/** An identity header that did not come from the gateway: the request is refused (401). */
export function identityRejected(): GraphQLError {
  return new GraphQLError('The identity of this request was not asserted by the gateway', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * The actor of a request to a subgraph: anonymous without an identity header, the gateway's
 * assertion when it verifies. A header that does not verify (forged, expired, or no
 * INTERNAL_TOKEN to check it with) is refused with `identityRejected()`.
 */
export async function actorFromHeaders(
  internalToken: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): Promise<Actor> {
  const assertion = headers[IDENTITY_HEADER];
  if (assertion === undefined) return ANONYMOUS;
  if (!internalToken || typeof assertion !== 'string') throw identityRejected();
  // An assertion verified before stands until it expires (the gateway reuses them): its text
  // is the key, so nothing unverified ever matches.
  const id = `${internalToken}\u0000${assertion}`;
  const known = verifiedAssertions.get(id);
  if (known && known.expiresAt > Date.now()) return known.actor;
  const { actor, expiresAt } = await verifyAssertion(internalToken, assertion);
  verifiedAssertions.set(id, { actor, expiresAt });
  return actor;
}

const verifiedAssertions = new LRUCache<string, { actor: Actor; expiresAt: number }>({
  max: 10_000,
});

/** Verifies an assertion (throws `identityRejected()`) and answers its actor and expiry. */
async function verifyAssertion(
  internalToken: string,
  assertion: string,
): Promise<{ actor: Actor; expiresAt: number }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, keyOf(internalToken, 'identity-assertion'), {
      issuer: GATEWAY,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
    }));
  } catch {
    throw identityRejected();
  }
  return { actor: actorOf(payload), expiresAt: payload.exp! * 1000 };
}

function actorOf(payload: JWTPayload): Actor {
  const network = typeof payload.net === 'string' ? { network: payload.net } : {};
  if (payload.kind === 'anonymous') return { kind: 'anonymous', ...network };
  if (
    payload.kind === 'customer' &&
    typeof payload.sub === 'string' &&
    typeof payload.sid === 'string'
  ) {
    const permissions = payload.prm ?? [];
    if (!Array.isArray(permissions) || !permissions.every(isPermission)) throw identityRejected();
    return {
      kind: 'customer',
      customerId: payload.sub,
      sessionId: payload.sid,
      ...(permissions.length ? { permissions } : {}),
      ...network,
    };
  }
  if (
    payload.kind === 'partner' &&
    typeof payload.sub === 'string' &&
    Array.isArray(payload.scp) &&
    payload.scp.every((scope) => typeof scope === 'string')
  ) {
    return { kind: 'partner', keyId: payload.sub, scopes: payload.scp as string[], ...network };
  }
  throw identityRejected();
}
