import type { GraphQLResolveInfo } from 'graphql';
import type { VariantRef, StockTransferView } from '../service/stock.service.ts';
import type { WarehouseRow, StockLevelRow, StockMovementRow } from '../db/schema.ts';
import type { StockMovementPage } from '../service/ledger.service.ts';
import type { VariantPolicy, AvailabilityView } from '../service/settings.service.ts';
import type { ReservationView } from '../service/reservation.service.ts';
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
  _FieldSet: { input: unknown; output: unknown; }
};

/** Changes the units on hand of a variant in a warehouse by a delta. */
export type AdjustStockInput = {
  /** Units to add; negative to remove. On hand may not go below the units reserved. */
  delta: Scalars['Int']['input'];
  /** The variant whose stock to change. */
  variantId: Scalars['ID']['input'];
  /** A `Warehouse.code`, such as AMS: 3 to 10 upper-case letters or digits, starting with a letter. */
  warehouseCode: Scalars['String']['input'];
};

/** What a shopper may buy now. */
export type Availability = {
  __typename?: 'Availability';
  /** Units promisable now: on hand minus reserved, summed over warehouses, minus the safety stock; never below 0. */
  available: Scalars['Int']['output'];
  /** May be ordered beyond the units in stock (the rest is backordered). */
  backorderable: Scalars['Boolean']['output'];
  /** Whether it can be ordered now: units available, or backorders allowed, or not tracked. */
  inStock: Scalars['Boolean']['output'];
  /** Most units of this variant one customer may buy in total; null: no limit. */
  maxPerCustomer?: Maybe<Scalars['Int']['output']>;
  /** Most units of this variant one order may hold; null: only the general line limit. */
  maxPerOrder?: Maybe<Scalars['Int']['output']>;
  /** False: inventory does not count this variant, and it is always in stock. */
  tracked: Scalars['Boolean']['output'];
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

/** A policy value is out of range; nothing was changed. */
export type InvalidInventoryPolicy = UserError & {
  __typename?: 'InvalidInventoryPolicy';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The input field at fault, such as safetyStock. */
  field: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The stock change would leave a negative or impossible quantity. */
export type InvalidStockQuantity = UserError & {
  __typename?: 'InvalidStockQuantity';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The variant's units reserved in this warehouse; on hand may not go below it. */
  reserved: Scalars['Int']['output'];
};

/** The quantity is not a whole number between 1 and the units available in the source warehouse; nothing moved. */
export type InvalidTransferQuantity = UserError & {
  __typename?: 'InvalidTransferQuantity';
  /** Units on hand and not reserved in the source warehouse. */
  available: Scalars['Int']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The quantity asked for. */
  requested: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Admin: adds `delta` (negative to remove) to the units on hand. Needs staff with `stock:write` or a partner key with `inventory:write`. */
  adjustStock: StockResult;
  /** Internal (checkout): gives an order's reserved stock back, and refuses any later reserve for it. Idempotent. */
  releaseReservation: Scalars['Boolean']['output'];
  /** Internal (checkout): reserves stock for an order, all lines or none, until it is paid or its reservation expires. A repeat for the same order answers what is true now. */
  reserveStock: ReserveStockResult;
  /** Admin: sets the units on hand of a variant in a warehouse. Needs staff with `stock:write` or a partner key with `inventory:write`. */
  setStock: StockResult;
  /** Admin: replaces a variant's inventory policy (tracking, backorders, safety stock, purchase limits); omitted fields take their defaults. Needs staff with `stock:write` or a partner key with `inventory:write`. */
  setVariantInventoryPolicy: VariantInventoryPolicyResult;
  /** Admin: moves available units (never reserved ones) of a variant from one warehouse to another. Needs staff with `stock:write` or a partner key with `inventory:write`. */
  transferStock: TransferStockResult;
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


export type MutationSetVariantInventoryPolicyArgs = {
  input: SetVariantInventoryPolicyInput;
};


export type MutationTransferStockArgs = {
  input: TransferStockInput;
};

/** Where a page ends and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item on this page; pass it as `after` for the next page. Null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A purchasable version of a product; inventory adds what can be bought of it. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** How much of this variant can be bought right now, across all warehouses. */
  availability: Availability;
  /** Stable id of the variant. */
  id: Scalars['ID']['output'];
  /** Admin: how inventory treats this variant. Needs staff with `stock:write` or a partner key with `inventory:write`. */
  inventoryPolicy: VariantInventoryPolicy;
  /** Admin: stock per warehouse. Needs staff with `stock:write` or a partner key with `inventory:write`. */
  stockLevels: Array<StockLevel>;
};

/** Some lines ask for more than the variants' purchase limits allow; nothing was reserved. Shared with checkout, whose placeOrder returns it as is (so not `@inaccessible`). */
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
  /** Admin: the movement ledger of a variant, newest first; on hand and reserved per warehouse are always the sums of its movements. Needs staff with `stock:write` or a partner key with `inventory:write`. */
  stockMovements: StockMovementConnection;
  /** The warehouses stock is kept in. */
  warehouses: Array<Warehouse>;
};


export type QueryStockMovementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  variantId: Scalars['ID']['input'];
};

