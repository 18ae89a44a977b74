import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  internalHeaders,
  signIdentityAssertion,
  type Actor,
} from '@commerce-graph/kit';
import type { AdyenSimulator } from '@commerce-graph/adyen-simulator';
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
} from './support/shop.ts';

const catalog = buildDemoCatalog(10);
const INTERNAL_TOKEN = randomBytes(24).toString('base64url');
// One queue backend is enough: nothing here depends on it (checkout.test.ts runs both).
const backend = queueBackends()[0]!;

const CREATE_SESSION = /* GraphQL */ `
  mutation ($id: ID!, $key: String, $returnUrl: String) {
    createPaymentSession(orderId: $id, accessKey: $key, returnUrl: $returnUrl) {
      __typename
      ... on PaymentSession {
        id
        sessionData
        clientKey
        expiresAt
        order {
          id
          status
        }
      }
      ... on UserError {
        code
      }
      ... on InvalidCheckoutInput {
        field
      }
    }
  }
`;

interface SessionAnswer {
  __typename: string;
  id?: string;
  sessionData?: string;
  clientKey?: string;
  expiresAt?: string;
  order?: { id: string; status: string };
  code?: string;
  field?: string;
}

describe('createPaymentSession (Drop-in sessions flow)', () => {
  let shop: TestGraph;
  let simulator: AdyenSimulator;
  let checkoutUrl: string;
  let cartUrl: string;
  const pickVariant = variantPicker(catalog);

  const as = async (actor: Actor): Promise<Record<string, string>> => ({
    ...internalHeaders(INTERNAL_TOKEN),
    [IDENTITY_HEADER]: await signIdentityAssertion(INTERNAL_TOKEN, actor),
  });
  const guest = () => as({ kind: 'anonymous' });
  const customer = () =>
    as({ kind: 'customer', customerId: randomUUID(), sessionId: randomUUID() });

  beforeAll(async () => {
    shop = await startTestGraph(backend, { catalog, internalToken: INTERNAL_TOKEN });
    simulator = shop.graph.simulator!;
    checkoutUrl = shop.url('checkout');
    cartUrl = shop.url('cart');
  });

  afterAll(async () => {
    await simulator?.flushWebhooks();
    await shop?.close();
  });

  /** Places an order without a payment method: its payment waits for a session. */
  const placeForSession = async (headers: Record<string, string>) => {
    const cartId = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: pickVariant(1).id, quantity: 1 }],
      headers,
    );
    const input: Partial<ReturnType<typeof orderInput>> = orderInput(cartId);
    delete input.paymentMethod;
    delete input.browserInfo;
    return placeOrderOk(checkoutUrl, input as ReturnType<typeof orderInput>, headers);
  };

  const createSession = async (
    variables: { id: string; key?: string | null; returnUrl?: string },
    headers: Record<string, string>,
  ) => {
    const response = await graphql<{ createPaymentSession: SessionAnswer }>(
      checkoutUrl,
      CREATE_SESSION,
      variables,
      headers,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.createPaymentSession;
  };

  /** What Drop-in does in the shopper's browser with the session: pays it with a card. */
  const payInDropIn = (session: SessionAnswer, holderName = 'APPROVED') =>
    fetch(
      `${simulator.url}/checkoutshopper/v1/sessions/${session.id}/payments?clientKey=${session.clientKey}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          sessionData: session.sessionData,
          paymentMethod: { ...CARD, holderName },
        }),
      },
    );

  it('places an order without a payment method and leaves its payment waiting', async () => {
    const headers = await guest();
    const placed = await placeForSession(headers);

    expect(placed.payment).toMatchObject({
      status: 'PENDING',
      resultCode: null,
      pspReference: null,
    });
    expect(placed.action).toBeNull();
    expect(placed.order.status).toBe('PENDING_PAYMENT');
  });

  it('answers id, sessionData and the client key; Drop-in pays it and the webhook makes it PAID', async () => {
    const headers = await guest();
    const placed = await placeForSession(headers);

    const session = await createSession({ id: placed.order.id, key: placed.accessKey }, headers);

    expect(session).toMatchObject({
      __typename: 'PaymentSession',
      id: expect.stringMatching(/^CS/),
      sessionData: expect.any(String),
      clientKey: simulator.clientKey,
      order: { id: placed.order.id, status: 'PENDING_PAYMENT' },
    });
    // The session ends when the payment would expire (15 minutes by default).
    const ttl = new Date(session.expiresAt!).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(10 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);

    const dropIn = await payInDropIn(session);
    expect(dropIn.status).toBe(200);
    expect(await dropIn.json()).toMatchObject({ resultCode: 'Authorised' });
    await simulator.flushWebhooks();
    const paid = await eventually(async () => {
      const order = await fetchOrder(checkoutUrl, placed, headers);
      return order?.status === 'PAID' && order;
    });
    expect(paid.payment).toMatchObject({ status: 'AUTHORISED', pspReference: expect.any(String) });
    // Paid: no second session, no second way to pay.
    expect(
      await createSession({ id: placed.order.id, key: placed.accessKey }, headers),
    ).toMatchObject({ __typename: 'OrderNotPayable' });
  });

  it('answers the same session when asked again', async () => {
    const headers = await customer();
    const placed = await placeForSession(headers);

    const first = await createSession({ id: placed.order.id }, headers);
    const again = await createSession({ id: placed.order.id }, headers);

    expect(first.__typename).toBe('PaymentSession');
    expect(again.id).toBe(first.id);
  });

  it("refuses anyone but the order's shopper: OrderNotPayable", async () => {
    const owner = await customer();
    const placed = await placeForSession(owner);
    const guestPlaced = await placeForSession(await guest());

    expect(await createSession({ id: placed.order.id }, await customer())).toMatchObject({
      __typename: 'OrderNotPayable',
      code: 'ORDER_NOT_PAYABLE',
    });
    // A guest order without its access key, or with another order's.
    expect(await createSession({ id: guestPlaced.order.id }, await guest())).toMatchObject({
      __typename: 'OrderNotPayable',
    });
    expect(
      await createSession({ id: guestPlaced.order.id, key: 'wrong-key' }, await guest()),
    ).toMatchObject({ __typename: 'OrderNotPayable' });
  });

  it('refuses an order whose payment went to Adyen with placeOrder (Advanced)', async () => {
    const headers = await customer();
    const cartId = await cartWith(
      { cart: cartUrl, checkout: checkoutUrl },
      [{ variantId: pickVariant(1).id, quantity: 1 }],
      headers,
    );
    const advanced = await placeOrderOk(checkoutUrl, orderInput(cartId), headers);

    expect(await createSession({ id: advanced.order.id }, headers)).toMatchObject({
      __typename: 'OrderNotPayable',
    });
  });

  it("refuses a returnUrl off the shop's origins", async () => {
    const headers = await customer();
    const placed = await placeForSession(headers);

    const answer = await createSession(
      { id: placed.order.id, returnUrl: 'https://evil.example/return' },
      headers,
    );

    expect(answer).toMatchObject({ __typename: 'InvalidCheckoutInput', field: 'returnUrl' });
  });
});
