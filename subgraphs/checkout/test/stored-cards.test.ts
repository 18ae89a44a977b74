import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  internalHeaders,
  signIdentityAssertion,
  type Actor,
} from '@commerce-graph/kit';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import {
  CARD,
  cartWith,
  fetchOrder,
  orderInput,
  placeOrderOk,
  variantPicker,
  writtenRows,
  type PlaceOrderInput,
} from './support/shop.ts';

const catalog = buildDemoCatalog(10);
const INTERNAL_TOKEN = randomBytes(24).toString('base64url');
// One queue backend is enough: nothing here depends on it (checkout.test.ts runs both).
const backend = queueBackends()[0]!;

const STORED_CARDS = /* GraphQL */ `
  query ($id: ID!) {
    _entities(representations: [{ __typename: "Customer", id: $id }]) {
      ... on Customer {
        storedPaymentMethods {
          id
          brand
          lastFour
          expiryMonth
          expiryYear
        }
      }
    }
  }
`;

const PLACE_ORDER = /* GraphQL */ `
  mutation ($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on UserError {
        code
      }
      ... on StoredCardSignInRequired {
        field
      }
      ... on InvalidCheckoutInput {
        field
      }
    }
  }
`;

/** A payment method input with a Boolean in it (the support helpers type them as strings). */
const method = (fields: Record<string, string | boolean>) => fields as Record<string, string>;

interface StoredCardView {
  id: string;
  brand: string;
  lastFour: string;
  expiryMonth: string;
  expiryYear: string;
}

