import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type postgres from 'postgres';
import type { DemoCatalog, DemoVariant } from '../../../../scripts/demo-catalog.ts';
import { graphql } from '../../../../test/support/graphql.ts';
import { TEST_BROWSER_INFO } from '../../../../test/support/payment.ts';
import { DEMO_ADDRESS } from '../../../../test/support/delivery.ts';

/** Adyen's test card as Adyen Web's encryption would hand it over (`test_` = plaintext). */
export const CARD = {
  type: 'scheme',
  encryptedCardNumber: 'test_4111111145551142',
  encryptedExpiryMonth: 'test_03',
  encryptedExpiryYear: 'test_2030',
  encryptedSecurityCode: 'test_737',
} as const;

export interface Money {
  amount: number;
  currencyCode: string;
}

export interface OrderView {
  id: string;
  /** `CG-` and the order's number. */
  number: string;
  status: 'PENDING_PAYMENT' | 'PAID' | 'PAYMENT_FAILED';
  email: string;
  total: Money;
  lines: Array<{ variant: { id: string }; quantity: number; unitPrice: Money; lineTotal: Money }>;
  payment: {
    status: 'PENDING' | 'AUTHORISED' | 'REFUSED' | 'ERROR';
    amount: Money;
    pspReference: string | null;
    resultCode: string | null;
    refusalReason: string | null;
  };
}

/** Any member of PlaceOrderResult, with the fields the tests ask for. */
export type PlaceOrderResult =
  | {
      __typename: 'OrderPlaced';
      order: OrderView;
      accessKey: string | null;
      payment: OrderView['payment'];
      action: unknown;
    }
  | { __typename: 'CartUnavailable'; code: string; message: string; cartId: string }
  | {
      __typename: 'OutOfStock';
      code: string;
      message: string;
      lines: Array<{ variant: { id: string }; requested: number; available: number }>;
    }
  | {
      __typename: 'PurchaseLimitExceeded';
      code: string;
      message: string;
      lines: Array<{ variantId: string; limit: number; requested: number; alreadyBought: number }>;
    }
  | { __typename: 'DiscountUnavailable'; code: string; message: string; discountCode: string }
  | { __typename: 'InvalidCheckoutInput'; code: string; message: string; field: string }
  | { __typename: 'TotalChanged'; code: string; message: string; expected: Money; current: Money }
  | { __typename: 'IdempotencyKeyReused'; code: string; message: string; idempotencyKey: string }
  | { __typename: 'CheckoutUnavailable'; code: string; message: string }
  | { __typename: 'ShippingAddressRequired'; code: string; message: string }
  | { __typename: 'ShippingMethodRequired'; code: string; message: string };

/** Every field of an order the tests read, as fragment `OrderFields`. */
export const ORDER_FIELDS = /* GraphQL */ `
  fragment OrderFields on Order {
    id
    number
    status
    email
    total {
      amount
      currencyCode
    }
    lines {
      variant {
        id
      }
      quantity
      unitPrice {
        amount
        currencyCode
      }
      lineTotal {
        amount
        currencyCode
      }
    }
    payment {
      ...PaymentFields
    }
  }
  fragment PaymentFields on Payment {
    status
    amount {
      amount
      currencyCode
    }
    pspReference
    resultCode
    refusalReason
  }
`;

const PLACE_ORDER = /* GraphQL */ `
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on OrderPlaced {
        order {
          ...OrderFields
        }
        accessKey
        payment {
          ...PaymentFields
        }
        action
      }
      ... on UserError {
        code
        message
      }
      ... on CartUnavailable {
        cartId
      }
      ... on OutOfStock {
        lines {
          variant {
            id
          }
          requested
          available
        }
      }
      ... on PurchaseLimitExceeded {
        lines {
          variantId
          limit
          requested
          alreadyBought
        }
      }
      ... on DiscountUnavailable {
        discountCode
      }
      ... on InvalidCheckoutInput {
        field
      }
      ... on TotalChanged {
        expected {
          amount
          currencyCode
        }
        current {
          amount
          currencyCode
        }
      }
      ... on IdempotencyKeyReused {
        idempotencyKey
      }
    }
  }
  ${ORDER_FIELDS}
`;

