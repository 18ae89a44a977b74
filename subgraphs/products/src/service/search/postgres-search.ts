import { and, asc, eq, sql } from 'drizzle-orm';
import { anyOf, badUserInput, isUuid, type Logger } from '@commerce-graph/kit';
import type { ProductsDb } from '../../db/client.ts';
import { categories, products, searchDocuments } from '../../db/schema.ts';
import { notifyCachePurge } from '../../surrogate-keys.ts';
import { FacetIndex, facetValueKey } from './facet-index.ts';
import { IndexSync } from './index-sync.ts';
import { recordAvailability, reindexBatch } from './search-index.ts';
import {
  encodeSearchCursor,
  parseSearch,
  parseSuggest,
  wordsOf,
  type ParsedSearch,
} from './search-input.ts';
import {
  likeEscaped,
  parseTextMatches,
  prepareStatement,
  suggestCandidates,
  textMatchStatement,
  tsqueryText,
  type FacetDefinition,
  type ResolvedWord,
} from './search-sql.ts';
import type {
  AvailabilityChange,
  Executor,
  FacetView,
  SearchEngine,
  SearchRequest,
  SearchResponse,
  SuggestionView,
} from './search-engine.ts';

/** Products reindexed per set of statements; a longer list is done in several. */
export const REINDEX_BATCH = 1_000;
/** pg_trgm `word_similarity` above which a category name "nearly matches" a prefix. */
const SUGGEST_SIMILARITY = 0.5;

interface Prepared {
  category_path: string | null;
  facets: FacetDefinition[];
  words: Array<[word: string, found: boolean, correction: string | null]>;
}

const emptyPage = (): SearchResponse['products'] => ({
  rows: [],
  cursors: [],
  hasNextPage: false,
  totalCount: async () => 0,
});

/**
 * The SearchEngine on PostgreSQL. The `search_*` tables are the index: a weighted English
 * tsvector per published product (GIN) for text, a dictionary of the catalog's words
 * (trigram-indexed) for typos, facet, price and stock rows for filters. Filters, disjunctive
 * counts and the page order are evaluated on a FacetIndex, a bit-set copy of those rows in this
 * process kept current by NOTIFY (IndexSync). A search is two or three statements: the words and
 * the facets' definitions, the text matches (with a query), the page's product rows.
 */
export class PostgresSearch implements SearchEngine {
  private readonly sync: IndexSync;

  constructor(readonly deps: { db: ProductsDb; now: () => Date; logger: Logger }) {
    this.sync = new IndexSync({ db: deps.db, logger: deps.logger });
  }

