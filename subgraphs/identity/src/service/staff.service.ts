import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  isUuid,
  permissionsOf,
  requirePermission,
  STAFF_ROLES,
  userInput,
  type Actor,
  type Logger,
  type Permission,
  type StaffRole,
} from '@commerce-graph/kit';
import type {
  Permission as PermissionEnum,
  ResolversParentTypes,
  StaffRole as StaffRoleEnum,
} from '../__generated__/resolvers-types.ts';
import type { IdentityDb, IdentityTx } from '../db/client.ts';
import { customers, staffRoles } from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import { recordOperatorAction, type AuditService } from './audit.service.ts';
import { refuse } from './refusals.ts';
import type { SessionService } from './session.service.ts';

/** The SDL's role names and the kit's, which the table stores. */
export const ROLE_NAMES: Record<StaffRoleEnum, StaffRole> = {
  OWNER: 'owner',
  CATALOG_MANAGER: 'catalog-manager',
  STOCK_MANAGER: 'stock-manager',
  ORDER_MANAGER: 'order-manager',
  CUSTOMER_SUPPORT: 'customer-support',
  SECURITY: 'security',
};
const ROLES_BY_NAME = Object.fromEntries(
  Object.entries(ROLE_NAMES).map(([role, name]) => [name, role]),
) as Record<StaffRole, StaffRoleEnum>;

/** The SDL's permission names and the kit's, which the gateway asserts. */
const PERMISSION_ENUMS: Record<Permission, PermissionEnum> = {
  'catalog:write': 'CATALOG_WRITE',
  'stock:write': 'STOCK_WRITE',
  'orders:manage': 'ORDERS_MANAGE',
  'customers:manage': 'CUSTOMERS_MANAGE',
  'keys:manage': 'KEYS_MANAGE',
  'staff:manage': 'STAFF_MANAGE',
  'audit:read': 'AUDIT_READ',
  'discounts:manage': 'DISCOUNTS_MANAGE',
};

/** Roles in the SDL's order, which is the kit's. */
const ROLE_ORDER = Object.keys(STAFF_ROLES) as StaffRole[];
const inRoleOrder = (roles: readonly StaffRole[]) =>
  ROLE_ORDER.filter((role) => roles.includes(role));

/** The SDL's names of stored roles and of what they grant. */
export const roleEnumsOf = (roles: readonly StaffRole[]): StaffRoleEnum[] =>
  inRoleOrder(roles).map((role) => ROLES_BY_NAME[role]);
export const permissionEnumsOf = (permissions: readonly Permission[]): PermissionEnum[] =>
  permissions.map((permission) => PERMISSION_ENUMS[permission]);

/** What the gateway learns of a live session: the permissions of its customer's roles. */
export interface SessionGrantView {
  permissions: Permission[];
}

/** An account with staff roles. */
export interface StaffMemberView {
  id: string;
  email: string;
  roles: StaffRole[];
}

export type StaffRoleResult = ResolversParentTypes['StaffRoleResult'];

const emailAddress = userInput.email();

/**
 * Staff: customer accounts that hold roles (kit's STAFF_ROLES). Roles are granted and revoked by
 * staff with `staff:manage`, never beyond the granter's own permissions, and the last owner is
 * kept. The gateway asks `sessionGrant` what a session may do on each request (remembered for
 * 10 s), so a change takes effect within that. Every change is in the audit log.
 */
export class StaffService {
  constructor(
    private readonly deps: {
      db: IdentityDb;
      sessions: SessionService;
      audit: AuditService;
      logger: Logger;
    },
  ) {}

  /** For the gateway: null when the session may not act, else what its customer may do. */
  async sessionGrant(
    loaders: Loaders,
    customer: { customerId: string; sessionId: string },
  ): Promise<SessionGrantView | null> {
    const signedIn = await this.deps.sessions.signedIn(loaders, { kind: 'customer', ...customer });
    if (!signedIn) return null;
    const rows = await loaders.staffRolesByCustomerId.load(signedIn.customer.id);
    return { permissions: permissionsOf(rows.map((row) => row.role)) };
  }

  /** Staff with `staff:manage`: every staff member, by email. */
  async list(actor: Actor): Promise<StaffMemberView[]> {
    requirePermission(actor, 'staff:manage');
    const rows = await this.deps.db
      .select({ id: customers.id, email: customers.email, role: staffRoles.role })
      .from(staffRoles)
      .innerJoin(customers, eq(customers.id, staffRoles.customerId))
      .orderBy(asc(sql`lower(${customers.email})`), asc(customers.id));
    const members = new Map<string, StaffMemberView>();
    for (const row of rows) {
      const member = members.get(row.id) ?? { id: row.id, email: row.email, roles: [] };
      member.roles.push(row.role);
      members.set(row.id, member);
    }
    return [...members.values()].map((member) => ({ ...member, roles: inRoleOrder(member.roles) }));
  }

