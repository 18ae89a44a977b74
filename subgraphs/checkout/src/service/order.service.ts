import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, notInArray } from 'drizzle-orm';
import { recordEvent, type OutboxRelay } from '@commerce-graph/events';
import {
  can,
  isUuid,
  safeEqual,
  UpstreamError,
  type Actor,
  type CartQuote,
  type Logger,
} from '@commerce-graph/kit';
import { AdyenRequestError, type PaymentOutcome, type PaymentProvider } from '../adyen.ts';
import type { CheckoutDb } from '../db/client.ts';
import {
  orderLines,
  orders,
  outboxEvents,
  payments,
  type OrderLineRow,
  type OrderRow,
  type PaymentRow,
} from '../db/schema.ts';
import { createLoaders, type Loaders } from '../loaders.ts';
import type {
  CartSnapshot,
  DiscountRedemption,
  PurchaseLimitLine,
  Reservation,
  Upstream,
} from '../upstream.ts';
import {
  invalidInput,
  paymentMethodFields,
  validatePaymentDetails,
  validatePlaceOrderInput,
  type InvalidCheckoutInput,
  type PlaceOrderInput,
  type ValidPlaceOrderInput,
} from './order-input.ts';
import { priceQuote } from './cart-pricing.service.ts';
import { MAX_ORDER_TOTAL } from './pricing.ts';
import { IdempotencyKeys, type IdempotencyTiming, type KeyRef } from './idempotency.ts';
import { recordPlacement } from './order-state.ts';
import { FAILED_RESULT_CODES, type PaymentService } from './payment.service.ts';

export type { PlaceOrderInput };

/** An order line as the API shows it: with the order's currency. */
export type OrderLineView = OrderLineRow & { currency: string };

export interface StockShortage {
  variantId: string;
  requested: number;
  available: number;
}

export interface OrderPlacedResult {
  __typename: 'OrderPlaced';
  order: OrderRow;
  /** The order's secret: only in placeOrder's answer. */
  accessKey: string | null;
  payment: PaymentRow;
  action: unknown;
}

type UserError<T extends string, Extra> = { __typename: T; code: string; message: string } & Extra;

export type PlaceOrderResult =
  | OrderPlacedResult
  | UserError<'CartUnavailable', { cartId: string }>
  | UserError<'OutOfStock', { lines: StockShortage[] }>
  | UserError<'PurchaseLimitExceeded', { lines: PurchaseLimitLine[] }>
  | UserError<'DiscountUnavailable', { discountCode: string }>
  | UserError<'CheckoutUnavailable', { retryAfterSeconds: number }>
  | UserError<'TotalChanged', { expected: Money; current: Money }>
  | UserError<'IdempotencyKeyReused', { idempotencyKey: string }>
  | UserError<'ShippingAddressRequired', { cartId: string }>
  | UserError<'ShippingMethodRequired', { cartId: string }>
  | UserError<'StoredCardSignInRequired', { field: string }>
  | InvalidCheckoutInput;

interface Money {
  amount: number;
  currencyCode: string;
}

export type SubmitDetailsResult =
  OrderPlacedResult | UserError<'OrderNotPayable', { orderId: string }> | InvalidCheckoutInput;

/** Calls to Adyen per payment step while its answer is unknown, and the pause between them. */
const PAYMENT_ATTEMPTS = 3;
const RETRY_DELAY_MS = 250;
/** What `CheckoutUnavailable` asks a shopper to wait: about one upstream call's time-out. */
export const RETRY_AFTER_SECONDS = 5;
/** Longest `reason` of a `checkout.order.abandoned` event (its contract's limit). */
const MAX_REASON_LENGTH = 1000;

/** Who is placing or reading an order, as the gateway asserted it. */
export interface Caller {
  actor: Actor;
  /** The gateway's assertion itself, passed on when checkout reads the cart. */
  identity?: string;
}

const hashOf = (accessKey: string) => createHash('sha256').update(accessKey).digest('hex');

/**
 * A customer's order opens for that customer alone; a guest order for whoever brings its access
 * key (never the id alone). A partner whose API key has `orders:read` opens any order; staff
 * with `orders:manage` read any order, but pay none (`purpose: 'pay'`).
 */
