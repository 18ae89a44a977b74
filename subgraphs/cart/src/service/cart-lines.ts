import { and, desc, eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { badUserInput, isUuid, type Actor } from '@commerce-graph/kit';
import type { Money } from '../__generated__/resolvers-types.ts';
import type { CartDb } from '../db/client.ts';
import { cartLines, carts, type CartLineRow, type CartRow } from '../db/schema.ts';
import type { Loaders, VariantAvailability } from '../loaders.ts';
import {
  CURRENCIES,
  DEFAULT_CURRENCY,
  MAX_CART_AMOUNT,
  cartTooLarge,
  evaluateDiscount,
  knownCurrency,
  money,
  priceLines,
  subtotalOf,
  type PricedLine,
} from './pricing.ts';
import {
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  MIN_LINE_QUANTITY,
  refuse,
  type CartResult,
  type Refusal,
} from './refusals.ts';

export { MAX_CART_LINES, MAX_LINE_QUANTITY, MIN_LINE_QUANTITY };

/** A guest line that could not be merged in full (SDL `CartMergeNote`). */
export interface MergeNote {
  variantId: string;
  requested: number;
  kept: number;
  reason: 'CAPPED' | 'UNAVAILABLE' | 'CART_FULL';
}

/** A cart as resolvers see it; `mergeNotes` only in the answer of a merging `claimCart`. */
export type CartView = CartRow & { mergeNotes?: MergeNote[] };

/** Cart columns a successful change sets besides `updated_at`. */
export type CartChanges = Partial<
  Pick<
    CartRow,
    'customerId' | 'discountCodeId' | 'status' | 'mergedInto' | 'shippingAddress' | 'billingAddress'
  >
>;
export type CartTx = Parameters<Parameters<CartDb['transaction']>[0]>[0];

/** A line whose variant the catalog no longer sells (SDL `UnavailableCartLine`). */
export interface UnavailableLine {
  id: string;
  variantId: string;
  quantity: number;
}

/** The canonical (lower-case) form of an id, or null when it is not a UUID and matches nothing. */
export function canonicalId(value: string): string | null {
  return isUuid(value) ? value.toLowerCase() : null;
}

/** A guest cart is anyone's who holds its id; a customer's cart is that customer's alone. */
export const reaches = (actor: Actor, cart: CartRow) =>
  cart.customerId === null ||
  (actor.kind === 'customer' && actor.customerId.toLowerCase() === cart.customerId);

const isLineQuantity = (quantity: number) =>
  Number.isInteger(quantity) && quantity >= MIN_LINE_QUANTITY && quantity <= MAX_LINE_QUANTITY;

/**
 * Most units one line of the variant may hold: 99, or less when inventory limits it per order
 * or per customer (an unknown variant to inventory: 99).
 */
export function lineLimit(availability: VariantAvailability | null): number {
  return Math.min(
    MAX_LINE_QUANTITY,
    availability?.maxPerOrder ?? MAX_LINE_QUANTITY,
    availability?.maxPerCustomer ?? MAX_LINE_QUANTITY,
  );
}

/**
 * Cart lines and their prices: quantities within purchase limits, prices read live from the
 * catalog in the cart's currency, never from the client.
 */
export class CartService {
  constructor(
    private readonly db: CartDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts an empty, active cart in a store currency: the signed-in customer's, or a guest's. */
  async createCart(actor: Actor, currencyCode?: string | null): Promise<CartRow> {
    const currency = knownCurrency(currencyCode ?? DEFAULT_CURRENCY);
    if (!currency) {
      throw badUserInput(`The store sells in ${CURRENCIES.join(', ')}, not "${currencyCode}"`, {
        reason: 'UNKNOWN_CURRENCY',
        currencyCode,
      });
    }
    const customerId = actor.kind === 'customer' ? canonicalId(actor.customerId) : null;
    const [row] = await this.db.insert(carts).values({ customerId, currency }).returning();
    if (!row) throw new Error('insert into cart.carts returned no row');
    return row;
  }

  /** One cart by id; null for an unknown or malformed id, and for another customer's cart. */
  async findCart(loaders: Loaders, actor: Actor, id: string): Promise<CartRow | null> {
    const cartId = canonicalId(id);
    const cart = cartId ? await loaders.cartById.load(cartId) : null;
    return cart && reaches(actor, cart) ? cart : null;
  }

  /** The signed-in customer's newest ACTIVE cart; null for a guest or when there is none. */
  async myCart(loaders: Loaders, actor: Actor): Promise<CartRow | null> {
    const customerId = actor.kind === 'customer' ? canonicalId(actor.customerId) : null;
    if (!customerId) return null;
    const [row] = await this.db
      .select()
      .from(carts)
      .where(and(eq(carts.customerId, customerId), eq(carts.status, 'ACTIVE')))
      .orderBy(desc(carts.createdAt), desc(carts.id))
      .limit(1);
    if (row) loaders.cartById.prime(row.id, row);
    return row ?? null;
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
    if (!variantId) return refuse.variantNotFound(input.variantId);
    // Read before the transaction: the cart row stays unlocked while products and inventory
    // answer (in parallel, one call each for the variant and the cart's lines).
    const [cart, lines] = await Promise.all([
      this.findCart(loaders, actor, cartId),
      loaders.linesByCartId.load(cartId),
    ]);
    if (!cart) return refuse.cartNotFound(cartId);
    const [priced, availability] = await Promise.all([
      priceLines(loaders, cart, [...lines, { variantId } as CartLineRow]),
      loaders.availability.load(variantId),
    ]);
    const variant = priced.at(-1);
    if (!variant) return refuse.variantNotFound(input.variantId);
    if (availability && !availability.inStock) return refuse.soldOut(variantId);
    const limit = lineLimit(availability);

    return this.changeCart(loaders, actor, cartId, async (tx, locked) => {
      const current = await this.lockedLines(tx, cartId);
      const existing = current.find((line) => line.variantId === variantId);
      const quantity = (existing?.quantity ?? 0) + input.quantity;
      // Under the cart's row lock: parallel adds see each other's units, so none passes the limit.
      if (quantity > limit) return refuse.invalidQuantity(quantity, limit);
      if (!existing && current.length >= MAX_CART_LINES) return refuse.cartLimitExceeded();
      const next = existing
        ? current.map((line) => (line === existing ? { ...line, quantity } : line))
        : [...current, { variantId, quantity } as CartLineRow];
      if (await this.passesCap(loaders, locked, next)) return refuse.totalTooLarge();
      if (existing) {
        await tx
          .update(cartLines)
          .set({ quantity, addedUnitPrice: variant.unitPrice })
          .where(eq(cartLines.id, existing.id));
      } else {
        await tx
          .insert(cartLines)
          .values({ cartId, variantId, quantity, addedUnitPrice: variant.unitPrice });
      }
      return {};
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
    const line =
      cart && lineId
        ? (await loaders.linesByCartId.load(cartId)).find((l) => l.id === lineId)
        : undefined;
    let unitPrice: number | null = null;
    let limit = MAX_LINE_QUANTITY;
    let soldOut = false;
    if (cart && line) {
      const [[priced], availability] = await Promise.all([
        priceLines(loaders, cart, [line]),
        loaders.availability.load(line.variantId),
      ]);
      if (!priced) return refuse.variantNotFound(line.variantId);
      unitPrice = priced.unitPrice;
      limit = lineLimit(availability);
      soldOut = availability !== null && !availability.inStock;
    }

    return this.changeCart(loaders, actor, cartId, async (tx, locked) => {
      if (!lineId) return refuse.lineNotFound(cartId, input.lineId);
      const current = await this.lockedLines(tx, cartId);
      const target = current.find((l) => l.id === lineId);
      if (!target || !line || unitPrice === null) return refuse.lineNotFound(cartId, input.lineId);
      if (input.quantity > limit) return refuse.invalidQuantity(input.quantity, limit);
      // Fewer units of a sold-out variant are fine; more are not.
      if (soldOut && input.quantity > target.quantity) return refuse.soldOut(target.variantId);
      const next = current.map((l) => (l === target ? { ...l, quantity: input.quantity } : l));
      if (await this.passesCap(loaders, locked, next)) return refuse.totalTooLarge();
      await tx
        .update(cartLines)
        .set({ quantity: input.quantity, addedUnitPrice: unitPrice })
        .where(eq(cartLines.id, lineId));
      return {};
    });
  }

  /** Removes a line. */
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
      return line ? {} : refuse.lineNotFound(cartId, input.lineId);
    });
  }

  /**
   * A cart's lines split by whether the catalog sells their variant now: products answers null
   * for a variant whose product is unpublished or archived (and for a deleted one). One
   * products call for all of them: the loader batches the loads.
   */
  async linesOf(
    loaders: Loaders,
    cart: CartRow,
  ): Promise<{ available: PricedLine[]; unavailable: CartLineRow[] }> {
    const lines = await loaders.linesByCartId.load(cart.id);
    const priced = await priceLines(loaders, cart, lines);
    return {
      available: priced.filter((line): line is PricedLine => line !== null),
      unavailable: lines.filter((_, i) => priced[i] === null),
    };
  }

  /** The lines the catalog still sells, oldest first: what `Cart.lines` shows and checkout buys. */
  async availableLines(loaders: Loaders, cart: CartRow): Promise<CartLineRow[]> {
    return (await this.linesOf(loaders, cart)).available.map(({ line }) => line);
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

  /** The catalog's current price of one unit of a line's variant, in the cart's currency. */
  async unitPrice(loaders: Loaders, line: CartLineRow): Promise<Money> {
    const cart = await loaders.cartById.load(line.cartId);
    const variant = cart
      ? await loaders.variantPrice.load({ variantId: line.variantId, currency: cart.currency })
      : null;
    if (!cart || !variant) {
      // The schema promises a price; a variant removed from the catalog cannot give one.
      throw new GraphQLError(`Variant ${line.variantId} is no longer in the catalog`, {
        extensions: { code: 'VARIANT_UNAVAILABLE', variantId: line.variantId },
      });
    }
    return money(cart, variant.price.amount);
  }

  /** `unitPrice` times the line's quantity. */
  async lineTotal(loaders: Loaders, line: CartLineRow): Promise<Money> {
    const unit = await this.unitPrice(loaders, line);
    const amount = unit.amount * line.quantity;
    if (amount > MAX_CART_AMOUNT) throw cartTooLarge(line.cartId);
    return { amount, currencyCode: unit.currencyCode };
  }

  /** The price the line was added (or last changed) at and now, when they differ. */
  async priceChangedSince(
    loaders: Loaders,
    line: CartLineRow,
  ): Promise<{ previous: Money; current: Money } | null> {
    if (line.addedUnitPrice === null) return null;
    const current = await this.unitPrice(loaders, line);
    if (current.amount === line.addedUnitPrice) return null;
    return { previous: { ...current, amount: line.addedUnitPrice }, current };
  }

  /** Sum of the line totals at catalog prices; null when no line is for sale. */
  async subtotal(loaders: Loaders, cart: CartRow): Promise<Money | null> {
    const { available } = await this.linesOf(loaders, cart);
    if (available.length === 0) return null;
    const amount = subtotalOf(available);
    if (amount > MAX_CART_AMOUNT) throw cartTooLarge(cart.id);
    return money(cart, amount);
  }

  /**
   * The applied code's discount on these lines now and the lines it applies to (0 and none when
   * it no longer applies: checkout then gets the same answer at redemption).
   */
  async discountOn(
    loaders: Loaders,
    cart: CartRow,
    lines: readonly PricedLine[],
  ): Promise<{ amount: number; eligible: readonly PricedLine[] }> {
    const code = cart.discountCodeId
      ? await loaders.discountCodeById.load(cart.discountCodeId)
      : null;
    if (!code) return { amount: 0, eligible: [] };
    const outcome = await evaluateDiscount(code, cart, lines, this.now(), (variantId) =>
      loaders.variantCategories.load(variantId),
    );
    return 'amount' in outcome ? outcome : { amount: 0, eligible: [] };
  }

  /**
   * Runs one change in a transaction holding the cart's row lock, so concurrent changes to one
   * cart apply one after the other and none is lost. Another customer's cart is refused as
   * unknown. A refusal writes nothing; a change bumps `updated_at` and returns the cart.
   */
  async changeCart(
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
    if (result.__typename === 'Cart') this.forget(loaders, result);
    return result;
  }

  /** One operation may hold several mutations: later fields must not see a cart's old state. */
  forget(loaders: Loaders, cart: CartRow): void {
    loaders.cartById.clear(cart.id).prime(cart.id, cart);
    loaders.linesByCartId.clear(cart.id);
  }

  /** A cart's lines, read inside its locked transaction. */
  async lockedLines(tx: CartTx, cartId: string): Promise<CartLineRow[]> {
    return tx.select().from(cartLines).where(eq(cartLines.cartId, cartId));
  }

  /**
   * Whether lines would pass the subtotal cap at live prices. Prices were mostly loaded before
   * the transaction; a line another request added meanwhile costs one more products call.
   * Lines the catalog no longer sells count for nothing, as in the subtotal.
   */
  async passesCap(loaders: Loaders, cart: CartRow, lines: CartLineRow[]): Promise<boolean> {
    const priced = await priceLines(loaders, cart, lines);
    return subtotalOf(priced.filter((l): l is PricedLine => l !== null)) > MAX_CART_AMOUNT;
  }
}