/** Stock held for an order until it is paid (sold), released or expired. */
export type Reservation = {
  __typename?: 'Reservation';
  /** When an unpaid reservation expires (ISO 8601); then inventory asks checkout and releases it unless the order was paid. */
  expiresAt: Scalars['String']['output'];
  lines: Array<ReservationLine>;
  orderId: Scalars['ID']['output'];
  /** RESERVED (held), SOLD (paid) or RELEASED. */
  status: Scalars['String']['output'];
};

/** This order already holds a reservation for other lines; nothing changed. */
export type ReservationConflict = UserError & {
  __typename?: 'ReservationConflict';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
};

export type ReservationLine = {
  __typename?: 'ReservationLine';
  /** Units ordered beyond stock of a backorderable variant. */
  backordered: Scalars['Boolean']['output'];
  quantity: Scalars['Int']['output'];
  variantId: Scalars['ID']['output'];
  /** Where the units are held; null when none are: a backorder, or a variant inventory does not track. */
  warehouseCode?: Maybe<Scalars['String']['output']>;
};

/** This order's reservation was released (or the order was cancelled before it reserved); nothing is reserved. */
export type ReservationReleased = UserError & {
  __typename?: 'ReservationReleased';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
};

export type ReserveStockInput = {
  /** Who buys: a signed-in customer's id, or `email:<lower-cased email>` for a guest. Purchase limits per customer count by it. */
  customerKey: Scalars['String']['input'];
  lines: Array<ReserveStockLineInput>;
  orderId: Scalars['ID']['input'];
};

export type ReserveStockLineInput = {
  quantity: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};

export type ReserveStockResult = InsufficientStock | PurchaseLimitExceeded | Reservation | ReservationConflict | ReservationReleased;

/** Source and destination are the same warehouse; nothing moved. */
export type SameWarehouseTransfer = UserError & {
  __typename?: 'SameWarehouseTransfer';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The code given as both source and destination. */
  warehouseCode: Scalars['String']['output'];
};

/** Sets the units on hand of a variant in a warehouse. */
export type SetStockInput = {
  /** The new units on hand; not below the units reserved there. */
  onHand: Scalars['Int']['input'];
  /** The variant whose stock to set. */
  variantId: Scalars['ID']['input'];
  /** A `Warehouse.code`, such as AMS: 3 to 10 upper-case letters or digits, starting with a letter. */
  warehouseCode: Scalars['String']['input'];
};

