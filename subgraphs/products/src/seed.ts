import { sql } from 'drizzle-orm';
import type { ProductsDb } from './db/client.ts';
import { categories, products, variants, type OptionValue } from './db/schema.ts';

export interface CatalogSeed {
  categories: Array<{ id: string; slug: string; name: string; parentId: string | null }>;
  products: Array<{
    id: string;
    slug: string;
    name: string;
    description: string;
    categoryId: string;
    variants: Array<{
      id: string;
      sku: string;
      options: OptionValue[];
      priceAmount: number;
      currency: string;
      position: number;
    }>;
  }>;
}

const CHUNK = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Loads a catalog when the products schema is empty; returns false (and writes nothing) when
 * there already is one, so restarts keep the data a developer changed.
 */
export async function seedCatalog(db: ProductsDb, catalog: CatalogSeed): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two starts racing to seed must not both see an empty table.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed:products'))`);
    const [existing] = await tx.select({ id: products.id }).from(products).limit(1);
    if (existing) return false;
    // Parents before children, whatever the depth of the tree.
    const byId = new Map(catalog.categories.map((c) => [c.id, c]));
    const depth = (id: string | null): number => {
      const parent = id ? byId.get(id) : undefined;
      return parent ? 1 + depth(parent.parentId) : 0;
    };
    const ordered = [...catalog.categories].sort((a, b) => depth(a.parentId) - depth(b.parentId));
    for (const part of chunks(ordered)) await tx.insert(categories).values(part);
    for (const part of chunks(catalog.products.map(({ variants: _v, ...p }) => p))) {
      await tx.insert(products).values(part);
    }
    const variantRows = catalog.products.flatMap((p) =>
      p.variants.map((v) => ({ ...v, productId: p.id })),
    );
    for (const part of chunks(variantRows)) await tx.insert(variants).values(part);
    return true;
  });
}
