import { forbidden } from './graphql-errors.ts';
import type { Actor } from './identity.ts';

/**
 * What a member of staff may do. A staff member is a customer account that holds one or more
 * roles; each role grants a fixed set of these. Subgraphs check them on the asserted actor.
 */
export const PERMISSIONS = [
  /** Change products, prices and categories. */
  'catalog:write',
  /** Set and adjust stock, read stock per warehouse. */
  'stock:write',
  /** Read any order; fulfil, cancel and refund orders. */
  'orders:manage',
  /** Export or erase a customer's personal data on their behalf (GDPR). */
  'customers:manage',
  /** Make, list and revoke partner API keys. */
  'keys:manage',
  /** Grant and revoke staff roles, list the staff. */
  'staff:manage',
  /** Read the audit log of admin actions. */
  'audit:read',
  /** Create, read and disable discount codes. */
  'discounts:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The roles a staff member can hold, and what each grants. */
export const STAFF_ROLES = {
  /** Everything, including granting roles: the first admin's role. */
  owner: PERMISSIONS,
  'catalog-manager': ['catalog:write', 'discounts:manage'],
  'stock-manager': ['stock:write'],
  'order-manager': ['orders:manage'],
  'customer-support': ['orders:manage', 'customers:manage'],
  security: ['keys:manage', 'staff:manage', 'audit:read'],
} as const satisfies Record<string, readonly Permission[]>;
export type StaffRole = keyof typeof STAFF_ROLES;
export const STAFF_ROLE_NAMES = Object.keys(STAFF_ROLES) as StaffRole[];

/** Every permission the roles grant together, in PERMISSIONS order. */
export function permissionsOf(roles: readonly StaffRole[]): Permission[] {
  const granted = new Set<Permission>(roles.flatMap((role) => STAFF_ROLES[role]));
  return PERMISSIONS.filter((permission) => granted.has(permission));
}

/** True when the actor is a signed-in staff member whose roles grant the permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'customer' && (actor.permissions ?? []).includes(permission);
}

/** Throws FORBIDDEN unless the actor is a staff member holding the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw forbidden(`This operation needs a staff member with the ${permission} permission`);
  }
}

/** A permission by its name in identity's SDL enum (`STOCK_WRITE`), or undefined if unknown. */
export function permissionFromEnumName(name: string): Permission | undefined {
  return PERMISSIONS.find((permission) => permission.replace(':', '_').toUpperCase() === name);
}
