import { randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import {
  IDENTITY_HEADER,
  INTERNAL_TOKEN_HEADER,
  cartQuoteSchema,
  signIdentityAssertion,
  type Actor,
  type CartQuote,
  type PostalAddress,
  type QueueConnectionConfig,
  type RunningService,
} from '@commerce-graph/kit';
import {
  migrationsFolder as inventoryMigrations,
  seedInventory,
  startInventory,
} from '@commerce-graph/inventory';
import { migrationsFolder as productsMigrations, startProducts } from '@commerce-graph/products';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.ts';
import { graphql, type GraphQLResponse } from '../../../../test/support/graphql.ts';
import { migrationsFolder, startCart, type CartConfig } from '../../src/app.ts';

export const INTERNAL_TOKEN = 'cart-issue8-internal-token-0123456789';

/**
 * A small catalog for the cart's own tests: a category tree (clothing > shirts > linen, and
 * toys), one product of one variant in each, and variants inventory limits or sells out.
 * EUR prices as given; USD is EUR + 100, GBP is EUR - 100.
 */
export const shopCatalog = (() => {
  const category = {
    clothing: randomUUID(),
    shirts: randomUUID(),
    linen: randomUUID(),
    toys: randomUUID(),
  };
  const variant = (name: string, categoryId: string, eur: number) => ({
    name,
    product: randomUUID(),
    variant: randomUUID(),
    categoryId,
    eur,
  });
  const items = {
    coat: variant('coat', category.clothing, 10_000),
    shirt: variant('shirt', category.shirts, 3_000),
    linenShirt: variant('linen-shirt', category.linen, 5_000),
    ball: variant('ball', category.toys, 1_000),
    /** Inventory: at most 3 per order. */
    limited: variant('limited', category.toys, 2_000),
    /** Inventory: at most 2 per customer. */
    perCustomer: variant('per-customer', category.toys, 2_500),
    /** Inventory: no stock, no backorders. */
    soldOut: variant('sold-out', category.toys, 1_500),
    /** No stock, but backorders allowed. */
    backorder: variant('backorder', category.toys, 1_200),
    /** 1,000,000.00 EUR a unit: 20 reach the cart cap exactly. */
    yacht: variant('yacht', category.toys, 100_000_000),
  };
  return { category, items };
})();

export type ShopItem = keyof typeof shopCatalog.items;

/** The catalog, inventory and cart on one fresh database, as the cart's tests use them. */
export interface Shop {
  database: TestDatabase;
  sql: postgres.Sql;
  products: RunningService;
  inventory: RunningService;
  cart: RunningService;
  queue: QueueConnectionConfig;
  /** A request to the cart subgraph as the gateway sends it for `actor`. */
  as<T = Record<string, unknown>>(
    actor: Actor,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Sets the base price of a variant in a currency. */
  setPrice(item: ShopItem, amount: number, currency?: string): Promise<void>;
  close(): Promise<void>;
}

export const guest: Actor = { kind: 'anonymous' };
export const customer = (): Actor => ({
  kind: 'customer',
  customerId: randomUUID(),
  sessionId: randomUUID(),
});
export const staff: Actor = {
  kind: 'customer',
  customerId: randomUUID(),
  sessionId: randomUUID(),
  permissions: ['discounts:manage'],
};

/** Starts products, inventory and cart on a fresh database loaded with `shopCatalog`. */
export async function startShop(cartOptions: Partial<CartConfig> = {}): Promise<Shop> {
  const database = await createTestDatabase([
    { subgraph: 'products', folder: productsMigrations },
    { subgraph: 'inventory', folder: inventoryMigrations },
    { subgraph: 'cart', folder: migrationsFolder },
  ]);
  const sql = postgres(database.url, { max: 4, onnotice: () => undefined });
  const { category, items } = shopCatalog;
  const tree = [
    { id: category.clothing, slug: 'clothing', parent_id: null, path: `${category.clothing}/` },
    {
      id: category.shirts,
      slug: 'shirts',
      parent_id: category.clothing,
      path: `${category.clothing}/${category.shirts}/`,
    },
    {
      id: category.linen,
      slug: 'linen',
      parent_id: category.shirts,
      path: `${category.clothing}/${category.shirts}/${category.linen}/`,
    },
    { id: category.toys, slug: 'toys', parent_id: null, path: `${category.toys}/` },
  ];
  for (const node of tree) {
    await sql`insert into products.categories ${sql({ ...node, name: node.slug })}`;
  }
  const all = Object.values(items);
  await sql`insert into products.products ${sql(
    all.map((item) => ({
      id: item.product,
      slug: item.name,
      name: item.name,
      category_id: item.categoryId,
      status: 'PUBLISHED',
      published_at: new Date(),
    })),
  )}`;
  await sql`insert into products.variants ${sql(
    all.map((item) => ({ id: item.variant, product_id: item.product, sku: item.name })),
  )}`;
  await sql`insert into products.prices ${sql(
    all.flatMap((item) =>
      [
        ['EUR', item.eur],
        ['USD', item.eur + 100],
        ['GBP', item.eur - 100],
      ].map(([currency, amount]) => ({ variant_id: item.variant, currency, amount })),
    ),
  )}`;
  await seedInventory(database.url, {
    warehouses: [{ code: 'MAIN', name: 'Main' }],
    levels: all.map((item) => ({
      variantId: item.variant,
      warehouseCode: 'MAIN',
      onHand: item === items.soldOut || item === items.backorder ? 0 : 1_000,
    })),
  });
  await sql`insert into inventory.variant_settings ${sql([
    {
      variant_id: items.limited.variant,
      max_per_order: 3,
      max_per_customer: null,
      allow_backorder: false,
    },
    {
      variant_id: items.perCustomer.variant,
      max_per_order: null,
      max_per_customer: 2,
      allow_backorder: false,
    },
    {
      variant_id: items.backorder.variant,
      max_per_order: null,
      max_per_customer: null,
      allow_backorder: true,
    },
  ])}`;

  const queue = { databaseUrl: database.url, namespace: `cart_${randomBytes(5).toString('hex')}` };
  const common = {
    databaseUrl: database.url,
    port: 0,
    migrate: false,
    logLevel: 'silent' as const,
    internalToken: INTERNAL_TOKEN,
  };
  const products = await startProducts({
    ...common,
    queue: { ...queue, namespace: `${queue.namespace}_p` },
    priceBoundaryPollMs: 3_600_000,
  });
  const inventory = await startInventory({
    ...common,
    queue: { ...queue, namespace: `${queue.namespace}_i` },
  });
  const cart = await startCart({
    ...common,
    queue,
    productsUrl: products.url,
    inventoryUrl: inventory.url,
    ...cartOptions,
  });

  return {
    database,
    sql,
    products,
    inventory,
    cart,
    queue,
    as: async <T>(actor: Actor, query: string, variables?: Record<string, unknown>) =>
      graphql<T>(cart.url, query, variables, {
        [INTERNAL_TOKEN_HEADER]: INTERNAL_TOKEN,
        [IDENTITY_HEADER]: await signIdentityAssertion(INTERNAL_TOKEN, actor),
      }),
    setPrice: async (item, amount, currency = 'EUR') => {
      await sql`update products.prices set amount = ${amount}
        where variant_id = ${items[item].variant} and currency = ${currency}
          and starts_at is null and ends_at is null`;
    },
    close: async () => {
      await cart.close();
      await inventory.close();
      await products.close();
      await sql.end();
      await database.drop();
    },
  };
}

/** Every member of CartResult the tests read, with the cart's new fields. */
export const CART_VIEW = /* GraphQL */ `
  fragment Address on CartAddress {
    name
    line1
    line2
    city
    postalCode
    region
    countryCode
    phone
  }
  fragment CartView on Cart {
    id
    status
    currencyCode
    discountCode
    totalQuantity
    lines {
      id
      quantity
      variant {
        id
      }
      unitPrice {
        amount
        currencyCode
      }
      priceChangedSince {
        previous {
          amount
          currencyCode
        }
        current {
          amount
          currencyCode
        }
      }
    }
    subtotal {
      amount
      currencyCode
    }
    shippingAddress {
      ...Address
    }
    billingAddress {
      ...Address
    }
    mergeNotes {
      variantId
      requested
      kept
      reason
    }
  }
`;

export const CART_RESULT = /* GraphQL */ `
  ${CART_VIEW}
  fragment Result on CartResult {
    __typename
    ...CartView
    ... on UserError {
      code
      message
    }
    ... on InvalidQuantity {
      max
      requested
    }
    ... on VariantSoldOut {
      variantId
    }
    ... on VariantNotFound {
      variantId
    }
    ... on DiscountRejected {
      discountCode
    }
    ... on CartTotalTooLarge {
      max
    }
    ... on InvalidAddress {
      field
      reason
    }
  }
`;

export interface Money {
  amount: number;
  currencyCode?: string;
}

export interface CartView {
  __typename: 'Cart';
  id: string;
  status: string;
  currencyCode: string;
  discountCode: string | null;
  totalQuantity: number;
  lines: Array<{
    id: string;
    quantity: number;
    variant: { id: string };
    unitPrice: Money;
    priceChangedSince: { previous: Money; current: Money } | null;
  }>;
  subtotal: Money | null;
  shippingAddress: CartAddress | null;
  billingAddress: CartAddress | null;
  mergeNotes: Array<{ variantId: string; requested: number; kept: number; reason: string }>;
}

/** `CartAddress` as the cart answers it: the stored address, field for field. */
export type CartAddress = PostalAddress;

export type Result =
  | CartView
  | { __typename: Exclude<string, 'Cart'>; code: string; message: string; [k: string]: unknown };

/** Cart operations for one shop, as one actor or another. */
export function cartClient(shop: Shop) {
  const mutate = async (actor: Actor, field: string, args: string, vars: object) => {
    const response = await shop.as<Record<string, Result>>(
      actor,
      `${CART_RESULT} mutation M(${args}) { r: ${field} { ...Result } }`,
      vars as Record<string, unknown>,
    );
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.r!;
  };
  return {
    async createCart(actor: Actor = guest, currencyCode?: string): Promise<string> {
      const response = await shop.as<{ createCart: { id: string } }>(
        actor,
        'mutation($c: String) { createCart(currencyCode: $c) { id } }',
        { c: currencyCode },
      );
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data!.createCart.id;
    },
    add: (cartId: string, item: ShopItem | string, quantity: number, actor: Actor = guest) =>
      mutate(
        actor,
        'addCartLine(cartId: $c, variantId: $v, quantity: $q)',
        '$c: ID!, $v: ID!, $q: Int!',
        {
          c: cartId,
          v: item in shopCatalog.items ? shopCatalog.items[item as ShopItem].variant : item,
          q: quantity,
        },
      ),
    update: (cartId: string, lineId: string, quantity: number, actor: Actor = guest) =>
      mutate(
        actor,
        'updateCartLine(cartId: $c, lineId: $l, quantity: $q)',
        '$c: ID!, $l: ID!, $q: Int!',
        { c: cartId, l: lineId, q: quantity },
      ),
    apply: (cartId: string, code: string, actor: Actor = guest) =>
      mutate(actor, 'applyDiscountCode(cartId: $c, code: $d)', '$c: ID!, $d: String!', {
        c: cartId,
        d: code,
      }),
    removeCode: (cartId: string, actor: Actor = guest) =>
      mutate(actor, 'removeDiscountCode(cartId: $c)', '$c: ID!', { c: cartId }),
    shipTo: (cartId: string, address: Record<string, unknown>, actor: Actor = guest) =>
      mutate(
        actor,
        'setCartShippingAddress(cartId: $c, address: $a)',
        '$c: ID!, $a: CartAddressInput!',
        { c: cartId, a: address },
      ),
    billTo: (cartId: string, address: Record<string, unknown> | null, actor: Actor = guest) =>
      mutate(
        actor,
        'setCartBillingAddress(cartId: $c, address: $a)',
        '$c: ID!, $a: CartAddressInput',
        { c: cartId, a: address },
      ),
    /**
     * `checkoutQuote` as checkout reads it: through `_entities` with the internal token and the
     * shopper's assertion, parsed with the kit's schema (a quote it refuses fails the test).
     */
    async quote(cartId: string, actor: Actor = guest): Promise<CartQuote> {
      const response = await shop.as<{ _entities: Array<{ checkoutQuote: unknown } | null> }>(
        actor,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cart { checkoutQuote } } }`,
        { r: [{ __typename: 'Cart', id: cartId }] },
      );
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      const found = response.data!._entities[0];
      if (!found) throw new Error(`cart ${cartId} answered no entity`);
      return cartQuoteSchema.parse(found.checkoutQuote);
    },
    claim: (cartId: string, actor: Actor) =>
      mutate(actor, 'claimCart(cartId: $c)', '$c: ID!', { c: cartId }),
    async read(cartId: string, actor: Actor = guest) {
      return shop.as<{ cart: CartView | null }>(
        actor,
        `${CART_VIEW} query Q($c: ID!) { cart(id: $c) { ...CartView } }`,
        { c: cartId },
      );
    },
  };
}

/** Narrows a result to the cart, failing the test with the refusal otherwise. */
export function cartOf(result: Result): CartView {
  if (result.__typename !== 'Cart')
    throw new Error(`Expected a Cart, got ${JSON.stringify(result)}`);
  return result as CartView;
}
