import type { CategoryRow, ProductRow } from '../../db/schema.ts';
import type { ProductPage } from '../catalog.service.ts';

export type SearchSort = 'RELEVANCE' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST';

/** A search as the resolver hands it over: arguments checked for shape, not yet for meaning. */
export interface SearchRequest {
  query?: string | null;
  filters?: ReadonlyArray<{ name: string; values: readonly string[] }> | null;
  priceRange?: { min?: number | null; max?: number | null } | null;
  categorySlug?: string | null;
  inStock?: boolean | null;
  sort: SearchSort;
  first: number;
  after?: string | null;
  /** An upper-case store currency, checked by the caller. */
  currency: string;
}

export interface FacetView {
  name: string;
  label: string;
  values: Array<{ value: string; label: string; count: number; selected: boolean }>;
}

/** What `search` answers; `products` is a page like the catalog's listing. */
export interface SearchResponse {
  products: ProductPage;
  facets: FacetView[];
  /** Lowest and highest price among the matches, every filter but the price range applied. */
  priceRange: { min: number; max: number; currency: string } | null;
  correctedQuery: string | null;
  /**
   * The earliest next scheduled price change among the products the answer depends on (the
   * page, the counts, the price bounds): caches must drop the answer before it. Optional: an
   * engine that cannot tell leaves it out, and the resolver keeps its default max-age.
   */
  nextPriceChangeAt?: Date | null;
}

export interface ProductSuggestionView {
  __typename: 'ProductSuggestion';
  product: ProductRow;
}
export interface CategorySuggestionView {
  __typename: 'CategorySuggestion';
  category: CategoryRow;
}
export type SuggestionView = ProductSuggestionView | CategorySuggestionView;

/** What a transaction or a database offers: whatever drizzle executes statements on. */
export type Executor = Parameters<
  Parameters<import('../../db/client.ts').ProductsDb['transaction']>[0]
>[0];

/** One variant's availability as an `inventory.availability.changed` change carries it. */
export interface AvailabilityChange {
  variantId: string;
  inStock: boolean;
  /** Inventory's sequence: a change applies only over a lower one (or one without). */
  sequence?: number | undefined;
}

/**
 * Product discovery behind one interface: the resolvers and the catalog's writers know only
 * this. `PostgresSearch` implements it on the `search_*` tables; an external engine (OpenSearch,
 * Meilisearch) would implement it by querying its index and by pushing documents in `reindex`.
 */
export interface SearchEngine {
  /** Throws BAD_USER_INPUT (a GraphQLError) for input the schema's description refuses. */
  search(request: SearchRequest): Promise<SearchResponse>;
  suggest(prefix: string, first: number): Promise<SuggestionView[]>;
  /**
   * Brings the index entries of these products up to date with the catalog: a PUBLISHED
   * product is (re)indexed with its current prices and stock, any other is removed. Called by
   * every catalog write in its transaction (`executor`), by price boundaries and stock events.
   */
  reindex(productIds: readonly string[], executor?: Executor): Promise<void>;
  /**
   * Marks variants in or out of stock (inventory's events), ignoring a change older than the
   * one stored; reindexes what changed.
   */
  setAvailability(changes: ReadonlyArray<AvailabilityChange>): Promise<void>;
}
