import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { startTestGraph, type TestGraph, type TestStaff } from './support/graph.ts';
import { graphql } from './support/graphql.ts';
import { ENCRYPTED_TEST_CARD, TEST_BROWSER_INFO } from './support/payment.ts';
import { queueBackends } from './support/queues.ts';
import { shipCartTo } from './support/delivery.ts';

const INTERNAL_TOKEN = 'ownership-internal-token-0123456789ab';
const REGISTER = /* GraphQL */ `
  mutation Register($email: String!) {
    register(input: { email: $email, password: "correct horse battery staple" }) {
      __typename
      ... on Session {
        accessToken
        refreshToken
        customer {
          id
        }
      }
    }
  }
`;
const PLACE_ORDER = /* GraphQL */ `
  mutation Place($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on OrderPlaced {
        accessKey
        order {
          id
        }
      }
      ... on UserError {
        code
      }
    }
  }
`;
const MY_ORDERS = /* GraphQL */ `
  {
    me {
      orders(first: 5) {
        edges {
          node {
            id
            total {
              amount
            }
            shipping {
              amount
            }
            shippingMethod {
              code
            }
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`;
const ORDER = 'query($id: ID!, $key: String) { order(id: $id, accessKey: $key) { id email } }';
const ORDER_MANAGER: TestStaff = {
  email: 'orders@staff.example.com',
  password: 'order manager password 0123',
  role: 'order-manager',
};
const STOCK_MANAGER: TestStaff = {
  email: 'stock@staff.example.com',
  password: 'stock manager password 0123',
  role: 'stock-manager',
};

/**
 * Ownership through the whole graph: real accounts from the identity subgraph, their access
 * tokens verified by the gateway, carts and orders that only their owner reaches.
 */
