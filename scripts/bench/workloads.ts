/**
 * What `pnpm bench` (pages.ts) and its spike (spike.ts) share: the graph as deployed with two
 * gateways (response cache on, and off with GATEWAY_RESPONSE_CACHE=false), the hello-world
 * ceiling, and the request bodies of the storefront's pages.
 */
import { buildDemoCatalog, type DemoCatalog } from '../demo-catalog.ts';
import { migrateAll, seedDemoData } from '../graph.ts';
import { createBenchDatabase } from './database.ts';
import type { Defer } from './harness.ts';
import { postOperation } from './load.ts';
import {
  CART_PAGE_QUERY,
  CATEGORY_PAGE_QUERY,
  PRODUCT_BY_SLUG_QUERY,
  SEARCH_PAGE_QUERY,
} from './operations.ts';
import { freePort } from './ports.ts';
import { spawnService, stopServices, type ServiceProcess } from './processes.ts';
import {
  baseServiceEnv,
  graphqlUrl,
  pickPorts,
  spawnGateway,
  spawnSeparateServices,
  waitUntilServing,
} from './services.ts';

export type WorkloadName = 'product' | 'category' | 'search' | 'cart';
export const WORKLOADS: readonly WorkloadName[] = ['product', 'category', 'search', 'cart'];

/** Headers of every benchmark request: JSON, and the CSRF preflight header browsers' clients send. */
export const REQUEST_HEADERS = {
  'content-type': 'application/json',
  'apollo-require-preflight': 'true',
} as const;

const PRODUCTS_ROTATED = 100;
const PAGE_SIZE = 24;
const CART_LINES = 5;
/** Carts the spike's cart reads rotate over. */
const CARTS = 5;

export interface Graph {
  /** Gateway with its response cache on, as deployed. */
  cachedUrl: string;
  /** Gateway with GATEWAY_RESPONSE_CACHE=false. */
  uncachedUrl: string;
  helloUrl: string;
  /** Every process, the two gateways and the hello-world included. */
  processes: ServiceProcess[];
  byName(name: string): ServiceProcess;
  /** JSON bodies each workload rotates over. */
  bodies: Record<WorkloadName, string[]>;
  databaseServer: string;
  backend: 'Redis' | 'PostgreSQL';
}

const body = (query: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query, variables });

/** Bodies of the catalog workloads, from the seeded catalog. */
function catalogBodies(catalog: DemoCatalog): Omit<Record<WorkloadName, string[]>, 'cart'> {
  // Every tenth product, so the 100 are spread over the categories.
  const step = Math.max(1, Math.floor(catalog.products.length / PRODUCTS_ROTATED));
  const slugs = catalog.products
    .filter((_, i) => i % step === 0)
    .slice(0, PRODUCTS_ROTATED)
    .map((p) => p.slug);
  const perCategory = new Map<string, number>();
  for (const product of catalog.products) {
    perCategory.set(product.categoryId, (perCategory.get(product.categoryId) ?? 0) + 1);
  }
  // Leaves with a full page, and the top categories (which include their leaves).
  const categories = catalog.categories
    .filter((c) => c.parentId === null || (perCategory.get(c.id) ?? 0) >= PAGE_SIZE)
    .map((c) => c.slug);
  const brands = catalog.attributes.find((a) => a.code === 'brand')?.values ?? [];
  const materials = catalog.attributes.find((a) => a.code === 'material')?.values ?? [];
  const searches: Array<Record<string, unknown>> = [
    { query: 'jacket' },
    { query: 'boot' },
    { query: 'cotton tee' },
    { query: 'wool' },
    { query: 'backpack' },
    { query: null, filters: [{ name: 'brand', values: brands.slice(0, 2).map((v) => v.code) }] },
    {
      query: 'jacket',
      filters: [{ name: 'material', values: materials.slice(0, 1).map((v) => v.code) }],
    },
    { query: 'mug' },
    {
      query: 'sneaker',
      filters: [{ name: 'brand', values: brands.slice(2, 3).map((v) => v.code) }],
    },
    { query: 'hoodie' },
  ];
  return {
    product: slugs.map((slug) => body(PRODUCT_BY_SLUG_QUERY, { slug })),
    category: categories.map((slug) => body(CATEGORY_PAGE_QUERY, { slug, n: PAGE_SIZE })),
    search: searches.map((variables) => body(SEARCH_PAGE_QUERY, { ...variables, n: PAGE_SIZE })),
  };
}

