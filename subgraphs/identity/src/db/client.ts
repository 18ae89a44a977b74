import { fileURLToPath } from 'node:url';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema.ts';

export { schema };
export type IdentityDb = PostgresJsDatabase<typeof schema>;
export type IdentityTx = Parameters<Parameters<IdentityDb['transaction']>[0]>[0];

/** The committed drizzle migrations of this subgraph. */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
