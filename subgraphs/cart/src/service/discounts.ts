import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  badUserInput,
  isUuid,
  parseInput,
  requirePermission,
  type Actor,
} from '@commerce-graph/kit';
import type {
  CreateDiscountCodeInput,
  ResolversParentTypes,
} from '../__generated__/resolvers-types.ts';
import type { CartDb } from '../db/client.ts';
import {
  discountCodes,
  discountRedemptions,
  type DiscountCodeRow,
  type DiscountRedemptionRow,
} from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import { canonicalId, type CartService } from './cart-lines.ts';
import {
  MAX_CART_AMOUNT,
  codeStateRefusal,
  evaluateDiscount,
  knownCurrency,
  type DiscountRefusalCode,
} from './pricing.ts';
import { refuse, type CartResult, type DiscountRejected } from './refusals.ts';

/** SDL `DiscountCodeResult`. */
export type DiscountCodeResult = ResolversParentTypes['DiscountCodeResult'];
/** SDL `DiscountRedemptionResult`. */
export type DiscountRedemptionResult = ResolversParentTypes['DiscountRedemptionResult'];

const CODE = /^[A-Z0-9_-]{3,40}$/;

/** A code as stored (trimmed, upper-case), or null when it cannot name one (no SQL then). */
export function normalizeCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return CODE.test(code) ? code : null;
}

const count32 = z.number().int().min(1).max(1_000_000_000);
const minorUnits = z.number().int().min(1).max(MAX_CART_AMOUNT);
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** `CreateDiscountCodeInput`, with the rules across fields. */
const createInput = z
  .object({
    code: z.string().trim().toUpperCase().regex(CODE, 'Use 3 to 40 letters, digits, - or _'),
    kind: z.enum(['PERCENTAGE', 'FIXED_AMOUNT']),
    percentOff: z.number().int().min(1).max(100).nullish(),
    amountOff: minorUnits.nullish(),
    currencyCode: z
      .string()
      .transform((value, ctx) => {
        const currency = knownCurrency(value);
        if (!currency) ctx.addIssue({ code: 'custom', message: 'Use EUR, USD or GBP' });
        return currency ?? '';
      })
      .nullish(),
    minimumSubtotal: minorUnits.nullish(),
    startsAt: instant.nullish(),
    endsAt: instant.nullish(),
    usageLimit: count32.nullish(),
    usageLimitPerCustomer: count32.nullish(),
    categoryId: z.uuid().nullish(),
  })
  .superRefine((input, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (input.kind === 'PERCENTAGE') {
      if (input.percentOff == null) problem('percentOff', 'A percentage code needs percentOff');
      if (input.amountOff != null) problem('amountOff', 'A percentage code takes no amountOff');
    } else {
      if (input.amountOff == null) problem('amountOff', 'A fixed-amount code needs amountOff');
      if (input.percentOff != null)
        problem('percentOff', 'A fixed-amount code takes no percentOff');
    }
    if ((input.amountOff != null || input.minimumSubtotal != null) && !input.currencyCode) {
      problem('currencyCode', 'An amount needs its currency');
    }
    if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt) {
      problem('endsAt', 'endsAt must be after startsAt');
    }
  });

const redeemInput = z.object({
  cartId: z.uuid(),
  orderId: z.uuid(),
  customerKey: z.string().min(1).max(320),
  amount: z.number().int().min(0).max(MAX_CART_AMOUNT),
});

/** The unique violation Postgres raises for a code taken (drizzle wraps it in `cause`). */
const isCodeTaken = (error: unknown): boolean => {
  const found = error as { code?: string; cause?: unknown } | null;
  return found?.code === '23505' || (found?.cause !== undefined && isCodeTaken(found.cause));
};

/**
 * Discount codes: staff create and disable them; shoppers apply them to a cart; checkout redeems
 * the applied code for an order under the code's row lock (so usage limits hold under parallel
 * orders) and releases it when the order fails.
 */