describe('stored cards: storePaymentMethod and storedPaymentMethodId', () => {
  let shop: TestGraph;
  let checkoutUrl: string;
  let cartUrl: string;
  const pickVariant = variantPicker(catalog);

  /** Headers of a request the gateway passes on for `actor`: internal token and assertion. */
  const as = async (actor: Actor): Promise<Record<string, string>> => ({
    ...internalHeaders(INTERNAL_TOKEN),
    [IDENTITY_HEADER]: await signIdentityAssertion(INTERNAL_TOKEN, actor),
  });
  const customer = async () => {
    const customerId = randomUUID();
    const headers = await as({ kind: 'customer', customerId, sessionId: randomUUID() });
    return { id: customerId, headers };
  };
  const guest = () => as({ kind: 'anonymous' });

  beforeAll(async () => {
    shop = await startTestGraph(backend, { catalog, internalToken: INTERNAL_TOKEN });
    checkoutUrl = shop.url('checkout');
    cartUrl = shop.url('cart');
  });

  afterAll(async () => {
    await shop?.graph.simulator?.flushWebhooks();
    await shop?.close();
  });

  const orderableCart = (headers: Record<string, string>) =>
    cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: pickVariant(1).id, quantity: 1 }],
      headers,
    );

  const storedCardsOf = async (customerId: string, headers: Record<string, string>) => {
    const response = await graphql<{
      _entities: Array<{ storedPaymentMethods: StoredCardView[] }>;
    }>(checkoutUrl, STORED_CARDS, { id: customerId }, headers);
    expect(response.errors).toBeUndefined();
    return response.data!._entities[0]!.storedPaymentMethods;
  };

  const place = async (input: PlaceOrderInput, headers: Record<string, string>) => {
    const response = await graphql<{
      placeOrder: { __typename: string; code?: string; field?: string };
    }>(checkoutUrl, PLACE_ORDER, { input }, headers);
    expect(response.errors).toBeUndefined();
    return response.data!.placeOrder;
  };

  /** Places and pays an order with a new card stored for the customer; answers the stored card. */
  const storeCardFor = async (shopper: { id: string; headers: Record<string, string> }) => {
    const input = orderInput(await orderableCart(shopper.headers), {
      paymentMethod: method({ ...CARD, holderName: 'APPROVED', storePaymentMethod: true }),
    });
    const placed = await placeOrderOk(checkoutUrl, input, shopper.headers);
    expect(placed.payment.resultCode).toBe('Authorised');
    const cards = await storedCardsOf(shopper.id, shopper.headers);
    expect(cards).toHaveLength(1);
    return { placed, card: cards[0]! };
  };

  it('stores the card of a signed-in customer and lists it in Customer.storedPaymentMethods', async () => {
    const shopper = await customer();
    expect(await storedCardsOf(shopper.id, shopper.headers)).toEqual([]);

    const { placed, card } = await storeCardFor(shopper);

    expect(card).toEqual({
      id: expect.stringMatching(/^[A-Z0-9]{16}$/),
      brand: 'visa',
      lastFour: '1142',
      expiryMonth: '03',
      expiryYear: '2030',
    });
    const paid = await eventually(async () => {
      const order = await fetchOrder(checkoutUrl, placed, shopper.headers);
      return order?.status === 'PAID' && order;
    });
    expect(paid.payment.status).toBe('AUTHORISED');
  });

  it("shows a customer's stored cards to that customer alone", async () => {
    const owner = await customer();
    await storeCardFor(owner);
    const other = await customer();

    expect(await storedCardsOf(owner.id, other.headers)).toEqual([]);
    expect(await storedCardsOf(owner.id, await guest())).toEqual([]);
  });

  it('pays with a stored card of the customer (ContAuth)', async () => {
    const shopper = await customer();
    const { card } = await storeCardFor(shopper);

    const placed = await placeOrderOk(
      checkoutUrl,
      orderInput(await orderableCart(shopper.headers), {
        paymentMethod: { type: 'scheme', storedPaymentMethodId: card.id },
      }),
      shopper.headers,
    );

    expect(placed.payment).toMatchObject({ resultCode: 'Authorised', refusalReason: null });
    await eventually(async () => {
      const order = await fetchOrder(checkoutUrl, placed, shopper.headers);
      return order?.status === 'PAID';
    });
  });

  it("fails the payment with another customer's stored card: Adyen ties it to its owner", async () => {
    const owner = await customer();
    const { card } = await storeCardFor(owner);
    const thief = await customer();
    await storeCardFor(thief);

    const placed = await placeOrderOk(
      checkoutUrl,
      orderInput(await orderableCart(thief.headers), {
        paymentMethod: { type: 'scheme', storedPaymentMethodId: card.id },
      }),
      thief.headers,
    );

    expect(placed.payment.status).toBe('ERROR');
    expect(placed.payment.refusalReason).toMatch(/PaymentDetail not found/);
    expect((await fetchOrder(checkoutUrl, placed, thief.headers))?.status).toBe('PAYMENT_FAILED');
  });

  it.each([
    ['pay with a stored card', { type: 'scheme', storedPaymentMethodId: 'ABCDEF0123456789' }],
    ['store a card', method({ ...CARD, storePaymentMethod: true })],
  ])(
    'answers a guest asking to %s StoredCardSignInRequired and writes nothing',
    async (_, method) => {
      const headers = await guest();
      const cartId = await orderableCart(headers);
      const before = await writtenRows(shop.sql);

      const result = await place(orderInput(cartId, { paymentMethod: method }), headers);

      expect(result).toEqual({
        __typename: 'StoredCardSignInRequired',
        code: 'SIGN_IN_REQUIRED',
        field:
          'storePaymentMethod' in method
            ? 'paymentMethod.storePaymentMethod'
            : 'paymentMethod.storedPaymentMethodId',
      });
      expect(await writtenRows(shop.sql)).toEqual(before);
    },
  );

  it('refuses storePaymentMethod with a stored card, before anything is written', async () => {
    const shopper = await customer();
    const cartId = await orderableCart(shopper.headers);
    const before = await writtenRows(shop.sql);

    const result = await place(
      orderInput(cartId, {
        paymentMethod: method({
          type: 'scheme',
          storedPaymentMethodId: 'ABCDEF0123456789',
          storePaymentMethod: true,
        }),
      }),
      shopper.headers,
    );

    expect(result).toMatchObject({
      __typename: 'InvalidCheckoutInput',
      field: 'paymentMethod.storePaymentMethod',
    });
    expect(await writtenRows(shop.sql)).toEqual(before);
  });
});
