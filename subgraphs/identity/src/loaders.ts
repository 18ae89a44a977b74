import { asc } from 'drizzle-orm';
import { anyUuidOf, loaderByGroup, loaderByKey } from '@commerce-graph/kit';
import type { IdentityDb } from './db/client.ts';
import { addresses, customers, sessions, staffRoles } from './db/schema.ts';

/** Per-request loaders: every lookup by key is one SQL statement per batch. */
export function createLoaders(db: IdentityDb) {
  return {
    customerById: loaderByKey(
      (ids: readonly string[]) => db.select().from(customers).where(anyUuidOf(customers.id, ids)),
      (row) => row.id,
    ),
    sessionById: loaderByKey(
      (ids: readonly string[]) => db.select().from(sessions).where(anyUuidOf(sessions.id, ids)),
      (row) => row.id,
    ),
    addressesByCustomerId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(addresses)
          .where(anyUuidOf(addresses.customerId, ids))
          .orderBy(asc(addresses.createdAt), asc(addresses.id)),
      (row) => row.customerId,
    ),
    /** The roles each customer holds (none for a shopper). */
    staffRolesByCustomerId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select({ customerId: staffRoles.customerId, role: staffRoles.role })
          .from(staffRoles)
          .where(anyUuidOf(staffRoles.customerId, ids)),
      (row) => row.customerId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
