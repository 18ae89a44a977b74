import { sql } from 'drizzle-orm';
import {
  attributes,
  attributeValues,
  categories,
  prices,
  productAttributeValues,
  products,
  searchDocuments,
  searchFacets,
  searchPrices,
  searchTerms,
  variants,
  variantStock,
} from '../../db/schema.ts';
import { STORE_CURRENCIES } from '../pricing.ts';
import { IDS_PER_NOTIFY, INDEX_CHANNEL } from './index-sync.ts';
import type { AvailabilityChange, Executor } from './search-engine.ts';

/** NOTIFY of these ids (a relation with a `product_id` column), in payloads of at most 200. */
const notifyIds = (relation: ReturnType<typeof sql>) => sql`
  (select count(pg_notify(${INDEX_CHANNEL}, ids)) from (
     select string_agg(product_id::text, ',') as ids
     from (select product_id, (row_number() over (order by product_id) - 1) / ${IDS_PER_NOTIFY} as part
           from ${relation} r) numbered
     group by part) parts)`;

/**
 * The dictionary words a document holds are kept inside its tsvector as lexemes `~word`: the
 * query parser never produces a lexeme with `~`, so they match no search, and a reindex reads
 * the words a product held before (even after its category or brand was renamed) to decrement
 * exactly those.
 */
const TERM_MARK = '~';

/**
 * Brings the index rows of these products (a batch of distinct ids, at most a few thousand) up
 * to date on `tx`, set-based: a few statements whatever the batch size.
 *
 * 1. Placeholder documents for published products not indexed yet (`on conflict do nothing`
 *    waits for a concurrent reindex inserting the same row), so that
 * 2. every document of the batch can be locked (in id order): concurrent reindexes of one
 *    product run one after the other and each reads the words the other left.
 * 3. One statement computes the documents from the catalog (a new snapshot, after the locks),
 *    upserts or deletes documents, prices and facets, and applies the dictionary's differences.
 * 4. Dictionary words no document holds any more are deleted.
 */