const ORDER = /* GraphQL */ `
  query Order($id: ID!, $accessKey: String) {
    order(id: $id, accessKey: $accessKey) {
      ...OrderFields
    }
  }
  ${ORDER_FIELDS}
`;

export interface PlaceOrderInput {
  cartId: string;
  idempotencyKey: string;
  expectedTotal?: number;
  email: string;
  returnUrl?: string;
  paymentMethod: Record<string, string>;
  browserInfo?: typeof TEST_BROWSER_INFO;
}

/**
 * A valid input for `cartId`: a new idempotency key, an approved test card, a plausible email
 * and a browser (3-D Secure 2 needs it when the card is challenged).
 */
export const orderInput = (
  cartId: string,
  overrides: Partial<PlaceOrderInput> = {},
): PlaceOrderInput => ({
  cartId,
  idempotencyKey: randomUUID(),
  email: 'shopper@example.com',
  paymentMethod: { ...CARD, holderName: 'APPROVED' },
  browserInfo: TEST_BROWSER_INFO,
  ...overrides,
});

/**
 * Calls `placeOrder` on the checkout subgraph, with `headers` (internal token, identity
 * assertion) when the graph needs them; fails the test on GraphQL errors.
 */
export async function placeOrder(
  checkoutUrl: string,
  input: PlaceOrderInput,
  headers: Record<string, string> = {},
): Promise<PlaceOrderResult> {
  const response = await graphql<{ placeOrder: PlaceOrderResult }>(
    checkoutUrl,
    PLACE_ORDER,
    { input },
    headers,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.placeOrder;
}

/** Places an order that must succeed and returns it. */
export async function placeOrderOk(
  checkoutUrl: string,
  input: PlaceOrderInput,
  headers: Record<string, string> = {},
) {
  const result = await placeOrder(checkoutUrl, input, headers);
  if (result.__typename !== 'OrderPlaced') {
    throw new Error(`expected OrderPlaced, got ${JSON.stringify(result)}`);
  }
  return result;
}

/** Reads a placed order through the checkout subgraph's `order(id, accessKey)` query. */
export async function fetchOrder(
  checkoutUrl: string,
  placed: { order: { id: string }; accessKey: string | null },
  headers: Record<string, string> = {},
): Promise<OrderView | null> {
  const response = await graphql<{ order: OrderView | null }>(
    checkoutUrl,
    ORDER,
    { id: placed.order.id, accessKey: placed.accessKey },
    headers,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.order;
}

/** Where a test reaches the cart and checkout: their subgraphs, or the gateway for both. */
export interface ShopUrls {
  cart: string;
  checkout: string;
}

/** A deliverable Dutch address (21% VAT; standard shipping 4.95 EUR, free from 50 EUR). */
export const AMSTERDAM = DEMO_ADDRESS;

/** The cheapest method for AMSTERDAM, and what it costs for goods worth `goods` (after discount). */
export const NL_STANDARD = 'nl-be-standard';
export const nlStandardShipping = (goods: number) => (goods >= 5000 ? 0 : 495);

/** How `cartWith` makes a cart orderable: an address and a method, each null for none. */
export interface Delivery {
  address?: Record<string, unknown> | null;
  method?: string | null;
}

/**
 * Creates a cart, adds `lines`, and by default ships it to AMSTERDAM by NL_STANDARD (the
 * cheapest there), so a test about something else can order it at once. The address goes to the
 * cart, the method to checkout.
 */
export async function cartWith(
  urls: ShopUrls,
  lines: Array<{ variantId: string; quantity: number }>,
  headers: Record<string, string> = {},
  delivery: Delivery = {},
): Promise<string> {
  const created = await graphql<{ createCart: { id: string } }>(
    urls.cart,
    `
      mutation {
        createCart {
          id
        }
      }
    `,
    {},
    headers,
  );
  const cartId = created.data!.createCart.id;
  for (const line of lines) {
    const added = await graphql(
      urls.cart,
      `
        mutation ($c: ID!, $v: ID!, $q: Int!) {
          addCartLine(cartId: $c, variantId: $v, quantity: $q) {
            __typename
          }
        }
      `,
      { c: cartId, v: line.variantId, q: line.quantity },
      headers,
    );
    expect(added.data).toEqual({ addCartLine: { __typename: 'Cart' } });
  }
  const address = delivery.address === undefined ? AMSTERDAM : delivery.address;
  if (address) {
    const set = await graphql(
      urls.cart,
      `
        mutation ($c: ID!, $a: CartAddressInput!) {
          setCartShippingAddress(cartId: $c, address: $a) {
            __typename
          }
        }
      `,
      { c: cartId, a: address },
      headers,
    );
    expect(set.data).toEqual({ setCartShippingAddress: { __typename: 'Cart' } });
  }
  const method = delivery.method === undefined ? (address ? NL_STANDARD : null) : delivery.method;
  if (method) {
    const chosen = await graphql(
      urls.checkout,
      `
        mutation ($c: ID!, $m: String!) {
          setCartShippingMethod(cartId: $c, code: $m) {
            __typename
          }
        }
      `,
      { c: cartId, m: method },
      headers,
    );
    expect(chosen.data).toEqual({ setCartShippingMethod: { __typename: 'Cart' } });
  }
  return cartId;
}

/** The cart's status as the cart subgraph reports it. */
export async function cartStatus(cartUrl: string, cartId: string): Promise<string | undefined> {
  const response = await graphql<{ cart: { status: string } | null }>(
    cartUrl,
    `
      query ($id: ID!) {
        cart(id: $id) {
          status
        }
      }
    `,
    { id: cartId },
  );
  return response.data?.cart?.status;
}

/**
 * Hands out catalog variants that no earlier test of the same database touched, so every test
 * knows the variant's stock without depending on the order tests run in.
 */
export function variantPicker(catalog: DemoCatalog) {
  const used = new Set<string>();
  const units = (v: DemoVariant) => Object.values(v.stock).reduce((sum, n) => sum + n, 0);
  return (minUnits: number): DemoVariant => {
    const variant = catalog.products
      .flatMap((p) => p.variants)
      .find((v) => !used.has(v.id) && units(v) >= minUnits);
    if (!variant) throw new Error(`no unused variant with ${minUnits} units in the catalog`);
    used.add(variant.id);
    return variant;
  };
}

/** A variant's stock over all warehouses, read from inventory's own table. */
export async function stockOf(sql: postgres.Sql, variantId: string) {
  const [row] = await sql<Array<{ onHand: number; reserved: number }>>`
    select coalesce(sum(on_hand), 0)::int as "onHand", coalesce(sum(reserved), 0)::int as reserved
    from inventory.stock_levels where variant_id = ${variantId}`;
  return { onHand: row!.onHand, reserved: row!.reserved, available: row!.onHand - row!.reserved };
}

/** Row counts of every table a placed order writes to. */
export async function writtenRows(sql: postgres.Sql) {
  const [row] = await sql<
    Array<{ orders: number; payments: number; outbox: number; reservations: number }>
  >`
    select (select count(*) from checkout.orders)::int as orders,
           (select count(*) from checkout.payments)::int as payments,
           (select count(*) from checkout.outbox_events)::int as outbox,
           (select count(*) from inventory.reservations)::int as reservations`;
  return row!;
}

/** The events checkout recorded in its outbox for one order, oldest first. */
export async function outboxEventsOf(sql: postgres.Sql, orderId: string): Promise<string[]> {
  const rows = await sql<Array<{ name: string }>>`
    select name from checkout.outbox_events
    where payload->>'orderId' = ${orderId} order by occurred_at, name`;
  return rows.map((r) => r.name);
}
