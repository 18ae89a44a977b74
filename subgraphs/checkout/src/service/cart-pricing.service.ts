/**
 * Checkout's part of the Cart entity: the shipping methods for the cart's address, the shopper's
 * choice, and the totals with shipping and tax, computed from the cart's `checkoutQuote` (which
 * the gateway fetches from the cart for `@requires`).
 */
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { isUuid, type CartQuote } from '@commerce-graph/kit';
import type { CheckoutDb } from '../db/client.ts';
import { cartShippingSelections, orders } from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import { parseCartQuote, type Upstream } from '../upstream.ts';
import type { Caller } from './order.service.ts';
import {
  eligibleShippingMethods,
  priceCart,
  withinCap,
  type CartPricing,
  type EligibleShippingMethod,
} from './pricing.ts';

/**
 * A Cart as checkout's resolvers get it: the quote from the entity representation, or null for
 * a Cart that checkout answers itself (`setCartShippingMethod`), whose priced fields the gateway
 * then asks for through `_entities`, with the quote.
 */
export interface CheckoutCart {
  id: string;
  quote: CartQuote | null;
}

/** A shipping method priced for one cart, with the cart's currency. */
export type ShippingMethodView = EligibleShippingMethod & { currencyCode: string };

/** The loaders pricing reads through: the tables it needs, one statement per batch. */
export type PricingLoaders = Pick<
  Loaders,
  'shippingMethodsByCountry' | 'taxRatesByCountry' | 'shippingSelectionByCartId'
>;

type UserError<T extends string, Extra> = { __typename: T; code: string; message: string } & Extra;

export type SetCartShippingMethodResult =
  | { __typename: 'Cart'; id: string; quote: null }
  | UserError<'CartUnavailable', { cartId: string }>
  | UserError<'ShippingAddressRequired', { cartId: string }>
  | UserError<'ShippingMethodUnavailable', { methodCode: string; countryCode: string }>;

/** A cart's prices with its shipping methods: what `Cart.totals` shows and `placeOrder` charges. */
export interface PricedCart {
  eligible: EligibleShippingMethod[];
  pricing: CartPricing;
}

/**
 * Prices a quote from checkout's tables: the methods of its shipping country, the shopper's
 * stored choice (ignored while it does not ship there) and the country's VAT rates.
 */
export async function priceQuote(loaders: PricingLoaders, quote: CartQuote): Promise<PricedCart> {
  const country = quote.shippingAddress?.countryCode ?? null;
  const [methods, rates, selection] = await Promise.all([
    country ? loaders.shippingMethodsByCountry.load(country) : [],
    country ? loaders.taxRatesByCountry.load(country) : [],
    loaders.shippingSelectionByCartId.load(quote.cartId.toLowerCase()),
  ]);
  const eligible = eligibleShippingMethods(quote, methods);
  return { eligible, pricing: priceCart(quote, eligible, selection?.methodCode ?? null, rates) };
}

/** Longest shipping method code accepted: the seeded ones are short plain slugs. */
const MAX_METHOD_CODE = 100;

/** The Cart's shipping and totals, and the choice of a shipping method. */
export class CartPricingService {
  constructor(private readonly deps: { db: CheckoutDb; upstream: Upstream }) {}

  /** The cart of an entity representation, its `checkoutQuote` checked against the contract. */
  cartOf(ref: { id: string; checkoutQuote?: unknown }): CheckoutCart {
    return {
      id: ref.id,
      quote: ref.checkoutQuote === undefined ? null : parseCartQuote(ref.checkoutQuote, ref.id),
    };
  }

  async shippingMethods(
    loaders: PricingLoaders,
    cart: CheckoutCart,
  ): Promise<ShippingMethodView[]> {
    const quote = quoteOf(cart);
    const { eligible } = await priceQuote(loaders, quote);
    return eligible.map((method) => ({ ...method, currencyCode: quote.currencyCode }));
  }

  async shippingMethod(
    loaders: PricingLoaders,
    cart: CheckoutCart,
  ): Promise<ShippingMethodView | null> {
    const quote = quoteOf(cart);
    const { pricing } = await priceQuote(loaders, quote);
    return (
      pricing.shippingMethod && { ...pricing.shippingMethod, currencyCode: quote.currencyCode }
    );
  }

  async totals(loaders: PricingLoaders, cart: CheckoutCart): Promise<CartPricing> {
    return withinCap((await priceQuote(loaders, quoteOf(cart))).pricing, cart.id);
  }

  /**
   * Stores the shopper's shipping method for the cart, after reading the cart as the shopper
   * would (ownership is the cart's): it must be open, have a shipping address, and the method
   * must ship there in the cart's currency. A refusal stores nothing.
   */
  async setCartShippingMethod(
    loaders: PricingLoaders,
    caller: Caller,
    input: { cartId: string; code: string },
  ): Promise<SetCartShippingMethodResult> {
    const { db, upstream } = this.deps;
    const unavailable = (code: string, message: string): SetCartShippingMethodResult => ({
      __typename: 'CartUnavailable',
      code,
      message,
      cartId: input.cartId,
    });
    if (!isUuid(input.cartId)) return unavailable('CART_NOT_FOUND', 'No cart has this id');
    const cartId = input.cartId.toLowerCase();
    const cart = await upstream.fetchCart(cartId, caller.identity);
    if (!cart) return unavailable('CART_NOT_FOUND', 'No cart has this id');
    if (cart.status === 'MERGED') {
      return unavailable('CART_CLOSED', "This cart was merged into the customer's cart");
    }
    // The cart learns of orders by event: checkout's own orders are the truth.
    const [live] = await db
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(eq(orders.cartId, cartId), notInArray(orders.status, ['PAYMENT_FAILED', 'CANCELLED'])),
      );
    if (cart.status === 'CHECKED_OUT' || live) {
      return unavailable('CART_ALREADY_ORDERED', 'This cart has already been ordered');
    }
    const { quote } = cart;
    const country = quote.shippingAddress?.countryCode;
    if (!country) {
      return {
        __typename: 'ShippingAddressRequired',
        code: 'SHIPPING_ADDRESS_REQUIRED',
        message: 'Set the shipping address first: the shipping methods depend on it',
        cartId: input.cartId,
      };
    }
    const code = input.code.trim();
    const { eligible } = await priceQuote(loaders, quote);
    if (code.length > MAX_METHOD_CODE || !eligible.some((method) => method.code === code)) {
      return {
        __typename: 'ShippingMethodUnavailable',
        code: 'SHIPPING_METHOD_UNAVAILABLE',
        message: `No shipping method "${code.slice(0, MAX_METHOD_CODE)}" ships to ${country} in ${quote.currencyCode}; choose one of the cart's shippingMethods`,
        methodCode: input.code.slice(0, MAX_METHOD_CODE),
        countryCode: country,
      };
    }
    await db
      .insert(cartShippingSelections)
      .values({ cartId, methodCode: code })
      .onConflictDoUpdate({
        target: cartShippingSelections.cartId,
        set: { methodCode: code, updatedAt: sql`now()` },
      });
    // Fresh for the rest of this request, should it read the cart's totals through checkout.
    loaders.shippingSelectionByCartId.clear(cartId);
    return { __typename: 'Cart', id: cart.id, quote: null };
  }
}

/** The quote of a Cart whose priced fields are asked for: the gateway always sends it. */
function quoteOf(cart: CheckoutCart): CartQuote {
  if (!cart.quote) {
    throw new Error(`Cart ${cart.id}: priced fields need its checkoutQuote (@requires)`);
  }
  return cart.quote;
}
