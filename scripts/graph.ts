import { randomBytes } from 'node:crypto';
import { createAdyenSimulator, type AdyenSimulator } from '@commerce-graph/adyen-simulator';
import { migrationsFolder as cartMigrations, startCart } from '@commerce-graph/cart';
import {
  migrationsFolder as checkoutMigrations,
  startCheckout,
  type AdyenConfig,
} from '@commerce-graph/checkout';
import { startGateway, type GatewayConfig } from '@commerce-graph/gateway';
import {
  bootstrapStaff,
  migrationsFolder as identityMigrations,
  startIdentity,
  type IdentityBudgets,
  type WebhookDeliveryPolicy,
  type PasswordHashing,
} from '@commerce-graph/identity';
import {
  migrationsFolder as inventoryMigrations,
  seedInventory,
  startInventory,
} from '@commerce-graph/inventory';
import {
  runMigrations,
  type QueueConnectionConfig,
  type RunningService,
  type StaffRole,
} from '@commerce-graph/kit';
import { migrationsFolder as productsMigrations, startProducts } from '@commerce-graph/products';
import { loadCatalog, type LoadOptions } from './catalog/load.ts';
import type { DemoCatalog } from './demo-catalog.ts';

export interface GraphPorts {
  gateway: number;
  products: number;
  inventory: number;
  cart: number;
  checkout: number;
  /** Unset: a free port. */
  identity?: number;
  adyenSimulator: number;
}

/**
 * Budgets that a load generator or a test suite, every request from 127.0.0.1, never reaches
 * by accident: for benchmarks and tests, never for a deployment.
 */
export const SINGLE_CLIENT_BUDGETS = {
  cost: {
    anonymous: { points: 1_000_000_000, seconds: 60 },
    customer: { points: 1_000_000_000, seconds: 60 },
    partner: { points: 1_000_000_000, seconds: 60 },
  },
  placeOrderPerNetwork: { points: 1_000_000, seconds: 60 },
  paymentDetailsPerNetwork: { points: 1_000_000, seconds: 60 },
};

export interface GraphOptions {
  databaseUrl: string;
  queue: QueueConnectionConfig;
  /** 0 picks a free port (tests). */
  ports: GraphPorts;
  host?: string;
  /** Real Adyen credentials; without them the local simulator is started and used. */
  adyen?: Omit<AdyenConfig, 'simulatorUrl'>;
  /** Adyen's capture (`automatic` by default): with `manual`, staff capture authorised orders. */
  captureMode?: 'automatic' | 'manual';
  /** HTTP Basic credentials Adyen sends with webhooks, when configured in its Customer Area. */
  webhookBasicAuth?: { username: string; password: string };
  /**
   * Staff accounts made (or given this password) before the services start: the demo admin of
   * `pnpm start`, the staff of tests. In production, `pnpm staff:grant` makes the first admin.
   */
  staff?: Array<{ email: string; password: string; role: StaffRole }>;
  /** Shared by the services: subgraphs answer only callers that send it. */
  internalToken?: string;
  /**
   * Identity signs customers' access tokens with it and the gateway verifies them; unset, one is
   * made up for this start (sessions then do not survive a restart).
   */
  accessTokenSecret?: string;
  /** Identity's argon2id costs (default: OWASP's minimum) and attempt limits. */
  identity?: {
    passwordHashing?: PasswordHashing;
    budgets?: Partial<IdentityBudgets>;
    /** Partner webhooks' retries (tests shorten them). */
    webhooks?: Partial<WebhookDeliveryPolicy>;
  };
  /** How long a payment may stay PENDING before its order fails (default 15 minutes). */
  paymentTimeoutMs?: number;
  /** How long an unpaid reservation holds its stock before inventory expires it (default 15 minutes). */
  reservationTtlMs?: number;
  /** Cart: active and merged carts untouched this many days are deleted (default 30). */
  cartTtlDays?: number;
  /** Loaded when the database has no catalog yet. */
  catalog?: DemoCatalog;
  production?: boolean;
  logLevel?: string;
  /** Gateway settings beyond the ones derived here: limits, budgets, CORS, timeouts. */
  gateway?: Omit<
    GatewayConfig,
    | 'port'
    | 'host'
    | 'production'
    | 'logLevel'
    | 'internalToken'
    | 'accessTokenSecret'
    | 'subgraphUrls'
  >;
  /** Sees every SQL statement each subgraph on the product and order path runs (benchmarks). */
  onQuery?: (subgraph: CountedSubgraph, query: string) => void;
}

