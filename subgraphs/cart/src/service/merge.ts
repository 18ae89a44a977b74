import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { anyOf, type Actor } from '@commerce-graph/kit';
import type { CartDb } from '../db/client.ts';
import { cartLines, carts, type CartRow } from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import {
  MAX_CART_LINES,
  canonicalId,
  lineLimit,
  type CartService,
  type MergeNote,
} from './cart-lines.ts';
import { MAX_CART_AMOUNT, priceLines, subtotalOf } from './pricing.ts';
import { refuse, type CartResult } from './refusals.ts';

/**
 * Login: a guest cart becomes the customer's. When the customer already has an ACTIVE cart,
 * the guest's lines merge into it (the same variant's quantities add up to its purchase limit)
 * and the guest cart is closed as MERGED, pointing at the customer's cart.
 */
export class CartMergeService {
  constructor(
    private readonly db: CartDb,
    private readonly carts: CartService,
  ) {}

  /** Claims or merges the guest cart; answers the customer's cart. */
  async claimCart(loaders: Loaders, actor: Actor, id: string): Promise<CartResult> {
    if (actor.kind !== 'customer') return refuse.signInRequired();
    const cartId = canonicalId(id);
    const customerId = canonicalId(actor.customerId);
    if (!cartId || !customerId) return refuse.cartNotFound(id);
    const guest = await this.carts.findCart(loaders, actor, cartId);
    if (!guest) return refuse.cartNotFound(cartId);
    const target = await this.targetOf(customerId, cartId);
    // Nothing to merge into (or a repeated claim): the guest cart simply becomes theirs.
    if (!target || guest.customerId === customerId) {
      return this.carts.changeCart(loaders, actor, cartId, async () => ({ customerId }));
    }
    return this.merge(loaders, guest, target, customerId);
  }

  /** The customer's newest ACTIVE cart other than the guest cart. */
  private async targetOf(customerId: string, guestId: string): Promise<CartRow | null> {
    const [row] = await this.db
      .select()
      .from(carts)
      .where(
        and(eq(carts.customerId, customerId), eq(carts.status, 'ACTIVE'), ne(carts.id, guestId)),
      )
      .orderBy(desc(carts.createdAt), desc(carts.id))
      .limit(1);
    return row ?? null;
  }

