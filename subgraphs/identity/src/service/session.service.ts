import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { isUuid, signAccessToken, type Actor } from '@commerce-graph/kit';
import type { IdentityDb, IdentityTx } from '../db/client.ts';
import {
  customers,
  refreshTokens,
  sessions,
  type CustomerRow,
  type SessionRevocationReason,
  type SessionRow,
} from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import { refuse } from './refusals.ts';
import { newSecretToken, tokenHash } from './tokens.ts';

/** How long a refresh token may wait to be exchanged; every exchange starts a new one. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

/** A signed-in session as `Session` shows it (SDL `Session`). */
export interface SessionView {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  customer: CustomerRow;
}

/** The signed-in customer of a request, with the session it acts through. */
export interface SignedIn {
  customer: CustomerRow;
  sessionId: string;
}

type RefreshRefusal = ReturnType<typeof refuse.invalidRefreshToken>;
type Executor = IdentityDb | IdentityTx;

/**
 * Sessions and their refresh tokens: opening, rotating (with reuse detection), revoking, and
 * telling whether a request's session is still live.
 */
export class SessionService {
  constructor(
    private readonly db: IdentityDb,
    private readonly accessTokenSecret: string,
  ) {}

  /** Starts a session for a customer inside the caller's transaction and signs its tokens. */
  async openSession(tx: IdentityTx, customer: CustomerRow): Promise<SessionView> {
    const [session] = await tx
      .insert(sessions)
      .values({ customerId: customer.id })
      .returning({ id: sessions.id });
    if (!session) throw new Error('insert into identity.sessions returned no row');
    return this.issue(tx, customer, session.id);
  }

  /**
   * Exchanges a refresh token for a new pair. The old token is marked used; presenting a used
   * token again means it was copied, and ends the whole session.
   */
  async refreshSession(refreshToken: string): Promise<SessionView | RefreshRefusal> {
    return this.db.transaction(async (tx) => {
      const claimed = await this.claim(tx, refreshToken);
      if ('__typename' in claimed) return claimed;
      await tx
        .update(refreshTokens)
        .set({ usedAt: sql`now()` })
        .where(eq(refreshTokens.id, claimed.tokenId));
      await tx
        .update(sessions)
        .set({ refreshedAt: sql`now()` })
        .where(eq(sessions.id, claimed.session.id));
      const [customer] = await tx
        .select()
        .from(customers)
        .where(eq(customers.id, claimed.session.customerId));
      if (!customer) throw new Error(`Session ${claimed.session.id} has no customer`);
      return this.issue(tx, customer, claimed.session.id);
    });
  }

  /** Ends the refresh token's session, or every session of its customer; answers how many. */
  async logout(refreshToken: string, everywhere: boolean): Promise<number | RefreshRefusal> {
    return this.db.transaction(async (tx) => {
      const claimed = await this.claim(tx, refreshToken);
      if ('__typename' in claimed) return claimed;
      return everywhere
        ? this.revokeSessions(tx, claimed.session.customerId, 'logout-everywhere')
        : this.revokeSessions(tx, claimed.session.customerId, 'logout', {
            only: claimed.session.id,
          });
    });
  }

  /**
   * Revokes live sessions of a customer: all of them, one (`only`), or all but one (`except`).
   * Answers how many ended.
   */
  async revokeSessions(
    tx: Executor,
    customerId: string,
    reason: SessionRevocationReason,
    scope: { only?: string; except?: string } = {},
  ): Promise<number> {
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: reason })
      .where(
        and(
          eq(sessions.customerId, customerId),
          isNull(sessions.revokedAt),
          scope.only ? eq(sessions.id, scope.only) : undefined,
          scope.except ? ne(sessions.id, scope.except) : undefined,
        ),
      )
      .returning({ id: sessions.id });
    return revoked.length;
  }

  /**
   * The request's customer when its session is still live (not ended by a logout, a password
   * change or a reset). An access token outlives its session by up to 15 minutes; operations
   * that change the account check the session, reading it merely does not.
   */
  async signedIn(loaders: Loaders, actor: Actor): Promise<SignedIn | null> {
    if (actor.kind !== 'customer' || !isUuid(actor.sessionId) || !isUuid(actor.customerId)) {
      return null;
    }
    const customerId = actor.customerId.toLowerCase();
    const [session, customer] = await Promise.all([
      loaders.sessionById.load(actor.sessionId.toLowerCase()),
      loaders.customerById.load(customerId),
    ]);
    if (!session || !customer || customer.erasedAt || !isLive(session, customerId)) return null;
    return { customer, sessionId: session.id };
  }

  /** Locks a refresh token's row and decides whether it may be spent now. */
  private async claim(
    tx: IdentityTx,
    refreshToken: string,
  ): Promise<{ tokenId: string; session: SessionRow } | RefreshRefusal> {
    const hash = tokenHash(refreshToken);
    if (!hash) return refuse.invalidRefreshToken('UNKNOWN');
    // The row lock makes two exchanges of one token take turns: the second one sees it used.
    const [row] = await tx
      .select({ token: refreshTokens, session: sessions })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .where(eq(refreshTokens.tokenHash, hash))
      .for('update');
    if (!row) return refuse.invalidRefreshToken('UNKNOWN');
    if (row.session.revokedAt) return refuse.invalidRefreshToken('REVOKED');
    if (row.token.usedAt) {
      // Two holders of one token: the legitimate client and whoever copied it. End the session
      // for both; the customer signs in again.
      await this.revokeSessions(tx, row.session.customerId, 'refresh-token-reused', {
        only: row.session.id,
      });
      return refuse.invalidRefreshToken('REUSED');
    }
    if (row.token.expiresAt.getTime() <= Date.now()) return refuse.invalidRefreshToken('EXPIRED');
    return { tokenId: row.token.id, session: row.session };
  }

  /** Stores a new refresh token for the session and signs an access token naming it. */
  private async issue(
    tx: IdentityTx,
    customer: CustomerRow,
    sessionId: string,
  ): Promise<SessionView> {
    const refreshToken = newSecretToken();
    const refreshTokenExpiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_MS);
    await tx.insert(refreshTokens).values({
      sessionId,
      tokenHash: tokenHash(refreshToken)!,
      expiresAt: refreshTokenExpiresAt,
    });
    const access = await signAccessToken(this.accessTokenSecret, {
      customerId: customer.id,
      sessionId,
    });
    return {
      accessToken: access.token,
      expiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
      customer,
    };
  }
}

function isLive(session: SessionRow, customerId: string): boolean {
  return session.customerId === customerId && session.revokedAt === null;
}
