import { and, asc, count, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { badUserInput, isUuid } from '@commerce-graph/kit';
import type { ProductsDb } from './db/client.ts';
import { categories, products, type CategoryRow, type ProductRow } from './db/schema.ts';
import type { Loaders } from './loaders.ts';

/** A page of products; `totalCount` runs its query only when a client asks for it. */
export interface ProductPage {
  rows: ProductRow[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

export const MAX_PAGE_SIZE = 100;

interface Cursor {
  name: string;
  id: string;
}

/** Cursors are opaque to clients: base64url of the keyset position (name, id). */
export function encodeCursor(row: Pick<ProductRow, 'name' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      isUuid(value[1])
    ) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput('`after` is not a cursor returned by this API');
}

/** Catalog reads: product lookup and keyset-paginated listing with a category filter. */
export class ProductService {
  constructor(private readonly db: ProductsDb) {}

  /** One product by id or by slug; exactly one of the two must be given. */
  async findProduct(
    loaders: Loaders,
    by: { id?: string | null; slug?: string | null },
  ): Promise<ProductRow | null> {
    if ((by.id == null) === (by.slug == null)) {
      throw badUserInput('Give exactly one of `id` and `slug`');
    }
    if (by.id != null) {
      if (!isUuid(by.id)) throw badUserInput(`"${by.id}" is not a product id`);
      return loaders.productById.load(by.id);
    }
    return loaders.productBySlug.load(by.slug as string);
  }

  /** A page of products ordered by (name, id), optionally within a category subtree. */
  async listProducts(args: {
    first: number;
    after?: string | null;
    categorySlug?: string | null;
  }): Promise<ProductPage> {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw badUserInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    const filter = args.categorySlug != null ? this.inCategoryTree(args.categorySlug) : undefined;
    const cursor = args.after != null ? decodeCursor(args.after) : undefined;
    const after = cursor
      ? or(
          gt(products.name, cursor.name),
          and(eq(products.name, cursor.name), gt(products.id, cursor.id)),
        )
      : undefined;

    const rows = await this.db
      .select()
      .from(products)
      .where(and(filter, after))
      .orderBy(asc(products.name), asc(products.id))
      .limit(args.first + 1);

    return {
      rows: rows.slice(0, args.first),
      hasNextPage: rows.length > args.first,
      totalCount: async () => {
        const [row] = await this.db.select({ n: count() }).from(products).where(filter);
        return row?.n ?? 0;
      },
    };
  }

  /** Root categories, by name. */
  listRootCategories(): Promise<CategoryRow[]> {
    return this.db
      .select()
      .from(categories)
      .where(sql`${categories.parentId} is null`)
      .orderBy(asc(categories.name));
  }

  async findCategory(slug: string): Promise<CategoryRow | null> {
    const [row] = await this.db.select().from(categories).where(eq(categories.slug, slug));
    return row ?? null;
  }

  /** `category_id` within the subtree rooted at the category with this slug. */
  private inCategoryTree(slug: string): SQL {
    return sql`${products.categoryId} in (
      with recursive tree as (
        select id from ${categories} where slug = ${slug}
        union all
        select c.id from ${categories} c join tree on c.parent_id = tree.id
      )
      select id from tree
    )`;
  }
}