function canOpen(
  order: OrderRow,
  actor: Actor,
  accessKey: string | null | undefined,
  purpose: 'read' | 'pay' = 'read',
): boolean {
  if (actor.kind === 'partner' && actor.scopes.includes('orders:read')) return true;
  if (purpose === 'read' && can(actor, 'orders:manage')) return true;
  if (order.customerId !== null) {
    return actor.kind === 'customer' && actor.customerId.toLowerCase() === order.customerId;
  }
  return !!accessKey && !!order.accessKeyHash && safeEqual(hashOf(accessKey), order.accessKeyHash);
}

/** Placing orders: cart -> priced order with reserved stock -> Adyen payment. */
export class OrderService {
  private readonly keys: IdempotencyKeys;

  constructor(
    private readonly deps: {
      db: CheckoutDb;
      upstream: Upstream;
      provider: PaymentProvider;
      payments: PaymentService;
      relay: OutboxRelay;
      logger: Logger;
      defaultReturnUrl: string;
      /** The origins a client's `returnUrl` may be on. */
      returnUrlOrigins: ReadonlySet<string>;
      /** How long requests with one idempotency key wait for each other (tests shorten it). */
      idempotency?: IdempotencyTiming;
    },
  ) {
    this.keys = new IdempotencyKeys(deps.db, deps.idempotency);
  }

  /**
   * Places the cart's order once per idempotency key: the key is claimed first (scoped to the
   * signed-in customer, or to the cart for a guest); a key that placed an order answers that
   * order again, a request racing the first waits for its answer, and a refused attempt gives
   * the key back. See `placeNewOrder` for the order itself.
   */
  async placeOrder(raw: PlaceOrderInput, caller: Caller): Promise<PlaceOrderResult> {
    // The whole input first: nothing is read, claimed or reserved for a refused one.
    const parsed = validatePlaceOrderInput(raw, this.deps.returnUrlOrigins);
    if (!parsed.ok) return parsed.error;
    const input = parsed.value;
    // Stored cards belong to a customer account: a guest has none to use or to add to.
    const needsAccount = input.paymentMethod?.storedPaymentMethodId
      ? 'paymentMethod.storedPaymentMethodId'
      : input.paymentMethod?.storePaymentMethod
        ? 'paymentMethod.storePaymentMethod'
        : undefined;
    if (needsAccount && caller.actor.kind !== 'customer') {
      return {
        __typename: 'StoredCardSignInRequired',
        code: 'SIGN_IN_REQUIRED',
        message: 'Sign in to pay with a stored card or to store one',
        field: needsAccount,
      };
    }
    if (!isUuid(input.cartId)) {
      return {
        __typename: 'CartUnavailable',
        code: 'CART_NOT_FOUND',
        message: 'No cart has this id',
        cartId: input.cartId,
      };
    }
    const cartId = input.cartId.toLowerCase();
    const customerId = caller.actor.kind === 'customer' ? caller.actor.customerId : null;
    const ref: KeyRef = {
      scope: customerId ? customerId.toLowerCase() : `cart:${cartId}`,
      key: input.idempotencyKey,
    };
    const claim = await this.keys.claim(ref, cartId);
    switch (claim.kind) {
      case 'reused':
        return {
          __typename: 'IdempotencyKeyReused',
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: 'This idempotencyKey already placed an order for another cart; use a new key',
          idempotencyKey: input.idempotencyKey,
        };
      case 'busy':
        return {
          __typename: 'CheckoutUnavailable',
          code: 'CHECKOUT_UNAVAILABLE',
          message: `Another request with this idempotencyKey is still being processed; try again in ${RETRY_AFTER_SECONDS} seconds.`,
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        };
      case 'replay': {
        const replayed = await this.placed(claim.orderId, null);
        // 3-D Secure and the like: the first answer's action, while the payment still waits.
        if (replayed.payment.status === 'PENDING') replayed.action = claim.action ?? null;
        return replayed;
      }
    }
    let result: PlaceOrderResult;
    try {
      result = await this.placeNewOrder(input, caller, claim.orderId, ref);
    } catch (error) {
      await this.keys.release(ref, claim.orderId).catch((releaseError: unknown) => {
        this.deps.logger.error(
          { err: releaseError, orderId: claim.orderId },
          'could not give back an idempotency key: it is taken over once stale',
        );
      });
      throw error;
    }
    if (result.__typename === 'OrderPlaced') {
      await this.keys.complete(ref, claim.orderId, result.action);
    } else {
      await this.keys.release(ref, claim.orderId);
    }
    return result;
  }