  private async merge(
    loaders: Loaders,
    guest: CartRow,
    target: CartRow,
    customerId: string,
  ): Promise<CartResult> {
    // Prices (in the target's currency) and limits before any lock, in parallel.
    const [guestLines, targetLines] = await Promise.all([
      loaders.linesByCartId.load(guest.id),
      loaders.linesByCartId.load(target.id),
    ]);
    const variantIds = [...new Set([...guestLines, ...targetLines].map((l) => l.variantId))];
    const [priced, availability] = await Promise.all([
      priceLines(loaders, target, [...guestLines, ...targetLines]),
      loaders.availability.loadMany(variantIds),
    ]);
    const unitPrices = new Map<string, number>();
    for (const line of priced) if (line) unitPrices.set(line.line.variantId, line.unitPrice);
    const limits = new Map(
      variantIds.map((variantId, i) => {
        const found = availability[i];
        if (found instanceof Error) throw found;
        return [variantId, lineLimit(found ?? null)];
      }),
    );

    const result = await this.db.transaction(async (tx): Promise<CartResult> => {
      // Both rows locked in id order, as every merge does: two merges never deadlock.
      const locked = await tx
        .select()
        .from(carts)
        .where(anyOf(carts.id, [guest.id, target.id]))
        .orderBy(asc(carts.id))
        .for('update');
      const lockedGuest = locked.find((c) => c.id === guest.id);
      const lockedTarget = locked.find((c) => c.id === target.id);
      if (
        !lockedGuest ||
        (lockedGuest.customerId !== null && lockedGuest.customerId !== customerId)
      ) {
        return refuse.cartNotFound(guest.id);
      }
      if (lockedGuest.status !== 'ACTIVE') return refuse.cartClosed(guest.id);
      if (!lockedTarget || lockedTarget.status !== 'ACTIVE') {
        // The customer's cart closed meanwhile (checked out): claim as if there were none.
        return { __typename: 'Cart', ...(await this.claim(tx, guest.id, customerId)) };
      }
      const into = await this.carts.lockedLines(tx, target.id);
      const from = await this.carts.lockedLines(tx, guest.id);
      const notes: MergeNote[] = [];
      const quantities = new Map(into.map((line) => [line.variantId, line.quantity]));
      const added: Array<{ variantId: string; quantity: number }> = [];
      for (const line of from) {
        const unitPrice = unitPrices.get(line.variantId);
        const already = quantities.get(line.variantId);
        const requested = (already ?? 0) + line.quantity;
        if (unitPrice === undefined) {
          notes.push({
            variantId: line.variantId,
            requested,
            kept: already ?? 0,
            reason: 'UNAVAILABLE',
          });
          continue;
        }
        if (already === undefined && quantities.size >= MAX_CART_LINES) {
          notes.push({ variantId: line.variantId, requested, kept: 0, reason: 'CART_FULL' });
          continue;
        }
        const limit = limits.get(line.variantId) ?? lineLimit(null);
        const kept = Math.max(already ?? 0, Math.min(requested, limit));
        if (kept < requested) {
          notes.push({ variantId: line.variantId, requested, kept, reason: 'CAPPED' });
        }
        quantities.set(line.variantId, kept);
        if (already === undefined) added.push({ variantId: line.variantId, quantity: kept });
      }
      const mergedLines = [...quantities].flatMap(([variantId, quantity]) => {
        const unitPrice = unitPrices.get(variantId);
        return unitPrice === undefined ? [] : [{ line: { quantity }, unitPrice }];
      });
      if (subtotalOf(mergedLines) > MAX_CART_AMOUNT) return refuse.totalTooLarge();

      for (const line of into) {
        const quantity = quantities.get(line.variantId)!;
        if (quantity !== line.quantity) {
          await tx
            .update(cartLines)
            .set({
              quantity,
              addedUnitPrice: unitPrices.get(line.variantId) ?? line.addedUnitPrice,
            })
            .where(eq(cartLines.id, line.id));
        }
      }
      if (added.length > 0) {
        await tx.insert(cartLines).values(
          added.map(({ variantId, quantity }) => ({
            cartId: target.id,
            variantId,
            quantity,
            addedUnitPrice: unitPrices.get(variantId) ?? null,
          })),
        );
      }
      // The guest cart is closed and now private to the customer, who may still look it up.
      await tx
        .update(carts)
        .set({ status: 'MERGED', mergedInto: target.id, customerId, updatedAt: sql`now()` })
        .where(eq(carts.id, guest.id));
      const [updated] = await tx
        .update(carts)
        .set({
          // The guest's code carries over when the customer's cart had none.
          discountCodeId: lockedTarget.discountCodeId ?? lockedGuest.discountCodeId,
          // So do the guest's addresses, as a pair (a billing address belongs with its
          // shipping address), when the customer's cart had no shipping address.
          ...(lockedTarget.shippingAddress === null && lockedGuest.shippingAddress !== null
            ? {
                shippingAddress: lockedGuest.shippingAddress,
                billingAddress: lockedGuest.billingAddress,
              }
            : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(carts.id, target.id))
        .returning();
      if (!updated) throw new Error(`Cart ${target.id} vanished while locked`);
      return { __typename: 'Cart', ...updated, mergeNotes: notes };
    });
    if (result.__typename === 'Cart') {
      this.carts.forget(loaders, result);
      loaders.cartById.clear(guest.id);
      loaders.linesByCartId.clear(guest.id);
    }
    return result;
  }

  /** Makes the guest cart the customer's, inside the merge's transaction. */
  private async claim(
    tx: Parameters<Parameters<CartDb['transaction']>[0]>[0],
    cartId: string,
    customerId: string,
  ): Promise<CartRow> {
    const [row] = await tx
      .update(carts)
      .set({ customerId, updatedAt: sql`now()` })
      .where(eq(carts.id, cartId))
      .returning();
    if (!row) throw new Error(`Cart ${cartId} vanished while locked`);
    return row;
  }
}
