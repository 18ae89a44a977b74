/** `#/product/<slug>`: the variants with their price and stock, and "add to cart". */
import { AddCartLineDocument, ProductPageDocument } from '@commerce-graph/client';
import { api, isCart, type Variant } from '../api.ts';
import { formatMoney, h, notify, show } from '../dom.ts';
import { ensureCart, showCartCount } from '../session.ts';
import { swatch } from './listing.ts';

export async function renderProduct(slug: string): Promise<void> {
  const { product } = await api.request(ProductPageDocument, { slug });
  if (!product) {
    show(
      h('p', { class: 'empty' }, 'This product is not for sale.'),
      h('a', { href: '#/' }, 'Back to the shop'),
    );
    return;
  }
  let selected = product.variants.find((v) => v.availability.inStock) ?? product.variants[0];

  const price = h('p', { class: 'price big', 'data-test': 'product-price' });
  const stock = h('p', { class: 'stock', 'data-test': 'product-stock' });
  const quantity = h('input', {
    type: 'number',
    min: '1',
    max: '99',
    value: '1',
    'aria-label': 'Quantity',
    'data-test': 'quantity',
  });
  const add = h(
    'button',
    { type: 'submit', class: 'primary', 'data-test': 'add-to-cart' },
    'Add to cart',
  );
  const update = () => {
    if (!selected) return;
    price.replaceChildren(
      formatMoney(selected.price),
      selected.compareAtPrice && selected.compareAtPrice.amount > selected.price.amount
        ? h('s', { class: 'was' }, formatMoney(selected.compareAtPrice))
        : '',
    );
    stock.textContent = stockText(selected);
    stock.className = selected.availability.inStock ? 'stock in' : 'stock out';
    add.disabled = !selected.availability.inStock;
  };

  const variants = h(
    'fieldset',
    { class: 'variants' },
    h('legend', {}, 'Variant'),
    ...product.variants.map((variant) =>
      h(
        'label',
        { class: 'variant' },
        h('input', {
          type: 'radio',
          name: 'variant',
          value: variant.id,
          checked: variant === selected,
          'data-test': `variant-${variant.sku}`,
          onchange: () => {
            selected = variant;
            update();
          },
        }),
        ` ${variantLabel(variant)} `,
        h('span', { class: 'muted' }, formatMoney(variant.price)),
      ),
    ),
  );

  const form = h(
    'form',
    {
      class: 'buy',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        if (!selected) return;
        add.disabled = true;
        try {
          const cart = await ensureCart();
          const { addCartLine } = await api.request(AddCartLineDocument, {
            cartId: cart.id,
            variantId: selected.id,
            quantity: Number(quantity.value) || 1,
          });
          if (!isCart(addCartLine)) {
            notify(addCartLine.message);
            return;
          }
          showCartCount(addCartLine);
          notify(null);
          location.hash = '#/cart';
        } finally {
          add.disabled = false;
        }
      },
    },
    variants,
    h('label', { class: 'field' }, 'Quantity ', quantity),
    add,
  );

  update();
  show(
    h('a', { href: '#/', class: 'back' }, '← All products'),
    h(
      'article',
      { class: 'product', 'data-test': 'product-page' },
      swatch(product.name),
      h(
        'div',
        { class: 'details' },
        h('p', { class: 'muted' }, product.category.name),
        h('h1', { 'data-test': 'product-name' }, product.name),
        price,
        stock,
        h('p', { class: 'description' }, product.description),
        form,
      ),
    ),
  );
}

function variantLabel(variant: Variant): string {
  const options = variant.options.map((o) => o.value).join(' / ');
  return options || variant.sku;
}

function stockText(variant: Variant): string {
  const { availability } = variant;
  if (!availability.tracked) return 'Available';
  if (availability.available > 0) {
    return availability.available <= 5
      ? `Only ${availability.available} left`
      : `In stock (${availability.available} available)`;
  }
  return availability.backorderable ? 'On backorder: ships when restocked' : 'Out of stock';
}
