import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CartView } from '../service/cart-lines.ts';
import type { CartLineRow, DiscountCodeRow } from '../db/schema.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

/** A shopper's selection of variants before checkout. Prices are always the catalog's current ones. */
export type Cart = {
  __typename?: 'Cart';
  /** Where the invoice goes; null: the same as `shippingAddress`. */
  billingAddress?: Maybe<CartAddress>;
  /**
   * Internal (checkout, through @requires): the cart's priced contents as a `CartQuote` JSON
   * document (kit `cart-quote.ts`): live lines with their tax class and share of the discount,
   * subtotal, discount, addresses. CART_TOTAL_TOO_LARGE past the cart cap, as `subtotal`.
   */
  checkoutQuote: Scalars['JSON']['output'];
  /** When the cart was created (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** The currency of every price in the cart, chosen at `createCart`. */
  currencyCode: Scalars['String']['output'];
  /** The applied discount code (upper-case); null when none is. */
  discountCode?: Maybe<Scalars['String']['output']>;
  /** Unguessable id; whoever knows it can read and change the cart. */
  id: Scalars['ID']['output'];
  /** One line per variant the catalog sells now, oldest first. */
  lines: Array<CartLine>;
  /**
   * Filled only in the answer of the `claimCart` that merged a guest cart into this one: the
   * guest lines that could not be merged in full. Empty everywhere else.
   */
  mergeNotes: Array<CartMergeNote>;
  /**
   * Where the order will be shipped; null until `setCartShippingAddress`. Shipping methods and tax
   * (checkout's `Cart.shippingMethods` and `Cart.totals`) follow its country.
   */
  shippingAddress?: Maybe<CartAddress>;
  /** ACTIVE while it can change; CHECKED_OUT once an order was placed from it; MERGED once merged. */
  status: CartStatus;
  /**
   * Sum of the line totals of `lines`; null while there is none. A cart whose live prices passed
   * the cart cap (2,000,000,000 minor units) answers the error CART_TOTAL_TOO_LARGE here rather
   * than an overflowing Int.
   */
  subtotal?: Maybe<Money>;
  /** Sum of the quantities of `lines`. */
  totalQuantity: Scalars['Int']['output'];
  /**
   * Lines whose variant the catalog no longer sells (its product was unpublished or archived, or
   * the variant deleted), oldest first. They stay in the cart so the shopper can be told and
   * remove them, count for no total, and make checkout refuse the cart until they are removed.
   * A line comes back into `lines` when its product is published again.
   */
  unavailableLines: Array<UnavailableCartLine>;
  /** When the cart last changed (ISO 8601). */
  updatedAt: Scalars['String']['output'];
};

/** A postal address of a cart, validated and normalised for its country. */
export type CartAddress = {
  __typename?: 'CartAddress';
  /** City or town. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2, upper case, such as NL. */
  countryCode: Scalars['String']['output'];
  /** Street and number, 1 to 200 characters. */
  line1: Scalars['String']['output'];
  /** More of the address (floor, building); null when none. */
  line2?: Maybe<Scalars['String']['output']>;
  /** The recipient, 1 to 100 characters. */
  name: Scalars['String']['output'];
  /** A phone number for the carrier; null when none. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Normalised for the country (`1234 AB` in NL, `SW1A 1AA` in GB); null where none is needed. */
  postalCode?: Maybe<Scalars['String']['output']>;
  /** State, province or county; the two-letter state code in the US; null when none. */
  region?: Maybe<Scalars['String']['output']>;
};

/**
 * An address for a cart. Empty strings count as absent. Required per country: `postalCode` in NL,
 * DE, BE, FR, GB and US (checked for the country's shape), `region` (a state code) in the US.
 */
export type CartAddressInput = {
  /** City or town, 1 to 100 characters. */
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2 (case-insensitive), such as NL. */
  countryCode: Scalars['String']['input'];
  /** Street and number, 1 to 200 characters. */
  line1: Scalars['String']['input'];
  /** More of the address, up to 200 characters. */
  line2?: InputMaybe<Scalars['String']['input']>;
  /** The recipient, 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** A phone number for the carrier. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** The postal code; required and shape-checked where the country has one. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** State, province or county, up to 100 characters; in the US the two-letter state code. */
  region?: InputMaybe<Scalars['String']['input']>;
};

