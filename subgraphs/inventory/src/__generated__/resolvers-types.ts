import type { GraphQLResolveInfo } from 'graphql';
import type { VariantRef, ReservationView } from '../service.ts';
import type { WarehouseRow, StockLevelRow } from '../db/schema.ts';
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
  _FieldSet: { input: unknown; output: unknown; }
};

export type AdjustStockInput = {
  delta: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
  /** A `Warehouse.code`, such as AMS: 3 to 10 upper-case letters or digits, starting with a letter. */
  warehouseCode: Scalars['String']['input'];
};

/** What a shopper may buy now: units on hand minus units reserved by unpaid orders. */
export type Availability = {
  __typename?: 'Availability';
  available: Scalars['Int']['output'];
  inStock: Scalars['Boolean']['output'];
};

/** How long a field's value may be cached, and by whom (Apollo Server cache control). */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/** Some lines ask for more than is available; nothing was reserved. */
export type InsufficientStock = UserError & {
  __typename?: 'InsufficientStock';
  code: Scalars['String']['output'];
  lines: Array<StockShortage>;
  message: Scalars['String']['output'];
};

/** The stock change would leave a negative or impossible quantity. */
export type InvalidStockQuantity = UserError & {
  __typename?: 'InvalidStockQuantity';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** The variant's units reserved in this warehouse; on hand may not go below it. */
  reserved: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Admin: adds `delta` (negative to remove) to the units on hand. Needs staff with `stock:write` or a partner key with `inventory:write`. */
  adjustStock: StockResult;
  /** Internal (checkout): gives an order's reserved stock back. Idempotent. */
  releaseReservation: Scalars['Boolean']['output'];
  /** Internal (checkout): reserves stock for an order, all lines or none. Idempotent per order. */
  reserveStock: ReserveStockResult;
  /** Admin: sets the units on hand of a variant in a warehouse. Needs staff with `stock:write` or a partner key with `inventory:write`. */
  setStock: StockResult;
};


export type MutationAdjustStockArgs = {
  input: AdjustStockInput;
};


export type MutationReleaseReservationArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationReserveStockArgs = {
  input: ReserveStockInput;
};


export type MutationSetStockArgs = {
  input: SetStockInput;
};

/** A purchasable version of a product; inventory adds what can be bought of it. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** How much of this variant can be bought right now, across all warehouses. */
  availability: Availability;
  id: Scalars['ID']['output'];
  /** Admin: stock per warehouse. Needs staff with `stock:write` or a partner key with `inventory:write`. */
  stockLevels: Array<StockLevel>;
};

export type Query = {
  __typename?: 'Query';
  /** The warehouses stock is kept in. */
  warehouses: Array<Warehouse>;
};

/** Stock held for an order until it is paid (sold) or released. */
export type Reservation = {
  __typename?: 'Reservation';
  lines: Array<ReservationLine>;
  orderId: Scalars['ID']['output'];
};

export type ReservationLine = {
  __typename?: 'ReservationLine';
  quantity: Scalars['Int']['output'];
  variantId: Scalars['ID']['output'];
  warehouseCode: Scalars['String']['output'];
};

export type ReserveStockInput = {
  lines: Array<ReserveStockLineInput>;
  orderId: Scalars['ID']['input'];
};

export type ReserveStockLineInput = {
  quantity: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};

export type ReserveStockResult = InsufficientStock | Reservation;

export type SetStockInput = {
  onHand: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
  /** A `Warehouse.code`, such as AMS: 3 to 10 upper-case letters or digits, starting with a letter. */
  warehouseCode: Scalars['String']['input'];
};

/** Stock of one variant in one warehouse. */
export type StockLevel = {
  __typename?: 'StockLevel';
  /** onHand minus reserved. */
  available: Scalars['Int']['output'];
  /** Units physically in the warehouse. */
  onHand: Scalars['Int']['output'];
  /** Units held for orders that are not paid yet. */
  reserved: Scalars['Int']['output'];
  variantId: Scalars['ID']['output'];
  warehouse: Warehouse;
};

export type StockResult = InvalidStockQuantity | StockLevel | UnknownWarehouse;

export type StockShortage = {
  __typename?: 'StockShortage';
  available: Scalars['Int']['output'];
  requested: Scalars['Int']['output'];
  variantId: Scalars['ID']['output'];
};

/** No warehouse has this code (a malformed code included; nothing was read or written). */
export type UnknownWarehouse = UserError & {
  __typename?: 'UnknownWarehouse';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  warehouseCode: Scalars['String']['output'];
};

