import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventPublisher } from '@commerce-graph/events';
import { createQueueFactory } from '@commerce-graph/kit';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import {
  PASSWORD,
  sha256,
  startHarness,
  uniqueEmail,
  type Harness,
  type Result,
} from './harness.ts';

const REQUEST_RESET = /* GraphQL */ `
  mutation ($email: String!) {
    requestPasswordReset(email: $email)
  }
`;

const RESET = /* GraphQL */ `
  mutation ($token: String!, $password: String!) {
    resetPassword(token: $token, newPassword: $password) {
      __typename
      ... on Session {
        refreshToken
        customer {
          id
          emailVerified
        }
      }
      ... on UserError {
        code
      }
    }
  }
`;

const VERIFY = /* GraphQL */ `
  mutation ($token: String!) {
    verifyEmail(token: $token) {
      __typename
      ... on EmailVerified {
        email
      }
      ... on UserError {
        code
      }
    }
  }
`;

const REQUEST_VERIFICATION = /* GraphQL */ `
  mutation {
    requestEmailVerification {
      __typename
      ... on VerificationEmailSent {
        email
      }
      ... on UserError {
        code
      }
    }
  }
`;

describe('with the mail sink', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(queueBackends()[0]!);
  });

  afterAll(async () => {
    await h?.close();
  });

  const reset = async (token: string, password: string): Promise<Result> =>
    (await h.run(RESET, { token, password })).resetPassword;

  describe('password reset', () => {
    it('mails a token that sets a new password once, ends every session and signs in', async () => {
      const email = uniqueEmail('forgetful');
      const first = await h.signUp(email);
      const second = await h.login(email, PASSWORD);
      expect((await h.run(REQUEST_RESET, { email })).requestPasswordReset).toBe(true);
      const token = await h.tokenMailed(email, 'password-reset');
      // Only its hash is stored.
      const [stored] = await h.sql`
        select token_hash from identity.account_tokens where purpose = 'password-reset'
        and customer_id = ${first.customer.id}`;
      expect(Buffer.from(stored!.token_hash)).toEqual(sha256(token));

      const next = 'remembered at last';
      const session = await reset(token, next);
      expect(session).toMatchObject({
        __typename: 'Session',
        // The mail reached the address: it counts as verified.
        customer: { id: first.customer.id, emailVerified: true },
      });
      for (const old of [first, second]) {
        expect(await h.refresh(old.refreshToken as string)).toMatchObject({ reason: 'REVOKED' });
      }
      expect((await h.refresh(session.refreshToken as string)).__typename).toBe('Session');
      expect((await h.login(email, PASSWORD)).code).toBe('INVALID_CREDENTIALS');
      expect((await h.login(email, next)).__typename).toBe('Session');
      // Single use.
      expect(await reset(token, 'yet another password')).toMatchObject({ code: 'INVALID_TOKEN' });
    });

    it('answers true for an unknown address and mails nothing', async () => {
      const unknown = uniqueEmail('ghost');
      const known = uniqueEmail('real');
      await h.signUp(known);
      expect((await h.run(REQUEST_RESET, { email: unknown })).requestPasswordReset).toBe(true);
      expect((await h.run(REQUEST_RESET, { email: 'not an address' })).requestPasswordReset).toBe(
        true,
      );
      expect((await h.run(REQUEST_RESET, { email: known })).requestPasswordReset).toBe(true);
      await h.tokenMailed(known, 'password-reset');
      expect(await h.mailsTo(unknown)).toEqual([]);
    });

    it('refuses an expired token, and a weak password without spending the token', async () => {
      const email = uniqueEmail();
      await h.signUp(email);
      await h.run(REQUEST_RESET, { email });
      const token = await h.tokenMailed(email, 'password-reset');
      expect(await reset(token, 'short')).toMatchObject({ code: 'WEAK_PASSWORD' });
      await h.sql`update identity.account_tokens set expires_at = now() - interval '1 second'
        where token_hash = ${sha256(token)}`;
      expect(await reset(token, 'a good long password')).toMatchObject({
        __typename: 'InvalidToken',
        code: 'INVALID_TOKEN',
      });
      expect(await reset('made-up-token', 'a good long password')).toMatchObject({
        code: 'INVALID_TOKEN',
      });
      expect((await h.login(email, PASSWORD)).__typename).toBe('Session');
    });

    it('accepts a verification token for nothing but verification, and vice versa', async () => {
      const email = uniqueEmail();
      await h.signUp(email);
      const verification = await h.tokenMailed(email, 'email-verification');
      expect(await reset(verification, 'a good long password')).toMatchObject({
        code: 'INVALID_TOKEN',
      });
      await h.run(REQUEST_RESET, { email });
      const resetToken = await h.tokenMailed(email, 'password-reset');
      expect((await h.run(VERIFY, { token: resetToken })).verifyEmail).toMatchObject({
        code: 'INVALID_TOKEN',
      });
    });

    it('mails at most 5 reset tokens per address an hour, still answering true', async () => {
      const email = uniqueEmail();
      await h.signUp(email);
      for (let i = 0; i < 7; i++) await h.run(REQUEST_RESET, { email });
      await h.tokenMailed(email, 'password-reset', 5);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const resets = (await h.mailsTo(email)).filter((m) => m.template === 'password-reset');
      expect(resets).toHaveLength(5);
    });
  });

  describe('email verification', () => {
    it('verifies the address with the token mailed at registration, once', async () => {
      const session = await h.signUp();
      const token = await h.tokenMailed(session.customer.email, 'email-verification');
      expect((await h.run(VERIFY, { token })).verifyEmail).toEqual({
        __typename: 'EmailVerified',
        email: session.customer.email,
      });
      const { me } = await h.run('{ me { emailVerified } }', {}, await h.actorOf(session));
      expect(me.emailVerified).toBe(true);
      expect((await h.run(VERIFY, { token })).verifyEmail).toMatchObject({
        __typename: 'InvalidToken',
      });
      const again = await h.run(REQUEST_VERIFICATION, {}, await h.actorOf(session));
      expect(again.requestEmailVerification).toMatchObject({ code: 'EMAIL_ALREADY_VERIFIED' });
    });

    it('mails a new token on request to a signed-in customer, and refuses anonymous ones', async () => {
      const session = await h.signUp();
      const sent = await h.run(REQUEST_VERIFICATION, {}, await h.actorOf(session));
      expect(sent.requestEmailVerification).toEqual({
        __typename: 'VerificationEmailSent',
        email: session.customer.email,
      });
      const token = await h.tokenMailed(session.customer.email, 'email-verification', 2);
      await h.sql`update identity.account_tokens set expires_at = now() - interval '1 second'
        where token_hash = ${sha256(token)}`;
      expect((await h.run(VERIFY, { token })).verifyEmail).toMatchObject({ code: 'INVALID_TOKEN' });
      expect((await h.run(REQUEST_VERIFICATION)).requestEmailVerification).toMatchObject({
        code: 'NOT_SIGNED_IN',
      });
    });
  });
});

describe.each(queueBackends())('mail delivery on $name', (backend) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(backend);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('delivers each requested mail once, also when the event arrives twice', async () => {
    const session = await h.signUp();
    const token = await h.tokenMailed(session.customer.email, 'email-verification');
    const [mail] = await h.mailsTo(session.customer.email);
    expect(mail!.subject).toBe('Verify your email address');

    // Redeliver the same event (same id) as a crashed relay would.
    const queues = createQueueFactory(h.queue);
    try {
      const envelope = {
        id: mail!.id,
        name: 'identity.email.requested' as const,
        occurredAt: new Date().toISOString(),
        payload: {
          customerId: session.customer.id,
          to: session.customer.email,
          template: 'email-verification' as const,
          token,
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
        },
      };
      const other = { ...envelope, id: randomUUID() };
      await createEventPublisher(queues).publish(other);
      await eventually(async () => (await h.mailsTo(session.customer.email)).length === 2);
      await createEventPublisher(queues).publish(envelope);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await h.mailsTo(session.customer.email)).toHaveLength(2);
    } finally {
      await queues.close();
    }
  });
});
