import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  internalHeaders,
  signIdentityAssertion,
  verifyAccessToken,
} from '@commerce-graph/kit';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { PASSWORD, sha256, startHarness, uniqueEmail, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(queueBackends()[0]!);
});

afterAll(async () => {
  await h?.close();
});

const countCustomers = async (email: string) =>
  (
    await h.sql`select count(*)::int as n from identity.customers where lower(email) = lower(${email})`
  )[0]!.n as number;

describe('register', () => {
  it('opens an account, signs it in and issues tokens the kit verifies', async () => {
    const email = `Ann.Smith.${randomBytes(3).toString('hex')}@Example.COM`;
    const session = await h.signUp(email);
    const normalised = email.replace('@Example.COM', '@example.com');
    expect(session.customer).toMatchObject({ email: normalised, emailVerified: false });

    const claims = await verifyAccessToken(h.accessTokenSecret, session.accessToken);
    expect(claims?.customerId).toBe(session.customer.id);
    const [row] =
      await h.sql`select customer_id from identity.sessions where id = ${claims!.sessionId}`;
    expect(row?.customer_id).toBe(session.customer.id);
    const ttl = Date.parse(session.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    expect(Date.parse(session.refreshTokenExpiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    // Any other secret refuses the token.
    expect(await verifyAccessToken('another-secret-'.repeat(3), session.accessToken)).toBeNull();
  });

  it('stores an argon2id hash and only the SHA-256 of the refresh token', async () => {
    const session = await h.signUp();
    const [customer] =
      await h.sql`select password_hash from identity.customers where id = ${session.customer.id}`;
    expect(customer!.password_hash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(customer!.password_hash).not.toContain(PASSWORD);
    const tokens = await h.sql`
      select t.token_hash from identity.refresh_tokens t
      join identity.sessions s on s.id = t.session_id where s.customer_id = ${session.customer.id}`;
    expect(tokens).toHaveLength(1);
    expect(Buffer.from(tokens[0]!.token_hash)).toEqual(sha256(session.refreshToken));
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an address that has an account, in any letter case, and writes nothing', async () => {
    const email = uniqueEmail('Taken');
    await h.signUp(email);
    const again = await h.register(email.toUpperCase().replace('@EXAMPLE.COM', '@example.com'));
    expect(again).toMatchObject({ __typename: 'EmailTaken', code: 'EMAIL_TAKEN' });
    expect(await h.register(email, 'another password entirely')).toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    expect(await countCustomers(email)).toBe(1);
  });

  it('lets one of two simultaneous registrations of an address win', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all([h.register(email), h.register(email), h.register(email)]);
    expect(results.filter((r) => r.__typename === 'Session')).toHaveLength(1);
    expect(results.filter((r) => r.code === 'EMAIL_TAKEN')).toHaveLength(2);
  });

  it('refuses weak passwords and writes nothing', async () => {
    const email = uniqueEmail('weak');
    expect(await h.register(email, 'nine char')).toMatchObject({
      __typename: 'WeakPassword',
      code: 'WEAK_PASSWORD',
      problem: 'TOO_SHORT',
      minLength: 10,
      maxLength: 200,
    });
    expect(await h.register(email, 'x'.repeat(201))).toMatchObject({ problem: 'TOO_LONG' });
    expect(await h.register(email, email.toUpperCase())).toMatchObject({
      problem: 'SAME_AS_EMAIL',
    });
    expect(await countCustomers(email)).toBe(0);
    // Characters are code points: ten emoji are ten characters, though twenty UTF-16 units.
    expect((await h.register(email, '🔑'.repeat(10))).__typename).toBe('Session');
  });

  it('accepts a password of exactly 200 characters', async () => {
    expect((await h.register(uniqueEmail(), 'y'.repeat(200))).__typename).toBe('Session');
  });

  it('refuses a malformed email address as INVALID_INPUT', async () => {
    for (const email of ['not-an-email', 'a b@example.com', 'x@example.com\u202e', '']) {
      expect(await h.register(email)).toMatchObject({
        __typename: 'InvalidInput',
        code: 'INVALID_INPUT',
        field: 'input.email',
      });
    }
  });
});

describe('login', () => {
  it('signs in with the right password, in any letter case of the address, as a new session', async () => {
    const email = uniqueEmail('Login');
    const first = await h.signUp(email);
    const session = await h.login(email.toLowerCase(), PASSWORD);
    expect(session).toMatchObject({ __typename: 'Session', customer: { id: first.customer.id } });
    const claims = await verifyAccessToken(h.accessTokenSecret, session.accessToken as string);
    const firstClaims = await verifyAccessToken(h.accessTokenSecret, first.accessToken);
    expect(claims!.sessionId).not.toBe(firstClaims!.sessionId);
  });

  it('answers a wrong password and an unknown email with the same error', async () => {
    const email = uniqueEmail();
    await h.signUp(email);
    const wrong = await h.login(email, 'not the password at all');
    const unknown = await h.login(uniqueEmail('nobody'), PASSWORD);
    const malformed = await h.login('nobody', PASSWORD);
    expect(wrong).toEqual({
      __typename: 'InvalidCredentials',
      code: 'INVALID_CREDENTIALS',
      message: 'The email address and password do not match an account.',
    });
    expect(unknown).toEqual(wrong);
    expect(malformed).toEqual(wrong);
  });

  it('stops counting passwords after 10 attempts per account in 15 minutes, even the right one', async () => {
    const email = uniqueEmail('limited');
    await h.signUp(email);
    for (let i = 0; i < 10; i++) {
      expect((await h.login(email, `wrong password ${i}`)).code).toBe('INVALID_CREDENTIALS');
    }
    const refused = await h.login(email, PASSWORD);
    expect(refused).toMatchObject({ __typename: 'TooManyAttempts', code: 'TOO_MANY_ATTEMPTS' });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // The budget belongs to the account: another one signs in as usual.
    const other = uniqueEmail();
    await h.signUp(other);
    expect((await h.login(other, PASSWORD)).__typename).toBe('Session');
  });

  it('limits attempts per network when the gateway names it: 50 in 15 minutes', async () => {
    const network = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const anonymous = { kind: 'anonymous' as const, network };
    for (let i = 0; i < 50; i++) {
      expect((await h.login(uniqueEmail('spray'), PASSWORD, anonymous)).code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const email = uniqueEmail();
    await h.signUp(email);
    expect(await h.login(email, PASSWORD, anonymous)).toMatchObject({
      __typename: 'TooManyAttempts',
    });
    // Another network is not affected, and the account's own budget was not spent.
    expect(
      (await h.login(email, PASSWORD, { kind: 'anonymous', network: '2001:db8:1:2::' })).__typename,
    ).toBe('Session');
  });
});

const ME = /* GraphQL */ `
  query {
    me {
      id
      email
      emailVerified
      createdAt
      addresses {
        id
      }
    }
  }
`;

const ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Customer {
        id
        email
      }
    }
  }
`;

describe('me and Customer references', () => {
  it('answers the customer the gateway asserts, and null for an anonymous request', async () => {
    const session = await h.signUp();
    const { me } = await h.run(ME, {}, await h.actorOf(session));
    expect(me).toMatchObject({
      id: session.customer.id,
      email: session.customer.email,
      emailVerified: false,
      addresses: [],
    });
    expect(Date.parse(me.createdAt)).not.toBeNaN();
    expect((await h.run(ME)).me).toBeNull();
    expect((await h.run(ME, {}, { kind: 'anonymous' })).me).toBeNull();
  });

  it('refuses a forged identity assertion with 401', async () => {
    const session = await h.signUp();
    const actor = await h.actorOf(session);
    const forged = await signIdentityAssertion(randomBytes(24).toString('base64url'), actor);
    const response = await graphql(
      h.identity.url,
      ME,
      {},
      {
        ...internalHeaders(h.internalToken),
        [IDENTITY_HEADER]: forged,
      },
    );
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data ?? null).toBeNull();
  });

  it('resolves a Customer reference only for that very customer', async () => {
    const ann = await h.signUp();
    const bob = await h.signUp();
    const refs = [ann, bob].map((s) => ({ __typename: 'Customer', id: s.customer.id }));
    const asAnn = await h.run(ENTITIES, { r: refs }, await h.actorOf(ann));
    expect(asAnn._entities).toEqual([{ id: ann.customer.id, email: ann.customer.email }, null]);
    const anonymous = await h.run(ENTITIES, { r: refs });
    expect(anonymous._entities).toEqual([null, null]);
    const malformed = await h.run(
      ENTITIES,
      { r: [{ __typename: 'Customer', id: 'x' }] },
      await h.actorOf(ann),
    );
    expect(malformed._entities).toEqual([null]);
  });
});
