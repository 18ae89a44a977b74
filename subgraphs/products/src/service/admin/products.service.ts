import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { anyOf, badUserInput, isUuid, requirePermission } from '@commerce-graph/kit';
import type {
  CreateProductInput,
  CreateVariantInput,
  PublishState,
  UpdateProductInput,
  UpdateVariantInput,
} from '../../__generated__/resolvers-types.ts';
import {
  attributes,
  attributeValues,
  media,
  prices,
  productAttributeValues,
  products,
  productTypeAttributes,
  productTypes,
  variants,
  type ProductRow,
} from '../../db/schema.ts';
import type { Executor } from '../search/search-engine.ts';
import { refuse, type ProductResult, type VariantResult } from './catalog-errors.ts';
import { checkBasePrices, checkInput, textValue, type AttributeValueIn } from './catalog-input.ts';
import { recordPriceChange } from './prices.service.ts';
import {
  catalogWrite,
  givenFields,
  isSlug,
  type AdminCaller,
  type AdminDeps,
  type Refusal,
  type Stop,
} from './shared.ts';
import { categoryBySlug } from './taxonomy.service.ts';

/** A product's value of one attribute, before it is given the product's id. */
type AttributeValueRow = Omit<typeof productAttributeValues.$inferInsert, 'productId'>;

/** Staff's writes of products and their variants, and the product by id whatever its state. */
export class AdminProductsService {
  constructor(readonly deps: AdminDeps) {}

  /** Staff: any product by id, whatever its publish state; null for an unknown id. */
  async findProduct(caller: AdminCaller, id: string): Promise<ProductRow | null> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) throw badUserInput(`"${id.slice(0, 40)}" is not a product id`);
    return caller.loaders.productById.load(id);
  }

  /** A new DRAFT product in a category, with attribute values, images and SEO texts. */
  async createProduct(caller: AdminCaller, input: CreateProductInput): Promise<ProductResult> {
    requirePermission(caller.actor, 'catalog:write');
    const parsed = checkInput.createProduct(input);
    if (!parsed.ok) return parsed.error;
    const p = parsed.value;
    return catalogWrite<ProductResult>(
      this.deps,
      caller,
      'createProduct',
      async (tx, stop) => {
        const category = await categoryBySlug(tx, p.categorySlug, stop);
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
            taxClass: p.taxClass,
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
          details: {
            slug: p.slug,
            name: p.name,
            categorySlug: p.categorySlug,
            status: 'DRAFT',
            taxClass: p.taxClass,
          },
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
    return catalogWrite<ProductResult>(
      this.deps,
      caller,
      'updateProduct',
      async (tx, stop) => {
        const [current] = await tx.select().from(products).where(eq(products.id, id)).for('update');
        if (!current) return stop(refuse.productNotFound(id));
        const set: Partial<typeof products.$inferInsert> = { updatedAt: this.deps.now() };
        if (u.slug !== undefined) set.slug = u.slug;
        if (u.name !== undefined) set.name = u.name;
        if (u.description !== undefined) set.description = u.description;
        if (u.taxClass !== undefined) set.taxClass = u.taxClass;
        if (u.categorySlug !== undefined) {
          set.categoryId = (await categoryBySlug(tx, u.categorySlug, stop)).id;
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
    return catalogWrite<ProductResult>(this.deps, caller, 'setProductStatus', async (tx, stop) => {
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
  // Variants

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
    return catalogWrite<VariantResult>(
      this.deps,
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
          await recordPriceChange(tx, variant!, currency, [], created, now);
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
    return catalogWrite<VariantResult>(
      this.deps,
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
