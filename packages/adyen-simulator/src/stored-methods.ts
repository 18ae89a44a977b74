/** Tokenization: the cards shoppers stored (`storePaymentMethod`) and the rules for paying with them. */
import { randomBytes } from 'node:crypto';
import { adyenError, type ApiResponse } from './api-response.ts';
import type { CardSummary } from './test-cards.ts';
import type { PaymentRequestInput } from './validation.ts';

/** A stored card, as `/paymentMethods` lists it in `storedPaymentMethods`. */
export interface StoredCard {
  id: string;
  shopperReference: string;
  brand: string;
  lastFour: string;
  expiryMonth: string;
  expiryYear: string;
  holderName?: string;
}

/** What a payment request asks of tokenization, once its fields passed Adyen's rules. */
export type TokenizationPlan =
  | { kind: 'none' }
  | { kind: 'store'; shopperReference: string }
  | { kind: 'pay-stored'; card: StoredCard };

export type TokenizationCheck =
  { ok: true; plan: TokenizationPlan } | { ok: false; response: ApiResponse };

const required = (field: string) =>
  adyenError(422, '000', `Required field '${field}' is not provided.`);

/** The shopper's stored cards of one merchant account, in memory. */
export function createStoredMethods() {
  const byId = new Map<string, StoredCard>();

  /**
   * Adyen's rules: paying with `storedPaymentMethodId` needs the `shopperReference` it belongs
   * to, `shopperInteraction: ContAuth` and a `recurringProcessingModel`; storing a card
   * (`storePaymentMethod: true`, shopper present) needs a `shopperReference` and a
   * `recurringProcessingModel`, and cannot be asked for with a stored card.
   */
  function check(request: PaymentRequestInput): TokenizationCheck {
    const storedId =
      request.paymentMethod.storedPaymentMethodId ?? request.paymentMethod.recurringDetailReference;
    const fail = (response: ApiResponse): TokenizationCheck => ({ ok: false, response });
    if (storedId !== undefined) {
      if (request.shopperReference === undefined) return fail(required('shopperReference'));
      if (request.shopperInteraction !== 'ContAuth') {
        return fail(
          adyenError(
            422,
            '000',
            "Invalid shopperInteraction: a payment with a stored payment method must be 'ContAuth'",
          ),
        );
      }
      if (request.recurringProcessingModel === undefined) {
        return fail(required('recurringProcessingModel'));
      }
      const known = [...byId.values()].some((c) => c.shopperReference === request.shopperReference);
      if (!known) return fail(adyenError(422, '800', 'Contract not found'));
      const card = byId.get(storedId);
      if (card === undefined || card.shopperReference !== request.shopperReference) {
        return fail(adyenError(422, '803', 'PaymentDetail not found'));
      }
      return { ok: true, plan: { kind: 'pay-stored', card } };
    }
    if (request.storePaymentMethod === true) {
      if (request.shopperReference === undefined) return fail(required('shopperReference'));
      if (request.recurringProcessingModel === undefined) {
        return fail(required('recurringProcessingModel'));
      }
      if ((request.shopperInteraction ?? 'Ecommerce') !== 'Ecommerce') {
        return fail(
          adyenError(
            422,
            '000',
            "Invalid shopperInteraction: storing a payment method needs the shopper ('Ecommerce')",
          ),
        );
      }
      return { ok: true, plan: { kind: 'store', shopperReference: request.shopperReference } };
    }
    return { ok: true, plan: { kind: 'none' } };
  }

  /**
   * Stores the card of an authorised payment for the shopper (the same card twice is one token)
   * and answers Adyen's `additionalData` tokenization fields; nothing for a card it cannot read.
   */
  function store(
    shopperReference: string,
    card: CardSummary,
    holderName: string | undefined,
  ): Record<string, string> {
    if (card.last4 === undefined || card.expiryDate === undefined) return {};
    const [month, year] = card.expiryDate.split('/') as [string, string];
    const expiryMonth = month.padStart(2, '0');
    const existing = [...byId.values()].find(
      (c) =>
        c.shopperReference === shopperReference &&
        c.brand === card.brand &&
        c.lastFour === card.last4 &&
        c.expiryMonth === expiryMonth &&
        c.expiryYear === year,
    );
    const stored: StoredCard = existing ?? {
      // Adyen's tokens are 16 characters, like pspReferences.
      id: randomBytes(8).toString('hex').toUpperCase(),
      shopperReference,
      brand: card.brand,
      lastFour: card.last4,
      expiryMonth,
      expiryYear: year,
      ...(holderName === undefined ? {} : { holderName }),
    };
    byId.set(stored.id, stored);
    return {
      'recurring.recurringDetailReference': stored.id,
      'recurring.shopperReference': shopperReference,
      recurringProcessingModel: 'CardOnFile',
      'tokenization.storedPaymentMethodId': stored.id,
      'tokenization.shopperReference': shopperReference,
      'tokenization.store.operationType': existing === undefined ? 'created' : 'alreadyExisting',
    };
  }

  /** `/paymentMethods`' `storedPaymentMethods` for a shopper. */
  function listFor(shopperReference: string) {
    return [...byId.values()]
      .filter((card) => card.shopperReference === shopperReference)
      .map((card) => ({
        id: card.id,
        type: 'scheme',
        name: card.brand === 'mc' ? 'MasterCard' : card.brand === 'visa' ? 'VISA' : card.brand,
        brand: card.brand,
        lastFour: card.lastFour,
        expiryMonth: card.expiryMonth,
        expiryYear: card.expiryYear,
        ...(card.holderName === undefined ? {} : { holderName: card.holderName }),
        supportedShopperInteractions: ['Ecommerce', 'ContAuth'],
        supportedRecurringProcessingModels: ['CardOnFile'],
      }));
  }

  return { check, store, listFor };
}

export type StoredMethods = ReturnType<typeof createStoredMethods>;
