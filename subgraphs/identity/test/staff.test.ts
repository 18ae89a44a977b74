import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventPublisher } from '@commerce-graph/events';
import { createQueueFactory, permissionFromEnumName, type Actor } from '@commerce-graph/kit';
import { eventually } from '../../../test/support/eventually.ts';
import { TEST_PASSWORD_HASHING } from '../../../test/support/passwords.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { bootstrapStaff } from '../src/bootstrap.ts';
import { startHarness, uniqueEmail, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(queueBackends()[0]!);
});

afterAll(async () => {
  await h?.close();
});

const GRANT = /* GraphQL */ `
  query ($c: ID!, $s: ID!) {
    sessionGrant(customerId: $c, sessionId: $s) {
      permissions
    }
  }
`;
const GRANT_ROLE = /* GraphQL */ `
  mutation ($email: String!, $role: StaffRole!) {
    grantStaffRole(email: $email, role: $role) {
      __typename
      ... on StaffMember {
        id
        email
        roles
        permissions
      }
      ... on UserError {
        code
      }
    }
  }
`;
const REVOKE_ROLE = /* GraphQL */ `
  mutation ($id: ID!, $role: StaffRole!) {
    revokeStaffRole(customerId: $id, role: $role) {
      __typename
      ... on StaffMember {
        roles
      }
      ... on UserError {
        code
      }
    }
  }
`;
const AUDIT = /* GraphQL */ `
  query ($first: Int, $after: String, $actorId: ID, $action: String) {
    adminAuditLog(first: $first, after: $after, actorId: $actorId, action: $action) {
      entries {
        id
        occurredAt
        service
        actorKind
        actorId
        actorEmail
        action
        targetType
        targetId
        details
        network
        requestId
      }
      nextCursor
    }
  }
`;

/**
 * The actor the gateway would assert for a signed-in account: it asks `sessionGrant` what the
 * session may do, exactly as the gateway does, and asserts those permissions.
 */
async function asserted(session: { accessToken: string }, network = '198.51.100.4') {
  const actor = await h.actorOf(session, network);
  if (actor.kind !== 'customer') throw new Error('not a customer');
  const { sessionGrant } = await h.run<{ sessionGrant: { permissions: string[] } | null }>(GRANT, {
    c: actor.customerId,
    s: actor.sessionId,
  });
  if (!sessionGrant) throw new Error('session is not live');
  const permissions = sessionGrant.permissions.map((name) => permissionFromEnumName(name)!);
  return { ...actor, ...(permissions.length ? { permissions } : {}) } satisfies Actor;
}

/** A fresh account signed in with the given role, granted by the operator's bootstrap. */
async function staffMember(role: Parameters<typeof bootstrapStaff>[0]['role']) {
  const email = uniqueEmail(role);
  const session = await h.signUp(email);
  await bootstrapStaff({ databaseUrl: h.databaseUrl, email, role, migrate: false });
  return { email, session, actor: await asserted(session) };
}

