import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvent, type OutboxRelay } from '@commerce-graph/events';
import { isUuid, parseInput, userInput, type Actor, type Logger } from '@commerce-graph/kit';
import type { ResolversParentTypes } from '../__generated__/resolvers-types.ts';
import type { IdentityDb, IdentityTx } from '../db/client.ts';
import {
  accountTokens,
  customers,
  outboxEvents,
  type AccountTokenPurpose,
  type CustomerRow,
} from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import { accountKey, type AttemptLimits } from './limits.ts';
import { couldBePassword, passwordProblem, type PasswordHasher } from './passwords.ts';
import { refuse } from './refusals.ts';
import type { SessionService } from './session.service.ts';
import { newSecretToken, tokenHash } from './tokens.ts';

/** How long a password reset token works. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
/** How long an email verification token works. */
export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

type Result<N extends keyof ResolversParentTypes> = ResolversParentTypes[N];
export type SessionResult = Result<'SessionResult'>;

const email = z.object({ email: userInput.email() });

/**
 * Customer accounts: registration, sign-in, passwords (change and reset by mail) and email
 * verification. Sessions and their tokens belong to `SessionService`.
 */
export class AccountService {
  constructor(
    private readonly deps: {
      db: IdentityDb;
      sessions: SessionService;
      passwords: PasswordHasher;
      limits: AttemptLimits;
      relay: OutboxRelay;
      logger: Logger;
    },
  ) {}

  /** Opens an account, signs it in and mails a verification token. */
  async register(actor: Actor, input: { email: string; password: string }): Promise<SessionResult> {
    const throttled = await this.deps.limits.register(actor.network);
    if (throttled) return throttled;
    const parsed = parseInput(email, { email: input.email }, (problem) =>
      refuse.invalidInput({ ...problem, field: `input.${problem.field}` }),
    );
    if (!parsed.ok) return parsed.error;
    const address = parsed.value.email;
    const problem = passwordProblem(input.password, address);
    if (problem) return refuse.weakPassword(problem);
    // Cheap refusal first: a taken address costs no hash. The unique index settles races.
    if (await this.findByEmail(this.deps.db, address)) return refuse.emailTaken();
    const passwordHash = await this.deps.passwords.hash(input.password);

    const result = await this.deps.db.transaction(async (tx): Promise<SessionResult> => {
      const [customer] = await tx
        .insert(customers)
        .values({ email: address, passwordHash })
        .onConflictDoNothing()
        .returning();
      if (!customer) return refuse.emailTaken();
      await this.mailToken(tx, customer, 'email-verification');
      return { __typename: 'Session', ...(await this.deps.sessions.openSession(tx, customer)) };
    });
    if (result.__typename === 'Session') void this.deps.relay.flush();
    return result;
  }

  /**
   * Signs in. Attempts are counted per network and per account before any hashing; an unknown
   * email is verified against a dummy hash, so it answers like a wrong password, as slowly.
   */
  async login(actor: Actor, input: { email: string; password: string }): Promise<SessionResult> {
    const parsed = email.safeParse({ email: input.email });
    const address = parsed.success ? parsed.data.email : null;
    const throttled = await this.deps.limits.signIn(
      actor.network,
      address ? accountKey(address) : null,
    );
    if (throttled) return throttled;
    // No account can have a malformed address or an overlong password: nothing to compare.
    if (!address || !couldBePassword(input.password)) return refuse.invalidCredentials();

    const customer = await this.findByEmail(this.deps.db, address);
    const matches = await this.deps.passwords.verify(
      customer?.passwordHash ?? null,
      input.password,
    );
    if (!customer || !matches) return refuse.invalidCredentials();

    const rehash =
      customer.passwordHash && this.deps.passwords.needsRehash(customer.passwordHash)
        ? await this.deps.passwords.hash(input.password)
        : null;
    return this.deps.db.transaction(async (tx) => {
      if (rehash) {
        await tx
          .update(customers)
          .set({ passwordHash: rehash })
          .where(eq(customers.id, customer.id));
      }
      return { __typename: 'Session', ...(await this.deps.sessions.openSession(tx, customer)) };
    });
  }

