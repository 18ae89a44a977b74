/**
 * `pnpm staff:grant --email <address> [--role owner]`: the bootstrap of the first admin, and the
 * operator's way back in. Gives the account a staff role, making the account (with a password
 * printed once) when the address has none. Needs DATABASE_URL; see identity's README.
 */
import { parseArgs } from 'node:util';
import { STAFF_ROLE_NAMES, type StaffRole } from '@commerce-graph/kit';
import { bootstrapStaff } from '../bootstrap.ts';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string', default: 'owner' },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !values.email || !STAFF_ROLE_NAMES.includes(values.role as StaffRole)) {
  console.error(
    'usage: DATABASE_URL=postgres://... pnpm staff:grant --email <address> ' +
      `[--role ${STAFF_ROLE_NAMES.join('|')}]`,
  );
  process.exit(2);
}

try {
  const done = await bootstrapStaff({
    databaseUrl,
    email: values.email,
    role: values.role as StaffRole,
  });
  console.log(
    done.granted
      ? `${values.email} (${done.customerId}) is now ${values.role}`
      : `${values.email} (${done.customerId}) was ${values.role} already`,
  );
  if (done.password) console.log(`account made; its password (shown once): ${done.password}`);
} catch (error) {
  console.error('staff:grant failed:', error instanceof Error ? error.message : error);
  process.exit(1);
}
