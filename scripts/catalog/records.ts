/**
 * Bulk writes into the products schema as one JSON parameter per statement: `json_to_recordset`
 * turns an array of objects into rows, so a statement of 1,000 rows costs one parameter, one
 * short statement text and PostgreSQL's fast JSON parser, instead of thousands of bind values.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../subgraphs/products/src/service/search/search-engine.ts';

export type { Executor };

/** Rows per statement. */
export const BATCH_SIZE = 1_000;

/** The columns (and PostgreSQL types) the loader and the import write, per table. */
export const COLUMNS = {
  categories: {
    id: 'uuid',
    slug: 'text',
    name: 'text',
    parent_id: 'uuid',
    path: 'text',
    position: 'integer',
  },
  attributes: {
    id: 'uuid',
    code: 'text',
    name: 'text',
    kind: 'text',
    filterable: 'boolean',
    position: 'integer',
  },
  attribute_values: {
    id: 'uuid',
    attribute_id: 'uuid',
    code: 'text',
    label: 'text',
    position: 'integer',
  },
  product_types: { id: 'uuid', code: 'text', name: 'text' },
  product_type_attributes: {
    product_type_id: 'uuid',
    attribute_id: 'uuid',
    required: 'boolean',
    position: 'integer',
  },
  products: {
    id: 'uuid',
    slug: 'text',
    name: 'text',
    description: 'text',
    category_id: 'uuid',
    product_type_id: 'uuid',
    status: 'text',
    tax_class: 'text',
    seo_title: 'text',
    seo_description: 'text',
    published_at: 'timestamptz',
  },
  product_attribute_values: {
    product_id: 'uuid',
    attribute_id: 'uuid',
    text_value: 'text',
    number_value: 'double precision',
    boolean_value: 'boolean',
    codes: 'text[]',
  },
  media: { product_id: 'uuid', url: 'text', alt: 'text', position: 'integer' },
  variants: { id: 'uuid', product_id: 'uuid', sku: 'text', options: 'jsonb', position: 'integer' },
  prices: {
    variant_id: 'uuid',
    currency: 'char(3)',
    amount: 'integer',
    compare_at_amount: 'integer',
  },
  collections: { id: 'uuid', slug: 'text', name: 'text', description: 'text', status: 'text' },
  collection_products: { collection_id: 'uuid', product_id: 'uuid', position: 'integer' },
  variant_stock: { variant_id: 'uuid', in_stock: 'boolean' },
} as const;

export type Table = keyof typeof COLUMNS;
/** A row of `table` as the JSON object `json_to_recordset` reads: column name to value. */
export type Row<T extends Table> = { [C in keyof (typeof COLUMNS)[T]]: unknown };

/** `json_to_recordset($1::json) as r(col type, ...)`: the rows of `table` as a FROM item. */
export function recordset<T extends Table>(table: T, rows: ReadonlyArray<Row<T>>): SQL {
  const definition = Object.entries(COLUMNS[table])
    .map(([column, type]) => `${column} ${type}`)
    .join(', ');
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) as r(${sql.raw(definition)})`;
}

/** The column list of `table`, for `insert into ... (columns) select columns from ...`. */
export function columnList(table: Table): SQL {
  return sql.raw(Object.keys(COLUMNS[table]).join(', '));
}

/** Inserts rows into `products.<table>`, `BATCH_SIZE` rows a statement. */
export async function insertRows<T extends Table>(
  tx: Executor,
  table: T,
  rows: ReadonlyArray<Row<T>>,
  onConflict: 'fail' | 'skip' = 'fail',
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const part = rows.slice(i, i + BATCH_SIZE);
    await tx.execute(
      sql`insert into products.${sql.raw(table)} (${columnList(table)})
          select ${columnList(table)} from ${recordset(table, part)}
          ${onConflict === 'skip' ? sql`on conflict do nothing` : sql``}`,
    );
  }
}

/** Splits a list into consecutive parts of at most `size` items. */
export function* inBatches<T>(items: readonly T[], size = BATCH_SIZE): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The catalog tables a bulk load grows, and the search tables its reindexing fills. */
const CATALOG_TABLES = [
  'categories',
  'products',
  'product_attribute_values',
  'media',
  'variants',
  'prices',
  'variant_stock',
  'collection_products',
];
const SEARCH_TABLES = ['search_documents', 'search_prices', 'search_facets', 'search_terms'];

/**
 * Refreshes the planner's statistics of the catalog (and search) tables. A bulk load makes
 * them stale long before autovacuum runs: a table planned as 20 rows that holds a million is
 * hashed whole for every batch instead of probed by index. Inside a transaction ANALYZE counts
 * the transaction's own new rows.
 */
export async function analyzeCatalog(tx: Pick<Executor, 'execute'>, search = false): Promise<void> {
  const tables = search ? [...CATALOG_TABLES, ...SEARCH_TABLES] : CATALOG_TABLES;
  await tx.execute(sql.raw(`analyze ${tables.map((t) => `products.${t}`).join(', ')}`));
}
