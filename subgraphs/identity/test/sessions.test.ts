import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessToken } from '@commerce-graph/kit';
import { queueBackends } from '../../../test/support/queues.ts';
import {
  PASSWORD,
  sha256,
  startHarness,
  uniqueEmail,
  type Harness,
  type Result,
} from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(queueBackends()[0]!);
});

afterAll(async () => {
  await h?.close();
});

const sessionIdOf = async (result: Result | { accessToken: string }) =>
  (await verifyAccessToken(h.accessTokenSecret, result.accessToken as string))!.sessionId;

const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next) {
      __typename
      ... on PasswordChanged {
        otherSessionsRevoked
      }
      ... on UserError {
        code
      }
    }
  }
`;

describe('refreshSession', () => {
  it('rotates the refresh token and keeps the session', async () => {
    const session = await h.signUp();
    const next = await h.refresh(session.refreshToken);
    expect(next).toMatchObject({ __typename: 'Session', customer: { id: session.customer.id } });
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(await sessionIdOf(next)).toBe(await sessionIdOf(session));
    const [old] = await h.sql`
      select used_at from identity.refresh_tokens where token_hash = ${sha256(session.refreshToken)}`;
    expect(old!.used_at).toBeInstanceOf(Date);
    // The new token rotates in turn.
    expect((await h.refresh(next.refreshToken as string)).__typename).toBe('Session');
  });

  it('ends the whole session when a used refresh token comes back', async () => {
    const session = await h.signUp();
    const next = await h.refresh(session.refreshToken);
    // Whoever copied the old token, or the client itself, presents it again: both lose.
    expect(await h.refresh(session.refreshToken)).toMatchObject({
      __typename: 'InvalidRefreshToken',
      code: 'INVALID_REFRESH_TOKEN',
      reason: 'REUSED',
    });
    expect(await h.refresh(next.refreshToken as string)).toMatchObject({ reason: 'REVOKED' });
    const [row] =
      await h.sql`select revoked_reason from identity.sessions where id = ${await sessionIdOf(session)}`;
    expect(row!.revoked_reason).toBe('refresh-token-reused');
    // The session's access token no longer changes the account.
    const changed = await h.run(
      CHANGE_PASSWORD,
      { current: PASSWORD, next: 'a brand new password' },
      await h.actorOf({ accessToken: next.accessToken as string }),
    );
    expect(changed.changePassword).toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('lets only one of two simultaneous exchanges of one token through, and then ends the session', async () => {
    const session = await h.signUp();
    const results = await Promise.all([
      h.refresh(session.refreshToken),
      h.refresh(session.refreshToken),
    ]);
    expect(results.map((r) => r.__typename).sort()).toEqual(['InvalidRefreshToken', 'Session']);
    expect(results.find((r) => r.__typename !== 'Session')).toMatchObject({ reason: 'REUSED' });
  });

  it('refuses an unknown, malformed or expired refresh token', async () => {
    expect(await h.refresh('A'.repeat(43))).toMatchObject({ reason: 'UNKNOWN' });
    expect(await h.refresh('')).toMatchObject({ reason: 'UNKNOWN' });
    expect(await h.refresh('x'.repeat(5_000))).toMatchObject({ reason: 'UNKNOWN' });
    const session = await h.signUp();
    await h.sql`update identity.refresh_tokens set expires_at = now() - interval '1 second'
      where token_hash = ${sha256(session.refreshToken)}`;
    expect(await h.refresh(session.refreshToken)).toMatchObject({ reason: 'EXPIRED' });
  });
});

describe('logout', () => {
  it('ends the session of the token, and leaves the others', async () => {
    const email = uniqueEmail();
    const first = await h.signUp(email);
    const second = await h.login(email, PASSWORD);
    expect(await h.logout(first.refreshToken)).toEqual({
      __typename: 'LoggedOut',
      sessionsRevoked: 1,
    });
    expect(await h.refresh(first.refreshToken)).toMatchObject({ reason: 'REVOKED' });
    expect(await h.logout(first.refreshToken)).toMatchObject({ reason: 'REVOKED' });
    expect((await h.refresh(second.refreshToken as string)).__typename).toBe('Session');
  });

  it('ends every session of the customer with everywhere', async () => {
    const email = uniqueEmail();
    const first = await h.signUp(email);
    const others = [await h.login(email, PASSWORD), await h.login(email, PASSWORD)];
    const bystander = await h.signUp();
    expect(await h.logout(first.refreshToken, true)).toEqual({
      __typename: 'LoggedOut',
      sessionsRevoked: 3,
    });
    for (const session of [first, ...others]) {
      expect(await h.refresh(session.refreshToken as string)).toMatchObject({ reason: 'REVOKED' });
    }
    expect((await h.refresh(bystander.refreshToken)).__typename).toBe('Session');
  });

  it('refuses an unknown token', async () => {
    expect(await h.logout('nope', true)).toMatchObject({
      __typename: 'InvalidRefreshToken',
      reason: 'UNKNOWN',
    });
  });
});

describe('changePassword', () => {
  it('sets the new password and ends the other sessions, not this one', async () => {
    const email = uniqueEmail();
    const current = await h.signUp(email);
    const other = await h.login(email, PASSWORD);
    const next = 'a much better passphrase';
    const { changePassword } = await h.run(
      CHANGE_PASSWORD,
      { current: PASSWORD, next },
      await h.actorOf(current),
    );
    expect(changePassword).toEqual({ __typename: 'PasswordChanged', otherSessionsRevoked: 1 });
    expect(await h.refresh(other.refreshToken as string)).toMatchObject({ reason: 'REVOKED' });
    expect((await h.refresh(current.refreshToken)).__typename).toBe('Session');
    expect((await h.login(email, PASSWORD)).code).toBe('INVALID_CREDENTIALS');
    expect((await h.login(email, next)).__typename).toBe('Session');
  });

  it('refuses a wrong current password, a weak new one and an anonymous caller, changing nothing', async () => {
    const email = uniqueEmail();
    const session = await h.signUp(email);
    const actor = await h.actorOf(session);
    const attempt = async (current: string, next: string, as = actor) =>
      (await h.run(CHANGE_PASSWORD, { current, next }, as)).changePassword;
    expect(await attempt('wrong password!', 'fine new password')).toMatchObject({
      __typename: 'InvalidCredentials',
    });
    expect(await attempt(PASSWORD, 'short')).toMatchObject({ __typename: 'WeakPassword' });
    expect(await attempt(PASSWORD, email)).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect(
      (await h.run(CHANGE_PASSWORD, { current: PASSWORD, next: 'fine new password' }))
        .changePassword,
    ).toMatchObject({ __typename: 'NotSignedIn', code: 'NOT_SIGNED_IN' });
    expect((await h.login(email, PASSWORD)).__typename).toBe('Session');
  });
});
