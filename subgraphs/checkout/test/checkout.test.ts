import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildThreeDSResult, type ThreeDS2ChallengeAction } from '@commerce-graph/adyen-simulator';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import type { RunningGraph } from '../../../scripts/graph.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import {
  CARD,
  cartStatus,
  cartWith,
  fetchOrder,
  nlStandardShipping,
  orderInput,
  outboxEventsOf,
  placeOrder,
  placeOrderOk,
  stockOf,
  variantPicker,
  writtenRows,
  type PlaceOrderInput,
} from './support/shop.ts';

const catalog = buildDemoCatalog(30);

for (const backend of queueBackends()) {
  describe(`placeOrder (BullMQ on ${backend.name})`, () => {
    let shop: TestGraph;
    let graph: RunningGraph;
    let sql: postgres.Sql;
    let checkoutUrl: string;
    let cartUrl: string;
    const pickVariant = variantPicker(catalog);

    beforeAll(async () => {
      shop = await startTestGraph(backend, { catalog });
      ({ graph, sql } = shop);
      checkoutUrl = shop.url('checkout');
      cartUrl = shop.url('cart');
    });

    afterAll(async () => {
      await shop?.close();
    });

    /** Webhooks the simulator sent for one order, as [eventCode, success, delivered]. */
    const webhooksFor = (orderId: string) =>
      graph
        .simulator!.deliveries.filter((d) => d.merchantReference === orderId)
        .map((d) => [d.eventCode, d.success, d.delivered]);

    it('prices the order from the catalog, and the AUTHORISATION webhook makes it PAID, sells the stock and checks the cart out', async () => {
      const [a, b] = [pickVariant(3), pickVariant(1)];
      const [stockA, stockB] = [await stockOf(sql, a.id), await stockOf(sql, b.id)];
      const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
        { variantId: a.id, quantity: 2 },
        { variantId: b.id, quantity: 1 },
      ]);
      const goods = a.priceAmount * 2 + b.priceAmount;
      const total = goods + nlStandardShipping(goods);

      const placed = await placeOrderOk(checkoutUrl, orderInput(cartId));
      expect(placed.order).toMatchObject({
        status: 'PENDING_PAYMENT',
        email: 'shopper@example.com',
        total: { amount: total, currencyCode: 'EUR' },
        lines: [
          {
            variant: { id: a.id },
            quantity: 2,
            unitPrice: { amount: a.priceAmount, currencyCode: 'EUR' },
            lineTotal: { amount: a.priceAmount * 2, currencyCode: 'EUR' },
          },
          {
            variant: { id: b.id },
            quantity: 1,
            unitPrice: { amount: b.priceAmount, currencyCode: 'EUR' },
            lineTotal: { amount: b.priceAmount, currencyCode: 'EUR' },
          },
        ],
      });
      // Adyen answered Authorised, but only the webhook may make the payment AUTHORISED.
      expect(placed.payment).toMatchObject({
        status: 'PENDING',
        resultCode: 'Authorised',
        amount: { amount: total, currencyCode: 'EUR' },
      });
      expect(placed.payment.pspReference).toMatch(/^[A-Z0-9]{16}$/);
      expect(placed.action).toBeNull();

      const paid = await eventually(async () => {
        const order = await fetchOrder(checkoutUrl, placed);
        return order?.status === 'PAID' ? order : null;
      });
      expect(paid.payment).toMatchObject({
        status: 'AUTHORISED',
        pspReference: placed.payment.pspReference,
      });
      expect(webhooksFor(placed.order.id)).toEqual([['AUTHORISATION', 'true', true]]);

      // Inventory's worker sells the reserved units a moment after checkout records the payment.
      await eventually(async () => (await stockOf(sql, a.id)).reserved === stockA.reserved);
      await eventually(async () => (await stockOf(sql, b.id)).reserved === stockB.reserved);
      expect(await stockOf(sql, a.id)).toEqual({
        onHand: stockA.onHand - 2,
        reserved: 0,
        available: stockA.available - 2,
      });
      expect(await stockOf(sql, b.id)).toEqual({
        onHand: stockB.onHand - 1,
        reserved: 0,
        available: stockB.available - 1,
      });
      const reservations = await sql<Array<{ status: string; quantity: number }>>`
        select status, sum(quantity)::int as quantity from inventory.reservations
        where order_id = ${placed.order.id} group by status`;
      expect(reservations).toEqual([{ status: 'SOLD', quantity: 3 }]);

      expect(await eventually(async () => (await cartStatus(cartUrl, cartId)) === 'CHECKED_OUT'));
      expect(await outboxEventsOf(sql, placed.order.id)).toEqual([
        'checkout.order.placed',
        'checkout.order.paid',
        'checkout.payment.authorised',
      ]);
    });

    it('stores the email trimmed, NFC-normalised and with a lower-case domain', async () => {
      const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
        { variantId: pickVariant(1).id, quantity: 1 },
      ]);
      // U+212A KELVIN SIGN is canonically equivalent to K: NFC turns it into the plain letter.
      const placed = await placeOrderOk(
        checkoutUrl,
        orderInput(cartId, { email: '  \u212Aim.Shopper+1@Example.COM\n' }),
      );
      expect(placed.order.email).toBe('Kim.Shopper+1@example.com');
      const [row] = await sql<[{ email: string }]>`
        select email from checkout.orders where id = ${placed.order.id}`;
      expect(row.email).toBe('Kim.Shopper+1@example.com');
    });

    it('fails the order at once when the card is refused and puts the stock back on sale', async () => {
      const variant = pickVariant(2);
      const before = await stockOf(sql, variant.id);
      const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
        { variantId: variant.id, quantity: 2 },
      ]);

      const placed = await placeOrderOk(
        checkoutUrl,
        orderInput(cartId, { paymentMethod: { ...CARD, holderName: 'DECLINED' } }),
      );
      expect(placed.order.status).toBe('PAYMENT_FAILED');
      expect(placed.payment).toMatchObject({
        status: 'REFUSED',
        resultCode: 'Refused',
        refusalReason: 'Refused',
      });

      await eventually(async () => (await stockOf(sql, variant.id)).reserved === before.reserved);
      expect(await stockOf(sql, variant.id)).toEqual(before);
      const reservations = await sql<Array<{ status: string }>>`
        select distinct status from inventory.reservations where order_id = ${placed.order.id}`;
      expect(reservations).toEqual([{ status: 'RELEASED' }]);

      // Adyen's own AUTHORISATION success=false webhook follows; it must not change the outcome.
      const outcome = await eventually(async () => {
        const [row] = await sql<Array<{ outcome: string | null }>>`
          select outcome from checkout.adyen_notifications
          where merchant_reference = ${placed.order.id} and processed_at is not null`;
        return row?.outcome;
      });
      expect(outcome).toBe('unchanged: payment is REFUSED');
      expect(webhooksFor(placed.order.id)).toEqual([['AUTHORISATION', 'false', true]]);
      expect((await fetchOrder(checkoutUrl, placed))?.status).toBe('PAYMENT_FAILED');
      expect(await outboxEventsOf(sql, placed.order.id)).toEqual([
        'checkout.order.placed',
        'checkout.payment.failed',
      ]);
    });

    it('opens the cart again after a refused card, so the shopper can pay with another', async () => {
      const variant = pickVariant(1);
      const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
        { variantId: variant.id, quantity: 1 },
      ]);
      const refused = await placeOrderOk(
        checkoutUrl,
        orderInput(cartId, { paymentMethod: { ...CARD, holderName: 'DECLINED' } }),
      );
      expect(refused.order.status).toBe('PAYMENT_FAILED');
      await eventually(async () => (await cartStatus(cartUrl, cartId)) === 'ACTIVE');

      const retried = await placeOrderOk(checkoutUrl, orderInput(cartId));
      expect(retried.order.id).not.toBe(refused.order.id);
      await eventually(async () => (await fetchOrder(checkoutUrl, retried))?.status === 'PAID');
      await eventually(async () => (await cartStatus(cartUrl, cartId)) === 'CHECKED_OUT');
      const again = await placeOrder(checkoutUrl, orderInput(cartId));
      expect(again).toMatchObject({ __typename: 'CartUnavailable', code: 'CART_ALREADY_ORDERED' });
    });

    it('completes a 3-D Secure challenge with submitPaymentDetails, then the webhook pays the order', async () => {
      const variant = pickVariant(1);
      const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
        { variantId: variant.id, quantity: 1 },
      ]);
      const placed = await placeOrderOk(
        checkoutUrl,
        orderInput(cartId, {
          paymentMethod: { ...CARD, encryptedCardNumber: 'test_4212345678910006' },
        }),
      );
      expect(placed.payment).toMatchObject({ status: 'PENDING', resultCode: 'ChallengeShopper' });
      const action = placed.action as ThreeDS2ChallengeAction;
      expect(action).toMatchObject({ type: 'threeDS2', subtype: 'challenge' });

      const SUBMIT = `mutation($id: ID!, $key: String, $details: JSON!) {
        submitPaymentDetails(orderId: $id, accessKey: $key, details: $details) {
          __typename
          ... on OrderPlaced { payment { status resultCode } }
          ... on UserError { code }
        }
      }`;
      const details = { threeDSResult: buildThreeDSResult('Y', action) };
      // The order id alone is not enough: without its access key nobody can pay (or fail) it.
      for (const key of [undefined, 'a-guessed-key']) {
        const stranger = await graphql(checkoutUrl, SUBMIT, { id: placed.order.id, key, details });
        expect(stranger.data).toEqual({
          submitPaymentDetails: { __typename: 'OrderNotPayable', code: 'ORDER_NOT_PAYABLE' },
        });
      }
      expect(await fetchOrder(checkoutUrl, { ...placed, accessKey: null })).toBeNull();
      expect(await fetchOrder(checkoutUrl, { ...placed, accessKey: 'a-guessed-key' })).toBeNull();
      // Details Adyen cannot use are refused, and the payment stays open for the real answer.
      const madeUp = await graphql(checkoutUrl, SUBMIT, {
        id: placed.order.id,
        key: placed.accessKey,
        details: { threeDSResult: 'bm90IGpzb24' },
      });
      expect(madeUp.data).toEqual({
        submitPaymentDetails: { __typename: 'InvalidCheckoutInput', code: 'INVALID_INPUT' },
      });
      expect(await fetchOrder(checkoutUrl, placed)).toMatchObject({
        status: 'PENDING_PAYMENT',
        payment: { status: 'PENDING' },
      });
      const submitted = await graphql(checkoutUrl, SUBMIT, {
        id: placed.order.id,
        key: placed.accessKey,
        details,
      });
      expect(submitted.data).toEqual({
        submitPaymentDetails: {
          __typename: 'OrderPlaced',
          payment: { status: 'PENDING', resultCode: 'Authorised' },
        },
      });
      await eventually(async () => (await fetchOrder(checkoutUrl, placed))?.status === 'PAID');

      // Once paid, the order takes no more payment steps.
      const again = await graphql(checkoutUrl, SUBMIT, {
        id: placed.order.id,
        key: placed.accessKey,
        details,
      });
      expect(again.data).toEqual({
        submitPaymentDetails: { __typename: 'OrderNotPayable', code: 'ORDER_NOT_PAYABLE' },
      });
    });

    describe('refuses, writing nothing and charging nothing,', () => {
      /** Runs `attempt` and checks that no order, payment, event, reservation or webhook appeared. */
      async function expectNothingWritten<T>(attempt: () => Promise<T>): Promise<T> {
        const rowsBefore = await writtenRows(sql);
        const webhooksBefore = graph.simulator!.deliveries.length;
        const result = await attempt();
        expect(await writtenRows(sql)).toEqual(rowsBefore);
        expect(graph.simulator!.deliveries.length).toBe(webhooksBefore);
        return result;
      }

      /** A cart with one line of an untouched in-stock variant. */
      const orderableCart = () =>
        cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
          { variantId: pickVariant(1).id, quantity: 1 },
        ]);

      it('an unknown cart id', async () => {
        const cartId = randomUUID();
        const result = await expectNothingWritten(() =>
          placeOrder(checkoutUrl, orderInput(cartId)),
        );
        expect(result).toMatchObject({
          __typename: 'CartUnavailable',
          code: 'CART_NOT_FOUND',
          cartId,
        });
      });

      it('a malformed cart id', async () => {
        const result = await expectNothingWritten(() =>
          placeOrder(checkoutUrl, orderInput("1' or '1'='1")),
        );
        expect(result).toMatchObject({ __typename: 'CartUnavailable', code: 'CART_NOT_FOUND' });
      });

      it('an empty cart', async () => {
        const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, []);
        const result = await expectNothingWritten(() =>
          placeOrder(checkoutUrl, orderInput(cartId)),
        );
        expect(result).toMatchObject({ __typename: 'CartUnavailable', code: 'CART_EMPTY', cartId });
      });

      it.each([
        ['an invalid email', { email: 'shopper@example' }, 'email'],
        ['a javascript: returnUrl', { returnUrl: 'javascript:alert(1)' }, 'returnUrl'],
        [
          'a returnUrl on an origin not in CHECKOUT_RETURN_URL_ORIGINS',
          { returnUrl: 'https://attacker.example/checkout/return' },
          'returnUrl',
        ],
        [
          'a payment method checkout does not take',
          { paymentMethod: { type: 'paypal' } },
          'paymentMethod.type',
        ],
        [
          'a card without all four encrypted fields',
          { paymentMethod: { type: 'scheme', encryptedCardNumber: CARD.encryptedCardNumber } },
          'paymentMethod',
        ],
        [
          'an oversized encrypted field',
          { paymentMethod: { ...CARD, encryptedSecurityCode: 'x'.repeat(5_001) } },
          'paymentMethod.encryptedSecurityCode',
        ],
      ])('%s', async (_, overrides, field) => {
        const cartId = await orderableCart();
        const result = await expectNothingWritten(() =>
          placeOrder(checkoutUrl, orderInput(cartId, overrides)),
        );
        expect(result).toMatchObject({
          __typename: 'InvalidCheckoutInput',
          code: 'INVALID_INPUT',
          field,
        });
        expect(await cartStatus(cartUrl, cartId)).toBe('ACTIVE');
      });

      const longUrl = `http://localhost:3000/return?${'a'.repeat(2_048)}`;
      it.each([
        ['an email with a NUL byte', { email: 'shop\u0000per@example.com' }, 'email'],
        ['an email with a lone surrogate', { email: 'shopper\ud800@example.com' }, 'email'],
        ['an email with a right-to-left override', { email: '\u202eshopper@example.com' }, 'email'],
        ['an email with a zero-width space', { email: 'shop\u200bper@example.com' }, 'email'],
        ['an email with a control character', { email: 'shopper\u0007@example.com' }, 'email'],
        ['an email with markup', { email: '<script>alert(1)</script>@example.com' }, 'email'],
        ['an email with quotes', { email: '"shopper"@example.com' }, 'email'],
        ['an email over 254 characters', { email: `${'a'.repeat(250)}@example.com` }, 'email'],
        [
          'a holder name with a NUL byte',
          { paymentMethod: { ...CARD, holderName: 'APPROVED\u0000' } },
          'paymentMethod.holderName',
        ],
        [
          'a holder name with a bidi override',
          { paymentMethod: { ...CARD, holderName: 'DECLINED\u202eDEVORPPA' } },
          'paymentMethod.holderName',
        ],
        [
          'a holder name with a lone surrogate',
          { paymentMethod: { ...CARD, holderName: 'APPROVED\udc00' } },
          'paymentMethod.holderName',
        ],
        [
          'a holder name with a newline',
          { paymentMethod: { ...CARD, holderName: 'APPROVED\nX' } },
          'paymentMethod.holderName',
        ],
        [
          'an over-long holder name',
          { paymentMethod: { ...CARD, holderName: 'A '.repeat(2_501) } },
          'paymentMethod.holderName',
        ],
        [
          'an encrypted field with a zero-width space',
          { paymentMethod: { ...CARD, encryptedCardNumber: 'test_4111\u200b1111' } },
          'paymentMethod.encryptedCardNumber',
        ],
        [
          'an encrypted field with a space',
          { paymentMethod: { ...CARD, encryptedExpiryYear: 'test_ 2030' } },
          'paymentMethod.encryptedExpiryYear',
        ],
        [
          'a stored payment method id with a NUL byte',
          { paymentMethod: { type: 'scheme', storedPaymentMethodId: 'pm\u0000' } },
          'paymentMethod.storedPaymentMethodId',
        ],
        [
          'a payment method type with a NUL byte',
          { paymentMethod: { ...CARD, type: 'scheme\u0000' } },
          'paymentMethod.type',
        ],
        ['a returnUrl with a NUL byte', { returnUrl: 'http://localhost:3000/\u0000' }, 'returnUrl'],
        [
          'a returnUrl with a bidi override',
          { returnUrl: 'http://localhost:3000/\u202egro.live' },
          'returnUrl',
        ],
        ['a returnUrl with a space', { returnUrl: 'http://localhost:3000/a b' }, 'returnUrl'],
        ['an over-long returnUrl', { returnUrl: longUrl }, 'returnUrl'],
      ])('%s, before reading the cart or reserving stock', async (_, overrides, field) => {
        const variant = pickVariant(1);
        const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
          { variantId: variant.id, quantity: 1 },
        ]);
        const stock = await stockOf(sql, variant.id);
        const result = await expectNothingWritten(() =>
          placeOrder(checkoutUrl, orderInput(cartId, overrides as Partial<PlaceOrderInput>)),
        );
        expect(result).toMatchObject({
          __typename: 'InvalidCheckoutInput',
          code: 'INVALID_INPUT',
          field,
          message: expect.any(String),
        });
        expect(await stockOf(sql, variant.id)).toEqual(stock);
        expect(await cartStatus(cartUrl, cartId)).toBe('ACTIVE');
      });

      it.each([
        ['an array', ['threeDSResult']],
        ['a string', 'threeDSResult'],
        ['a string value with a NUL byte', { threeDSResult: 'eyJ0\u0000' }],
        ['a string value with a lone surrogate', { redirectResult: '\ud800' }],
        ['a string value with a bidi override', { threeDSResult: '\u202eeyJ0' }],
        ['a nested string with a control character', { a: { b: ['ok', 'x\u001b'] } }],
        ['a key with a zero-width space', { 'threeDS\u200bResult': 'eyJ0' }],
        ['more than 32768 characters', { redirectResult: 'a'.repeat(32_768) }],
        ['nesting deeper than 8 levels', { a: [[[[[[[[['deep']]]]]]]]] }],
      ])('submitPaymentDetails with details that are %s', async (_, details) => {
        const SUBMIT = `mutation($id: ID!, $details: JSON!) {
          submitPaymentDetails(orderId: $id, details: $details) {
            __typename
            ... on InvalidCheckoutInput { code field message }
          }
        }`;
        const response = await expectNothingWritten(() =>
          graphql<{ submitPaymentDetails: Record<string, unknown> }>(checkoutUrl, SUBMIT, {
            id: randomUUID(),
            details,
          }),
        );
        expect(response.errors).toBeUndefined();
        expect(response.data!.submitPaymentDetails).toMatchObject({
          __typename: 'InvalidCheckoutInput',
          code: 'INVALID_INPUT',
          field: expect.stringMatching(/^details/),
        });
      });

      it('more units than are in stock, naming the short line and reserving not even the others', async () => {
        const [plenty, scarce] = [pickVariant(1), pickVariant(1)];
        const scarceStock = await stockOf(sql, scarce.id);
        const plentyStock = await stockOf(sql, plenty.id);
        const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
          { variantId: plenty.id, quantity: 1 },
          { variantId: scarce.id, quantity: scarceStock.available + 1 },
        ]);
        const result = await expectNothingWritten(() =>
          placeOrder(checkoutUrl, orderInput(cartId)),
        );
        expect(result).toEqual({
          __typename: 'OutOfStock',
          code: 'OUT_OF_STOCK',
          message: expect.any(String),
          lines: [
            {
              variant: { id: scarce.id },
              requested: scarceStock.available + 1,
              available: scarceStock.available,
            },
          ],
        });
        expect(await stockOf(sql, plenty.id)).toEqual(plentyStock);
        expect(await stockOf(sql, scarce.id)).toEqual(scarceStock);
      });

      it('a cart that has already been ordered', async () => {
        const cartId = await orderableCart();
        const first = await placeOrderOk(checkoutUrl, orderInput(cartId));
        // Let the first order settle, so its own late writes are not counted as the second's.
        await eventually(async () => (await fetchOrder(checkoutUrl, first))?.status === 'PAID');
        const again = await expectNothingWritten(() => placeOrder(checkoutUrl, orderInput(cartId)));
        expect(again).toMatchObject({
          __typename: 'CartUnavailable',
          code: 'CART_ALREADY_ORDERED',
          cartId,
        });
      });

      it('raw card fields, which the schema has no place for (PCI)', async () => {
        const cartId = await orderableCart();
        const inline = await expectNothingWritten(() =>
          graphql(
            checkoutUrl,
            `mutation { placeOrder(input: {
              cartId: "${cartId}", email: "shopper@example.com",
              paymentMethod: { type: "scheme", number: "4111111145551142", cvc: "737" }
            }) { __typename } }`,
          ),
        );
        expect(inline.status).toBe(400);
        expect(inline.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

        const asVariables = await expectNothingWritten(() =>
          graphql(
            checkoutUrl,
            `
              mutation ($input: PlaceOrderInput!) {
                placeOrder(input: $input) {
                  __typename
                }
              }
            `,
            {
              input: orderInput(cartId, {
                paymentMethod: { ...CARD, number: '4111111145551142' },
              }),
            },
          ),
        );
        expect(asVariables.status).toBe(400);
        expect(asVariables.data ?? null).toBeNull();
        expect(asVariables.errors?.[0]?.message).toMatch(/"number" is not defined/);
      });
    });

    it('lets exactly one of two simultaneous checkouts of the same cart through, holding stock once', async () => {
      const variant = pickVariant(2);
      const before = await stockOf(sql, variant.id);
      const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
        { variantId: variant.id, quantity: 2 },
      ]);

      const results = await Promise.all([
        placeOrder(checkoutUrl, orderInput(cartId)),
        placeOrder(checkoutUrl, orderInput(cartId)),
      ]);
      expect(results.map((r) => r.__typename).sort()).toEqual(['CartUnavailable', 'OrderPlaced']);
      expect(results.find((r) => r.__typename === 'CartUnavailable')).toMatchObject({
        code: 'CART_ALREADY_ORDERED',
      });
      const orders = await sql`select id from checkout.orders where cart_id = ${cartId}`;
      expect(orders).toHaveLength(1);

      // The loser's reservation is released and the winner's is sold: two units leave, no more.
      await eventually(async () => {
        const stock = await stockOf(sql, variant.id);
        return stock.reserved === before.reserved && stock.onHand === before.onHand - 2;
      });
    });
  });
}
