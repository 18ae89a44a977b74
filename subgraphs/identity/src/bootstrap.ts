import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  connectDatabase,
  runMigrations,
  STAFF_ROLES,
  userInput,
  type StaffRole,
} from '@commerce-graph/kit';
import { migrationsFolder, schema } from './db/client.ts';
import { customers } from './db/schema.ts';
import {
  DEFAULT_PASSWORD_HASHING,
  PasswordHasher,
  passwordProblem,
  type PasswordHashing,
} from './service/passwords.ts';
import { grantRoleAsOperator } from './service/staff.service.ts';

export interface StaffBootstrap {
  databaseUrl: string;
  email: string;
  /** Default `owner`: the first admin, who grants every other role. */
  role?: StaffRole;
  /**
   * The password of an account made here; unset, one is made up and returned. An existing
   * account keeps its password unless `resetPassword` is set (the demo admin of `pnpm start`).
   */
  password?: string;
  resetPassword?: boolean;
  passwordHashing?: PasswordHashing;
  /** Default true; false when the caller migrated identity's schema already. */
  migrate?: boolean;
}

export interface StaffBootstrapped {
  customerId: string;
  /** Set when the account was made here or its password set: show it to the operator once. */
  password?: string;
  /** False when the account held the role already. */
  granted: boolean;
}

/**
 * The operator's way in: gives the account with this email a staff role (owner by default),
 * making the account first when there is none. Runs identity's migrations, so it works on a
 * fresh database. Audited as an operator action. Anyone who can reach the database can do
 * this anyway; through the API, only staff with `staff:manage` grant roles.
 */
export async function bootstrapStaff(options: StaffBootstrap): Promise<StaffBootstrapped> {
  const email = userInput.email().safeParse(options.email);
  if (!email.success) throw new Error(`"${options.email}" is not an email address`);
  const role = options.role ?? 'owner';
  if (!(role in STAFF_ROLES)) throw new Error(`"${role}" is not a staff role`);
  if (options.migrate !== false) {
    await runMigrations(options.databaseUrl, 'identity', migrationsFolder);
  }
  const database = connectDatabase(options.databaseUrl, schema, { max: 1 });
  try {
    const { db } = database;
    const [existing] = await db
      .select()
      .from(customers)
      .where(
        and(sql`lower(${customers.email}) = lower(${email.data})`, isNull(customers.erasedAt)),
      );
    let customerId = existing?.id;
    let password: string | undefined;
    if (!existing || options.resetPassword) {
      password = options.password ?? randomBytes(18).toString('base64url');
      const problem = passwordProblem(password, email.data);
      if (problem) throw new Error(`The password is not acceptable (${problem})`);
      const passwordHash = await new PasswordHasher(
        options.passwordHashing ?? DEFAULT_PASSWORD_HASHING,
      ).hash(password);
      if (existing) {
        await db
          .update(customers)
          .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
          .where(eq(customers.id, existing.id));
      } else {
        const [made] = await db
          .insert(customers)
          .values({ email: email.data, passwordHash, emailVerifiedAt: new Date() })
          .returning({ id: customers.id });
        customerId = made!.id;
      }
    }
    const granted = await grantRoleAsOperator(db, customerId!, role);
    return { customerId: customerId!, granted, ...(password ? { password } : {}) };
  } finally {
    await database.close();
  }
}