export class DiscountService {
  constructor(
    private readonly db: CartDb,
    private readonly carts: CartService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Applies a code to the cart, replacing any other; refused codes write nothing. */
  async applyDiscountCode(
    loaders: Loaders,
    actor: Actor,
    input: { cartId: string; code: string },
  ): Promise<CartResult> {
    const cartId = canonicalId(input.cartId);
    if (!cartId) return refuse.cartNotFound(input.cartId);
    const given = input.code.trim().toUpperCase().slice(0, 40);
    const code = normalizeCode(input.code);
    if (!code) return refuse.discount('DISCOUNT_NOT_FOUND', given);
    const cart = await this.carts.findCart(loaders, actor, cartId);
    if (!cart) return refuse.cartNotFound(cartId);
    const row = await this.byCode(code);
    if (!row) return refuse.discount('DISCOUNT_NOT_FOUND', code);
    const { available } = await this.carts.linesOf(loaders, cart);
    const outcome = await evaluateDiscount(row, cart, available, this.now(), (variantId) =>
      loaders.variantCategories.load(variantId),
    );
    if ('refusal' in outcome) return refuse.discount(outcome.refusal, code);
    // A signed-in customer learns of their own limit now; a guest's is known at checkout.
    if (cart.customerId && (await this.customerLimitReached(this.db, row, cart.customerId))) {
      return refuse.discount('DISCOUNT_CUSTOMER_LIMIT_REACHED', code);
    }
    return this.carts.changeCart(loaders, actor, cartId, async () => ({ discountCodeId: row.id }));
  }

  /** Removes the applied code; a cart without one is answered unchanged (nothing written). */
  async removeDiscountCode(loaders: Loaders, actor: Actor, id: string): Promise<CartResult> {
    const cartId = canonicalId(id);
    if (!cartId) return refuse.cartNotFound(id);
    return this.carts.changeCart(loaders, actor, cartId, async () => ({ discountCodeId: null }));
  }

  /** Staff (`discounts:manage`): a new code; a taken code or a broken rule writes nothing. */
  async createDiscountCode(
    loaders: Loaders,
    actor: Actor,
    input: CreateDiscountCodeInput,
  ): Promise<DiscountCodeResult> {
    requirePermission(actor, 'discounts:manage');
    const parsed = parseInput(createInput, input, (problem) => ({
      __typename: 'InvalidDiscountCode' as const,
      code: 'INVALID_DISCOUNT_CODE',
      message: problem.message,
      field: problem.field,
    }));
    if (!parsed.ok) return parsed.error;
    const value = parsed.value;
    if (value.categoryId && !(await loaders.categoryExists.load(value.categoryId.toLowerCase()))) {
      return {
        __typename: 'InvalidDiscountCode',
        code: 'INVALID_DISCOUNT_CODE',
        message: `No category has the id ${value.categoryId}`,
        field: 'categoryId',
      };
    }
    try {
      const [row] = await this.db
        .insert(discountCodes)
        .values({
          code: value.code,
          kind: value.kind,
          percentOff: value.percentOff ?? null,
          amountOff: value.amountOff ?? null,
          currency: value.currencyCode ?? null,
          minimumSubtotal: value.minimumSubtotal ?? null,
          startsAt: value.startsAt ?? null,
          endsAt: value.endsAt ?? null,
          usageLimit: value.usageLimit ?? null,
          usageLimitPerCustomer: value.usageLimitPerCustomer ?? null,
          categoryId: value.categoryId?.toLowerCase() ?? null,
          createdBy: actor.kind === 'customer' ? canonicalId(actor.customerId) : null,
        })
        .returning();
      if (!row) throw new Error('insert into cart.discount_codes returned no row');
      return { __typename: 'DiscountCode', ...row };
    } catch (error) {
      if (!isCodeTaken(error)) throw error;
      return {
        __typename: 'DiscountCodeTaken',
        code: 'DISCOUNT_CODE_TAKEN',
        message: `The discount code ${value.code} exists already.`,
        discountCode: value.code,
      };
    }
  }

  /** Staff (`discounts:manage`): disables a code for good. Idempotent. */
  async disableDiscountCode(actor: Actor, raw: string): Promise<DiscountCodeResult> {
    requirePermission(actor, 'discounts:manage');
    const code = normalizeCode(raw);
    if (code) {
      const [disabled] = await this.db
        .update(discountCodes)
        .set({ disabledAt: sql`now()` })
        .where(and(eq(discountCodes.code, code), isNull(discountCodes.disabledAt)))
        .returning();
      const row = disabled ?? (await this.byCode(code));
      if (row) return { __typename: 'DiscountCode', ...row };
    }
    return {
      __typename: 'DiscountCodeNotFound',
      code: 'DISCOUNT_NOT_FOUND',
      message: `No discount code is "${raw}".`,
      discountCode: raw,
    };
  }

  /** Staff (`discounts:manage`): one code with its usage. */
  async findDiscountCode(actor: Actor, raw: string): Promise<DiscountCodeRow | null> {
    requirePermission(actor, 'discounts:manage');
    const code = normalizeCode(raw);
    return code ? this.byCode(code) : null;
  }

  /** The applied code's name, for `Cart.discountCode`. */
  async appliedCode(loaders: Loaders, discountCodeId: string | null): Promise<string | null> {
    if (!discountCodeId) return null;
    return (await loaders.discountCodeById.load(discountCodeId))?.code ?? null;
  }

  /**
   * Internal (checkout): redeems the cart's applied code for the order. The code's limits and
   * window are checked again under its row lock, so parallel orders never exceed a limit; the
   * cart's live lines decide the minimum and eligibility (read before the lock).
   */
  async redeemCartDiscount(
    loaders: Loaders,
    input: { cartId: string; orderId: string; customerKey: string; amount: number },
  ): Promise<DiscountRedemptionResult> {
    const parsed = redeemInput.safeParse(input);
    if (!parsed.success) {
      if (!isUuid(input.cartId) || !isUuid(input.orderId)) {
        return refuse.discount('DISCOUNT_NOT_FOUND', '');
      }
      throw badUserInput('redeemCartDiscount needs a customerKey and an amount of 0 or more');
    }
    const cartId = input.cartId.toLowerCase();
    const orderId = input.orderId.toLowerCase();
    const customerKey = input.customerKey.trim().toLowerCase();
    const cart = await loaders.cartById.load(cartId);
    const code = cart?.discountCodeId
      ? await loaders.discountCodeById.load(cart.discountCodeId)
      : null;
    if (!cart || !code) return refuse.discount('DISCOUNT_NOT_FOUND', '');
    const earlier = await this.redemptionOf(this.db, orderId);
    if (earlier) return this.answerEarlier(loaders, earlier);

    const { available } = await this.carts.linesOf(loaders, cart);
    const outcome = await evaluateDiscount(code, cart, available, this.now(), (variantId) =>
      loaders.variantCategories.load(variantId),
    );
    if ('refusal' in outcome) return refuse.discount(outcome.refusal, code.code);

    const result = await this.db.transaction(
      async (tx): Promise<DiscountRedemptionResult | DiscountRedemptionRow> => {
        const [locked] = await tx
          .select()
          .from(discountCodes)
          .where(eq(discountCodes.id, code.id))
          .for('update');
        if (!locked) return refuse.discount('DISCOUNT_NOT_FOUND', code.code);
        const again = await this.redemptionOf(tx, orderId);
        if (again) return again;
        const state = codeStateRefusal(locked, this.now());
        if (state) return refuse.discount(state, code.code);
        if (await this.customerLimitReached(tx, locked, customerKey)) {
          return refuse.discount('DISCOUNT_CUSTOMER_LIMIT_REACHED', code.code);
        }
        const [inserted] = await tx
          .insert(discountRedemptions)
          .values({
            orderId,
            discountCodeId: code.id,
            cartId,
            customerKey,
            amount: input.amount,
            status: 'REDEEMED',
          })
          .onConflictDoNothing()
          .returning({ orderId: discountRedemptions.orderId });
        // A release of this order committed meanwhile (its marker won the unique key).
        if (!inserted) return (await this.redemptionOf(tx, orderId))!;
        await tx
          .update(discountCodes)
          .set({ timesUsed: sql`${discountCodes.timesUsed} + 1` })
          .where(eq(discountCodes.id, code.id));
        return { __typename: 'DiscountRedeemed', code: code.code, amount: input.amount };
      },
    );
    loaders.discountCodeById.clear(code.id);
    return '__typename' in result ? result : this.answerEarlier(loaders, result);
  }

  /**
   * Internal (checkout, and the cart's own `checkout.payment.failed` handler): gives the order's
   * redemption back. A release before any redemption leaves a RELEASED marker, so a late
   * redemption for that order is refused. Idempotent.
   */
  async releaseCartDiscount(orderIdInput: string): Promise<boolean> {
    const orderId = canonicalId(orderIdInput);
    if (!orderId) return true;
    await this.db.transaction(async (tx) => {
      // Waits for an in-flight redemption of this order (its primary key) to commit or roll back.
      const [marker] = await tx
        .insert(discountRedemptions)
        .values({ orderId, status: 'RELEASED', releasedAt: sql`now()` })
        .onConflictDoNothing()
        .returning({ orderId: discountRedemptions.orderId });
      if (marker) return;
      const [held] = await tx
        .select()
        .from(discountRedemptions)
        .where(eq(discountRedemptions.orderId, orderId))
        .for('update');
      if (!held || held.status === 'RELEASED') return;
      await tx
        .update(discountRedemptions)
        .set({ status: 'RELEASED', releasedAt: sql`now()` })
        .where(eq(discountRedemptions.orderId, orderId));
      if (held.discountCodeId) {
        await tx
          .update(discountCodes)
          .set({ timesUsed: sql`${discountCodes.timesUsed} - 1` })
          .where(eq(discountCodes.id, held.discountCodeId));
      }
    });
    return true;
  }

  private async byCode(code: string): Promise<DiscountCodeRow | null> {
    const [row] = await this.db.select().from(discountCodes).where(eq(discountCodes.code, code));
    return row ?? null;
  }

  private async redemptionOf(
    db: Pick<CartDb, 'select'>,
    orderId: string,
  ): Promise<DiscountRedemptionRow | null> {
    const [row] = await db
      .select()
      .from(discountRedemptions)
      .where(eq(discountRedemptions.orderId, orderId));
    return row ?? null;
  }

  /** A repeated redemption answers the first; a released one is refused. */
  private async answerEarlier(
    loaders: Loaders,
    earlier: DiscountRedemptionRow,
  ): Promise<DiscountRedemptionResult> {
    const code = earlier.discountCodeId
      ? ((await loaders.discountCodeById.load(earlier.discountCodeId))?.code ?? '')
      : '';
    if (earlier.status === 'RELEASED') return refuse.discount('DISCOUNT_REDEMPTION_RELEASED', code);
    return { __typename: 'DiscountRedeemed', code, amount: earlier.amount };
  }

  /** Whether the customer holds as many live redemptions of the code as it allows. */
  private async customerLimitReached(
    db: Pick<CartDb, 'select'>,
    code: DiscountCodeRow,
    customerKey: string,
  ): Promise<boolean> {
    if (code.usageLimitPerCustomer === null) return false;
    const [row] = await db
      .select({ n: count() })
      .from(discountRedemptions)
      .where(
        and(
          eq(discountRedemptions.discountCodeId, code.id),
          eq(discountRedemptions.customerKey, customerKey),
          eq(discountRedemptions.status, 'REDEEMED'),
        ),
      );
    return (row?.n ?? 0) >= code.usageLimitPerCustomer;
  }
}

export type { DiscountRefusalCode, DiscountRejected };
