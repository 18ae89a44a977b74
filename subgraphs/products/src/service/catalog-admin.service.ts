import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import { asc, eq, like, sql } from 'drizzle-orm';
import { adminActionBy, recordEvent, type OutboxRelay } from '@commerce-graph/events';
import {
  anyOf,
  anyUuidOf,
  badUserInput,
  isUuid,
  loaderByGroup,
  requirePermission,
  userInput,
  type Actor,
  type Logger,
} from '@commerce-graph/kit';
import type {
  CreateAttributeInput,
  CreateCategoryInput,
  CreateCollectionInput,
  CreateProductInput,
  CreateProductTypeInput,
  CreateVariantInput,
  PublishState,
  SetPriceInput,
  UpdateCategoryInput,
  UpdateCollectionInput,
  UpdateProductInput,
  UpdateVariantInput,
} from '../__generated__/resolvers-types.ts';
import type { ProductsDb } from '../db/client.ts';
import {
  attributes,
  attributeValues,
  categories,
  collectionProducts,
  collections,
  media,
  outboxEvents,
  prices,
  productAttributeValues,
  products,
  productTypeAttributes,
  productTypes,
  variants,
  type AttributeRow,
  type CategoryRow,
  type PriceRow,
  type ProductRow,
  type ProductTypeRow,
  type VariantRow,
} from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import {
  refuse,
  RefusedWrite,
  violatedUniqueConstraint,
  type AttributeResult,
  type CatalogRefusal,
  type CategoryResult,
  type CollectionResult,
  type PriceResult,
  type ProductResult,
  type ProductTypeResult,
  type VariantResult,
} from './catalog-errors.ts';
import {
  checkBasePrices,
  checkInput,
  checkSetPrice,
  textValue,
  type AttributeValueIn,
} from './catalog-input.ts';
import { priceInForce, type StoreCurrency } from './pricing.ts';
import type { Executor, SearchEngine } from './search/search-engine.ts';

/** Who calls, and the request's loaders (cleared after a write, so later fields read it). */
export interface AdminCaller {
  actor: Actor;
  loaders: Loaders;
}

/** What a write did: its answer, the audit target and details, the products to reindex. */
interface Written<T> {
  result: T;
  target: { type: string; id: string };
  details: Record<string, unknown>;
  reindex: readonly string[];
}

/** A product's value of one attribute, before it is given the product's id. */
type AttributeValueRow = Omit<typeof productAttributeValues.$inferInsert, 'productId'>;

/** Ends a write with one of its own refusals: the transaction rolls back, nothing is written. */
type Stop<T> = (refusal: T) => never;
type Refusal<N extends CatalogRefusal['__typename']> = Extract<CatalogRefusal, { __typename: N }>;

const slugSchema = userInput.slug();
/** A slug or code that can name something; anything else names nothing, without SQL. */
const isSlug = (value: string) => slugSchema.safeParse(value).success;

const iso = (date: Date | null) => date?.toISOString() ?? null;
const isBasePrice = (row: PriceRow) => row.startsAt === null && row.endsAt === null;

/** Only the keys a client gave (an explicit null counts: it clears). */
const givenFields = (input: object) =>
  Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);

/**
 * Staff's catalog writes (`catalog:write`): products, variants, prices, categories,
 * collections, attributes and product types, each validated with typed errors, reindexed in
 * search in its transaction, and audited (`products.admin-action.recorded`).
 */
export class CatalogAdminService {
  /** Per-request loaders this service adds to the request's `Loaders` (keyed by them). */
  private readonly typeAttributeLoaders = new WeakMap<
    Loaders,
    DataLoader<string, Array<{ productTypeId: string; attribute: AttributeRow }>>
  >();

  constructor(
    readonly deps: {
      db: ProductsDb;
      search: SearchEngine;
      relay: OutboxRelay;
      now: () => Date;
      logger: Logger;
    },
  ) {}

  // ------------------------------------------------------------------------------------------
  // Reads

