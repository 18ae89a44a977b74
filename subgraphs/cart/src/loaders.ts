import { asc } from 'drizzle-orm';
import {
  anyUuidOf,
  isUuid,
  loaderByGroup,
  loaderByKey,
  type SubgraphClient,
} from '@commerce-graph/kit';
import type { CartDb } from './db/client.ts';
import { cartLines, carts } from './db/schema.ts';

/** A variant as the cart sees it: its id and its authoritative price, read from products. */
export interface CatalogVariant {
  id: string;
  price: { amount: number; currencyCode: string };
}

/** Products' standard federation entry point; unknown ids come back as null. */
const VARIANT_PRICES = /* GraphQL */ `
  query VariantPrices($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on ProductVariant {
        id
        price {
          amount
          currencyCode
        }
      }
    }
  }
`;

/**
 * Per-request loaders: every lookup by key is one SQL statement per batch, and every variant
 * lookup is one call to the products subgraph per batch.
 */
export function createLoaders(db: CartDb, products: SubgraphClient) {
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
    variantById: loaderByKey(
      async (ids: readonly string[]) => {
        const known = ids.filter(isUuid);
        if (known.length === 0) return [];
        const data = await products.request<{ _entities: Array<CatalogVariant | null> }>(
          VARIANT_PRICES,
          { r: known.map((id) => ({ __typename: 'ProductVariant', id })) },
        );
        return data._entities.filter((variant): variant is CatalogVariant => variant !== null);
      },
      (variant) => variant.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