export async function reindexBatch(tx: Executor, ids: readonly string[], now: Date): Promise<void> {
  const idList = sql`${sql.param(ids)}::uuid[]`;
  const at = sql`${now.toISOString()}::timestamptz`;
  await tx.execute(sql`
    insert into ${searchDocuments} (product_id, document, name, category_path, published_at)
    select p.id, ''::tsvector, '', '', ${at}
    from ${products} p
    where p.id = any(${idList}) and p.status = 'PUBLISHED'
    order by p.id
    on conflict (product_id) do nothing`);
  await tx.execute(sql`
    select product_id from ${searchDocuments}
    where product_id = any(${idList})
    order by product_id
    for update`);
  const [result] = await tx.execute<{ emptied: string[] }>(sql`
    with pub as (
      select p.id, p.name, p.description, p.category_id,
             coalesce(p.published_at, p.created_at) as published_at
      from ${products} p
      where p.id = any(${idList}) and p.status = 'PUBLISHED'
    ),
    -- Names of each category of the batch and its ancestors (the path's ids), root first.
    category_names as (
      select c.id, c.path,
             (select string_agg(a.name, ' ' order by length(a.path))
              from ${categories} a
              where a.id = any(string_to_array(rtrim(c.path, '/'), '/')::uuid[])) as names
      from ${categories} c
      where c.id in (select category_id from pub)
    ),
    cat as (
      select pub.id as product_id, cn.path, cn.names
      from pub join category_names cn on cn.id = pub.category_id
    ),
    attr as (
      select v.product_id, a.code, a.kind, a.name as attribute_name, v.text_value,
             v.boolean_value, string_agg(av.label, ' ' order by av.position, av.code) as labels
      from ${productAttributeValues} v
      join pub on pub.id = v.product_id
      join ${attributes} a on a.id = v.attribute_id
      left join lateral unnest(v.codes) as c(code) on true
      left join ${attributeValues} av on av.attribute_id = v.attribute_id and av.code = c.code
      where v.product_id = any(${idList})
      group by v.product_id, v.attribute_id, a.code, a.kind, a.name, v.text_value, v.boolean_value
    ),
    attr_text as (
      select product_id,
             string_agg(case when code = 'brand' then concat_ws(' ', labels, text_value) end, ' ')
               as brand,
             string_agg(case when code <> 'brand' then concat_ws(' ', labels, text_value,
               case when boolean_value then attribute_name end) end, ' ') as other,
             string_agg(labels, ' ') as labels
      from attr group by product_id
    ),
    options as (
      select v.product_id, string_agg(distinct o.value ->> 'value', ' ') as text
      from ${variants} v
      join pub on pub.id = v.product_id
      cross join lateral jsonb_array_elements(
        case when jsonb_typeof(v.options) = 'array' then v.options else '[]' end) as o(value)
      where v.product_id = any(${idList})
      group by v.product_id
    ),
    stock as (
      select v.product_id, bool_or(coalesce(s.in_stock, false)) as in_stock
      from ${variants} v
      join pub on pub.id = v.product_id
      left join ${variantStock} s on s.variant_id = v.id
      where v.product_id = any(${idList})
      group by v.product_id
    ),
    variant_prices as (
      select v.product_id, pr.variant_id, pr.id, pr.currency, pr.amount, pr.starts_at, pr.ends_at
      from ${prices} pr
      join ${variants} v on v.id = pr.variant_id
      join pub on pub.id = v.product_id
      where v.product_id = any(${idList})
    ),
    -- priceInForce (pricing.ts): the scheduled price holding now with the latest start (an open
    -- start is the earliest; equal starts: the greater id), else the base price.
    in_force as (
      select distinct on (variant_id, currency) product_id, currency, amount
      from variant_prices
      where currency = any(${sql.param([...STORE_CURRENCIES])}::text[])
        and ((starts_at is null and ends_at is null)
          or ((starts_at is null or starts_at <= ${at}) and (ends_at is null or ${at} < ends_at)))
      order by variant_id, currency, (starts_at is null and ends_at is null),
               starts_at desc nulls last, id desc
    ),
    new_prices as (
      select product_id, currency, min(amount) as amount from in_force group by 1, 2
    ),
    -- nextPriceChange (pricing.ts): the first start or end of a scheduled price after now.
    next_change as (
      select product_id, min(edge) as at
      from variant_prices
      cross join lateral (values (starts_at), (ends_at)) as e(edge)
      where edge > ${at}
      group by product_id
    ),
    words as (
      select distinct pub.id as product_id, w.word
      from pub
      left join cat on cat.product_id = pub.id
      left join attr_text on attr_text.product_id = pub.id
      cross join lateral regexp_split_to_table(
        lower(concat_ws(' ', pub.name, cat.names, attr_text.labels)), '[^[:alnum:]]+') as w(word)
      where length(w.word) >= 3 and w.word !~ '^[0-9]+$'
    ),
    -- Stop words are no terms; each distinct word is looked up once.
    vocabulary as (
      select word from (select distinct word from words) w
      where to_tsvector('english', word) <> ''::tsvector
    ),
    new_terms as (
      select words.product_id, words.word from words join vocabulary using (word)
    ),
    term_lexemes as (
      select product_id, array_to_tsvector(array_agg(${TERM_MARK} || word)) as lexemes
      from new_terms group by product_id
    ),
    docs as (
      select pub.id as product_id,
             setweight(to_tsvector('english', pub.name), 'A')
               || setweight(to_tsvector('english', concat_ws(' ', attr_text.brand, cat.names)), 'B')
               || setweight(to_tsvector('english', concat_ws(' ', attr_text.other, options.text)), 'C')
               || setweight(to_tsvector('english', pub.description), 'D')
               || coalesce(term_lexemes.lexemes, ''::tsvector) as document,
             lower(pub.name) as name,
             cat.path as category_path,
             coalesce(stock.in_stock, false) as in_stock,
             pub.published_at,
             next_change.at as next_price_change_at
      from pub
      join cat on cat.product_id = pub.id
      left join attr_text on attr_text.product_id = pub.id
      left join options on options.product_id = pub.id
      left join stock on stock.product_id = pub.id
      left join next_change on next_change.product_id = pub.id
      left join term_lexemes on term_lexemes.product_id = pub.id
    ),
    old_terms as (
      select d.product_id, substr(l.lexeme, 2) as word
      from ${searchDocuments} d
      cross join lateral unnest(tsvector_to_array(d.document)) as l(lexeme)
      where d.product_id = any(${idList}) and starts_with(l.lexeme, ${TERM_MARK})
    ),
    upserted as (
      insert into ${searchDocuments} as d (product_id, document, name, category_path, in_stock,
                                           published_at, next_price_change_at, indexed_at)
      select product_id, document, name, category_path, in_stock, published_at,
             next_price_change_at, now()
      from docs
      on conflict (product_id) do update set
        document = excluded.document, name = excluded.name,
        category_path = excluded.category_path, in_stock = excluded.in_stock,
        published_at = excluded.published_at,
        next_price_change_at = excluded.next_price_change_at, indexed_at = excluded.indexed_at
      returning d.product_id
    ),
    removed as (
      delete from ${searchDocuments} d
      where d.product_id = any(${idList})
        and not exists (select 1 from docs where docs.product_id = d.product_id)
      returning d.product_id
    ),
    prices_set as (
      insert into ${searchPrices} as sp (product_id, currency, amount)
      select product_id, currency, amount from new_prices
      on conflict (product_id, currency) do update set amount = excluded.amount
        where sp.amount <> excluded.amount
      returning sp.product_id
    ),
    prices_removed as (
      delete from ${searchPrices} sp
      where sp.product_id = any(${idList})
        and not exists (select 1 from new_prices n
                        where n.product_id = sp.product_id and n.currency = sp.currency)
      returning sp.product_id
    ),
    new_facets as (
      select distinct v.product_id, a.code as facet, f.value
      from ${productAttributeValues} v
      join pub on pub.id = v.product_id
      join ${attributes} a on a.id = v.attribute_id and a.filterable
      cross join lateral unnest(case
        when a.kind in ('ENUM', 'MULTI_ENUM') then coalesce(v.codes, '{}')
        when a.kind = 'BOOLEAN' and v.boolean_value is not null then array[v.boolean_value::text]
        else '{}'::text[] end) as f(value)
      where v.product_id = any(${idList})
    ),
    facets_added as (
      insert into ${searchFacets} (product_id, facet, value)
      select product_id, facet, value from new_facets
      on conflict do nothing
      returning product_id
    ),
    facets_removed as (
      delete from ${searchFacets} sf
      where sf.product_id = any(${idList})
        and not exists (select 1 from new_facets n where n.product_id = sf.product_id
                        and n.facet = sf.facet and n.value = sf.value)
      returning sf.product_id
    ),
    delta as (
      select word, sum(n)::int as n
      from (select word, 1 as n from new_terms union all select word, -1 from old_terms) w
      group by word
      having sum(n) <> 0
    ),
    terms_set as (
      -- In term order: concurrent reindexes lock shared terms in the same order, never crosswise.
      insert into ${searchTerms} as t (term, documents)
      select word, n from delta order by word
      on conflict (term) do update set documents = t.documents + excluded.documents
      returning t.term, t.documents
    )
    select coalesce((select array_agg(term) from terms_set where documents <= 0), '{}') as emptied,
           ${notifyIds(sql`(select unnest(${idList}) as product_id)`)} as notified`);
  const emptied = result?.emptied ?? [];
  if (emptied.length > 0) {
    // Re-checked on the latest row version: a concurrent reindex may have counted it again.
    await tx.execute(sql`
      delete from ${searchTerms}
      where term = any(${sql.param(emptied)}::text[]) and documents <= 0`);
  }
}

