/** The storefront's only way to the backend: GraphQL over fetch to the public gateway. */

declare global {
  interface Window {
    /** Written by the server's `/config.js`; unset, the gateway is on this host's port 4000. */
    STOREFRONT_CONFIG?: { gatewayUrl?: string };
  }
}

export function gatewayUrl(): string {
  return (
    window.STOREFRONT_CONFIG?.gatewayUrl ??
    `${location.protocol}//${location.hostname}:4000/graphql`
  );
}

/** A GraphQL error answered by the gateway (a fault, not a typed `UserError` result). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Sends one operation; answers `data` or throws the first GraphQL error. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(gatewayUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  const error = body.errors?.[0];
  if (error) throw new GraphQLRequestError(error.message, error.extensions?.code);
  if (!response.ok || !body.data) {
    throw new GraphQLRequestError(`the API answered HTTP ${response.status}`);
  }
  return body.data;
}

export interface Money {
  amount: number;
  currencyCode: string;
}

/** Fields every typed error result (`... on UserError`) has. */
export interface UserError {
  __typename: string;
  code: string;
  message: string;
}

export interface Availability {
  available: number;
  inStock: boolean;
  backorderable: boolean;
  tracked: boolean;
  maxPerOrder: number | null;
}

export interface Variant {
  id: string;
  sku: string;
  options: Array<{ name: string; value: string }>;
  price: Money;
  compareAtPrice: Money | null;
  availability: Availability;
}

export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  variants: Array<{ price: Money; availability: { inStock: boolean } }>;
}

export interface Facet {
  name: string;
  label: string;
  values: Array<{ value: string; label: string; count: number; selected: boolean }>;
}

export interface SearchAnswer {
  search: {
    products: { totalCount: number; edges: Array<{ node: ProductSummary }> };
    facets: Facet[];
    correctedQuery: string | null;
  };
}

export const SEARCH = /* GraphQL */ `
  query StorefrontSearch($query: String, $filters: [FacetFilterInput!], $inStock: Boolean) {
    search(query: $query, filters: $filters, inStock: $inStock, first: 24) {
      correctedQuery
      products {
        totalCount
        edges {
          node {
            id
            slug
            name
            variants {
              price {
                amount
                currencyCode
              }
              availability {
                inStock
              }
            }
          }
        }
      }
      facets {
        name
        label
        values {
          value
          label
          count
          selected
        }
      }
    }
  }
`;

export interface ProductAnswer {
  product: {
    id: string;
    slug: string;
    name: string;
    description: string;
    category: { name: string; slug: string };
    variants: Variant[];
  } | null;
}

export const PRODUCT = /* GraphQL */ `
  query StorefrontProduct($slug: String!) {
    product(slug: $slug) {
      id
      slug
      name
      description
      category {
        name
        slug
      }
      variants {
        id
        sku
        options {
          name
          value
        }
        price {
          amount
          currencyCode
        }
        compareAtPrice {
          amount
          currencyCode
        }
        availability {
          available
          inStock
          backorderable
          tracked
          maxPerOrder
        }
      }
    }
  }
`;

export interface ShippingMethod {
  code: string;
  name: string;
  price: Money;
  minDays: number;
  maxDays: number;
}

export interface Cart {
  __typename: 'Cart';
  id: string;
  status: 'ACTIVE' | 'CHECKED_OUT' | 'MERGED';
  totalQuantity: number;
  lines: Array<{
    id: string;
    quantity: number;
    unitPrice: Money;
    lineTotal: Money;
    variant: {
      id: string;
      sku: string;
      options: Array<{ name: string; value: string }>;
      product: { name: string; slug: string };
    };
  }>;
  shippingAddress: { name: string; line1: string; city: string; countryCode: string } | null;
  shippingMethods: ShippingMethod[];
  shippingMethod: ShippingMethod | null;
  totals: {
    subtotal: Money;
    discount: Money;
    shipping: Money | null;
    tax: Money | null;
    taxIncluded: boolean;
    total: Money;
  };
}