describe('staff roles', () => {
  it('tells the gateway what a session may do: nothing for a shopper, its roles for staff', async () => {
    const shopper = await h.signUp();
    expect((await asserted(shopper)).permissions).toBeUndefined();
    const owner = await staffMember('owner');
    expect(owner.actor.permissions).toEqual([
      'catalog:write',
      'stock:write',
      'orders:manage',
      'customers:manage',
      'keys:manage',
      'staff:manage',
      'audit:read',
      'discounts:manage',
    ]);
    const me = await h.run<{ me: { staffRoles: string[]; permissions: string[] } }>(
      '{ me { staffRoles permissions } }',
      {},
      owner.actor,
    );
    expect(me.me.staffRoles).toEqual(['OWNER']);
    expect(me.me.permissions).toContain('STAFF_MANAGE');
    // An ended session may do nothing at all.
    await h.logout(owner.session.refreshToken);
    const ended = await h.run(GRANT, {
      c: (owner.actor as { customerId: string }).customerId,
      s: (owner.actor as { sessionId: string }).sessionId,
    });
    expect(ended.sessionGrant).toBeNull();
  });

  it('lets an owner grant and revoke roles by email, audited with who, what and where', async () => {
    const owner = await staffMember('owner');
    const email = uniqueEmail('clerk');
    const clerk = await h.signUp(email);
    const granted = await h.run(
      GRANT_ROLE,
      { email: email.toUpperCase(), role: 'STOCK_MANAGER' },
      owner.actor,
    );
    expect(granted.grantStaffRole).toEqual({
      __typename: 'StaffMember',
      id: clerk.customer.id,
      email,
      roles: ['STOCK_MANAGER'],
      permissions: ['STOCK_WRITE'],
    });
    expect((await asserted(clerk)).permissions).toEqual(['stock:write']);
    // Granting a held role again changes nothing and audits nothing.
    await h.run(GRANT_ROLE, { email, role: 'STOCK_MANAGER' }, owner.actor);
    const staff = await h.run<{ staff: Array<{ id: string; roles: string[] }> }>(
      '{ staff { id roles } }',
      {},
      owner.actor,
    );
    expect(staff.staff.find((member) => member.id === clerk.customer.id)?.roles).toEqual([
      'STOCK_MANAGER',
    ]);

    const revoked = await h.run(
      REVOKE_ROLE,
      { id: clerk.customer.id, role: 'STOCK_MANAGER' },
      owner.actor,
    );
    expect(revoked.revokeStaffRole).toEqual({ __typename: 'StaffMember', roles: [] });
    expect((await asserted(clerk)).permissions).toBeUndefined();

    const log = await h.run(
      AUDIT,
      { actorId: (owner.actor as { customerId: string }).customerId },
      owner.actor,
    );
    expect(
      log.adminAuditLog.entries.map((e: Record<string, unknown>) => [e.action, e.details]),
    ).toEqual([
      ['revokeStaffRole', { role: 'stock-manager' }],
      ['grantStaffRole', { role: 'stock-manager' }],
    ]);
    for (const entry of log.adminAuditLog.entries) {
      expect(entry).toMatchObject({
        service: 'identity',
        actorKind: 'STAFF',
        actorEmail: owner.email,
        targetType: 'Customer',
        targetId: clerk.customer.id,
        network: '198.51.100.4',
        requestId: expect.stringMatching(/\S/),
      });
    }
  });

  it('never lets staff grant more than they hold, nor anyone else grant at all', async () => {
    const security = await staffMember('security');
    const target = uniqueEmail('target');
    await h.signUp(target);
    for (const role of ['OWNER', 'STOCK_MANAGER', 'CUSTOMER_SUPPORT']) {
      const refused = await h.request(GRANT_ROLE, { email: target, role }, security.actor);
      expect(refused.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    const ok = await h.run(GRANT_ROLE, { email: target, role: 'SECURITY' }, security.actor);
    expect(ok.grantStaffRole.roles).toEqual(['SECURITY']);

    const stock = await staffMember('stock-manager');
    const shopper = await asserted(await h.signUp());
    for (const actor of [undefined, shopper, stock.actor] as Array<Actor | undefined>) {
      for (const [query, variables] of [
        [GRANT_ROLE, { email: target, role: 'SECURITY' }],
        [REVOKE_ROLE, { id: randomUUID(), role: 'SECURITY' }],
        ['{ staff { id } }', {}],
        [AUDIT, {}],
      ] as const) {
        const refused = await h.request(query, variables, actor);
        expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
  });

  it('keeps the last owner, and names unknown accounts', async () => {
    await h.sql`delete from identity.staff_roles where role = 'owner'`;
    const owner = await staffMember('owner');
    const ownerId = (owner.actor as { customerId: string }).customerId;
    const last = await h.run(REVOKE_ROLE, { id: ownerId, role: 'OWNER' }, owner.actor);
    expect(last.revokeStaffRole).toEqual({ __typename: 'LastOwner', code: 'LAST_OWNER' });
    const second = uniqueEmail('second-owner');
    await h.signUp(second);
    await h.run(GRANT_ROLE, { email: second, role: 'OWNER' }, owner.actor);
    const stepped = await h.run(REVOKE_ROLE, { id: ownerId, role: 'OWNER' }, owner.actor);
    expect(stepped.revokeStaffRole).toEqual({ __typename: 'StaffMember', roles: [] });

    const unknown = await h.run(
      GRANT_ROLE,
      { email: 'nobody@example.com', role: 'SECURITY' },
      owner.actor,
    );
    expect(unknown.grantStaffRole).toEqual({
      __typename: 'AccountNotFound',
      code: 'ACCOUNT_NOT_FOUND',
    });
    const malformed = await h.run(
      GRANT_ROLE,
      { email: 'not an email', role: 'SECURITY' },
      owner.actor,
    );
    expect(malformed.grantStaffRole.code).toBe('ACCOUNT_NOT_FOUND');
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const none = await h.run(REVOKE_ROLE, { id, role: 'SECURITY' }, owner.actor);
      expect(none.revokeStaffRole).toEqual({
        __typename: 'CustomerNotFound',
        code: 'CUSTOMER_NOT_FOUND',
      });
    }
  });
});

describe('the bootstrap of the first admin', () => {
  it('makes the account with a password shown once, grants the role, and audits an operator', async () => {
    const email = uniqueEmail('founder');
    const made = await bootstrapStaff({
      databaseUrl: h.databaseUrl,
      email,
      passwordHashing: TEST_PASSWORD_HASHING,
    });
    expect(made.granted).toBe(true);
    expect(made.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const session = await h.login(email, made.password!);
    expect(session.__typename).toBe('Session');
    expect((await asserted(session as unknown as { accessToken: string })).permissions).toContain(
      'staff:manage',
    );

    // Again: nothing changes, and the password is kept (and not shown).
    const again = await bootstrapStaff({ databaseUrl: h.databaseUrl, email, migrate: false });
    expect(again).toEqual({ customerId: made.customerId, granted: false });
    expect((await h.login(email, made.password!)).__typename).toBe('Session');

    const rows = await h.sql`
      select actor_kind, actor_id, action, details from identity.admin_audit
      where target_id = ${made.customerId}`;
    expect(rows).toEqual([
      {
        actor_kind: 'operator',
        actor_id: null,
        action: 'grantStaffRole',
        details: { role: 'owner' },
      },
    ]);
    await expect(
      bootstrapStaff({ databaseUrl: h.databaseUrl, email: 'nope', migrate: false }),
    ).rejects.toThrow(/not an email address/);
  });
});

describe('the admin audit log', () => {
  it('stores other subgraphs’ audit events once, and pages newest first', async () => {
    const owner = await staffMember('owner');
    const actorId = randomUUID();
    const queues = createQueueFactory(h.queue);
    const publisher = createEventPublisher(queues);
    const events = [1, 2, 3].map((n) => ({
      id: randomUUID(),
      name: 'inventory.admin-action.recorded' as const,
      occurredAt: new Date(Date.now() - (10 - n) * 1000).toISOString(),
      payload: {
        actor: { kind: 'partner' as const, id: actorId },
        action: 'adjustStock',
        target: { type: 'StockLevel', id: `variant-${n}@AMS` },
        details: { before: n, after: n + 1 },
        network: '203.0.113.9',
      },
    }));
    try {
      for (const event of events) await publisher.publish(event);
      await publisher.publish(events[0]!); // a redelivery adds nothing
      await eventually(async () => {
        const [row] = await h.sql`
          select count(*)::int as n from identity.admin_audit where actor_id = ${actorId}`;
        return row!.n === 3;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [stored] = await h.sql<[{ n: number }]>`
        select count(*)::int as n from identity.admin_audit where actor_id = ${actorId}`;
      expect(stored.n).toBe(3);
    } finally {
      await queues.close();
    }

    const first = await h.run(AUDIT, { actorId, first: 2 }, owner.actor);
    expect(first.adminAuditLog.entries.map((e: { targetId: string }) => e.targetId)).toEqual([
      'variant-3@AMS',
      'variant-2@AMS',
    ]);
    expect(first.adminAuditLog.entries[0]).toMatchObject({
      id: events[2]!.id,
      occurredAt: events[2]!.occurredAt,
      service: 'inventory',
      actorKind: 'PARTNER',
      actorEmail: null,
      action: 'adjustStock',
      details: { before: 3, after: 4 },
      network: '203.0.113.9',
      requestId: null,
    });
    const next = await h.run(
      AUDIT,
      { actorId, first: 2, after: first.adminAuditLog.nextCursor },
      owner.actor,
    );
    expect(next.adminAuditLog).toMatchObject({
      entries: [{ targetId: 'variant-1@AMS' }],
      nextCursor: null,
    });
    const byAction = await h.run(AUDIT, { actorId, action: 'setStock' }, owner.actor);
    expect(byAction.adminAuditLog.entries).toEqual([]);
    for (const variables of [{ first: 0 }, { first: 201 }, { after: 'garbage' }]) {
      const refused = await h.request(AUDIT, variables, owner.actor);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
