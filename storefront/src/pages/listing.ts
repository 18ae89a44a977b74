/** `#/`: search box, facets with their counts, and the matching products. */
import { CategoryPageDocument } from '@commerce-graph/client';
import { api, type Facet, type ProductSummary } from '../api.ts';
import { formatMoney, h, show } from '../dom.ts';

/** The listing's state, kept in the hash so that a filtered listing can be linked and reloaded. */
interface ListingQuery {
  query: string;
  /** Facet name -> selected value codes. */
  filters: Map<string, string[]>;
  inStock: boolean;
}

function readQuery(params: URLSearchParams): ListingQuery {
  const filters = new Map<string, string[]>();
  for (const pair of params.getAll('f')) {
    const [name, value] = pair.split(':');
    if (!name || !value) continue;
    filters.set(name, [...(filters.get(name) ?? []), value]);
  }
  return { query: params.get('q') ?? '', filters, inStock: params.get('stock') === '1' };
}

function hrefOf(state: ListingQuery): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const [name, values] of state.filters)
    for (const v of values) params.append('f', `${name}:${v}`);
  if (state.inStock) params.set('stock', '1');
  const search = params.toString();
  return search ? `#/?${search}` : '#/';
}

export async function renderListing(params: URLSearchParams): Promise<void> {
  const state = readQuery(params);
  const { search } = await api.request(CategoryPageDocument, {
    query: state.query || null,
    filters: [...state.filters].map(([name, values]) => ({ name, values })),
    inStock: state.inStock || null,
  });

  const box = h('input', {
    type: 'search',
    name: 'q',
    placeholder: 'Search products',
    value: state.query,
    'aria-label': 'Search products',
    'data-test': 'search-input',
  });
  const form = h(
    'form',
    {
      class: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        location.hash = hrefOf({ ...state, query: box.value.trim() });
      },
    },
    box,
    h('button', { type: 'submit', 'data-test': 'search-submit' }, 'Search'),
  );

  const stockToggle = h(
    'label',
    { class: 'facet-value' },
    h('input', {
      type: 'checkbox',
      checked: state.inStock,
      'data-test': 'in-stock',
      onchange: () => (location.hash = hrefOf({ ...state, inStock: !state.inStock })),
    }),
    ' In stock only',
  );

  const results = search.products.edges.map((edge) => productCard(edge.node));
  show(
    form,
    h(
      'div',
      { class: 'listing' },
      h(
        'aside',
        { class: 'facets', 'aria-label': 'Filters' },
        stockToggle,
        ...search.facets.map((facet) => facetGroup(facet, state)),
      ),
      h(
        'section',
        { class: 'results' },
        h(
          'p',
          { class: 'count', 'data-test': 'result-count' },
          `${search.products.totalCount} ${search.products.totalCount === 1 ? 'product' : 'products'}`,
          search.correctedQuery ? ` for "${search.correctedQuery}"` : '',
        ),
        results.length > 0
          ? h('ul', { class: 'grid' }, ...results)
          : h('p', { class: 'empty' }, 'Nothing matches these filters.'),
      ),
    ),
  );
}

function facetGroup(facet: Facet, state: ListingQuery): HTMLElement {
  const toggle = (value: string) => {
    const filters = new Map(state.filters);
    const selected = filters.get(facet.name) ?? [];
    const next = selected.includes(value)
      ? selected.filter((v) => v !== value)
      : [...selected, value];
    if (next.length > 0) filters.set(facet.name, next);
    else filters.delete(facet.name);
    location.hash = hrefOf({ ...state, filters });
  };
  return h(
    'fieldset',
    { class: 'facet', 'data-facet': facet.name },
    h('legend', {}, facet.label),
    ...facet.values.map((value) =>
      h(
        'label',
        { class: value.count === 0 && !value.selected ? 'facet-value none' : 'facet-value' },
        h('input', {
          type: 'checkbox',
          checked: value.selected,
          'data-test': `facet-${facet.name}-${value.value}`,
          onchange: () => toggle(value.value),
        }),
        ` ${value.label} `,
        h('span', { class: 'facet-count', 'data-test': 'facet-count' }, value.count),
      ),
    ),
  );
}

function productCard(product: ProductSummary): HTMLElement {
  const prices = product.variants.map((v) => v.price);
  const lowest = prices.reduce<(typeof prices)[number] | undefined>(
    (low, p) => (low === undefined || p.amount < low.amount ? p : low),
    undefined,
  );
  const inStock = product.variants.some((v) => v.availability.inStock);
  return h(
    'li',
    { class: 'card', 'data-test': 'product-card' },
    h(
      'a',
      { href: `#/product/${encodeURIComponent(product.slug)}`, 'data-test': 'product-link' },
      swatch(product.name),
      h('span', { class: 'name' }, product.name),
      h(
        'span',
        { class: 'price' },
        lowest ? `${prices.length > 1 ? 'from ' : ''}${formatMoney(lowest)}` : '',
      ),
      h('span', { class: inStock ? 'stock in' : 'stock out' }, inStock ? 'In stock' : 'Sold out'),
    ),
  );
}

/** A coloured tile in place of a photo: the demo catalog's image URLs point nowhere. */
export function swatch(name: string): HTMLElement {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const tile = h('span', { class: 'swatch', 'aria-hidden': 'true' }, name.slice(0, 1));
  // Through the CSSOM, which the page's CSP allows; a style attribute it would refuse.
  tile.style.setProperty('--hue', String(hash % 360));
  return tile;
}
