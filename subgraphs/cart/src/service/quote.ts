import type { CartQuote } from '@commerce-graph/kit';
import type { CartRow } from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import type { CartService } from './cart-lines.ts';
import { MAX_CART_AMOUNT, allocateDiscount, cartTooLarge, subtotalOf } from './pricing.ts';

/**
 * The cart's side of checkout's totals: what the cart sells now and at what price, the
 * discount and how it falls on each line, the addresses. Checkout adds shipping and tax from
 * its own tables (kit `cart-quote.ts` is the contract), so the rules for those live there and
 * the cart never needs to know a rate.
 */
export class CartQuoteService {
  constructor(private readonly carts: CartService) {}

  /**
   * `Cart.checkoutQuote`: the live priced lines (one products call for prices and tax classes,
   * the same one `Cart.lines` uses), each with its share of the discount. A cart whose live
   * prices passed the cap answers CART_TOTAL_TOO_LARGE, as `subtotal` does.
   */
  async checkoutQuote(loaders: Loaders, cart: CartRow): Promise<CartQuote> {
    const { available, unavailable } = await this.carts.linesOf(loaders, cart);
    const subtotal = subtotalOf(available);
    if (subtotal > MAX_CART_AMOUNT) throw cartTooLarge(cart.id);
    const [{ amount: discount, eligible }, discountCode] = await Promise.all([
      this.carts.discountOn(loaders, cart, available),
      cart.discountCodeId
        ? loaders.discountCodeById.load(cart.discountCodeId).then((code) => code?.code ?? null)
        : null,
    ]);
    // Only the lines the code applies to share it (a category-scoped code), pro rata.
    const shares = allocateDiscount(
      discount,
      available.map((priced) =>
        eligible.includes(priced) ? priced.unitPrice * priced.line.quantity : 0,
      ),
    );
    return {
      cartId: cart.id,
      currencyCode: cart.currency,
      lines: available.map(({ line, unitPrice, taxClass }, i) => ({
        lineId: line.id,
        variantId: line.variantId,
        quantity: line.quantity,
        unitPrice,
        lineTotal: unitPrice * line.quantity,
        discount: shares[i]!,
        taxClass,
      })),
      subtotal,
      discount,
      discountCode,
      shippingAddress: cart.shippingAddress,
      billingAddress: cart.billingAddress,
      hasUnavailableLines: unavailable.length > 0,
    };
  }
}
