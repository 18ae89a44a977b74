/**
 * `#/checkout`: email, shipping address, shipping method and the card form; pays with
 * `placeOrder`, sending only the card's encrypted fields.
 */
import {
  PlaceOrderDocument,
  SetShippingAddressDocument,
  SetShippingMethodDocument,
} from '@commerce-graph/client';
import { api, isCart, isOrderPlaced, type Cart, type CartResult } from '../api.ts';
import { browserInfo, encryptCard, type CardInput } from '../card.ts';
import { formatMoney, h, notify, show } from '../dom.ts';
import { currentCart, forgetCart, rememberOrderKey, showCartCount } from '../session.ts';
import { totalsTable } from './cart.ts';

const COUNTRIES: Array<[string, string]> = [
  ['NL', 'Netherlands'],
  ['BE', 'Belgium'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['GB', 'United Kingdom'],
  ['US', 'United States'],
];

type Field = HTMLInputElement | HTMLSelectElement;

function field(label: string, input: Field, error?: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), input, error ?? null);
}

function input(name: string, props: Record<string, unknown> = {}): HTMLInputElement {
  return h('input', { name, 'data-test': name, required: true, ...props });
}

export async function renderCheckout(): Promise<void> {
  const loaded = await currentCart();
  if (!loaded || loaded.lines.length === 0) {
    location.hash = '#/cart';
    return;
  }
  let cart: Cart = loaded;
  // One key per purchase attempt: a retry after a lost answer gets the same order, never two.
  let idempotencyKey = crypto.randomUUID();

  const email = input('email', { type: 'email', autocomplete: 'email' });
  const address = {
    name: input('name', { autocomplete: 'name', value: cart.shippingAddress?.name ?? '' }),
    line1: input('line1', {
      autocomplete: 'address-line1',
      value: cart.shippingAddress?.line1 ?? '',
    }),
    postalCode: input('postalCode', { autocomplete: 'postal-code' }),
    city: input('city', {
      autocomplete: 'address-level2',
      value: cart.shippingAddress?.city ?? '',
    }),
    countryCode: h(
      'select',
      { name: 'countryCode', 'data-test': 'countryCode' },
      ...COUNTRIES.map(([code, name]) =>
        h(
          'option',
          { value: code, selected: code === (cart.shippingAddress?.countryCode ?? 'NL') },
          name,
        ),
      ),
    ),
  };
  const shipping = h('fieldset', { class: 'shipping', 'data-test': 'shipping-methods' });
  const summary = h('div', { class: 'summary' });
  const payButton = h('button', { type: 'submit', class: 'primary', 'data-test': 'pay' }, 'Pay');
  const paymentError = h('p', {
    class: 'error',
    'data-test': 'payment-error',
    role: 'alert',
    hidden: true,
  });

  const refresh = (next: Cart) => {
    cart = next;
    showCartCount(cart);
    renderShipping();
    summary.replaceChildren(h('h2', {}, 'Summary'), totalsTable(cart));
    const ready = cart.shippingAddress !== null && cart.shippingMethod !== null;
    payButton.disabled = !ready;
    payButton.textContent = ready ? `Pay ${formatMoney(cart.totals.total)}` : 'Pay';
  };

  /** A typed refusal of a cart mutation becomes the notice; a cart is shown. */
  const applied = (result: CartResult): Cart | null => {
    if (isCart(result)) {
      notify(null);
      return result;
    }
    notify(result.message);
    return null;
  };

  const chooseMethod = async (code: string) => {
    const { setCartShippingMethod } = await api.request(SetShippingMethodDocument, {
      cartId: cart.id,
      code,
    });
    const next = applied(setCartShippingMethod);
    if (next) refresh(next);
  };

  const renderShipping = () => {
    const methods = cart.shippingMethods;
    shipping.replaceChildren(
      h('legend', {}, 'Shipping method'),
      ...(cart.shippingAddress === null
        ? [h('p', { class: 'muted' }, 'Save the address to see how it can ship.')]
        : methods.length === 0
          ? [h('p', { class: 'error' }, 'We do not ship to this address.')]
          : methods.map((method) =>
              h(
                'label',
                { class: 'variant' },
                h('input', {
                  type: 'radio',
                  name: 'shippingMethod',
                  value: method.code,
                  checked: cart.shippingMethod?.code === method.code,
                  'data-test': `shipping-${method.code}`,
                  onchange: () => void chooseMethod(method.code),
                }),
                ` ${method.name} (${method.minDays}–${method.maxDays} days) `,
                h('span', { class: 'muted' }, formatMoney(method.price)),
              ),
            )),
    );
  };

  const addressForm = h(
    'form',
    {
      class: 'address',
      'data-test': 'address-form',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const { setCartShippingAddress } = await api.request(SetShippingAddressDocument, {
          cartId: cart.id,
          address: {
            name: address.name.value,
            line1: address.line1.value,
            postalCode: address.postalCode.value || null,
            city: address.city.value,
            countryCode: address.countryCode.value,
          },
        });
        const next = applied(setCartShippingAddress);
        if (!next) return;
        refresh(next);
        // The cheapest method that ships there, unless the shopper's choice still does.
        const chosen = next.shippingMethods.some((m) => m.code === next.shippingMethod?.code);
        const cheapest = [...next.shippingMethods].sort(
          (a, b) => a.price.amount - b.price.amount,
        )[0];
        if (!chosen && cheapest) await chooseMethod(cheapest.code);
      },
    },
    h('h2', {}, 'Contact and shipping address'),
    field('Email', email),
    field('Full name', address.name),
    field('Street and number', address.line1),
    h(
      'div',
      { class: 'row' },
      field('Postal code', address.postalCode),
      field('City', address.city),
    ),
    field('Country', address.countryCode),
    h('button', { type: 'submit', 'data-test': 'save-address' }, 'Save address'),
  );

  const card = {
    number: input('cardNumber', {
      inputmode: 'numeric',
      autocomplete: 'cc-number',
      placeholder: '1234 5678 9012 3456',
    }),
    expiry: input('expiry', { autocomplete: 'cc-exp', placeholder: 'MM/YY' }),
    cvc: input('cvc', { inputmode: 'numeric', autocomplete: 'cc-csc', placeholder: '123' }),
    holderName: input('holderName', { autocomplete: 'cc-name' }),
  };
  const cardErrors = {
    number: h('span', { class: 'field-error' }),
    expiry: h('span', { class: 'field-error' }),
    cvc: h('span', { class: 'field-error' }),
    holderName: h('span', { class: 'field-error' }),
  };

  const pay = async (event: Event) => {
    event.preventDefault();
    paymentError.hidden = true;
    if (!email.reportValidity()) return;
    const reading = encryptCard({
      number: card.number.value,
      expiry: card.expiry.value,
      cvc: card.cvc.value,
      holderName: card.holderName.value,
    });
    for (const key of Object.keys(cardErrors) as Array<keyof CardInput>) {
      cardErrors[key].textContent = reading.ok ? '' : (reading.errors[key] ?? '');
    }
    if (!reading.ok) return;

    payButton.disabled = true;
    try {
      const { placeOrder } = await api.request(PlaceOrderDocument, {
        input: {
          cartId: cart.id,
          idempotencyKey,
          expectedTotal: cart.totals.total.amount,
          email: email.value,
          paymentMethod: reading.paymentMethod,
          browserInfo: browserInfo(),
        },
      });
      if (!isOrderPlaced(placeOrder)) {
        showPaymentError(`The order was not placed: ${placeOrder.message}`);
        return;
      }
      const { payment, order } = placeOrder;
      if (payment.status === 'REFUSED' || payment.status === 'ERROR') {
        // That key placed this (failed) order; another card is another attempt. The cart opens
        // again once checkout has released the order.
        idempotencyKey = crypto.randomUUID();
        showPaymentError(
          `Payment refused: ${payment.refusalReason ?? payment.resultCode ?? payment.status}. ` +
            'Try another card.',
        );
        return;
      }
      if (placeOrder.action) {
        showPaymentError(
          'This card asks for 3-D Secure authentication, which this storefront does not support yet.',
        );
        return;
      }
      if (placeOrder.accessKey) rememberOrderKey(order.id, placeOrder.accessKey);
      forgetCart();
      showCartCount(null);
      location.hash = `#/order/${order.id}`;
    } finally {
      payButton.disabled = false;
    }
  };

  const showPaymentError = (message: string) => {
    paymentError.textContent = message;
    paymentError.hidden = false;
  };

  const paymentForm = h(
    'form',
    { class: 'payment', 'data-test': 'payment-form', onsubmit: pay, novalidate: true },
    h('h2', {}, 'Payment'),
    h(
      'p',
      { class: 'muted' },
      'Card details are encrypted in your browser; the shop never sees your card number.',
    ),
    field('Card number', card.number, cardErrors.number),
    h(
      'div',
      { class: 'row' },
      field('Expiry date', card.expiry, cardErrors.expiry),
      field('Security code', card.cvc, cardErrors.cvc),
    ),
    field('Name on card', card.holderName, cardErrors.holderName),
    paymentError,
    payButton,
  );

  refresh(cart);
  show(
    h('h1', {}, 'Checkout'),
    h('div', { class: 'checkout' }, h('div', {}, addressForm, shipping, paymentForm), summary),
  );
}
