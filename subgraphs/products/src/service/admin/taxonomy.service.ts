import { randomUUID } from 'node:crypto';
import { asc, eq, like, sql } from 'drizzle-orm';
import { anyOf, isUuid, requirePermission, type Actor } from '@commerce-graph/kit';
import type {
  CreateAttributeInput,
  CreateCategoryInput,
  CreateProductTypeInput,
  UpdateCategoryInput,
} from '../../__generated__/resolvers-types.ts';
import {
  attributes,
  attributeValues,
  categories,
  products,
  productTypeAttributes,
  productTypes,
  type AttributeRow,
  type CategoryRow,
  type ProductTypeRow,
} from '../../db/schema.ts';
import type { Loaders } from '../../loaders.ts';
import type { Executor } from '../search/search-engine.ts';
import {
  refuse,
  type AttributeResult,
  type CategoryResult,
  type ProductTypeResult,
} from './catalog-errors.ts';
import { checkInput } from './catalog-input.ts';
import {
  catalogWrite,
  givenFields,
  isSlug,
  type AdminCaller,
  type AdminDeps,
  type Refusal,
  type Stop,
} from './shared.ts';

/** Staff's taxonomy: the category tree, attributes and product types. */
export class AdminTaxonomyService {
  constructor(readonly deps: AdminDeps) {}

  /** Staff: every product type, by name. */
  listProductTypes(actor: Actor): Promise<ProductTypeRow[]> {
    requirePermission(actor, 'catalog:write');
    return this.deps.db
      .select()
      .from(productTypes)
      .orderBy(asc(productTypes.name), asc(productTypes.code));
  }

  /** Staff: every attribute, in their order. */
  listAttributes(actor: Actor): Promise<AttributeRow[]> {
    requirePermission(actor, 'catalog:write');
    return this.deps.db
      .select()
      .from(attributes)
      .orderBy(asc(attributes.position), asc(attributes.code));
  }

  /** The attributes a product type's products carry, in the type's order (batched per request). */
  async attributesOfType(loaders: Loaders, productTypeId: string): Promise<AttributeRow[]> {
    return (await loaders.attributesByProductTypeId.load(productTypeId)).map(
      (row) => row.attribute,
    );
  }

  // ------------------------------------------------------------------------------------------
  // Categories

  /** A new category under `parentSlug`, or at the top. */
  async createCategory(caller: AdminCaller, input: CreateCategoryInput): Promise<CategoryResult> {
    requirePermission(caller.actor, 'catalog:write');
    const parsed = checkInput.createCategory(input);
    if (!parsed.ok) return parsed.error;
    const c = parsed.value;
    return catalogWrite<CategoryResult>(
      this.deps,
      caller,
      'createCategory',
      async (tx, stop) => {
        await this.lockCategoryTree(tx);
        const parent = c.parentSlug != null ? await categoryBySlug(tx, c.parentSlug, stop) : null;
        const id = randomUUID();
        const now = this.deps.now();
        const [row] = await tx
          .insert(categories)
          .values({
            id,
            slug: c.slug,
            name: c.name,
            parentId: parent?.id ?? null,
            path: `${parent?.path ?? ''}${id}/`,
            position: c.position,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        return {
          result: { __typename: 'Category', ...row! },
          target: { type: 'Category', id },
          details: { slug: c.slug, parentSlug: c.parentSlug ?? null },
          reindex: [],
        };
      },
      { categories_slug_unique: () => refuse.slugTaken(c.slug, 'category') },
    );
  }

  /**
   * Renames or moves a category. A move rewrites the `path` of the whole subtree in one
   * statement; moving a category under itself or one of its descendants is UnknownCategory.
   * `parentSlug: null` moves it to the top. The products of the subtree are reindexed when the
   * name, slug or place changed (their search documents hold the category path and names).
   */
  async updateCategory(
    caller: AdminCaller,
    id: string,
    input: UpdateCategoryInput,
  ): Promise<CategoryResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) return refuse.categoryNotFound(id);
    const parsed = checkInput.updateCategory(input);
    if (!parsed.ok) return parsed.error;
    const u = parsed.value;
    return catalogWrite<CategoryResult>(
      this.deps,
      caller,
      'updateCategory',
      async (tx, stop) => {
        await this.lockCategoryTree(tx);
        const [current] = await tx.select().from(categories).where(eq(categories.id, id));
        if (!current) return stop(refuse.categoryNotFound(id));
        let path = current.path;
        let parentId = current.parentId;
        if (u.parentSlug !== undefined) {
          const parent =
            u.parentSlug === null ? null : await categoryBySlug(tx, u.parentSlug, stop);
          if (parent && parent.path.startsWith(current.path)) {
            return stop(
              refuse.unknownCategory(
                parent.slug,
                'A category cannot move under itself or one of its descendants',
              ),
            );
          }
          parentId = parent?.id ?? null;
          path = `${parent?.path ?? ''}${current.id}/`;
        }
        if (path !== current.path) {
          // The category and every descendant: the old prefix becomes the new one.
          await tx
            .update(categories)
            .set({ path: sql`${path} || substr(${categories.path}, ${current.path.length + 1})` })
            .where(like(categories.path, `${current.path}%`));
        }
        const [row] = await tx
          .update(categories)
          .set({
            parentId,
            updatedAt: this.deps.now(),
            ...(u.slug !== undefined ? { slug: u.slug } : {}),
            ...(u.name !== undefined ? { name: u.name } : {}),
            ...(u.position !== undefined ? { position: u.position } : {}),
          })
          .where(eq(categories.id, id))
          .returning();
        const shown =
          path !== current.path ||
          (u.name !== undefined && u.name !== current.name) ||
          (u.slug !== undefined && u.slug !== current.slug);
        const reindex = shown ? await this.productsUnder(tx, path) : [];
        return {
          result: { __typename: 'Category', ...row! },
          target: { type: 'Category', id },
          details: {
            fields: givenFields(input),
            moved: path !== current.path,
            products: reindex.length,
          },
          reindex,
        };
      },
      { categories_slug_unique: () => refuse.slugTaken(u.slug ?? '', 'category') },
    );
  }

