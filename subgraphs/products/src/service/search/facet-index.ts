import type { EffectiveSort, SearchPosition } from './search-input.ts';

/**
 * The filter side of search in memory: for every indexed product a small slot (an ordinal) in
 * bit sets, one per facet value, for stock and for each currency's price, plus the values
 * sorting and price filters need. Counting a facet value is then an AND and a popcount over
 * 3,125 words per 100,000 products, whatever the selection: the same work for a search that
 * matches ten products and one that matches all of them. SQL over `search_facets` rows cannot do
 * that: it touches every row of every selected value (tens of thousands at 100,000 products).
 *
 * The tables stay the source of truth: the index is loaded from them and refreshed per product
 * when they change (see IndexSync). Nothing here does I/O.
 */

type Bits = Uint32Array;

const wordsFor = (capacity: number) => Math.ceil(capacity / 32);

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function count(bits: Bits): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) if (bits[i]) n += popcount32(bits[i]!);
  return n;
}

function countAnd(a: Bits, b: Bits): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const w = a[i]! & b[i]!;
    if (w) n += popcount32(w);
  }
  return n;
}

function andInto(target: Bits, other: Bits): Bits {
  for (let i = 0; i < target.length; i++) target[i] = target[i]! & other[i]!;
  return target;
}

function orInto(target: Bits, other: Bits): Bits {
  for (let i = 0; i < target.length; i++) target[i] = target[i]! | other[i]!;
  return target;
}

const has = (bits: Bits, ordinal: number) => (bits[ordinal >>> 5]! & (1 << (ordinal & 31))) !== 0;

function put(bits: Bits, ordinal: number, on: boolean) {
  const word = ordinal >>> 5;
  const mask = 1 << (ordinal & 31);
  bits[word] = on ? bits[word]! | mask : bits[word]! & ~mask;
}

/** Calls `visit` with every ordinal set in `bits`, in ascending order. */
function forEachSet(bits: Bits, visit: (ordinal: number) => void) {
  for (let i = 0; i < bits.length; i++) {
    let w = bits[i]!;
    while (w !== 0) {
      const low = w & -w;
      visit((i << 5) + 31 - Math.clz32(low));
      w ^= low;
    }
  }
}

/** One product as the index tables hold it. */
export interface IndexedProduct {
  id: string;
  categoryPath: string;
  inStock: boolean;
  /** `published_at` in microseconds since the epoch (exact: below 2^53). */
  publishedMicros: number;
  /** `next_price_change_at` in milliseconds since the epoch, or null. */
  nextChangeMillis: number | null;
  /** Current lowest price per currency. */
  prices: Record<string, number>;
  /** Facet values held: `[facet, value]`. */
  facets: Array<[string, string]>;
}

/** What the index needs to answer a search once text and category are resolved. */
export interface IndexQuery {
  /** Ordinals of the products the text matches, or null without text. */
  textMatches: Bits | null;
  /** `ts_rank` per ordinal, for RELEVANCE. */
  ranks: Float32Array | null;
  categoryPath: string | null;
  inStock: boolean;
  currency: string;
  priceMin: number | null;
  priceMax: number | null;
  filters: ReadonlyArray<{ name: string; values: readonly string[] }>;
  /** Facets to count: every filterable attribute. */
  facets: readonly string[];
  sort: EffectiveSort;
  first: number;
  after: SearchPosition | null;
}

export interface IndexAnswer {
  /** The page (and one more row when another page follows), in order. */
  page: Array<{ id: string; key: number }>;
  total: number;
  /** `facet\u0000value` → count, disjunctive. */
  counts: Map<string, number>;
  minPrice: number | null;
  maxPrice: number | null;
  /** The earliest next price change among the products that could change the answer. */
  nextChangeMillis: number | null;
}

/** The key of a facet value in `IndexAnswer.counts`. */
export const facetValueKey = (facet: string, value: string) => `${facet}\u0000${value}`;

