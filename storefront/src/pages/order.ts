/** `#/order/<id>`: the placed order, polled until its payment settles (PAID once captured). */
import { OrderDocument } from '@commerce-graph/client';
import { api, type Order } from '../api.ts';
import { formatMoney, h, show } from '../dom.ts';
import { orderKey } from '../session.ts';

/** Statuses after which the order no longer changes by itself. */
const SETTLED = new Set(['PAID', 'FULFILLED', 'CANCELLED', 'PAYMENT_FAILED', 'REFUNDED']);
const POLL_MS = 1000;

/** Renders the order and polls while `isCurrent()` (the shopper is still on this page). */
export async function renderOrder(id: string, isCurrent: () => boolean): Promise<void> {
  const key = orderKey(id);
  for (;;) {
    const { order } = await api.request(OrderDocument, { id, accessKey: key ?? null });
    if (!isCurrent()) return;
    if (!order) {
      show(h('p', { class: 'empty' }, 'No order to show: it was placed in another browser.'));
      return;
    }
    show(orderView(order));
    if (SETTLED.has(order.status)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!isCurrent()) return;
  }
}

function orderView(order: Order): HTMLElement {
  const paid = order.status === 'PAID' || order.status === 'FULFILLED';
  return h(
    'article',
    { class: 'order', 'data-test': 'order-page' },
    h('h1', {}, paid ? 'Thank you for your order' : 'Your order'),
    h(
      'p',
      {},
      'Order ',
      h('strong', { 'data-test': 'order-number' }, order.number),
      ' is ',
      h(
        'span',
        { class: `status ${order.status.toLowerCase()}`, 'data-test': 'order-status' },
        order.status,
      ),
      paid ? '' : h('span', { class: 'muted' }, ' (waiting for the payment to settle…)'),
    ),
    order.payment.refusalReason
      ? h('p', { class: 'error' }, `Payment: ${order.payment.refusalReason}`)
      : null,
    h(
      'table',
      { class: 'lines' },
      h(
        'tbody',
        {},
        ...order.lines.map((line) =>
          h(
            'tr',
            {},
            h('td', {}, line.variant?.product.name ?? 'A product no longer sold'),
            h('td', {}, `× ${line.quantity}`),
            h('td', {}, formatMoney(line.lineTotal)),
          ),
        ),
        h('tr', {}, h('th', {}, 'Shipping'), h('td'), h('td', {}, formatMoney(order.shipping))),
        h(
          'tr',
          {},
          h('th', {}, 'Total'),
          h('td'),
          h('td', { 'data-test': 'order-total' }, formatMoney(order.total)),
        ),
      ),
    ),
    order.email ? h('p', { class: 'muted' }, `A confirmation goes to ${order.email}.`) : null,
    h('a', { href: '#/' }, 'Continue shopping'),
  );
}