const CART_FIELDS = /* GraphQL */ `
  fragment StorefrontCart on Cart {
    __typename
    id
    status
    totalQuantity
    lines {
      id
      quantity
      unitPrice {
        amount
        currencyCode
      }
      lineTotal {
        amount
        currencyCode
      }
      variant {
        id
        sku
        options {
          name
          value
        }
        product {
          name
          slug
        }
      }
    }
    shippingAddress {
      name
      line1
      city
      countryCode
    }
    shippingMethods {
      code
      name
      price {
        amount
        currencyCode
      }
      minDays
      maxDays
    }
    shippingMethod {
      code
      name
      price {
        amount
        currencyCode
      }
      minDays
      maxDays
    }
    totals {
      subtotal {
        amount
        currencyCode
      }
      discount {
        amount
        currencyCode
      }
      shipping {
        amount
        currencyCode
      }
      tax {
        amount
        currencyCode
      }
      taxIncluded
      total {
        amount
        currencyCode
      }
    }
  }
`;

/** A mutation's answer: the cart, or the typed reason it was refused. */
export type CartResult = Cart | UserError;

export function isCart(result: CartResult): result is Cart {
  return result.__typename === 'Cart';
}

const CART_RESULT = `__typename ...StorefrontCart ... on UserError { code message }`;

export const CART = `query StorefrontCartById($id: ID!) { cart(id: $id) { ...StorefrontCart } } ${CART_FIELDS}`;
export const CREATE_CART = `mutation StorefrontCreateCart { createCart { ...StorefrontCart } } ${CART_FIELDS}`;
export const ADD_LINE = `mutation StorefrontAddLine($c: ID!, $v: ID!, $q: Int!) {
  addCartLine(cartId: $c, variantId: $v, quantity: $q) { ${CART_RESULT} } } ${CART_FIELDS}`;
export const UPDATE_LINE = `mutation StorefrontUpdateLine($c: ID!, $l: ID!, $q: Int!) {
  updateCartLine(cartId: $c, lineId: $l, quantity: $q) { ${CART_RESULT} } } ${CART_FIELDS}`;
export const SET_ADDRESS = `mutation StorefrontSetAddress($c: ID!, $a: CartAddressInput!) {
  setCartShippingAddress(cartId: $c, address: $a) { ${CART_RESULT} } } ${CART_FIELDS}`;
export const SET_METHOD = `mutation StorefrontSetMethod($c: ID!, $m: String!) {
  setCartShippingMethod(cartId: $c, code: $m) { ${CART_RESULT} } } ${CART_FIELDS}`;

export interface Payment {
  status: 'PENDING' | 'AUTHORISED' | 'REFUSED' | 'ERROR' | 'EXPIRED' | 'CANCELLED';
  resultCode: string | null;
  refusalReason: string | null;
}

export interface OrderPlaced {
  __typename: 'OrderPlaced';
  accessKey: string | null;
  /** Adyen's action (3-D Secure, redirect) when the shopper has more to do. */
  action: unknown;
  order: { id: string; number: string; status: string };
  payment: Payment;
}

export type PlaceOrderResult = OrderPlaced | UserError;

export function isOrderPlaced(result: PlaceOrderResult): result is OrderPlaced {
  return result.__typename === 'OrderPlaced';
}

export const PLACE_ORDER = /* GraphQL */ `
  mutation StorefrontPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on OrderPlaced {
        accessKey
        action
        order {
          id
          number
          status
        }
        payment {
          status
          resultCode
          refusalReason
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`;

export interface Order {
  id: string;
  number: string;
  status: string;
  email: string | null;
  total: Money;
  shipping: Money;
  payment: Payment;
  lines: Array<{
    quantity: number;
    lineTotal: Money;
    variant: { sku: string; product: { name: string } } | null;
  }>;
}

export const ORDER = /* GraphQL */ `
  query StorefrontOrder($id: ID!, $key: String) {
    order(id: $id, accessKey: $key) {
      id
      number
      status
      email
      total {
        amount
        currencyCode
      }
      shipping {
        amount
        currencyCode
      }
      payment {
        status
        resultCode
        refusalReason
      }
      lines {
        quantity
        lineTotal {
          amount
          currencyCode
        }
        variant {
          sku
          product {
            name
          }
        }
      }
    }
  }
`;
