/** The storefront's entry: a hash router over the five pages. */
import { errorMessage } from './api.ts';
import { h, notify, show } from './dom.ts';
import { renderCart } from './pages/cart.ts';
import { renderCheckout } from './pages/checkout.ts';
import { renderListing } from './pages/listing.ts';
import { renderOrder } from './pages/order.ts';
import { renderProduct } from './pages/product.ts';
import { currentCart, showCartCount } from './session.ts';

let navigation = 0;

async function route(): Promise<void> {
  const current = ++navigation;
  const isCurrent = () => current === navigation;
  const [path = '', search = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const [, page, id] = path.split('/');
  document.body.dataset.page = page || 'listing';
  document.body.dataset.loading = 'true';
  try {
    if (!page) await renderListing(params);
    else if (page === 'product' && id) await renderProduct(decodeURIComponent(id));
    else if (page === 'cart') await renderCart();
    else if (page === 'checkout') await renderCheckout();
    else if (page === 'order' && id) await renderOrder(id, isCurrent);
    else
      show(h('p', { class: 'empty' }, 'No such page.'), h('a', { href: '#/' }, 'Back to the shop'));
  } catch (error) {
    if (!isCurrent()) return;
    notify(`Something went wrong: ${errorMessage(error)}`);
  } finally {
    // Tests (and anyone curious) can tell the page of this hash has been drawn.
    if (isCurrent()) {
      delete document.body.dataset.loading;
      document.body.dataset.rendered = location.hash || '#/';
    }
  }
}

window.addEventListener('hashchange', () => {
  notify(null);
  void route();
});
void route();
void currentCart().then(showCartCount, () => undefined);
