/** What the storefront keeps in this browser: the cart's id and the keys of guest orders. */
import { CartDocument, CreateCartDocument } from '@commerce-graph/client';
import { api, type Cart } from './api.ts';

const CART_KEY = 'storefront.cartId';
const ORDER_KEYS = 'storefront.orderKeys';

/** The shopper's cart, or null when none was started (or it is gone or checked out). */
export async function currentCart(): Promise<Cart | null> {
  const id = localStorage.getItem(CART_KEY);
  if (!id) return null;
  const { cart } = await api.request(CartDocument, { id });
  if (!cart || cart.status !== 'ACTIVE') return null;
  return cart;
}

/** The shopper's cart, started on first use. */
export async function ensureCart(): Promise<Cart> {
  const existing = await currentCart();
  if (existing) return existing;
  const { createCart } = await api.request(CreateCartDocument);
  localStorage.setItem(CART_KEY, createCart.id);
  return createCart;
}

/** After an order is placed and paid, the next purchase starts a new cart. */
export function forgetCart(): void {
  localStorage.removeItem(CART_KEY);
}

/** A guest order opens only with the access key `placeOrder` answered. */
export function rememberOrderKey(orderId: string, accessKey: string): void {
  localStorage.setItem(ORDER_KEYS, JSON.stringify({ ...orderKeys(), [orderId]: accessKey }));
}

export function orderKey(orderId: string): string | undefined {
  return orderKeys()[orderId];
}

function orderKeys(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(ORDER_KEYS) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** Shows the cart's unit count in the header. */
export function showCartCount(cart: Cart | null): void {
  document.getElementById('cart-count')!.textContent = String(cart?.totalQuantity ?? 0);
}