/** The subgraphs whose statements `onQuery` sees; identity is not on a product page's path. */
export type CountedSubgraph = 'products' | 'inventory' | 'cart' | 'checkout';

export interface RunningGraph {
  gatewayUrl: string;
  services: RunningService[];
  /** The secret access tokens are signed with: the configured one, or the one made up. */
  accessTokenSecret: string;
  simulator?: AdyenSimulator;
  /** Whether this start loaded the demo catalog (false: the database already had one). */
  seeded: boolean;
  close(): Promise<void>;
}

const MIGRATIONS = [
  { subgraph: 'products', folder: productsMigrations },
  { subgraph: 'inventory', folder: inventoryMigrations },
  { subgraph: 'cart', folder: cartMigrations },
  { subgraph: 'checkout', folder: checkoutMigrations },
  { subgraph: 'identity', folder: identityMigrations },
];

/** Migrates every subgraph's schema, in one place, before any service starts. */
export async function migrateAll(databaseUrl: string): Promise<void> {
  for (const m of MIGRATIONS) await runMigrations(databaseUrl, m.subgraph, m.folder);
}

/** Loads the demo catalog and its stock; false when the database already has a catalog. */
export async function seedDemoData(
  databaseUrl: string,
  catalog: DemoCatalog,
  options: LoadOptions = {},
): Promise<boolean> {
  const seeded = await loadCatalog(databaseUrl, catalog, options);
  if (!seeded) return false;
  await seedInventory(databaseUrl, {
    warehouses: catalog.warehouses,
    levels: catalog.products.flatMap((p) =>
      p.variants.flatMap((v) =>
        Object.entries(v.stock).map(([warehouseCode, onHand]) => ({
          variantId: v.id,
          warehouseCode,
          onHand,
        })),
      ),
    ),
  });
  return true;
}

/**
 * Starts the whole graph in this process: every subgraph on its own HTTP port with its
 * workers, the Adyen simulator when there are no Adyen credentials, and the gateway, which
 * reaches the subgraphs over HTTP exactly as it does when they run as separate services.
 */
