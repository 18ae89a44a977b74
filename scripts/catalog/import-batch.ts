/**
 * One batch of an import, in one transaction: upserts keyed on slug and SKU that compare with
 * IS DISTINCT FROM, so what is already stored is neither rewritten nor counted as updated.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordEvent } from '@commerce-graph/events';
import { outboxEvents } from '../../subgraphs/products/src/db/schema.ts';
import type { SearchEngine } from '../../subgraphs/products/src/service/search/search-engine.ts';
import {
  nameOfSlug,
  resolveCategory,
  type CategoryNode,
  type CheckedReferences,
  type Definitions,
} from './import-rules.ts';
import { recordset, type Executor, type Row } from './records.ts';
import type { CatalogRow } from './row.ts';

/** A line that was not loaded, and why. */
export interface Rejection {
  line: number;
  reason: string;
}

/** A row that passed every check that needs no transaction, with its resolved references. */
export interface ImportItem extends CheckedReferences {
  line: number;
  row: CatalogRow;
}

/** What one batch did. */
export interface BatchOutcome {
  created: number;
  updated: number;
  rejections: Rejection[];
  /** Categories it created: known to later batches once it commits. */
  categories: CategoryNode[];
}

/**
 * Writes checked rows in the caller's transaction: the upserts of products, variants, base
 * prices, attribute values and images, each skipping what is already stored, then the search
 * index of what changed. Rows that conflict with the stored catalog (a SKU of another product,
 * a category path the tree contradicts) are rejected without being written.
 */