  /**
   * Changes the signed-in customer's password after checking the current one (counted like a
   * sign-in), and ends every other session and outstanding reset token.
   */
  async changePassword(
    loaders: Loaders,
    actor: Actor,
    input: { currentPassword: string; newPassword: string },
  ): Promise<Result<'ChangePasswordResult'>> {
    const signedIn = await this.deps.sessions.signedIn(loaders, actor);
    if (!signedIn) return refuse.notSignedIn();
    const { customer, sessionId } = signedIn;
    const throttled = await this.deps.limits.signIn(actor.network, accountKey(customer.email));
    if (throttled) return throttled;
    if (
      !couldBePassword(input.currentPassword) ||
      !(await this.deps.passwords.verify(customer.passwordHash, input.currentPassword))
    ) {
      return refuse.invalidCredentials();
    }
    const problem = passwordProblem(input.newPassword, customer.email);
    if (problem) return refuse.weakPassword(problem);
    const passwordHash = await this.deps.passwords.hash(input.newPassword);

    const otherSessionsRevoked = await this.deps.db.transaction(async (tx) => {
      await this.setPassword(tx, customer.id, passwordHash);
      return this.deps.sessions.revokeSessions(tx, customer.id, 'password-changed', {
        except: sessionId,
      });
    });
    loaders.customerById.clear(customer.id);
    return { __typename: 'PasswordChanged', otherSessionsRevoked };
  }

  /**
   * Mails a reset token when the address has an account. Answers nothing either way: whether
   * an address has an account is not for anyone who asks to learn.
   */
  async requestPasswordReset(actor: Actor, input: { email: string }): Promise<void> {
    const parsed = email.safeParse({ email: input.email });
    if (!parsed.success) return;
    const address = parsed.data.email;
    if (await this.deps.limits.mail(actor.network, accountKey(address))) {
      this.deps.logger.info('password reset request throttled');
      return;
    }
    const customer = await this.findByEmail(this.deps.db, address);
    if (!customer) return;
    await this.deps.db.transaction((tx) => this.mailToken(tx, customer, 'password-reset'));
    void this.deps.relay.flush();
  }

  /**
   * Sets a new password with a reset token (once), ends every session and signs in anew. The
   * mail proved the address, so it counts as verified when it is still the account's.
   */
  async resetPassword(input: { token: string; newPassword: string }): Promise<SessionResult> {
    const hash = tokenHash(input.token);
    if (!hash) return refuse.invalidToken();
    const [found] = await this.deps.db
      .select({ token: accountTokens, customer: customers })
      .from(accountTokens)
      .innerJoin(customers, eq(customers.id, accountTokens.customerId))
      .where(and(eq(accountTokens.tokenHash, hash), eq(accountTokens.purpose, 'password-reset')));
    if (!found || found.token.usedAt || found.token.expiresAt.getTime() <= Date.now()) {
      return refuse.invalidToken();
    }
    const problem = passwordProblem(input.newPassword, found.customer.email);
    if (problem) return refuse.weakPassword(problem);
    const passwordHash = await this.deps.passwords.hash(input.newPassword);

    return this.deps.db.transaction(async (tx): Promise<SessionResult> => {
      // Spent here, under the row's lock: of two requests with one token, one wins.
      const spent = await this.spendToken(tx, found.token.id);
      if (!spent) return refuse.invalidToken();
      const customer = await this.setPassword(tx, found.customer.id, passwordHash, spent.email);
      await this.deps.sessions.revokeSessions(tx, customer.id, 'password-reset');
      return { __typename: 'Session', ...(await this.deps.sessions.openSession(tx, customer)) };
    });
  }

  /** Mails the signed-in customer a new verification token. */
  async requestEmailVerification(
    loaders: Loaders,
    actor: Actor,
  ): Promise<Result<'RequestEmailVerificationResult'>> {
    const signedIn = await this.deps.sessions.signedIn(loaders, actor);
    if (!signedIn) return refuse.notSignedIn();
    const { customer } = signedIn;
    if (customer.emailVerifiedAt) return refuse.emailAlreadyVerified();
    const throttled = await this.deps.limits.mail(actor.network, accountKey(customer.email));
    if (throttled) return throttled;
    await this.deps.db.transaction((tx) => this.mailToken(tx, customer, 'email-verification'));
    void this.deps.relay.flush();
    return { __typename: 'VerificationEmailSent', email: customer.email };
  }

