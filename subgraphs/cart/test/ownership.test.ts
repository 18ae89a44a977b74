import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  INTERNAL_TOKEN_HEADER,
  signIdentityAssertion,
  type Actor,
  type RunningService,
} from '@commerce-graph/kit';
import { migrationsFolder as productsMigrations, startProducts } from '@commerce-graph/products';
import { loadCatalog } from '../../../scripts/catalog/load.ts';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { migrationsFolder, startCart } from '../src/app.ts';

const INTERNAL_TOKEN = 'cart-ownership-internal-token-012345';
const catalog = buildDemoCatalog(2);
const variantId = catalog.products[0]!.variants[0]!.id;
const alice: Actor = { kind: 'customer', customerId: randomUUID(), sessionId: 'a' };
const bob: Actor = { kind: 'customer', customerId: randomUUID(), sessionId: 'b' };
const guest: Actor = { kind: 'anonymous' };

let database: TestDatabase;
let products: RunningService;
let cart: RunningService;

/** A request to the cart subgraph as the gateway sends it for `actor`. */
async function as<T = Record<string, unknown>>(
  actor: Actor,
  query: string,
  variables?: Record<string, unknown>,
) {
  return graphql<T>(cart.url, query, variables, {
    [INTERNAL_TOKEN_HEADER]: INTERNAL_TOKEN,
    [IDENTITY_HEADER]: await signIdentityAssertion(INTERNAL_TOKEN, actor),
  });
}
const createCart = async (actor: Actor) =>
  (await as<{ createCart: { id: string } }>(actor, 'mutation { createCart { id } }')).data!
    .createCart.id;
const readCart = async (actor: Actor, id: string) =>
  (
    await as<{ cart: { id: string } | null }>(actor, 'query($id: ID!) { cart(id: $id) { id } }', {
      id,
    })
  ).data!.cart;
const addLine = async (actor: Actor, cartId: string) =>
  (
    await as<{ addCartLine: { __typename: string } }>(
      actor,
      'mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 1) { __typename } }',
      { c: cartId, v: variantId },
    )
  ).data!.addCartLine.__typename;
const claim = async (actor: Actor, cartId: string) =>
  (
    await as<{ claimCart: { __typename: string } }>(
      actor,
      'mutation($c: ID!) { claimCart(cartId: $c) { __typename } }',
      { c: cartId },
    )
  ).data!.claimCart.__typename;

beforeAll(async () => {
  database = await createTestDatabase([
    { subgraph: 'products', folder: productsMigrations },
    { subgraph: 'cart', folder: migrationsFolder },
  ]);
  await loadCatalog(database.url, catalog);
  products = await startProducts({
    databaseUrl: database.url,
    queue: {
      databaseUrl: database.url,
      namespace: `cart_ownership_${randomBytes(5).toString('hex')}`,
    },
    port: 0,
    migrate: false,
    logLevel: 'silent',
    internalToken: INTERNAL_TOKEN,
  });
  cart = await startCart({
    databaseUrl: database.url,
    port: 0,
    migrate: false,
    productsUrl: products.url,
    queue: { databaseUrl: database.url, namespace: `cart_own_${randomBytes(5).toString('hex')}` },
    logLevel: 'silent',
    internalToken: INTERNAL_TOKEN,
  });
});

afterAll(async () => {
  await cart?.close();
  await products?.close();
  await database?.drop();
});

describe('cart ownership', () => {
  it("keeps a signed-in customer's cart from everyone else, even with its id", async () => {
    const cartId = await createCart(alice);
    expect(await readCart(alice, cartId)).toEqual({ id: cartId });
    expect(await addLine(alice, cartId)).toBe('Cart');
    expect(await readCart(bob, cartId)).toBeNull();
    expect(await readCart(guest, cartId)).toBeNull();
    expect(await addLine(bob, cartId)).toBe('CartNotFound');
    expect(await addLine(guest, cartId)).toBe('CartNotFound');
    const entities = await as<{ _entities: unknown[] }>(
      bob,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Cart { id } } }',
      { r: [{ __typename: 'Cart', id: cartId }] },
    );
    expect(entities.data?._entities).toEqual([null]);
  });

  it('lets a guest cart be reached by its id until a customer claims it', async () => {
    const cartId = await createCart(guest);
    expect(await addLine(guest, cartId)).toBe('Cart');
    expect(await readCart(bob, cartId)).toEqual({ id: cartId });
    expect(await claim(guest, cartId)).toBe('SignInRequired');
    expect(await claim(alice, cartId)).toBe('Cart');
    expect(await readCart(alice, cartId)).toEqual({ id: cartId });
    expect(await readCart(guest, cartId)).toBeNull();
    expect(await claim(bob, cartId)).toBe('CartNotFound');
  });

  it('refuses an identity the gateway did not sign', async () => {
    const forged = await graphql(cart.url, 'mutation { createCart { id } }', undefined, {
      [INTERNAL_TOKEN_HEADER]: INTERNAL_TOKEN,
      [IDENTITY_HEADER]: await signIdentityAssertion('forged-key-0123456789abcdefghijklmn', alice),
    });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