/** An in-memory bit-set index of the products' filterable properties; see the file comment. */
export class FacetIndex {
  private capacity = 0;
  private size = 0;
  private readonly free: number[] = [];
  private ids: Array<string | undefined> = [];
  private readonly ordinalOf = new Map<string, number>();
  private alive: Bits = new Uint32Array(0);
  private stock: Bits = new Uint32Array(0);
  private paths: Array<string | undefined> = [];
  private published = new Float64Array(0);
  private nextChange = new Float64Array(0);
  private readonly priced = new Map<string, { bits: Bits; amounts: Int32Array }>();
  /** One slot per facet value: the products holding it. */
  private readonly slots: Array<{ facet: string; value: string; bits: Bits }> = [];
  private readonly slotOf = new Map<string, number>();
  private readonly slotsByFacet = new Map<string, number[]>();
  /** The slots each product holds, to clear them when it changes. */
  private facetsOf: Array<Int32Array | undefined> = [];
  /** Category paths are shared by many products: one string each. */
  private readonly pathStrings = new Map<string, string>();
  /** Subtree bit sets by path prefix, kept up to date once built. */
  private readonly subtrees = new Map<string, Bits>();

  constructor(initialCapacity = 1024) {
    this.grow(Math.max(32, initialCapacity));
  }

  /** Products indexed. */
  get count(): number {
    return this.ordinalOf.size;
  }

  /** The ordinal of an indexed product, or undefined. */
  ordinal(id: string): number | undefined {
    return this.ordinalOf.get(id);
  }

  /** An empty bit set of the index's current size (for text matches). */
  emptyBits(): Bits {
    return new Uint32Array(wordsFor(this.capacity));
  }

  /** Puts `bits` at `ordinal` on. */
  static set(bits: Bits, ordinal: number) {
    put(bits, ordinal, true);
  }

  /** Adds the product or replaces what the index holds for it. */
  upsert(product: IndexedProduct): void {
    let ordinal = this.ordinalOf.get(product.id);
    if (ordinal === undefined) {
      ordinal = this.free.pop() ?? this.size++;
      if (ordinal >= this.capacity) this.grow(this.capacity * 2);
      this.ordinalOf.set(product.id, ordinal);
      this.ids[ordinal] = product.id;
    } else {
      this.clearFacets(ordinal);
    }
    put(this.alive, ordinal, true);
    put(this.stock, ordinal, product.inStock);
    let path = this.pathStrings.get(product.categoryPath);
    if (path === undefined) {
      path = product.categoryPath;
      this.pathStrings.set(path, path);
    }
    this.paths[ordinal] = path;
    this.published[ordinal] = product.publishedMicros;
    this.nextChange[ordinal] = product.nextChangeMillis ?? Number.NaN;
    for (const [currency, column] of this.priced) {
      const amount = product.prices[currency];
      put(column.bits, ordinal, amount !== undefined);
      column.amounts[ordinal] = amount ?? 0;
    }
    for (const [currency, amount] of Object.entries(product.prices)) {
      if (!this.priced.has(currency)) {
        const column = this.bitsColumn();
        this.priced.set(currency, column);
        put(column.bits, ordinal, true);
        column.amounts[ordinal] = amount;
      }
    }
    const held = new Int32Array(product.facets.length);
    product.facets.forEach(([facet, value], i) => {
      const slot = this.slot(facet, value);
      put(this.slots[slot]!.bits, ordinal, true);
      held[i] = slot;
    });
    this.facetsOf[ordinal] = held;
    for (const [prefix, bits] of this.subtrees) {
      put(bits, ordinal, product.categoryPath.startsWith(prefix));
    }
  }

  /** Forgets the product (unpublished, deleted); its slot is reused. */
  remove(id: string): void {
    const ordinal = this.ordinalOf.get(id);
    if (ordinal === undefined) return;
    this.clearFacets(ordinal);
    put(this.alive, ordinal, false);
    put(this.stock, ordinal, false);
    for (const column of this.priced.values()) put(column.bits, ordinal, false);
    for (const bits of this.subtrees.values()) put(bits, ordinal, false);
    this.ids[ordinal] = undefined;
    this.paths[ordinal] = undefined;
    this.facetsOf[ordinal] = undefined;
    this.ordinalOf.delete(id);
    this.free.push(ordinal);
  }

