import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken, type RunningService } from '@commerce-graph/kit';
import { graphql } from '../../test/support/graphql.ts';
import { startGateway } from '../src/app.ts';
import { startStandInGraph } from './support/stand-in-graph.ts';

const ACCESS_TOKEN_SECRET = 'gateway-test-access-secret-0123456789';
const INTERNAL_TOKEN = 'gateway-test-internal-token-0123456789';
const CUSTOMER = { customerId: '0b7f6a52-9a4e-4a43-a1d9-5c2a3f4e5d60', sessionId: 'session-1' };
const QUERY = '{ products(first: 1) { totalCount } }';

/**
 * Products answers 7 and records who asked; identity says the `revoked` sessions are over and
 * the sessions in `staff` have those permissions (by identity's enum names).
 */
async function recordingSubgraph() {
  const revoked = new Set<string>();
  const staff = new Map<string, string[]>();
  const graph = await startStandInGraph({
    internalToken: INTERNAL_TOKEN,
    totalCount: 7,
    answers: {
      sessionGrant: (variables) =>
        revoked.has(variables.s ?? '') ? null : { permissions: staff.get(variables.s ?? '') ?? [] },
    },
  });
  return { ...graph, revoked, staff };
}

describe('authentication at the gateway', () => {
  let subgraph: Awaited<ReturnType<typeof recordingSubgraph>>;
  let gateway: RunningService;
  const ask = (authorization?: string) =>
    graphql(gateway.url, QUERY, undefined, authorization ? { authorization } : {});

  beforeAll(async () => {
    subgraph = await recordingSubgraph();
    gateway = await startGateway({
      port: 0,
      logLevel: 'silent',
      production: true,
      internalToken: INTERNAL_TOKEN,
      accessTokenSecret: ACCESS_TOKEN_SECRET,
      subgraphUrls: {
        products: subgraph.url,
        inventory: subgraph.url,
        cart: subgraph.url,
        checkout: subgraph.url,
        identity: subgraph.url,
      },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraph?.close();
  });

  it('passes a signed-in customer to the subgraphs as a signed assertion, not as the token', async () => {
    const { token } = await signAccessToken(ACCESS_TOKEN_SECRET, CUSTOMER);
    const answer = await ask(`Bearer ${token}`);
    expect(answer.data).toEqual({ products: { totalCount: 7 } });
    expect(subgraph.seen.at(-1)).toEqual({
      actor: { kind: 'customer', ...CUSTOMER, network: '127.0.0.1' },
      authorization: undefined,
    });
    // A customer spends a budget of their own.
    expect(answer.extensions?.cost).toMatchObject({
      throttleStatus: { maximumAvailable: 20_000 },
    });
  });

  it('refuses forged, expired and unsigned access tokens with 401, before any subgraph is asked', async () => {
    const before = subgraph.seen.length;
    const forged = await signAccessToken('not-the-secret-0123456789abcdefghijk', CUSTOMER);
    const expired = await signAccessToken(ACCESS_TOKEN_SECRET, CUSTOMER, -5);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: CUSTOMER.customerId, sid: 'x', typ: 'customer' }),
    ).toString('base64url')}.`;
    for (const token of [forged.token, expired.token, unsigned]) {
      const refused = await ask(`Bearer ${token}`);
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.headers.get('www-authenticate')).toMatch(/invalid_token/);
    }
    expect(subgraph.seen.length).toBe(before);
  });

  it('refuses the access token of a session that was ended (logout, password change, erasure)', async () => {
    const ended = { ...CUSTOMER, sessionId: 'session-ended' };
    subgraph.revoked.add(ended.sessionId);
    const { token } = await signAccessToken(ACCESS_TOKEN_SECRET, ended);
    const refused = await ask(`Bearer ${token}`);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a valid token with 503 while identity cannot say whether its session is open', async () => {
    const blind = await startGateway({
      port: 0,
      logLevel: 'silent',
      production: true,
      internalToken: INTERNAL_TOKEN,
      accessTokenSecret: ACCESS_TOKEN_SECRET,
      subgraphUrls: { products: subgraph.url, identity: 'http://127.0.0.1:9/graphql' },
    });
    try {
      const { token } = await signAccessToken(ACCESS_TOKEN_SECRET, CUSTOMER);
      const refused = await graphql(blind.url, QUERY, undefined, {
        authorization: `Bearer ${token}`,
      });
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect((await graphql(blind.url, QUERY)).data).toEqual({ products: { totalCount: 7 } });
    } finally {
      await blind.close();
    }
  });

  it("asserts what a staff member's roles permit, as identity says, and nothing it does not know", async () => {
    const member = { ...CUSTOMER, sessionId: 'session-staff' };
    subgraph.staff.set(member.sessionId, ['STOCK_WRITE', 'AUDIT_READ', 'TIME_TRAVEL']);
    const { token } = await signAccessToken(ACCESS_TOKEN_SECRET, member);
    expect((await ask(`Bearer ${token}`)).data).toEqual({ products: { totalCount: 7 } });
    expect(subgraph.seen.at(-1)).toEqual({
      actor: {
        kind: 'customer',
        ...member,
        permissions: ['stock:write', 'audit:read'],
        network: '127.0.0.1',
      },
      authorization: undefined,
    });
  });

  it('keeps anonymous callers anonymous and refuses any other credential with 401', async () => {
    await ask();
    expect(subgraph.seen.at(-1)).toEqual({
      actor: { kind: 'anonymous', network: '127.0.0.1' },
      authorization: undefined,
    });
    const before = subgraph.seen.length;
    for (const authorization of [
      'Bearer admin-token-not-a-jwt',
      'Basic YWRtaW46YWRtaW4=',
      'Bearer ',
      '',
    ]) {
      const refused = await graphql(gateway.url, QUERY, undefined, { authorization });
      expect(refused.status, authorization).toBe(401);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(subgraph.seen.length).toBe(before);
  });

  it('does not let a client send its own identity assertion', async () => {
    const forgedAssertion = await graphql(gateway.url, QUERY, undefined, {
      'x-identity': 'eyJhbGciOiJIUzI1NiJ9.e30.forged',
    });
    expect(forgedAssertion.data).toEqual({ products: { totalCount: 7 } });
    expect(subgraph.seen.at(-1)?.actor).toEqual({ kind: 'anonymous', network: '127.0.0.1' });
  });
});