  /** Marks the address a verification token was mailed to as verified (once). */
  async verifyEmail(input: { token: string }): Promise<Result<'VerifyEmailResult'>> {
    const hash = tokenHash(input.token);
    if (!hash) return refuse.invalidToken();
    return this.deps.db.transaction(async (tx): Promise<Result<'VerifyEmailResult'>> => {
      const [token] = await tx
        .update(accountTokens)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(accountTokens.tokenHash, hash),
            eq(accountTokens.purpose, 'email-verification'),
            isNull(accountTokens.usedAt),
            gt(accountTokens.expiresAt, sql`now()`),
          ),
        )
        .returning();
      if (!token) return refuse.invalidToken();
      // The token proves the address it was sent to, and only while the account still has it.
      const [customer] = await tx
        .update(customers)
        .set({
          emailVerifiedAt: sql`coalesce(${customers.emailVerifiedAt}, now())`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(customers.id, token.customerId), eq(customers.email, token.email)))
        .returning();
      if (!customer) return refuse.invalidToken();
      return { __typename: 'EmailVerified', email: customer.email };
    });
  }

  /** The request's customer (`me`): null when anonymous, and once the account is erased. */
  async me(loaders: Loaders, actor: Actor): Promise<CustomerRow | null> {
    if (actor.kind !== 'customer' || !isUuid(actor.customerId)) return null;
    const customer = await loaders.customerById.load(actor.customerId.toLowerCase());
    return customer && !customer.erasedAt ? customer : null;
  }

  /**
   * A `Customer` reference from another subgraph: only the customer themself may read their
   * account, so any other id, and any anonymous request, resolves to null.
   */
  async customerForActor(loaders: Loaders, actor: Actor, id: string): Promise<CustomerRow | null> {
    if (actor.kind !== 'customer' || !isUuid(id)) return null;
    if (id.toLowerCase() !== actor.customerId.toLowerCase()) return null;
    return this.me(loaders, actor);
  }

  private async findByEmail(db: IdentityDb, address: string): Promise<CustomerRow | null> {
    const [customer] = await db
      .select()
      .from(customers)
      .where(and(sql`lower(${customers.email}) = lower(${address})`, isNull(customers.erasedAt)));
    return customer ?? null;
  }

  /** Stores a new single-use token's hash and records the mail that carries the token. */
  private async mailToken(
    tx: IdentityTx,
    customer: CustomerRow,
    purpose: AccountTokenPurpose,
  ): Promise<void> {
    const token = newSecretToken();
    const ttl = purpose === 'password-reset' ? PASSWORD_RESET_TTL_MS : EMAIL_VERIFICATION_TTL_MS;
    const expiresAt = new Date(Date.now() + ttl);
    await tx.insert(accountTokens).values({
      customerId: customer.id,
      purpose,
      tokenHash: tokenHash(token)!,
      email: customer.email,
      expiresAt,
    });
    await recordEvent(tx, outboxEvents, 'identity.email.requested', {
      customerId: customer.id,
      to: customer.email,
      template: purpose,
      token,
      expiresAt: expiresAt.toISOString(),
    });
  }

  /** Marks an unused, unexpired token used; null when it was not (any more). */
  private async spendToken(tx: IdentityTx, id: string) {
    const [token] = await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(accountTokens.id, id),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, sql`now()`),
        ),
      )
      .returning();
    return token ?? null;
  }

  /**
   * Stores a new password hash and voids outstanding reset tokens (one reset per mail, and none
   * after a change). `provenEmail`: an address a reset mail reached, verified if still current.
   */
  private async setPassword(
    tx: IdentityTx,
    customerId: string,
    passwordHash: string,
    provenEmail?: string,
  ): Promise<CustomerRow> {
    await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(accountTokens.customerId, customerId),
          eq(accountTokens.purpose, 'password-reset'),
          isNull(accountTokens.usedAt),
        ),
      );
    const [customer] = await tx
      .update(customers)
      .set({
        passwordHash,
        passwordChangedAt: sql`now()`,
        updatedAt: sql`now()`,
        ...(provenEmail
          ? {
              emailVerifiedAt: sql`case when ${customers.email} = ${provenEmail}
                then coalesce(${customers.emailVerifiedAt}, now())
                else ${customers.emailVerifiedAt} end`,
            }
          : {}),
      })
      .where(eq(customers.id, customerId))
      .returning();
    if (!customer) throw new Error(`Customer ${customerId} vanished`);
    return customer;
  }
}
