import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CartRow, CartLineRow } from '../db/schema.ts';
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
  /** When the cart was created (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** Unguessable id; whoever knows it can read and change the cart. */
  id: Scalars['ID']['output'];
  /** One line per variant the catalog sells now, oldest first. */
  lines: Array<CartLine>;
  /** ACTIVE while it can change; CHECKED_OUT once an order was placed from it. */
  status: CartStatus;
  /** Sum of the line totals of `lines`; null while there is none. */
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
export type CartResult = Cart | CartClosed | CartLimitExceeded | CartLineNotFound | CartNotFound | CurrencyMismatch | InvalidQuantity | SignInRequired | VariantNotFound;

/** Where a cart is in its life. */
export type CartStatus =
  /** Lines can be added, changed and removed. */
  | 'ACTIVE'
  /** An order was placed from this cart; it no longer changes. */
  | 'CHECKED_OUT';

/**
 * The variant is priced in another currency than the lines already in the cart. Code
 * CURRENCY_MISMATCH.
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

/** A line quantity outside the allowed range. Code INVALID_QUANTITY. */
export type InvalidQuantity = UserError & {
  __typename?: 'InvalidQuantity';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Largest quantity a line can hold. */
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
   * Signed in: makes a guest cart (one created while signed out) the customer's own, for example
   * right after login. From then on only this customer reaches it.
   */
  claimCart: CartResult;
  /**
   * Starts an empty cart. A guest's cart is reached by its id alone: keep it. A signed-in
   * customer's cart belongs to that customer; nobody else can read or change it, id or not.
   */
  createCart: Cart;
  /** Removes a line from a cart. */
  removeCartLine: CartResult;
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


export type MutationClaimCartArgs = {
  cartId: Scalars['ID']['input'];
};


export type MutationRemoveCartLineArgs = {
  cartId: Scalars['ID']['input'];
  lineId: Scalars['ID']['input'];
};


export type MutationUpdateCartLineArgs = {
  cartId: Scalars['ID']['input'];
  lineId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

/** A purchasable version of a product: one SKU with its options and its price. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
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
};


export type QueryCartArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCartPersonalDataArgs = {
  customerId: Scalars['ID']['input'];
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
    | ( CartRow & { __typename: 'Cart' } )
    | ( CartClosed & { __typename: 'CartClosed' } )
    | ( CartLimitExceeded & { __typename: 'CartLimitExceeded' } )
    | ( CartLineNotFound & { __typename: 'CartLineNotFound' } )
    | ( CartNotFound & { __typename: 'CartNotFound' } )
    | ( CurrencyMismatch & { __typename: 'CurrencyMismatch' } )
    | ( InvalidQuantity & { __typename: 'InvalidQuantity' } )
    | ( SignInRequired & { __typename: 'SignInRequired' } )
    | ( VariantNotFound & { __typename: 'VariantNotFound' } )
  ;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError:
    | ( CartClosed & { __typename: 'CartClosed' } )
    | ( CartLimitExceeded & { __typename: 'CartLimitExceeded' } )
    | ( CartLineNotFound & { __typename: 'CartLineNotFound' } )
    | ( CartNotFound & { __typename: 'CartNotFound' } )
    | ( CurrencyMismatch & { __typename: 'CurrencyMismatch' } )
    | ( InvalidQuantity & { __typename: 'InvalidQuantity' } )
    | ( SignInRequired & { __typename: 'SignInRequired' } )
    | ( VariantNotFound & { __typename: 'VariantNotFound' } )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Cart: ResolverTypeWrapper<CartRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CartClosed: ResolverTypeWrapper<CartClosed>;
  CartLimitExceeded: ResolverTypeWrapper<CartLimitExceeded>;
  CartLine: ResolverTypeWrapper<CartLineRow>;
  CartLineNotFound: ResolverTypeWrapper<CartLineNotFound>;
  CartNotFound: ResolverTypeWrapper<CartNotFound>;
  CartResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CartResult']>;
  CartStatus: CartStatus;
  CurrencyMismatch: ResolverTypeWrapper<CurrencyMismatch>;
  InvalidQuantity: ResolverTypeWrapper<InvalidQuantity>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SignInRequired: ResolverTypeWrapper<SignInRequired>;
  UnavailableCartLine: ResolverTypeWrapper<UnavailableCartLine>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VariantNotFound: ResolverTypeWrapper<VariantNotFound>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Cart: CartRow;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  CartClosed: CartClosed;
  CartLimitExceeded: CartLimitExceeded;
  CartLine: CartLineRow;
  CartLineNotFound: CartLineNotFound;
  CartNotFound: CartNotFound;
  CartResult: ResolversUnionTypes<ResolversParentTypes>['CartResult'];
  CurrencyMismatch: CurrencyMismatch;
  InvalidQuantity: InvalidQuantity;
  JSON: Scalars['JSON']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  ProductVariant: ProductVariant;
  Query: Record<PropertyKey, never>;
  SignInRequired: SignInRequired;
  UnavailableCartLine: UnavailableCartLine;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  VariantNotFound: VariantNotFound;
  Boolean: Scalars['Boolean']['output'];
}>;

export type CartResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CartLine']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CartStatus'], ParentType, ContextType>;
  subtotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  totalQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unavailableLines?: Resolver<Array<ResolversTypes['UnavailableCartLine']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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

export type CartNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartNotFound'] = ResolversParentTypes['CartNotFound']> = ResolversObject<{
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CartResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartResult'] = ResolversParentTypes['CartResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Cart' | 'CartClosed' | 'CartLimitExceeded' | 'CartLineNotFound' | 'CartNotFound' | 'CurrencyMismatch' | 'InvalidQuantity' | 'SignInRequired' | 'VariantNotFound', ParentType, ContextType>;
}>;

export type CurrencyMismatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CurrencyMismatch'] = ResolversParentTypes['CurrencyMismatch']> = ResolversObject<{
  cartCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variantCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  claimCart?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationClaimCartArgs, 'cartId'>>;
  createCart?: Resolver<ResolversTypes['Cart'], ParentType, ContextType>;
  removeCartLine?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationRemoveCartLineArgs, 'cartId' | 'lineId'>>;
  updateCartLine?: Resolver<ResolversTypes['CartResult'], ParentType, ContextType, RequireFields<MutationUpdateCartLineArgs, 'cartId' | 'lineId' | 'quantity'>>;
}>;

export type ProductVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType, RequireFields<QueryCartArgs, 'id'>>;
  cartPersonalData?: Resolver<ResolversTypes['JSON'], ParentType, ContextType, RequireFields<QueryCartPersonalDataArgs, 'customerId'>>;
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
  __resolveType: TypeResolveFn<'CartClosed' | 'CartLimitExceeded' | 'CartLineNotFound' | 'CartNotFound' | 'CurrencyMismatch' | 'InvalidQuantity' | 'SignInRequired' | 'VariantNotFound', ParentType, ContextType>;
}>;

export type VariantNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantNotFound'] = ResolversParentTypes['VariantNotFound']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Cart?: CartResolvers<ContextType>;
  CartClosed?: CartClosedResolvers<ContextType>;
  CartLimitExceeded?: CartLimitExceededResolvers<ContextType>;
  CartLine?: CartLineResolvers<ContextType>;
  CartLineNotFound?: CartLineNotFoundResolvers<ContextType>;
  CartNotFound?: CartNotFoundResolvers<ContextType>;
  CartResult?: CartResultResolvers<ContextType>;
  CurrencyMismatch?: CurrencyMismatchResolvers<ContextType>;
  InvalidQuantity?: InvalidQuantityResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SignInRequired?: SignInRequiredResolvers<ContextType>;
  UnavailableCartLine?: UnavailableCartLineResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  VariantNotFound?: VariantNotFoundResolvers<ContextType>;
}>;

