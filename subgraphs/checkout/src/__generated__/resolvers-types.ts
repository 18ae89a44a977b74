import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrderRow, PaymentRow, PaymentModificationRow } from '../db/schema.ts';
import type { OrderLineView, OrderPlacedResult, StockShortage } from '../service/order.service.ts';
import type { RefundRequestedResult, CaptureRequestedResult } from '../service/order-admin.service.ts';
import type { CheckoutCart, ShippingMethodView } from '../service/cart-pricing.service.ts';
import type { CartPricing, TaxLineView } from '../service/pricing.ts';
import type { CustomerRef, OrderPage } from '../service/order-history.service.ts';
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

/** The shopper's browser, for 3-D Secure 2 (Adyen's `browserInfo`). */
export type BrowserInfoInput = {
  /** The `Accept` header, at most 1024 characters. */
  acceptHeader: Scalars['String']['input'];
  /** Bits per pixel, 1 to 48. */
  colorDepth: Scalars['Int']['input'];
  /** Whether the browser has Java enabled (`navigator.javaEnabled()`; false in current browsers). */
  javaEnabled: Scalars['Boolean']['input'];
  /** A BCP 47 language tag, such as nl-NL. */
  language: Scalars['String']['input'];
  /** In pixels, 1 to 100000. */
  screenHeight: Scalars['Int']['input'];
  /** In pixels, 1 to 100000. */
  screenWidth: Scalars['Int']['input'];
  /** Minutes from UTC as `Date#getTimezoneOffset` answers them (-60 in Amsterdam in winter), -1440 to 1440. */
  timeZoneOffset: Scalars['Int']['input'];
  /** The `User-Agent` header, at most 1024 characters. */
  userAgent: Scalars['String']['input'];
};

/** How long a field's value may be cached, and by whom (Apollo Server cache control). */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/**
 * The order cannot be captured this much (code CAPTURE_NOT_POSSIBLE): it is not AUTHORISED (with
 * automatic capture no order ever is), or `amount` is more than `capturable`. Nothing was written.
 */
export type CaptureNotPossible = UserError & {
  __typename?: 'CaptureNotPossible';
  /** What may be captured now: authorised, less captured, less captures in flight. */
  capturable: Money;
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The order that was not captured. */
  orderId: Scalars['ID']['output'];
};

/** The capture requested, or why none was. */
export type CaptureOrderResult = CaptureNotPossible | CaptureRequested | InvalidCheckoutInput | OrderNotFound;

/** A capture written and sent to Adyen; its notification completes it. */
export type CaptureRequested = {
  __typename?: 'CaptureRequested';
  /** The capture, REQUESTED or RECEIVED until its notification comes. */
  capture: PaymentModification;
  /** The order, still AUTHORISED until the capture completes. */
  order: Order;
};

/**
 * A cart, as checkout prices it: the shipping methods for its address, the chosen one, and its
 * totals with shipping and tax, all computed from the cart's own quote every time they are read.
 */
export type Cart = {
  __typename?: 'Cart';
  /** Internal: the cart's priced contents, from the cart subgraph (see `@commerce-graph/kit` CartQuote). */
  checkoutQuote: Scalars['JSON']['output'];
  /** Unguessable id; whoever knows it can read and change the cart. */
  id: Scalars['ID']['output'];
  /**
   * The chosen method (`setCartShippingMethod`), priced as in `shippingMethods`; null when none
   * was chosen or the chosen one does not ship to the current address.
   */
  shippingMethod?: Maybe<ShippingMethod>;
  /**
   * The methods that ship to the cart's shipping address, cheapest position first, each priced in
   * the cart's currency (0 once the goods after the discount reach its free threshold). Empty
   * without a shipping address, or for a country the shop does not ship to.
   */
  shippingMethods: Array<ShippingMethod>;
  /**
   * What the cart costs now, with shipping and tax: what `placeOrder` would charge. A total past
   * 2,000,000,000 minor units (tax on top of a capped subtotal) answers the error
   * CART_TOTAL_TOO_LARGE rather than an overflowing Int.
   */
  totals: CartTotals;
};

/**
 * A cart's totals, recomputed on the server on every read. EUR and GBP prices include VAT (`tax`
 * is the VAT inside them); USD prices exclude sales tax (`tax` is added to the total).
 */
export type CartTotals = {
  __typename?: 'CartTotals';
  /** What the applied discount code takes off now; zero without one. */
  discount: Money;
  /** The chosen shipping method's price; null until there is an address and a method for it. */
  shipping?: Maybe<Money>;
  /** Sum of the line totals (0 without lines). */
  subtotal: Money;
  /**
   * The tax of the goods (and of the shipping, at the country's standard rate), rounded per line;
   * null until there is a shipping address, since the rate is the destination's.
   */
  tax?: Maybe<Money>;
  /** Whether the prices include the tax (EUR, GBP) or it comes on top (USD). */
  taxIncluded: Scalars['Boolean']['output'];
  /** The tax by class and rate; empty while `tax` is null. */
  taxLines: Array<TaxLine>;
  /** subtotal - discount + shipping, plus the tax when it is not included: what the order costs. */
  total: Money;
};

/**
 * The cart cannot be ordered (or no longer changed): code CART_NOT_FOUND, CART_EMPTY,
 * CART_ALREADY_ORDERED, CART_CLOSED (merged into the customer's cart at sign-in), or
 * CART_HAS_UNAVAILABLE_LINES (a line's variant is no longer sold: its product was unpublished or
 * archived; the cart lists it in `unavailableLines`).
 */
export type CartUnavailable = UserError & {
  __typename?: 'CartUnavailable';
  /** The cart that cannot be ordered. */
  cartId: Scalars['ID']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
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
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Seconds to wait before trying again. */
  retryAfterSeconds: Scalars['Int']['output'];
};

/** The Adyen session for Drop-in, or why there is none. */
export type CreatePaymentSessionResult = CheckoutUnavailable | InvalidCheckoutInput | OrderNotPayable | PaymentSession;

/**
 * A customer account. Only the customer themself can read it: for anyone else it resolves to
 * null.
 */
export type Customer = {
  __typename?: 'Customer';
  /** Stable id of the account. */
  id: Scalars['ID']['output'];
  /**
   * The customer's orders, newest first, for the customer themself (signed in); empty for anyone
   * else. `first` is 1 to 100.
   */
  orders: OrderConnection;
  /**
   * The cards the customer stored with Adyen (`PaymentMethodInput.storePaymentMethod`) and can pay
   * with (`storedPaymentMethodId`), as Adyen's `/paymentMethods` lists them for the customer; for
   * the customer themself (signed in), empty for anyone else.
   */
  storedPaymentMethods: Array<StoredPaymentMethod>;
};


/**
 * A customer account. Only the customer themself can read it: for anyone else it resolves to
 * null.
 */
export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * The cart's discount code cannot be used for this order: code DISCOUNT_NOT_FOUND,
 * DISCOUNT_DISABLED, DISCOUNT_NOT_STARTED, DISCOUNT_EXPIRED, DISCOUNT_USAGE_LIMIT_REACHED,
 * DISCOUNT_CUSTOMER_LIMIT_REACHED or DISCOUNT_MINIMUM_NOT_MET. No order was created and nothing
 * was reserved: remove the code from the cart (or fix the cart) and order again.
 */
