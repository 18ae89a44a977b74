import { createHash, randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { expect } from 'vitest';
import {
  IDENTITY_HEADER,
  internalHeaders,
  signIdentityAssertion,
  verifyAccessToken,
  type Actor,
  type RunningService,
} from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { graphql, type GraphQLResponse } from '../../../test/support/graphql.ts';
import { TEST_PASSWORD_HASHING } from '../../../test/support/passwords.ts';
import type { QueueBackendCase } from '../../../test/support/queues.ts';
import { migrationsFolder, startIdentity, type IdentityConfig } from '../src/app.ts';

export interface SessionView {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  customer: { id: string; email: string; emailVerified: boolean };
}

/** Any member of a result union, with the fields the tests ask for. */
export type Result = { __typename: string; code?: string; [field: string]: unknown };

export const SESSION_RESULT = /* GraphQL */ `
  fragment SessionResultFields on SessionResult {
    __typename
    ... on Session {
      accessToken
      expiresAt
      refreshToken
      refreshTokenExpiresAt
      customer {
        id
        email
        emailVerified
      }
    }
    ... on UserError {
      code
      message
    }
    ... on WeakPassword {
      problem
      minLength
      maxLength
    }
    ... on InvalidInput {
      field
    }
    ... on TooManyAttempts {
      retryAfterSeconds
    }
    ... on InvalidRefreshToken {
      reason
    }
  }
`;

let counter = 0;
/** A fresh, unique address per call, so tests never share an account or its budgets. */
export const uniqueEmail = (name = 'shopper') =>
  `${name}.${Date.now().toString(36)}${(counter++).toString(36)}@example.com`;

export const PASSWORD = 'correct horse battery staple';

export const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** The identity subgraph on a fresh database, and helpers that speak to it as the gateway does. */
export async function startHarness(
  backend: QueueBackendCase,
  overrides: Partial<IdentityConfig> = {},
) {
  const database: TestDatabase = await createTestDatabase([
    { subgraph: 'identity', folder: migrationsFolder },
  ]);
  const internalToken = randomBytes(24).toString('base64url');
  const accessTokenSecret = randomBytes(32).toString('base64url');
  const queue = backend.config(database.url);
  let identity: RunningService;
  try {
    identity = await startIdentity({
      databaseUrl: database.url,
      port: 0,
      migrate: false,
      accessTokenSecret,
      internalToken,
      queue,
      rateLimitStore: {
        redisUrl: queue.redisUrl,
        databaseUrl: database.url,
        namespace: `${queue.namespace}_limits`,
      },
      passwordHashing: TEST_PASSWORD_HASHING,
      // Nothing listens there: these tests never export, which is the only use of the two.
      cartUrl: 'http://127.0.0.1:9/graphql',
      checkoutUrl: 'http://127.0.0.1:9/graphql',
      logLevel: 'silent',
      ...overrides,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const sql = postgres(database.url, { max: 2, onnotice: () => undefined });

  /** Posts an operation as the gateway would: internal token, and the actor's assertion. */
  async function request<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    actor?: Actor,
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = internalHeaders(internalToken);
    if (actor) headers[IDENTITY_HEADER] = await signIdentityAssertion(internalToken, actor);
    return graphql<T>(identity.url, query, variables, headers);
  }

  /** Runs an operation that must not fail and returns its data. */
  async function run<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    actor?: Actor,
  ): Promise<T> {
    const response = await request<T>(query, variables, actor);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  /** The actor the gateway would assert for a request bearing this access token. */
  async function actorOf(session: { accessToken: string }, network?: string): Promise<Actor> {
    const verified = await verifyAccessToken(accessTokenSecret, session.accessToken);
    if (!verified) throw new Error('access token does not verify');
    return network ? { ...verified, network } : verified;
  }

  const sessionMutation = (field: string, args: string, params: string) => /* GraphQL */ `
    mutation(${params}) { result: ${field}(${args}) { ...SessionResultFields } } ${SESSION_RESULT}
  `;

  async function register(email: string, password = PASSWORD, actor?: Actor): Promise<Result> {
    const data = await run<{ result: Result }>(
      sessionMutation(
        'register',
        'input: { email: $email, password: $password }',
        '$email: String!, $password: String!',
      ),
      { email, password },
      actor,
    );
    return data.result;
  }

  /** Registers and returns the session, failing the test when registration is refused. */
  async function signUp(email = uniqueEmail(), password = PASSWORD): Promise<SessionView> {
    const result = await register(email, password);
    expect(result.__typename).toBe('Session');
    return result as unknown as SessionView;
  }

  async function login(email: string, password: string, actor?: Actor): Promise<Result> {
    const data = await run<{ result: Result }>(
      sessionMutation(
        'login',
        'email: $email, password: $password',
        '$email: String!, $password: String!',
      ),
      { email, password },
      actor,
    );
    return data.result;
  }

  async function refresh(refreshToken: string): Promise<Result> {
    const data = await run<{ result: Result }>(
      sessionMutation('refreshSession', 'refreshToken: $token', '$token: String!'),
      { token: refreshToken },
    );
    return data.result;
  }

  async function logout(refreshToken: string, everywhere?: boolean): Promise<Result> {
    const data = await run<{ logout: Result }>(
      /* GraphQL */ `
        mutation ($token: String!, $everywhere: Boolean) {
          logout(refreshToken: $token, everywhere: $everywhere) {
            __typename
            ... on LoggedOut {
              sessionsRevoked
            }
            ... on InvalidRefreshToken {
              code
              reason
            }
          }
        }
      `,
      { token: refreshToken, everywhere },
    );
    return data.logout;
  }

  /** The mails the sink holds for an address, oldest first. */
  async function mailsTo(email: string) {
    return sql<Array<{ id: string; template: string; subject: string; body: string }>>`
      select id, template, subject, body from identity.outbound_mail
      where recipient = ${email} order by sent_at, id`;
  }

  /** Waits for the `count`th mail of a template to an address and returns its token. */
  async function tokenMailed(email: string, template: string, count = 1): Promise<string> {
    const mail = await eventually(async () => {
      const mails = (await mailsTo(email)).filter((m) => m.template === template);
      return mails.length >= count ? mails[count - 1] : null;
    });
    const token = /^ {2}(\S+)$/m.exec(mail.body)?.[1];
    if (!token) throw new Error(`no token in the ${template} mail`);
    return token;
  }

  return {
    identity,
    sql,
    databaseUrl: database.url,
    /** The queue connection identity uses, to publish to its queue as another producer would. */
    queue,
    internalToken,
    accessTokenSecret,
    request,
    run,
    actorOf,
    register,
    signUp,
    login,
    refresh,
    logout,
    mailsTo,
    tokenMailed,
    async close() {
      await identity.close();
      await sql.end();
      await database.drop();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