/** A guest cart with one line (quantity 2) for each of `variantIds`. */
async function createCart(gatewayUrl: string, variantIds: string[]): Promise<string> {
  const created = (await postOperation(
    gatewayUrl,
    JSON.stringify({ query: 'mutation { createCart { id } }' }),
  )) as { createCart: { id: string } };
  const cartId = created.createCart.id;
  for (const variantId of variantIds) {
    const added = (await postOperation(
      gatewayUrl,
      body(
        'mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 2) { __typename } }',
        { c: cartId, v: variantId },
      ),
    )) as { addCartLine: { __typename: string } };
    if (added.addCartLine.__typename !== 'Cart') {
      throw new Error(`addCartLine answered ${added.addCartLine.__typename}`);
    }
  }
  return cartId;
}

/** Spawns the hello-world ceiling (hello-world.ts) and waits until it answers. */
async function startHelloWorld(base: { PATH?: string; HOME?: string }) {
  const port = await freePort();
  const service = spawnService('hello-world', 'scripts/bench/hello-world.ts', {
    PATH: base.PATH,
    HOME: base.HOME,
    NODE_ENV: 'production',
    HELLO_PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = performance.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(url, { method: 'POST', body: '{}' });
      await response.text();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (service.child.exitCode !== null || performance.now() > deadline) {
      throw new Error(`hello-world did not start:\n${service.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { service, url };
}

/**
 * Seeds a throw-away database with the demo catalog, starts the graph as separate production
 * processes with two gateways and the hello-world, and builds the workloads' bodies.
 */
export async function startGraph(
  env: {
    DATABASE_URL?: string;
    REDIS_URL?: string;
    PATH?: string;
    HOME?: string;
    BENCH_PRODUCTS: number;
  },
  defer: Defer,
): Promise<Graph> {
  const database = await createBenchDatabase(env.DATABASE_URL, defer);
  const catalog = buildDemoCatalog(env.BENCH_PRODUCTS);
  const seedingAt = performance.now();
  await migrateAll(database.url);
  await seedDemoData(database.url, catalog);
  console.log(
    `database ${database.server}: seeded ${catalog.products.length} products in ` +
      `${((performance.now() - seedingAt) / 1000).toFixed(1)} s`,
  );

  const ports = await pickPorts();
  const uncachedPort = await freePort();
  const base = baseServiceEnv({ PATH: env.PATH, HOME: env.HOME, REDIS_URL: env.REDIS_URL });
  const processes = [
    ...spawnSeparateServices(ports, base, database.url),
    spawnGateway('gateway-uncached', uncachedPort, ports, base, {
      GATEWAY_RESPONSE_CACHE: 'false',
    }),
  ];
  defer(async () => {
    await stopServices(processes);
  });
  const cachedUrl = graphqlUrl(ports.gateway);
  const uncachedUrl = graphqlUrl(uncachedPort);
  await waitUntilServing(cachedUrl, processes);
  await waitUntilServing(uncachedUrl, processes);
  const hello = await startHelloWorld(env);
  processes.push(hello.service);

  // Variants with stock for two units each: a sold-out one is refused by addCartLine.
  const variantIds = catalog.products
    .flatMap((p) => p.variants)
    .filter((v) => Object.values(v.stock).reduce((sum, n) => sum + n, 0) >= 2)
    .map((v) => v.id);
  const carts: string[] = [];
  for (let i = 0; i < CARTS; i++) {
    carts.push(await createCart(cachedUrl, variantIds.slice(i * CART_LINES, (i + 1) * CART_LINES)));
  }
  const bodies = {
    ...catalogBodies(catalog),
    cart: carts.map((id) => body(CART_PAGE_QUERY, { id })),
  };
  // Every body once: a broken query fails here, not as thousands of errors under load.
  for (const list of Object.values(bodies)) {
    for (const text of list) await postOperation(uncachedUrl, text);
  }

  return {
    cachedUrl,
    uncachedUrl,
    helloUrl: hello.url,
    processes,
    byName: (name) => {
      const found = processes.find((p) => p.name === name);
      if (!found) throw new Error(`no process ${name}`);
      return found;
    },
    bodies,
    databaseServer: database.server,
    backend: env.REDIS_URL ? 'Redis' : 'PostgreSQL',
  };
}
