import { fileURLToPath } from 'node:url';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema.ts';

export { schema };
export type CheckoutDb = PostgresJsDatabase<typeof schema>;

/** The committed drizzle migrations of this subgraph. */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
