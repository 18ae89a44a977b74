import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badUserInput, isUuid, parseInput, userInput } from '@commerce-graph/kit';
import { MAX_PAGE_SIZE } from '../catalog.service.ts';
import { isStoreCurrency } from '../pricing.ts';
import type { SearchRequest, SearchSort } from './search-engine.ts';

/** Longest query accepted, after surrounding whitespace is trimmed. */
export const MAX_QUERY_LENGTH = 200;
/** Most facets one search may filter on, and most values per facet. */
export const MAX_FILTER_FACETS = 20;
export const MAX_FILTER_VALUES = 50;
/** Longest `after` accepted; search cursors are far shorter. */
export const MAX_SEARCH_CURSOR_LENGTH = 300;
/** `suggest`: prefix length and the number of suggestions. */
export const MAX_PREFIX_LENGTH = 100;
export const MAX_SUGGESTIONS = 20;

/** The order rows are really sorted in: RELEVANCE without words is NEWEST. */
export type EffectiveSort = 'RELEVANCE' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST';

/**
 * Where the previous page ended: the sort key of its last row (a `ts_rank` for RELEVANCE, an
 * amount for the price sorts, `published_at` in microseconds since the epoch for NEWEST) and
 * its product id.
 */
export interface SearchPosition {
  key: number;
  id: string;
}