  /** Staff: any product by id, whatever its publish state; null for an unknown id. */
  async findProduct(caller: AdminCaller, id: string): Promise<ProductRow | null> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) throw badUserInput(`"${id.slice(0, 40)}" is not a product id`);
    return caller.loaders.productById.load(id);
  }

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
    let loader = this.typeAttributeLoaders.get(loaders);
    if (!loader) {
      loader = loaderByGroup(
        (ids: readonly string[]) =>
          this.deps.db
            .select({ productTypeId: productTypeAttributes.productTypeId, attribute: attributes })
            .from(productTypeAttributes)
            .innerJoin(attributes, eq(attributes.id, productTypeAttributes.attributeId))
            .where(anyUuidOf(productTypeAttributes.productTypeId, ids))
            .orderBy(asc(productTypeAttributes.position), asc(attributes.code)),
        (row) => row.productTypeId,
      );
      this.typeAttributeLoaders.set(loaders, loader);
    }
    return (await loader.load(productTypeId)).map((row) => row.attribute);
  }

  /** Staff: every price of a variant, base prices first, then scheduled ones by start. */
  async pricesOf(caller: AdminCaller, variant: VariantRow): Promise<PriceRow[]> {
    requirePermission(caller.actor, 'catalog:write');
    const rows = await caller.loaders.pricesByVariantId.load(variant.id);
    const start = (row: PriceRow) => row.startsAt?.getTime() ?? -Infinity;
    return [...rows].sort(
      (a, b) =>
        Number(isBasePrice(b)) - Number(isBasePrice(a)) ||
        a.currency.localeCompare(b.currency) ||
        start(a) - start(b) ||
        a.id.localeCompare(b.id),
    );
  }

  // ------------------------------------------------------------------------------------------
  // Products

  /** A new DRAFT product in a category, with attribute values, images and SEO texts. */
  async createProduct(caller: AdminCaller, input: CreateProductInput): Promise<ProductResult> {
    requirePermission(caller.actor, 'catalog:write');
    const parsed = checkInput.createProduct(input);
    if (!parsed.ok) return parsed.error;
    const p = parsed.value;
    return this.write<ProductResult>(
      caller,
      'createProduct',
      async (tx, stop) => {
        const category = await this.categoryBySlug(tx, p.categorySlug, stop);
        let productTypeId: string | null = null;
        if (p.productTypeCode != null) {
          const code = p.productTypeCode;
          const [type] = isSlug(code)
            ? await tx.select().from(productTypes).where(eq(productTypes.code, code))
            : [];
          if (!type)
            return stop(refuse.unknownAttribute(code, `No product type has the code "${code}"`));
          productTypeId = type.id;
        }
        const values = await this.checkAttributeValues(tx, productTypeId, p.attributes, stop);
        const id = randomUUID();
        const at = this.deps.now();
        const [row] = await tx
          .insert(products)
          .values({
            id,
            slug: p.slug,
            name: p.name,
            description: p.description,
            categoryId: category.id,
            productTypeId,
            status: 'DRAFT',
            seoTitle: p.seoTitle ?? null,
            seoDescription: p.seoDescription ?? null,
            createdAt: at,
            updatedAt: at,
          })
          .returning();
        await this.replaceAttributeValues(tx, id, values);
        await this.replaceMedia(tx, id, p.media);
        return {
          result: { __typename: 'Product', ...row! },
          target: { type: 'Product', id },
          details: { slug: p.slug, name: p.name, categorySlug: p.categorySlug, status: 'DRAFT' },
          reindex: [id],
        };
      },
      { products_slug_unique: () => refuse.slugTaken(p.slug, 'product') },
    );
  }

  /** Changes the given fields; `attributes` and `media`, when given, replace the old ones. */
  async updateProduct(
    caller: AdminCaller,
    id: string,
    input: UpdateProductInput,
  ): Promise<ProductResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) return refuse.productNotFound(id);
    const parsed = checkInput.updateProduct(input);
    if (!parsed.ok) return parsed.error;
    const u = parsed.value;
    return this.write<ProductResult>(
      caller,
      'updateProduct',
      async (tx, stop) => {
        const [current] = await tx.select().from(products).where(eq(products.id, id)).for('update');
        if (!current) return stop(refuse.productNotFound(id));
        const set: Partial<typeof products.$inferInsert> = { updatedAt: this.deps.now() };
        if (u.slug !== undefined) set.slug = u.slug;
        if (u.name !== undefined) set.name = u.name;
        if (u.description !== undefined) set.description = u.description;
        if (u.categorySlug !== undefined) {
          set.categoryId = (await this.categoryBySlug(tx, u.categorySlug, stop)).id;
        }
        if (input.seoTitle !== undefined) set.seoTitle = u.seoTitle ?? null;
        if (input.seoDescription !== undefined) set.seoDescription = u.seoDescription ?? null;
        if (u.attributes !== undefined) {
          const values = await this.checkAttributeValues(
            tx,
            current.productTypeId,
            u.attributes,
            stop,
          );
          await this.replaceAttributeValues(tx, id, values);
        }
        if (u.media !== undefined) await this.replaceMedia(tx, id, u.media);
        const [row] = await tx.update(products).set(set).where(eq(products.id, id)).returning();
        return {
          result: { __typename: 'Product', ...row! },
          target: { type: 'Product', id },
          details: { fields: givenFields(input) },
          reindex: [id],
        };
      },
      { products_slug_unique: () => refuse.slugTaken(u.slug ?? '', 'product') },
    );
  }

  /**
   * PUBLISHED shows a product (and its variants) on the storefront; `published_at` is set the
   * first time only, so "newest" keeps its place after an archive and re-publish. DRAFT and
   * ARCHIVED hide it everywhere, `_entities` included.
   */
  async setProductStatus(
    caller: AdminCaller,
    id: string,
    status: PublishState,
  ): Promise<ProductResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) return refuse.productNotFound(id);
    return this.write<ProductResult>(caller, 'setProductStatus', async (tx, stop) => {
      const [current] = await tx.select().from(products).where(eq(products.id, id)).for('update');
      if (!current) return stop(refuse.productNotFound(id));
      const now = this.deps.now();
      const [row] = await tx
        .update(products)
        .set({
          status,
          updatedAt: now,
          publishedAt: status === 'PUBLISHED' ? (current.publishedAt ?? now) : current.publishedAt,
        })
        .where(eq(products.id, id))
        .returning();
      return {
        result: { __typename: 'Product', ...row! },
        target: { type: 'Product', id },
        details: { from: current.status, to: status },
        reindex: [id],
      };
    });
  }

  // ------------------------------------------------------------------------------------------
  // Variants and prices

  /** A new variant of a product, with a base price in every store currency. */
  async createVariant(
    caller: AdminCaller,
    productId: string,
    input: CreateVariantInput,
  ): Promise<VariantResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(productId)) return refuse.productNotFound(productId);
    const { prices: basePrices, ...rest } = input;
    const parsed = checkInput.createVariant(rest);
    if (!parsed.ok) return parsed.error;
    const amounts = checkBasePrices(basePrices);
    if (!amounts.ok) return amounts.error;
    const v = parsed.value;
    return this.write<VariantResult>(
      caller,
      'createVariant',
      async (tx, stop) => {
        // A share lock: the product cannot be deleted under the new variant.
        const [product] = await tx
          .select({ id: products.id })
          .from(products)
          .where(eq(products.id, productId))
          .for('share');
        if (!product) return stop(refuse.productNotFound(productId));
        const now = this.deps.now();
        const [variant] = await tx
          .insert(variants)
          .values({
            id: randomUUID(),
            productId,
            sku: v.sku,
            options: v.options,
            position: v.position,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        const created = await tx
          .insert(prices)
          .values(
            [...amounts.value].map(([currency, amount]) => ({
              variantId: variant!.id,
              currency,
              amount,
              createdAt: now,
            })),
          )
          .returning();
        for (const [currency] of amounts.value) {
          await this.recordPriceChange(tx, variant!, currency, [], created, now);
        }
        return {
          result: { __typename: 'ProductVariant', ...variant! },
          target: { type: 'ProductVariant', id: variant!.id },
          details: {
            productId,
            sku: v.sku,
            prices: Object.fromEntries(amounts.value),
          },
          reindex: [productId],
        };
      },
      { variants_sku_unique: () => refuse.skuTaken(v.sku) },
    );
  }

  /** Changes a variant's SKU, options (replaced when given) or position. */
  async updateVariant(
    caller: AdminCaller,
    id: string,
    input: UpdateVariantInput,
  ): Promise<VariantResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) return refuse.variantNotFound(id);
    const parsed = checkInput.updateVariant(input);
    if (!parsed.ok) return parsed.error;
    const u = parsed.value;
    return this.write<VariantResult>(
      caller,
      'updateVariant',
      async (tx, stop) => {
        const [current] = await tx.select().from(variants).where(eq(variants.id, id)).for('update');
        if (!current) return stop(refuse.variantNotFound(id));
        const [row] = await tx
          .update(variants)
          .set({
            updatedAt: this.deps.now(),
            ...(u.sku !== undefined ? { sku: u.sku } : {}),
            ...(u.options !== undefined ? { options: u.options } : {}),
            ...(u.position !== undefined ? { position: u.position } : {}),
          })
          .where(eq(variants.id, id))
          .returning();
        return {
          result: { __typename: 'ProductVariant', ...row! },
          target: { type: 'ProductVariant', id },
          details: { fields: givenFields(input), sku: row!.sku },
          reindex: [current.productId],
        };
      },
      { variants_sku_unique: () => refuse.skuTaken(u.sku ?? '') },
    );
  }

  /**
   * Without `startsAt` and `endsAt`: sets the variant's base price in the currency (its id
   * stays). With either: adds a scheduled price for that window. When the price in force now
   * changes, `products.price.changed` is recorded with it; a price that starts later is
   * announced at its start by the price boundaries (service/price-boundaries.ts).
   */
  async setPrice(caller: AdminCaller, input: SetPriceInput): Promise<PriceResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(input.variantId)) return refuse.variantNotFound(input.variantId);
    const now = this.deps.now();
    const parsed = checkSetPrice(input, now);
    if (!parsed.ok) return parsed.error;
    const price = parsed.value;
    return this.write<PriceResult>(caller, 'setPrice', async (tx, stop) => {
      const variant = await this.lockVariant(tx, input.variantId);
      if (!variant) return stop(refuse.variantNotFound(input.variantId));
      const before = await tx.select().from(prices).where(eq(prices.variantId, variant.id));
      const values = {
        variantId: variant.id,
        currency: price.currency,
        amount: price.amount,
        compareAtAmount: price.compareAtAmount,
      };
      const [row] =
        price.startsAt === null && price.endsAt === null
          ? await tx
              .insert(prices)
              .values({ ...values, createdAt: now })
              .onConflictDoUpdate({
                target: [prices.variantId, prices.currency],
                targetWhere: sql`starts_at is null and ends_at is null`,
                set: { amount: price.amount, compareAtAmount: price.compareAtAmount },
              })
              .returning()
          : await tx
              .insert(prices)
              .values({ ...values, startsAt: price.startsAt, endsAt: price.endsAt, createdAt: now })
              .returning();
      const after = [...before.filter((r) => r.id !== row!.id), row!];
      await this.recordPriceChange(tx, variant, price.currency, before, after, now);
      return {
        result: { __typename: 'Price', ...row! },
        target: { type: 'Price', id: row!.id },
        details: {
          variantId: variant.id,
          currencyCode: price.currency,
          amount: price.amount,
          compareAtAmount: price.compareAtAmount,
          startsAt: iso(price.startsAt),
          endsAt: iso(price.endsAt),
        },
        reindex: [variant.productId],
      };
    });
  }

  /** Removes a scheduled price; a base price is PriceNotFound (setPrice replaces it). */
  async removePrice(caller: AdminCaller, id: string): Promise<PriceResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) return refuse.priceNotFound(id);
    return this.write<PriceResult>(caller, 'removePrice', async (tx, stop) => {
      const [found] = await tx
        .select({ variantId: prices.variantId })
        .from(prices)
        .where(eq(prices.id, id));
      if (!found) return stop(refuse.priceNotFound(id));
      // Variant first, as setPrice locks: concurrent price changes of a variant queue up.
      const variant = await this.lockVariant(tx, found.variantId);
      const before = await tx.select().from(prices).where(eq(prices.variantId, found.variantId));
      const row = before.find((r) => r.id === id);
      if (!variant || !row || isBasePrice(row)) return stop(refuse.priceNotFound(id));
      await tx.delete(prices).where(eq(prices.id, id));
      const now = this.deps.now();
      const after = before.filter((r) => r.id !== id);
      await this.recordPriceChange(tx, variant, row.currency as StoreCurrency, before, after, now);
      return {
        result: { __typename: 'Price', ...row },
        target: { type: 'Price', id },
        details: {
          variantId: variant.id,
          currencyCode: row.currency,
          amount: row.amount,
          startsAt: iso(row.startsAt),
          endsAt: iso(row.endsAt),
        },
        reindex: [variant.productId],
      };
    });
  }

  // ------------------------------------------------------------------------------------------
  // Categories

  /** A new category under `parentSlug`, or at the top. */
  async createCategory(caller: AdminCaller, input: CreateCategoryInput): Promise<CategoryResult> {
    requirePermission(caller.actor, 'catalog:write');
    const parsed = checkInput.createCategory(input);
    if (!parsed.ok) return parsed.error;
    const c = parsed.value;
    return this.write<CategoryResult>(
      caller,
      'createCategory',
      async (tx, stop) => {
        await this.lockCategoryTree(tx);
        const parent =
          c.parentSlug != null ? await this.categoryBySlug(tx, c.parentSlug, stop) : null;
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
    return this.write<CategoryResult>(
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
            u.parentSlug === null ? null : await this.categoryBySlug(tx, u.parentSlug, stop);
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
  // Collections

  /** A new DRAFT collection without products. */
  async createCollection(
    caller: AdminCaller,
    input: CreateCollectionInput,
  ): Promise<CollectionResult> {
    requirePermission(caller.actor, 'catalog:write');
    const parsed = checkInput.createCollection(input);
    if (!parsed.ok) return parsed.error;
    const c = parsed.value;
    return this.write<CollectionResult>(
      caller,
      'createCollection',
      async (tx) => {
        const now = this.deps.now();
        const [row] = await tx
          .insert(collections)
          .values({
            id: randomUUID(),
            slug: c.slug,
            name: c.name,
            description: c.description,
            status: 'DRAFT',
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        return {
          result: { __typename: 'Collection', ...row! },
          target: { type: 'Collection', id: row!.id },
          details: { slug: c.slug, name: c.name },
          reindex: [],
        };
      },
      { collections_slug_unique: () => refuse.slugTaken(c.slug, 'collection') },
    );
  }

  /** Changes a collection's slug, name, description or publish state. */
  async updateCollection(
    caller: AdminCaller,
    id: string,
    input: UpdateCollectionInput,
  ): Promise<CollectionResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) return refuse.collectionNotFound(id);
    const parsed = checkInput.updateCollection(input);
    if (!parsed.ok) return parsed.error;
    const u = parsed.value;
    return this.write<CollectionResult>(
      caller,
      'updateCollection',
      async (tx, stop) => {
        const [row] = await tx
          .update(collections)
          .set({
            updatedAt: this.deps.now(),
            ...(u.slug !== undefined ? { slug: u.slug } : {}),
            ...(u.name !== undefined ? { name: u.name } : {}),
            ...(u.description !== undefined ? { description: u.description } : {}),
            ...(u.status !== undefined ? { status: u.status } : {}),
          })
          .where(eq(collections.id, id))
          .returning();
        if (!row) return stop(refuse.collectionNotFound(id));
        return {
          result: { __typename: 'Collection', ...row },
          target: { type: 'Collection', id },
          details: { fields: givenFields(input), status: row.status },
          reindex: [],
        };
      },
      { collections_slug_unique: () => refuse.slugTaken(u.slug ?? '', 'collection') },
    );
  }

  /**
   * Replaces a collection's products with these, in this order. Products of any publish state
   * may be listed (the storefront shows the published ones); an unknown or malformed id is
   * ProductNotFound and changes nothing.
   */
  async setCollectionProducts(
    caller: AdminCaller,
    id: string,
    productIds: readonly string[],
  ): Promise<CollectionResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) return refuse.collectionNotFound(id);
    const parsed = checkInput.collectionProducts(productIds);
    if (!parsed.ok) return parsed.error;
    const malformed = productIds.find((productId) => !isUuid(productId));
    if (malformed !== undefined) return refuse.productNotFound(malformed);
    const ids = productIds.map((productId) => productId.toLowerCase());
    return this.write<CollectionResult>(caller, 'setCollectionProducts', async (tx, stop) => {
      const [collection] = await tx
        .select()
        .from(collections)
        .where(eq(collections.id, id))
        .for('update');
      if (!collection) return stop(refuse.collectionNotFound(id));
      const known = new Set(
        ids.length > 0
          ? (
              await tx
                .select({ id: products.id })
                .from(products)
                .where(anyOf(products.id, ids))
                .for('share')
            ).map((row) => row.id)
          : [],
      );
      const unknown = ids.find((productId) => !known.has(productId));
      if (unknown !== undefined) return stop(refuse.productNotFound(unknown));
      const removed = await tx
        .delete(collectionProducts)
        .where(eq(collectionProducts.collectionId, id))
        .returning({ productId: collectionProducts.productId });
      if (ids.length > 0) {
        await tx
          .insert(collectionProducts)
          .values(ids.map((productId, position) => ({ collectionId: id, productId, position })));
      }
      const [row] = await tx
        .update(collections)
        .set({ updatedAt: this.deps.now() })
        .where(eq(collections.id, id))
        .returning();
      return {
        result: { __typename: 'Collection', ...row! },
        target: { type: 'Collection', id },
        details: { products: ids.length },
        reindex: [...removed.map((r) => r.productId), ...ids],
      };
    });
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
    return this.write<AttributeResult>(
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
    return this.write<ProductTypeResult>(
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

  // ------------------------------------------------------------------------------------------
  // The write itself

  /**
   * Runs one catalog write in a transaction: `work` changes the rows (or stops with a refusal,
   * rolling everything back), then the affected products are reindexed and the action audited
   * in the same transaction; after commit the outbox is flushed. A unique violation named in
   * `unique` (a slug, SKU or code taken by a concurrent write) is answered with its refusal.
   */
  private async write<T extends { __typename: string }>(
    caller: AdminCaller,
    action: string,
    work: (tx: Executor, stop: Stop<T>) => Promise<Written<T>>,
    unique: Record<string, () => T> = {},
  ): Promise<T> {
    requirePermission(caller.actor, 'catalog:write');
    const stop: Stop<T> = (refusal) => {
      throw new RefusedWrite(refusal as unknown as CatalogRefusal);
    };
    let result: T;
    try {
      result = await this.deps.db.transaction(async (tx) => {
        const written = await work(tx, stop);
        await this.deps.search.reindex([...new Set(written.reindex)], tx);
        await recordEvent(
          tx,
          outboxEvents,
          'products.admin-action.recorded',
          adminActionBy(caller.actor, action, written.target, written.details),
        );
        return written.result;
      });
    } catch (error) {
      // Only `stop` throws RefusedWrite, and it takes only this write's own refusals.
      if (error instanceof RefusedWrite) return error.result as unknown as T;
      const constraint = violatedUniqueConstraint(error);
      const refusal = constraint !== null ? unique[constraint] : undefined;
      if (refusal) return refusal();
      throw error;
    }
    // Later fields and mutations of this request must see the write.
    for (const loader of Object.values(caller.loaders)) loader.clearAll();
    this.typeAttributeLoaders.delete(caller.loaders);
    await this.deps.relay.flush();
    return result;
  }

  /**
   * Records `products.price.changed` when the variant's price in force now in the currency
   * (amount or compare-at price) differs between the two sets of its prices.
   */
  private async recordPriceChange(
    tx: Executor,
    variant: VariantRow,
    currency: StoreCurrency,
    before: readonly PriceRow[],
    after: readonly PriceRow[],
    now: Date,
  ): Promise<void> {
    const was = priceInForce(before, currency, now);
    const is = priceInForce(after, currency, now);
    if (!is) return;
    if (was && was.amount === is.amount && was.compareAtAmount === is.compareAtAmount) return;
    await recordEvent(tx, outboxEvents, 'products.price.changed', {
      variantId: variant.id,
      productId: variant.productId,
      price: { amount: is.amount, currencyCode: currency },
      compareAt:
        is.compareAtAmount !== null ? { amount: is.compareAtAmount, currencyCode: currency } : null,
      effectiveAt: now.toISOString(),
    });
  }

  /** The variant, locked for this transaction: price changes of one variant queue up. */
  private async lockVariant(tx: Executor, id: string): Promise<VariantRow | null> {
    const [row] = await tx.select().from(variants).where(eq(variants.id, id)).for('update');
    return row ?? null;
  }

  /** Category writes take turns: a move and a concurrent create under it keep paths right. */
  private async lockCategoryTree(tx: Executor): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('products:category-tree'))`);
  }

  private async categoryBySlug(
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

  /**
   * Checks attribute values against their attributes, in three statements: each code names an
   * attribute, carried by the product's type when it has one; each value is of the attribute's
   * kind (only its field given: `text`, `number`, `boolean`, or `options` with one known code
   * for ENUM and one or more for MULTI_ENUM); the type's required attributes all have one.
   */
  private async checkAttributeValues(
    tx: Executor,
    productTypeId: string | null,
    values: readonly AttributeValueIn[],
    stop: Stop<Refusal<'UnknownAttribute' | 'InvalidAttributeValue'>>,
  ): Promise<AttributeValueRow[]> {
    const codes = values.map((value) => value.code).filter(isSlug);
    const found =
      codes.length > 0
        ? await tx.select().from(attributes).where(anyOf(attributes.code, codes))
        : [];
    const byCode = new Map(found.map((attribute) => [attribute.code, attribute]));
    for (const value of values) {
      if (!byCode.has(value.code)) stop(refuse.unknownAttribute(value.code));
    }
    if (productTypeId !== null) {
      const carried = await tx
        .select({
          attributeId: productTypeAttributes.attributeId,
          required: productTypeAttributes.required,
          code: attributes.code,
        })
        .from(productTypeAttributes)
        .innerJoin(attributes, eq(attributes.id, productTypeAttributes.attributeId))
        .where(eq(productTypeAttributes.productTypeId, productTypeId));
      const carriedIds = new Set(carried.map((row) => row.attributeId));
      for (const value of values) {
        if (!carriedIds.has(byCode.get(value.code)!.id)) {
          stop(
            refuse.invalidAttributeValue(
              value.code,
              `The product's type does not carry the attribute "${value.code}"`,
            ),
          );
        }
      }
      const given = new Set(values.map((value) => value.code));
      const missing = carried.find((row) => row.required && !given.has(row.code));
      if (missing) {
        stop(refuse.invalidAttributeValue(missing.code, `"${missing.code}" needs a value`));
      }
    }
    const enumerated = found.filter((a) => a.kind === 'ENUM' || a.kind === 'MULTI_ENUM');
    const options =
      enumerated.length > 0
        ? await tx
            .select({ attributeId: attributeValues.attributeId, code: attributeValues.code })
            .from(attributeValues)
            .where(
              anyOf(
                attributeValues.attributeId,
                enumerated.map((a) => a.id),
              ),
            )
        : [];
    const optionsOf = new Map<string, Set<string>>();
    for (const option of options) {
      const set = optionsOf.get(option.attributeId) ?? new Set<string>();
      set.add(option.code);
      optionsOf.set(option.attributeId, set);
    }

    return values.map((value) => {
      const attribute = byCode.get(value.code)!;
      const wrong = (message: string) => stop(refuse.invalidAttributeValue(value.code, message));
      const field = {
        TEXT: 'text',
        NUMBER: 'number',
        BOOLEAN: 'boolean',
        ENUM: 'options',
        MULTI_ENUM: 'options',
      }[attribute.kind];
      const set = (['text', 'number', 'boolean', 'options'] as const).filter(
        (f) => value[f] != null,
      );
      if (set.length !== 1 || set[0] !== field) {
        wrong(
          `"${value.code}" is a ${attribute.kind} attribute: give \`${field}\` and nothing else`,
        );
      }
      const row = {
        attributeId: attribute.id,
        textValue: null as string | null,
        numberValue: null as number | null,
        booleanValue: null as boolean | null,
        codes: null as string[] | null,
      };
      switch (attribute.kind) {
        case 'TEXT': {
          const checked = textValue.safeParse(value.text);
          if (!checked.success)
            wrong(`"${value.code}": ${checked.error.issues[0]?.message ?? 'not a text'}`);
          row.textValue = checked.data!;
          break;
        }
        case 'NUMBER':
          if (!Number.isFinite(value.number)) wrong(`"${value.code}" needs a finite number`);
          row.numberValue = value.number!;
          break;
        case 'BOOLEAN':
          row.booleanValue = value.boolean!;
          break;
        case 'ENUM':
        case 'MULTI_ENUM': {
          const chosen = value.options!;
          if (attribute.kind === 'ENUM' && chosen.length !== 1) {
            wrong(`"${value.code}" is an ENUM attribute: give exactly one option`);
          }
          if (chosen.length === 0) wrong(`"${value.code}" needs at least one option`);
          if (new Set(chosen).size !== chosen.length) wrong(`"${value.code}" has an option twice`);
          const allowed = optionsOf.get(attribute.id) ?? new Set<string>();
          const unknown = chosen.find((c) => !allowed.has(c));
          if (unknown !== undefined) {
            wrong(`"${value.code}" has no option "${unknown.slice(0, 100)}"`);
          }
          row.codes = chosen;
          break;
        }
      }
      return row;
    });
  }

  private async replaceAttributeValues(
    tx: Executor,
    productId: string,
    values: readonly AttributeValueRow[],
  ): Promise<void> {
    await tx.delete(productAttributeValues).where(eq(productAttributeValues.productId, productId));
    if (values.length > 0) {
      await tx
        .insert(productAttributeValues)
        .values(values.map((value) => ({ ...value, productId })));
    }
  }

  private async replaceMedia(
    tx: Executor,
    productId: string,
    images: ReadonlyArray<{ url: string; alt: string }>,
  ): Promise<void> {
    await tx.delete(media).where(eq(media.productId, productId));
    if (images.length > 0) {
      await tx.insert(media).values(
        images.map((image, position) => ({
          productId,
          url: image.url,
          alt: image.alt,
          position,
        })),
      );
    }
  }
}
