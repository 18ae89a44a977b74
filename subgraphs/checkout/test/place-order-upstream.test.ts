import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxRelay } from '@commerce-graph/events';
import {
  ANONYMOUS,
  connectDatabase,
  createLogger,
  UpstreamError,
  type Actor,
} from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import type { PaymentProvider } from '../src/adyen.ts';
import { migrationsFolder, schema } from '../src/db/client.ts';
import { OrderService, type PlaceOrderResult } from '../src/service/order.service.ts';
import { PaymentService } from '../src/service/payment.service.ts';
import type { CartSnapshot, DiscountRedemption, Reservation, Upstream } from '../src/upstream.ts';
import { CARD } from './support/shop.ts';

/**
 * placeOrder's conversation with the cart and inventory, on a real checkout database, with the
 * two subgraphs replaced by a recording stand-in: every way a call can fail or refuse, and what
 * checkout gives back afterwards. The real subgraphs are exercised in checkout.test.ts.
 */
describe('placeOrder with the cart and inventory', () => {
  let database: TestDatabase;
  let connection: ReturnType<typeof connectDatabase<typeof schema>>;
  let upstream: ReturnType<typeof standIn>;
  let orders: OrderService;

  /** A cart of 2 x 1500 + 1 x 1000 EUR, with code SAVE10 taking 400 off when `discount`. */
  const cartOf = (discount: number | null): CartSnapshot => ({
    id: randomUUID(),
    status: 'ACTIVE',
    lines: [
      {
        quantity: 2,
        variant: { id: randomUUID() },
        unitPrice: { amount: 1500, currencyCode: 'EUR' },
      },
      {
        quantity: 1,
        variant: { id: randomUUID() },
        unitPrice: { amount: 1000, currencyCode: 'EUR' },
      },
    ],
    unavailableLines: [],
    discountCode: discount === null ? null : 'SAVE10',
    totals: {
      subtotal: { amount: 4000, currencyCode: 'EUR' },
      discount: { amount: discount ?? 0 },
      total: { amount: 4000 - (discount ?? 0) },
    },
  });

  /** Upstream calls as [name, ...arguments], in the order checkout made them. */
  function standIn() {
    const calls: unknown[][] = [];
    const state = {
      cart: cartOf(400),
      redeem: async (): Promise<DiscountRedemption> => ({
        __typename: 'DiscountRedeemed',
        code: 'SAVE10',
        amount: 400,
      }),
      reserve: async (): Promise<Reservation> => ({ __typename: 'Reservation' }),
      releaseReservation: async (): Promise<void> => undefined,
      releaseDiscount: async (): Promise<void> => undefined,
    };
    const api: Upstream = {
      async fetchCart(cartId) {
        calls.push(['fetchCart', cartId]);
        return { ...state.cart, id: cartId };
      },
      async redeemCartDiscount(cartId, orderId, customerKey, amount) {
        calls.push(['redeemCartDiscount', cartId, orderId, customerKey, amount]);
        return state.redeem();
      },
      async reserveStock(orderId, customerKey, lines) {
        calls.push(['reserveStock', orderId, customerKey, lines]);
        return state.reserve();
      },
      async releaseReservation(orderId) {
        calls.push(['releaseReservation', orderId]);
        return state.releaseReservation();
      },
      async releaseCartDiscount(orderId) {
        calls.push(['releaseCartDiscount', orderId]);
        return state.releaseDiscount();
      },
    };
    return { api, calls, state, names: () => calls.map((c) => c[0]) };
  }

  const provider: PaymentProvider = {
    createPayment: async () => ({ resultCode: 'Authorised', pspReference: randomUUID() }),
    submitDetails: async () => ({ resultCode: 'Authorised' }),
    cancelPayment: async () => undefined,
    verifyNotification: () => true,
  };
  let flushes = 0;
  const relay: OutboxRelay = {
    flush: async () => {
      flushes++;
      return 0;
    },
    close: async () => undefined,
  };

  beforeAll(async () => {
    database = await createTestDatabase([{ subgraph: 'checkout', folder: migrationsFolder }]);
    connection = connectDatabase(database.url, schema, { max: 4 });
  });
  afterAll(async () => {
    await connection?.close();
    await database?.drop();
  });
  beforeEach(() => {
    upstream = standIn();
    const logger = createLogger('checkout', 'silent');
    orders = new OrderService({
      db: connection.db,
      upstream: upstream.api,
      provider,
      payments: new PaymentService(connection.db, relay, provider, logger),
      relay,
      logger,
      defaultReturnUrl: 'http://localhost:3000/checkout/return',
    });
  });

  const place = (actor: Actor = ANONYMOUS, email = 'Shopper@Example.com') =>
    orders.placeOrder(
      {
        cartId: randomUUID(),
        idempotencyKey: randomUUID(),
        email,
        paymentMethod: { ...CARD, holderName: 'APPROVED' },
      },
      { actor },
    );

  const rowCounts = async () =>
    (
      await connection.sql<Array<{ orders: number; payments: number; outbox: number }>>`
        select (select count(*) from checkout.orders)::int as orders,
               (select count(*) from checkout.payments)::int as payments,
               (select count(*) from checkout.outbox_events)::int as outbox`
    )[0]!;

  /** The order id checkout chose, from its first call that names one. */
  const orderIdOf = () => upstream.calls.find((c) => c[0] === 'redeemCartDiscount')![2] as string;

  it('redeems the code before reserving, and the order keeps subtotal, discount and code; payment = total', async () => {
    const result = await place();
    expect(result.__typename).toBe('OrderPlaced');
    const { order, payment } = result as Extract<PlaceOrderResult, { __typename: 'OrderPlaced' }>;
    expect(order).toMatchObject({
      subtotalAmount: 4000,
      discountAmount: 400,
      discountCode: 'SAVE10',
      totalAmount: 3600,
    });
    expect(payment).toMatchObject({ amount: 3600, currency: 'EUR' });
    expect(upstream.names()).toEqual(['fetchCart', 'redeemCartDiscount', 'reserveStock']);
    // A guest buys as their email, in lower case: the same key for the code and the limits.
    const [, , orderId, customerKey, amount] = upstream.calls[1]!;
    expect([orderId, customerKey, amount]).toEqual([order.id, 'email:shopper@example.com', 400]);
    expect(upstream.calls[2]!.slice(1, 3)).toEqual([order.id, 'email:shopper@example.com']);
  });

  it("passes a signed-in customer's id as the customer key", async () => {
    const customerId = randomUUID();
    const result = await place({ kind: 'customer', customerId, sessionId: randomUUID() });
    expect(result.__typename).toBe('OrderPlaced');
    expect(upstream.calls[1]![3]).toBe(customerId);
    expect(upstream.calls[2]![2]).toBe(customerId);
  });

  it('redeems nothing for a cart without a code, and the order has no discount', async () => {
    upstream.state.cart = cartOf(null);
    const result = await place();
    expect(upstream.names()).toEqual(['fetchCart', 'reserveStock']);
    expect(result).toMatchObject({
      __typename: 'OrderPlaced',
      order: { subtotalAmount: 4000, discountAmount: 0, discountCode: null, totalAmount: 4000 },
      payment: { amount: 4000 },
    });
  });

  it('answers DiscountUnavailable for a refused code, reserves nothing and writes nothing', async () => {
    const before = await rowCounts();
    upstream.state.redeem = async () => ({
      __typename: 'DiscountRejected',
      code: 'DISCOUNT_USAGE_LIMIT_REACHED',
      message: 'This code has been used up',
      discountCode: 'SAVE10',
    });
    expect(await place()).toEqual({
      __typename: 'DiscountUnavailable',
      code: 'DISCOUNT_USAGE_LIMIT_REACHED',
      message: 'This code has been used up',
      discountCode: 'SAVE10',
    });
    expect(upstream.names()).toEqual(['fetchCart', 'redeemCartDiscount']);
    expect(await rowCounts()).toEqual(before);
  });

  it('gives the redemption back when the cart does not answer, and reserves nothing', async () => {
    const before = await rowCounts();
    upstream.state.redeem = async () => {
      throw new Error('cart is unavailable, try again');
    };
    await expect(place()).rejects.toThrow('cart is unavailable');
    expect(upstream.names()).toEqual(['fetchCart', 'redeemCartDiscount', 'releaseCartDiscount']);
    expect(upstream.calls[2]![1]).toBe(orderIdOf());
    expect(await rowCounts()).toEqual(before);
  });

  // Regression (issue 8, the timeout hole): a reserve whose answer is lost may still commit;
  // checkout must release that order's stock at once, and its discount redemption with it.
  it('releases the reservation and the redemption of the same order when reserveStock times out', async () => {
    const before = await rowCounts();
    upstream.state.reserve = async () => {
      throw new Error('inventory is unavailable, try again');
    };
    await expect(place()).rejects.toThrow('inventory is unavailable');
    expect(upstream.names()).toEqual([
      'fetchCart',
      'redeemCartDiscount',
      'reserveStock',
      'releaseReservation',
      'releaseCartDiscount',
    ]);
    const orderId = orderIdOf();
    expect(upstream.calls[3]).toEqual(['releaseReservation', orderId]);
    expect(upstream.calls[4]).toEqual(['releaseCartDiscount', orderId]);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers OutOfStock and gives the redemption back when stock is short', async () => {
    const before = await rowCounts();
    const variantId = upstream.state.cart.lines[0]!.variant.id;
    upstream.state.reserve = async () => ({
      __typename: 'InsufficientStock',
      lines: [{ variantId, requested: 2, available: 0 }],
    });
    expect(await place()).toMatchObject({
      __typename: 'OutOfStock',
      code: 'OUT_OF_STOCK',
      lines: [{ variantId, requested: 2, available: 0 }],
    });
    expect(upstream.names()).toEqual([
      'fetchCart',
      'redeemCartDiscount',
      'reserveStock',
      'releaseCartDiscount',
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers PurchaseLimitExceeded with its lines and gives the redemption back', async () => {
    const before = await rowCounts();
    const variantId = upstream.state.cart.lines[0]!.variant.id;
    const lines = [{ variantId, limit: 1, requested: 2, alreadyBought: 0 }];
    upstream.state.reserve = async () => ({
      __typename: 'PurchaseLimitExceeded',
      message: 'At most 1 per order',
      lines,
    });
    expect(await place()).toEqual({
      __typename: 'PurchaseLimitExceeded',
      code: 'PURCHASE_LIMIT_EXCEEDED',
      message: 'At most 1 per order',
      lines,
    });
    expect(upstream.names()).toEqual([
      'fetchCart',
      'redeemCartDiscount',
      'reserveStock',
      'releaseCartDiscount',
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  for (const answer of ['ReservationReleased', 'ReservationConflict'] as const) {
    it(`treats ${answer} for a new order id as a fault and gives everything back`, async () => {
      const before = await rowCounts();
      upstream.state.reserve = async () => ({ __typename: answer, message: 'no' });
      await expect(place()).rejects.toThrow(answer);
      expect(upstream.names()).toEqual([
        'fetchCart',
        'redeemCartDiscount',
        'reserveStock',
        'releaseReservation',
        'releaseCartDiscount',
      ]);
      expect(await rowCounts()).toEqual(before);
    });
  }

  it('gives both back when the order cannot be written (a parallel order of the same cart won)', async () => {
    const cartId = randomUUID();
    upstream.state.reserve = async () => {
      // The other checkout commits its order between our check and our insert.
      await connection.sql`
        insert into checkout.orders (id, cart_id, email, subtotal_amount, total_amount, currency)
        values (${randomUUID()}, ${cartId}, 'other@example.com', 1, 1, 'EUR')`;
      return { __typename: 'Reservation' };
    };
    const result = await orders.placeOrder(
      {
        cartId,
        idempotencyKey: randomUUID(),
        email: 'a@example.com',
        paymentMethod: { ...CARD, holderName: 'APPROVED' },
      },
      { actor: ANONYMOUS },
    );
    expect(result).toMatchObject({ __typename: 'CartUnavailable', code: 'CART_ALREADY_ORDERED' });
    expect(upstream.names()).toEqual([
      'fetchCart',
      'redeemCartDiscount',
      'reserveStock',
      'releaseReservation',
      'releaseCartDiscount',
    ]);
    const [orderCount] = await connection.sql<Array<{ n: number }>>`
      select count(*)::int as n from checkout.orders where cart_id = ${cartId}`;
    expect(orderCount!.n).toBe(1);
  });

  it('refuses a cart whose totals disagree with its lines before redeeming anything', async () => {
    upstream.state.cart = {
      ...cartOf(400),
      totals: { ...cartOf(400).totals, discount: { amount: 4001 } },
    };
    await expect(place()).rejects.toThrow('discount of 4001');
    upstream.state.cart = {
      ...cartOf(null),
      totals: { ...cartOf(null).totals, subtotal: { amount: 3999, currencyCode: 'EUR' } },
    };
    await expect(place()).rejects.toThrow('subtotal of 3999');
    expect(upstream.names()).toEqual(['fetchCart', 'fetchCart']);
  });

  it('refuses an order whose subtotal exceeds the cap, before redeeming or reserving', async () => {
    const cart = cartOf(400);
    cart.lines = [
      {
        quantity: 2,
        variant: { id: randomUUID() },
        unitPrice: { amount: 1_000_000_001, currencyCode: 'EUR' },
      },
    ];
    cart.totals.subtotal.amount = 2_000_000_002;
    upstream.state.cart = cart;
    expect(await place()).toMatchObject({ __typename: 'InvalidCheckoutInput', field: 'cartId' });
    expect(upstream.names()).toEqual(['fetchCart']);
  });

  describe('when the cart or inventory does not answer', () => {
    /** What the kit's client throws when a call gets no answer in time. */
    const timeout = (service: 'cart' | 'inventory') =>
      new UpstreamError(
        service,
        `unreachable at http://${service}/graphql: TimeoutError: The operation was aborted due to timeout`,
      );
    const abandonedEvents = () =>
      connection.sql<Array<{ payload: { orderId: string; cartId: string; reason: string } }>>`
        select payload from checkout.outbox_events where name = 'checkout.order.abandoned'
        and payload->>'orderId' = ${orderIdOf()}`;
    const unavailable = {
      __typename: 'CheckoutUnavailable',
      code: 'CHECKOUT_UNAVAILABLE',
      retryAfterSeconds: 5,
    };

    // Regression (issue 8, the flash sale): a reserve that timed out answered
    // INTERNAL_SERVER_ERROR, and its failed release left the units held until the TTL.
    it('answers CheckoutUnavailable and records checkout.order.abandoned when reserveStock times out and its release fails', async () => {
      const before = await rowCounts();
      const flushesBefore = flushes;
      upstream.state.reserve = async () => {
        throw timeout('inventory');
      };
      upstream.state.releaseReservation = async () => {
        throw timeout('inventory');
      };
      const result = await place();
      expect(result).toMatchObject(unavailable);
      expect((result as { message: string }).message).toContain('nothing was charged');
      expect(upstream.names()).toEqual([
        'fetchCart',
        'redeemCartDiscount',
        'reserveStock',
        'releaseReservation',
        'releaseCartDiscount',
      ]);
      const events = await abandonedEvents();
      expect(events).toHaveLength(1);
      expect(events[0]!.payload).toMatchObject({
        orderId: orderIdOf(),
        cartId: upstream.calls[0]![1],
        reason: expect.stringContaining('reservation not released'),
      });
      expect(await rowCounts()).toEqual({ ...before, outbox: before.outbox + 1 });
      expect(flushes).toBeGreaterThan(flushesBefore);
    });

    it('records checkout.order.abandoned when the redemption cannot be given back after the cart timed out', async () => {
      const before = await rowCounts();
      upstream.state.redeem = async () => {
        throw timeout('cart');
      };
      upstream.state.releaseDiscount = async () => {
        throw timeout('cart');
      };
      expect(await place()).toMatchObject(unavailable);
      expect(upstream.names()).toEqual(['fetchCart', 'redeemCartDiscount', 'releaseCartDiscount']);
      const events = await abandonedEvents();
      expect(events).toHaveLength(1);
      expect(events[0]!.payload.reason).toContain('discount redemption not released');
      expect(await rowCounts()).toEqual({ ...before, outbox: before.outbox + 1 });
    });

    it('records checkout.order.abandoned when stock is short and the redemption cannot be given back', async () => {
      const before = await rowCounts();
      upstream.state.reserve = async () => ({ __typename: 'InsufficientStock', lines: [] });
      upstream.state.releaseDiscount = async () => {
        throw timeout('cart');
      };
      expect(await place()).toMatchObject({ __typename: 'OutOfStock' });
      expect(await abandonedEvents()).toHaveLength(1);
      expect(await rowCounts()).toEqual({ ...before, outbox: before.outbox + 1 });
    });

    it('records nothing when the synchronous give-back succeeds', async () => {
      const before = await rowCounts();
      upstream.state.reserve = async () => {
        throw timeout('inventory');
      };
      expect(await place()).toMatchObject(unavailable);
      expect(upstream.names()).toEqual([
        'fetchCart',
        'redeemCartDiscount',
        'reserveStock',
        'releaseReservation',
        'releaseCartDiscount',
      ]);
      expect(await abandonedEvents()).toHaveLength(0);
      expect(await rowCounts()).toEqual(before);
    });

    it('answers CheckoutUnavailable when the cart cannot be read, having taken nothing', async () => {
      const before = await rowCounts();
      upstream.api.fetchCart = async (cartId) => {
        upstream.calls.push(['fetchCart', cartId]);
        throw timeout('cart');
      };
      expect(await place()).toMatchObject({
        ...unavailable,
        message: expect.stringContaining('the cart service'),
      });
      expect(upstream.names()).toEqual(['fetchCart']);
      expect(await rowCounts()).toEqual(before);
    });

    it('records nothing for an order id that was written after all (its payment settles it)', async () => {
      upstream.state.reserve = async () => {
        // Stands for a commit whose answer was lost: a row with this very order id exists.
        await connection.sql`
          insert into checkout.orders (id, cart_id, email, subtotal_amount, total_amount, currency)
          values (${orderIdOf()}, ${randomUUID()}, 'other@example.com', 1, 1, 'EUR')`;
        return { __typename: 'Reservation' };
      };
      upstream.state.releaseReservation = async () => {
        throw timeout('inventory');
      };
      expect(await place()).toMatchObject({ code: 'CART_ALREADY_ORDERED' });
      expect(await abandonedEvents()).toHaveLength(0);
    });

    it('still throws when inventory answered GraphQL errors (a bug, not a passing fault), after giving back', async () => {
      upstream.state.reserve = async () => {
        throw new UpstreamError('inventory', 'orderId must be a UUID', [
          { message: 'orderId must be a UUID' },
        ]);
      };
      upstream.state.releaseReservation = async () => {
        throw timeout('inventory');
      };
      await expect(place()).rejects.toThrow('orderId must be a UUID');
      // The give-back is made durable all the same.
      expect(await abandonedEvents()).toHaveLength(1);
    });
  });
});
