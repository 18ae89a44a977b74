import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  actorFromHeaders,
  IDENTITY_HEADER,
  signAccessToken,
  signIdentityAssertion,
  verifyAccessToken,
} from '../src/index.ts';

const SECRET = 'access-token-secret-0123456789abcdef';
const INTERNAL = 'internal-token-0123456789abcdefghij';
const customer = { customerId: '5f0c4f43-1b7e-4c38-9d50-3a3b2c1d0e9f', sessionId: 's-1' };

describe('access tokens', () => {
  it('name the customer and session they were signed for', async () => {
    const { token, expiresAt } = await signAccessToken(SECRET, customer);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await verifyAccessToken(SECRET, token)).toEqual({ kind: 'customer', ...customer });
  });

  it('are refused when forged, expired, unsigned or garbled', async () => {
    const forged = await signAccessToken('another-secret-0123456789abcdefghij', customer);
    expect(await verifyAccessToken(SECRET, forged.token)).toBeNull();
    const expired = await signAccessToken(SECRET, customer, -60);
    expect(await verifyAccessToken(SECRET, expired.token)).toBeNull();
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: customer.customerId, sid: 's', typ: 'customer' }),
    ).toString('base64url')}.`;
    expect(await verifyAccessToken(SECRET, unsigned)).toBeNull();
    expect(await verifyAccessToken(SECRET, 'not.a.token')).toBeNull();
  });
});

describe('identity assertions', () => {
  it('carry the actor from the gateway to a subgraph', async () => {
    const actor = { kind: 'customer' as const, ...customer, network: '203.0.113.7' };
    const header = await signIdentityAssertion(INTERNAL, actor);
    expect(await actorFromHeaders(INTERNAL, { [IDENTITY_HEADER]: header })).toEqual(actor);
    const anonymous = await signIdentityAssertion(INTERNAL, { kind: 'anonymous' });
    expect(await actorFromHeaders(INTERNAL, { [IDENTITY_HEADER]: anonymous })).toEqual({
      kind: 'anonymous',
    });
    expect(await actorFromHeaders(INTERNAL, {})).toEqual({ kind: 'anonymous' });
    const partner = {
      kind: 'partner' as const,
      keyId: '6f1c2a4e-8d0b-4b7e-9c3a-2e5f7a9b1c3d',
      scopes: ['catalog:read', 'orders:read'],
      network: '198.51.100.4',
    };
    const partnerHeader = await signIdentityAssertion(INTERNAL, partner);
    expect(await actorFromHeaders(INTERNAL, { [IDENTITY_HEADER]: partnerHeader })).toEqual(partner);
  });

  it('are refused (401) unless the gateway signed them, recently', async () => {
    const otherKey = await signIdentityAssertion('not-the-internal-token-0123456789ab', {
      kind: 'customer',
      ...customer,
    });
    await expect(actorFromHeaders(INTERNAL, { [IDENTITY_HEADER]: otherKey })).rejects.toMatchObject(
      { extensions: { code: 'UNAUTHENTICATED' } },
    );
    // An access token is not an assertion, even with the right claims.
    const { token } = await signAccessToken(INTERNAL, customer);
    await expect(actorFromHeaders(INTERNAL, { [IDENTITY_HEADER]: token })).rejects.toThrow();
    const stale = await new SignJWT({ kind: 'anonymous' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode('x'));
    await expect(actorFromHeaders(INTERNAL, { [IDENTITY_HEADER]: stale })).rejects.toThrow();
    // Without the internal token nothing can be verified: a header is refused, not trusted.
    const header = await signIdentityAssertion(INTERNAL, { kind: 'anonymous' });
    await expect(actorFromHeaders(undefined, { [IDENTITY_HEADER]: header })).rejects.toThrow();
  });
});

describe('identity assertions, reused', () => {
  afterEach(() => vi.useRealTimers());

  it('are signed once per actor for 10 s, and a verified one stands until it expires', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z'), toFake: ['Date'] });
    const actor = { kind: 'customer' as const, ...customer, network: '198.51.100.9' };
    const first = await signIdentityAssertion(INTERNAL, actor);
    expect(await signIdentityAssertion(INTERNAL, { ...actor })).toBe(first);
    // Another actor (here: another network) gets its own.
    expect(await signIdentityAssertion(INTERNAL, { ...actor, network: '198.51.100.10' })).not.toBe(
      first,
    );
    // Signed by another gateway secret: never the cached one.
    expect(await signIdentityAssertion(`${INTERNAL}x`, actor)).not.toBe(first);
    vi.setSystemTime(new Date('2026-12-01T10:00:11Z'));
    const later = await signIdentityAssertion(INTERNAL, actor);
    expect(later).not.toBe(first);

    expect(await actorFromHeaders(INTERNAL, { [IDENTITY_HEADER]: first })).toEqual(actor);
    // The cache is keyed by the whole text: a tampered copy of a verified one is refused.
    const tampered = `${first.slice(0, -2)}${first.endsWith('A') ? 'B' : 'A'}${first.slice(-1)}`;
    await expect(actorFromHeaders(INTERNAL, { [IDENTITY_HEADER]: tampered })).rejects.toThrow();
    await expect(actorFromHeaders(`${INTERNAL}x`, { [IDENTITY_HEADER]: first })).rejects.toThrow();
    // Past its 60 s, the verified assertion is refused like any expired one.
    vi.setSystemTime(new Date('2026-12-01T10:01:01Z'));
    await expect(actorFromHeaders(INTERNAL, { [IDENTITY_HEADER]: first })).rejects.toThrow();
  });
});
