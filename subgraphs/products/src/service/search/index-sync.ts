import { sql } from 'drizzle-orm';
import { isUuid, type Logger } from '@commerce-graph/kit';
import type { ProductsDb } from '../../db/client.ts';
import { searchDocuments, searchFacets, searchPrices } from '../../db/schema.ts';
import { FacetIndex, type IndexedProduct } from './facet-index.ts';

/**
 * The NOTIFY channel of index changes: the payload is comma-separated product ids, sent by
 * reindexes and availability changes in their transaction, so delivered when (and only if)
 * they commit, to every process holding a FacetIndex.
 */
export const INDEX_CHANNEL = 'products_search_changed';
/** Ids per NOTIFY: a payload must stay under 8,000 bytes. */
export const IDS_PER_NOTIFY = 200;
/** Products read per statement when loading or refreshing. */
const READ_BATCH = 5_000;

interface Row {
  id: string;
  path: string;
  in_stock: boolean;
  published: string;
  next_change: number | null;
  prices: string[];
  facets: string[];
}

const FIELD = '\u001f';

/** One statement reading index rows: after `afterId` (a load) or these ids (a refresh). */
function readStatement(by: { afterId: string | null } | { ids: readonly string[] }) {
  const d = searchDocuments;
  const where =
    'ids' in by
      ? sql`${d.productId} = any(${sql.param(by.ids)}::uuid[])`
      : by.afterId === null
        ? sql`true`
        : sql`${d.productId} > ${by.afterId}::uuid`;
  return sql`
    select ${d.productId} as id, ${d.categoryPath} as path, ${d.inStock} as in_stock,
      (extract(epoch from ${d.publishedAt}) * 1000000)::bigint::text as published,
      (extract(epoch from ${d.nextPriceChangeAt}) * 1000)::float8 as next_change,
      (select coalesce(array_agg(p.currency || ':' || p.amount), '{}')
       from ${searchPrices} p where p.product_id = ${d.productId}) as prices,
      (select coalesce(array_agg(f.facet || chr(31) || f.value), '{}')
       from ${searchFacets} f where f.product_id = ${d.productId}) as facets
    from ${d}
    where ${where} and ${d.categoryPath} <> ''
    order by ${d.productId}
    ${'ids' in by ? sql`` : sql`limit ${READ_BATCH}`}`;
}

function toProduct(row: Row): IndexedProduct {
  const prices: Record<string, number> = {};
  for (const entry of row.prices) {
    const [currency, amount] = entry.split(':');
    prices[currency!] = Number(amount);
  }
  return {
    id: row.id,
    categoryPath: row.path,
    inStock: row.in_stock,
    publishedMicros: Number(row.published),
    nextChangeMillis: row.next_change === null ? null : Number(row.next_change),
    prices,
    facets: row.facets.map((entry) => {
      const at = entry.indexOf(FIELD);
      return [entry.slice(0, at), entry.slice(at + 1)] as [string, string];
    }),
  };
}

interface Listener {
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onListen?: () => void,
  ): Promise<{ unlisten(): Promise<void> }>;
}

/**
 * Keeps a FacetIndex equal to the index tables: loaded on first use (after LISTEN, so no change
 * committed meanwhile is missed), then refreshed per product on every notification, in order,
 * one refresh at a time. A lost listening connection means missed notifications: when it comes
 * back, the index is loaded again from scratch.
 */
export class IndexSync {
  private index: FacetIndex | null = null;
  private starting: Promise<void> | null = null;
  private readonly pending = new Set<string>();
  private draining: Promise<void> | null = null;
  private listening = false;
  private subscribed: Promise<void> | null = null;
  /** While a (re)load runs, notified ids wait: they are applied to the index it produces. */
  private loading = false;

  constructor(private readonly deps: { db: ProductsDb; logger: Logger }) {}

  /** The index, loaded, with every change notified or applied so far. */
  async current(): Promise<FacetIndex> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = null;
      throw error;
    });
    await this.starting;
    // Includes retrying ids whose refresh failed: a search fails rather than answer stale.
    await this.drain();
    return this.index!;
  }

  /** Re-reads these products now (after this process's own commit); a no-op before a load. */
  async refresh(ids: readonly string[]): Promise<void> {
    if (!this.index) return;
    for (const id of ids) this.pending.add(id);
    await this.drain();
  }

  private async start() {
    // Once, even when a load fails and the next search starts again.
    this.subscribed ??= this.subscribe().catch((error: unknown) => {
      this.subscribed = null;
      throw error;
    });
    await this.subscribed;
    await this.replaceIndex();
  }

  private async subscribe() {
    const client = (this.deps.db as unknown as { $client?: Listener }).$client;
    if (!client || typeof client.listen !== 'function') return;
    await client.listen(
      INDEX_CHANNEL,
      (payload) => {
        for (const id of payload.split(',')) if (isUuid(id)) this.pending.add(id.toLowerCase());
        this.drainInBackground();
      },
      () => {
        // The first call is the LISTEN itself; a later one is a reconnection after which
        // notifications may have been missed.
        if (this.listening) this.reload();
        this.listening = true;
      },
    );
  }

  private reload() {
    this.starting = this.replaceIndex().catch((error: unknown) => {
      this.deps.logger.error({ err: error }, 'search index reload failed');
      this.starting = null;
    });
  }

  /** Loads a new index, then applies what was notified meanwhile. */
  private async replaceIndex() {
    this.loading = true;
    try {
      this.index = await this.load();
    } finally {
      this.loading = false;
    }
    await this.drain();
  }

  private drainInBackground() {
    void this.drain().catch((error: unknown) =>
      this.deps.logger.error({ err: error }, 'search index refresh failed'),
    );
  }

  private async load(): Promise<FacetIndex> {
    const index = new FacetIndex();
    let afterId: string | null = null;
    for (;;) {
      const rows = (await this.deps.db.execute(readStatement({ afterId }))) as unknown as Row[];
      for (const row of rows) index.upsert(toProduct(row));
      if (rows.length < READ_BATCH) break;
      afterId = rows.at(-1)!.id;
    }
    this.deps.logger.debug({ products: index.count }, 'search index loaded');
    return index;
  }

  private drain(): Promise<void> {
    if (this.draining) return this.draining;
    const run = async () => {
      while (this.pending.size > 0 && this.index && !this.loading) {
        const ids = [...this.pending].slice(0, READ_BATCH);
        for (const id of ids) this.pending.delete(id);
        let rows: Row[];
        try {
          rows = (await this.deps.db.execute(readStatement({ ids }))) as unknown as Row[];
        } catch (error) {
          for (const id of ids) this.pending.add(id);
          throw error;
        }
        const index = this.index;
        const present = new Set<string>();
        for (const row of rows) {
          index.upsert(toProduct(row));
          present.add(row.id);
        }
        for (const id of ids) if (!present.has(id)) index.remove(id);
      }
    };
    const draining = run().finally(() => {
      if (this.draining === draining) this.draining = null;
    });
    this.draining = draining;
    return draining;
  }
}
