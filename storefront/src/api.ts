/**
 * The storefront's only way to the backend: `@commerce-graph/client` to the public gateway. The
 * operations are the client's typed documents (packages/client/src/operations); the types below
 * are their results, named for the pages that draw them.
 */
import {
  createClient,
  GraphQLClientError,
  type CartFieldsFragment,
  type CategoryPageQuery,
  type MoneyFieldsFragment,
  type OrderFieldsFragment,
  type PlaceOrderMutation,
  type ProductPageQuery,
} from '@commerce-graph/client';

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

/**
 * The page's one client. Queries go as persisted queries over GET (a hash, cacheable; the
 * gateway's CORS allows the `apollo-require-preflight` header they carry); a gateway without a
 * persisted-query store turns that off after one answer. Mutations always go by POST.
 */
export const api = createClient({ url: gatewayUrl(), persisted: true });

/** What a failed request says to the shopper: the gateway's first error, or the HTTP status. */
export function errorMessage(error: unknown): string {
  if (error instanceof GraphQLClientError) {
    return error.errors[0]?.message ?? `the API answered HTTP ${error.status}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export type Money = MoneyFieldsFragment;

export type ProductSummary = CategoryPageQuery['search']['products']['edges'][number]['node'];
export type Facet = CategoryPageQuery['search']['facets'][number];

export type Product = NonNullable<ProductPageQuery['product']>;
export type Variant = Product['variants'][number];

export type Cart = CartFieldsFragment;

/** Fields every typed refusal (`... on UserError`) has. */
export interface UserError {
  __typename: string;
  code: string;
  message: string;
}

/** A cart mutation's answer: the cart, or the typed reason it was refused. */
export type CartResult = (Cart & { __typename: 'Cart' }) | UserError;

export function isCart(result: CartResult): result is Cart & { __typename: 'Cart' } {
  return result.__typename === 'Cart';
}

export type PlaceOrderResult = PlaceOrderMutation['placeOrder'];
export type OrderPlaced = Extract<PlaceOrderResult, { __typename: 'OrderPlaced' }>;

export function isOrderPlaced(result: PlaceOrderResult): result is OrderPlaced {
  return result.__typename === 'OrderPlaced';
}

export type Order = OrderFieldsFragment;
