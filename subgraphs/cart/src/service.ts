import { and, eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { isUuid, type Actor } from '@commerce-graph/kit';
import type { Money, ResolversParentTypes } from './__generated__/resolvers-types.ts';
import type { CartDb } from './db/client.ts';
import { cartLines, carts, type CartLineRow, type CartRow } from './db/schema.ts';
import type { Loaders } from './loaders.ts';

/** Smallest quantity a line holds; updating a line to 0 removes it instead. */
export const MIN_LINE_QUANTITY = 1;
/** Largest quantity of one line (the `cart_lines_quantity_range` check says the same). */
export const MAX_LINE_QUANTITY = 99;
/** Most distinct variants one cart holds. */
export const MAX_CART_LINES = 50;

/** What a cart change returns: the changed cart, or why nothing was changed (SDL `CartResult`). */
export type CartResult = ResolversParentTypes['CartResult'];
type Refusal = Exclude<CartResult, { __typename: 'Cart' }>;
/** Cart columns a successful change sets besides `updated_at`. */
type CartChanges = Partial<Pick<CartRow, 'currency' | 'customerId'>>;
type CartTx = Parameters<Parameters<CartDb['transaction']>[0]>[0];

/** A line whose variant the catalog no longer sells (SDL `UnavailableCartLine`). */
export interface UnavailableLine {
  id: string;
  variantId: string;
  quantity: number;
}

/** What a `checkout.order.placed` delivery did to its cart. */
export type CheckoutOutcome =
  'checked-out' | 'already-checked-out' | 'other-order' | 'unknown-cart';

/** The canonical (lower-case) form of an id, or null when it is not a UUID and matches nothing. */
function canonicalId(value: string): string | null {
  return isUuid(value) ? value.toLowerCase() : null;
}

/** A guest cart is anyone's who holds its id; a customer's cart is that customer's alone. */
const reaches = (actor: Actor, cart: CartRow) =>
  cart.customerId === null ||
  (actor.kind === 'customer' && actor.customerId.toLowerCase() === cart.customerId);

const isLineQuantity = (quantity: number) =>
  Number.isInteger(quantity) && quantity >= MIN_LINE_QUANTITY && quantity <= MAX_LINE_QUANTITY;

const refuse = {
  cartNotFound: (cartId: string): Refusal => ({
    __typename: 'CartNotFound',
    code: 'CART_NOT_FOUND',
    message: `No cart has the id "${cartId}".`,
    cartId,
  }),
  lineNotFound: (cartId: string, lineId: string): Refusal => ({
    __typename: 'CartLineNotFound',
    code: 'CART_LINE_NOT_FOUND',
    message: `Cart ${cartId} has no line "${lineId}".`,
    cartId,
    lineId,
  }),
  variantNotFound: (variantId: string): Refusal => ({
    __typename: 'VariantNotFound',
    code: 'VARIANT_NOT_FOUND',
    message: `The catalog has no variant "${variantId}".`,
    variantId,
  }),
  invalidQuantity: (requested: number): Refusal => ({
    __typename: 'InvalidQuantity',
    code: 'INVALID_QUANTITY',
    message: `A line holds ${MIN_LINE_QUANTITY} to ${MAX_LINE_QUANTITY} units, not ${requested}.`,
    min: MIN_LINE_QUANTITY,
    max: MAX_LINE_QUANTITY,
    requested,
  }),
  cartClosed: (cartId: string): Refusal => ({
    __typename: 'CartClosed',
    code: 'CART_CLOSED',
    message: `Cart ${cartId} was checked out and can no longer change.`,
    cartId,
  }),
  currencyMismatch: (cartCurrency: string, variantCurrency: string): Refusal => ({
    __typename: 'CurrencyMismatch',
    code: 'CURRENCY_MISMATCH',
    message: `The cart is in ${cartCurrency}; this variant is priced in ${variantCurrency}.`,
    cartCurrency,
    variantCurrency,
  }),
  cartLimitExceeded: (): Refusal => ({
    __typename: 'CartLimitExceeded',
    code: 'CART_LIMIT_EXCEEDED',
    message: `A cart holds at most ${MAX_CART_LINES} different variants.`,
    maxLines: MAX_CART_LINES,
  }),
};

/** Cart rules: lines, quantities, limits and prices read from the catalog, never the client. */
export class CartService {
  constructor(private readonly db: CartDb) {}

  /** Starts an empty, active cart: the signed-in customer's, or a guest's. */
  async createCart(actor: Actor): Promise<CartRow> {
    const customerId = actor.kind === 'customer' ? canonicalId(actor.customerId) : null;
    const [row] = await this.db.insert(carts).values({ customerId }).returning();
    if (!row) throw new Error('insert into cart.carts returned no row');
    return row;
  }

  /** One cart by id; null for an unknown or malformed id, and for another customer's cart. */
  async findCart(loaders: Loaders, actor: Actor, id: string): Promise<CartRow | null> {
    const cartId = canonicalId(id);
    const cart = cartId ? await loaders.cartById.load(cartId) : null;
    return cart && reaches(actor, cart) ? cart : null;
  }

  /** Makes an active guest cart the signed-in customer's own (after login). */
  async claimCart(loaders: Loaders, actor: Actor, id: string): Promise<CartResult> {
    if (actor.kind !== 'customer') {
      return {
        __typename: 'SignInRequired',
        code: 'SIGN_IN_REQUIRED',
        message: 'Sign in to keep a cart in your account.',
      };
    }
    const cartId = canonicalId(id);
    const customerId = canonicalId(actor.customerId);
    if (!cartId || !customerId) return refuse.cartNotFound(id);
    return this.changeCart(loaders, actor, cartId, async () => ({ customerId }));
  }

  /** Adds units of a variant, merging into the variant's line when the cart already has one. */
  async addCartLine(
    loaders: Loaders,
    actor: Actor,
    input: { cartId: string; variantId: string; quantity: number },
  ): Promise<CartResult> {
    const cartId = canonicalId(input.cartId);
    if (!cartId) return refuse.cartNotFound(input.cartId);
    if (!isLineQuantity(input.quantity)) return refuse.invalidQuantity(input.quantity);
    const variantId = canonicalId(input.variantId);
    // Read before the transaction: the cart row stays unlocked while products answers.
    const variant = variantId ? await loaders.variantById.load(variantId) : null;
    if (!variantId || !variant) return refuse.variantNotFound(input.variantId);
    const currency = variant.price.currencyCode;

    return this.changeCart(loaders, actor, cartId, async (tx, cart) => {
      if (cart.currency !== null && cart.currency !== currency) {
        return refuse.currencyMismatch(cart.currency, currency);
      }
      const lines = await tx
        .select({ id: cartLines.id, variantId: cartLines.variantId, quantity: cartLines.quantity })
        .from(cartLines)
        .where(eq(cartLines.cartId, cartId));
      const existing = lines.find((line) => line.variantId === variantId);
      if (existing) {
        const merged = existing.quantity + input.quantity;
        if (merged > MAX_LINE_QUANTITY) return refuse.invalidQuantity(merged);
        await tx.update(cartLines).set({ quantity: merged }).where(eq(cartLines.id, existing.id));
      } else {
        if (lines.length >= MAX_CART_LINES) return refuse.cartLimitExceeded();
        await tx.insert(cartLines).values({ cartId, variantId, quantity: input.quantity });
      }
      return { currency };
    });
  }

  /** Sets a line's quantity; 0 removes the line. */
  async updateCartLine(
    loaders: Loaders,
    actor: Actor,
    input: { cartId: string; lineId: string; quantity: number },
  ): Promise<CartResult> {
    if (input.quantity === 0) return this.removeCartLine(loaders, actor, input);
    const cartId = canonicalId(input.cartId);
    if (!cartId) return refuse.cartNotFound(input.cartId);
    if (!isLineQuantity(input.quantity)) return refuse.invalidQuantity(input.quantity);
    const lineId = canonicalId(input.lineId);
    // A line the catalog no longer sells can only be removed. Asked before the transaction, as
    // addCartLine does, and only for a cart this caller reaches.
    const cart = await this.findCart(loaders, actor, cartId);
    if (cart && lineId) {
      const line = (await loaders.linesByCartId.load(cartId)).find((l) => l.id === lineId);
      if (line && !(await loaders.variantById.load(line.variantId))) {
        return refuse.variantNotFound(line.variantId);
      }
    }

    return this.changeCart(loaders, actor, cartId, async (tx) => {
      if (!lineId) return refuse.lineNotFound(cartId, input.lineId);
      const [line] = await tx
        .update(cartLines)
        .set({ quantity: input.quantity })
        .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cartId)))
        .returning({ id: cartLines.id });
      return line ? {} : refuse.lineNotFound(cartId, input.lineId);
    });
  }

  /** Removes a line; an emptied cart forgets its currency. */
  async removeCartLine(
    loaders: Loaders,
    actor: Actor,
    input: { cartId: string; lineId: string },
  ): Promise<CartResult> {
    const cartId = canonicalId(input.cartId);
    if (!cartId) return refuse.cartNotFound(input.cartId);
    const lineId = canonicalId(input.lineId);

    return this.changeCart(loaders, actor, cartId, async (tx) => {
      if (!lineId) return refuse.lineNotFound(cartId, input.lineId);
      const [line] = await tx
        .delete(cartLines)
        .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cartId)))
        .returning({ id: cartLines.id });
      if (!line) return refuse.lineNotFound(cartId, input.lineId);
      const [left] = await tx
        .select({ id: cartLines.id })
        .from(cartLines)
        .where(eq(cartLines.cartId, cartId))
        .limit(1);
      // The next first line fixes the currency again.
      return left ? {} : { currency: null };
    });
  }

  /**
   * Marks a cart as turned into an order. Idempotent: a repeated delivery of the same order
   * changes nothing; an unknown cart or a cart spent by another order is reported, not changed.
   */
  async checkOutCart(id: string, orderId: string): Promise<CheckoutOutcome> {
    const cartId = canonicalId(id);
    if (!cartId) return 'unknown-cart';
    const [updated] = await this.db
      .update(carts)
      .set({ status: 'CHECKED_OUT', orderId, updatedAt: sql`now()` })
      .where(and(eq(carts.id, cartId), eq(carts.status, 'ACTIVE')))
      .returning({ id: carts.id });
    if (updated) return 'checked-out';
    const [cart] = await this.db
      .select({ orderId: carts.orderId })
      .from(carts)
      .where(eq(carts.id, cartId));
    if (!cart) return 'unknown-cart';
    return cart.orderId === orderId.toLowerCase() ? 'already-checked-out' : 'other-order';
  }

  /**
   * Opens a cart again after the payment of the order that checked it out failed. Returns false
   * when the cart is unknown, open, or spent by another order.
   */
  async reopenCart(id: string, orderId: string): Promise<boolean> {
    const cartId = canonicalId(id);
    if (!cartId) return false;
    const reopened = await this.db
      .update(carts)
      .set({ status: 'ACTIVE', orderId: null, updatedAt: sql`now()` })
      .where(
        and(
          eq(carts.id, cartId),
          eq(carts.status, 'CHECKED_OUT'),
          eq(carts.orderId, orderId.toLowerCase()),
        ),
      )
      .returning({ id: carts.id });
    return reopened.length > 0;
  }

  /**
   * A cart's lines split by whether the catalog sells their variant now: products answers null
   * for a variant whose product is unpublished or archived (and for a deleted one). One
   * products call for all of them: the loader batches the loads.
   */
  async linesOf(
    loaders: Loaders,
    cart: CartRow,
  ): Promise<{ available: CartLineRow[]; unavailable: CartLineRow[] }> {
    const lines = await loaders.linesByCartId.load(cart.id);
    const variants = await Promise.all(
      lines.map((line) => loaders.variantById.load(line.variantId)),
    );
    return {
      available: lines.filter((_, i) => variants[i] != null),
      unavailable: lines.filter((_, i) => variants[i] == null),
    };
  }

  /** The lines the catalog still sells, oldest first: what `Cart.lines` shows and checkout buys. */
  async availableLines(loaders: Loaders, cart: CartRow): Promise<CartLineRow[]> {
    return (await this.linesOf(loaders, cart)).available;
  }

  /** The lines of variants the catalog no longer sells (`Cart.unavailableLines`). */
  async unavailableLines(loaders: Loaders, cart: CartRow): Promise<UnavailableLine[]> {
    return (await this.linesOf(loaders, cart)).unavailable.map((line) => ({
      id: line.id,
      variantId: line.variantId,
      quantity: line.quantity,
    }));
  }

  /** Sum of the quantities of the lines the catalog still sells. */
  async totalQuantity(loaders: Loaders, cart: CartRow): Promise<number> {
    const lines = await this.availableLines(loaders, cart);
    return lines.reduce((sum, line) => sum + line.quantity, 0);
  }

  /** The catalog's current price of one unit of a line's variant. */
  async unitPrice(loaders: Loaders, line: CartLineRow): Promise<Money> {
    const variant = await loaders.variantById.load(line.variantId);
    if (!variant) {
      // The schema promises a price; a variant removed from the catalog cannot give one.
      throw new GraphQLError(`Variant ${line.variantId} is no longer in the catalog`, {
        extensions: { code: 'VARIANT_UNAVAILABLE', variantId: line.variantId },
      });
    }
    return { amount: variant.price.amount, currencyCode: variant.price.currencyCode };
  }

  /** `unitPrice` times the line's quantity. */
  async lineTotal(loaders: Loaders, line: CartLineRow): Promise<Money> {
    const unit = await this.unitPrice(loaders, line);
    return { amount: unit.amount * line.quantity, currencyCode: unit.currencyCode };
  }

  /** Sum of the line totals at catalog prices; null when no line is for sale. */
  async subtotal(loaders: Loaders, cart: CartRow): Promise<Money | null> {
    const lines = await this.availableLines(loaders, cart);
    if (lines.length === 0) return null;
    // One products call for all lines: the loader batches these loads.
    const totals = await Promise.all(lines.map((line) => this.lineTotal(loaders, line)));
    const currencyCode = cart.currency ?? totals[0]!.currencyCode;
    if (totals.some((total) => total.currencyCode !== currencyCode)) {
      throw new Error(`Cart ${cart.id} holds prices in several currencies`);
    }
    return { amount: totals.reduce((sum, total) => sum + total.amount, 0), currencyCode };
  }

  /**
   * Runs one change in a transaction holding the cart's row lock, so concurrent changes to one
   * cart apply one after the other and none is lost. Another customer's cart is refused as
   * unknown. A refusal writes nothing; a change bumps `updated_at` and returns the cart.
   */
  private async changeCart(
    loaders: Loaders,
    actor: Actor,
    cartId: string,
    change: (tx: CartTx, cart: CartRow) => Promise<Refusal | CartChanges>,
  ): Promise<CartResult> {
    const result = await this.db.transaction(async (tx): Promise<CartResult> => {
      const [cart] = await tx.select().from(carts).where(eq(carts.id, cartId)).for('update');
      if (!cart || !reaches(actor, cart)) return refuse.cartNotFound(cartId);
      if (cart.status !== 'ACTIVE') return refuse.cartClosed(cartId);
      const outcome = await change(tx, cart);
      if ('__typename' in outcome) return outcome;
      const [updated] = await tx
        .update(carts)
        .set({ ...outcome, updatedAt: sql`now()` })
        .where(eq(carts.id, cartId))
        .returning();
      if (!updated) throw new Error(`Cart ${cartId} vanished while locked`);
      return { __typename: 'Cart', ...updated };
    });
    if (result.__typename === 'Cart') {
      // One operation may hold several mutations: later fields must not see this cart's old state.
      loaders.cartById.clear(cartId).prime(cartId, result);
      loaders.linesByCartId.clear(cartId);
    }
    return result;
  }
}
