import { fileURLToPath } from 'node:url';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema.ts';

export { schema };
export type InventoryDb = PostgresJsDatabase<typeof schema>;

/** The committed drizzle migrations of this subgraph. */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
export type InventoryTx = Parameters<Parameters<InventoryDb['transaction']>[0]>[0];
