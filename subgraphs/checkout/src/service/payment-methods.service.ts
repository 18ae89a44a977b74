import { z } from 'zod';
import { badUserInput, isUuid, type Actor } from '@commerce-graph/kit';
import type { PaymentMethodCatalog, StoredCard } from '../adyen.ts';
import { PAYMENT_METHOD_TYPES } from './order-input.ts';
import { shopperReferenceOf } from './order.service.ts';
import { MAX_ORDER_TOTAL } from './pricing.ts';

/** A payment method as the API shows it. */
export interface PaymentMethodView {
  type: string;
  name: string;
  brands: string[];
}

const supported: ReadonlySet<string> = new Set(PAYMENT_METHOD_TYPES);

// Codes in any letter case, sent to Adyen in upper case as ISO writes them.
const paymentMethodsQuery = z.object({
  countryCode: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'countryCode must be an ISO 3166-1 alpha-2 country code, such as NL')
    .transform((code) => code.toUpperCase()),
  currencyCode: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'currencyCode must be an ISO 4217 currency code, such as EUR')
    .transform((code) => code.toUpperCase()),
  amount: z
    .number()
    .int()
    .min(0, 'amount is in minor units: 0 or more')
    .max(MAX_ORDER_TOTAL, `amount is at most ${MAX_ORDER_TOTAL} minor units`),
});

/** The payment methods a shopper may choose from: Adyen's offer for the market, as checkout takes them. */
export class PaymentMethodsService {
  constructor(private readonly catalog: PaymentMethodCatalog) {}

  /**
   * Asks Adyen which methods it offers for the country, currency and amount, and keeps those
   * that `placeOrder` accepts (PAYMENT_METHOD_TYPES), in Adyen's order. Malformed arguments are
   * BAD_USER_INPUT, naming the argument in `extensions.field`, before Adyen is asked.
   */
  async listPaymentMethods(args: {
    countryCode: string;
    currencyCode: string;
    amount: number;
  }): Promise<PaymentMethodView[]> {
    const parsed = paymentMethodsQuery.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw badUserInput(issue.message, { field: issue.path.join('.') });
    }
    const { countryCode, currencyCode, amount } = parsed.data;
    const offers = await this.catalog.listPaymentMethods({
      countryCode,
      amount: { value: amount, currency: currencyCode },
    });
    return offers
      .filter((offer) => supported.has(offer.type))
      .map((offer) => ({ type: offer.type, name: offer.name, brands: offer.brands ?? [] }));
  }

  /**
   * The cards a customer stored with Adyen (`/paymentMethods` with their shopperReference), for
   * the customer themself; anyone else gets an empty list and Adyen is not asked.
   */
  async listStoredCards(actor: Actor, customerId: string): Promise<StoredCard[]> {
    if (actor.kind !== 'customer' || !isUuid(customerId)) return [];
    if (actor.customerId.toLowerCase() !== customerId.toLowerCase()) return [];
    return this.catalog.listStoredCards(shopperReferenceOf(customerId));
  }
}