  /** Filters, counts every facet disjunctively, and cuts the page: no I/O, a few milliseconds. */
  evaluate(query: IndexQuery): IndexAnswer {
    const words = wordsFor(this.capacity);
    const priced = this.priced.get(query.currency);
    const base = new Uint32Array(words);
    if (priced) base.set(priced.bits.subarray(0, words));
    andInto(base, this.alive);
    if (query.inStock) andInto(base, this.stock);
    if (query.categoryPath !== null) andInto(base, this.subtree(query.categoryPath));
    if (query.textMatches) andInto(base, query.textMatches.subarray(0, words) as Bits);

    // Every selected facet: the OR of its selected values.
    const selections = query.filters.map((filter) => {
      const bits = new Uint32Array(words);
      for (const value of filter.values) {
        const slot = this.slotOf.get(facetValueKey(filter.name, value));
        if (slot !== undefined) orInto(bits, this.slots[slot]!.bits);
      }
      return { name: filter.name, bits };
    });

    // The price range is one more selection, but neither counted nor a facet.
    let inRange: Bits | null = null;
    if (priced && (query.priceMin !== null || query.priceMax !== null)) {
      const min = query.priceMin ?? -Infinity;
      const max = query.priceMax ?? Infinity;
      const range = new Uint32Array(words);
      forEachSet(base, (o) => {
        const amount = priced.amounts[o]!;
        if (amount >= min && amount <= max) put(range, o, true);
      });
      inRange = range;
    }

    const withoutPrice = base.slice();
    for (const s of selections) andInto(withoutPrice, s.bits);
    const matches = inRange ? andInto(withoutPrice.slice(), inRange) : withoutPrice;

    const counts = new Map<string, number>();
    const selectedNames = new Set(selections.map((s) => s.name));
    for (const facet of query.facets) {
      let scope = matches;
      if (selectedNames.has(facet)) {
        scope = base.slice();
        if (inRange) andInto(scope, inRange);
        for (const s of selections) if (s.name !== facet) andInto(scope, s.bits);
      }
      for (const slot of this.slotsByFacet.get(facet) ?? []) {
        const { value, bits } = this.slots[slot]!;
        const n = countAnd(scope, bits);
        if (n > 0) counts.set(facetValueKey(facet, value), n);
      }
    }

    let minPrice: number | null = null;
    let maxPrice: number | null = null;
    if (priced) {
      forEachSet(withoutPrice, (o) => {
        const amount = priced.amounts[o]!;
        if (minPrice === null || amount < minPrice) minPrice = amount;
        if (maxPrice === null || amount > maxPrice) maxPrice = amount;
      });
    }

    return {
      page: this.page(matches, query, priced?.amounts ?? null),
      total: count(matches),
      counts,
      minPrice,
      maxPrice,
      nextChangeMillis: this.earliestChange(base, selections, inRange !== null, withoutPrice),
    };
  }

  /**
   * The earliest next price change among the products whose price can move the answer: the
   * matches without the price range (their prices are the bounds, the page order and, with a
   * range, who is in it) and, with a range, those missing at most one facet selection (a price
   * change moves them in or out of a disjunctive count).
   */
  private earliestChange(
    base: Bits,
    selections: Array<{ bits: Bits }>,
    ranged: boolean,
    withoutPrice: Bits,
  ): number | null {
    let scope = withoutPrice;
    if (ranged) {
      scope = withoutPrice.slice();
      for (let j = 0; j < selections.length; j++) {
        const others = base.slice();
        for (let i = 0; i < selections.length; i++)
          if (i !== j) andInto(others, selections[i]!.bits);
        orInto(scope, others);
      }
    }
    let earliest: number | null = null;
    forEachSet(scope, (o) => {
      const at = this.nextChange[o]!;
      if (!Number.isNaN(at) && (earliest === null || at < earliest)) earliest = at;
    });
    return earliest;
  }