/** A variant's complete inventory policy; omitted fields take their defaults. */
export type SetVariantInventoryPolicyInput = {
  /** May be ordered beyond stock: the units missing are reserved as a backorder. */
  allowBackorder?: Scalars['Boolean']['input'];
  /** 1 to 1,000,000; null: no limit. */
  maxPerCustomer?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 1,000; null: only the general line limit. */
  maxPerOrder?: InputMaybe<Scalars['Int']['input']>;
  /** 0 to 10,000,000. */
  safetyStock?: Scalars['Int']['input'];
  /** False: stock is not counted; the variant is always in stock and reserving holds no units. */
  trackInventory?: Scalars['Boolean']['input'];
  /** The variant the policy applies to. */
  variantId: Scalars['ID']['input'];
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
  /** The variant the stock is of. */
  variantId: Scalars['ID']['output'];
  /** The warehouse the stock is in. */
  warehouse: Warehouse;
};

/** One change of stock of a variant in a warehouse; the ledger is append-only. */
export type StockMovement = {
  __typename?: 'StockMovement';
  /** Who made an admin change: `staff:<id>` or `partner:<key id>`. */
  actor?: Maybe<Scalars['String']['output']>;
  /** When it happened (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** Grows with every movement; later movements have larger ids. */
  id: Scalars['ID']['output'];
  /** Why the stock changed. */
  kind: StockMovementKind;
  /** Free text an admin gave with the change, if any. */
  note?: Maybe<Scalars['String']['output']>;
  /** Change of units on hand. */
  onHandDelta: Scalars['Int']['output'];
  /** The order a reservation, release or sale belongs to. */
  orderId?: Maybe<Scalars['ID']['output']>;
  /** Change of units reserved. */
  reservedDelta: Scalars['Int']['output'];
  /** The variant whose stock changed. */
  variantId: Scalars['ID']['output'];
  /** The warehouse whose stock changed. */
  warehouse: Warehouse;
};

/** A page of a variant's stock movements, newest first. */
export type StockMovementConnection = {
  __typename?: 'StockMovementConnection';
  /** The movements on this page, each with its cursor. */
  edges: Array<StockMovementEdge>;
  /** Where this page ends and whether another follows. */
  pageInfo: PageInfo;
};

/** A stock movement with its position in the list. */
export type StockMovementEdge = {
  __typename?: 'StockMovementEdge';
  /** Opaque position of this movement; pass it as `after` to continue from here. */
  cursor: Scalars['String']['output'];
  /** The movement. */
  node: StockMovement;
};

/** Why stock changed. */
export type StockMovementKind =
  /** An admin set or adjusted on hand. */
  | 'ADJUSTMENT'
  /** Stock arrived (the initial load included). */
  | 'RECEIPT'
  /** Held units given back (payment failed, expired or cancelled). */
  | 'RELEASE'
  /** Units held for an unpaid order. */
  | 'RESERVATION'
  /** Sold units came back on hand. */
  | 'RETURN'
  /** Held units sold: they leave on hand. */
  | 'SALE'
  /** Units moved in from another warehouse. */
  | 'TRANSFER_IN'
  /** Units moved out to another warehouse. */
  | 'TRANSFER_OUT';

/** The stock level after the change, or why nothing changed. */
export type StockResult = InvalidStockQuantity | StockLevel | UnknownWarehouse;

export type StockShortage = {
  __typename?: 'StockShortage';
  available: Scalars['Int']['output'];
  requested: Scalars['Int']['output'];
  variantId: Scalars['ID']['output'];
};

/** Units moved between two warehouses, with both levels after the move. */
export type StockTransfer = {
  __typename?: 'StockTransfer';
  /** The source warehouse's stock level after the move. */
  from: StockLevel;
  /** Units moved. */
  quantity: Scalars['Int']['output'];
  /** The destination warehouse's stock level after the move. */
  to: StockLevel;
  /** The variant whose units moved. */
  variantId: Scalars['ID']['output'];
};

