/**
 * Loads a whole generated catalog (scripts/demo-catalog.ts) into an empty products schema: what
 * `pnpm start`, `pnpm seed` and tests use. Imports of real data go through import.ts instead.
 */
import { sql } from 'drizzle-orm';
import { connectDatabase, createLogger, type Logger } from '@commerce-graph/kit';
import { schema } from '../../subgraphs/products/src/db/client.ts';
import { PostgresSearch } from '../../subgraphs/products/src/service/search/postgres-search.ts';
import type { DemoAttributeValue, DemoCatalog, DemoProduct } from '../demo-catalog.ts';
import {
  BATCH_SIZE,
  analyzeCatalog,
  inBatches,
  insertRows,
  type Executor,
  type Row,
} from './records.ts';

/** What loadCatalog writes: a generated catalog without its warehouses (inventory's). */
export type CatalogData = Pick<
  DemoCatalog,
  'categories' | 'attributes' | 'productTypes' | 'products' | 'collections'
>;

export interface LoadOptions {
  /** Told after each batch of products: how many are written (then indexed) so far. */
  onProgress?: (step: 'written' | 'indexed', done: number, total: number) => void;
  logger?: Logger;
}

/** Minutes between the publication times of consecutive products: "newest" has an order. */
const PUBLISH_STEP_MS = 60_000;

/**
 * Writes `catalog` into an empty products schema in one transaction, under an advisory lock, in
 * batches of 1,000 products, then builds its search index. Writes nothing and answers false
 * when a catalog exists (any product, category, attribute or product type), so restarts keep
 * what a developer changed. Variants with `stock` also get their availability
 * (`variant_stock`), so search knows what is in stock before inventory's first event arrives.
 */
export async function loadCatalog(
  databaseUrl: string,
  catalog: CatalogData,
  options: LoadOptions = {},
): Promise<boolean> {
  const logger = options.logger ?? createLogger('catalog-load', 'warn');
  const database = connectDatabase(databaseUrl, schema, {
    max: 1,
    applicationName: 'catalog-load',
    // One transaction loads the whole catalog: longer than a request's statement limit.
    statementTimeoutMs: 0,
  });
  try {
    return await database.db.transaction(async (tx) => {
      // Two starts racing to seed must not both see an empty schema.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed:products'))`);
      if (await catalogExists(tx)) return false;
      await writeDefinitions(tx, catalog);
      await writeProducts(tx, catalog, options);
      await writeCollections(tx, catalog);
      await analyzeCatalog(tx);
      const search = new PostgresSearch({ db: database.db, now: () => new Date(), logger });
      let indexed = 0;
      for (const part of inBatches(catalog.products)) {
        await search.reindex(
          part.map((p) => p.id),
          tx,
        );
        indexed += part.length;
        options.onProgress?.('indexed', indexed, catalog.products.length);
      }
      await analyzeCatalog(tx, true);
      return true;
    });
  } finally {
    await database.close();
  }
}

/** Whether the products schema holds any catalog data. */
export async function catalogExists(tx: Executor): Promise<boolean> {
  const [row] = await tx.execute<{ exists: boolean }>(sql`
    select exists (select 1 from products.products)
        or exists (select 1 from products.categories)
        or exists (select 1 from products.attributes)
        or exists (select 1 from products.product_types) as exists`);
  return row?.exists === true;
}

/** Categories (with their paths), attributes with their options, product types. */
async function writeDefinitions(tx: Executor, catalog: CatalogData): Promise<void> {
  const byId = new Map(catalog.categories.map((c) => [c.id, c]));
  const paths = new Map<string, string>();
  const pathOf = (id: string, seen = new Set<string>()): string => {
    const known = paths.get(id);
    if (known) return known;
    const category = byId.get(id);
    if (!category) throw new Error(`The catalog names an unknown parent category ${id}`);
    if (seen.has(id)) throw new Error(`The category tree has a cycle through ${category.slug}`);
    seen.add(id);
    const path = `${category.parentId ? pathOf(category.parentId, seen) : ''}${id}/`;
    paths.set(id, path);
    return path;
  };
  // Parents before children, whatever the depth of the tree: a path's length orders them.
  const categoryRows: Array<Row<'categories'>> = catalog.categories
    .map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      parent_id: c.parentId,
      path: pathOf(c.id),
      position: c.position,
    }))
    .sort((a, b) => a.path.length - b.path.length);
  await insertRows(tx, 'categories', categoryRows);

  await insertRows(
    tx,
    'attributes',
    catalog.attributes.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      kind: a.kind,
      filterable: a.filterable,
      position: a.position,
    })),
  );
  await insertRows(
    tx,
    'attribute_values',
    catalog.attributes.flatMap((a) =>
      a.values.map((v, position) => ({
        id: v.id,
        attribute_id: a.id,
        code: v.code,
        label: v.label,
        position,
      })),
    ),
  );
  const attributeId = new Map(catalog.attributes.map((a) => [a.code, a.id]));
  await insertRows(
    tx,
    'product_types',
    catalog.productTypes.map((t) => ({ id: t.id, code: t.code, name: t.name })),
  );
  await insertRows(
    tx,
    'product_type_attributes',
    catalog.productTypes.flatMap((t) =>
      t.attributes.map((a, position) => {
        const id = attributeId.get(a.code);
        if (!id) throw new Error(`Product type ${t.code} names unknown attribute ${a.code}`);
        return { product_type_id: t.id, attribute_id: id, required: a.required, position };
      }),
    ),
  );
}