  /**
   * Reserves the cart's stock under a new order id, then writes the order, its lines, its
   * payment and the `checkout.order.placed` event in one transaction, then asks Adyen for the
   * payment. If the order cannot be written the reservation is released again, so a failed
   * checkout holds no stock. When the cart or inventory does not answer (a time-out), the answer
   * is `CheckoutUnavailable`, after the same give-back.
   */
  private async placeNewOrder(
    input: ValidPlaceOrderInput,
    caller: Caller,
    orderId: string,
    ref: KeyRef,
  ): Promise<PlaceOrderResult> {
    const { db, upstream } = this.deps;

    const unavailable = (code: string, message: string): PlaceOrderResult => ({
      __typename: 'CartUnavailable',
      code,
      message,
      cartId: input.cartId,
    });
    let fetched: CartSnapshot | null;
    try {
      fetched = await upstream.fetchCart(input.cartId, caller.identity);
    } catch (error) {
      // Nothing is held yet: nothing to give back.
      return unavailableOrThrow(error);
    }
    const cart = fetched;
    if (!cart) return unavailable('CART_NOT_FOUND', 'No cart has this id');
    // A variant whose product was unpublished or archived after it was added has no price and
    // is not for sale: the shopper removes it and sees the new total before ordering.
    if (cart.unavailableLines.length > 0 || cart.quote.hasUnavailableLines) {
      const variants = cart.unavailableLines.map((line) => line.variantId).join(', ');
      return unavailable(
        'CART_HAS_UNAVAILABLE_LINES',
        `The catalog no longer sells some variants of this cart (${variants}); remove those lines first`,
      );
    }
    const { quote } = cart;
    if (quote.lines.length === 0) return unavailable('CART_EMPTY', 'The cart has no lines');
    // The cart's own status lags behind (it learns of orders by event): checkout's orders are
    // the truth. A cart whose orders all failed to pay can be ordered again.
    const [live] = await db
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(eq(orders.cartId, cart.id), notInArray(orders.status, ['PAYMENT_FAILED', 'CANCELLED'])),
      );
    if (live) return unavailable('CART_ALREADY_ORDERED', 'This cart has already been ordered');
    const currency = quote.currencyCode;
    const { subtotal } = quote;
    // The subtotal is stored and shown as a 32-bit integer too, so the cap applies before the
    // discount, and again to the total with shipping and tax: every amount of the order fits.
    if (subtotal > MAX_ORDER_TOTAL) {
      return invalidInput('cartId', `An order may total at most ${MAX_ORDER_TOTAL} minor units`);
    }
    const discount = checkedDiscount(quote);
    // Shipping and tax depend on where the parcel goes: both are settled before anything is held.
    if (!quote.shippingAddress) {
      return {
        __typename: 'ShippingAddressRequired',
        code: 'SHIPPING_ADDRESS_REQUIRED',
        message: "Set the cart's shipping address before ordering",
        cartId: input.cartId,
      };
    }
    const { pricing } = await priceQuote(createLoaders(db), quote);
    const { shippingMethod: method, shipping, tax } = pricing;
    if (!method || shipping === null) {
      return {
        __typename: 'ShippingMethodRequired',
        code: 'SHIPPING_METHOD_REQUIRED',
        message: `Choose one of the cart's shippingMethods for ${quote.shippingAddress.countryCode} before ordering`,
        cartId: input.cartId,
      };
    }
    // A country the shop ships to has its VAT rates: a missing one is a configuration fault.
    if (tax === null) {
      throw new Error(
        `no tax rates for ${quote.shippingAddress.countryCode}, which ${method.code} ships to`,
      );
    }
    const total = pricing.total;
    if (total > MAX_ORDER_TOTAL) {
      return invalidInput('cartId', `An order may total at most ${MAX_ORDER_TOTAL} minor units`);
    }
    if (input.expectedTotal != null && input.expectedTotal !== total) {
      return {
        __typename: 'TotalChanged',
        code: 'TOTAL_CHANGED',
        message: `The cart now totals ${total} ${currency}, not ${input.expectedTotal}: show the shopper the new total and order again`,
        expected: { amount: input.expectedTotal, currencyCode: currency },
        current: { amount: total, currencyCode: currency },
      };
    }

