import { and, asc, count, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { badUserInput, isUuid, parseInput, userInput } from '@commerce-graph/kit';
import type { ProductsDb } from '../db/client.ts';
import {
  categories,
  collectionProducts,
  collections,
  products,
  type AttributeRow,
  type AttributeValueRow,
  type CategoryRow,
  type CollectionRow,
  type ProductRow,
} from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';

/**
 * A page of products with each row's cursor (its position in the page's order);
 * `totalCount` runs its query only when a client asks for it.
 */
export interface ProductPage {
  rows: ProductRow[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

/** A product's value of one attribute, with the attribute and the chosen options. */
export interface ProductAttributeView {
  attribute: AttributeRow;
  text: string | null;
  number: number | null;
  boolean: boolean | null;
  options: AttributeValueRow[];
}

/** Only what the storefront may see. */
export const isPublished = (row: { status: string }) => row.status === 'PUBLISHED';
const published = eq(products.status, 'PUBLISHED');

export const MAX_PAGE_SIZE = 100;
/** Longest `after` accepted: the cursor of a product name of about 1,400 ASCII characters. */
export const MAX_CURSOR_LENGTH = 2_000;

interface Cursor {
  name: string;
  id: string;
}

const cursorText = userInput.cursor(MAX_CURSOR_LENGTH);
// The name is compared with product names in SQL: it may hold anything a name can, but not
// what PostgreSQL refuses (NUL), which a hand-made cursor could carry.
const cursorPosition = z.tuple([
  userInput.storedText(MAX_CURSOR_LENGTH),
  z.string().refine(isUuid, 'Must be a UUID'),
]);
const slugSchema = userInput.slug();

/** A slug that can name a product or category; anything else matches nothing, without SQL. */
const isSlug = (value: string): boolean => slugSchema.safeParse(value).success;

/** Cursors are opaque to clients: base64url of the keyset position (name, id). */
export function encodeCursor(row: Pick<ProductRow, 'name' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  const notACursor = () => badUserInput('`after` is not a cursor returned by this API');
  const text = parseInput(cursorText, cursor, notACursor);
  if (!text.ok) throw text.error;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text.value, 'base64url').toString('utf8'));
  } catch {
    throw notACursor();
  }
  const position = parseInput(cursorPosition, value, notACursor);
  if (!position.ok) throw position.error;
  const [name, id] = position.value;
  return { name, id };
}

/**
 * Catalog reads for the storefront: product lookup, keyset-paginated listing with a category
 * filter, categories and collections. Only PUBLISHED products and collections are seen.
 */
export class CatalogService {
  constructor(private readonly db: ProductsDb) {}

  /** One published product by id or by slug (exactly one); a malformed slug matches nothing. */
  async findProduct(
    loaders: Loaders,
    by: { id?: string | null; slug?: string | null },
  ): Promise<ProductRow | null> {
    if ((by.id == null) === (by.slug == null)) {
      throw badUserInput('Give exactly one of `id` and `slug`');
    }
    let row: ProductRow | null;
    if (by.id != null) {
      if (!isUuid(by.id)) throw badUserInput(`"${by.id}" is not a product id`);
      row = await loaders.productById.load(by.id);
    } else {
      const bySlug = by.slug as string;
      row = isSlug(bySlug) ? await loaders.productBySlug.load(bySlug) : null;
    }
    return row && isPublished(row) ? row : null;
  }

  /**
   * A page of products ordered by (name, id), optionally within a category subtree. A malformed
   * `categorySlug` names no category, so its page is empty, as for an unknown one.
   */
  async listProducts(args: {
    first: number;
    after?: string | null;
    categorySlug?: string | null;
  }): Promise<ProductPage> {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw badUserInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    const cursor = args.after != null ? decodeCursor(args.after) : undefined;
    if (args.categorySlug != null && !isSlug(args.categorySlug)) {
      return { rows: [], cursors: [], hasNextPage: false, totalCount: async () => 0 };
    }
    const filter = and(
      published,
      args.categorySlug != null ? this.inCategoryTree(args.categorySlug) : undefined,
    );
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

    const page = rows.slice(0, args.first);
    return {
      rows: page,
      cursors: page.map(encodeCursor),
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

  /** One category by slug; null for an unknown or malformed one. */
  async findCategory(slug: string): Promise<CategoryRow | null> {
    if (!isSlug(slug)) return null;
    const [row] = await this.db.select().from(categories).where(eq(categories.slug, slug));
    return row ?? null;
  }

  /** Published collections, by name. */
  listCollections(): Promise<CollectionRow[]> {
    return this.db
      .select()
      .from(collections)
      .where(eq(collections.status, 'PUBLISHED'))
      .orderBy(asc(collections.name), asc(collections.id));
  }

  /** One published collection by slug; null otherwise. */
  async findCollection(slug: string): Promise<CollectionRow | null> {
    if (!isSlug(slug)) return null;
    const [row] = await this.db
      .select()
      .from(collections)
      .where(and(eq(collections.slug, slug), eq(collections.status, 'PUBLISHED')));
    return row ?? null;
  }

  /** One published collection by id (federation references); null otherwise. */
  async findCollectionById(id: string): Promise<CollectionRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.db
      .select()
      .from(collections)
      .where(and(eq(collections.id, id), eq(collections.status, 'PUBLISHED')));
    return row ?? null;
  }

  /** A collection's published products in its order; the cursor is the position. */
  async collectionProducts(
    collectionId: string,
    args: { first: number; after?: string | null },
  ): Promise<ProductPage> {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw badUserInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    let after = -1;
    if (args.after != null) {
      const position = Number(Buffer.from(args.after, 'base64url').toString('utf8'));
      if (!Number.isSafeInteger(position) || position < 0 || args.after.length > 40) {
        throw badUserInput('`after` is not a cursor returned by this API');
      }
      after = position;
    }
    const inCollection = and(eq(collectionProducts.collectionId, collectionId), published);
    const rows = await this.db
      .select({ product: products, position: collectionProducts.position })
      .from(collectionProducts)
      .innerJoin(products, eq(products.id, collectionProducts.productId))
      .where(and(inCollection, gt(collectionProducts.position, after)))
      .orderBy(asc(collectionProducts.position))
      .limit(args.first + 1);
    const page = rows.slice(0, args.first);
    return {
      rows: page.map((row) => row.product),
      cursors: page.map((row) => Buffer.from(String(row.position)).toString('base64url')),
      hasNextPage: rows.length > args.first,
      totalCount: async () => {
        const [row] = await this.db
          .select({ n: count() })
          .from(collectionProducts)
          .innerJoin(products, eq(products.id, collectionProducts.productId))
          .where(inCollection);
        return row?.n ?? 0;
      },
    };
  }

  /** `category_id` within the subtree rooted at the category with this slug (its path prefix). */
  private inCategoryTree(slug: string): SQL {
    return sql`${products.categoryId} in (
      select c.id from ${categories} c
      where c.path like (select path from ${categories} where slug = ${slug}) || '%'
    )`;
  }
}