/** The column of a product attribute value that its attribute's kind uses. */
function valueColumns(
  kind: string,
  value: DemoAttributeValue,
): Pick<
  Row<'product_attribute_values'>,
  'text_value' | 'number_value' | 'boolean_value' | 'codes'
> {
  return {
    text_value: kind === 'TEXT' ? value : null,
    number_value: kind === 'NUMBER' ? value : null,
    boolean_value: kind === 'BOOLEAN' ? value : null,
    codes: kind === 'ENUM' ? [value] : kind === 'MULTI_ENUM' ? value : null,
  };
}

/** Products with their attribute values, media, variants, prices and availability. */
async function writeProducts(tx: Executor, catalog: CatalogData, options: LoadOptions) {
  const typeId = new Map(catalog.productTypes.map((t) => [t.code, t.id]));
  const attributeByCode = new Map(catalog.attributes.map((a) => [a.code, a]));
  const total = catalog.products.length;
  const newest = Date.now();
  let written = 0;
  for (const part of inBatches<DemoProduct>(catalog.products, BATCH_SIZE)) {
    const productRows: Array<Row<'products'>> = [];
    const valueRows: Array<Row<'product_attribute_values'>> = [];
    const mediaRows: Array<Row<'media'>> = [];
    const variantRows: Array<Row<'variants'>> = [];
    const priceRows: Array<Row<'prices'>> = [];
    const stockRows: Array<Row<'variant_stock'>> = [];
    part.forEach((p, i) => {
      const productTypeId = typeId.get(p.productTypeCode);
      if (!productTypeId) throw new Error(`${p.slug} names unknown type ${p.productTypeCode}`);
      productRows.push({
        id: p.id,
        slug: p.slug,
        name: p.name,
        description: p.description,
        category_id: p.categoryId,
        product_type_id: productTypeId,
        status: p.status,
        tax_class: p.taxClass,
        seo_title: p.seoTitle,
        seo_description: p.seoDescription,
        published_at: new Date(newest - (total - 1 - written - i) * PUBLISH_STEP_MS).toISOString(),
      });
      for (const [code, value] of Object.entries(p.attributes)) {
        const attribute = attributeByCode.get(code);
        if (!attribute) throw new Error(`${p.slug} has a value of unknown attribute ${code}`);
        valueRows.push({
          product_id: p.id,
          attribute_id: attribute.id,
          ...valueColumns(attribute.kind, value),
        });
      }
      p.media.forEach((m, position) => {
        mediaRows.push({ product_id: p.id, url: m.url, alt: m.alt, position });
      });
      for (const v of p.variants) {
        variantRows.push({
          id: v.id,
          product_id: p.id,
          sku: v.sku,
          options: v.options,
          position: v.position,
        });
        for (const price of v.prices) {
          priceRows.push({
            variant_id: v.id,
            currency: price.currency,
            amount: price.amount,
            compare_at_amount: price.compareAtAmount,
          });
        }
        if (v.stock) {
          stockRows.push({
            variant_id: v.id,
            in_stock: Object.values(v.stock).some((units) => units > 0),
          });
        }
      }
    });
    await insertRows(tx, 'products', productRows);
    await insertRows(tx, 'product_attribute_values', valueRows);
    await insertRows(tx, 'media', mediaRows);
    await insertRows(tx, 'variants', variantRows);
    await insertRows(tx, 'prices', priceRows);
    // Inventory's events may have got here first: what it said is newer than the seed.
    await insertRows(tx, 'variant_stock', stockRows, 'skip');
    written += part.length;
    options.onProgress?.('written', written, total);
  }
}

async function writeCollections(tx: Executor, catalog: CatalogData): Promise<void> {
  await insertRows(
    tx,
    'collections',
    catalog.collections.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      description: c.description,
      status: 'PUBLISHED',
    })),
  );
  await insertRows(
    tx,
    'collection_products',
    catalog.collections.flatMap((c) =>
      c.productIds.map((productId, position) => ({
        collection_id: c.id,
        product_id: productId,
        position,
      })),
    ),
  );
}
