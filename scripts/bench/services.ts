import { randomBytes, randomUUID } from 'node:crypto';
import { postOperation, type Operation } from './load.ts';
import { freePorts } from './ports.ts';
import { spawnService, type ServiceProcess } from './processes.ts';

const POLL_MS = 50;
const START_TIMEOUT_MS = 120_000;

// Touches all four subgraphs, so an answer means the whole graph serves, not just the gateway.
const READY: Operation = {
  query: /* GraphQL */ `
    query Ready($cart: ID!, $order: ID!) {
      products(first: 1) {
        edges {
          node {
            variants {
              availability {
                inStock
              }
            }
          }
        }
      }
      cart(id: $cart) {
        id
      }
      order(id: $order) {
        id
      }
    }
  `,
  variables: { cart: randomUUID(), order: randomUUID() },
};

const PORT_NAMES = [
  'gateway',
  'products',
  'inventory',
  'cart',
  'checkout',
  'adyenSimulator',
] as const;
export type Ports = Record<(typeof PORT_NAMES)[number], number>;

/** A distinct free port for every service of the graph. */
export async function pickPorts(): Promise<Ports> {
  const free = await freePorts(PORT_NAMES.length);
  return Object.fromEntries(PORT_NAMES.map((name, i) => [name, free[i]])) as Ports;
}

export const graphqlUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** What every benchmarked service process gets; nothing else from the shell reaches them. */
export function baseServiceEnv(env: { PATH?: string; HOME?: string; REDIS_URL?: string }) {
  return {
    PATH: env.PATH,
    HOME: env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    // Production subgraphs refuse to start without it.
    INTERNAL_TOKEN: randomBytes(24).toString('base64url'),
    // One load generator on 127.0.0.1 stands for many shoppers: no budget may throttle it.
    ANONYMOUS_COST_BUDGET: '1000000000',
    // Set: BullMQ (and the caches) on Redis; unset: on PostgreSQL.
    REDIS_URL: env.REDIS_URL,
  };
}

/** Credentials the simulator and checkout share, made up for one run. */
export function simulatorCredentials() {
  return {
    ADYEN_API_KEY: `sim_${randomBytes(16).toString('hex')}`,
    ADYEN_HMAC_KEY: randomBytes(32).toString('hex'),
    ADYEN_MERCHANT_ACCOUNT: 'CommerceGraphBench',
  };
}

/**
 * The graph as deployed: each subgraph's `src/index.ts`, the gateway's and the Adyen
 * simulator's entrypoints as their own processes, configured only by environment variables.
 */
export function spawnSeparateServices(
  ports: Ports,
  base: ReturnType<typeof baseServiceEnv>,
  databaseUrl: string,
  extra: Partial<Record<'inventory' | 'cart' | 'checkout', Record<string, string>>> = {},
): ServiceProcess[] {
  const adyen = simulatorCredentials();
  return [
    spawnService('adyen-simulator', 'packages/adyen-simulator/src/main.ts', {
      ...base,
      ...adyen,
      ADYEN_SIMULATOR_PORT: String(ports.adyenSimulator),
      ADYEN_SIMULATOR_HOST: '127.0.0.1',
      ADYEN_WEBHOOK_URL: `http://127.0.0.1:${ports.checkout}/webhooks/adyen`,
    }),
    spawnService('products', 'subgraphs/products/src/index.ts', {
      ...base,
      DATABASE_URL: databaseUrl,
      PRODUCTS_PORT: String(ports.products),
    }),
    spawnService('inventory', 'subgraphs/inventory/src/index.ts', {
      ...base,
      DATABASE_URL: databaseUrl,
      INVENTORY_PORT: String(ports.inventory),
      CHECKOUT_URL: graphqlUrl(ports.checkout),
      ...extra.inventory,
    }),
    spawnService('cart', 'subgraphs/cart/src/index.ts', {
      ...base,
      DATABASE_URL: databaseUrl,
      CART_PORT: String(ports.cart),
      PRODUCTS_URL: graphqlUrl(ports.products),
      INVENTORY_URL: graphqlUrl(ports.inventory),
      ...extra.cart,
    }),
    spawnService('checkout', 'subgraphs/checkout/src/index.ts', {
      ...base,
      ...adyen,
      DATABASE_URL: databaseUrl,
      CHECKOUT_PORT: String(ports.checkout),
      CART_URL: graphqlUrl(ports.cart),
      INVENTORY_URL: graphqlUrl(ports.inventory),
      ADYEN_SIMULATOR_URL: `http://127.0.0.1:${ports.adyenSimulator}`,
      ...extra.checkout,
    }),
    spawnGateway('gateway', ports.gateway, ports, base),
  ];
}

/** A gateway process on `port` in front of the subgraphs of `ports`, with `extra` env on top. */
export function spawnGateway(
  name: string,
  port: number,
  ports: Ports,
  base: ReturnType<typeof baseServiceEnv>,
  extra: Record<string, string> = {},
): ServiceProcess {
  return spawnService(name, 'gateway/src/index.ts', {
    ...base,
    GATEWAY_PORT: String(port),
    PRODUCTS_URL: graphqlUrl(ports.products),
    INVENTORY_URL: graphqlUrl(ports.inventory),
    CART_URL: graphqlUrl(ports.cart),
    CHECKOUT_URL: graphqlUrl(ports.checkout),
    ...extra,
  });
}

/** Resolves when the gateway answers a query touching every subgraph; throws if a process exits first. */
export async function waitUntilServing(
  gatewayUrl: string,
  services: ServiceProcess[],
): Promise<void> {
  let exited: ServiceProcess | undefined;
  for (const service of services) void service.exited.then(() => (exited ??= service));
  const body = JSON.stringify(READY);
  const deadline = performance.now() + START_TIMEOUT_MS;
  let lastError: string | undefined;
  for (;;) {
    if (exited) {
      throw new Error(
        `${exited.name} exited (${await exited.exited}) before the graph answered:\n${exited.output()}`,
      );
    }
    try {
      await postOperation(gatewayUrl, body, 2_000);
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (performance.now() > deadline) {
      throw new Error(`no answer within ${START_TIMEOUT_MS / 1000} s; last error: ${lastError}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