  /** Gives the account with this email a role (see the class comment for who may). */
  async grantRole(
    actor: Actor,
    input: { email: string; role: StaffRoleEnum },
  ): Promise<StaffRoleResult> {
    const role = this.grantable(actor, input.role);
    const parsed = emailAddress.safeParse(input.email);
    if (!parsed.success) return refuse.accountNotFound(input.email);
    return this.deps.db.transaction(async (tx) => {
      await lockRoles(tx);
      const [customer] = await tx
        .select()
        .from(customers)
        .where(
          and(sql`lower(${customers.email}) = lower(${parsed.data})`, isNull(customers.erasedAt)),
        );
      if (!customer) return refuse.accountNotFound(input.email);
      if (await addRole(tx, customer.id, role, grantingStaff(actor))) {
        await this.deps.audit.record(
          tx,
          actor,
          'grantStaffRole',
          { type: 'Customer', id: customer.id },
          { role },
        );
        this.deps.logger.info({ customerId: customer.id, role }, 'staff role granted');
      }
      return {
        __typename: 'StaffMember' as const,
        ...(await member(tx, customer.id, customer.email)),
      };
    });
  }

  /** Takes a role back (see the class comment for who may); the last owner stays an owner. */
  async revokeRole(
    actor: Actor,
    input: { customerId: string; role: StaffRoleEnum },
  ): Promise<StaffRoleResult> {
    const role = this.grantable(actor, input.role);
    if (!isUuid(input.customerId)) return refuse.customerNotFound(input.customerId);
    const customerId = input.customerId.toLowerCase();
    return this.deps.db.transaction(async (tx) => {
      await lockRoles(tx);
      const [customer] = await tx.select().from(customers).where(eq(customers.id, customerId));
      if (!customer) return refuse.customerNotFound(input.customerId);
      if (role === 'owner') {
        const owners = await tx
          .select({ customerId: staffRoles.customerId })
          .from(staffRoles)
          .where(eq(staffRoles.role, 'owner'));
        if (owners.length === 1 && owners[0]!.customerId === customerId) return refuse.lastOwner();
      }
      const revoked = await tx
        .delete(staffRoles)
        .where(and(eq(staffRoles.customerId, customerId), eq(staffRoles.role, role)))
        .returning();
      if (revoked.length > 0) {
        await this.deps.audit.record(
          tx,
          actor,
          'revokeStaffRole',
          { type: 'Customer', id: customerId },
          { role },
        );
        this.deps.logger.info({ customerId, role }, 'staff role revoked');
      }
      return {
        __typename: 'StaffMember' as const,
        ...(await member(tx, customerId, customer.email)),
      };
    });
  }

  /** The stored role, when the actor may hand it out: `staff:manage` and all it grants. */
  private grantable(actor: Actor, roleEnum: StaffRoleEnum): StaffRole {
    requirePermission(actor, 'staff:manage');
    const role = ROLE_NAMES[roleEnum];
    for (const permission of STAFF_ROLES[role]) requirePermission(actor, permission);
    return role;
  }
}

/**
 * Gives an account a role without asking anyone: the operator's bootstrap of the first owner
 * (`pnpm staff:grant`). Audited as an operator action. False when the account held it already.
 */
export async function grantRoleAsOperator(
  db: IdentityDb,
  customerId: string,
  role: StaffRole,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockRoles(tx);
    const granted = await addRole(tx, customerId, role, null);
    if (granted) {
      await recordOperatorAction(
        tx,
        'grantStaffRole',
        { type: 'Customer', id: customerId },
        { role },
      );
    }
    return granted;
  });
}

/** Gives the account the role; false when it held it already. */
async function addRole(
  tx: IdentityTx,
  customerId: string,
  role: StaffRole,
  grantedBy: string | null,
): Promise<boolean> {
  const granted = await tx
    .insert(staffRoles)
    .values({ customerId, role, grantedBy })
    .onConflictDoNothing()
    .returning({ id: staffRoles.id });
  return granted.length > 0;
}

/** Role changes take turns: the last-owner check must see every concurrent revocation. */
async function lockRoles(tx: IdentityTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('identity.staff_roles'))`);
}

/** The staff member who grants, as the table records it. */
const grantingStaff = (actor: Actor) => (actor.kind === 'customer' ? actor.customerId : null);

async function member(tx: IdentityTx, id: string, email: string): Promise<StaffMemberView> {
  const rows = await tx
    .select({ role: staffRoles.role })
    .from(staffRoles)
    .where(eq(staffRoles.customerId, id));
  return { id, email, roles: inRoleOrder(rows.map((row) => row.role)) };
}
