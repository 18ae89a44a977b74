/**
 * What an import checks against the catalog's definitions before it writes: attributes and
 * their options, product types and their attributes, and the category tree (whose missing
 * steps an import creates). Loaded once per import; categories grow as batches commit.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ProductsDb } from '../../subgraphs/products/src/db/client.ts';
import { textValue } from '../../subgraphs/products/src/service/admin/catalog-input.ts';
import type { Row } from './records.ts';
import type { CatalogRow } from './row.ts';

/** An attribute by code: its kind and allowed option codes. */
export interface AttributeDefinition {
  id: string;
  code: string;
  kind: string;
  options: Set<string>;
}

/** A product type by code. */
export interface ProductTypeDefinition {
  id: string;
  code: string;
  /** Attribute ids it carries, with whether a value is required. */
  attributes: Map<string, boolean>;
}

/** A category with its `path` (ancestor ids, each followed by `/`). */
export interface CategoryNode {
  id: string;
  slug: string;
  parentId: string | null;
  path: string;
}

/** What rows are checked against, by code (attributes, types) and slug (categories). */
export interface Definitions {
  attributes: Map<string, AttributeDefinition>;
  productTypes: Map<string, ProductTypeDefinition>;
  categories: Map<string, CategoryNode>;
}

/** Attributes, product types and categories: an import creates categories, never the others. */
export async function loadDefinitions(db: ProductsDb): Promise<Definitions> {
  const attributes = new Map<string, AttributeDefinition>();
  for (const row of await db.execute<{ id: string; code: string; kind: string }>(
    sql`select id, code, kind from products.attributes`,
  )) {
    attributes.set(row.code, { ...row, options: new Set() });
  }
  const byId = new Map([...attributes.values()].map((a) => [a.id, a]));
  for (const row of await db.execute<{ attribute_id: string; code: string }>(
    sql`select attribute_id, code from products.attribute_values`,
  )) {
    byId.get(row.attribute_id)?.options.add(row.code);
  }
  const productTypes = new Map<string, ProductTypeDefinition>();
  for (const row of await db.execute<{ id: string; code: string }>(
    sql`select id, code from products.product_types`,
  )) {
    productTypes.set(row.code, { ...row, attributes: new Map() });
  }
  const typeById = new Map([...productTypes.values()].map((t) => [t.id, t]));
  for (const row of await db.execute<{
    product_type_id: string;
    attribute_id: string;
    required: boolean;
  }>(sql`select product_type_id, attribute_id, required from products.product_type_attributes`)) {
    typeById.get(row.product_type_id)?.attributes.set(row.attribute_id, row.required);
  }
  const categories = new Map<string, CategoryNode>();
  for (const row of await db.execute<{
    id: string;
    slug: string;
    parent_id: string | null;
    path: string;
  }>(sql`select id, slug, parent_id, path from products.categories`)) {
    categories.set(row.slug, {
      id: row.id,
      slug: row.slug,
      parentId: row.parent_id,
      path: row.path,
    });
  }
  return { attributes, productTypes, categories };
}

/** A row's product type and attribute values, resolved to ids and value columns. */
export interface CheckedReferences {
  productTypeId: string | null;
  values: Array<Omit<Row<'product_attribute_values'>, 'product_id'>>;
}

/** Up to ten values, for a message. */
const listed = (values: Iterable<string>) => {
  const all = [...values];
  return all.slice(0, 10).join(', ') + (all.length > 10 ? ', …' : '');
};