/** The cart was checked out and can no longer change. Code CART_CLOSED. */
export type CartClosed = UserError & {
  __typename?: 'CartClosed';
  /** The cart that refused the change. */
  cartId: Scalars['ID']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The cart already holds as many distinct lines as allowed. Code CART_LIMIT_EXCEEDED. */
export type CartLimitExceeded = UserError & {
  __typename?: 'CartLimitExceeded';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Most distinct lines a cart can hold. */
  maxLines: Scalars['Int']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** One variant in a cart, with its quantity. */
export type CartLine = {
  __typename?: 'CartLine';
  /** Stable while the line exists; use it to update or remove the line. */
  id: Scalars['ID']['output'];
  /** `unitPrice` times `quantity`. */
  lineTotal: Money;
  /** Set when the unit price differs from the one the line was added (or last changed) at. */
  priceChangedSince?: Maybe<PriceChange>;
  /** Units of the variant, 1 to 99. */
  quantity: Scalars['Int']['output'];
  /** The variant's current catalog price for one unit. */
  unitPrice: Money;
  /** The variant bought; its details come from the products subgraph. */
  variant: ProductVariant;
};

/** The cart has no line with the given id. Code CART_LINE_NOT_FOUND. */
export type CartLineNotFound = UserError & {
  __typename?: 'CartLineNotFound';
  /** The cart that was searched. */
  cartId: Scalars['ID']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The id that matched no line of the cart. */
  lineId: Scalars['ID']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A guest line that could not be merged in full into the customer's cart. */
export type CartMergeNote = {
  __typename?: 'CartMergeNote';
  /** Units the merged line holds now (0: not merged). */
  kept: Scalars['Int']['output'];
  /** Why: CAPPED (the purchase limit), UNAVAILABLE (not sold now), CART_FULL (too many lines). */
  reason: Scalars['String']['output'];
  /** Units the two carts held together. */
  requested: Scalars['Int']['output'];
  /** The variant of the guest line. */
  variantId: Scalars['ID']['output'];
};

/** No cart has the given id (or it is another customer's). Code CART_NOT_FOUND. */
export type CartNotFound = UserError & {
  __typename?: 'CartNotFound';
  /** The id that matched no cart. */
  cartId: Scalars['ID']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The outcome of a cart change: the updated cart, or the reason nothing was changed. */
export type CartResult = Cart | CartClosed | CartLimitExceeded | CartLineNotFound | CartNotFound | CartTotalTooLarge | CurrencyMismatch | DiscountRejected | InvalidAddress | InvalidQuantity | SignInRequired | VariantNotFound | VariantSoldOut;

/** Where a cart is in its life. */
export type CartStatus =
  /** Lines can be added, changed and removed. */
  | 'ACTIVE'
  /** An order was placed from this cart; it no longer changes. */
  | 'CHECKED_OUT'
  /** Its lines were merged into the customer's cart at login; it no longer changes. */
  | 'MERGED';

/**
 * The change would push the cart's subtotal past the cap (2,000,000,000 minor units), which keeps
 * every amount a 32-bit Int. Code CART_TOTAL_TOO_LARGE.
 */
export type CartTotalTooLarge = UserError & {
  __typename?: 'CartTotalTooLarge';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The cap, in minor units. */
  max: Scalars['Int']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A new discount code. */
export type CreateDiscountCodeInput = {
  /** FIXED_AMOUNT: minor units of `currencyCode`, 1 or more. */
  amountOff?: InputMaybe<Scalars['Int']['input']>;
  /** Only products in this category or its descendants are discounted; omitted: the whole order. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Letters, digits, `-` and `_`, 3 to 40; stored upper-case, unique. */
  code: Scalars['String']['input'];
  /** Required with `amountOff` or `minimumSubtotal`: the code then applies to carts in this currency only. */
  currencyCode?: InputMaybe<Scalars['String']['input']>;
  /** When the code stops applying (ISO 8601); omitted: never. */
  endsAt?: InputMaybe<Scalars['String']['input']>;
  /** Percentage or fixed amount off. */
  kind: DiscountKind;
  /** Smallest cart subtotal (minor units of `currencyCode`) the code applies to. */
  minimumSubtotal?: InputMaybe<Scalars['Int']['input']>;
  /** PERCENTAGE: 1 to 100. */
  percentOff?: InputMaybe<Scalars['Int']['input']>;
  /** When the code starts to apply (ISO 8601); omitted: at once. */
  startsAt?: InputMaybe<Scalars['String']['input']>;
  /** Most orders that may redeem the code in total; omitted: no limit. */
  usageLimit?: InputMaybe<Scalars['Int']['input']>;
  /** Most orders one customer may redeem it in; omitted: no limit. */
  usageLimitPerCustomer?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * Kept for older clients; no longer returned: a cart's currency is chosen at `createCart` and
 * every variant is priced in it. Code CURRENCY_MISMATCH.
 */
export type CurrencyMismatch = UserError & {
  __typename?: 'CurrencyMismatch';
  /** The currency of the cart, fixed by its first line. */
  cartCurrency: Scalars['String']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The currency of the refused variant. */
  variantCurrency: Scalars['String']['output'];
};

/** A discount code as staff manage it. */
export type DiscountCode = {
  __typename?: 'DiscountCode';
  /** FIXED_AMOUNT: the amount off. */
  amountOff?: Maybe<Money>;
  /** The category scope; null: the whole order. */
  categoryId?: Maybe<Scalars['ID']['output']>;
  /** The code as customers enter it, upper-case. */
  code: Scalars['String']['output'];
  /** ISO 8601. */
  createdAt: Scalars['String']['output'];
  /** The currency the code is restricted to, if any. */
  currencyCode?: Maybe<Scalars['String']['output']>;
  /** Disabled codes never apply again. */
  disabled: Scalars['Boolean']['output'];
  /** ISO 8601. */
  endsAt?: Maybe<Scalars['String']['output']>;
  /** Percentage or fixed amount off. */
  kind: DiscountKind;
  /** Smallest cart subtotal the code applies to, if any. */
  minimumSubtotal?: Maybe<Money>;
  /** PERCENTAGE: the percentage off, 1 to 100. */
  percentOff?: Maybe<Scalars['Int']['output']>;
  /** ISO 8601. */
  startsAt?: Maybe<Scalars['String']['output']>;
  /** Orders holding a redemption now (released ones are given back). */
  timesUsed: Scalars['Int']['output'];
  /** Most orders that may redeem the code in total; null: no limit. */
  usageLimit?: Maybe<Scalars['Int']['output']>;
  /** Most orders one customer may redeem it in; null: no limit. */
  usageLimitPerCustomer?: Maybe<Scalars['Int']['output']>;
};

/** No discount code has the code. Code DISCOUNT_NOT_FOUND. */
export type DiscountCodeNotFound = UserError & {
  __typename?: 'DiscountCodeNotFound';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The code that matched nothing. */
  discountCode: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The outcome of a discount code admin mutation. */
export type DiscountCodeResult = DiscountCode | DiscountCodeNotFound | DiscountCodeTaken | InvalidDiscountCode;

/** Another discount code has the code. Code DISCOUNT_CODE_TAKEN. */
export type DiscountCodeTaken = UserError & {
  __typename?: 'DiscountCodeTaken';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The code already in use. */
  discountCode: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** What a discount code takes off. */
export type DiscountKind =
  /** `amountOff` minor units of `currencyCode`, at most the eligible lines' sum. */
  | 'FIXED_AMOUNT'
  /** `percentOff` percent of the eligible lines. */
  | 'PERCENTAGE';

/** Internal: the order holds a redemption of the code. */
export type DiscountRedeemed = {
  __typename?: 'DiscountRedeemed';
  /** The discount in minor units of the cart's currency. */
  amount: Scalars['Int']['output'];
  /** The discount code redeemed. */
  code: Scalars['String']['output'];
};

/** Internal: the outcome of `redeemCartDiscount`. */
export type DiscountRedemptionResult = DiscountRedeemed | DiscountRejected;

/**
 * A discount code cannot be used. Codes: DISCOUNT_NOT_FOUND, DISCOUNT_DISABLED,
 * DISCOUNT_NOT_STARTED, DISCOUNT_EXPIRED, DISCOUNT_USAGE_LIMIT_REACHED,
 * DISCOUNT_CUSTOMER_LIMIT_REACHED, DISCOUNT_MINIMUM_NOT_MET, DISCOUNT_NO_ELIGIBLE_LINES,
 * DISCOUNT_CURRENCY_MISMATCH, DISCOUNT_REDEMPTION_RELEASED. Nothing was written.
 */
export type DiscountRejected = UserError & {
  __typename?: 'DiscountRejected';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /**
   * The code refused, upper-cased; null when the cart had none applied. Nullable like
   * `Cart.discountCode`, so one selection on `CartResult` can ask for both.
   */
  discountCode?: Maybe<Scalars['String']['output']>;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The address breaks a rule of its country; nothing was written. Code INVALID_ADDRESS. */
export type InvalidAddress = UserError & {
  __typename?: 'InvalidAddress';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The input field at fault, such as `address.postalCode`. */
  field: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /**
   * Why: REQUIRED, INVALID_TEXT, UNKNOWN_COUNTRY, INVALID_POSTAL_CODE, INVALID_REGION or
   * INVALID_PHONE.
   */
  reason: Scalars['String']['output'];
};

/** The new code's input breaks a rule (named in `field`). Code INVALID_DISCOUNT_CODE. */
export type InvalidDiscountCode = UserError & {
  __typename?: 'InvalidDiscountCode';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The input field at fault. */
  field: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A line quantity outside the allowed range. Code INVALID_QUANTITY. */
export type InvalidQuantity = UserError & {
  __typename?: 'InvalidQuantity';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /**
   * Largest quantity a line of this variant can hold: 99, or less when inventory limits the
   * variant per order or per customer.
   */
  max: Scalars['Int']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Smallest quantity a line can hold. */
  min: Scalars['Int']['output'];
  /** The refused quantity: what was asked for, or what the line would have reached by adding to it. */
  requested: Scalars['Int']['output'];
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
   * Adds a variant to a cart at the catalog's current price. Adding a variant that is already in
   * the cart adds to the quantity of its line.
   */
  addCartLine: CartResult;
  /**
   * Applies a discount code to the cart (replacing any other). Refused with `DiscountRejected`
   * when the code is unknown, disabled, not started, expired, used up, in another currency, when
   * the subtotal is below its minimum or no line is eligible. The code is checked again when the
   * order is placed.
   */
  applyDiscountCode: CartResult;
  /**
   * Signed in: makes a guest cart (one created while signed out) the customer's own, for example
   * right after login. When the customer already has an ACTIVE cart, the guest cart's lines are
   * merged into it instead (quantities of one variant add up to its purchase limit; see
   * `Cart.mergeNotes`), the guest cart becomes MERGED, and the result is the customer's cart.
   */
  claimCart: CartResult;
  /**
   * Starts an empty cart. A guest's cart is reached by its id alone: keep it. A signed-in
   * customer's cart belongs to that customer; nobody else can read or change it, id or not.
   */
  createCart: Cart;
  /** Staff (`discounts:manage`): a new discount code. */
  createDiscountCode: DiscountCodeResult;
  /** Staff (`discounts:manage`): disables a code for good; carts that applied it no longer get it. */
  disableDiscountCode: DiscountCodeResult;
  /**
   * Internal (checkout, when placing an order): redeems the cart's applied code for the order,
   * under the code's row lock, so parallel orders never pass its usage limits. Idempotent per
   * `orderId`: a second call answers the first redemption. `amount` is the discount in minor units
   * the cart's `checkoutQuote` showed checkout. A redemption released already is refused with
   * DISCOUNT_REDEMPTION_RELEASED.
   */
  redeemCartDiscount: DiscountRedemptionResult;
  /**
   * Internal (checkout): gives the order's redemption back. Idempotent; a redemption that arrives
   * after its release is refused. Always true.
   */
  releaseCartDiscount: Scalars['Boolean']['output'];
  /** Removes a line from a cart. */
  removeCartLine: CartResult;
  /** Removes the applied discount code (a no-op when none is applied). */
  removeDiscountCode: CartResult;
  /**
   * Sets where the invoice goes; null clears it, and the shipping address is billed again.
   * Validated like the shipping address.
   */
  setCartBillingAddress: CartResult;
  /**
   * Sets where the order will be shipped, replacing any earlier address. Refused with
   * `InvalidAddress` (naming the field) when the address breaks its country's rules; nothing is
   * written then.
   */
  setCartShippingAddress: CartResult;
  /**
   * Sets the quantity of a line. A quantity of 0 removes the line. A line whose variant the
   * catalog no longer sells (see `Cart.unavailableLines`) can only be removed.
   */
  updateCartLine: CartResult;
};


export type MutationAddCartLineArgs = {
  cartId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};


export type MutationApplyDiscountCodeArgs = {
  cartId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
};


export type MutationClaimCartArgs = {
  cartId: Scalars['ID']['input'];
};


export type MutationCreateCartArgs = {
  currencyCode?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreateDiscountCodeArgs = {
  input: CreateDiscountCodeInput;
};


export type MutationDisableDiscountCodeArgs = {
  code: Scalars['String']['input'];
};


export type MutationRedeemCartDiscountArgs = {
  amount: Scalars['Int']['input'];
  cartId: Scalars['ID']['input'];
  customerKey: Scalars['String']['input'];
  orderId: Scalars['ID']['input'];
};


export type MutationReleaseCartDiscountArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationRemoveCartLineArgs = {
  cartId: Scalars['ID']['input'];
  lineId: Scalars['ID']['input'];
};


export type MutationRemoveDiscountCodeArgs = {
  cartId: Scalars['ID']['input'];
};


export type MutationSetCartBillingAddressArgs = {
  address?: InputMaybe<CartAddressInput>;
  cartId: Scalars['ID']['input'];
};


export type MutationSetCartShippingAddressArgs = {
  address: CartAddressInput;
  cartId: Scalars['ID']['input'];
};


export type MutationUpdateCartLineArgs = {
  cartId: Scalars['ID']['input'];
  lineId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

/** A price that changed since the shopper added the line. */
export type PriceChange = {
  __typename?: 'PriceChange';
  /** The unit price now. */
  current: Money;
  /** The unit price when the line was added or its quantity last changed. */
  previous: Money;
};

/** A purchasable version of a product: one SKU with its options and its price. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** Stable id of the variant. */
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * One cart by id. Null when no cart has this id (a malformed id included), and for a cart that
   * belongs to another customer: a signed-in customer's cart is theirs alone.
   */
  cart?: Maybe<Cart>;
  /** Internal (identity, GDPR export): the customer's carts and their lines as plain JSON. */
  cartPersonalData: Scalars['JSON']['output'];
  /** Staff (`discounts:manage`): one discount code (case-insensitive), with its usage so far. */
  discountCode?: Maybe<DiscountCode>;
  /** The signed-in customer's newest ACTIVE cart; null for a guest and for a customer without one. */
  myCart?: Maybe<Cart>;
};


export type QueryCartArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCartPersonalDataArgs = {
  customerId: Scalars['ID']['input'];
};


export type QueryDiscountCodeArgs = {
  code: Scalars['String']['input'];
};

/** Only a signed-in customer can do this. Code SIGN_IN_REQUIRED. */
export type SignInRequired = UserError & {
  __typename?: 'SignInRequired';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/**
 * A line of a variant the catalog no longer sells: it has no price. Remove it with
 * `removeCartLine`; changing its quantity is refused with `VariantNotFound`.
 */
export type UnavailableCartLine = {
  __typename?: 'UnavailableCartLine';
  /** The line's id, for `removeCartLine`. */
  id: Scalars['ID']['output'];
  /** Units the shopper had chosen. */
  quantity: Scalars['Int']['output'];
  /** The variant the catalog no longer sells; products no longer resolves it. */
  variantId: Scalars['ID']['output'];
};

/** An expected failure the client can act on. */
export type UserError = {
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The catalog has no variant with the given id. Code VARIANT_NOT_FOUND. */
export type VariantNotFound = UserError & {
  __typename?: 'VariantNotFound';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The id that matched no variant. */
  variantId: Scalars['ID']['output'];
};

/** The variant is sold out and cannot be backordered. Code VARIANT_SOLD_OUT. */
export type VariantSoldOut = UserError & {
  __typename?: 'VariantSoldOut';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The sold-out variant. */
  variantId: Scalars['ID']['output'];
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
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Cart:
    ( { __typename: 'Cart' }
    & GraphQLRecursivePick<FederationTypes['Cart'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  CartResult:
    | ( CartView & { __typename: 'Cart' } )
    | ( CartClosed & { __typename: 'CartClosed' } )
    | ( CartLimitExceeded & { __typename: 'CartLimitExceeded' } )
    | ( CartLineNotFound & { __typename: 'CartLineNotFound' } )
    | ( CartNotFound & { __typename: 'CartNotFound' } )
    | ( CartTotalTooLarge & { __typename: 'CartTotalTooLarge' } )
    | ( CurrencyMismatch & { __typename: 'CurrencyMismatch' } )
    | ( DiscountRejected & { __typename: 'DiscountRejected' } )
    | ( InvalidAddress & { __typename: 'InvalidAddress' } )
    | ( InvalidQuantity & { __typename: 'InvalidQuantity' } )
    | ( SignInRequired & { __typename: 'SignInRequired' } )
    | ( VariantNotFound & { __typename: 'VariantNotFound' } )
    | ( VariantSoldOut & { __typename: 'VariantSoldOut' } )
  ;
  DiscountCodeResult:
    | ( DiscountCodeRow & { __typename: 'DiscountCode' } )
    | ( DiscountCodeNotFound & { __typename: 'DiscountCodeNotFound' } )
    | ( DiscountCodeTaken & { __typename: 'DiscountCodeTaken' } )
    | ( InvalidDiscountCode & { __typename: 'InvalidDiscountCode' } )
  ;
  DiscountRedemptionResult:
    | ( DiscountRedeemed & { __typename: 'DiscountRedeemed' } )
    | ( DiscountRejected & { __typename: 'DiscountRejected' } )
  ;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError:
    | ( CartClosed & { __typename: 'CartClosed' } )
    | ( CartLimitExceeded & { __typename: 'CartLimitExceeded' } )
    | ( CartLineNotFound & { __typename: 'CartLineNotFound' } )
    | ( CartNotFound & { __typename: 'CartNotFound' } )
    | ( CartTotalTooLarge & { __typename: 'CartTotalTooLarge' } )
    | ( CurrencyMismatch & { __typename: 'CurrencyMismatch' } )
    | ( DiscountCodeNotFound & { __typename: 'DiscountCodeNotFound' } )
    | ( DiscountCodeTaken & { __typename: 'DiscountCodeTaken' } )
    | ( DiscountRejected & { __typename: 'DiscountRejected' } )
    | ( InvalidAddress & { __typename: 'InvalidAddress' } )
    | ( InvalidDiscountCode & { __typename: 'InvalidDiscountCode' } )
    | ( InvalidQuantity & { __typename: 'InvalidQuantity' } )
    | ( SignInRequired & { __typename: 'SignInRequired' } )
    | ( VariantNotFound & { __typename: 'VariantNotFound' } )
    | ( VariantSoldOut & { __typename: 'VariantSoldOut' } )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Cart: ResolverTypeWrapper<CartView>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CartAddress: ResolverTypeWrapper<CartAddress>;
  CartAddressInput: CartAddressInput;
  CartClosed: ResolverTypeWrapper<CartClosed>;
  CartLimitExceeded: ResolverTypeWrapper<CartLimitExceeded>;
  CartLine: ResolverTypeWrapper<CartLineRow>;
  CartLineNotFound: ResolverTypeWrapper<CartLineNotFound>;
  CartMergeNote: ResolverTypeWrapper<CartMergeNote>;
  CartNotFound: ResolverTypeWrapper<CartNotFound>;
  CartResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CartResult']>;
  CartStatus: CartStatus;
  CartTotalTooLarge: ResolverTypeWrapper<CartTotalTooLarge>;
  CreateDiscountCodeInput: CreateDiscountCodeInput;
  CurrencyMismatch: ResolverTypeWrapper<CurrencyMismatch>;
  DiscountCode: ResolverTypeWrapper<DiscountCodeRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DiscountCodeNotFound: ResolverTypeWrapper<DiscountCodeNotFound>;
  DiscountCodeResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['DiscountCodeResult']>;
  DiscountCodeTaken: ResolverTypeWrapper<DiscountCodeTaken>;
  DiscountKind: DiscountKind;
  DiscountRedeemed: ResolverTypeWrapper<DiscountRedeemed>;
  DiscountRedemptionResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['DiscountRedemptionResult']>;
  DiscountRejected: ResolverTypeWrapper<DiscountRejected>;
  InvalidAddress: ResolverTypeWrapper<InvalidAddress>;
  InvalidDiscountCode: ResolverTypeWrapper<InvalidDiscountCode>;
  InvalidQuantity: ResolverTypeWrapper<InvalidQuantity>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PriceChange: ResolverTypeWrapper<PriceChange>;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SignInRequired: ResolverTypeWrapper<SignInRequired>;
  UnavailableCartLine: ResolverTypeWrapper<UnavailableCartLine>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VariantNotFound: ResolverTypeWrapper<VariantNotFound>;
  VariantSoldOut: ResolverTypeWrapper<VariantSoldOut>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Cart: CartView;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  CartAddress: CartAddress;
  CartAddressInput: CartAddressInput;
  CartClosed: CartClosed;
  CartLimitExceeded: CartLimitExceeded;
  CartLine: CartLineRow;
  CartLineNotFound: CartLineNotFound;
  CartMergeNote: CartMergeNote;
  CartNotFound: CartNotFound;
  CartResult: ResolversUnionTypes<ResolversParentTypes>['CartResult'];
  CartTotalTooLarge: CartTotalTooLarge;
  CreateDiscountCodeInput: CreateDiscountCodeInput;
  CurrencyMismatch: CurrencyMismatch;
  DiscountCode: DiscountCodeRow;
  Boolean: Scalars['Boolean']['output'];
  DiscountCodeNotFound: DiscountCodeNotFound;
  DiscountCodeResult: ResolversUnionTypes<ResolversParentTypes>['DiscountCodeResult'];
  DiscountCodeTaken: DiscountCodeTaken;
  DiscountRedeemed: DiscountRedeemed;
  DiscountRedemptionResult: ResolversUnionTypes<ResolversParentTypes>['DiscountRedemptionResult'];
  DiscountRejected: DiscountRejected;
  InvalidAddress: InvalidAddress;
  InvalidDiscountCode: InvalidDiscountCode;
  InvalidQuantity: InvalidQuantity;
  JSON: Scalars['JSON']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PriceChange: PriceChange;
  ProductVariant: ProductVariant;
  Query: Record<PropertyKey, never>;
  SignInRequired: SignInRequired;
  UnavailableCartLine: UnavailableCartLine;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  VariantNotFound: VariantNotFound;
  VariantSoldOut: VariantSoldOut;
}>;

export type CartResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billingAddress?: Resolver<Maybe<ResolversTypes['CartAddress']>, ParentType, ContextType>;
  checkoutQuote?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discountCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CartLine']>, ParentType, ContextType>;
  mergeNotes?: Resolver<Array<ResolversTypes['CartMergeNote']>, ParentType, ContextType>;
  shippingAddress?: Resolver<Maybe<ResolversTypes['CartAddress']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CartStatus'], ParentType, ContextType>;
  subtotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  totalQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unavailableLines?: Resolver<Array<ResolversTypes['UnavailableCartLine']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CartAddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartAddress'] = ResolversParentTypes['CartAddress']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CartClosedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartClosed'] = ResolversParentTypes['CartClosed']> = ResolversObject<{
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CartLimitExceededResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartLimitExceeded'] = ResolversParentTypes['CartLimitExceeded']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxLines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CartLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartLine'] = ResolversParentTypes['CartLine']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  priceChangedSince?: Resolver<Maybe<ResolversTypes['PriceChange']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
}>;

export type CartLineNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartLineNotFound'] = ResolversParentTypes['CartLineNotFound']> = ResolversObject<{
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CartMergeNoteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartMergeNote'] = ResolversParentTypes['CartMergeNote']> = ResolversObject<{
  kept?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CartNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartNotFound'] = ResolversParentTypes['CartNotFound']> = ResolversObject<{
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CartResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartResult'] = ResolversParentTypes['CartResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Cart' | 'CartClosed' | 'CartLimitExceeded' | 'CartLineNotFound' | 'CartNotFound' | 'CartTotalTooLarge' | 'CurrencyMismatch' | 'DiscountRejected' | 'InvalidAddress' | 'InvalidQuantity' | 'SignInRequired' | 'VariantNotFound' | 'VariantSoldOut', ParentType, ContextType>;
}>;

export type CartTotalTooLargeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartTotalTooLarge'] = ResolversParentTypes['CartTotalTooLarge']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  max?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CurrencyMismatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CurrencyMismatch'] = ResolversParentTypes['CurrencyMismatch']> = ResolversObject<{
  cartCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variantCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DiscountCodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountCode'] = ResolversParentTypes['DiscountCode']> = ResolversObject<{
  amountOff?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  categoryId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currencyCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  disabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DiscountKind'], ParentType, ContextType>;
  minimumSubtotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  percentOff?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  startsAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timesUsed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usageLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  usageLimitPerCustomer?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DiscountCodeNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountCodeNotFound'] = ResolversParentTypes['DiscountCodeNotFound']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discountCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DiscountCodeResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountCodeResult'] = ResolversParentTypes['DiscountCodeResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'DiscountCode' | 'DiscountCodeNotFound' | 'DiscountCodeTaken' | 'InvalidDiscountCode', ParentType, ContextType>;
}>;

export type DiscountCodeTakenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountCodeTaken'] = ResolversParentTypes['DiscountCodeTaken']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discountCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DiscountRedeemedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountRedeemed'] = ResolversParentTypes['DiscountRedeemed']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DiscountRedemptionResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountRedemptionResult'] = ResolversParentTypes['DiscountRedemptionResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'DiscountRedeemed' | 'DiscountRejected', ParentType, ContextType>;
}>;

export type DiscountRejectedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountRejected'] = ResolversParentTypes['DiscountRejected']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discountCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidAddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidAddress'] = ResolversParentTypes['InvalidAddress']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidDiscountCodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidDiscountCode'] = ResolversParentTypes['InvalidDiscountCode']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidQuantityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidQuantity'] = ResolversParentTypes['InvalidQuantity']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  max?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  addCartLine?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationAddCartLineArgs, 'cartId' | 'quantity' | 'variantId'>>;
  applyDiscountCode?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationApplyDiscountCodeArgs, 'cartId' | 'code'>>;
  claimCart?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationClaimCartArgs, 'cartId'>>;
  createCart?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, Partial<MutationCreateCartArgs>>;
  createDiscountCode?: Resolver<ResolversTypes['DiscountCodeResult'], ParentType, ContextType, RequireFields<MutationCreateDiscountCodeArgs, 'input'>>;
  disableDiscountCode?: Resolver<ResolversTypes['DiscountCodeResult'], ParentType, ContextType, RequireFields<MutationDisableDiscountCodeArgs, 'code'>>;
  redeemCartDiscount?: Resolver<ResolversTypes['DiscountRedemptionResult'], ParentType, ContextType, RequireFields<MutationRedeemCartDiscountArgs, 'amount' | 'cartId' | 'customerKey' | 'orderId'>>;
  releaseCartDiscount?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationReleaseCartDiscountArgs, 'orderId'>>;
  removeCartLine?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationRemoveCartLineArgs, 'cartId' | 'lineId'>>;
  removeDiscountCode?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationRemoveDiscountCodeArgs, 'cartId'>>;
  setCartBillingAddress?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationSetCartBillingAddressArgs, 'cartId'>>;
  setCartShippingAddress?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationSetCartShippingAddressArgs, 'address' | 'cartId'>>;
  updateCartLine?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationUpdateCartLineArgs, 'cartId' | 'lineId' | 'quantity'>>;
}>;

export type PriceChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PriceChange'] = ResolversParentTypes['PriceChange']> = ResolversObject<{
  current?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  previous?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType, RequireFields<QueryCartArgs, 'id'>>;
  cartPersonalData?: Resolver<ResolversTypes['JSON'], ParentType, ContextType, RequireFields<QueryCartPersonalDataArgs, 'customerId'>>;
  discountCode?: Resolver<Maybe<ResolversTypes['DiscountCode']>, ParentType, ContextType, RequireFields<QueryDiscountCodeArgs, 'code'>>;
  myCart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
}>;

export type SignInRequiredResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignInRequired'] = ResolversParentTypes['SignInRequired']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UnavailableCartLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnavailableCartLine'] = ResolversParentTypes['UnavailableCartLine']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CartClosed' | 'CartLimitExceeded' | 'CartLineNotFound' | 'CartNotFound' | 'CartTotalTooLarge' | 'CurrencyMismatch' | 'DiscountCodeNotFound' | 'DiscountCodeTaken' | 'DiscountRejected' | 'InvalidAddress' | 'InvalidDiscountCode' | 'InvalidQuantity' | 'SignInRequired' | 'VariantNotFound' | 'VariantSoldOut', ParentType, ContextType>;
}>;

export type VariantNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantNotFound'] = ResolversParentTypes['VariantNotFound']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type VariantSoldOutResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantSoldOut'] = ResolversParentTypes['VariantSoldOut']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Cart?: CartResolvers<ContextType>;
  CartAddress?: CartAddressResolvers<ContextType>;
  CartClosed?: CartClosedResolvers<ContextType>;
  CartLimitExceeded?: CartLimitExceededResolvers<ContextType>;
  CartLine?: CartLineResolvers<ContextType>;
  CartLineNotFound?: CartLineNotFoundResolvers<ContextType>;
  CartMergeNote?: CartMergeNoteResolvers<ContextType>;
  CartNotFound?: CartNotFoundResolvers<ContextType>;
  CartResult?: CartResultResolvers<ContextType>;
  CartTotalTooLarge?: CartTotalTooLargeResolvers<ContextType>;
  CurrencyMismatch?: CurrencyMismatchResolvers<ContextType>;
  DiscountCode?: DiscountCodeResolvers<ContextType>;
  DiscountCodeNotFound?: DiscountCodeNotFoundResolvers<ContextType>;
  DiscountCodeResult?: DiscountCodeResultResolvers<ContextType>;
  DiscountCodeTaken?: DiscountCodeTakenResolvers<ContextType>;
  DiscountRedeemed?: DiscountRedeemedResolvers<ContextType>;
  DiscountRedemptionResult?: DiscountRedemptionResultResolvers<ContextType>;
  DiscountRejected?: DiscountRejectedResolvers<ContextType>;
  InvalidAddress?: InvalidAddressResolvers<ContextType>;
  InvalidDiscountCode?: InvalidDiscountCodeResolvers<ContextType>;
  InvalidQuantity?: InvalidQuantityResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PriceChange?: PriceChangeResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SignInRequired?: SignInRequiredResolvers<ContextType>;
  UnavailableCartLine?: UnavailableCartLineResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  VariantNotFound?: VariantNotFoundResolvers<ContextType>;
  VariantSoldOut?: VariantSoldOutResolvers<ContextType>;
}>;

