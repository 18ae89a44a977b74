import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrderRow, PaymentRow } from '../db/schema.ts';
import type { OrderLineView, OrderPlacedResult, StockShortage } from '../service/order.service.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Any JSON value: payment provider action objects (3-D Secure, redirects), GDPR export documents. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * The cart cannot be ordered: code CART_NOT_FOUND, CART_EMPTY, CART_ALREADY_ORDERED, or
 * CART_HAS_UNAVAILABLE_LINES (a line's variant is no longer sold: its product was unpublished or
 * archived; the cart lists it in `unavailableLines`).
 */
export type CartUnavailable = UserError & {
  __typename?: 'CartUnavailable';
  cartId: Scalars['ID']['output'];
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/**
 * Checkout could not reach the cart or inventory in time (code CHECKOUT_UNAVAILABLE), a passing
 * fault such as a burst of traffic. No order was created and nothing was charged; whatever was held
 * for the attempt (stock, the discount code's use) is given back. The shopper may place the order
 * again after `retryAfterSeconds`.
 */
export type CheckoutUnavailable = UserError & {
  __typename?: 'CheckoutUnavailable';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** Seconds to wait before trying again. */
  retryAfterSeconds: Scalars['Int']['output'];
};

/**
 * The cart's discount code cannot be used for this order: code DISCOUNT_NOT_FOUND,
 * DISCOUNT_DISABLED, DISCOUNT_NOT_STARTED, DISCOUNT_EXPIRED, DISCOUNT_USAGE_LIMIT_REACHED,
 * DISCOUNT_CUSTOMER_LIMIT_REACHED or DISCOUNT_MINIMUM_NOT_MET. No order was created and nothing
 * was reserved: remove the code from the cart (or fix the cart) and order again.
 */
export type DiscountUnavailable = UserError & {
  __typename?: 'DiscountUnavailable';
  code: Scalars['String']['output'];
  /** The code the cart had applied. */
  discountCode: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/**
 * This `idempotencyKey` already placed an order for another cart (code IDEMPOTENCY_KEY_REUSED);
 * nothing was done. Use a new key for every purchase.
 */
export type IdempotencyKeyReused = UserError & {
  __typename?: 'IdempotencyKeyReused';
  code: Scalars['String']['output'];
  idempotencyKey: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/**
 * The order's status does not allow this change (code ILLEGAL_ORDER_TRANSITION): `from` is where
 * it is, `to` where the change would take it. Nothing changed.
 */
export type IllegalOrderTransition = UserError & {
  __typename?: 'IllegalOrderTransition';
  code: Scalars['String']['output'];
  from: OrderStatus;
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
  to: OrderStatus;
};

/** A field of the input is not acceptable; `field` names it. */
export type InvalidCheckoutInput = UserError & {
  __typename?: 'InvalidCheckoutInput';
  code: Scalars['String']['output'];
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** An amount of money in minor units of its currency (cents for EUR): 1999 is 19.99 EUR. */
export type Money = {
  __typename?: 'Money';
  /** Integer amount in the currency's minor unit. */
  amount: Scalars['Int']['output'];
  /** ISO 4217 currency code, such as EUR. */
  currencyCode: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Staff with `orders:manage`: cancels an order that has not shipped. An unpaid one
   * (PENDING_PAYMENT): its payment is cancelled with Adyen and its stock and discount code are
   * released (as for a failed payment). A PAID one is only marked CANCELLED: its stock stays sold
   * and the refund is the payments issue's. `reason` (1 to 1000 characters) goes into the order's
   * history. Any other status answers `IllegalOrderTransition`. Recorded in the admin audit log.
   */
  cancelOrder: OrderAdminResult;
  /**
   * Internal (inventory, when an order's stock reservation expires): settles the order's payment
   * for good. A payment still PENDING is expired under its row lock, as the payment expiry does
   * (the order fails, `checkout.payment.failed` is emitted, Adyen is asked to cancel): FAILED. An
   * authorised payment answers PAID (sell the stock); one that already failed answers FAILED; an
   * unknown or malformed order id answers NOT_FOUND. Idempotent: a second call answers the same.
   */
  expireUnpaidOrder: OrderPaymentState;
  /**
   * Staff with `orders:manage`: marks a PAID order shipped (FULFILLED), with its carrier and
   * tracking number (each 1 to 100 characters of plain text). Any other status answers
   * `IllegalOrderTransition` and changes nothing. Recorded in the admin audit log.
   */
  fulfilOrder: OrderAdminResult;
  /**
   * Turns a cart into an order: reserves its stock, fixes its prices and starts the payment with
   * Adyen. Card data arrives only as Adyen-encrypted fields; the server never sees a card number.
   *
   * Idempotent per `idempotencyKey`: a request with a key its caller already used answers the
   * order that key placed (`OrderPlaced`, the same order and payment), without a second order,
   * reservation or payment, also when the requests race (the later ones wait for the first). A
   * refused attempt (out of stock, a changed total...) keeps no key: the same key may try again.
   */
  placeOrder: PlaceOrderResult;
  /**
   * Completes a payment that needed shopper action (3-D Secure, redirect), with the `details`
   * that Adyen's Drop-in or Components returned: a JSON object of at most 32768 characters.
   */
  submitPaymentDetails: SubmitPaymentDetailsResult;
};


export type MutationCancelOrderArgs = {
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationExpireUnpaidOrderArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationFulfilOrderArgs = {
  carrier: Scalars['String']['input'];
  orderId: Scalars['ID']['input'];
  trackingNumber: Scalars['String']['input'];
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationSubmitPaymentDetailsArgs = {
  accessKey?: InputMaybe<Scalars['String']['input']>;
  details: Scalars['JSON']['input'];
  orderId: Scalars['ID']['input'];
};

/** What a shopper bought: fixed lines and prices, and its payment. */
export type Order = {
  __typename?: 'Order';
  /** Why staff cancelled the order; null unless CANCELLED. */
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** The carrier of a FULFILLED order's parcel; null before. */
  carrier?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['String']['output'];
  /** What the discount code took off the subtotal; zero without one. */
  discount: Money;
  /** The discount code the order was placed with, or null. */
  discountCode?: Maybe<Scalars['String']['output']>;
  /** Where order mails go; null once the customer's account was erased (GDPR). */
  email?: Maybe<Scalars['String']['output']>;
  /**
   * Every status the order took, oldest first: its placement (from null), then each legal
   * transition with its cause. An order placed before the history existed shows its current
   * status only.
   */
  history: Array<OrderTransition>;
  id: Scalars['ID']['output'];
  lines: Array<OrderLine>;
  /**
   * The human-readable order number for receipts and support, such as `CG-100001`: `CG-` and the
   * digits of a number that grows with every order and is never reused. Unlike `id` it is
   * guessable, so it opens nothing alone: `orderByNumber` also needs the order's email.
   */
  number: Scalars['String']['output'];
  /** The order's payment attempt. */
  payment: Payment;
  status: OrderStatus;
  /** The sum of the lines, before the discount. */
  subtotal: Money;
  /** What the shopper pays: `subtotal` minus `discount`. */
  total: Money;
  /** The FULFILLED order's tracking number; null before. */
  trackingNumber?: Maybe<Scalars['String']['output']>;
};

export type OrderAdminResult = IllegalOrderTransition | InvalidCheckoutInput | OrderNotFound | OrderUpdated;

/** One line of an order, priced when the order was placed. */
export type OrderLine = {
  __typename?: 'OrderLine';
  lineTotal: Money;
  quantity: Scalars['Int']['output'];
  unitPrice: Money;
  /**
   * The variant bought, as the catalog shows it now; null once its product is withdrawn (a draft
   * or archived product): an order outlives the catalog, and keeps `variantId` and its prices.
   */
  variant?: Maybe<ProductVariant>;
  /** The id of the variant bought, always there. */
  variantId: Scalars['ID']['output'];
};

/** No order has this id (code ORDER_NOT_FOUND); nothing changed. */
export type OrderNotFound = UserError & {
  __typename?: 'OrderNotFound';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
};

/** The order is not waiting for a payment step (unknown, already paid or failed). */
export type OrderNotPayable = UserError & {
  __typename?: 'OrderNotPayable';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
};

/** Internal: whether an order's stock must be sold or released (see `expireUnpaidOrder`). */
export type OrderPaymentState =
  /** The payment failed, was refused or expired: release the reservation. */
  | 'FAILED'
  /** No order has this id: release the reservation. */
  | 'NOT_FOUND'
  /** The payment is authorised (the order is PAID): turn the reservation into a sale. */
  | 'PAID';

/** The order exists; `payment` says what the provider answered. */
export type OrderPlaced = {
  __typename?: 'OrderPlaced';
  /**
   * The order's secret, only in `placeOrder`'s first answer (null elsewhere, and null in a replay
   * of the same `idempotencyKey`): keep it, it opens a guest order (`order(id, accessKey)`,
   * `submitPaymentDetails`). It is stored only as a hash, so it cannot be shown again: a guest
   * whose first answer was lost reads the order with `orderByNumber` (number and email).
   */
  accessKey?: Maybe<Scalars['String']['output']>;
  /** What the client must do next (3-D Secure challenge, redirect), or null. */
  action?: Maybe<Scalars['JSON']['output']>;
  order: Order;
  payment: Payment;
};

/**
 * Where an order is. The legal moves: PENDING_PAYMENT -> PAID | PAYMENT_FAILED | CANCELLED;
 * PAID -> FULFILLED | CANCELLED (refunds: the payments issue); every other move is refused.
 */
export type OrderStatus =
  /**
   * Authorised but not yet captured (manual capture): not used yet, Adyen captures automatically,
   * so an authorised order is PAID.
   */
  | 'AUTHORISED'
  /** Cancelled by staff before it shipped. */
  | 'CANCELLED'
  /** Shipped: a carrier and tracking number are recorded. */
  | 'FULFILLED'
  /** Adyen confirmed the authorisation (captured automatically); the stock is sold. */
  | 'PAID'
  /** Part of the payment was refunded (the payments issue: not used yet). */
  | 'PARTIALLY_REFUNDED'
  /** The payment was refused or failed; the stock went back on sale. */
  | 'PAYMENT_FAILED'
  /** Stock is reserved; the payment has not been confirmed yet. */
  | 'PENDING_PAYMENT'
  /** The whole payment was refunded (the payments issue: not used yet). */
  | 'REFUNDED';

/** One change of an order's status. */
export type OrderTransition = {
  __typename?: 'OrderTransition';
  /** When (ISO 8601). */
  at: Scalars['String']['output'];
  /** Why, for support: `order placed`, `payment authorised (...)`, `payment refused: ...`. */
  cause: Scalars['String']['output'];
  /** The status before; null for the order's placement. */
  from?: Maybe<OrderStatus>;
  to: OrderStatus;
};

/** The order after an admin change. */
export type OrderUpdated = {
  __typename?: 'OrderUpdated';
  order: Order;
};

/** Some lines ask for more than is in stock; no order was created and nothing was reserved. */
export type OutOfStock = UserError & {
  __typename?: 'OutOfStock';
  code: Scalars['String']['output'];
  lines: Array<OutOfStockLine>;
  message: Scalars['String']['output'];
};

export type OutOfStockLine = {
  __typename?: 'OutOfStockLine';
  available: Scalars['Int']['output'];
  requested: Scalars['Int']['output'];
  /** The variant; null when the catalog no longer shows it. */
  variant?: Maybe<ProductVariant>;
  /** The variant's id, always there. */
  variantId: Scalars['ID']['output'];
};

/** A payment attempt with Adyen. */
export type Payment = {
  __typename?: 'Payment';
  amount: Money;
  id: Scalars['ID']['output'];
  /** Adyen's reference for the payment, once Adyen has one. */
  pspReference?: Maybe<Scalars['String']['output']>;
  /** Why Adyen refused, when it did. */
  refusalReason?: Maybe<Scalars['String']['output']>;
  /** Adyen's last result code, such as Authorised, Refused or ChallengeShopper. */
  resultCode?: Maybe<Scalars['String']['output']>;
  status: PaymentStatus;
};

/**
 * A payment method as Adyen's client-side encryption produced it. Raw card numbers and CVCs are
 * not accepted: the API has no field for them.
 */
export type PaymentMethodInput = {
  encryptedCardNumber?: InputMaybe<Scalars['String']['input']>;
  encryptedExpiryMonth?: InputMaybe<Scalars['String']['input']>;
  encryptedExpiryYear?: InputMaybe<Scalars['String']['input']>;
  encryptedSecurityCode?: InputMaybe<Scalars['String']['input']>;
  holderName?: InputMaybe<Scalars['String']['input']>;
  /** A card the shopper stored earlier, instead of encrypted fields. */
  storedPaymentMethodId?: InputMaybe<Scalars['String']['input']>;
  /** Adyen payment method type, such as `scheme` for cards. */
  type: Scalars['String']['input'];
};

export type PaymentStatus =
  | 'AUTHORISED'
  /** Staff cancelled the unpaid order; Adyen was asked to cancel the payment. */
  | 'CANCELLED'
  /** The provider failed or could not be reached. */
  | 'ERROR'
  /** The shopper did not complete the payment in time; the order was released. */
  | 'EXPIRED'
  /** Started; waiting for Adyen's final answer. */
  | 'PENDING'
  | 'REFUSED';

export type PlaceOrderInput = {
  cartId: Scalars['ID']['input'];
  /** Where the receipt goes; stored trimmed, NFC-normalised and with a lower-case domain. */
  email: Scalars['String']['input'];
  /**
   * The total (minor units, in the cart's currency) the shopper saw and agreed to pay. When the
   * cart's total is now different the order is refused with `TotalChanged` and nothing is held.
   */
  expectedTotal?: InputMaybe<Scalars['Int']['input']>;
  /**
   * The client's key for this purchase, such as a UUID made when the shopper pressed "pay":
   * 8 to 200 characters of `A-Z a-z 0-9 . _ : -`. Send the same key again when an answer was lost:
   * the answer is the order the key placed. Scoped to the caller (the signed-in customer, or for a
   * guest the cart), and kept as long as the order. The same customer's key with another cart is
   * refused (`IdempotencyKeyReused`); the other fields of a replay are not compared.
   */
  idempotencyKey: Scalars['String']['input'];
  paymentMethod: PaymentMethodInput;
  /** Where the shopper comes back after a redirect (3-D Secure, wallets). */
  returnUrl?: InputMaybe<Scalars['String']['input']>;
};

export type PlaceOrderResult = CartUnavailable | CheckoutUnavailable | DiscountUnavailable | IdempotencyKeyReused | InvalidCheckoutInput | OrderPlaced | OutOfStock | PurchaseLimitExceeded | TotalChanged;

export type ProductVariant = {
  __typename?: 'ProductVariant';
  id: Scalars['ID']['output'];
};

/**
 * Some lines ask for more units of a variant than one order or one customer may buy (code
 * PURCHASE_LIMIT_EXCEEDED); no order was created and nothing was reserved.
 */
export type PurchaseLimitExceeded = UserError & {
  __typename?: 'PurchaseLimitExceeded';
  code: Scalars['String']['output'];
  lines: Array<PurchaseLimitLine>;
  message: Scalars['String']['output'];
};

/** A line over its variant's purchase limit. */
export type PurchaseLimitLine = {
  __typename?: 'PurchaseLimitLine';
  /** Units of this variant the customer holds or bought in other orders. */
  alreadyBought: Scalars['Int']['output'];
  /** The limit that was hit: per order, or per customer when alreadyBought counts. */
  limit: Scalars['Int']['output'];
  requested: Scalars['Int']['output'];
  variantId: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * Internal (identity, GDPR export): the customer's orders, lines, payments and Adyen
   * notifications as plain JSON.
   */
  checkoutPersonalData: Scalars['JSON']['output'];
  /**
   * An order by id, for the customer who placed it (signed in), or for a guest order together with
   * the `accessKey` that `placeOrder` answered. Null otherwise: an id alone opens nothing.
   */
  order?: Maybe<Order>;
  /**
   * An order by its number and the email given when it was placed, for a guest (or anyone) who
   * has the order confirmation: read-only, it shows the order as `order(id, accessKey)` does, and
   * paying it (`submitPaymentDetails`) still needs the access key or the signed-in owner. The
   * number is `CG-` and 6 to 18 digits (the prefix in any case); the email is normalised as
   * `placeOrder` normalises it and compared in any letter case, the whole address. Null, the same
   * null, for an unknown or malformed number, another email, or an order whose email was erased
   * (GDPR).
   *
   * Limited per client network: every lookup counts, found or not (counting only misses would
   * let parallel guesses through), 10 per 15 minutes by default. Past the limit the answer is a
   * GraphQL error with `extensions.code` THROTTLED and `extensions.retryAfterSeconds`, as for the
   * gateway's own limits, whatever the number and email.
   */
  orderByNumber?: Maybe<Order>;
};


export type QueryCheckoutPersonalDataArgs = {
  customerId: Scalars['ID']['input'];
};


export type QueryOrderArgs = {
  accessKey?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryOrderByNumberArgs = {
  email: Scalars['String']['input'];
  number: Scalars['String']['input'];
};

export type SubmitPaymentDetailsResult = InvalidCheckoutInput | OrderNotPayable | OrderPlaced;

/**
 * The cart's total is no longer the `expectedTotal` the shopper agreed to (code TOTAL_CHANGED: a
 * price, the discount or the lines changed). No order was created and nothing was held: show the
 * new total and order again.
 */
export type TotalChanged = UserError & {
  __typename?: 'TotalChanged';
  code: Scalars['String']['output'];
  /** The cart's total now. */
  current: Money;
  /** What the client expected, in the cart's currency. */
  expected: Money;
  message: Scalars['String']['output'];
};

/** An expected failure the client can act on. */
export type UserError = {
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Order: Order;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  OrderAdminResult:
    | ( IllegalOrderTransition & { __typename: 'IllegalOrderTransition' } )
    | ( InvalidCheckoutInput & { __typename: 'InvalidCheckoutInput' } )
    | ( OrderNotFound & { __typename: 'OrderNotFound' } )
    | ( Omit<OrderUpdated, 'order'> & { order: _RefType['Order'] } & { __typename: 'OrderUpdated' } )
  ;
  PlaceOrderResult:
    | ( CartUnavailable & { __typename: 'CartUnavailable' } )
    | ( CheckoutUnavailable & { __typename: 'CheckoutUnavailable' } )
    | ( DiscountUnavailable & { __typename: 'DiscountUnavailable' } )
    | ( IdempotencyKeyReused & { __typename: 'IdempotencyKeyReused' } )
    | ( InvalidCheckoutInput & { __typename: 'InvalidCheckoutInput' } )
    | ( OrderPlacedResult & { __typename: 'OrderPlaced' } )
    | ( Omit<OutOfStock, 'lines'> & { lines: Array<_RefType['OutOfStockLine']> } & { __typename: 'OutOfStock' } )
    | ( PurchaseLimitExceeded & { __typename: 'PurchaseLimitExceeded' } )
    | ( TotalChanged & { __typename: 'TotalChanged' } )
  ;
  SubmitPaymentDetailsResult:
    | ( InvalidCheckoutInput & { __typename: 'InvalidCheckoutInput' } )
    | ( OrderNotPayable & { __typename: 'OrderNotPayable' } )
    | ( OrderPlacedResult & { __typename: 'OrderPlaced' } )
  ;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError:
    | ( CartUnavailable & { __typename: 'CartUnavailable' } )
    | ( CheckoutUnavailable & { __typename: 'CheckoutUnavailable' } )
    | ( DiscountUnavailable & { __typename: 'DiscountUnavailable' } )
    | ( IdempotencyKeyReused & { __typename: 'IdempotencyKeyReused' } )
    | ( IllegalOrderTransition & { __typename: 'IllegalOrderTransition' } )
    | ( InvalidCheckoutInput & { __typename: 'InvalidCheckoutInput' } )
    | ( OrderNotFound & { __typename: 'OrderNotFound' } )
    | ( OrderNotPayable & { __typename: 'OrderNotPayable' } )
    | ( Omit<OutOfStock, 'lines'> & { lines: Array<_RefType['OutOfStockLine']> } & { __typename: 'OutOfStock' } )
    | ( PurchaseLimitExceeded & { __typename: 'PurchaseLimitExceeded' } )
    | ( TotalChanged & { __typename: 'TotalChanged' } )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CartUnavailable: ResolverTypeWrapper<CartUnavailable>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CheckoutUnavailable: ResolverTypeWrapper<CheckoutUnavailable>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DiscountUnavailable: ResolverTypeWrapper<DiscountUnavailable>;
  IdempotencyKeyReused: ResolverTypeWrapper<IdempotencyKeyReused>;
  IllegalOrderTransition: ResolverTypeWrapper<IllegalOrderTransition>;
  InvalidCheckoutInput: ResolverTypeWrapper<InvalidCheckoutInput>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRow>;
  OrderAdminResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['OrderAdminResult']>;
  OrderLine: ResolverTypeWrapper<OrderLineView>;
  OrderNotFound: ResolverTypeWrapper<OrderNotFound>;
  OrderNotPayable: ResolverTypeWrapper<OrderNotPayable>;
  OrderPaymentState: OrderPaymentState;
  OrderPlaced: ResolverTypeWrapper<OrderPlacedResult>;
  OrderStatus: OrderStatus;
  OrderTransition: ResolverTypeWrapper<OrderTransition>;
  OrderUpdated: ResolverTypeWrapper<Omit<OrderUpdated, 'order'> & { order: ResolversTypes['Order'] }>;
  OutOfStock: ResolverTypeWrapper<Omit<OutOfStock, 'lines'> & { lines: Array<ResolversTypes['OutOfStockLine']> }>;
  OutOfStockLine: ResolverTypeWrapper<StockShortage>;
  Payment: ResolverTypeWrapper<PaymentRow>;
  PaymentMethodInput: PaymentMethodInput;
  PaymentStatus: PaymentStatus;
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['PlaceOrderResult']>;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  PurchaseLimitExceeded: ResolverTypeWrapper<PurchaseLimitExceeded>;
  PurchaseLimitLine: ResolverTypeWrapper<PurchaseLimitLine>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SubmitPaymentDetailsResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SubmitPaymentDetailsResult']>;
  TotalChanged: ResolverTypeWrapper<TotalChanged>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CartUnavailable: CartUnavailable;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  CheckoutUnavailable: CheckoutUnavailable;
  Int: Scalars['Int']['output'];
  DiscountUnavailable: DiscountUnavailable;
  IdempotencyKeyReused: IdempotencyKeyReused;
  IllegalOrderTransition: IllegalOrderTransition;
  InvalidCheckoutInput: InvalidCheckoutInput;
  JSON: Scalars['JSON']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: OrderRow;
  OrderAdminResult: ResolversUnionTypes<ResolversParentTypes>['OrderAdminResult'];
  OrderLine: OrderLineView;
  OrderNotFound: OrderNotFound;
  OrderNotPayable: OrderNotPayable;
  OrderPlaced: OrderPlacedResult;
  OrderTransition: OrderTransition;
  OrderUpdated: Omit<OrderUpdated, 'order'> & { order: ResolversParentTypes['Order'] };
  OutOfStock: Omit<OutOfStock, 'lines'> & { lines: Array<ResolversParentTypes['OutOfStockLine']> };
  OutOfStockLine: StockShortage;
  Payment: PaymentRow;
  PaymentMethodInput: PaymentMethodInput;
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderResult: ResolversUnionTypes<ResolversParentTypes>['PlaceOrderResult'];
  ProductVariant: ProductVariant;
  PurchaseLimitExceeded: PurchaseLimitExceeded;
  PurchaseLimitLine: PurchaseLimitLine;
  Query: Record<PropertyKey, never>;
  SubmitPaymentDetailsResult: ResolversUnionTypes<ResolversParentTypes>['SubmitPaymentDetailsResult'];
  TotalChanged: TotalChanged;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  Boolean: Scalars['Boolean']['output'];
}>;

export type CartUnavailableResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartUnavailable'] = ResolversParentTypes['CartUnavailable']> = ResolversObject<{
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CheckoutUnavailableResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CheckoutUnavailable'] = ResolversParentTypes['CheckoutUnavailable']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DiscountUnavailableResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountUnavailable'] = ResolversParentTypes['DiscountUnavailable']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discountCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type IdempotencyKeyReusedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IdempotencyKeyReused'] = ResolversParentTypes['IdempotencyKeyReused']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idempotencyKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type IllegalOrderTransitionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IllegalOrderTransition'] = ResolversParentTypes['IllegalOrderTransition']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidCheckoutInputResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidCheckoutInput'] = ResolversParentTypes['InvalidCheckoutInput']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelOrder?: Resolver<ResolversTypes['OrderAdminResult'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'orderId' | 'reason'>>;
  expireUnpaidOrder?: Resolver<ResolversTypes['OrderPaymentState'], ParentType, ContextType, RequireFields<MutationExpireUnpaidOrderArgs, 'orderId'>>;
  fulfilOrder?: Resolver<ResolversTypes['OrderAdminResult'], ParentType, ContextType, RequireFields<MutationFulfilOrderArgs, 'carrier' | 'orderId' | 'trackingNumber'>>;
  placeOrder?: Resolver<ResolversTypes['PlaceOrderResult'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
  submitPaymentDetails?: Resolver<ResolversTypes['SubmitPaymentDetailsResult'], ParentType, ContextType, RequireFields<MutationSubmitPaymentDetailsArgs, 'details' | 'orderId'>>;
}>;

export type OrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cancelReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  carrier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  discountCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['OrderTransition']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  trackingNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type OrderAdminResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderAdminResult'] = ResolversParentTypes['OrderAdminResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'IllegalOrderTransition' | 'InvalidCheckoutInput' | 'OrderNotFound' | 'OrderUpdated', ParentType, ContextType>;
}>;

export type OrderLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = ResolversObject<{
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type OrderNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderNotFound'] = ResolversParentTypes['OrderNotFound']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrderNotPayableResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderNotPayable'] = ResolversParentTypes['OrderNotPayable']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrderPlacedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderPlaced'] = ResolversParentTypes['OrderPlaced']> = ResolversObject<{
  accessKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  action?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrderTransitionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderTransition'] = ResolversParentTypes['OrderTransition']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cause?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['OrderStatus']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
}>;

export type OrderUpdatedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderUpdated'] = ResolversParentTypes['OrderUpdated']> = ResolversObject<{
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OutOfStockResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OutOfStock'] = ResolversParentTypes['OutOfStock']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OutOfStockLine']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OutOfStockLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OutOfStockLine'] = ResolversParentTypes['OutOfStockLine']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PaymentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pspReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  refusalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resultCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
}>;

export type PlaceOrderResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlaceOrderResult'] = ResolversParentTypes['PlaceOrderResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CartUnavailable' | 'CheckoutUnavailable' | 'DiscountUnavailable' | 'IdempotencyKeyReused' | 'InvalidCheckoutInput' | 'OrderPlaced' | 'OutOfStock' | 'PurchaseLimitExceeded' | 'TotalChanged', ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PurchaseLimitExceededResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseLimitExceeded'] = ResolversParentTypes['PurchaseLimitExceeded']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['PurchaseLimitLine']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PurchaseLimitLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseLimitLine'] = ResolversParentTypes['PurchaseLimitLine']> = ResolversObject<{
  alreadyBought?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  limit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  checkoutPersonalData?: Resolver<ResolversTypes['JSON'], ParentType, ContextType, RequireFields<QueryCheckoutPersonalDataArgs, 'customerId'>>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orderByNumber?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderByNumberArgs, 'email' | 'number'>>;
}>;

export type SubmitPaymentDetailsResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SubmitPaymentDetailsResult'] = ResolversParentTypes['SubmitPaymentDetailsResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidCheckoutInput' | 'OrderNotPayable' | 'OrderPlaced', ParentType, ContextType>;
}>;

export type TotalChangedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TotalChanged'] = ResolversParentTypes['TotalChanged']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CartUnavailable' | 'CheckoutUnavailable' | 'DiscountUnavailable' | 'IdempotencyKeyReused' | 'IllegalOrderTransition' | 'InvalidCheckoutInput' | 'OrderNotFound' | 'OrderNotPayable' | 'OutOfStock' | 'PurchaseLimitExceeded' | 'TotalChanged', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  CartUnavailable?: CartUnavailableResolvers<ContextType>;
  CheckoutUnavailable?: CheckoutUnavailableResolvers<ContextType>;
  DiscountUnavailable?: DiscountUnavailableResolvers<ContextType>;
  IdempotencyKeyReused?: IdempotencyKeyReusedResolvers<ContextType>;
  IllegalOrderTransition?: IllegalOrderTransitionResolvers<ContextType>;
  InvalidCheckoutInput?: InvalidCheckoutInputResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderAdminResult?: OrderAdminResultResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderNotFound?: OrderNotFoundResolvers<ContextType>;
  OrderNotPayable?: OrderNotPayableResolvers<ContextType>;
  OrderPlaced?: OrderPlacedResolvers<ContextType>;
  OrderTransition?: OrderTransitionResolvers<ContextType>;
  OrderUpdated?: OrderUpdatedResolvers<ContextType>;
  OutOfStock?: OutOfStockResolvers<ContextType>;
  OutOfStockLine?: OutOfStockLineResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PlaceOrderResult?: PlaceOrderResultResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  PurchaseLimitExceeded?: PurchaseLimitExceededResolvers<ContextType>;
  PurchaseLimitLine?: PurchaseLimitLineResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SubmitPaymentDetailsResult?: SubmitPaymentDetailsResultResolvers<ContextType>;
  TotalChanged?: TotalChangedResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