describe('who may reach a cart or an order (through the gateway)', () => {
  let shop: TestGraph;
  let variantId: string;
  const as = (token: string | undefined) => (query: string, variables?: Record<string, unknown>) =>
    graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      query,
      variables,
      token ? { authorization: `Bearer ${token}` } : {},
    );
  const signUp = async (email: string) => {
    const { data } = await as(undefined)(REGISTER, { email });
    expect(data?.register.__typename).toBe('Session');
    return as(data!.register.accessToken as string);
  };
  const cartWithLine = async (ask: ReturnType<typeof as>) => {
    const cartId = (await ask('mutation { createCart { id } }')).data!.createCart.id as string;
    const added = await ask(
      'mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 1) { __typename } }',
      { c: cartId, v: variantId },
    );
    expect(added.data?.addCartLine.__typename).toBe('Cart');
    await shipCartTo(ask, cartId);
    return cartId;
  };
  const placeOrder = (ask: ReturnType<typeof as>, cartId: string) =>
    ask(PLACE_ORDER, {
      input: {
        cartId,
        idempotencyKey: crypto.randomUUID(),
        email: 'owner@example.com',
        paymentMethod: { ...ENCRYPTED_TEST_CARD, holderName: 'APPROVED' },
      },
    });

  beforeAll(async () => {
    shop = await startTestGraph(queueBackends()[0]!, {
      catalog: buildDemoCatalog(4),
      internalToken: INTERNAL_TOKEN,
      staff: [ORDER_MANAGER, STOCK_MANAGER],
    });
    const page = await as(undefined)(
      '{ products(first: 1) { edges { node { variants { id } } } } }',
    );
    variantId = page.data!.products.edges[0].node.variants[0].id;
  });
  afterAll(async () => {
    await shop?.close();
  });

  it("keeps a customer's cart and order from other customers and from guests", async () => {
    const alice = await signUp('alice@example.com');
    const bob = await signUp('bob@example.com');
    const guest = as(undefined);
    const cartId = await cartWithLine(alice);

    for (const other of [bob, guest]) {
      const read = await other('query($id: ID!) { cart(id: $id) { id } }', { id: cartId });
      expect(read.data).toEqual({ cart: null });
      const placed = await placeOrder(other, cartId);
      expect(placed.data?.placeOrder).toEqual({
        __typename: 'CartUnavailable',
        code: 'CART_NOT_FOUND',
      });
    }

    const placed = await placeOrder(alice, cartId);
    expect(placed.data?.placeOrder.__typename).toBe('OrderPlaced');
    const { id } = placed.data!.placeOrder.order;
    const key = placed.data!.placeOrder.accessKey;
    expect((await alice(ORDER, { id })).data).toEqual({
      order: { id, email: 'owner@example.com' },
    });
    // Not even the access key opens a customer's order to someone else.
    expect((await bob(ORDER, { id, key })).data).toEqual({ order: null });
    expect((await guest(ORDER, { id, key })).data).toEqual({ order: null });

    // The order history is the customer's own: identity's Customer, checkout's orders.
    const history = await alice(MY_ORDERS);
    expect(history.errors).toBeUndefined();
    const mine = history.data!.me.orders;
    expect(mine.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([id]);
    expect(mine.edges[0].node.shippingMethod.code).toBe('nl-be-standard');
    expect(mine.edges[0].node.total.amount).toBeGreaterThan(mine.edges[0].node.shipping.amount);
    expect(mine.pageInfo.hasNextPage).toBe(false);
    expect((await bob(MY_ORDERS)).data!.me.orders.edges).toEqual([]);
  });

  it('opens a guest order with its access key only, and lets a customer claim a guest cart', async () => {
    const guest = as(undefined);
    const cartId = await cartWithLine(guest);
    const placed = await placeOrder(guest, cartId);
    const { id } = placed.data!.placeOrder.order;
    expect((await guest(ORDER, { id })).data).toEqual({ order: null });
    expect((await guest(ORDER, { id, key: 'guessed' })).data).toEqual({ order: null });
    const key = placed.data!.placeOrder.accessKey;
    expect((await guest(ORDER, { id, key })).data?.order.id).toBe(id);

    const carol = await signUp('carol@example.com');
    const guestCart = await cartWithLine(guest);
    const claimed = await carol('mutation($c: ID!) { claimCart(cartId: $c) { __typename } }', {
      c: guestCart,
    });
    expect(claimed.data).toEqual({ claimCart: { __typename: 'Cart' } });
    const afterClaim = await guest('query($id: ID!) { cart(id: $id) { id } }', { id: guestCart });
    expect(afterClaim.data).toEqual({ cart: null });
  });

  it('lets staff with orders:manage read any order, pay none, and no other staff read one', async () => {
    const guest = as(undefined);
    // A card whose issuer asks for a 3-D Secure challenge: the order waits for a payment step.
    const placed = await guest(PLACE_ORDER, {
      input: {
        cartId: await cartWithLine(guest),
        idempotencyKey: crypto.randomUUID(),
        email: 'owner@example.com',
        paymentMethod: { ...ENCRYPTED_TEST_CARD, encryptedCardNumber: 'test_4212345678910006' },
        browserInfo: TEST_BROWSER_INFO,
      },
    });
    const { id } = placed.data!.placeOrder.order;
    const staff = async (member: TestStaff) =>
      as((await shop.staffHeaders(member)).authorization!.replace(/^Bearer /, ''));
    const orders = await staff(ORDER_MANAGER);
    const read = await orders(
      'query($id: ID!) { order(id: $id) { id email payment { status resultCode } } }',
      { id },
    );
    expect(read.data).toEqual({
      order: {
        id,
        email: 'owner@example.com',
        payment: { status: 'PENDING', resultCode: 'ChallengeShopper' },
      },
    });
    expect((await (await staff(STOCK_MANAGER))(ORDER, { id })).data).toEqual({ order: null });
    // Reading is all: the payment step stays the shopper's.
    const paid = await orders(
      'mutation($id: ID!) { submitPaymentDetails(orderId: $id, details: { threeDSResult: "eyJ0cmFuc1N0YXR1cyI6IlkifQ" }) { __typename ... on UserError { code } } }',
      { id },
    );
    expect(paid.data?.submitPaymentDetails).toEqual({
      __typename: 'OrderNotPayable',
      code: 'ORDER_NOT_PAYABLE',
    });
  });

  it('refuses the access token of a session that has ended', async () => {
    const { data } = await as(undefined)(REGISTER, { email: 'dave@example.com' });
    const { accessToken, refreshToken } = data!.register;
    const out = await as(undefined)(
      'mutation($t: String!) { logout(refreshToken: $t) { __typename } }',
      { t: refreshToken },
    );
    expect(out.data?.logout.__typename).toBe('LoggedOut');
    const after = await as(accessToken)('{ me { email } }');
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged or expired access token at the gateway', async () => {
    const forged = await as('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')('{ me { id } }');
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