    const paymentId = randomUUID();
    const accessKey = randomBytes(24).toString('base64url');
    const customerId = caller.actor.kind === 'customer' ? caller.actor.customerId : null;
    const customerKey = customerKeyOf(customerId, input.email);

    // The code first, so a refused code holds no stock. From here on every failure gives back
    // what may have been taken (the redemption, the reservation): see `giveBack`.
    const attempt = { orderId, cartId: cart.id };
    let discountCode: string | null = null;
    if (quote.discountCode !== null) {
      let redemption: DiscountRedemption;
      try {
        redemption = await upstream.redeemCartDiscount(cart.id, orderId, customerKey, discount);
      } catch (error) {
        // The cart may have redeemed before the answer was lost: give it back (idempotent).
        await this.giveBack(attempt, { discount: true }, reasonOf(error));
        return unavailableOrThrow(error);
      }
      if (redemption.__typename === 'DiscountRejected') {
        return {
          __typename: 'DiscountUnavailable',
          code: redemption.code,
          message: redemption.message,
          discountCode: redemption.discountCode,
        };
      }
      if (redemption.amount !== discount) {
        const fault = `cart redeemed ${redemption.amount} for order ${orderId}, its quote showed ${discount}`;
        await this.giveBack(attempt, { discount: true }, fault);
        throw new Error(fault);
      }
      discountCode = quote.discountCode;
    }
    const redeemed = discountCode !== null;

    let reservation: Reservation;
    try {
      reservation = await upstream.reserveStock(
        orderId,
        customerKey,
        quote.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      );
    } catch (error) {
      // Inventory may have reserved before the answer was lost (a timeout): give it back.
      // Inventory serialises the release with the reserve, and a reserve that commits after the
      // release undoes itself, so no stock stays held.
      await this.giveBack(attempt, { reservation: true, discount: redeemed }, reasonOf(error));
      return unavailableOrThrow(error);
    }
    // Refused for stock or limits: nothing was reserved, only the code is given back.
    if (reservation.__typename === 'InsufficientStock') {
      await this.giveBack(attempt, { discount: redeemed }, 'out of stock');
      return {
        __typename: 'OutOfStock',
        code: 'OUT_OF_STOCK',
        message: 'Some lines ask for more than is in stock',
        lines: reservation.lines,
      };
    }
    if (reservation.__typename === 'PurchaseLimitExceeded') {
      await this.giveBack(attempt, { discount: redeemed }, 'purchase limit exceeded');
      return {
        __typename: 'PurchaseLimitExceeded',
        code: 'PURCHASE_LIMIT_EXCEEDED',
        message: reservation.message,
        lines: reservation.lines,
      };
    }
    if (reservation.__typename !== 'Reservation') {
      // The order id is brand new: no earlier reserve or release can exist for it.
      const fault = `inventory answered ${reservation.__typename} for new order ${orderId}`;
      await this.giveBack(attempt, { reservation: true, discount: redeemed }, fault);
      throw new Error(fault);
    }

