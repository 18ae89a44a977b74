/** Order numbers (`CG-100001`) and the read-only lookup of an order by number and email. */
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import {
  parseInput,
  safeEqual,
  userInput,
  type Actor,
  type Budget,
  type RateLimit,
  type RateLimitStore,
} from '@commerce-graph/kit';
import type { OrderRow } from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';

/** What comes before the digits of every order number. */
export const ORDER_NUMBER_PREFIX = 'CG-';

/**
 * `CG-` (any case) and 6 to 18 digits without a leading zero: numbers start at 100001, and 18
 * digits always fit PostgreSQL's bigint (at most 9223372036854775807), so a number that passes
 * cannot overflow in SQL.
 */
const ORDER_NUMBER = /^CG-[1-9][0-9]{5,17}$/i;

/** Lookups per client network per window, found or not (`orderByNumber`). */
export const DEFAULT_ORDER_LOOKUP_BUDGET: Budget = { points: 10, seconds: 15 * 60 };

/**
 * The budget key of a request without an asserted network (a call straight to the subgraph,
 * not through the gateway): such callers share one budget, as the gateway's `unknown` does.
 */
const UNKNOWN_NETWORK = 'unknown';

/** The order number as shoppers see it: `CG-` and the digits. */
export function formatOrderNumber(number: bigint): string {
  return `${ORDER_NUMBER_PREFIX}${number}`;
}

const lookupInput = z.object({
  number: z
    .string()
    .trim()
    .regex(ORDER_NUMBER)
    .transform((value) => BigInt(value.slice(ORDER_NUMBER_PREFIX.length))),
  // The form placeOrder stored: trimmed, NFC, lower-case domain.
  email: userInput.email(),
});

/**
 * An email folded to one letter case, as a fixed-length digest for a comparison in constant
 * time. Trimmed and NFC-normalised on both sides too, in case an older row was stored unfolded.
 */
const foldedDigest = (email: string) =>
  createHash('sha256').update(email.trim().normalize('NFC').toLowerCase()).digest();

/** Past the budget: a GraphQL error, as the gateway's own limits answer (code and retry time). */
function lookupsThrottled(msBeforeReset: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeReset / 1000));
  return new GraphQLError(
    `Too many order lookups from this network; retry in ${retryAfterSeconds} s`,
    { extensions: { code: 'THROTTLED', retryAfterSeconds } },
  );
}

/**
 * Finds an order by its number and email, for shoppers who have the confirmation but not the
 * access key. Read-only: what it answers is what `order(id, accessKey)` shows the owner, and
 * paying still needs the access key (or the signed-in owner).
 */
export class OrderLookupService {
  private constructor(private readonly perNetwork: RateLimit) {}

  /** The lookup with its per-network budget on the shared store (Redis, else PostgreSQL). */
  static async create(
    store: RateLimitStore,
    budget: Budget = DEFAULT_ORDER_LOOKUP_BUDGET,
  ): Promise<OrderLookupService> {
    return new OrderLookupService(await store.create('order-lookup:network', budget));
  }

  /**
   * The order whose number is `number` and whose stored email equals `email` in any letter case;
   * null otherwise, the same null whether the number is malformed or unknown, the email another
   * or erased. Every call spends from the caller network's budget before anything is checked or
   * read: spending only on a miss would let parallel guesses all pass the check first. Over the
   * budget it throws `THROTTLED`, whatever the arguments.
   */
  async findOrderByNumber(
    loaders: Loaders,
    actor: Actor,
    number: string,
    email: string,
  ): Promise<OrderRow | null> {
    const network = actor.network ?? UNKNOWN_NETWORK;
    // Known empty in this process: turned away without a store round trip.
    const blockedMs = this.perNetwork.blockedFor(network);
    if (blockedMs > 0) throw lookupsThrottled(blockedMs);
    const decision = await this.perNetwork.consume(network, 1);
    if (!decision.allowed) throw lookupsThrottled(decision.msBeforeReset);

    const parsed = parseInput(lookupInput, { number, email }, () => null);
    if (!parsed.ok) return null;
    const order = await loaders.orderByNumber.load(parsed.value.number);
    if (!order?.email) return null;
    return safeEqual(foldedDigest(parsed.value.email), foldedDigest(order.email)) ? order : null;
  }
}