/** Moves available units of a variant from one warehouse to another. */
export type TransferStockInput = {
  /** The `Warehouse.code` units leave. */
  fromWarehouseCode: Scalars['String']['input'];
  /** Units to move: at least 1, at most what is available (not reserved) in the source. */
  quantity: Scalars['Int']['input'];
  /** The `Warehouse.code` units arrive in. */
  toWarehouseCode: Scalars['String']['input'];
  /** The variant whose units to move. */
  variantId: Scalars['ID']['input'];
};

/** Both stock levels after the move, or why nothing moved. */
export type TransferStockResult = InvalidStockQuantity | InvalidTransferQuantity | SameWarehouseTransfer | StockTransfer | UnknownWarehouse;

/** No warehouse has this code (a malformed code included; nothing was read or written). */
export type UnknownWarehouse = UserError & {
  __typename?: 'UnknownWarehouse';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The code that matched no warehouse. */
  warehouseCode: Scalars['String']['output'];
};

/** An expected failure the client can act on. */
export type UserError = {
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** How inventory treats a variant (defaults for a variant nobody set a policy for). */
export type VariantInventoryPolicy = {
  __typename?: 'VariantInventoryPolicy';
  /** May be ordered beyond stock: the units missing are reserved as a backorder. */
  allowBackorder: Scalars['Boolean']['output'];
  /** Most units one customer may buy in total (reserved or sold); null: no limit. */
  maxPerCustomer?: Maybe<Scalars['Int']['output']>;
  /** Most units one order may hold; null: only the general line limit. */
  maxPerOrder?: Maybe<Scalars['Int']['output']>;
  /** Units kept back from sale, across all warehouses. */
  safetyStock: Scalars['Int']['output'];
  /** False: stock is not counted; the variant is always in stock and reserving holds no units. */
  trackInventory: Scalars['Boolean']['output'];
  /** The variant the policy applies to. */
  variantId: Scalars['ID']['output'];
};

/** The policy as stored, or why nothing changed. */
export type VariantInventoryPolicyResult = InvalidInventoryPolicy | VariantInventoryPolicy;

/** A place stock is kept. */
export type Warehouse = {
  __typename?: 'Warehouse';
  /** Short unique code, such as AMS. */
  code: Scalars['String']['output'];
  /** Stable id of the warehouse. */
  id: Scalars['ID']['output'];
  /** Display name, such as Amsterdam. */
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
    | ( PurchaseLimitExceeded & { __typename: 'PurchaseLimitExceeded' } )
    | ( ReservationView & { __typename: 'Reservation' } )
    | ( ReservationConflict & { __typename: 'ReservationConflict' } )
    | ( ReservationReleased & { __typename: 'ReservationReleased' } )
  ;
  StockResult:
    | ( InvalidStockQuantity & { __typename: 'InvalidStockQuantity' } )
    | ( StockLevelRow & { __typename: 'StockLevel' } )
    | ( UnknownWarehouse & { __typename: 'UnknownWarehouse' } )
  ;
  TransferStockResult:
    | ( InvalidStockQuantity & { __typename: 'InvalidStockQuantity' } )
    | ( InvalidTransferQuantity & { __typename: 'InvalidTransferQuantity' } )
    | ( SameWarehouseTransfer & { __typename: 'SameWarehouseTransfer' } )
    | ( StockTransferView & { __typename: 'StockTransfer' } )
    | ( UnknownWarehouse & { __typename: 'UnknownWarehouse' } )
  ;
  VariantInventoryPolicyResult:
    | ( InvalidInventoryPolicy & { __typename: 'InvalidInventoryPolicy' } )
    | ( VariantPolicy & { __typename: 'VariantInventoryPolicy' } )
  ;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError:
    | ( InsufficientStock & { __typename: 'InsufficientStock' } )
    | ( InvalidInventoryPolicy & { __typename: 'InvalidInventoryPolicy' } )
    | ( InvalidStockQuantity & { __typename: 'InvalidStockQuantity' } )
    | ( InvalidTransferQuantity & { __typename: 'InvalidTransferQuantity' } )
    | ( PurchaseLimitExceeded & { __typename: 'PurchaseLimitExceeded' } )
    | ( ReservationConflict & { __typename: 'ReservationConflict' } )
    | ( ReservationReleased & { __typename: 'ReservationReleased' } )
    | ( SameWarehouseTransfer & { __typename: 'SameWarehouseTransfer' } )
    | ( UnknownWarehouse & { __typename: 'UnknownWarehouse' } )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AdjustStockInput: AdjustStockInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Availability: ResolverTypeWrapper<AvailabilityView>;
  CacheControlScope: CacheControlScope;
  InsufficientStock: ResolverTypeWrapper<InsufficientStock>;
  InvalidInventoryPolicy: ResolverTypeWrapper<InvalidInventoryPolicy>;
  InvalidStockQuantity: ResolverTypeWrapper<InvalidStockQuantity>;
  InvalidTransferQuantity: ResolverTypeWrapper<InvalidTransferQuantity>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ProductVariant: ResolverTypeWrapper<VariantRef>;
  PurchaseLimitExceeded: ResolverTypeWrapper<PurchaseLimitExceeded>;
  PurchaseLimitLine: ResolverTypeWrapper<PurchaseLimitLine>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Reservation: ResolverTypeWrapper<ReservationView>;
  ReservationConflict: ResolverTypeWrapper<ReservationConflict>;
  ReservationLine: ResolverTypeWrapper<ReservationLine>;
  ReservationReleased: ResolverTypeWrapper<ReservationReleased>;
  ReserveStockInput: ReserveStockInput;
  ReserveStockLineInput: ReserveStockLineInput;
  ReserveStockResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ReserveStockResult']>;
  SameWarehouseTransfer: ResolverTypeWrapper<SameWarehouseTransfer>;
  SetStockInput: SetStockInput;
  SetVariantInventoryPolicyInput: SetVariantInventoryPolicyInput;
  StockLevel: ResolverTypeWrapper<StockLevelRow>;
  StockMovement: ResolverTypeWrapper<StockMovementRow>;
  StockMovementConnection: ResolverTypeWrapper<StockMovementPage>;
  StockMovementEdge: ResolverTypeWrapper<Omit<StockMovementEdge, 'node'> & { node: ResolversTypes['StockMovement'] }>;
  StockMovementKind: StockMovementKind;
  StockResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['StockResult']>;
  StockShortage: ResolverTypeWrapper<StockShortage>;
  StockTransfer: ResolverTypeWrapper<StockTransferView>;
  TransferStockInput: TransferStockInput;
  TransferStockResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['TransferStockResult']>;
  UnknownWarehouse: ResolverTypeWrapper<UnknownWarehouse>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VariantInventoryPolicy: ResolverTypeWrapper<VariantPolicy>;
  VariantInventoryPolicyResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['VariantInventoryPolicyResult']>;
  Warehouse: ResolverTypeWrapper<WarehouseRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AdjustStockInput: AdjustStockInput;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Availability: AvailabilityView;
  InsufficientStock: InsufficientStock;
  InvalidInventoryPolicy: InvalidInventoryPolicy;
  InvalidStockQuantity: InvalidStockQuantity;
  InvalidTransferQuantity: InvalidTransferQuantity;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  ProductVariant: VariantRef;
  PurchaseLimitExceeded: PurchaseLimitExceeded;
  PurchaseLimitLine: PurchaseLimitLine;
  Query: Record<PropertyKey, never>;
  Reservation: ReservationView;
  ReservationConflict: ReservationConflict;
  ReservationLine: ReservationLine;
  ReservationReleased: ReservationReleased;
  ReserveStockInput: ReserveStockInput;
  ReserveStockLineInput: ReserveStockLineInput;
  ReserveStockResult: ResolversUnionTypes<ResolversParentTypes>['ReserveStockResult'];
  SameWarehouseTransfer: SameWarehouseTransfer;
  SetStockInput: SetStockInput;
  SetVariantInventoryPolicyInput: SetVariantInventoryPolicyInput;
  StockLevel: StockLevelRow;
  StockMovement: StockMovementRow;
  StockMovementConnection: StockMovementPage;
  StockMovementEdge: Omit<StockMovementEdge, 'node'> & { node: ResolversParentTypes['StockMovement'] };
  StockResult: ResolversUnionTypes<ResolversParentTypes>['StockResult'];
  StockShortage: StockShortage;
  StockTransfer: StockTransferView;
  TransferStockInput: TransferStockInput;
  TransferStockResult: ResolversUnionTypes<ResolversParentTypes>['TransferStockResult'];
  UnknownWarehouse: UnknownWarehouse;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  VariantInventoryPolicy: VariantPolicy;
  VariantInventoryPolicyResult: ResolversUnionTypes<ResolversParentTypes>['VariantInventoryPolicyResult'];
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
  backorderable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  inStock?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxPerCustomer?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxPerOrder?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tracked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type InsufficientStockResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InsufficientStock'] = ResolversParentTypes['InsufficientStock']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['StockShortage']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidInventoryPolicyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidInventoryPolicy'] = ResolversParentTypes['InvalidInventoryPolicy']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidStockQuantityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidStockQuantity'] = ResolversParentTypes['InvalidStockQuantity']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidTransferQuantityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidTransferQuantity'] = ResolversParentTypes['InvalidTransferQuantity']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  adjustStock?: Resolver<ResolversTypes['StockResult'], ParentType, ContextType, RequireFields<MutationAdjustStockArgs, 'input'>>;
  releaseReservation?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationReleaseReservationArgs, 'orderId'>>;
  reserveStock?: Resolver<ResolversTypes['ReserveStockResult'], ParentType, ContextType, RequireFields<MutationReserveStockArgs, 'input'>>;
  setStock?: Resolver<ResolversTypes['StockResult'], ParentType, ContextType, RequireFields<MutationSetStockArgs, 'input'>>;
  setVariantInventoryPolicy?: Resolver<ResolversTypes['VariantInventoryPolicyResult'], ParentType, ContextType, RequireFields<MutationSetVariantInventoryPolicyArgs, 'input'>>;
  transferStock?: Resolver<ResolversTypes['TransferStockResult'], ParentType, ContextType, RequireFields<MutationTransferStockArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant'], FederationReferenceType extends FederationReferenceTypes['ProductVariant'] = FederationReferenceTypes['ProductVariant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProductVariant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availability?: Resolver<ResolversTypes['Availability'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inventoryPolicy?: Resolver<ResolversTypes['VariantInventoryPolicy'], ParentType, ContextType>;
  stockLevels?: Resolver<Array<ResolversTypes['StockLevel']>, ParentType, ContextType>;
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
  stockMovements?: Resolver<ResolversTypes['StockMovementConnection'], ParentType, ContextType, RequireFields<QueryStockMovementsArgs, 'first' | 'variantId'>>;
  warehouses?: Resolver<Array<ResolversTypes['Warehouse']>, ParentType, ContextType>;
}>;