  /**
   * Loads the in-memory facet index now (about 2.5 s at 100,000 products) instead of during the
   * first search; a process calls it once at start-up. Not part of SearchEngine.
   */
  async warmUp(): Promise<void> {
    await this.sync.current();
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const search = parseSearch(request);
    const indexReady = this.sync.current();
    // Started at once and awaited below: a failed load surfaces there, never unhandled.
    indexReady.catch(() => undefined);
    const [prepared] = (await this.deps.db.execute(prepareStatement(search))) as unknown as [
      Prepared,
    ];
    const definitions = prepared.facets;
    const known = new Set(definitions.map((f) => f.code));
    const unknown = search.filters.find((f) => !known.has(f.name));
    if (unknown) {
      throw badUserInput(`\`filters\`: no facet is named "${unknown.name}"`, { field: 'filters' });
    }
    const words: ResolvedWord[] = prepared.words.map(([word, found, correction]) => ({
      word,
      found,
      correction,
    }));
    const correctedQuery = words.some((w) => !w.found && w.correction !== null)
      ? words.map((w) => (w.found ? w.word : (w.correction ?? w.word))).join(' ')
      : null;
    if (search.noCategory || (search.categorySlug !== null && prepared.category_path === null)) {
      return {
        products: emptyPage(),
        facets: facetViews(search, definitions, new Map()),
        priceRange: null,
        correctedQuery,
        nextPriceChangeAt: null,
      };
    }

    const text =
      words.length > 0
        ? parseTextMatches(
            (
              (await this.deps.db.execute(
                textMatchStatement({
                  tsquery: tsqueryText(words),
                  categoryPath: prepared.category_path,
                  inStock: search.inStock,
                  ranked: search.sort === 'RELEVANCE',
                }),
              )) as unknown as Array<{ ids: string; ranks: string }>
            )[0]!,
          )
        : null;
    const index = await indexReady;

    // From here to `evaluate` nothing awaits: the index cannot change under these bit sets.
    let textMatches: Uint32Array | null = null;
    let ranks: Float32Array | null = null;
    if (text) {
      const matched = index.emptyBits();
      const ranked = search.sort === 'RELEVANCE' ? new Float32Array(matched.length * 32) : null;
      text.ids.forEach((id, i) => {
        const ordinal = index.ordinal(id);
        if (ordinal === undefined) return;
        FacetIndex.set(matched, ordinal);
        if (ranked) ranked[ordinal] = text.ranks[i]!;
      });
      textMatches = matched;
      ranks = ranked;
    }
    const answer = index.evaluate({
      textMatches,
      ranks,
      categoryPath: prepared.category_path,
      inStock: search.inStock,
      currency: search.currency,
      priceMin: search.priceMin,
      priceMax: search.priceMax,
      filters: search.filters,
      facets: definitions.map((f) => f.code),
      sort: search.sort,
      first: search.first,
      after: search.after,
    });

    const page = answer.page.slice(0, search.first);
    const rows =
      page.length > 0
        ? await this.deps.db
            .select()
            .from(products)
            .where(
              and(
                anyOf(
                  products.id,
                  page.map((entry) => entry.id),
                ),
                eq(products.status, 'PUBLISHED'),
              ),
            )
        : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A product unpublished an instant ago, before its notification arrived, is left out.
    const shown = page.filter((entry) => byId.has(entry.id));
    return {
      products: {
        rows: shown.map((entry) => byId.get(entry.id)!),
        cursors: shown.map((entry) =>
          encodeSearchCursor(search.fingerprint, { key: entry.key, id: entry.id }),
        ),
        hasNextPage: answer.page.length > search.first,
        totalCount: async () => answer.total,
      },
      facets: facetViews(search, definitions, answer.counts),
      priceRange:
        answer.minPrice !== null && answer.maxPrice !== null
          ? { min: answer.minPrice, max: answer.maxPrice, currency: search.currency }
          : null,
      correctedQuery,
      nextPriceChangeAt:
        answer.nextChangeMillis === null ? null : new Date(answer.nextChangeMillis),
    };
  }