    let order: OrderRow;
    let payment: PaymentRow;
    try {
      ({ order, payment } = await db.transaction(async (tx) => {
        if (!(await this.keys.confirm(tx, ref, orderId))) throw new LostKeyClaim(orderId);
        const [order] = await tx
          .insert(orders)
          .values({
            id: orderId,
            cartId: cart.id,
            customerId,
            accessKeyHash: hashOf(accessKey),
            email: input.email,
            subtotalAmount: subtotal,
            discountAmount: discount,
            discountCode,
            totalAmount: total,
            shippingAmount: shipping,
            taxAmount: tax,
            taxIncluded: pricing.taxIncluded,
            taxLines: pricing.taxLines,
            shippingAddress: quote.shippingAddress,
            billingAddress: quote.billingAddress ?? quote.shippingAddress,
            shippingMethod: {
              code: method.code,
              name: method.name,
              minDays: method.minDays,
              maxDays: method.maxDays,
            },
            currency,
          })
          .returning();
        await tx.insert(orderLines).values(
          quote.lines.map((l, position) => {
            const tax = pricing.lineTaxes[position]!;
            return {
              orderId,
              variantId: l.variantId,
              quantity: l.quantity,
              unitAmount: l.unitPrice,
              position,
              discountAmount: l.discount,
              taxClass: tax.taxClass,
              taxRateBasisPoints: tax.rateBasisPoints,
              taxAmount: tax.amount,
            };
          }),
        );
        const [payment] = await tx
          .insert(payments)
          .values({
            id: paymentId,
            orderId,
            amount: total,
            currency,
            integration: input.paymentMethod ? 'advanced' : 'sessions',
          })
          .returning();
        await recordPlacement(tx, orderId);
        await recordEvent(tx, outboxEvents, 'checkout.order.placed', {
          orderId,
          cartId: cart.id,
          lines: quote.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
          total: { amount: total, currencyCode: currency },
        });
        return { order: order as OrderRow, payment: payment as PaymentRow };
      }));
    } catch (error) {
      await this.giveBack(
        attempt,
        { reservation: true, discount: redeemed },
        `the order could not be written: ${reasonOf(error)}`,
      );
      if (isUniqueViolation(error)) {
        return unavailable('CART_ALREADY_ORDERED', 'This cart has already been ordered');
      }
      if (error instanceof LostKeyClaim) {
        return {
          __typename: 'CheckoutUnavailable',
          code: 'CHECKOUT_UNAVAILABLE',
          message: `This attempt took too long and another request with its idempotencyKey took over; try again in ${RETRY_AFTER_SECONDS} seconds.`,
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        };
      }
      throw error;
    }
    await this.deps.relay.flush();