/** The product type and attribute values of a row, or why they are wrong. */
export function checkReferences(
  definitions: Definitions,
  row: CatalogRow,
): CheckedReferences | string {
  const { attributes, productTypes } = definitions;
  const type = row.productType !== undefined ? productTypes.get(row.productType) : undefined;
  if (row.productType !== undefined && !type) {
    return `productType: unknown product type "${row.productType}"${
      productTypes.size > 0 ? ` (known: ${listed(productTypes.keys())})` : ''
    }`;
  }
  const values: CheckedReferences['values'] = [];
  const given = new Set<string>();
  for (const [code, value] of Object.entries(row.attributes)) {
    const attribute = attributes.get(code);
    const field = `attributes.${code}`;
    if (!attribute) return `${field}: unknown attribute "${code}"`;
    if (type && !type.attributes.has(attribute.id)) {
      return `${field}: not an attribute of product type ${type.code}`;
    }
    given.add(attribute.id);
    const empty = { text_value: null, number_value: null, boolean_value: null, codes: null };
    const wrongType = (expected: string) =>
      `${field}: a ${attribute.kind} attribute takes ${expected}, not ${JSON.stringify(value).slice(0, 50)}`;
    switch (attribute.kind) {
      case 'TEXT': {
        if (typeof value !== 'string') return wrongType('text');
        const text = textValue.safeParse(value);
        if (!text.success) return `${field}: ${text.error.issues[0]?.message}`;
        values.push({ attribute_id: attribute.id, ...empty, text_value: text.data });
        break;
      }
      case 'NUMBER':
        if (typeof value !== 'number') return wrongType('a number');
        values.push({ attribute_id: attribute.id, ...empty, number_value: value });
        break;
      case 'BOOLEAN':
        if (typeof value !== 'boolean') return wrongType('true or false');
        values.push({ attribute_id: attribute.id, ...empty, boolean_value: value });
        break;
      case 'ENUM':
        if (typeof value !== 'string') return wrongType('one option code');
        if (!attribute.options.has(value)) {
          return `${field}: unknown option "${value.slice(0, 50)}" (one of ${listed(attribute.options)})`;
        }
        values.push({ attribute_id: attribute.id, ...empty, codes: [value] });
        break;
      case 'MULTI_ENUM': {
        if (!Array.isArray(value)) return wrongType('an array of option codes');
        if (value.length === 0) return `${field}: give at least one option, or leave it out`;
        const unknown = value.find((option) => !attribute.options.has(option));
        if (unknown !== undefined) {
          return `${field}: unknown option "${unknown.slice(0, 50)}" (one of ${listed(attribute.options)})`;
        }
        if (new Set(value).size !== value.length) return `${field}: an option is given twice`;
        values.push({ attribute_id: attribute.id, ...empty, codes: value });
        break;
      }
      default:
        return `${field}: attribute of unknown kind ${attribute.kind}`;
    }
  }
  for (const [attributeId, required] of type?.attributes ?? []) {
    if (required && !given.has(attributeId)) {
      const code = [...attributes.values()].find((a) => a.id === attributeId)?.code;
      return `attributes.${code}: required by product type ${type!.code}`;
    }
  }
  return { productTypeId: type?.id ?? null, values };
}

/** A readable name for a category an import creates: `t-shirts` is "T Shirts". */
export const nameOfSlug = (slug: string) =>
  slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

/**
 * The category a row names: one slug is any category with it (a new one at the top when
 * there is none); a path goes from the top of the tree, and missing steps are created.
 */
export function resolveCategory(
  categories: ReadonlyMap<string, CategoryNode>,
  path: string,
  pending: Map<string, CategoryNode>,
): CategoryNode | string {
  const slugs = path.split('/');
  let parent = null as CategoryNode | null;
  for (const [depth, slug] of slugs.entries()) {
    let node: CategoryNode | undefined = pending.get(slug) ?? categories.get(slug);
    if (node && slugs.length > 1 && node.parentId !== (parent?.id ?? null)) {
      const actualParent = [...categories.values(), ...pending.values()].find(
        (c) => c.id === node!.parentId,
      );
      return `${slug} is ${actualParent ? `under ${actualParent.slug}` : 'at the top'}, not ${
        depth === 0 ? 'at the top' : `under ${parent!.slug}`
      }`;
    }
    if (!node) {
      const id = randomUUID();
      node = { id, slug, parentId: parent?.id ?? null, path: `${parent?.path ?? ''}${id}/` };
      pending.set(slug, node);
    }
    parent = node;
  }
  return parent!;
}
