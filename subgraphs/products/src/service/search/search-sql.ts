import { sql, type SQL } from 'drizzle-orm';
import {
  attributes,
  attributeValues,
  categories,
  searchDocuments,
  searchTerms,
} from '../../db/schema.ts';
import type { ParsedSearch } from './search-input.ts';

/** Weights of D, C, B, A (description, attributes, brand and category, name) for `ts_rank`. */
const RANK_WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'::real[]`);

/** An attribute search can filter on, with its values in their display order. */
export interface FacetDefinition {
  code: string;
  name: string;
  kind: 'ENUM' | 'MULTI_ENUM' | 'BOOLEAN';
  values: Array<[code: string, label: string]>;
}

/** A query word as the dictionary judged it. */
export interface ResolvedWord {
  word: string;
  /** Some document holds it (or its prefix, for the last word), or it is a stop word or number. */
  found: boolean;
  /** The most similar dictionary term, for a word that is not found; null when none is near. */
  correction: string | null;
}

/**
 * The first statement of a search: the category's path, the filterable attributes (to check
 * facet names and label the counts) and, for each query word, whether the index knows it and
 * else the nearest dictionary term by trigram similarity (`%`, pg_trgm's threshold 0.3).
 */
export function prepareStatement(search: ParsedSearch): SQL {
  const last = search.words.length;
  return sql`
    select
      ${search.categorySlug !== null ? sql`(select path from ${categories} where slug = ${search.categorySlug})` : sql`null`} as category_path,
      (select coalesce(json_agg(json_build_object(
                'code', a.code, 'name', a.name, 'kind', a.kind,
                'values', (case when a.kind = 'BOOLEAN'
                  then json_build_array(json_build_array('true', 'Yes'), json_build_array('false', 'No'))
                  else (select coalesce(json_agg(json_build_array(v.code, v.label)
                                                 order by v.position, v.code), '[]')
                        from ${attributeValues} v where v.attribute_id = a.id) end))
              order by a.position, a.code), '[]')
       from ${attributes} a
       where a.filterable and a.kind in ('ENUM', 'MULTI_ENUM', 'BOOLEAN')) as facets,
      ${
        last === 0
          ? sql`'[]'::json`
          : sql`(select json_agg(json_build_array(r.word, r.found, r.correction) order by r.i)
                 from (select w.i, w.word, f.found,
                         case when not f.found then
                           (select t.term from ${searchTerms} t
                            where t.term % w.word
                            order by similarity(t.term, w.word) desc, t.documents desc, t.term
                            limit 1) end as correction
                       from unnest(${sql.param(search.words)}::text[]) with ordinality as w(word, i)
                       -- offset 0: evaluated once per word, not once per reference.
                       cross join lateral (select
                         length(w.word) < 3 or w.word ~ '^[0-9]+$'
                         or numnode(plainto_tsquery('english', w.word)) = 0
                         or exists (select 1 from ${searchTerms} t where t.term = w.word)
                         or (w.i = ${last} and exists (select 1 from ${searchTerms} t
                                                      where t.term like w.word || '%'))
                         or exists (select 1 from ${searchDocuments} d where d.document @@
                           to_tsquery('english', '''' || w.word || ''''
                             || case when w.i = ${last} then ':*' else '' end))
                         as found offset 0) f) r)`
      } as words`;
}

/**
 * The tsquery text for the words (corrected where needed): every word, the last one also as a
 * prefix (type-ahead) unless it was corrected. Words are letters and digits only, so quoting
 * each is safe; `to_tsquery('english', ...)` stems them and drops stop words.
 */
export function tsqueryText(words: readonly ResolvedWord[]): string {
  return words
    .map((w, i) => {
      const word = w.found ? w.word : (w.correction ?? w.word);
      const prefix = i === words.length - 1 && w.found ? ':*' : '';
      return `'${word}'${prefix}`;
    })
    .join(' & ');
}

/**
 * The products the text matches (within the category subtree and in stock, when asked), with
 * their `ts_rank` when the order is RELEVANCE: one row of two strings, the ids (36 characters
 * each, no separator) and the ranks (comma-separated), several times cheaper for thousands of
 * matches than arrays, which the driver parses character by character.
 */
export function textMatchStatement(args: {
  tsquery: string;
  categoryPath: string | null;
  inStock: boolean;
  ranked: boolean;
}): SQL {
  const doc = searchDocuments;
  const query = sql`to_tsquery('english', ${args.tsquery})`;
  const conditions: SQL[] = [sql`${doc.document} @@ ${query}`];
  if (args.categoryPath !== null) {
    conditions.push(sql`${doc.categoryPath} like ${`${args.categoryPath}%`}`);
  }
  if (args.inStock) conditions.push(sql`${doc.inStock}`);
  const rank = args.ranked
    ? sql`coalesce(string_agg(ts_rank(${RANK_WEIGHTS}, ${doc.document}, ${query})::text, ','), '')`
    : sql`''`;
  return sql`
    select coalesce(string_agg(${doc.productId}::text, ''), '') as ids, ${rank} as ranks
    from ${doc}
    where ${sql.join(conditions, sql` and `)}`;
}

/** The ids and ranks of `textMatchStatement`'s row. */
export function parseTextMatches(row: { ids: string; ranks: string }) {
  const ids: string[] = [];
  for (let at = 0; at < row.ids.length; at += 36) ids.push(row.ids.slice(at, at + 36));
  const ranks = row.ranks === '' ? [] : row.ranks.split(',').map(Number);
  return { ids, ranks };
}

/** How many word-prefix matches `suggest` orders; the rest are never looked at. */
const SUGGEST_CANDIDATES = 200;

/**
 * The ids `suggest` picks products from: names holding a word that starts with each word of the
 * prefix (weight A of the document, GIN), the last word replaced by its nearest dictionary term
 * when no term starts with it (a typo while typing). Names that merely contain the prefix
 * inside a word are no candidates: a trigram search for them rechecks every name sharing its
 * trigrams (all 7,000 jackets for "jack") to find none.
 */
export function suggestCandidates(words: readonly string[]): SQL | null {
  const doc = searchDocuments;
  const last = words.at(-1);
  if (last === undefined) return null;
  const completed = sql`coalesce(
    (select ${last}::text where exists (select 1 from ${searchTerms} t
                                        where t.term like ${`${likeEscaped(last)}%`})),
    (select t.term from ${searchTerms} t
     where length(${last}::text) >= 3 and t.term % ${last}::text
     order by similarity(t.term, ${last}::text) desc, t.documents desc, t.term limit 1),
    ${last}::text)`;
  // Each word stemmed (`alpine` is `alpin` in the documents) or as typed (a stop word such as
  // `a`, which the English configuration drops, still starts words).
  const prefixOf = (word: SQL) => sql`(select case when numnode(q) = 0
      then to_tsquery('simple', t) else q end
    from (select t, to_tsquery('english', t) as q
          from (select '''' || ${word} || ''':*A' as t) typed) stemmed)`;
  const query = sql.join(
    [...words.slice(0, -1).map((w) => prefixOf(sql`${w}::text`)), prefixOf(completed)],
    sql` && `,
  );
  return sql`array(select ${doc.productId} from ${doc}
    where ${doc.document} @@ (${query})
    limit ${SUGGEST_CANDIDATES})`;
}

/** `%` and `_` in a user's prefix are letters, not LIKE wildcards. */
export const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&');
