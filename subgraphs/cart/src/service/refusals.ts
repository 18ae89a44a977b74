import type { AddressProblem } from '@commerce-graph/kit';
import type { ResolversParentTypes } from '../__generated__/resolvers-types.ts';
import { MAX_CART_AMOUNT, type DiscountRefusalCode } from './pricing.ts';

/** Smallest quantity a line holds; updating a line to 0 removes it instead. */
export const MIN_LINE_QUANTITY = 1;
/** Largest quantity of one line (the `cart_lines_quantity_range` check says the same). */
export const MAX_LINE_QUANTITY = 99;
/** Most distinct variants one cart holds. */
export const MAX_CART_LINES = 50;

/** What a cart change returns: the changed cart, or why nothing was changed (SDL `CartResult`). */
export type CartResult = ResolversParentTypes['CartResult'];
export type Refusal = Exclude<CartResult, { __typename: 'Cart' }>;
export type DiscountRejected = Extract<Refusal, { __typename: 'DiscountRejected' }>;

const DISCOUNT_MESSAGES: Record<DiscountRefusalCode, string> = {
  DISCOUNT_NOT_FOUND: 'No discount code matches',
  DISCOUNT_DISABLED: 'This discount code was disabled',
  DISCOUNT_NOT_STARTED: 'This discount code is not valid yet',
  DISCOUNT_EXPIRED: 'This discount code has expired',
  DISCOUNT_USAGE_LIMIT_REACHED: 'This discount code has been used as often as allowed',
  DISCOUNT_CUSTOMER_LIMIT_REACHED: 'You have used this discount code as often as allowed',
  DISCOUNT_MINIMUM_NOT_MET: 'The cart is below the minimum subtotal of this discount code',
  DISCOUNT_NO_ELIGIBLE_LINES: 'No line of the cart is eligible for this discount code',
  DISCOUNT_CURRENCY_MISMATCH: 'This discount code is for carts in another currency',
  DISCOUNT_REDEMPTION_RELEASED: "This order's redemption of the code was released",
};

/** The typed refusals of cart changes; each says what was refused. */
export const refuse = {
  cartNotFound: (cartId: string): Refusal => ({
    __typename: 'CartNotFound',
    code: 'CART_NOT_FOUND',
    message: `No cart has the id "${cartId}".`,
    cartId,
  }),
  lineNotFound: (cartId: string, lineId: string): Refusal => ({
    __typename: 'CartLineNotFound',
    code: 'CART_LINE_NOT_FOUND',
    message: `Cart ${cartId} has no line "${lineId}".`,
    cartId,
    lineId,
  }),
  variantNotFound: (variantId: string): Refusal => ({
    __typename: 'VariantNotFound',
    code: 'VARIANT_NOT_FOUND',
    message: `The catalog has no variant "${variantId}".`,
    variantId,
  }),
  soldOut: (variantId: string): Refusal => ({
    __typename: 'VariantSoldOut',
    code: 'VARIANT_SOLD_OUT',
    message: `Variant ${variantId} is sold out.`,
    variantId,
  }),
  invalidQuantity: (requested: number, max = MAX_LINE_QUANTITY): Refusal => ({
    __typename: 'InvalidQuantity',
    code: 'INVALID_QUANTITY',
    message: `A line of this variant holds ${MIN_LINE_QUANTITY} to ${max} units, not ${requested}.`,
    min: MIN_LINE_QUANTITY,
    max,
    requested,
  }),
  cartClosed: (cartId: string): Refusal => ({
    __typename: 'CartClosed',
    code: 'CART_CLOSED',
    message: `Cart ${cartId} was checked out or merged and can no longer change.`,
    cartId,
  }),
  cartLimitExceeded: (): Refusal => ({
    __typename: 'CartLimitExceeded',
    code: 'CART_LIMIT_EXCEEDED',
    message: `A cart holds at most ${MAX_CART_LINES} different variants.`,
    maxLines: MAX_CART_LINES,
  }),
  totalTooLarge: (): Refusal => ({
    __typename: 'CartTotalTooLarge',
    code: 'CART_TOTAL_TOO_LARGE',
    message: `A cart's subtotal may not pass ${MAX_CART_AMOUNT} minor units.`,
    max: MAX_CART_AMOUNT,
  }),
  signInRequired: (): Refusal => ({
    __typename: 'SignInRequired',
    code: 'SIGN_IN_REQUIRED',
    message: 'Sign in to keep a cart in your account.',
  }),
  invalidAddress: (problem: AddressProblem): Refusal => ({
    __typename: 'InvalidAddress',
    code: 'INVALID_ADDRESS',
    message: problem.message,
    field: `address.${problem.field}`,
    reason: problem.reason,
  }),
  discount: (code: DiscountRefusalCode, discountCode: string | null): DiscountRejected => ({
    __typename: 'DiscountRejected',
    code,
    message: `${DISCOUNT_MESSAGES[code]}${discountCode ? `: ${discountCode}` : ''}.`,
    discountCode: discountCode || null,
  }),
};