  /** The first `first + 1` matches after the cursor in the sort order (a bounded insertion). */
  private page(matches: Bits, query: IndexQuery, amounts: Int32Array | null) {
    const keyOf = (o: number): number => {
      switch (query.sort) {
        case 'RELEVANCE':
          return query.ranks ? query.ranks[o]! : 0;
        case 'PRICE_ASC':
        case 'PRICE_DESC':
          return amounts ? amounts[o]! : 0;
        case 'NEWEST':
          return this.published[o]!;
      }
    };
    // RELEVANCE: rank desc, id asc. PRICE_ASC: amount asc, id asc. Others: key desc, id desc.
    const keyDescending = query.sort !== 'PRICE_ASC';
    const idDescending = query.sort === 'PRICE_DESC' || query.sort === 'NEWEST';
    const before = (ka: number, ia: string, kb: number, ib: string) =>
      ka !== kb ? (keyDescending ? ka > kb : ka < kb) : idDescending ? ia > ib : ia < ib;
    const after = query.after;
    const limit = query.first + 1;
    const best: Array<{ id: string; key: number }> = [];
    forEachSet(matches, (o) => {
      const id = this.ids[o]!;
      const k = keyOf(o);
      if (after && !before(after.key as number, after.id, k, id)) return;
      if (best.length === limit) {
        const worst = best[limit - 1]!;
        if (!before(k, id, worst.key, worst.id)) return;
        best.pop();
      }
      let i = best.length;
      while (i > 0 && before(k, id, best[i - 1]!.key, best[i - 1]!.id)) i--;
      best.splice(i, 0, { id, key: k });
    });
    return best;
  }

  private subtree(prefix: string): Bits {
    let bits = this.subtrees.get(prefix);
    if (!bits) {
      bits = new Uint32Array(wordsFor(this.capacity));
      for (let o = 0; o < this.size; o++) {
        if (this.paths[o]?.startsWith(prefix)) put(bits, o, true);
      }
      // Category trees are small; a cap keeps a crawler of every slug from growing it forever.
      if (this.subtrees.size >= 1_000) this.subtrees.clear();
      this.subtrees.set(prefix, bits);
    }
    return bits;
  }

  private clearFacets(ordinal: number) {
    for (const slot of this.facetsOf[ordinal] ?? []) put(this.slots[slot]!.bits, ordinal, false);
  }

  /** The slot of a facet value, made on first sight. */
  private slot(facet: string, value: string): number {
    const key = facetValueKey(facet, value);
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      slot = this.slots.length;
      this.slots.push({ facet, value, bits: new Uint32Array(wordsFor(this.capacity)) });
      this.slotOf.set(key, slot);
      const ofFacet = this.slotsByFacet.get(facet) ?? [];
      ofFacet.push(slot);
      this.slotsByFacet.set(facet, ofFacet);
    }
    return slot;
  }

  private bitsColumn() {
    return {
      bits: new Uint32Array(wordsFor(this.capacity)),
      amounts: new Int32Array(this.capacity),
    };
  }

  private grow(capacity: number) {
    const words = wordsFor(capacity);
    const widen = (bits: Bits) => {
      const wider = new Uint32Array(words);
      wider.set(bits);
      return wider;
    };
    this.alive = widen(this.alive);
    this.stock = widen(this.stock);
    for (const slot of this.slots) slot.bits = widen(slot.bits);
    for (const [k, bits] of this.subtrees) this.subtrees.set(k, widen(bits));
    for (const column of this.priced.values()) {
      column.bits = widen(column.bits);
      const amounts = new Int32Array(capacity);
      amounts.set(column.amounts);
      column.amounts = amounts;
    }
    const published = new Float64Array(capacity);
    published.set(this.published);
    this.published = published;
    const nextChange = new Float64Array(capacity);
    nextChange.set(this.nextChange);
    this.nextChange = nextChange;
    this.capacity = capacity;
  }

  /** True when the product's slot is set in `bits` (tests and text matching). */
  static has(bits: Bits, ordinal: number): boolean {
    return has(bits, ordinal);
  }
}