/**
 * Records variants as in or out of stock, keeping per variant the change with the highest
 * sequence (one without a sequence applies as it comes), and recomputes `in_stock` of the
 * documents of their products from what is stored, not from the event: two statements for any
 * number of changes. Events delivered in any order end in the same state. Answers the products
 * whose document changed.
 */
export async function recordAvailability(
  tx: Executor,
  changes: ReadonlyArray<AvailabilityChange>,
): Promise<string[]> {
  // Within one batch, the same rule as the upsert's: applying them one by one ends the same.
  const newest = new Map<string, AvailabilityChange>();
  for (const change of changes) {
    const id = change.variantId.toLowerCase();
    const kept = newest.get(id);
    if (!kept || supersedes(change, kept)) newest.set(id, change);
  }
  const ids = [...newest.keys()].sort();
  // As text: postgres.js sends a JS boolean array as one boolean, and strings in a boolean[]
  // parameter all as false.
  const flags = ids.map((id) => String(newest.get(id)!.inStock));
  const sequences = ids.map((id) => newest.get(id)!.sequence ?? null);
  // One statement: the conflict's row lock orders two events for a variant, and the loser
  // re-checks the condition against the winner's committed row.
  await tx.execute(sql`
    insert into ${variantStock} as s (variant_id, in_stock, sequence, updated_at)
    select id, flag::boolean, seq, now()
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(flags)}::text[],
                ${sql.param(sequences)}::bigint[]) as c(id, flag, seq)
    on conflict (variant_id) do update
      set in_stock = excluded.in_stock,
          sequence = greatest(s.sequence, excluded.sequence),
          updated_at = now()
      where case when excluded.sequence is null then s.in_stock <> excluded.in_stock
                 else s.sequence is null or excluded.sequence > s.sequence end`);
  // The documents to update, locked in product order first: two batches touching the same
  // products (two replicas' workers, or a catalog write's reindex) then queue, never deadlock.
  await tx.execute(sql`
    select 1 from ${searchDocuments}
    where product_id in (
      select v.product_id from ${variants} v where v.id = any(${sql.param(ids)}::uuid[]))
    order by product_id
    for update`);
  const [result] = await tx.execute<{ changed: string[] }>(sql`
    with affected as (
      select distinct v.product_id from ${variants} v
      where v.id = any(${sql.param(ids)}::uuid[])
    ),
    now_in_stock as (
      select a.product_id,
             exists (select 1 from ${variants} v
                     join ${variantStock} s on s.variant_id = v.id and s.in_stock
                     where v.product_id = a.product_id) as in_stock
      from affected a
    ),
    changed as (
      update ${searchDocuments} d set in_stock = n.in_stock
      from now_in_stock n
      where d.product_id = n.product_id and d.in_stock <> n.in_stock
      returning d.product_id
    )
    select coalesce((select array_agg(product_id::text) from changed), '{}') as changed,
           ${notifyIds(sql`changed`)} as notified`);
  return result?.changed ?? [];
}

/** Whether `change` replaces `kept` for the same variant: the rule of the upsert's `where`. */
function supersedes(change: AvailabilityChange, kept: AvailabilityChange): boolean {
  if (change.sequence === undefined) return true;
  return kept.sequence === undefined || change.sequence > kept.sequence;
}