/** A search whose arguments passed every check that needs no database. */
export interface ParsedSearch {
  /** The query with whitespace collapsed, as words are cut from it ('' without a query). */
  text: string;
  /** Lower-case words of the query (letters and digits), in order. */
  words: string[];
  /** Selected facet values by facet name, values de-duplicated and sorted; no empty lists. */
  filters: Array<{ name: string; values: string[] }>;
  priceMin: number | null;
  priceMax: number | null;
  /** A well-formed slug, or null for none. */
  categorySlug: string | null;
  /** A `categorySlug` that is no slug names no category: the result is empty. */
  noCategory: boolean;
  inStock: boolean;
  sort: EffectiveSort;
  first: number;
  after: SearchPosition | null;
  currency: string;
  /** Digest of every argument but `first` and `after`: a cursor belongs to one search. */
  fingerprint: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Whitespace of any kind becomes one space, so a tab or a newline in a search box is no error. */
const collapse = (value: string) => value.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** The words of a text as search and the index cut them: lower-case runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

const queryText = userInput.text({ max: MAX_QUERY_LENGTH, min: 0, spaces: true });
const facetName = userInput.text({ max: 100 });
const facetValue = userInput.text({ max: 100, spaces: true });
const amount = z.number().int('Must be an integer').min(0, 'Must not be negative');

const requestSchema = z.object({
  query: z
    .string()
    .max(10 * MAX_QUERY_LENGTH, `Must be at most ${MAX_QUERY_LENGTH} characters`)
    .transform(collapse)
    .pipe(queryText)
    .nullish(),
  filters: z
    .array(
      z.object({
        name: facetName,
        values: z.array(facetValue).max(MAX_FILTER_VALUES, `At most ${MAX_FILTER_VALUES} values`),
      }),
    )
    .max(MAX_FILTER_FACETS, `At most ${MAX_FILTER_FACETS} facets`)
    .nullish(),
  priceRange: z
    .object({ min: amount.nullish(), max: amount.nullish() })
    .refine((r) => r.min == null || r.max == null || r.min <= r.max, 'min must not exceed max')
    .nullish(),
  first: z
    .number()
    .int()
    .min(1, `Must be between 1 and ${MAX_PAGE_SIZE}`)
    .max(MAX_PAGE_SIZE, `Must be between 1 and ${MAX_PAGE_SIZE}`),
  currency: z.string().refine(isStoreCurrency, 'Not a store currency'),
});

const slugSchema = userInput.slug();
const cursorText = userInput.cursor(MAX_SEARCH_CURSOR_LENGTH);
const cursorShape = z.tuple([
  z.literal(1),
  z.string().max(32),
  z.number().finite(),
  z.string().refine(isUuid),
]);

/** What `sort` means for `words`: relevance needs words to rank by. */
export function effectiveSort(sort: SearchSort, words: readonly string[]): EffectiveSort {
  return sort === 'RELEVANCE' && words.length === 0 ? 'NEWEST' : sort;
}

/** Checks a search's arguments (BAD_USER_INPUT naming the field) and puts them in one form. */
export function parseSearch(request: SearchRequest): ParsedSearch {
  const checked = parseInput(requestSchema, request, (problem) =>
    badUserInput(`\`${problem.field}\`: ${problem.message}`, { field: problem.field }),
  );
  if (!checked.ok) throw checked.error;
  const { query, filters, priceRange, first, currency } = checked.value;
  const text = query ?? '';
  const words = wordsOf(text);

  const byName = new Map<string, Set<string>>();
  for (const filter of filters ?? []) {
    const values = byName.get(filter.name) ?? new Set<string>();
    for (const value of filter.values) values.add(value);
    byName.set(filter.name, values);
  }
  // A facet sent with no values selects nothing: it does not filter (a cleared facet).
  const selected = [...byName]
    .filter(([, values]) => values.size > 0)
    .map(([name, values]) => ({ name, values: [...values].sort() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const slug = request.categorySlug ?? null;
  const sort = effectiveSort(request.sort, words);
  const parsed = {
    text,
    words,
    filters: selected,
    priceMin: priceRange?.min ?? null,
    priceMax: priceRange?.max ?? null,
    categorySlug: slug !== null && slugSchema.safeParse(slug).success ? slug : null,
    noCategory: slug !== null && !slugSchema.safeParse(slug).success,
    inStock: request.inStock === true,
    sort,
    first,
    currency,
  };
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        words,
        parsed.filters,
        parsed.priceMin,
        parsed.priceMax,
        slug,
        parsed.inStock,
        sort,
        currency,
      ]),
    )
    .digest('base64url')
    .slice(0, 16);
  const after = request.after != null ? decodeSearchCursor(request.after, fingerprint, sort) : null;
  return { ...parsed, fingerprint, after };
}

/** A cursor: base64url of `[1, fingerprint, key, id]`; opaque to clients. */
export function encodeSearchCursor(fingerprint: string, position: SearchPosition): string {
  return Buffer.from(JSON.stringify([1, fingerprint, position.key, position.id])).toString(
    'base64url',
  );
}

/**
 * The position a cursor of this very search holds. Anything else is BAD_USER_INPUT: text that is
 * no cursor, a cursor of another search (other words, filters, sort or currency), a key of the
 * wrong type for the sort.
 */
export function decodeSearchCursor(
  cursor: string,
  fingerprint: string,
  sort: EffectiveSort,
): SearchPosition {
  const refuse = () => badUserInput('`after` is not a cursor of this search', { field: 'after' });
  const text = parseInput(cursorText, cursor, refuse);
  if (!text.ok) throw text.error;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text.value, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const shape = parseInput(cursorShape, value, refuse);
  if (!shape.ok) throw shape.error;
  const [, print, key, id] = shape.value;
  if (print !== fingerprint) throw refuse();
  // Amounts and instants are integers; only a rank has a fraction.
  if (sort !== 'RELEVANCE' && !Number.isSafeInteger(key)) throw refuse();
  return { key, id: id.toLowerCase() };
}

const prefixSchema = z.object({
  prefix: z
    .string()
    .max(10 * MAX_PREFIX_LENGTH, `Must be at most ${MAX_PREFIX_LENGTH} characters`)
    .transform(collapse)
    .pipe(userInput.text({ max: MAX_PREFIX_LENGTH, spaces: true })),
  first: z
    .number()
    .int()
    .min(1, `Must be between 1 and ${MAX_SUGGESTIONS}`)
    .max(MAX_SUGGESTIONS, `Must be between 1 and ${MAX_SUGGESTIONS}`),
});

/** Checks `suggest`'s arguments: a prefix of 1 to 100 characters (trimmed), 1 to 20 answers. */
export function parseSuggest(prefix: string, first: number): { prefix: string; first: number } {
  const checked = parseInput(prefixSchema, { prefix, first }, (problem) =>
    badUserInput(`\`${problem.field}\`: ${problem.message}`, { field: problem.field }),
  );
  if (!checked.ok) throw checked.error;
  return checked.value;
}