    // Without a payment method the payment waits for Drop-in's session (createPaymentSession).
    if (!input.paymentMethod) return { ...(await this.placed(orderId, null)), accessKey };
    const { storedPaymentMethodId, storePaymentMethod } = input.paymentMethod;
    const outcome = await this.startPayment(payment, {
      paymentId,
      orderId,
      amount: { value: total, currency },
      paymentMethod: paymentMethodFields(input.paymentMethod),
      returnUrl: input.returnUrl ?? this.deps.defaultReturnUrl,
      browserInfo: input.browserInfo ?? undefined,
      shopperEmail: order.email ?? undefined,
      // Checked above: only a signed-in customer gets this far with either.
      ...(customerId && (storedPaymentMethodId || storePaymentMethod)
        ? {
            shopperReference: shopperReferenceOf(customerId),
            storePaymentMethod: storePaymentMethod ?? false,
          }
        : {}),
    });
    return { ...(await this.placed(orderId, outcome.action)), accessKey };
  }

  /** An order for its owner (see `canOpen`); null for anyone else, as for an unknown id. */
  async findOrder(
    loaders: Loaders,
    actor: Actor,
    id: string,
    accessKey?: string | null,
    purpose: 'read' | 'pay' = 'read',
  ): Promise<OrderRow | null> {
    if (!isUuid(id)) return null;
    const order = await loaders.orderById.load(id);
    return order && canOpen(order, actor, accessKey, purpose) ? order : null;
  }

  /**
   * Completes a payment that needed shopper action, with the details Adyen's client returned.
   * Only the order's owner may: anyone else is told the order is not payable.
   */
  async submitPaymentDetails(
    loaders: Loaders,
    actor: Actor,
    input: { orderId: string; accessKey?: string | null; details: unknown },
  ): Promise<SubmitDetailsResult> {
    const { orderId, details } = input;
    const notPayable: SubmitDetailsResult = {
      __typename: 'OrderNotPayable',
      code: 'ORDER_NOT_PAYABLE',
      message: 'The order is not waiting for a payment step',
      orderId,
    };
    const parsed = validatePaymentDetails(details);
    if (!parsed.ok) return parsed.error;
    if (!(await this.findOrder(loaders, actor, orderId, input.accessKey, 'pay'))) {
      return notPayable;
    }
    const [payment] = await this.deps.db
      .select()
      .from(payments)
      .where(eq(payments.orderId, orderId));
    if (!payment || payment.status !== 'PENDING') return notPayable;
    // Details Adyen cannot use (made up, replayed, for another payment) do not end the payment:
    // it stays open for the shopper's real answer until it expires.
    const outcome = await this.applyOutcome(
      payment,
      () => this.deps.provider.submitDetails(payment.id, parsed.value),
      { keepOpenOnRefusedRequest: true },
    );
    if (outcome.requestRefused) {
      return invalidInput('details', `Adyen could not use these details: ${outcome.refusalReason}`);
    }
    return this.placed(orderId, outcome.action);
  }

  private async startPayment(
    payment: PaymentRow,
    request: Parameters<PaymentProvider['createPayment']>[0],
  ) {
    return this.applyOutcome(payment, () => this.deps.provider.createPayment(request));
  }

  /**
   * Calls Adyen and records the answer. A refusal or a definite error settles the payment at once
   * (the stock is released without waiting for the webhook); an authorisation is only recorded
   * here: the AUTHORISATION webhook is the source of truth for PAID. When Adyen's answer is
   * unknown (timeout, server error, request still in flight) the call is retried with the same
   * idempotency key; if it stays unknown the payment stays PENDING, for the webhook or the
   * expiry sweep to settle: Adyen may have authorised it.
   */
  private async applyOutcome(
    payment: PaymentRow,
    call: () => Promise<PaymentOutcome>,
    options: { keepOpenOnRefusedRequest?: boolean } = {},
  ): Promise<PaymentOutcome & { requestRefused?: boolean }> {
    let outcome: PaymentOutcome | undefined;
    for (let attempt = 1; !outcome; attempt++) {
      try {
        outcome = await call();
      } catch (error) {
        const definite = error instanceof AdyenRequestError && !error.transient;
        this.deps.logger.warn(
          { err: error, paymentId: payment.id, attempt },
          'payment request failed',
        );
        if (definite && options.keepOpenOnRefusedRequest) {
          return { resultCode: 'Pending', refusalReason: error.message, requestRefused: true };
        }
        if (definite) {
          await this.deps.payments.settle(payment.id, {
            success: false,
            resultCode: 'Error',
            reason: error.message,
          });
          return { resultCode: 'Error', refusalReason: error.message };
        }
        if (attempt >= PAYMENT_ATTEMPTS) return { resultCode: 'Pending' };
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
      }
    }
    if (FAILED_RESULT_CODES.has(outcome.resultCode)) {
      await this.deps.payments.settle(payment.id, {
        success: false,
        pspReference: outcome.pspReference,
        resultCode: outcome.resultCode,
        reason: outcome.refusalReason,
      });
    } else {
      await this.deps.payments.recordResult(payment.id, outcome);
    }
    return outcome;
  }

  /**
   * Gives back what an attempt that will not become an order may hold: its reservation and its
   * discount redemption (both releases are idempotent, and leave a marker that refuses a late
   * reserve or redemption). The synchronous calls stay, so that in the normal case the stock is
   * back on sale at once; when one fails (its service is unreachable, timed out, or answered an
   * error), the give-back is made durable instead of only logged: a `checkout.order.abandoned`
   * event that the outbox relay and the consumers' retries carry until it happens.
   */
  private async giveBack(
    attempt: { orderId: string; cartId: string },
    held: { reservation?: boolean; discount?: boolean },
    reason: string,
  ): Promise<void> {
    const { upstream, logger } = this.deps;
    const { orderId } = attempt;
    const failures: string[] = [];
    const release = (what: string, call: () => Promise<void>) =>
      call().catch((error: unknown) => {
        logger.warn({ err: error, orderId }, `could not release the ${what} of a failed order`);
        failures.push(`${what} not released: ${reasonOf(error)}`);
      });
    await Promise.all([
      held.reservation && release('reservation', () => upstream.releaseReservation(orderId)),
      held.discount && release('discount redemption', () => upstream.releaseCartDiscount(orderId)),
    ]);
    if (failures.length > 0) {
      await this.recordAbandoned(attempt, [reason, ...failures].join('; '));
    }
  }

  /**
   * Records `checkout.order.abandoned` in its own transaction, then publishes it. Never for an
   * order that was written (a commit whose answer was lost): its stock and code follow its
   * payment. When even this fails, the reservation still expires after its TTL.
   */
  private async recordAbandoned(
    attempt: { orderId: string; cartId: string },
    reason: string,
  ): Promise<void> {
    const { db, relay, logger } = this.deps;
    const { orderId, cartId } = attempt;
    try {
      const recorded = await db.transaction(async (tx) => {
        const [written] = await tx
          .select({ id: orders.id })
          .from(orders)
          .where(eq(orders.id, orderId));
        if (written) return false;
        await recordEvent(tx, outboxEvents, 'checkout.order.abandoned', {
          orderId,
          cartId,
          reason: reason.slice(0, MAX_REASON_LENGTH),
        });
        return true;
      });
      if (!recorded) {
        logger.error({ orderId }, 'an order placeOrder gave up on exists: nothing abandoned');
        return;
      }
      logger.warn({ orderId, reason }, 'order abandoned: its give-back is queued');
      await relay.flush();
    } catch (error) {
      logger.error(
        { err: error, orderId, reason },
        'could not record an abandoned order: its reservation waits for its expiry',
      );
    }
  }

  private async placed(orderId: string, action: unknown): Promise<OrderPlacedResult> {
    const [order] = await this.deps.db.select().from(orders).where(eq(orders.id, orderId));
    const [payment] = await this.deps.db
      .select()
      .from(payments)
      .where(eq(payments.orderId, orderId));
    if (!order || !payment) throw new Error(`order ${orderId} vanished`);
    return { __typename: 'OrderPlaced', order, payment, action: action ?? null, accessKey: null };
  }
}

