import { createHash } from 'node:crypto';
import type { Budget, RateLimit, RateLimitStore } from '@commerce-graph/kit';
import { refuse } from './refusals.ts';

/** How many attempts identity accepts, per account and per network, in a window. */
export interface IdentityBudgets {
  /** Sign-in attempts (login, and changePassword's current password) per normalised email. */
  loginPerAccount: Budget;
  /** Sign-in attempts per client network (IPv4 address or IPv6 /64), when the gateway names it. */
  loginPerNetwork: Budget;
  /** New accounts per client network. */
  registerPerNetwork: Budget;
  /** Reset and verification mails per email address. */
  mailPerAccount: Budget;
  /** Reset mails asked for per client network. */
  mailPerNetwork: Budget;
}

export const DEFAULT_BUDGETS: IdentityBudgets = {
  loginPerAccount: { points: 10, seconds: 15 * 60 },
  loginPerNetwork: { points: 50, seconds: 15 * 60 },
  registerPerNetwork: { points: 20, seconds: 60 * 60 },
  mailPerAccount: { points: 5, seconds: 60 * 60 },
  mailPerNetwork: { points: 20, seconds: 60 * 60 },
};

type Limits = Record<keyof IdentityBudgets, RateLimit>;
type Throttled = ReturnType<typeof refuse.tooManyAttempts>;

/**
 * The attempt limits, on the kit's shared store (Redis, else PostgreSQL): every identity process
 * spends from the same budgets. Each check spends before any password is hashed.
 */
export class AttemptLimits {
  private constructor(private readonly limits: Limits) {}

  static async create(
    store: RateLimitStore,
    budgets: Partial<IdentityBudgets> = {},
  ): Promise<AttemptLimits> {
    const all = { ...DEFAULT_BUDGETS, ...budgets };
    const limits: Partial<Limits> = {};
    // One after the other: on PostgreSQL each creates the shared table if it is missing, and
    // concurrent `create table if not exists` statements collide.
    for (const name of Object.keys(all) as Array<keyof IdentityBudgets>) {
      limits[name] = await store.create(name, all[name]);
    }
    return new AttemptLimits(limits as Limits);
  }

  /** A sign-in attempt; the network first, so a flood from one network spares the account's. */
  signIn(network: string | undefined, accountKey: string | null): Promise<Throttled | null> {
    return this.spend([
      ['loginPerNetwork', network],
      ['loginPerAccount', accountKey],
    ]);
  }

  register(network: string | undefined): Promise<Throttled | null> {
    return this.spend([['registerPerNetwork', network]]);
  }

  mail(network: string | undefined, accountKey: string): Promise<Throttled | null> {
    return this.spend([
      ['mailPerNetwork', network],
      ['mailPerAccount', accountKey],
    ]);
  }

  private async spend(
    checks: Array<[keyof IdentityBudgets, string | null | undefined]>,
  ): Promise<Throttled | null> {
    for (const [name, key] of checks) {
      if (!key) continue;
      const decision = await this.limits[name].consume(key, 1);
      if (!decision.allowed) return refuse.tooManyAttempts(decision.msBeforeReset);
    }
    return null;
  }
}

/**
 * The key of an account's budgets: a digest of its folded email, so case does not split a budget
 * and the store of counters holds no address.
 */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.toLowerCase()).digest('base64url');
}
