import ipaddr from 'ipaddr.js';
import type { Actor, Budget, RateLimit, RateLimitStore } from '@commerce-graph/kit';

/**
 * Who is asking, for budgeting: anonymous clients by network, signed-in customers by their id
 * and partners by their API key (wherever they connect from).
 */
export type ClientClass = 'anonymous' | 'customer' | 'partner';

export interface Client {
  class: ClientClass;
  /** The client's budget key: `<class>:<id>`. */
  key: string;
  /** The network the request came from: an IPv4 address, or the /64 of an IPv6 one. */
  network: string;
}

/** What each kind of client may spend, and the stricter limits on payment attempts. */
export interface Budgets {
  /** Query cost points per window, by client class. */
  cost: Record<ClientClass, Budget>;
  /** Charged to the client's cost budget for each refused document: abuse drains the budget. */
  refusalCost: number;
  /** `placeOrder` attempts, per network and per cart (card testing). */
  placeOrderPerNetwork: Budget;
  placeOrderPerCart: Budget;
  /** `submitPaymentDetails` calls, per network and per order. */
  paymentDetailsPerNetwork: Budget;
  paymentDetailsPerOrder: Budget;
}

export const DEFAULT_BUDGETS: Budgets = {
  cost: {
    anonymous: { points: 10_000, seconds: 10 },
    customer: { points: 20_000, seconds: 10 },
    partner: { points: 50_000, seconds: 10 },
  },
  refusalCost: 100,
  placeOrderPerNetwork: { points: 10, seconds: 600 },
  placeOrderPerCart: { points: 5, seconds: 600 },
  paymentDetailsPerNetwork: { points: 20, seconds: 600 },
  paymentDetailsPerOrder: { points: 10, seconds: 600 },
};

/**
 * The network an address belongs to: IPv4 as is, IPv6 by its /64 (one subscriber usually gets
 * a whole /64, so budgeting single IPv6 addresses would be no budget at all).
 */
export function networkOf(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address)) return 'unknown';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${parts.join(':')}::/64`;
}

/** The client a request comes from, for its budget: the customer or API key, else the network. */
export function identifyClient(address: string | undefined, actor?: Actor): Client {
  const network = networkOf(address);
  if (actor?.kind === 'customer') {
    return { class: 'customer', key: `customer:${actor.customerId}`, network };
  }
  if (actor?.kind === 'partner') {
    return { class: 'partner', key: `partner:${actor.keyId}`, network };
  }
  return { class: 'anonymous', key: `anonymous:${network}`, network };
}

/** `Budgets` as a configuration gives them: per class and per limit, the rest are defaults. */
export type BudgetSettings = Partial<Omit<Budgets, 'cost'>> & { cost?: Partial<Budgets['cost']> };

export function budgetsFrom(settings: BudgetSettings = {}): Budgets {
  return {
    ...DEFAULT_BUDGETS,
    ...settings,
    cost: { ...DEFAULT_BUDGETS.cost, ...settings.cost },
  };
}

/** The limiters behind `Budgets`, created once per gateway on the shared store. */
export interface Limiters {
  cost: Record<ClientClass, RateLimit>;
  placeOrderPerNetwork: RateLimit;
  placeOrderPerCart: RateLimit;
  paymentDetailsPerNetwork: RateLimit;
  paymentDetailsPerOrder: RateLimit;
}

export async function createLimiters(store: RateLimitStore, budgets: Budgets): Promise<Limiters> {
  return {
    cost: {
      anonymous: await store.create('cost:anonymous', budgets.cost.anonymous),
      customer: await store.create('cost:customer', budgets.cost.customer),
      partner: await store.create('cost:partner', budgets.cost.partner),
    },
    placeOrderPerNetwork: await store.create('place-order:network', budgets.placeOrderPerNetwork),
    placeOrderPerCart: await store.create('place-order:cart', budgets.placeOrderPerCart),
    paymentDetailsPerNetwork: await store.create(
      'payment-details:network',
      budgets.paymentDetailsPerNetwork,
    ),
    paymentDetailsPerOrder: await store.create(
      'payment-details:order',
      budgets.paymentDetailsPerOrder,
    ),
  };
}

/** Charges a refused request to the client's cost budget; a flood of bad documents runs it dry. */
export async function chargeRefusal(
  limiters: Limiters,
  budgets: Budgets,
  client: Client,
): Promise<void> {
  if (budgets.refusalCost > 0) {
    await limiters.cost[client.class].consume(client.key, budgets.refusalCost);
  }
}
