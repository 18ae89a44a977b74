import { Redis } from 'ioredis';
import pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export type RateLimitStoreKind = 'redis' | 'postgres' | 'memory';

export interface RateLimitStoreConfig {
  /** When set, budgets live in Redis (shared by every process that uses the same Redis). */
  redisUrl?: string;
  /** Otherwise in this PostgreSQL database; with neither, in this process's memory. */
  databaseUrl?: string;
  /** Redis key prefix, or the PostgreSQL schema of the `rate_limits` table; tests use a unique one. */
  namespace?: string;
}

/** `points` to spend per window of `seconds`; the window starts with a key's first spend. */
export interface Budget {
  points: number;
  seconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Points left in the current window. */
  remaining: number;
  /** Until the window ends and the budget is full again. */
  msBeforeReset: number;
}

/** One budget, kept per key (a client, an IP, a cart). */
export interface RateLimit {
  readonly budget: Budget;
  /**
   * Spends `points` (at least 1) of `key`'s budget; refused when too few are left. A refused
   * spend still counts, so hammering on an empty budget does not refill it any sooner.
   */
  consume(key: string, points: number): Promise<RateDecision>;
  /**
   * How long `key` is still known, in this process, to have an empty budget (0: not known).
   * Costs no store round trip, so it can turn a flood away before any work is done.
   */
  blockedFor(key: string): number;
}

export interface RateLimitStore {
  readonly kind: RateLimitStoreKind;
  create(name: string, budget: Budget): Promise<RateLimit>;
  close(): Promise<void>;
}

/** Keys whose budget was found empty, with when their window ends; bounded, oldest dropped. */
class EmptyBudgets {
  private readonly until = new Map<string, number>();
  constructor(private readonly max = 10_000) {}

  mark(key: string, msBeforeReset: number): void {
    this.until.delete(key);
    this.until.set(key, Date.now() + msBeforeReset);
    if (this.until.size > this.max) this.until.delete(this.until.keys().next().value!);
  }

  msLeft(key: string): number {
    const until = this.until.get(key);
    if (until === undefined) return 0;
    const left = until - Date.now();
    if (left <= 0) this.until.delete(key);
    return Math.max(left, 0);
  }
}

function wrap(limiter: RateLimiterAbstract, budget: Budget): RateLimit {
  const empty = new EmptyBudgets();
  return {
    budget,
    async consume(key, points) {
      try {
        const res = await limiter.consume(key, Math.max(1, Math.ceil(points)));
        return { allowed: true, remaining: res.remainingPoints, msBeforeReset: res.msBeforeNext };
      } catch (rejection) {
        // The library rejects with its result object when the budget is spent, and with an
        // Error when the store failed (and the in-memory insurance too).
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        empty.mark(key, rejection.msBeforeNext);
        return { allowed: false, remaining: 0, msBeforeReset: rejection.msBeforeNext };
      }
    },
    blockedFor: (key) => empty.msLeft(key),
  };
}

/**
 * Budgets on rate-limiter-flexible, on the store the deployment has: Redis when `redisUrl` is
 * set, otherwise PostgreSQL (a `rate_limits` table in the `namespace` schema, created on first
 * use like BullMQ's), otherwise memory. Store limiters fall back to an in-memory limiter of the
 * same budget while their store is unreachable, so an outage loosens the limit per process
 * instead of failing every request.
 */
export async function createRateLimitStore(config: RateLimitStoreConfig): Promise<RateLimitStore> {
  const namespace = config.namespace ?? 'rate_limits';
  const options = (name: string, budget: Budget): IRateLimiterOptions => ({
    keyPrefix: name,
    points: budget.points,
    duration: budget.seconds,
    insuranceLimiter: new RateLimiterMemory({
      keyPrefix: name,
      points: budget.points,
      duration: budget.seconds,
    }),
  });

  if (config.redisUrl) {
    // No offline queue: while Redis is away, calls fail fast and the insurance limiter answers.
    const redis = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    await redis.connect();
    return {
      kind: 'redis',
      create: async (name, budget) =>
        wrap(
          new RateLimiterRedis({
            ...options(`${namespace}:${name}`, budget),
            storeClient: redis,
          }),
          budget,
        ),
      close: async () => {
        // Right after an outage quit() can reject ("Stream isn't writeable"): drop the socket.
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  }

  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });
    try {
      await pool.query(`create schema if not exists "${namespace}"`);
    } catch (error) {
      // Two processes creating the schema at once: the loser sees a unique violation.
      if ((error as { code?: string }).code !== '23505') {
        await pool.end();
        throw error;
      }
    }
    return {
      kind: 'postgres',
      create: (name, budget) =>
        new Promise<RateLimit>((resolve, reject) => {
          const limiter = new RateLimiterPostgres(
            {
              ...options(name, budget),
              storeClient: pool,
              storeType: 'pool',
              schemaName: namespace,
              tableName: 'rate_limits',
              clearExpiredByTimeout: true,
            },
            (error?: Error) => (error ? reject(error) : resolve(wrap(limiter, budget))),
          );
        }),
      close: () => pool.end(),
    };
  }

  return {
    kind: 'memory',
    create: async (name, budget) => {
      const { insuranceLimiter: _unused, ...memory } = options(name, budget);
      return wrap(new RateLimiterMemory(memory), budget);
    },
    close: async () => undefined,
  };
}