export type ReservationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Reservation'] = ResolversParentTypes['Reservation']> = ResolversObject<{
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ReservationLine']>, ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReservationConflictResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReservationConflict'] = ResolversParentTypes['ReservationConflict']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReservationLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReservationLine'] = ResolversParentTypes['ReservationLine']> = ResolversObject<{
  backordered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  warehouseCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ReservationReleasedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReservationReleased'] = ResolversParentTypes['ReservationReleased']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReserveStockResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReserveStockResult'] = ResolversParentTypes['ReserveStockResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InsufficientStock' | 'PurchaseLimitExceeded' | 'Reservation' | 'ReservationConflict' | 'ReservationReleased', ParentType, ContextType>;
}>;

export type SameWarehouseTransferResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SameWarehouseTransfer'] = ResolversParentTypes['SameWarehouseTransfer']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warehouseCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StockLevelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockLevel'] = ResolversParentTypes['StockLevel']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StockMovementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMovement'] = ResolversParentTypes['StockMovement']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StockMovementKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  onHandDelta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  reservedDelta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType>;
}>;

export type StockMovementConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMovementConnection'] = ResolversParentTypes['StockMovementConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['StockMovementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type StockMovementEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMovementEdge'] = ResolversParentTypes['StockMovementEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StockMovement'], ParentType, ContextType>;
}>;