  // ------------------------------------------------------------------------------------------
  // Attributes and product types

  /** A new attribute, after the existing ones; ENUM and MULTI_ENUM come with their values. */
  async createAttribute(
    caller: AdminCaller,
    input: CreateAttributeInput,
  ): Promise<AttributeResult> {
    requirePermission(caller.actor, 'catalog:write');
    const parsed = checkInput.createAttribute(input);
    if (!parsed.ok) return parsed.error;
    const a = parsed.value;
    return catalogWrite<AttributeResult>(
      this.deps,
      caller,
      'createAttribute',
      async (tx) => {
        const [row] = await tx
          .insert(attributes)
          .values({
            id: randomUUID(),
            code: a.code,
            name: a.name,
            kind: a.kind,
            filterable: a.filterable,
            position: sql`(select coalesce(max(${attributes.position}) + 1, 0) from ${attributes})`,
          })
          .returning();
        if (a.values.length > 0) {
          await tx.insert(attributeValues).values(
            a.values.map((value, position) => ({
              attributeId: row!.id,
              code: value.code,
              label: value.label,
              position,
            })),
          );
        }
        // A new attribute: no product carries it yet, nothing to reindex.
        return {
          result: { __typename: 'Attribute', ...row! },
          target: { type: 'Attribute', id: row!.id },
          details: {
            code: a.code,
            kind: a.kind,
            filterable: a.filterable,
            values: a.values.length,
          },
          reindex: [],
        };
      },
      { attributes_code_unique: () => refuse.codeTaken(a.code, 'attribute') },
    );
  }

  /** A new product type whose products carry these attributes, in this order. */
  async createProductType(
    caller: AdminCaller,
    input: CreateProductTypeInput,
  ): Promise<ProductTypeResult> {
    requirePermission(caller.actor, 'catalog:write');
    const parsed = checkInput.createProductType(input);
    if (!parsed.ok) return parsed.error;
    const t = parsed.value;
    return catalogWrite<ProductTypeResult>(
      this.deps,
      caller,
      'createProductType',
      async (tx, stop) => {
        const codes = t.attributeCodes.filter(isSlug);
        const found =
          codes.length > 0
            ? await tx.select().from(attributes).where(anyOf(attributes.code, codes))
            : [];
        const byCode = new Map(found.map((attribute) => [attribute.code, attribute]));
        const unknown = t.attributeCodes.find((c) => !byCode.has(c));
        if (unknown !== undefined) return stop(refuse.unknownAttribute(unknown));
        const [row] = await tx
          .insert(productTypes)
          .values({ id: randomUUID(), code: t.code, name: t.name })
          .returning();
        if (t.attributeCodes.length > 0) {
          await tx.insert(productTypeAttributes).values(
            t.attributeCodes.map((c, position) => ({
              productTypeId: row!.id,
              attributeId: byCode.get(c)!.id,
              position,
            })),
          );
        }
        return {
          result: { __typename: 'ProductType', ...row! },
          target: { type: 'ProductType', id: row!.id },
          details: { code: t.code, attributeCodes: t.attributeCodes },
          reindex: [],
        };
      },
      { product_types_code_unique: () => refuse.codeTaken(t.code, 'product type') },
    );
  }

  /** Category writes take turns: a move and a concurrent create under it keep paths right. */
  private async lockCategoryTree(tx: Executor): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('products:category-tree'))`);
  }

  /** Ids of the products in the category subtree whose path is `path` (one statement). */
  private async productsUnder(tx: Executor, path: string): Promise<string[]> {
    const rows = await tx
      .select({ id: products.id })
      .from(products)
      .where(
        sql`${products.categoryId} in (select id from ${categories} where ${like(categories.path, `${path}%`)})`,
      );
    return rows.map((row) => row.id);
  }
}

/** The category with this slug; any other ends the write with UnknownCategory. */
export async function categoryBySlug(
  tx: Executor,
  slug: string,
  stop: Stop<Refusal<'UnknownCategory'>>,
): Promise<CategoryRow> {
  const [row] = isSlug(slug)
    ? await tx.select().from(categories).where(eq(categories.slug, slug))
    : [];
  if (!row) stop(refuse.unknownCategory(slug));
  return row;
}
