/** `#/cart`: the lines with their quantities, and the totals the server computed. */
import { UpdateCartLineDocument } from '@commerce-graph/client';
import { api, isCart, type Cart } from '../api.ts';
import { formatMoney, h, notify, show } from '../dom.ts';
import { currentCart, showCartCount } from '../session.ts';

export async function renderCart(): Promise<void> {
  const cart = await currentCart();
  showCartCount(cart);
  if (!cart || cart.lines.length === 0) {
    show(
      h('h1', {}, 'Your cart'),
      h('p', { class: 'empty', 'data-test': 'cart-empty' }, 'Your cart is empty.'),
      h('a', { href: '#/' }, 'Continue shopping'),
    );
    return;
  }
  show(
    h('h1', {}, 'Your cart'),
    h(
      'table',
      { class: 'lines', 'data-test': 'cart-lines' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'Product'),
          h('th', {}, 'Price'),
          h('th', {}, 'Quantity'),
          h('th', {}, 'Total'),
        ),
      ),
      h('tbody', {}, ...cart.lines.map((line) => lineRow(cart, line))),
    ),
    totalsTable(cart),
    h(
      'p',
      { class: 'actions' },
      h('a', { href: '#/' }, 'Continue shopping'),
      h(
        'a',
        { href: '#/checkout', class: 'button primary', 'data-test': 'to-checkout' },
        'Checkout',
      ),
    ),
  );
}

function lineRow(cart: Cart, line: Cart['lines'][number]): HTMLElement {
  const change = async (quantity: number) => {
    const { updateCartLine } = await api.request(UpdateCartLineDocument, {
      cartId: cart.id,
      lineId: line.id,
      quantity,
    });
    notify(isCart(updateCartLine) ? null : updateCartLine.message);
    await renderCart();
  };
  const options = line.variant.options.map((o) => o.value).join(' / ');
  return h(
    'tr',
    { 'data-test': 'cart-line' },
    h(
      'td',
      {},
      h(
        'a',
        { href: `#/product/${encodeURIComponent(line.variant.product.slug)}` },
        line.variant.product.name,
      ),
      h('div', { class: 'muted' }, options || line.variant.sku),
    ),
    h('td', {}, formatMoney(line.unitPrice)),
    h(
      'td',
      {},
      h('input', {
        type: 'number',
        min: '0',
        max: '99',
        value: String(line.quantity),
        'aria-label': `Quantity of ${line.variant.product.name}`,
        'data-test': 'line-quantity',
        onchange: (event: Event) => void change(Number((event.target as HTMLInputElement).value)),
      }),
      h('button', { type: 'button', class: 'link', onclick: () => void change(0) }, 'Remove'),
    ),
    h('td', { 'data-test': 'line-total' }, formatMoney(line.lineTotal)),
  );
}

/** Subtotal, discount, shipping, tax and total, as `Cart.totals` answers them. */
export function totalsTable(cart: Cart): HTMLElement {
  const { totals } = cart;
  const row = (label: string, value: string, test?: string) =>
    h('tr', {}, h('th', {}, label), h('td', { 'data-test': test }, value));
  return h(
    'table',
    { class: 'totals' },
    h(
      'tbody',
      {},
      row('Subtotal', formatMoney(totals.subtotal), 'subtotal'),
      totals.discount.amount > 0 ? row('Discount', `−${formatMoney(totals.discount)}`) : null,
      row('Shipping', totals.shipping ? formatMoney(totals.shipping) : 'chosen at checkout'),
      totals.tax
        ? row(totals.taxIncluded ? 'Tax (included)' : 'Tax', formatMoney(totals.tax))
        : null,
      row('Total', formatMoney(totals.total), 'total'),
    ),
  );
}