export async function writeBatch(
  tx: Executor,
  all: ImportItem[],
  deps: { definitions: Definitions; search: SearchEngine },
): Promise<BatchOutcome> {
  // Imports take turns batch by batch: the checks below must see what an earlier batch wrote.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('catalog:import'))`);
  const rejections: Rejection[] = [];
  const slugs = all.map((item) => item.row.slug);
  const skus = all.flatMap((item) => item.row.variants.map((v) => v.sku));
  const existingProducts = new Map<string, { id: string; status: string; taxClass: string }>();
  for (const row of await tx.execute<{
    id: string;
    slug: string;
    status: string;
    taxClass: string;
  }>(
    sql`select id, slug, status, tax_class as "taxClass" from products.products
        where slug = any(${sql.param(slugs)}::text[])`,
  )) {
    existingProducts.set(row.slug, row);
  }
  const existingVariants = new Map<string, { id: string; productSlug: string }>();
  for (const row of await tx.execute<{ id: string; sku: string; slug: string }>(sql`
    select v.id, v.sku, p.slug from products.variants v
    join products.products p on p.id = v.product_id
    where v.sku = any(${sql.param(skus)}::text[])`)) {
    existingVariants.set(row.sku, { id: row.id, productSlug: row.slug });
  }

  const pending = new Map<string, CategoryNode>();
  const items: Array<ImportItem & { categoryId: string }> = [];
  for (const item of all) {
    const taken = item.row.variants.findIndex((v) => {
      const owner = existingVariants.get(v.sku)?.productSlug;
      return owner !== undefined && owner !== item.row.slug;
    });
    if (taken >= 0) {
      const sku = item.row.variants[taken]!.sku;
      rejections.push({
        line: item.line,
        reason: `variants[${taken}].sku: SKU ${sku} belongs to product ${existingVariants.get(sku)!.productSlug}`,
      });
      continue;
    }
    const category = resolveCategory(deps.definitions.categories, item.row.category, pending);
    if (typeof category === 'string') {
      rejections.push({ line: item.line, reason: `category: ${category}` });
      continue;
    }
    items.push({ ...item, categoryId: category.id });
  }
  const categories = [...pending.values()].sort((a, b) => a.path.length - b.path.length);
  if (categories.length > 0) {
    await tx.execute(sql`
      insert into products.categories (id, slug, name, parent_id, path, position)
      select id, slug, name, parent_id, path, position from ${recordset(
        'categories',
        categories.map((c) => ({
          id: c.id,
          slug: c.slug,
          name: nameOfSlug(c.slug),
          parent_id: c.parentId,
          path: c.path,
          position: 0,
        })),
      )}`);
  }
  if (items.length === 0) return { created: 0, updated: 0, rejections, categories };

  const productRows: Array<Row<'products'>> = [];
  const variantRows: Array<Row<'variants'>> = [];
  const priceRows: Array<Row<'prices'>> = [];
  const valueRows: Array<Row<'product_attribute_values'>> = [];
  const mediaRows: Array<Row<'media'>> = [];
  const productOfVariant = new Map<string, string>();
  const knownVariants = new Set<string>();
  for (const { row, categoryId, productTypeId, values } of items) {
    const existing = existingProducts.get(row.slug);
    const productId = existing?.id ?? randomUUID();
    productRows.push({
      id: productId,
      slug: row.slug,
      name: row.name,
      description: row.description,
      category_id: categoryId,
      product_type_id: productTypeId,
      // Without a status a new product is a DRAFT and an existing one keeps its own.
      status: row.status ?? existing?.status ?? 'DRAFT',
      // Likewise a new product is STANDARD and an existing one keeps its class.
      tax_class: row.taxClass ?? existing?.taxClass ?? 'STANDARD',
      seo_title: row.seoTitle,
      seo_description: row.seoDescription,
      published_at: null,
    });
    for (const value of values) valueRows.push({ product_id: productId, ...value });
    row.media.forEach((m, position) => {
      mediaRows.push({ product_id: productId, url: m.url, alt: m.alt, position });
    });
    row.variants.forEach((v, position) => {
      const known = existingVariants.get(v.sku);
      const variantId = known?.id ?? randomUUID();
      if (known) knownVariants.add(variantId);
      productOfVariant.set(variantId, productId);
      variantRows.push({
        id: variantId,
        product_id: productId,
        sku: v.sku,
        options: Object.entries(v.options).map(([name, value]) => ({ name, value })),
        position,
      });
      for (const [currency, amount] of Object.entries(v.prices)) {
        priceRows.push({
          variant_id: variantId,
          currency,
          amount,
          compare_at_amount: v.compareAt?.[currency] ?? null,
        });
      }
    });
  }
  const productIds = productRows.map((p) => p.id as string);

  const created = new Set<string>();
  const changed = new Set<string>();
  for (const row of await tx.execute<{ id: string; created: boolean }>(sql`
    insert into products.products as p
      (id, slug, name, description, category_id, product_type_id, status, tax_class, seo_title,
       seo_description, published_at)
    select r.id, r.slug, r.name, r.description, r.category_id, r.product_type_id, r.status,
           r.tax_class, r.seo_title, r.seo_description,
           case when r.status = 'PUBLISHED' then now() end
    from ${recordset('products', productRows)}
    where not exists (
      select 1 from products.products p
      where p.slug = r.slug
        and (p.name, p.description, p.category_id, p.product_type_id, p.status, p.tax_class,
             p.seo_title, p.seo_description)
          is not distinct from (r.name, r.description, r.category_id, r.product_type_id,
             r.status, r.tax_class, r.seo_title, r.seo_description))
    on conflict (slug) do update set
      name = excluded.name,
      description = excluded.description,
      category_id = excluded.category_id,
      product_type_id = excluded.product_type_id,
      status = excluded.status,
      tax_class = excluded.tax_class,
      seo_title = excluded.seo_title,
      seo_description = excluded.seo_description,
      published_at = case when p.status = 'PUBLISHED' then p.published_at
                          else excluded.published_at end,
      updated_at = now()
    where (p.name, p.description, p.category_id, p.product_type_id, p.status, p.tax_class,
           p.seo_title, p.seo_description)
      is distinct from (excluded.name, excluded.description, excluded.category_id,
           excluded.product_type_id, excluded.status, excluded.tax_class, excluded.seo_title,
           excluded.seo_description)
    returning p.id, (p.xmax = 0) as created`)) {
    (row.created ? created : changed).add(row.id);
  }

  for (const row of await tx.execute<{ product_id: string }>(sql`
    insert into products.variants as v (id, product_id, sku, options, position)
    select r.id, r.product_id, r.sku, r.options, r.position
    from ${recordset('variants', variantRows)}
    where not exists (
      select 1 from products.variants v
      where v.sku = r.sku and (v.options, v.position) is not distinct from (r.options, r.position))
    on conflict (sku) do update set
      options = excluded.options, position = excluded.position, updated_at = now()
    where (v.options, v.position) is distinct from (excluded.options, excluded.position)
    returning v.product_id`)) {
    changed.add(row.product_id);
  }

  const priceChanges = await tx.execute<{
    variant_id: string;
    currency: string;
    amount: number;
    compare_at_amount: number | null;
    shadowed: boolean;
  }>(sql`
    insert into products.prices as pr (variant_id, currency, amount, compare_at_amount)
    select r.variant_id, r.currency, r.amount, r.compare_at_amount
    from ${recordset('prices', priceRows)}
    where not exists (
      select 1 from products.prices p
      where p.variant_id = r.variant_id and p.currency = r.currency
        and p.starts_at is null and p.ends_at is null
        and (p.amount, p.compare_at_amount) is not distinct from (r.amount, r.compare_at_amount))
    on conflict (variant_id, currency) where starts_at is null and ends_at is null
    do update set amount = excluded.amount, compare_at_amount = excluded.compare_at_amount
    where (pr.amount, pr.compare_at_amount)
      is distinct from (excluded.amount, excluded.compare_at_amount)
    returning pr.variant_id, pr.currency, pr.amount, pr.compare_at_amount,
      exists (
        select 1 from products.prices s
        where s.variant_id = pr.variant_id and s.currency = pr.currency
          and (s.starts_at is not null or s.ends_at is not null)
          and (s.starts_at is null or s.starts_at <= now())
          and (s.ends_at is null or s.ends_at > now())
      ) as shadowed`);
  const effectiveAt = new Date().toISOString();
  for (const price of priceChanges) {
    const productId = productOfVariant.get(price.variant_id)!;
    changed.add(productId);
    // Carts hold existing variants only; a scheduled price in force hides the base price.
    if (!knownVariants.has(price.variant_id) || price.shadowed) continue;
    await recordEvent(tx, outboxEvents, 'products.price.changed', {
      variantId: price.variant_id,
      productId,
      price: { amount: price.amount, currencyCode: price.currency },
      compareAt:
        price.compare_at_amount !== null
          ? { amount: price.compare_at_amount, currencyCode: price.currency }
          : null,
      effectiveAt,
    });
  }

  const ids = sql`${sql.param(productIds)}::uuid[]`;
  for (const row of await tx.execute<{ product_id: string }>(sql`
    with incoming as (
      select * from ${recordset('product_attribute_values', valueRows)}
    ), removed as (
      delete from products.product_attribute_values v
      where v.product_id = any(${ids})
        and not exists (select 1 from incoming i
                        where i.product_id = v.product_id and i.attribute_id = v.attribute_id)
      returning v.product_id
    ), upserted as (
      insert into products.product_attribute_values as v
        (product_id, attribute_id, text_value, number_value, boolean_value, codes)
      select i.product_id, i.attribute_id, i.text_value, i.number_value, i.boolean_value,
             i.codes
      from incoming i
      where not exists (
        select 1 from products.product_attribute_values v
        where v.product_id = i.product_id and v.attribute_id = i.attribute_id
          and (v.text_value, v.number_value, v.boolean_value, v.codes)
            is not distinct from (i.text_value, i.number_value, i.boolean_value, i.codes))
      on conflict (product_id, attribute_id) do update set
        text_value = excluded.text_value, number_value = excluded.number_value,
        boolean_value = excluded.boolean_value, codes = excluded.codes
      where (v.text_value, v.number_value, v.boolean_value, v.codes)
        is distinct from (excluded.text_value, excluded.number_value, excluded.boolean_value,
                          excluded.codes)
      returning v.product_id
    )
    select product_id from removed union select product_id from upserted`)) {
    changed.add(row.product_id);
  }

  // Images have no key: a product's list is replaced when it differs, in order, from the file's.
  for (const row of await tx.execute<{ product_id: string }>(sql`
    with incoming as (
      select * from ${recordset('media', mediaRows)}
    ), wanted as (
      select product_id, json_agg(json_build_array(url, alt) order by position)::text as list
      from incoming group by product_id
    ), present as (
      select product_id, json_agg(json_build_array(url, alt) order by position, id)::text as list
      from products.media where product_id = any(${ids}) group by product_id
    ), changed as (
      select t.id as product_id from unnest(${ids}) as t(id)
      left join wanted w on w.product_id = t.id
      left join present p on p.product_id = t.id
      where coalesce(w.list, '[]') is distinct from coalesce(p.list, '[]')
    ), removed as (
      delete from products.media m using changed c where m.product_id = c.product_id
    ), added as (
      insert into products.media (product_id, url, alt, position)
      select i.product_id, i.url, i.alt, i.position
      from incoming i join changed c on c.product_id = i.product_id
    )
    select product_id from changed`)) {
    changed.add(row.product_id);
  }

  for (const id of created) changed.delete(id);
  if (changed.size > 0) {
    // A product whose variants, prices, values or images changed was updated too.
    await tx.execute(sql`
      update products.products set updated_at = now()
      where id = any(${sql.param([...changed])}::uuid[]) and updated_at < now()`);
  }
  await deps.search.reindex([...created, ...changed], tx);
  return { created: created.size, updated: changed.size, rejections, categories };
}