export type DiscountUnavailable = UserError & {
  __typename?: 'DiscountUnavailable';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The code the cart had applied. */
  discountCode: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/**
 * This `idempotencyKey` already placed an order for another cart (code IDEMPOTENCY_KEY_REUSED);
 * nothing was done. Use a new key for every purchase.
 */
export type IdempotencyKeyReused = UserError & {
  __typename?: 'IdempotencyKeyReused';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The key that placed another cart's order. */
  idempotencyKey: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/**
 * The order's status does not allow this change (code ILLEGAL_ORDER_TRANSITION): `from` is where
 * it is, `to` where the change would take it. Nothing changed.
 */
export type IllegalOrderTransition = UserError & {
  __typename?: 'IllegalOrderTransition';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The order's status now. */
  from: OrderStatus;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The order that was not changed. */
  orderId: Scalars['ID']['output'];
  /** The status the change would have led to. */
  to: OrderStatus;
};

/** A field of the input is not acceptable; `field` names it. */
export type InvalidCheckoutInput = UserError & {
  __typename?: 'InvalidCheckoutInput';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The input at fault, such as `returnUrl` or `paymentMethod.type`. */
  field: Scalars['String']['output'];
  /** Human-readable explanation. */
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
   * released (as for a failed payment). A PAID one becomes CANCELLED and its payment is cancelled or
   * refunded in full at Adyen (cancel-or-refund, completed by its notification); its stock stays
   * sold. `reason` (1 to 1000 characters) goes into the order's
   * history. Any other status answers `IllegalOrderTransition`. Recorded in the admin audit log.
   */
  cancelOrder: OrderAdminResult;
  /**
   * Staff with `orders:manage`, with manual capture (`ADYEN_CAPTURE_MODE=manual`): captures
   * `amount` minor units of an AUTHORISED order's authorisation, or all that is left when
   * omitted, never more than authorised less captured less captures in flight. Answers
   * `CaptureRequested` once written and sent to Adyen with its own Idempotency-Key; the CAPTURE
   * notification completes it and makes the order PAID. Recorded in the admin audit log.
   */
  captureOrder: CaptureOrderResult;
  /**
   * Drop-in's sessions flow: creates the Adyen session (`/sessions`) for an order placed without
   * `paymentMethod`, for its total, with the order's id as reference, and answers it with the
   * client key. Only the order's owner may (as for `submitPaymentDetails`); an order that is not
   * waiting for a session payment (paid, failed, expired, placed with a payment method, or not
   * the caller's) answers `OrderNotPayable`. Called again it answers the same session (one per
   * payment, the first `returnUrl`). `returnUrl` follows `placeOrder`'s rules (default
   * `RETURN_URL`). Adyen not answering is `CheckoutUnavailable`.
   */
  createPaymentSession: CreatePaymentSessionResult;
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
   *
   * The cart needs a shipping address (`ShippingAddressRequired`) and a shipping method that ships
   * there (`ShippingMethodRequired`); both are checked before anything is held. The order keeps a
   * copy of the addresses, the method, the tax lines and the totals as they are now.
   * `expectedTotal` is compared with the full total (shipping and tax included).
   */
  placeOrder: PlaceOrderResult;
  /**
   * Staff with `orders:manage`: gives `amount` minor units of a paid order back to the shopper
   * (PAID, FULFILLED or PARTIALLY_REFUNDED), from 1 up to what is left: captured, less what was
   * refunded or charged back, less refunds still in flight (so parallel refunds never pass the
   * capture). Answers `RefundRequested` once the request is written and sent to Adyen with its
   * own Idempotency-Key; Adyen's REFUND notification completes it (the order becomes
   * PARTIALLY_REFUNDED or REFUNDED), REFUND_FAILED fails it. `reason` (1 to 1000 characters) is
   * kept with the refund. Recorded in the admin audit log.
   */
  refundOrder: RefundOrderResult;
  /**
   * Chooses the cart's shipping method, one of `Cart.shippingMethods` (which ship to the cart's
   * shipping address, in its currency). The cart must be the caller's and still open
   * (`CartUnavailable` otherwise: CART_NOT_FOUND, CART_ALREADY_ORDERED, CART_CLOSED); it needs a
   * shipping address first (`ShippingAddressRequired`); a code that is unknown, retired or for
   * another zone is `ShippingMethodUnavailable`. Nothing is stored on a refusal. The choice is
   * kept when the address moves to another zone, but counts only while it ships there.
   */
  setCartShippingMethod: SetCartShippingMethodResult;
  /**
   * Completes a payment that needed shopper action (3-D Secure, redirect), with the `details`
   * that Adyen's Drop-in or Components returned: a JSON object of at most 32768 characters.
   * Details Adyen cannot use answer `InvalidCheckoutInput` on `details` and leave the payment open
   * for the shopper's real answer until it expires.
   */
  submitPaymentDetails: SubmitPaymentDetailsResult;
};


export type MutationCancelOrderArgs = {
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationCaptureOrderArgs = {
  amount?: InputMaybe<Scalars['Int']['input']>;
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreatePaymentSessionArgs = {
  accessKey?: InputMaybe<Scalars['String']['input']>;
  orderId: Scalars['ID']['input'];
  returnUrl?: InputMaybe<Scalars['String']['input']>;
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


export type MutationRefundOrderArgs = {
  amount: Scalars['Int']['input'];
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationSetCartShippingMethodArgs = {
  cartId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
};


export type MutationSubmitPaymentDetailsArgs = {
  accessKey?: InputMaybe<Scalars['String']['input']>;
  details: Scalars['JSON']['input'];
  orderId: Scalars['ID']['input'];
};

/** What a shopper bought: fixed lines and prices, and its payment. */
export type Order = {
  __typename?: 'Order';
  /**
   * Where the invoice goes: the cart's billing address when placed, or the shipping address when
   * the cart had none. Null when `shippingAddress` is.
   */
  billingAddress?: Maybe<OrderAddress>;
  /** Why staff cancelled the order; null unless CANCELLED. */
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** The carrier of a FULFILLED order's parcel; null before. */
  carrier?: Maybe<Scalars['String']['output']>;
  /** When the order was placed (ISO 8601). */
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
  /** Unguessable id of the order. */
  id: Scalars['ID']['output'];
  /** What was bought, with the prices when placed. */
  lines: Array<OrderLine>;
  /**
   * The human-readable order number for receipts and support, such as `CG-100001`: `CG-` and the
   * digits of a number that grows with every order and is never reused. Unlike `id` it is
   * guessable, so it opens nothing alone: `orderByNumber` also needs the order's email.
   */
  number: Scalars['String']['output'];
  /** The order's payment attempt. */
  payment: Payment;
  /** The shipping method's price when placed; zero when free (and for orders from before shipping). */
  shipping: Money;
  /**
   * Where the order ships, a copy of the cart's address when placed (later changes to the cart do
   * not touch it). Null for orders from before addresses, and once the customer's account was
   * erased (GDPR: only the country is kept, for VAT reporting).
   */
  shippingAddress?: Maybe<OrderAddress>;
  /** The shipping method as it was when placed; null for orders from before shipping. */
  shippingMethod?: Maybe<OrderShippingMethod>;
  /** Where the order is: payment, paid, shipped, cancelled or refunded. */
  status: OrderStatus;
  /** The sum of the lines, before the discount. */
  subtotal: Money;
  /** The order's tax, the sum of `taxLines`; zero for orders from before tax. */
  tax: Money;
  /** Whether the prices included the tax (EUR, GBP) or it was added on top (USD). */
  taxIncluded: Scalars['Boolean']['output'];
  /** The tax by class and rate, as when placed; empty for orders from before tax. */
  taxLines: Array<TaxLine>;
  /**
   * What the shopper pays: `subtotal` - `discount` + `shipping`, plus `tax` when it was not
   * included. The payment's amount.
   */
  total: Money;
  /** The FULFILLED order's tracking number; null before. */
  trackingNumber?: Maybe<Scalars['String']['output']>;
};

/** A postal address as the order keeps it: a copy of the cart's when the order was placed. */
export type OrderAddress = {
  __typename?: 'OrderAddress';
  /** City or town. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: Scalars['String']['output'];
  /** Street and number. */
  line1: Scalars['String']['output'];
  /** More of the street address. */
  line2?: Maybe<Scalars['String']['output']>;
  /** Who receives the parcel (or the invoice). */
  name: Scalars['String']['output'];
  /** Phone number for the carrier. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Postal code, normalised for the country (`1015 CJ`, `SW1A 1AA`). */
  postalCode?: Maybe<Scalars['String']['output']>;
  /** State or province (US: two-letter state code). */
  region?: Maybe<Scalars['String']['output']>;
};

/** The order after the change, or why nothing changed. */
export type OrderAdminResult = IllegalOrderTransition | InvalidCheckoutInput | OrderNotFound | OrderUpdated;

/** A page of orders. */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** The orders on this page, each with its cursor. */
  edges: Array<OrderEdge>;
  /** Where this page ends and whether another follows. */
  pageInfo: PageInfo;
};

/** One order of a page. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** Opaque position of this order; pass it as `after` to continue from here. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: Order;
};

/** One line of an order, priced when the order was placed. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** This line's share of the order's discount; zero without one (and for older orders). */
  discount: Money;
  /** `unitPrice` times `quantity`, before the discount. */
  lineTotal: Money;
  /** Units bought. */
  quantity: Scalars['Int']['output'];
  /** The line's tax, on `lineTotal` - `discount`, rounded half up to the minor unit. */
  tax: Money;
  /** The product's tax class when ordered; null for orders from before tax. */
  taxClass?: Maybe<TaxClass>;
  /** The rate applied, in basis points (2100 is 21%); null for orders from before tax. */
  taxRateBasisPoints?: Maybe<Scalars['Int']['output']>;
  /** The price of one unit when the order was placed. */
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
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The id that matched no order. */
  orderId: Scalars['ID']['output'];
};

/** The order is not waiting for a payment step (unknown, already paid or failed). */
export type OrderNotPayable = UserError & {
  __typename?: 'OrderNotPayable';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The order that is not waiting for a payment step. */
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
  /** The order, with its lines, totals and status. */
  order: Order;
  /** The payment attempt, as Adyen answered it. */
  payment: Payment;
};

/** The shipping method of an order, as it was when the order was placed. */
export type OrderShippingMethod = {
  __typename?: 'OrderShippingMethod';
  /** The shipping method's code, as `ShippingMethod.code` had it. */
  code: Scalars['String']['output'];
  /** Delivery estimate: the most working days after dispatch. */
  maxDays: Scalars['Int']['output'];
  /** Delivery estimate: the fewest working days after dispatch. */
  minDays: Scalars['Int']['output'];
  /** The shipping method's name, to show the shopper. */
  name: Scalars['String']['output'];
};

/**
 * Where an order is. The legal moves: PENDING_PAYMENT -> PAID | PAYMENT_FAILED | CANCELLED;
 * PAID -> FULFILLED | CANCELLED (refunds: the payments issue); every other move is refused.
 */
export type OrderStatus =
  /**
   * Authorised but not yet captured (`ADYEN_CAPTURE_MODE=manual`): the stock is sold, the money
   * held; `captureOrder` makes it PAID. With automatic capture an authorised order is PAID at once.
   */
  | 'AUTHORISED'
  /** Cancelled by staff before it shipped, or its authorisation cancelled at Adyen. */
  | 'CANCELLED'
  /** Shipped: a carrier and tracking number are recorded. */
  | 'FULFILLED'
  /** The money is captured (with automatic capture: Adyen confirmed the authorisation); the stock is sold. */
  | 'PAID'
  /** Part of the captured money went back to the shopper (refunds, chargebacks). */
  | 'PARTIALLY_REFUNDED'
  /** The payment was refused or failed; the stock went back on sale. */
  | 'PAYMENT_FAILED'
  /** Stock is reserved; the payment has not been confirmed yet. */
  | 'PENDING_PAYMENT'
  /** All the captured money went back to the shopper (refunds, chargebacks). */
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
  /** The status after. */
  to: OrderStatus;
};

/** The order after an admin change. */
export type OrderUpdated = {
  __typename?: 'OrderUpdated';
  /** The order as it is now. */
  order: Order;
};

/** Some lines ask for more than is in stock; no order was created and nothing was reserved. */
export type OutOfStock = UserError & {
  __typename?: 'OutOfStock';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The lines asking for more than is available. */
  lines: Array<OutOfStockLine>;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A line that asks for more units than are available. */
export type OutOfStockLine = {
  __typename?: 'OutOfStockLine';
  /** Units available now. */
  available: Scalars['Int']['output'];
  /** Units the line asks for. */
  requested: Scalars['Int']['output'];
  /** The variant; null when the catalog no longer shows it. */
  variant?: Maybe<ProductVariant>;
  /** The variant's id, always there. */
  variantId: Scalars['ID']['output'];
};

/** Where a page ends and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item on this page; pass it as `after` for the next page. Null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A payment attempt with Adyen. */
export type Payment = {
  __typename?: 'Payment';
  /** What the payment is for: the order's total. */
  amount: Money;
  /** What Adyen authorised, by its notification (zero until it came). */
  authorised: Money;
  /** What was captured: the authorisation, as Adyen captures at once, unless a capture failed. */
  captured: Money;
  /** What the shopper's bank took back by chargeback (less reversed chargebacks). */
  chargedBack: Money;
  /** Stable id of the payment. */
  id: Scalars['ID']['output'];
  /** Our refund and cancel requests for this payment, oldest first. */
  modifications: Array<PaymentModification>;
  /** Adyen's reference for the payment, once Adyen has one. */
  pspReference?: Maybe<Scalars['String']['output']>;
  /** What was refunded, by REFUND notifications (less failed refunds). */
  refunded: Money;
  /** Why Adyen refused, when it did. */
  refusalReason?: Maybe<Scalars['String']['output']>;
  /** Adyen's last result code, such as Authorised, Refused or ChallengeShopper. */
  resultCode?: Maybe<Scalars['String']['output']>;
  /** Where the payment is. */
  status: PaymentStatus;
};

/** A way to pay that Adyen offers for a market. */
export type PaymentMethod = {
  __typename?: 'PaymentMethod';
  /** For cards (`scheme`): the brands accepted, such as visa, mc, amex; empty for other methods. */
  brands: Array<Scalars['String']['output']>;
  /** Adyen's name for it, to show the shopper, such as iDEAL or Cards. */
  name: Scalars['String']['output'];
  /** Adyen's payment method type, for `PaymentMethodInput.type`: `scheme` (cards), `bcmc`, `ideal`. */
  type: Scalars['String']['output'];
};

/**
 * A payment method as Adyen's client-side encryption produced it. Raw card numbers and CVCs are
 * not accepted: the API has no field for them.
 */
export type PaymentMethodInput = {
  /** The card number, encrypted by Adyen's card component. */
  encryptedCardNumber?: InputMaybe<Scalars['String']['input']>;
  /** The expiry month, encrypted by Adyen's card component. */
  encryptedExpiryMonth?: InputMaybe<Scalars['String']['input']>;
  /** The expiry year, encrypted by Adyen's card component. */
  encryptedExpiryYear?: InputMaybe<Scalars['String']['input']>;
  /** The security code (CVC), encrypted by Adyen's card component. */
  encryptedSecurityCode?: InputMaybe<Scalars['String']['input']>;
  /** The name on the card, as the shopper typed it. */
  holderName?: InputMaybe<Scalars['String']['input']>;
  /**
   * True: Adyen stores the card (the four encrypted fields) for the signed-in customer once it is
   * authorised, for `storedPaymentMethodId` later. Not with a stored card nor iDEAL
   * (InvalidCheckoutInput); a guest is answered `StoredCardSignInRequired`, with nothing written.
   */
  storePaymentMethod?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * A card the signed-in customer stored earlier (`Customer.storedPaymentMethods`), instead of
   * encrypted fields (the security code may come along). A guest is answered `StoredCardSignInRequired`.
   * One that is not the customer's is refused by Adyen: the payment fails (ERROR).
   */
  storedPaymentMethodId?: InputMaybe<Scalars['String']['input']>;
  /**
   * Adyen payment method type, one of those `paymentMethods` lists: `scheme` (a card: the four
   * encrypted fields, or `storedPaymentMethodId`), `bcmc` (a Bancontact card: the encrypted
   * number and expiry, no security code) or `ideal` (no other field: `placeOrder` answers a
   * redirect `action` to the shopper's bank, and `submitPaymentDetails` with the
   * `redirectResult` that comes back on the `returnUrl` completes the payment). Any other type is
   * InvalidCheckoutInput.
   */
  type: Scalars['String']['input'];
};

/** A request of ours to Adyen to refund or cancel (part of) a payment. */
export type PaymentModification = {
  __typename?: 'PaymentModification';
  /** Null for a cancel: it voids the whole authorisation. */
  amount?: Maybe<Money>;
  /** When it was asked for (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** Stable id of the modification. */
  id: Scalars['ID']['output'];
  /** Capture, refund or cancel. */
  kind: PaymentModificationKind;
  /** Adyen's reference of the modification, once it answered. */
  pspReference?: Maybe<Scalars['String']['output']>;
  /** Why it was asked for, or why it failed. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Where the request is: requested, received by Adyen, succeeded or failed. */
  status: PaymentModificationStatus;
};

/** What a payment modification asks Adyen to do. */
export type PaymentModificationKind =
  /** Cancel the authorisation, or refund it when it was captured already. */
  | 'CANCEL'
  /** Capture (part of) the authorised amount. */
  | 'CAPTURE'
  /** Give (part of) the captured amount back to the shopper. */
  | 'REFUND';

/** Where a payment modification is. */
export type PaymentModificationStatus =
  /** Adyen's notification reported it failed, or Adyen refused the request. */
  | 'FAILED'
  /** Adyen answered `received`; its notification follows. */
  | 'RECEIVED'
  /** Written; not yet acknowledged by Adyen (sent again by the reconciliation). */
  | 'REQUESTED'
  /** Adyen's notification confirmed it. */
  | 'SUCCEEDED';

/**
 * An Adyen Checkout session for Drop-in (`new AdyenCheckout({ clientKey, session: { id,
 * sessionData } })`): Drop-in takes the shopper's payment details and pays the order's amount
 * with the order's id as reference; the AUTHORISATION webhook settles the order as usual.
 */
export type PaymentSession = {
  __typename?: 'PaymentSession';
  /** The client key Drop-in authenticates with (`ADYEN_CLIENT_KEY`). */
  clientKey: Scalars['String']['output'];
  /** When the session ends (ISO 8601): when the order's payment expires. */
  expiresAt: Scalars['String']['output'];
  /** Adyen's session id, Drop-in's `session.id`. */
  id: Scalars['ID']['output'];
  /** The order the session pays. */
  order: Order;
  /** Adyen's session data, Drop-in's `session.sessionData`: opaque, never stored by checkout. */
  sessionData: Scalars['String']['output'];
};

/** Where a payment attempt is. */
export type PaymentStatus =
  /** Adyen authorised the payment. */
  | 'AUTHORISED'
  /**
   * Cancelled: staff cancelled the unpaid order, or Adyen cancelled the authorisation; Adyen was
   * asked to cancel the payment.
   */
  | 'CANCELLED'
  /** The provider failed or could not be reached. */
  | 'ERROR'
  /** The shopper did not complete the payment in time; the order was released. */
  | 'EXPIRED'
  /** Started; waiting for Adyen's final answer. */
  | 'PENDING'
  /** Adyen or the issuer refused the payment; see `refusalReason`. */
  | 'REFUSED';

/** What `placeOrder` needs: the cart, a key for the purchase, the email and the payment. */
export type PlaceOrderInput = {
  /**
   * The shopper's browser, as Adyen Web's card component reports it (`state.data.browserInfo`).
   * Cards need it: an issuer that asks for 3-D Secure 2 authentication gets it, and without it
   * Adyen refuses the payment.
   */
  browserInfo?: InputMaybe<BrowserInfoInput>;
  /** The cart to order; it must be the caller's and still open. */
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
  /**
   * How the shopper pays (Adyen's Advanced flow: the payment is sent to Adyen now). Omit it for
   * Drop-in's sessions flow: the order is placed with its payment waiting (PENDING, nothing sent
   * to Adyen), then `createPaymentSession` answers the session Drop-in completes; unpaid, it
   * expires like any payment.
   */
  paymentMethod?: InputMaybe<PaymentMethodInput>;
  /**
   * Where the shopper comes back after a redirect (3-D Secure, iDEAL): on one of the shop's
   * origins (`CHECKOUT_RETURN_URL_ORIGINS`), else InvalidCheckoutInput. Its origin is also sent to
   * Adyen as the page the shopper pays on (`origin`, for 3-D Secure 2).
   */
  returnUrl?: InputMaybe<Scalars['String']['input']>;
};

/** The order placed, or why none was. */
export type PlaceOrderResult = CartUnavailable | CheckoutUnavailable | DiscountUnavailable | IdempotencyKeyReused | InvalidCheckoutInput | OrderPlaced | OutOfStock | PurchaseLimitExceeded | ShippingAddressRequired | ShippingMethodRequired | StoredCardSignInRequired | TotalChanged;

/** A purchasable version of a product: one SKU with its options and its price. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** Stable id of the variant. */
  id: Scalars['ID']['output'];
};

/**
 * Some lines ask for more units of a variant than one order or one customer may buy (code
 * PURCHASE_LIMIT_EXCEEDED); no order was created and nothing was reserved.
 */
export type PurchaseLimitExceeded = UserError & {
  __typename?: 'PurchaseLimitExceeded';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The lines over their limit. */
  lines: Array<PurchaseLimitLine>;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A line over its variant's purchase limit. */
export type PurchaseLimitLine = {
  __typename?: 'PurchaseLimitLine';
  /** Units of this variant the customer holds or bought in other orders. */
  alreadyBought: Scalars['Int']['output'];
  /** The limit that was hit: per order, or per customer when alreadyBought counts. */
  limit: Scalars['Int']['output'];
  /** Units of the variant the order asks for. */
  requested: Scalars['Int']['output'];
  /** The variant whose limit was hit. */
  variantId: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * Internal (identity, GDPR export): the customer's orders, lines, payments with their ledger
   * and refund and cancel requests, and Adyen notifications as plain JSON.
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
  /**
   * The ways a shopper in `countryCode` can pay `amount` in `currencyCode`, as Adyen offers them
   * for that market and `placeOrder` takes them, in Adyen's order: iDEAL in the Netherlands,
   * Bancontact in Belgium, cards everywhere. Render them with Adyen's Drop-in or Components and
   * pass the chosen `type` to `placeOrder`. Codes are ISO (any letter case); `amount` is 0 to
   * 2,000,000,000 minor units; anything else is BAD_USER_INPUT, naming the argument in
   * `extensions.field`. The same for every shopper: cacheable for a minute.
   */
  paymentMethods: Array<PaymentMethod>;
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


export type QueryPaymentMethodsArgs = {
  amount: Scalars['Int']['input'];
  countryCode: Scalars['String']['input'];
  currencyCode: Scalars['String']['input'];
};

/**
 * The order cannot be refunded this much (code REFUND_NOT_POSSIBLE): it is not paid, or `amount`
 * is more than `refundable`, what is left to refund now. Nothing was written.
 */
export type RefundNotPossible = UserError & {
  __typename?: 'RefundNotPossible';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The order that was not refunded. */
  orderId: Scalars['ID']['output'];
  /** What is left to refund now. */
  refundable: Money;
};

/** The refund requested, or why none was. */
export type RefundOrderResult = InvalidCheckoutInput | OrderNotFound | RefundNotPossible | RefundRequested;

/** A refund written and sent to Adyen; its notification completes it. */
export type RefundRequested = {
  __typename?: 'RefundRequested';
  /** The order as it is now. */
  order: Order;
  /** The refund, REQUESTED or RECEIVED until its notification comes. */
  refund: PaymentModification;
};

/** The cart with its shipping method chosen, or why nothing was stored. */
export type SetCartShippingMethodResult = Cart | CartUnavailable | ShippingAddressRequired | ShippingMethodUnavailable;

/**
 * The cart has no shipping address yet (code SHIPPING_ADDRESS_REQUIRED): set one with
 * `setCartShippingAddress`; shipping methods and tax depend on it. Nothing was done.
 */
export type ShippingAddressRequired = UserError & {
  __typename?: 'ShippingAddressRequired';
  /** The cart without a shipping address. */
  cartId: Scalars['ID']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A way the shop ships, priced for one cart. */
export type ShippingMethod = {
  __typename?: 'ShippingMethod';
  /** Stable code, for `setCartShippingMethod`, such as `nl-be-standard`. */
  code: Scalars['String']['output'];
  /** Delivery estimate: the most working days after dispatch. */
  maxDays: Scalars['Int']['output'];
  /** Delivery estimate: the fewest working days after dispatch. */
  minDays: Scalars['Int']['output'];
  /** Shown to the shopper, such as Standard or Express. */
  name: Scalars['String']['output'];
  /** In the cart's currency; zero when free for this cart. */
  price: Money;
};

/**
 * The cart has no shipping method for its address (code SHIPPING_METHOD_REQUIRED): none was
 * chosen, or the chosen one does not ship to the current address. No order was created and
 * nothing was held.
 */
export type ShippingMethodRequired = UserError & {
  __typename?: 'ShippingMethodRequired';
  /** The cart without a shipping method for its address. */
  cartId: Scalars['ID']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/**
 * No active shipping method with this code ships to the cart's shipping country (code
 * SHIPPING_METHOD_UNAVAILABLE): pick one of `Cart.shippingMethods`. Nothing was stored.
 */
export type ShippingMethodUnavailable = UserError & {
  __typename?: 'ShippingMethodUnavailable';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The cart's shipping country. */
  countryCode: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The code asked for. */
  methodCode: Scalars['String']['output'];
};

/**
 * Only a signed-in customer may do this (code SIGN_IN_REQUIRED): paying with a stored card or
 * storing one. `field` names the input that asked for it. Nothing was written.
 */
export type StoredCardSignInRequired = UserError & {
  __typename?: 'StoredCardSignInRequired';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The input field that needs a signed-in customer, such as `paymentMethod.storedPaymentMethodId`. */
  field: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A card the customer stored with Adyen, for `PaymentMethodInput.storedPaymentMethodId`. */
export type StoredPaymentMethod = {
  __typename?: 'StoredPaymentMethod';
  /** Adyen's brand, such as visa or mc. */
  brand: Scalars['String']['output'];
  /** Two digits, such as 03. */
  expiryMonth: Scalars['String']['output'];
  /** Four digits, such as 2030. */
  expiryYear: Scalars['String']['output'];
  /** The name on the card, when Adyen has one. */
  holderName?: Maybe<Scalars['String']['output']>;
  /** Adyen's id of the stored card: `storedPaymentMethodId`. */
  id: Scalars['ID']['output'];
  /** The card number's last four digits. */
  lastFour: Scalars['String']['output'];
};

/** The order with its payment's new state, or why the details were not taken. */
export type SubmitPaymentDetailsResult = InvalidCheckoutInput | OrderNotPayable | OrderPlaced;

/** A product's VAT class: each country has a rate per class. */
export type TaxClass =
  /** The country's reduced rate (books, food...). */
  | 'REDUCED'
  /** The country's standard rate. */
  | 'STANDARD'
  /** Zero-rated. */
  | 'ZERO';

/** The tax of every line (and shipping) with one tax class and rate. */
export type TaxLine = {
  __typename?: 'TaxLine';
  /** The sum of the per-line taxes, each rounded half up to the minor unit. */
  amount: Money;
  /** The rate in basis points: 2100 is 21%. */
  rateBasisPoints: Scalars['Int']['output'];
  /** The tax class of the lines taxed at this rate. */
  taxClass: TaxClass;
  /** What the rate applied to: the lines after their discount share, and the shipping. */
  taxableAmount: Money;
};

/**
 * The cart's total is no longer the `expectedTotal` the shopper agreed to (code TOTAL_CHANGED: a
 * price, the discount or the lines changed). No order was created and nothing was held: show the
 * new total and order again.
 */
export type TotalChanged = UserError & {
  __typename?: 'TotalChanged';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The cart's total now. */
  current: Money;
  /** What the client expected, in the cart's currency. */
  expected: Money;
  /** Human-readable explanation. */
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
  Cart: Cart;
  Customer: Customer;
  Order: Order;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Cart:
    ( { __typename: 'Cart' }
    & GraphQLRecursivePick<FederationTypes['Cart'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Cart'], {"checkoutQuote":true}>
        | GraphQLRecursivePick<FederationTypes['Cart'], {"checkoutQuote":true}>
        | GraphQLRecursivePick<FederationTypes['Cart'], {"checkoutQuote":true}>
        | GraphQLRecursivePick<FederationTypes['Cart'], {"checkoutQuote":true}>
        | GraphQLRecursivePick<FederationTypes['Cart'], {"checkoutQuote":true}>
        | GraphQLRecursivePick<FederationTypes['Cart'], {"checkoutQuote":true}>
        | GraphQLRecursivePick<FederationTypes['Cart'], {"checkoutQuote":true}> ) );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  CaptureOrderResult:
    | ( CaptureNotPossible & { __typename: 'CaptureNotPossible' } )
    | ( CaptureRequestedResult & { __typename: 'CaptureRequested' } )
    | ( InvalidCheckoutInput & { __typename: 'InvalidCheckoutInput' } )
    | ( OrderNotFound & { __typename: 'OrderNotFound' } )
  ;
  CreatePaymentSessionResult:
    | ( CheckoutUnavailable & { __typename: 'CheckoutUnavailable' } )
    | ( InvalidCheckoutInput & { __typename: 'InvalidCheckoutInput' } )
    | ( OrderNotPayable & { __typename: 'OrderNotPayable' } )
    | ( Omit<PaymentSession, 'order'> & { order: _RefType['Order'] } & { __typename: 'PaymentSession' } )
  ;
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
    | ( ShippingAddressRequired & { __typename: 'ShippingAddressRequired' } )
    | ( ShippingMethodRequired & { __typename: 'ShippingMethodRequired' } )
    | ( StoredCardSignInRequired & { __typename: 'StoredCardSignInRequired' } )
    | ( TotalChanged & { __typename: 'TotalChanged' } )
  ;
  RefundOrderResult:
    | ( InvalidCheckoutInput & { __typename: 'InvalidCheckoutInput' } )
    | ( OrderNotFound & { __typename: 'OrderNotFound' } )
    | ( RefundNotPossible & { __typename: 'RefundNotPossible' } )
    | ( RefundRequestedResult & { __typename: 'RefundRequested' } )
  ;
  SetCartShippingMethodResult:
    | ( CheckoutCart & { __typename: 'Cart' } )
    | ( CartUnavailable & { __typename: 'CartUnavailable' } )
    | ( ShippingAddressRequired & { __typename: 'ShippingAddressRequired' } )
    | ( ShippingMethodUnavailable & { __typename: 'ShippingMethodUnavailable' } )
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
    | ( CaptureNotPossible & { __typename: 'CaptureNotPossible' } )
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
    | ( RefundNotPossible & { __typename: 'RefundNotPossible' } )
    | ( ShippingAddressRequired & { __typename: 'ShippingAddressRequired' } )
    | ( ShippingMethodRequired & { __typename: 'ShippingMethodRequired' } )
    | ( ShippingMethodUnavailable & { __typename: 'ShippingMethodUnavailable' } )
    | ( StoredCardSignInRequired & { __typename: 'StoredCardSignInRequired' } )
    | ( TotalChanged & { __typename: 'TotalChanged' } )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  BrowserInfoInput: BrowserInfoInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CacheControlScope: CacheControlScope;
  CaptureNotPossible: ResolverTypeWrapper<CaptureNotPossible>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CaptureOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CaptureOrderResult']>;
  CaptureRequested: ResolverTypeWrapper<CaptureRequestedResult>;
  Cart: ResolverTypeWrapper<CheckoutCart>;
  CartTotals: ResolverTypeWrapper<CartPricing>;
  CartUnavailable: ResolverTypeWrapper<CartUnavailable>;
  CheckoutUnavailable: ResolverTypeWrapper<CheckoutUnavailable>;
  CreatePaymentSessionResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CreatePaymentSessionResult']>;
  Customer: ResolverTypeWrapper<CustomerRef>;
  DiscountUnavailable: ResolverTypeWrapper<DiscountUnavailable>;
  IdempotencyKeyReused: ResolverTypeWrapper<IdempotencyKeyReused>;
  IllegalOrderTransition: ResolverTypeWrapper<IllegalOrderTransition>;
  InvalidCheckoutInput: ResolverTypeWrapper<InvalidCheckoutInput>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRow>;
  OrderAddress: ResolverTypeWrapper<OrderAddress>;
  OrderAdminResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['OrderAdminResult']>;
  OrderConnection: ResolverTypeWrapper<OrderPage>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderLine: ResolverTypeWrapper<OrderLineView>;
  OrderNotFound: ResolverTypeWrapper<OrderNotFound>;
  OrderNotPayable: ResolverTypeWrapper<OrderNotPayable>;
  OrderPaymentState: OrderPaymentState;
  OrderPlaced: ResolverTypeWrapper<OrderPlacedResult>;
  OrderShippingMethod: ResolverTypeWrapper<OrderShippingMethod>;
  OrderStatus: OrderStatus;
  OrderTransition: ResolverTypeWrapper<OrderTransition>;
  OrderUpdated: ResolverTypeWrapper<Omit<OrderUpdated, 'order'> & { order: ResolversTypes['Order'] }>;
  OutOfStock: ResolverTypeWrapper<Omit<OutOfStock, 'lines'> & { lines: Array<ResolversTypes['OutOfStockLine']> }>;
  OutOfStockLine: ResolverTypeWrapper<StockShortage>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Payment: ResolverTypeWrapper<PaymentRow>;
  PaymentMethod: ResolverTypeWrapper<PaymentMethod>;
  PaymentMethodInput: PaymentMethodInput;
  PaymentModification: ResolverTypeWrapper<PaymentModificationRow>;
  PaymentModificationKind: PaymentModificationKind;
  PaymentModificationStatus: PaymentModificationStatus;
  PaymentSession: ResolverTypeWrapper<Omit<PaymentSession, 'order'> & { order: ResolversTypes['Order'] }>;
  PaymentStatus: PaymentStatus;
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['PlaceOrderResult']>;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  PurchaseLimitExceeded: ResolverTypeWrapper<PurchaseLimitExceeded>;
  PurchaseLimitLine: ResolverTypeWrapper<PurchaseLimitLine>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RefundNotPossible: ResolverTypeWrapper<RefundNotPossible>;
  RefundOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RefundOrderResult']>;
  RefundRequested: ResolverTypeWrapper<RefundRequestedResult>;
  SetCartShippingMethodResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SetCartShippingMethodResult']>;
  ShippingAddressRequired: ResolverTypeWrapper<ShippingAddressRequired>;
  ShippingMethod: ResolverTypeWrapper<ShippingMethodView>;
  ShippingMethodRequired: ResolverTypeWrapper<ShippingMethodRequired>;
  ShippingMethodUnavailable: ResolverTypeWrapper<ShippingMethodUnavailable>;
  StoredCardSignInRequired: ResolverTypeWrapper<StoredCardSignInRequired>;
  StoredPaymentMethod: ResolverTypeWrapper<StoredPaymentMethod>;
  SubmitPaymentDetailsResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SubmitPaymentDetailsResult']>;
  TaxClass: TaxClass;
  TaxLine: ResolverTypeWrapper<TaxLineView>;
  TotalChanged: ResolverTypeWrapper<TotalChanged>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  BrowserInfoInput: BrowserInfoInput;
  String: Scalars['String']['output'];
  CaptureNotPossible: CaptureNotPossible;
  ID: Scalars['ID']['output'];
  CaptureOrderResult: ResolversUnionTypes<ResolversParentTypes>['CaptureOrderResult'];
  CaptureRequested: CaptureRequestedResult;
  Cart: CheckoutCart;
  CartTotals: CartPricing;
  CartUnavailable: CartUnavailable;
  CheckoutUnavailable: CheckoutUnavailable;
  CreatePaymentSessionResult: ResolversUnionTypes<ResolversParentTypes>['CreatePaymentSessionResult'];
  Customer: CustomerRef;
  DiscountUnavailable: DiscountUnavailable;
  IdempotencyKeyReused: IdempotencyKeyReused;
  IllegalOrderTransition: IllegalOrderTransition;
  InvalidCheckoutInput: InvalidCheckoutInput;
  JSON: Scalars['JSON']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: OrderRow;
  OrderAddress: OrderAddress;
  OrderAdminResult: ResolversUnionTypes<ResolversParentTypes>['OrderAdminResult'];
  OrderConnection: OrderPage;
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderLine: OrderLineView;
  OrderNotFound: OrderNotFound;
  OrderNotPayable: OrderNotPayable;
  OrderPlaced: OrderPlacedResult;
  OrderShippingMethod: OrderShippingMethod;
  OrderTransition: OrderTransition;
  OrderUpdated: Omit<OrderUpdated, 'order'> & { order: ResolversParentTypes['Order'] };
  OutOfStock: Omit<OutOfStock, 'lines'> & { lines: Array<ResolversParentTypes['OutOfStockLine']> };
  OutOfStockLine: StockShortage;
  PageInfo: PageInfo;
  Payment: PaymentRow;
  PaymentMethod: PaymentMethod;
  PaymentMethodInput: PaymentMethodInput;
  PaymentModification: PaymentModificationRow;
  PaymentSession: Omit<PaymentSession, 'order'> & { order: ResolversParentTypes['Order'] };
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderResult: ResolversUnionTypes<ResolversParentTypes>['PlaceOrderResult'];
  ProductVariant: ProductVariant;
  PurchaseLimitExceeded: PurchaseLimitExceeded;
  PurchaseLimitLine: PurchaseLimitLine;
  Query: Record<PropertyKey, never>;
  RefundNotPossible: RefundNotPossible;
  RefundOrderResult: ResolversUnionTypes<ResolversParentTypes>['RefundOrderResult'];
  RefundRequested: RefundRequestedResult;
  SetCartShippingMethodResult: ResolversUnionTypes<ResolversParentTypes>['SetCartShippingMethodResult'];
  ShippingAddressRequired: ShippingAddressRequired;
  ShippingMethod: ShippingMethodView;
  ShippingMethodRequired: ShippingMethodRequired;
  ShippingMethodUnavailable: ShippingMethodUnavailable;
  StoredCardSignInRequired: StoredCardSignInRequired;
  StoredPaymentMethod: StoredPaymentMethod;
  SubmitPaymentDetailsResult: ResolversUnionTypes<ResolversParentTypes>['SubmitPaymentDetailsResult'];
  TaxLine: TaxLineView;
  TotalChanged: TotalChanged;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CaptureNotPossibleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CaptureNotPossible'] = ResolversParentTypes['CaptureNotPossible']> = ResolversObject<{
  capturable?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CaptureOrderResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CaptureOrderResult'] = ResolversParentTypes['CaptureOrderResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CaptureNotPossible' | 'CaptureRequested' | 'InvalidCheckoutInput' | 'OrderNotFound', ParentType, ContextType>;
}>;

export type CaptureRequestedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CaptureRequested'] = ResolversParentTypes['CaptureRequested']> = ResolversObject<{
  capture?: Resolver<ResolversTypes['PaymentModification'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CartResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shippingMethod?: Resolver<Maybe<ResolversTypes['ShippingMethod']>, ParentType, ContextType>;
  shippingMethods?: Resolver<Array<ResolversTypes['ShippingMethod']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['CartTotals'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CartTotalsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartTotals'] = ResolversParentTypes['CartTotals']> = ResolversObject<{
  discount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  shipping?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  taxIncluded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  taxLines?: Resolver<Array<ResolversTypes['TaxLine']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
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

export type CreatePaymentSessionResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreatePaymentSessionResult'] = ResolversParentTypes['CreatePaymentSessionResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CheckoutUnavailable' | 'InvalidCheckoutInput' | 'OrderNotPayable' | 'PaymentSession', ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<CustomerOrdersArgs, 'first'>>;
  storedPaymentMethods?: Resolver<Array<ResolversTypes['StoredPaymentMethod']>, ParentType, ContextType>;
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
  captureOrder?: Resolver<ResolversTypes['CaptureOrderResult'], ParentType, ContextType, RequireFields<MutationCaptureOrderArgs, 'orderId'>>;
  createPaymentSession?: Resolver<ResolversTypes['CreatePaymentSessionResult'], ParentType, ContextType, RequireFields<MutationCreatePaymentSessionArgs, 'orderId'>>;
  expireUnpaidOrder?: Resolver<ResolversTypes['OrderPaymentState'], ParentType, ContextType, RequireFields<MutationExpireUnpaidOrderArgs, 'orderId'>>;
  fulfilOrder?: Resolver<ResolversTypes['OrderAdminResult'], ParentType, ContextType, RequireFields<MutationFulfilOrderArgs, 'carrier' | 'orderId' | 'trackingNumber'>>;
  placeOrder?: Resolver<ResolversTypes['PlaceOrderResult'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
  refundOrder?: Resolver<ResolversTypes['RefundOrderResult'], ParentType, ContextType, RequireFields<MutationRefundOrderArgs, 'amount' | 'orderId' | 'reason'>>;
  setCartShippingMethod?: Resolver<ResolversTypes['SetCartShippingMethodResult'], ParentType, ContextType, RequireFields<MutationSetCartShippingMethodArgs, 'cartId' | 'code'>>;
  submitPaymentDetails?: Resolver<ResolversTypes['SubmitPaymentDetailsResult'], ParentType, ContextType, RequireFields<MutationSubmitPaymentDetailsArgs, 'details' | 'orderId'>>;
}>;

export type OrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billingAddress?: Resolver<Maybe<ResolversTypes['OrderAddress']>, ParentType, ContextType>;
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
  shipping?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  shippingAddress?: Resolver<Maybe<ResolversTypes['OrderAddress']>, ParentType, ContextType>;
  shippingMethod?: Resolver<Maybe<ResolversTypes['OrderShippingMethod']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxIncluded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  taxLines?: Resolver<Array<ResolversTypes['TaxLine']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  trackingNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type OrderAddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderAddress'] = ResolversParentTypes['OrderAddress']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type OrderAdminResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderAdminResult'] = ResolversParentTypes['OrderAdminResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'IllegalOrderTransition' | 'InvalidCheckoutInput' | 'OrderNotFound' | 'OrderUpdated', ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type OrderEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
}>;

export type OrderLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = ResolversObject<{
  discount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxClass?: Resolver<Maybe<ResolversTypes['TaxClass']>, ParentType, ContextType>;
  taxRateBasisPoints?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
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

export type OrderShippingMethodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderShippingMethod'] = ResolversParentTypes['OrderShippingMethod']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PaymentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  authorised?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  captured?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  chargedBack?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modifications?: Resolver<Array<ResolversTypes['PaymentModification']>, ParentType, ContextType>;
  pspReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  refusalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resultCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
}>;

export type PaymentMethodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentMethod'] = ResolversParentTypes['PaymentMethod']> = ResolversObject<{
  brands?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PaymentModificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentModification'] = ResolversParentTypes['PaymentModification']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PaymentModificationKind'], ParentType, ContextType>;
  pspReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentModificationStatus'], ParentType, ContextType>;
}>;

export type PaymentSessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentSession'] = ResolversParentTypes['PaymentSession']> = ResolversObject<{
  clientKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  sessionData?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PlaceOrderResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlaceOrderResult'] = ResolversParentTypes['PlaceOrderResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CartUnavailable' | 'CheckoutUnavailable' | 'DiscountUnavailable' | 'IdempotencyKeyReused' | 'InvalidCheckoutInput' | 'OrderPlaced' | 'OutOfStock' | 'PurchaseLimitExceeded' | 'ShippingAddressRequired' | 'ShippingMethodRequired' | 'StoredCardSignInRequired' | 'TotalChanged', ParentType, ContextType>;
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
  paymentMethods?: Resolver<Array<ResolversTypes['PaymentMethod']>, ParentType, ContextType, RequireFields<QueryPaymentMethodsArgs, 'amount' | 'countryCode' | 'currencyCode'>>;
}>;

export type RefundNotPossibleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RefundNotPossible'] = ResolversParentTypes['RefundNotPossible']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  refundable?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RefundOrderResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RefundOrderResult'] = ResolversParentTypes['RefundOrderResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidCheckoutInput' | 'OrderNotFound' | 'RefundNotPossible' | 'RefundRequested', ParentType, ContextType>;
}>;

export type RefundRequestedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RefundRequested'] = ResolversParentTypes['RefundRequested']> = ResolversObject<{
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  refund?: Resolver<ResolversTypes['PaymentModification'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SetCartShippingMethodResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SetCartShippingMethodResult'] = ResolversParentTypes['SetCartShippingMethodResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Cart' | 'CartUnavailable' | 'ShippingAddressRequired' | 'ShippingMethodUnavailable', ParentType, ContextType>;
}>;

export type ShippingAddressRequiredResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShippingAddressRequired'] = ResolversParentTypes['ShippingAddressRequired']> = ResolversObject<{
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ShippingMethodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShippingMethod'] = ResolversParentTypes['ShippingMethod']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type ShippingMethodRequiredResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShippingMethodRequired'] = ResolversParentTypes['ShippingMethodRequired']> = ResolversObject<{
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ShippingMethodUnavailableResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShippingMethodUnavailable'] = ResolversParentTypes['ShippingMethodUnavailable']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  methodCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StoredCardSignInRequiredResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StoredCardSignInRequired'] = ResolversParentTypes['StoredCardSignInRequired']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StoredPaymentMethodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StoredPaymentMethod'] = ResolversParentTypes['StoredPaymentMethod']> = ResolversObject<{
  brand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiryMonth?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiryYear?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  holderName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastFour?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SubmitPaymentDetailsResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SubmitPaymentDetailsResult'] = ResolversParentTypes['SubmitPaymentDetailsResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidCheckoutInput' | 'OrderNotPayable' | 'OrderPlaced', ParentType, ContextType>;
}>;

export type TaxLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TaxLine'] = ResolversParentTypes['TaxLine']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  rateBasisPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  taxClass?: Resolver<ResolversTypes['TaxClass'], ParentType, ContextType>;
  taxableAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type TotalChangedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TotalChanged'] = ResolversParentTypes['TotalChanged']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CaptureNotPossible' | 'CartUnavailable' | 'CheckoutUnavailable' | 'DiscountUnavailable' | 'IdempotencyKeyReused' | 'IllegalOrderTransition' | 'InvalidCheckoutInput' | 'OrderNotFound' | 'OrderNotPayable' | 'OutOfStock' | 'PurchaseLimitExceeded' | 'RefundNotPossible' | 'ShippingAddressRequired' | 'ShippingMethodRequired' | 'ShippingMethodUnavailable' | 'StoredCardSignInRequired' | 'TotalChanged', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  CaptureNotPossible?: CaptureNotPossibleResolvers<ContextType>;
  CaptureOrderResult?: CaptureOrderResultResolvers<ContextType>;
  CaptureRequested?: CaptureRequestedResolvers<ContextType>;
  Cart?: CartResolvers<ContextType>;
  CartTotals?: CartTotalsResolvers<ContextType>;
  CartUnavailable?: CartUnavailableResolvers<ContextType>;
  CheckoutUnavailable?: CheckoutUnavailableResolvers<ContextType>;
  CreatePaymentSessionResult?: CreatePaymentSessionResultResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DiscountUnavailable?: DiscountUnavailableResolvers<ContextType>;
  IdempotencyKeyReused?: IdempotencyKeyReusedResolvers<ContextType>;
  IllegalOrderTransition?: IllegalOrderTransitionResolvers<ContextType>;
  InvalidCheckoutInput?: InvalidCheckoutInputResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderAddress?: OrderAddressResolvers<ContextType>;
  OrderAdminResult?: OrderAdminResultResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderNotFound?: OrderNotFoundResolvers<ContextType>;
  OrderNotPayable?: OrderNotPayableResolvers<ContextType>;
  OrderPlaced?: OrderPlacedResolvers<ContextType>;
  OrderShippingMethod?: OrderShippingMethodResolvers<ContextType>;
  OrderTransition?: OrderTransitionResolvers<ContextType>;
  OrderUpdated?: OrderUpdatedResolvers<ContextType>;
  OutOfStock?: OutOfStockResolvers<ContextType>;
  OutOfStockLine?: OutOfStockLineResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentMethod?: PaymentMethodResolvers<ContextType>;
  PaymentModification?: PaymentModificationResolvers<ContextType>;
  PaymentSession?: PaymentSessionResolvers<ContextType>;
  PlaceOrderResult?: PlaceOrderResultResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  PurchaseLimitExceeded?: PurchaseLimitExceededResolvers<ContextType>;
  PurchaseLimitLine?: PurchaseLimitLineResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RefundNotPossible?: RefundNotPossibleResolvers<ContextType>;
  RefundOrderResult?: RefundOrderResultResolvers<ContextType>;
  RefundRequested?: RefundRequestedResolvers<ContextType>;
  SetCartShippingMethodResult?: SetCartShippingMethodResultResolvers<ContextType>;
  ShippingAddressRequired?: ShippingAddressRequiredResolvers<ContextType>;
  ShippingMethod?: ShippingMethodResolvers<ContextType>;
  ShippingMethodRequired?: ShippingMethodRequiredResolvers<ContextType>;
  ShippingMethodUnavailable?: ShippingMethodUnavailableResolvers<ContextType>;
  StoredCardSignInRequired?: StoredCardSignInRequiredResolvers<ContextType>;
  StoredPaymentMethod?: StoredPaymentMethodResolvers<ContextType>;
  SubmitPaymentDetailsResult?: SubmitPaymentDetailsResultResolvers<ContextType>;
  TaxLine?: TaxLineResolvers<ContextType>;
  TotalChanged?: TotalChangedResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
