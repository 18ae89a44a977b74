import { expect } from 'vitest';

/** A deliverable Dutch address: the default for tests that are about something else. */
export const DEMO_ADDRESS = {
  name: 'Ann Example',
  line1: 'Damrak 1',
  city: 'Amsterdam',
  postalCode: '1012 LG',
  countryCode: 'NL',
} as const;

/** Sends one operation the way a test talks to the graph (its own headers already applied). */
export type Send = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: unknown }>;

interface AddressAnswer {
  __typename: string;
  shippingMethods: Array<{ code: string; price: { amount: number } }>;
}

const SET_ADDRESS = /* GraphQL */ `
  mutation ($c: ID!, $a: CartAddressInput!) {
    setCartShippingAddress(cartId: $c, address: $a) {
      __typename
      ... on Cart {
        shippingMethods {
          code
          price {
            amount
          }
        }
      }
    }
  }
`;

const SET_METHOD = /* GraphQL */ `
  mutation ($c: ID!, $m: String!) {
    setCartShippingMethod(cartId: $c, code: $m) {
      __typename
    }
  }
`;

/**
 * Makes a cart orderable: a shipping address, and the cheapest shipping method for it (through
 * the gateway: the address is cart's, the methods are checkout's). Returns the method's code.
 */
export async function shipCartTo(
  send: Send,
  cartId: string,
  address: Record<string, unknown> = DEMO_ADDRESS,
): Promise<string> {
  const set = await send(SET_ADDRESS, { c: cartId, a: address });
  expect(set.errors).toBeUndefined();
  const cart = (set.data as { setCartShippingAddress: AddressAnswer }).setCartShippingAddress;
  expect(cart.__typename).toBe('Cart');
  const methods = cart.shippingMethods;
  const cheapest = [...methods].sort((a, b) => a.price.amount - b.price.amount)[0];
  expect(cheapest, `no shipping method for ${String(address.countryCode)}`).toBeDefined();
  const chosen = await send(SET_METHOD, { c: cartId, m: cheapest!.code });
  expect(chosen.errors).toBeUndefined();
  expect(chosen.data).toMatchObject({ setCartShippingMethod: { __typename: 'Cart' } });
  return cheapest!.code;
}