export type StockResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockResult'] = ResolversParentTypes['StockResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidStockQuantity' | 'StockLevel' | 'UnknownWarehouse', ParentType, ContextType>;
}>;

export type StockShortageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockShortage'] = ResolversParentTypes['StockShortage']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type StockTransferResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockTransfer'] = ResolversParentTypes['StockTransfer']> = ResolversObject<{
  from?: Resolver<ResolversTypes['StockLevel'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['StockLevel'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type TransferStockResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransferStockResult'] = ResolversParentTypes['TransferStockResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidStockQuantity' | 'InvalidTransferQuantity' | 'SameWarehouseTransfer' | 'StockTransfer' | 'UnknownWarehouse', ParentType, ContextType>;
}>;

export type UnknownWarehouseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnknownWarehouse'] = ResolversParentTypes['UnknownWarehouse']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warehouseCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InsufficientStock' | 'InvalidInventoryPolicy' | 'InvalidStockQuantity' | 'InvalidTransferQuantity' | 'PurchaseLimitExceeded' | 'ReservationConflict' | 'ReservationReleased' | 'SameWarehouseTransfer' | 'UnknownWarehouse', ParentType, ContextType>;
}>;

export type VariantInventoryPolicyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantInventoryPolicy'] = ResolversParentTypes['VariantInventoryPolicy']> = ResolversObject<{
  allowBackorder?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxPerCustomer?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxPerOrder?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  safetyStock?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trackInventory?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type VariantInventoryPolicyResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VariantInventoryPolicyResult'] = ResolversParentTypes['VariantInventoryPolicyResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidInventoryPolicy' | 'VariantInventoryPolicy', ParentType, ContextType>;
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
  InvalidInventoryPolicy?: InvalidInventoryPolicyResolvers<ContextType>;
  InvalidStockQuantity?: InvalidStockQuantityResolvers<ContextType>;
  InvalidTransferQuantity?: InvalidTransferQuantityResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  PurchaseLimitExceeded?: PurchaseLimitExceededResolvers<ContextType>;
  PurchaseLimitLine?: PurchaseLimitLineResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Reservation?: ReservationResolvers<ContextType>;
  ReservationConflict?: ReservationConflictResolvers<ContextType>;
  ReservationLine?: ReservationLineResolvers<ContextType>;
  ReservationReleased?: ReservationReleasedResolvers<ContextType>;
  ReserveStockResult?: ReserveStockResultResolvers<ContextType>;
  SameWarehouseTransfer?: SameWarehouseTransferResolvers<ContextType>;
  StockLevel?: StockLevelResolvers<ContextType>;
  StockMovement?: StockMovementResolvers<ContextType>;
  StockMovementConnection?: StockMovementConnectionResolvers<ContextType>;
  StockMovementEdge?: StockMovementEdgeResolvers<ContextType>;
  StockResult?: StockResultResolvers<ContextType>;
  StockShortage?: StockShortageResolvers<ContextType>;
  StockTransfer?: StockTransferResolvers<ContextType>;
  TransferStockResult?: TransferStockResultResolvers<ContextType>;
  UnknownWarehouse?: UnknownWarehouseResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  VariantInventoryPolicy?: VariantInventoryPolicyResolvers<ContextType>;
  VariantInventoryPolicyResult?: VariantInventoryPolicyResultResolvers<ContextType>;
  Warehouse?: WarehouseResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