/**
 * The discount of the cart's quote, checked against its lines: line totals that are not price
 * times quantity, or shares that do not add up to the discount, are a fault of the cart, not a
 * shopper's mistake.
 */
function checkedDiscount(quote: CartQuote): number {
  const lines = quote.lines;
  const bad = lines.find(
    (l) => l.lineTotal !== l.unitPrice * l.quantity || l.discount > l.lineTotal,
  );
  if (bad) throw new Error(`cart ${quote.cartId} quotes line ${bad.lineId} inconsistently`);
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
  const shares = lines.reduce((sum, l) => sum + l.discount, 0);
  if (subtotal !== quote.subtotal) {
    throw new Error(
      `cart ${quote.cartId} quotes a subtotal of ${quote.subtotal}, its lines ${subtotal}`,
    );
  }
  if (quote.discountCode === null && quote.discount !== 0) {
    throw new Error(`cart ${quote.cartId} quotes a discount of ${quote.discount} without a code`);
  }
  if (quote.discount > subtotal || shares !== quote.discount) {
    throw new Error(
      `cart ${quote.cartId} quotes a discount of ${quote.discount} on ${subtotal}, its line shares ${shares}`,
    );
  }
  return quote.discount;
}

/**
 * The customer's `shopperReference` at Adyen, the owner of their stored cards: their id, never
 * anything a client sends.
 */
export function shopperReferenceOf(customerId: string): string {
  return customerId.toLowerCase();
}

/**
 * Who buys, for inventory's purchase limits per customer: a signed-in customer's id, or a
 * guest's email (already normalised by the input check; compared in any letter case).
 */
export function customerKeyOf(customerId: string | null, email: string): string {
  return customerId ? customerId.toLowerCase() : `email:${email.toLowerCase()}`;
}

/**
 * Whether a call to the cart or inventory got no answer at all: unreachable, timed out, or an HTTP
 * failure without a GraphQL body (the kit's `UpstreamError` without `details`). A passing fault,
 * worth trying again; an upstream that answered GraphQL errors is a bug and is not one.
 */
export function isUpstreamUnavailable(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError && error.details === undefined;
}

/** `CheckoutUnavailable` for an upstream that did not answer; anything else is thrown on. */
function unavailableOrThrow(error: unknown): PlaceOrderResult {
  if (!isUpstreamUnavailable(error)) throw error;
  return {
    __typename: 'CheckoutUnavailable',
    code: 'CHECKOUT_UNAVAILABLE',
    message: `Checkout could not reach the ${error.service} service in time. No order was placed and nothing was charged; try again in ${RETRY_AFTER_SECONDS} seconds.`,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  };
}

/** The attempt's claim on its idempotency key was taken over: its order must not be written. */
class LostKeyClaim extends Error {
  constructor(orderId: string) {
    super(`the idempotency key of order ${orderId} was taken over by another request`);
  }
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}
