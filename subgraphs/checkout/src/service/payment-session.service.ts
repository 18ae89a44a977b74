/** Drop-in's sessions flow: an Adyen `/sessions` session for an order placed without a payment method. */
import { eq } from 'drizzle-orm';
import type { Actor, Logger } from '@commerce-graph/kit';
import { AdyenRequestError, type PaymentSessions } from '../adyen.ts';
import type { CheckoutDb } from '../db/client.ts';
import { payments, type OrderRow } from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import { validateReturnUrl, type InvalidCheckoutInput } from './order-input.ts';
import { RETRY_AFTER_SECONDS, shopperReferenceOf, type OrderService } from './order.service.ts';

export type CreatePaymentSessionResult =
  | {
      __typename: 'PaymentSession';
      id: string;
      sessionData: string;
      clientKey: string;
      expiresAt: string;
      order: OrderRow;
    }
  | { __typename: 'OrderNotPayable'; code: string; message: string; orderId: string }
  | { __typename: 'CheckoutUnavailable'; code: string; message: string; retryAfterSeconds: number }
  | InvalidCheckoutInput;

/** Creates the Adyen session Drop-in pays an order with. */
export class PaymentSessionService {
  constructor(
    private readonly deps: {
      db: CheckoutDb;
      orders: OrderService;
      sessions: PaymentSessions;
      logger: Logger;
      defaultReturnUrl: string;
      returnUrlOrigins: ReadonlySet<string>;
      /** How long a payment may stay PENDING: the session ends when the payment expires. */
      paymentTimeoutMs: number;
    },
  ) {}

  /**
   * The session for the order's waiting payment, for the order's owner alone (as
   * `submitPaymentDetails`): its total, the order id as Adyen's reference, expiring with the
   * payment. The Idempotency-Key is per payment, so a second call answers the same session and
   * one payment never has two sessions to be paid through.
   */
  async createPaymentSession(
    loaders: Loaders,
    actor: Actor,
    input: { orderId: string; accessKey?: string | null; returnUrl?: string | null },
  ): Promise<CreatePaymentSessionResult> {
    const { orderId } = input;
    const notPayable: CreatePaymentSessionResult = {
      __typename: 'OrderNotPayable',
      code: 'ORDER_NOT_PAYABLE',
      message: 'The order is not waiting for a Drop-in session payment',
      orderId,
    };
    const returnUrl = validateReturnUrl(input.returnUrl, this.deps.returnUrlOrigins);
    if (!returnUrl.ok) return returnUrl.error;
    const order = await this.deps.orders.findOrder(loaders, actor, orderId, input.accessKey, 'pay');
    if (!order) return notPayable;
    const [payment] = await this.deps.db
      .select()
      .from(payments)
      .where(eq(payments.orderId, order.id));
    // An Advanced payment was sent to Adyen already: a session would be a second way to pay it.
    if (!payment || payment.status !== 'PENDING' || payment.integration !== 'sessions') {
      return notPayable;
    }
    const expiresAt = new Date(payment.createdAt.getTime() + this.deps.paymentTimeoutMs);
    if (expiresAt.getTime() <= Date.now()) return notPayable;
    const { clientKey } = this.deps.sessions;
    if (!clientKey) throw new Error('ADYEN_CLIENT_KEY is not configured: no Drop-in sessions');
    try {
      const session = await this.deps.sessions.createSession({
        paymentId: payment.id,
        orderId: order.id,
        amount: { value: payment.amount, currency: payment.currency },
        returnUrl: returnUrl.value ?? this.deps.defaultReturnUrl,
        expiresAt,
        countryCode: (order.billingAddress ?? order.shippingAddress)?.countryCode,
        shopperEmail: order.email ?? undefined,
        ...(order.customerId ? { shopperReference: shopperReferenceOf(order.customerId) } : {}),
      });
      return {
        __typename: 'PaymentSession',
        id: session.id,
        sessionData: session.sessionData,
        clientKey,
        expiresAt: session.expiresAt.toISOString(),
        order,
      };
    } catch (error) {
      // Adyen refused the request itself: a fault of ours, not a passing one.
      if (error instanceof AdyenRequestError && !error.transient) throw error;
      this.deps.logger.warn({ err: error, orderId }, 'Adyen did not create the session');
      return {
        __typename: 'CheckoutUnavailable',
        code: 'CHECKOUT_UNAVAILABLE',
        message: `Adyen could not be reached in time; try again in ${RETRY_AFTER_SECONDS} seconds.`,
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      };
    }
  }
}