  async suggest(prefix: string, first: number): Promise<SuggestionView[]> {
    const input = parseSuggest(prefix, first);
    const text = input.prefix.toLowerCase();
    const words = wordsOf(text);
    const starts = `${likeEscaped(text)}%`;
    const similar = text.length >= 3;

    const categoryName = sql`lower(${categories.name})`;
    const categoryRank = sql`case when ${categoryName} like ${starts} then 0
      when ${categoryName} like ${`% ${likeEscaped(text)}%`} then 1 else 2 end`;
    const categoryRows = this.deps.db
      .select()
      .from(categories)
      .where(
        sql`${categoryName} like ${starts} or ${categoryName} like ${`% ${likeEscaped(text)}%`}
          ${similar ? sql`or word_similarity(${text}, ${categoryName}) >= ${SUGGEST_SIMILARITY}` : sql``}`,
      )
      .orderBy(
        categoryRank,
        sql`word_similarity(${text}, ${categoryName}) desc`,
        asc(categories.name),
        asc(categories.id),
      )
      .limit(input.first);

    // Products: a name word starting with each word, typos corrected by the dictionary (see
    // suggestCandidates); the candidates are capped before they are ordered: among thousands of
    // jackets for "jack", shorter names first is as good an answer as any.
    const name = searchDocuments.name;
    const candidates = suggestCandidates(words);
    const productRows = candidates
      ? this.deps.db
          .select({ product: products })
          .from(searchDocuments)
          .innerJoin(products, eq(products.id, searchDocuments.productId))
          .where(
            and(
              sql`${searchDocuments.productId} = any(${candidates})`,
              eq(products.status, 'PUBLISHED'),
            ),
          )
          .orderBy(
            sql`${name} like ${starts} desc`,
            sql`length(${name})`,
            asc(searchDocuments.name),
            asc(searchDocuments.productId),
          )
          .limit(input.first)
      : Promise.resolve([]);

    const [found, productFound] = await Promise.all([categoryRows, productRows]);
    // Categories that start with the prefix first (few, and they lead to many products), then
    // products, then categories that only contain or nearly match it.
    const leading = found.filter((c) => c.name.toLowerCase().startsWith(text));
    const trailing = found.filter((c) => !c.name.toLowerCase().startsWith(text));
    const suggestions: SuggestionView[] = [
      ...leading.map((category) => ({ __typename: 'CategorySuggestion' as const, category })),
      ...productFound.map(({ product }) => ({ __typename: 'ProductSuggestion' as const, product })),
      ...trailing.map((category) => ({ __typename: 'CategorySuggestion' as const, category })),
    ];
    return suggestions.slice(0, input.first);
  }

  async reindex(productIds: readonly string[], executor?: Executor): Promise<void> {
    const ids = [...new Set(productIds.filter(isUuid).map((id) => id.toLowerCase()))].sort();
    if (ids.length === 0) return;
    const now = this.deps.now();
    const run = async (tx: Executor) => {
      // The batch statement's estimates (CTEs over a thousand products) pass the JIT threshold;
      // compiling would cost seconds per batch. Off for this transaction, restored for a caller's.
      const [setting] = (await tx.execute(
        sql`select current_setting('jit') as jit, set_config('jit', 'off', true)`,
      )) as unknown as [{ jit: string }];
      for (let i = 0; i < ids.length; i += REINDEX_BATCH) {
        await reindexBatch(tx, ids.slice(i, i + REINDEX_BATCH), now);
      }
      await notifyCachePurge(tx, ids);
      if (executor && setting.jit !== 'off') {
        await tx.execute(sql`select set_config('jit', ${setting.jit}, true)`);
      }
    };
    if (executor) {
      // The caller commits: this process hears of it by NOTIFY, like every other one.
      await run(executor);
    } else {
      await this.deps.db.transaction(run);
      await this.sync.refresh(ids);
    }
  }

  async setAvailability(changes: ReadonlyArray<AvailabilityChange>): Promise<void> {
    const known = changes.filter((change) => isUuid(change.variantId));
    if (known.length === 0) return;
    const changed = await this.deps.db.transaction(async (tx) => {
      const products = await recordAvailability(tx, known);
      await notifyCachePurge(tx, products);
      return products;
    });
    await this.sync.refresh(changed);
  }
}

/**
 * Every filterable attribute as a facet, in attribute order: the values some match has (or that
 * are selected), in the attribute's value order, with their disjunctive counts.
 */
function facetViews(
  search: ParsedSearch,
  definitions: FacetDefinition[],
  counts: Map<string, number>,
): FacetView[] {
  const selectedOf = new Map(search.filters.map((f) => [f.name, new Set(f.values)]));
  return definitions.map((definition) => {
    const selected = selectedOf.get(definition.code) ?? new Set<string>();
    return {
      name: definition.code,
      label: definition.name,
      values: definition.values
        .map(([value, label]) => ({
          value,
          label,
          count: counts.get(facetValueKey(definition.code, value)) ?? 0,
          selected: selected.has(value),
        }))
        .filter((value) => value.count > 0 || value.selected),
    };
  });
}