export async function startGraph(options: GraphOptions): Promise<RunningGraph> {
  const started: Array<{ close(): Promise<void> }> = [];
  const closeAll = async () => {
    for (const service of started.reverse()) await service.close().catch(() => undefined);
  };
  try {
    await migrateAll(options.databaseUrl);
    const seeded = options.catalog
      ? await seedDemoData(options.databaseUrl, options.catalog)
      : false;
    for (const member of options.staff ?? []) {
      await bootstrapStaff({
        databaseUrl: options.databaseUrl,
        ...member,
        resetPassword: true,
        passwordHashing: options.identity?.passwordHashing,
        migrate: false,
      });
    }
    const common = {
      databaseUrl: options.databaseUrl,
      host: options.host,
      production: options.production,
      logLevel: options.logLevel,
      migrate: false,
      internalToken: options.internalToken,
    };

    let simulator: AdyenSimulator | undefined;
    let adyen: AdyenConfig;
    if (options.adyen) {
      adyen = { captureMode: options.captureMode, ...options.adyen };
    } else {
      const simulated = {
        apiKey: `sim_${randomBytes(16).toString('hex')}`,
        hmacKeyHex: randomBytes(32).toString('hex'),
        merchantAccount: 'CommerceGraphDemo',
      };
      simulator = createAdyenSimulator({
        ...simulated,
        // Sign in like Adyen does when Basic auth is configured for the webhook.
        webhookBasicAuth: options.webhookBasicAuth,
        log: () => undefined,
      });
      const simulatorUrl = await simulator.listen(options.ports.adyenSimulator, options.host);
      started.push(simulator);
      adyen = {
        ...simulated,
        environment: 'TEST',
        simulatorUrl,
        clientKey: simulator.clientKey,
        captureMode: options.captureMode,
      };
    }

    const onQuery = (subgraph: CountedSubgraph) =>
      options.onQuery ? (query: string) => options.onQuery?.(subgraph, query) : undefined;
    const products = await startProducts({
      ...common,
      port: options.ports.products,
      queue: options.queue,
      onQuery: onQuery('products'),
    });
    started.push(products);
    // Inventory asks checkout before it expires a reservation; checkout starts after it.
    let checkoutUrl = '';
    const inventory = await startInventory({
      ...common,
      port: options.ports.inventory,
      queue: options.queue,
      checkoutUrl: () => checkoutUrl,
      reservationTtlMs: options.reservationTtlMs,
      onQuery: onQuery('inventory'),
    });
    started.push(inventory);
    const cart = await startCart({
      ...common,
      port: options.ports.cart,
      queue: options.queue,
      productsUrl: products.url,
      inventoryUrl: inventory.url,
      cartTtlDays: options.cartTtlDays,
      onQuery: onQuery('cart'),
    });
    started.push(cart);
    const checkout = await startCheckout({
      ...common,
      port: options.ports.checkout,
      queue: options.queue,
      cartUrl: cart.url,
      inventoryUrl: inventory.url,
      returnUrl: 'http://localhost:3000/checkout/return',
      adyen,
      paymentTimeoutMs: options.paymentTimeoutMs,
      webhookBasicAuth: options.webhookBasicAuth,
      onQuery: onQuery('checkout'),
    });
    started.push(checkout);
    checkoutUrl = checkout.url;
    simulator?.setWebhookUrl(checkout.url.replace(/\/graphql$/, '/webhooks/adyen'));
    const accessTokenSecret = options.accessTokenSecret ?? randomBytes(32).toString('base64url');
    const identity = await startIdentity({
      ...common,
      port: options.ports.identity ?? 0,
      accessTokenSecret,
      queue: options.queue,
      rateLimitStore: {
        redisUrl: options.queue.redisUrl,
        databaseUrl: options.databaseUrl,
        namespace: options.queue.namespace ? `${options.queue.namespace}_identity` : 'identity',
      },
      cartUrl: cart.url,
      checkoutUrl: checkout.url,
      ...options.identity,
    });
    started.push(identity);

    const gateway = await startGateway({
      // Budgets shared by every gateway of the deployment: on Redis when there is one.
      rateLimitStore: {
        redisUrl: options.queue.redisUrl,
        databaseUrl: options.databaseUrl,
        namespace: options.queue.namespace ? `${options.queue.namespace}_gateway` : 'gateway',
      },
      // Shared like the budgets; purges arrive from the subgraphs' writes in this database.
      responseCache: {
        redisUrl: options.queue.redisUrl,
        namespace: `${options.queue.namespace ?? 'gateway'}_response_cache`,
      },
      cachePurgeDatabaseUrl: options.databaseUrl,
      ...options.gateway,
      port: options.ports.gateway,
      host: options.host,
      production: options.production,
      logLevel: options.logLevel,
      internalToken: options.internalToken,
      accessTokenSecret,
      subgraphUrls: {
        products: products.url,
        inventory: inventory.url,
        cart: cart.url,
        checkout: checkout.url,
        identity: identity.url,
      },
    });
    started.push(gateway);

    return {
      gatewayUrl: gateway.url,
      services: [gateway, products, inventory, cart, checkout, identity],
      accessTokenSecret,
      simulator,
      seeded,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
