import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Permission } from '@commerce-graph/kit';
import { queueBackends } from '../../../test/support/queues.ts';
import { sha256, startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(queueBackends()[0]!);
});

afterAll(async () => {
  await h?.close();
});

/** Posts as the gateway does, asserting this actor. */
const as =
  (actor: Actor | undefined) =>
  <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
    h.request<T>(query, variables, actor);
/** A staff member as the gateway asserts one: a session, and what its roles permit. */
const staffWith = (...permissions: Permission[]): Actor => ({
  kind: 'customer',
  customerId: '3f8a1d52-7c4e-4b9a-9e21-6d0c5b8a7f10',
  sessionId: '9b2e4c71-0d3f-4a8e-b5c6-1e7f2a9d4b30',
  permissions,
});
const admin = as(staffWith('keys:manage'));

const CREATE = /* GraphQL */ `
  mutation ($name: String!, $scopes: [ApiKeyScope!]!) {
    createApiKey(name: $name, scopes: $scopes) {
      key
      apiKey {
        id
        name
        scopes
        createdAt
        lastUsedAt
        revokedAt
      }
    }
  }
`;
const LIST = '{ apiKeys { id name scopes createdAt lastUsedAt revokedAt } }';
const GRANT = 'query ($key: String!) { apiKeyByToken(key: $key) { id scopes } }';
const REVOKE = 'mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';

const create = async (name: string, scopes: string[]) => {
  const { data, errors } = await admin<{ createApiKey: { key: string; apiKey: any } }>(CREATE, {
    name,
    scopes,
  });
  expect(errors).toBeUndefined();
  return data!.createApiKey;
};

describe('partner API keys', () => {
  it('shows a new key once, stores only its hash, and lists keys without them', async () => {
    const created = await create('Acme feed', ['CATALOG_READ', 'ORDERS_READ']);
    expect(created.key).toMatch(/^cgk_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      name: 'Acme feed',
      scopes: ['CATALOG_READ', 'ORDERS_READ'],
      lastUsedAt: null,
      revokedAt: null,
    });
    const [row] = await h.sql<Array<{ key_hash: Buffer; scopes: string[] }>>`
      select key_hash, scopes from identity.api_keys where id = ${created.apiKey.id}`;
    expect(row!.key_hash.equals(sha256(created.key))).toBe(true);
    expect(row!.scopes).toEqual(['catalog:read', 'orders:read']);

    const listed = await admin<{ apiKeys: Array<Record<string, unknown>> }>(LIST);
    const mine = listed.data!.apiKeys.find((key) => key.id === created.apiKey.id);
    expect(mine).toEqual(created.apiKey);
    expect(JSON.stringify(listed.data)).not.toContain(created.key);
  });

  it('tells the gateway what a key may do, and records its last use at most once a minute', async () => {
    const created = await create('Stock sync', ['INVENTORY_WRITE']);
    const grant = await h.run(GRANT, { key: created.key });
    expect(grant.apiKeyByToken).toEqual({ id: created.apiKey.id, scopes: ['INVENTORY_WRITE'] });
    const lastUsed = async () =>
      (
        await h.sql<Array<{ last_used_at: Date | null }>>`
          select last_used_at from identity.api_keys where id = ${created.apiKey.id}`
      )[0]!.last_used_at;
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await h.run(GRANT, { key: created.key });
    expect(await lastUsed()).toEqual(first);

    // A minute later the next use is recorded again.
    await h.sql`update identity.api_keys set last_used_at = now() - interval '2 minutes'
      where id = ${created.apiKey.id}`;
    await h.run(GRANT, { key: created.key });
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const listed = await admin<{ apiKeys: Array<{ id: string; lastUsedAt: string | null }> }>(LIST);
    expect(listed.data!.apiKeys.find((k) => k.id === created.apiKey.id)?.lastUsedAt).toBeTruthy();

    for (const unknown of ['cgk_unknown', 'not-a-key', `cgk_${'x'.repeat(500)}`]) {
      expect((await h.run(GRANT, { key: unknown })).apiKeyByToken).toBeNull();
    }
  });

  it('revokes a key for good: the gateway is told it is unknown', async () => {
    const created = await create('Old partner', ['ORDERS_WRITE']);
    const revoked = await admin<{ revokeApiKey: { id: string; revokedAt: string } }>(REVOKE, {
      id: created.apiKey.id,
    });
    expect(revoked.data!.revokeApiKey.revokedAt).toBeTruthy();
    expect((await h.run(GRANT, { key: created.key })).apiKeyByToken).toBeNull();
    // Revoking again keeps the first revocation; an unknown id answers null.
    const again = await admin<{ revokeApiKey: { revokedAt: string } }>(REVOKE, {
      id: created.apiKey.id,
    });
    expect(again.data!.revokeApiKey.revokedAt).toBe(revoked.data!.revokeApiKey.revokedAt);
    const unknown = await admin(REVOKE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.data).toEqual({ revokeApiKey: null });
  });

  it('refuses everyone but staff with keys:manage, and a bad name with BAD_USER_INPUT', async () => {
    const created = await create('Someone', ['CATALOG_READ']);
    const partner: Actor = { kind: 'partner', keyId: created.apiKey.id, scopes: ['catalog:read'] };
    for (const caller of [
      as(undefined),
      as({ kind: 'anonymous' }),
      as(partner),
      as(staffWith('stock:write', 'staff:manage', 'audit:read')),
    ]) {
      for (const [query, variables] of [
        [CREATE, { name: 'Mine', scopes: ['CATALOG_READ'] }],
        [LIST, {}],
        [REVOKE, { id: created.apiKey.id }],
      ] as const) {
        const refused = await caller(query, variables);
        expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
    const customer = await h.signUp();
    const asCustomer = await h.request(LIST, {}, await h.actorOf(customer));
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    for (const [name, scopes] of [
      ['', ['CATALOG_READ']],
      ['Evil\u202Ename', ['CATALOG_READ']],
      ['x'.repeat(101), ['CATALOG_READ']],
      ['No scopes', []],
    ] as const) {
      const refused = await admin(CREATE, { name, scopes });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const [{ count }] = await h.sql<
      [{ count: number }]
    >`select count(*)::int as count from identity.api_keys where name = 'Mine' or name = ''`;
    expect(count).toBe(0);
  });
});
