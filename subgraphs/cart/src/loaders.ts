import { asc } from 'drizzle-orm';
import DataLoader from 'dataloader';
import {
  anyUuidOf,
  isUuid,
  loaderByGroup,
  loaderByKey,
  type SubgraphClient,
  type TaxClass,
} from '@commerce-graph/kit';
import type { CartDb } from './db/client.ts';
import { cartLines, carts, discountCodes } from './db/schema.ts';

/**
 * A variant as the cart sees it: its id, its authoritative price in one currency, and its
 * product's VAT class (checkout's tax rates are per class).
 */
export interface CatalogVariant {
  id: string;
  price: { amount: number; currencyCode: string };
  taxClass: TaxClass;
}

/** What inventory lets a shopper buy of a variant now (its `Availability`). */
export interface VariantAvailability {
  inStock: boolean;
  maxPerOrder: number | null;
  maxPerCustomer: number | null;
}

/** A variant price looked up in one currency. */
export interface PriceKey {
  variantId: string;
  currency: string;
}

/**
 * How many category levels above a product's own category a category-scoped discount sees.
 * Products exposes no ancestor list, only `Category.parent`, so the chain is read to this depth
 * (one batched SQL statement per level on products' side).
 */
export const CATEGORY_DEPTH = 8;

/**
 * Products' standard federation entry point; unknown or unpublished ids come back as null. The
 * tax class comes in the same call: what `checkoutQuote` answers for a line was priced and
 * classed in one read of the catalog.
 */
const VARIANT_PRICES = /* GraphQL */ `
  query VariantPrices($r: [_Any!]!, $c: String) {
    _entities(representations: $r) {
      ... on ProductVariant {
        id
        price(currencyCode: $c) {
          amount
          currencyCode
        }
        taxClass
      }
    }
  }
`;

const parentChain = (depth: number): string =>
  depth === 0 ? 'id' : `id parent { ${parentChain(depth - 1)} }`;

/** The category of each variant's product with its ancestors, for category-scoped discounts. */
const VARIANT_CATEGORIES = /* GraphQL */ `
  query VariantCategories($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on ProductVariant {
        id
        product { category { ${parentChain(CATEGORY_DEPTH)} } }
      }
    }
  }
`;

/** Inventory's view of each variant: whether it can be ordered and its purchase limits. */
const VARIANT_AVAILABILITY = /* GraphQL */ `
  query VariantAvailability($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on ProductVariant {
        id
        availability {
          inStock
          maxPerOrder
          maxPerCustomer
        }
      }
    }
  }
`;

/** Which categories products knows, for a category-scoped discount code. */
const CATEGORIES = /* GraphQL */ `
  query Categories($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Category {
        id
      }
    }
  }
`;

interface CategoryNode {
  id: string;
  parent?: CategoryNode | null;
}

const representations = (ids: readonly string[]) =>
  ids.map((id) => ({ __typename: 'ProductVariant', id }));

/**
 * Per-request loaders: every lookup by key is one SQL statement per batch, and every variant
 * lookup is one call to products (or inventory) per batch.
 */
export function createLoaders(
  db: CartDb,
  products: SubgraphClient,
  inventory: SubgraphClient | null,
) {
  return {
    cartById: loaderByKey(
      (ids: readonly string[]) => db.select().from(carts).where(anyUuidOf(carts.id, ids)),
      (row) => row.id,
    ),
    linesByCartId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(cartLines)
          .where(anyUuidOf(cartLines.cartId, ids))
          .orderBy(asc(cartLines.createdAt), asc(cartLines.id)),
      (row) => row.cartId,
    ),
    discountCodeById: loaderByKey(
      (ids: readonly string[]) =>
        db.select().from(discountCodes).where(anyUuidOf(discountCodes.id, ids)),
      (row) => row.id,
    ),
    /** Live prices keyed by (variant, currency): one products call per currency in the batch. */
    variantPrice: new DataLoader<PriceKey, CatalogVariant | null, string>(
      async (keys) => {
        const byCurrency = new Map<string, string[]>();
        for (const { variantId, currency } of keys) {
          if (!isUuid(variantId)) continue;
          byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), variantId]);
        }
        const found = new Map<string, CatalogVariant>();
        await Promise.all(
          [...byCurrency].map(async ([currency, ids]) => {
            const data = await products.request<{ _entities: Array<CatalogVariant | null> }>(
              VARIANT_PRICES,
              { r: representations([...new Set(ids)]), c: currency },
            );
            for (const variant of data._entities) {
              if (variant) found.set(`${variant.id}|${currency}`, variant);
            }
          }),
        );
        return keys.map((key) => found.get(`${key.variantId}|${key.currency}`) ?? null);
      },
      { cacheKeyFn: (key) => `${key.variantId}|${key.currency}` },
    ),
    /** Each variant's category and its ancestors (nearest first); null for an unknown variant. */
    variantCategories: new DataLoader<string, string[] | null>(async (ids) => {
      const known = [...new Set(ids.filter(isUuid))];
      const found = new Map<string, string[]>();
      if (known.length > 0) {
        const data = await products.request<{
          _entities: Array<{ id: string; product: { category: CategoryNode } } | null>;
        }>(VARIANT_CATEGORIES, { r: representations(known) });
        for (const variant of data._entities) {
          if (!variant) continue;
          const chain: string[] = [];
          for (let node: CategoryNode | null | undefined = variant.product.category; node;) {
            chain.push(node.id);
            node = node.parent;
          }
          found.set(variant.id, chain);
        }
      }
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** Whether products knows a category (by id). */
    categoryExists: new DataLoader<string, boolean>(async (ids) => {
      const known = [...new Set(ids.filter(isUuid))];
      const found = new Set<string>();
      if (known.length > 0) {
        const data = await products.request<{ _entities: Array<{ id: string } | null> }>(
          CATEGORIES,
          { r: known.map((id) => ({ __typename: 'Category', id })) },
        );
        for (const category of data._entities) if (category) found.add(category.id);
      }
      return ids.map((id) => found.has(id));
    }),
    /** Inventory's availability and limits per variant; one inventory call per batch. */
    availability: new DataLoader<string, VariantAvailability | null>(async (ids) => {
      const known = [...new Set(ids.filter(isUuid))];
      const found = new Map<string, VariantAvailability>();
      if (known.length > 0 && inventory) {
        const data = await inventory.request<{
          _entities: Array<{ id: string; availability: VariantAvailability } | null>;
        }>(VARIANT_AVAILABILITY, { r: representations(known) });
        for (const variant of data._entities) {
          if (variant) found.set(variant.id, variant.availability);
        }
      }
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
