import { parsePostalAddress, type Actor, type PostalAddress } from '@commerce-graph/kit';
import type { CartAddressInput } from '../__generated__/resolvers-types.ts';
import type { Loaders } from '../loaders.ts';
import { canonicalId, type CartService } from './cart-lines.ts';
import { refuse, type CartResult } from './refusals.ts';

/**
 * A cart's shipping and billing addresses: validated and normalised per country by the kit's
 * `parsePostalAddress` (the rules identity's address book uses too), stored on the cart row
 * under its lock, like any other change, so a checked-out cart's addresses never change.
 */
export class CartAddressService {
  constructor(private readonly carts: CartService) {}

  /** Sets where the order goes; an address its country refuses writes nothing. */
  async setShippingAddress(
    loaders: Loaders,
    actor: Actor,
    input: { cartId: string; address: CartAddressInput },
  ): Promise<CartResult> {
    return this.setAddress(loaders, actor, input.cartId, 'shippingAddress', input.address);
  }

  /** Sets where the invoice goes; null clears it (the shipping address is billed). */
  async setBillingAddress(
    loaders: Loaders,
    actor: Actor,
    input: { cartId: string; address?: CartAddressInput | null },
  ): Promise<CartResult> {
    return this.setAddress(loaders, actor, input.cartId, 'billingAddress', input.address ?? null);
  }

  private async setAddress(
    loaders: Loaders,
    actor: Actor,
    id: string,
    column: 'shippingAddress' | 'billingAddress',
    input: CartAddressInput | null,
  ): Promise<CartResult> {
    const cartId = canonicalId(id);
    if (!cartId) return refuse.cartNotFound(id);
    // Checked before the transaction, as quantities are: a bad address never locks the cart.
    let address: PostalAddress | null = null;
    if (input !== null) {
      const parsed = parsePostalAddress(input);
      if (!parsed.ok) return refuse.invalidAddress(parsed.problem);
      address = parsed.value;
    }
    return this.carts.changeCart(loaders, actor, cartId, async () => ({ [column]: address }));
  }
}
