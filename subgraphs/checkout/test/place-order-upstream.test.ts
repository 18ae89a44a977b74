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
import type { StoredOrderAddress } from '../src/db/schema.ts';
import { createLoaders } from '../src/loaders.ts';
import { CartPricingService } from '../src/service/cart-pricing.service.ts';
import { orderAddress } from '../src/service/order-copies.ts';
import { OrderHistoryService } from '../src/service/order-history.service.ts';
import { OrderService, type PlaceOrderResult } from '../src/service/order.service.ts';
import { CheckoutPrivacyService } from '../src/service/privacy.service.ts';
import { PaymentService } from '../src/service/payment.service.ts';
import type { CartSnapshot, DiscountRedemption, Reservation, Upstream } from '../src/upstream.ts';
import type { PostalAddress } from '@commerce-graph/kit';
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

  /** A shipping address in Amsterdam (NL: 21% standard VAT, standard shipping 4.95 EUR). */
  const AMSTERDAM: PostalAddress = {
    name: 'Ada Lovelace',
    line1: 'Keizersgracht 1',
    line2: null,
    city: 'Amsterdam',
    postalCode: '1015 CJ',
    region: null,
    countryCode: 'NL',
    phone: null,
  };

  /**
   * A cart of 2 x 1500 + 1 x 1000 EUR shipping to Amsterdam, with code SAVE10 taking 400 off
   * when `discount` (shared 300 / 100 over the lines, pro rata).
   */
  const cartOf = (
    discount: number | null,
    address: PostalAddress | null = AMSTERDAM,
  ): CartSnapshot => {
    const cartId = randomUUID();
    const shares = discount === null ? [0, 0] : [(discount * 3) / 4, discount / 4];
    return {
      id: cartId,
      status: 'ACTIVE',
      unavailableLines: [],
      quote: {
        cartId,
        currencyCode: 'EUR',
        lines: [
          {
            lineId: randomUUID(),
            variantId: randomUUID(),
            quantity: 2,
            unitPrice: 1500,
            lineTotal: 3000,
            discount: shares[0]!,
            taxClass: 'STANDARD',
          },
          {
            lineId: randomUUID(),
            variantId: randomUUID(),
            quantity: 1,
            unitPrice: 1000,
            lineTotal: 1000,
            discount: shares[1]!,
            taxClass: 'STANDARD',
          },
        ],
        subtotal: 4000,
        discount: discount ?? 0,
        discountCode: discount === null ? null : 'SAVE10',
        shippingAddress: address,
        billingAddress: null,
        hasUnavailableLines: false,
      },
    };
  };

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
        return { ...state.cart, id: cartId, quote: { ...state.cart.quote, cartId } };
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
    cancelPayment: async () => null,
    reversePayment: async () => ({ pspReference: randomUUID(), status: 'received' }),
    refundPayment: async () => ({ pspReference: randomUUID(), status: 'received' }),
    capturePayment: async () => ({ pspReference: randomUUID(), status: 'received' }),
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
      returnUrlOrigins: new Set(['http://localhost:3000']),
    });
  });

  /** Stores the cart's shipping method, as `setCartShippingMethod` does. */
  const chooseMethod = (cartId: string, code: string) =>
    connection.sql`
      insert into checkout.cart_shipping_selections (cart_id, method_code) values (${cartId}, ${code})
      on conflict (cart_id) do update set method_code = excluded.method_code`;

  /** Places an order of a new cart id, with `method` chosen for it first (null: none chosen). */
  const place = async (
    actor: Actor = ANONYMOUS,
    email = 'Shopper@Example.com',
    options: {
      cartId?: string;
      method?: string | null;
      idempotencyKey?: string;
      expectedTotal?: number;
    } = {},
  ) => {
    const cartId = options.cartId ?? randomUUID();
    const method = options.method === undefined ? 'nl-be-standard' : options.method;
    if (method !== null) await chooseMethod(cartId, method);
    return orders.placeOrder(
      {
        cartId,
        idempotencyKey: options.idempotencyKey ?? randomUUID(),
        email,
        expectedTotal: options.expectedTotal,
        paymentMethod: { ...CARD, holderName: 'APPROVED' },
      },
      { actor },
    );
  };

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
    // 4000 - 400 + 495 shipping (under the 50 EUR threshold); NL VAT is inside the prices.
    expect(order).toMatchObject({
      subtotalAmount: 4000,
      discountAmount: 400,
      discountCode: 'SAVE10',
      shippingAmount: 495,
      totalAmount: 4095,
    });
    expect(payment).toMatchObject({ amount: 4095, currency: 'EUR' });
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
      order: { subtotalAmount: 4000, discountAmount: 0, discountCode: null, totalAmount: 4495 },
      payment: { amount: 4495 },
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
    const variantId = upstream.state.cart.quote.lines[0]!.variantId;
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
    const variantId = upstream.state.cart.quote.lines[0]!.variantId;
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
    const result = await place(ANONYMOUS, 'a@example.com', { cartId });
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

  it('refuses a cart whose quote disagrees with its lines before redeeming anything', async () => {
    const tooMuch = cartOf(400);
    tooMuch.quote.discount = 4001;
    upstream.state.cart = tooMuch;
    await expect(place()).rejects.toThrow('discount of 4001');
    const short = cartOf(null);
    short.quote.subtotal = 3999;
    upstream.state.cart = short;
    await expect(place()).rejects.toThrow('subtotal of 3999');
    const unshared = cartOf(400);
    unshared.quote.lines[0]!.discount = 0;
    upstream.state.cart = unshared;
    await expect(place()).rejects.toThrow('line shares 100');
    expect(upstream.names()).toEqual(['fetchCart', 'fetchCart', 'fetchCart']);
  });

  it('refuses an order whose subtotal exceeds the cap, before redeeming or reserving', async () => {
    const cart = cartOf(null);
    cart.quote.lines = [
      { ...cart.quote.lines[0]!, quantity: 2, unitPrice: 1_000_000_001, lineTotal: 2_000_000_002 },
    ];
    cart.quote.subtotal = 2_000_000_002;
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
  describe('shipping and tax', () => {
    type Placed = Extract<PlaceOrderResult, { __typename: 'OrderPlaced' }>;
    const linesOf = (orderId: string) =>
      connection.sql<
        Array<{ discount: number; taxClass: string; rate: number; tax: number }>
      >`select discount_amount as discount, tax_class as "taxClass",
               tax_rate_basis_points as rate, tax_amount as tax
        from checkout.order_lines where order_id = ${orderId} order by position`;
    const orderRow = async (orderId: string) =>
      (await connection.sql`select * from checkout.orders where id = ${orderId}`)[0]!;

    it('keeps copies of the addresses, the method, the tax per line and the tax lines (NL, VAT included)', async () => {
      const result = (await place()) as Placed;
      expect(result.__typename).toBe('OrderPlaced');
      // Lines after their discount shares: 2700 -> 468.60 (469), 900 -> 156.20 (156); shipping
      // 495 -> 85.91 (86), all at 21% inside the prices.
      expect(result.order).toMatchObject({
        subtotalAmount: 4000,
        discountAmount: 400,
        shippingAmount: 495,
        taxAmount: 711,
        taxIncluded: true,
        totalAmount: 4095,
        taxLines: [
          { taxClass: 'STANDARD', rateBasisPoints: 2100, taxableAmount: 4095, amount: 711 },
        ],
        shippingAddress: AMSTERDAM,
        // The cart had no billing address: the order's is the shipping one.
        billingAddress: AMSTERDAM,
        shippingMethod: { code: 'nl-be-standard', name: 'Standard', minDays: 1, maxDays: 2 },
      });
      expect(await linesOf(result.order.id)).toEqual([
        { discount: 300, taxClass: 'STANDARD', rate: 2100, tax: 469 },
        { discount: 100, taxClass: 'STANDARD', rate: 2100, tax: 156 },
      ]);
    });

    it('keeps what the order was placed with when the rates change afterwards', async () => {
      const result = (await place()) as Placed;
      const before = await orderRow(result.order.id);
      const linesBefore = await linesOf(result.order.id);
      try {
        await connection.sql`update checkout.tax_rates set rate_basis_points = 2500
          where country_code = 'NL' and tax_class = 'STANDARD'`;
        expect(await orderRow(result.order.id)).toEqual(before);
        expect(await linesOf(result.order.id)).toEqual(linesBefore);
      } finally {
        await connection.sql`update checkout.tax_rates set rate_basis_points = 2100
          where country_code = 'NL' and tax_class = 'STANDARD'`;
      }
    });

    it('answers ShippingAddressRequired before anything is held, and the key may be used again', async () => {
      const before = await rowCounts();
      const cartId = randomUUID();
      const idempotencyKey = randomUUID();
      upstream.state.cart = cartOf(400, null);
      expect(await place(ANONYMOUS, undefined, { cartId, idempotencyKey })).toMatchObject({
        __typename: 'ShippingAddressRequired',
        code: 'SHIPPING_ADDRESS_REQUIRED',
        cartId,
      });
      expect(upstream.names()).toEqual(['fetchCart']);
      expect(await rowCounts()).toEqual(before);
      const [keys] = await connection.sql<Array<{ n: number }>>`
        select count(*)::int as n from checkout.idempotency_keys where key = ${idempotencyKey}`;
      expect(keys!.n).toBe(0);
      // Like every refusal, the key was given back: with an address the same key orders.
      upstream.state.cart = cartOf(400);
      expect(await place(ANONYMOUS, undefined, { cartId, idempotencyKey })).toMatchObject({
        __typename: 'OrderPlaced',
      });
    });

    it('answers ShippingMethodRequired without a method, or with one for another zone, holding nothing', async () => {
      const before = await rowCounts();
      expect(await place(ANONYMOUS, undefined, { method: null })).toMatchObject({
        __typename: 'ShippingMethodRequired',
        code: 'SHIPPING_METHOD_REQUIRED',
      });
      // The shopper chose German shipping, then moved the address to Amsterdam.
      expect(await place(ANONYMOUS, undefined, { method: 'de-fr-standard' })).toMatchObject({
        __typename: 'ShippingMethodRequired',
        message: expect.stringContaining('NL'),
      });
      expect(upstream.names()).toEqual(['fetchCart', 'fetchCart']);
      expect(await rowCounts()).toEqual(before);
    });

    it('compares expectedTotal with the total including shipping', async () => {
      const before = await rowCounts();
      expect(await place(ANONYMOUS, undefined, { expectedTotal: 3600 })).toMatchObject({
        __typename: 'TotalChanged',
        expected: { amount: 3600, currencyCode: 'EUR' },
        current: { amount: 4095, currencyCode: 'EUR' },
      });
      expect(await rowCounts()).toEqual(before);
      expect(await place(ANONYMOUS, undefined, { expectedTotal: 4095 })).toMatchObject({
        __typename: 'OrderPlaced',
      });
    });

    it('adds the tax on top for USD prices (a US rate set for the test), rounding per line', async () => {
      const cart = cartOf(null, {
        ...AMSTERDAM,
        line1: '350 Fifth Avenue',
        city: 'New York',
        postalCode: '10118',
        region: 'NY',
        countryCode: 'US',
      });
      cart.quote.currencyCode = 'USD';
      upstream.state.cart = cart;
      try {
        await connection.sql`update checkout.tax_rates set rate_basis_points = 888
          where country_code = 'US' and tax_class = 'STANDARD'`;
        const result = (await place(ANONYMOUS, undefined, { method: 'us-standard' })) as Placed;
        // 3000 -> 266.4 (266), 1000 -> 88.8 (89), shipping 1995 -> 177.16 (177): 532 on top.
        expect(result.order).toMatchObject({
          currency: 'USD',
          shippingAmount: 1995,
          taxAmount: 532,
          taxIncluded: false,
          totalAmount: 4000 + 1995 + 532,
        });
        expect(result.payment).toMatchObject({ amount: 6527, currency: 'USD' });
        expect((await linesOf(result.order.id)).map((l) => l.tax)).toEqual([266, 89]);
      } finally {
        await connection.sql`update checkout.tax_rates set rate_basis_points = 0
          where country_code = 'US' and tax_class = 'STANDARD'`;
      }
    });
  });

  describe('setCartShippingMethod', () => {
    let pricing: CartPricingService;
    beforeEach(() => {
      pricing = new CartPricingService({ db: connection.db, upstream: upstream.api });
    });
    const selections = async (cartId: string) =>
      connection.sql<Array<{ code: string }>>`
        select method_code as code from checkout.cart_shipping_selections where cart_id = ${cartId}`;
    const choose = (cartId: string, code: string) =>
      pricing.setCartShippingMethod(
        createLoaders(connection.db),
        { actor: ANONYMOUS },
        { cartId, code },
      );

    it('stores a method of the cart zone, and a second choice replaces the first', async () => {
      const cartId = randomUUID();
      expect(await choose(cartId, 'nl-be-express')).toEqual({
        __typename: 'Cart',
        id: cartId,
        quote: null,
      });
      expect(await choose(cartId, 'nl-be-standard')).toMatchObject({ __typename: 'Cart' });
      expect(await selections(cartId)).toEqual([{ code: 'nl-be-standard' }]);
    });

    it('refuses a method of another zone, an unknown one, and a cart without address, storing nothing', async () => {
      const cartId = randomUUID();
      expect(await choose(cartId, 'us-express')).toEqual({
        __typename: 'ShippingMethodUnavailable',
        code: 'SHIPPING_METHOD_UNAVAILABLE',
        message: expect.stringContaining('NL'),
        methodCode: 'us-express',
        countryCode: 'NL',
      });
      expect(await choose(cartId, 'teleport')).toMatchObject({
        code: 'SHIPPING_METHOD_UNAVAILABLE',
      });
      upstream.state.cart = cartOf(null, null);
      expect(await choose(cartId, 'nl-be-standard')).toMatchObject({
        __typename: 'ShippingAddressRequired',
        code: 'SHIPPING_ADDRESS_REQUIRED',
      });
      expect(await selections(cartId)).toEqual([]);
    });

    it('refuses a cart that is unknown, ordered or merged', async () => {
      const fetchCart = upstream.api.fetchCart;
      upstream.api.fetchCart = async () => null;
      expect(await choose(randomUUID(), 'nl-be-standard')).toMatchObject({
        code: 'CART_NOT_FOUND',
      });
      expect(await choose('not-a-uuid', 'nl-be-standard')).toMatchObject({
        code: 'CART_NOT_FOUND',
      });
      upstream.api.fetchCart = fetchCart;
      upstream.state.cart = { ...cartOf(null), status: 'CHECKED_OUT' };
      expect(await choose(randomUUID(), 'nl-be-standard')).toMatchObject({
        code: 'CART_ALREADY_ORDERED',
      });
      upstream.state.cart = { ...cartOf(null), status: 'MERGED' };
      expect(await choose(randomUUID(), 'nl-be-standard')).toMatchObject({ code: 'CART_CLOSED' });
      // Ordered in checkout, before the cart heard of it.
      upstream.state.cart = cartOf(null);
      const cartId = randomUUID();
      expect(await place(ANONYMOUS, undefined, { cartId })).toMatchObject({
        __typename: 'OrderPlaced',
      });
      expect(await choose(cartId, 'nl-be-express')).toMatchObject({ code: 'CART_ALREADY_ORDERED' });
      expect(await selections(cartId)).toEqual([{ code: 'nl-be-standard' }]);
    });
  });

  describe("a customer's orders", () => {
    const customer = (): Actor => ({
      kind: 'customer',
      customerId: randomUUID(),
      sessionId: randomUUID(),
    });
    const idOf = (actor: Actor) => (actor.kind === 'customer' ? actor.customerId : '');

    it('pages the customer\u2019s own orders newest first, and shows nobody else any', async () => {
      const me = customer();
      const placed: string[] = [];
      for (let i = 0; i < 3; i++) {
        const result = (await place(me)) as Extract<
          PlaceOrderResult,
          { __typename: 'OrderPlaced' }
        >;
        placed.push(result.order.id);
      }
      await place(customer()); // someone else's
      const history = new OrderHistoryService(connection.db);
      const first = await history.customerOrders(me, idOf(me), { first: 2 });
      expect(first.edges.map((e) => e.node.id)).toEqual([placed[2], placed[1]]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await history.customerOrders(me, idOf(me).toUpperCase(), {
        first: 2,
        after: first.pageInfo.endCursor,
      });
      expect(second.edges.map((e) => e.node.id)).toEqual([placed[0]]);
      expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0]!.cursor });
      expect((await history.customerOrders(customer(), idOf(me), {})).edges).toEqual([]);
      expect((await history.customerOrders(ANONYMOUS, idOf(me), {})).edges).toEqual([]);
      await expect(history.customerOrders(me, idOf(me), { first: 101 })).rejects.toThrow('first');
      await expect(history.customerOrders(me, idOf(me), { after: 'bm9wZQ' })).rejects.toThrow(
        'cursor',
      );
    });

    it('exports the order addresses, and the erasure keeps only their country', async () => {
      const me = customer();
      const result = (await place(me)) as Extract<PlaceOrderResult, { __typename: 'OrderPlaced' }>;
      const privacy = new CheckoutPrivacyService(connection.db);
      const exported = (await privacy.personalData(idOf(me))) as {
        orders: Array<{ shippingAddress: unknown; billingAddress: unknown }>;
      };
      expect(exported.orders).toMatchObject([
        { shippingAddress: AMSTERDAM, billingAddress: AMSTERDAM },
      ]);
      expect(await privacy.eraseCustomer(idOf(me))).toBe(1);
      const [row] = await connection.sql<Array<{ shipping: unknown; billing: unknown }>>`
        select shipping_address as shipping, billing_address as billing
        from checkout.orders where id = ${result.order.id}`;
      expect(row).toEqual({ shipping: { countryCode: 'NL' }, billing: { countryCode: 'NL' } });
      expect(orderAddress(row!.shipping as StoredOrderAddress)).toBeNull();
    });
  });
});