/** An expected failure the client can act on. */
export type UserError = {
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A place stock is kept. */
export type Warehouse = {
  __typename?: 'Warehouse';
  /** Short unique code, such as AMS. */
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
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
  ProductVariant: ProductVariant;
  Warehouse: Warehouse;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  ProductVariant:
    ( { __typename: 'ProductVariant' }
    & GraphQLRecursivePick<FederationTypes['ProductVariant'], {"id":true}> );
  Warehouse:
    ( { __typename: 'Warehouse' }
    & GraphQLRecursivePick<FederationTypes['Warehouse'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  ReserveStockResult:
    | ( InsufficientStock & { __typename: 'InsufficientStock' } )
    | ( ReservationView & { __typename: 'Reservation' } )
  ;
  StockResult:
    | ( InvalidStockQuantity & { __typename: 'InvalidStockQuantity' } )
    | ( StockLevelRow & { __typename: 'StockLevel' } )
    | ( UnknownWarehouse & { __typename: 'UnknownWarehouse' } )
  ;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError:
    | ( InsufficientStock & { __typename: 'InsufficientStock' } )
    | ( InvalidStockQuantity & { __typename: 'InvalidStockQuantity' } )
    | ( UnknownWarehouse & { __typename: 'UnknownWarehouse' } )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AdjustStockInput: AdjustStockInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Availability: ResolverTypeWrapper<Availability>;
  CacheControlScope: CacheControlScope;
  InsufficientStock: ResolverTypeWrapper<InsufficientStock>;
  InvalidStockQuantity: ResolverTypeWrapper<InvalidStockQuantity>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ProductVariant: ResolverTypeWrapper<VariantRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Reservation: ResolverTypeWrapper<ReservationView>;
  ReservationLine: ResolverTypeWrapper<ReservationLine>;
  ReserveStockInput: ReserveStockInput;
  ReserveStockLineInput: ReserveStockLineInput;
  ReserveStockResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ReserveStockResult']>;
  SetStockInput: SetStockInput;
  StockLevel: ResolverTypeWrapper<StockLevelRow>;
  StockResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['StockResult']>;
  StockShortage: ResolverTypeWrapper<StockShortage>;
  UnknownWarehouse: ResolverTypeWrapper<UnknownWarehouse>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  Warehouse: ResolverTypeWrapper<WarehouseRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AdjustStockInput: AdjustStockInput;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Availability: Availability;
  InsufficientStock: InsufficientStock;
  InvalidStockQuantity: InvalidStockQuantity;
  Mutation: Record<PropertyKey, never>;
  ProductVariant: VariantRef;
  Query: Record<PropertyKey, never>;
  Reservation: ReservationView;
  ReservationLine: ReservationLine;
  ReserveStockInput: ReserveStockInput;
  ReserveStockLineInput: ReserveStockLineInput;
  ReserveStockResult: ResolversUnionTypes<ResolversParentTypes>['ReserveStockResult'];
  SetStockInput: SetStockInput;
  StockLevel: StockLevelRow;
  StockResult: ResolversUnionTypes<ResolversParentTypes>['StockResult'];
  StockShortage: StockShortage;
  UnknownWarehouse: UnknownWarehouse;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  Warehouse: WarehouseRow;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AvailabilityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Availability'] = ResolversParentTypes['Availability']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inStock?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type InsufficientStockResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InsufficientStock'] = ResolversParentTypes['InsufficientStock']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['StockShortage']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidStockQuantityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidStockQuantity'] = ResolversParentTypes['InvalidStockQuantity']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  adjustStock?: Resolver<ResolversTypes['StockResult'], ParentType, ContextType, RequireFields<MutationAdjustStockArgs, 'input'>>;
  releaseReservation?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationReleaseReservationArgs, 'orderId'>>;
  reserveStock?: Resolver<ResolversTypes['ReserveStockResult'], ParentType, ContextType, RequireFields<MutationReserveStockArgs, 'input'>>;
  setStock?: Resolver<ResolversTypes['StockResult'], ParentType, ContextType, RequireFields<MutationSetStockArgs, 'input'>>;
}>;

export type ProductVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant'], FederationReferenceType extends FederationReferenceTypes['ProductVariant'] = FederationReferenceTypes['ProductVariant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProductVariant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availability?: Resolver<ResolversTypes['Availability'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stockLevels?: Resolver<Array<ResolversTypes['StockLevel']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  warehouses?: Resolver<Array<ResolversTypes['Warehouse']>, ParentType, ContextType>;
}>;

export type ReservationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Reservation'] = ResolversParentTypes['Reservation']> = ResolversObject<{
  lines?: Resolver<Array<ResolversTypes['ReservationLine']>, ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReservationLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReservationLine'] = ResolversParentTypes['ReservationLine']> = ResolversObject<{
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  warehouseCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ReserveStockResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReserveStockResult'] = ResolversParentTypes['ReserveStockResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InsufficientStock' | 'Reservation', ParentType, ContextType>;
}>;

export type StockLevelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockLevel'] = ResolversParentTypes['StockLevel']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StockResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockResult'] = ResolversParentTypes['StockResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidStockQuantity' | 'StockLevel' | 'UnknownWarehouse', ParentType, ContextType>;
}>;

export type StockShortageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockShortage'] = ResolversParentTypes['StockShortage']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type UnknownWarehouseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnknownWarehouse'] = ResolversParentTypes['UnknownWarehouse']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warehouseCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InsufficientStock' | 'InvalidStockQuantity' | 'UnknownWarehouse', ParentType, ContextType>;
}>;

export type WarehouseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Warehouse'] = ResolversParentTypes['Warehouse'], FederationReferenceType extends FederationReferenceTypes['Warehouse'] = FederationReferenceTypes['Warehouse']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Warehouse']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Availability?: AvailabilityResolvers<ContextType>;
  InsufficientStock?: InsufficientStockResolvers<ContextType>;
  InvalidStockQuantity?: InvalidStockQuantityResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Reservation?: ReservationResolvers<ContextType>;
  ReservationLine?: ReservationLineResolvers<ContextType>;
  ReserveStockResult?: ReserveStockResultResolvers<ContextType>;
  StockLevel?: StockLevelResolvers<ContextType>;
  StockResult?: StockResultResolvers<ContextType>;
  StockShortage?: StockShortageResolvers<ContextType>;
  UnknownWarehouse?: UnknownWarehouseResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Warehouse?: WarehouseResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
