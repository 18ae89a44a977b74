/** `placeOrder`'s idempotency keys: claim a key before anything is held, replay what it placed. */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CheckoutDb } from '../db/client.ts';
import { idempotencyKeys, orders } from '../db/schema.ts';
import type { Tx } from './payment.service.ts';

/** What a request with an idempotency key may do. */
export type KeyClaim =
  /** The key is this request's: place the order under `orderId`. */
  | { kind: 'claimed'; orderId: string }
  /** The key placed `orderId` already: answer that order. */
  | { kind: 'replay'; orderId: string; action: unknown }
  /** The key was used for another cart. */
  | { kind: 'reused' }
  /** Another request with the key is still at work after the wait: try again later. */
  | { kind: 'busy' };

/** Who and what a key belongs to. */
export interface KeyRef {
  scope: string;
  key: string;
}

export interface IdempotencyTiming {
  /** How long a request waits for another one holding its key (default 15 s). */
  waitMs?: number;
  /** The pause between two looks at a held key (default 50 ms). */
  pollMs?: number;
  /**
   * A claim without an order this long is taken over (its process died; default 2 minutes,
   * well past any attempt's upstream time-outs). Its stock reservation expires in inventory.
   */
  staleMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The claim on a key is a row inserted before the cart is read: the primary key (scope, key)
 * lets exactly one of racing requests in; the others wait until its answer is complete and
 * replay it, or until it gave the key back (refused), then claim it themselves.
 */
export class IdempotencyKeys {
  private readonly waitMs: number;
  private readonly pollMs: number;
  private readonly staleMs: number;

  constructor(
    private readonly db: CheckoutDb,
    timing: IdempotencyTiming = {},
  ) {
    this.waitMs = timing.waitMs ?? 15_000;
    this.pollMs = timing.pollMs ?? 50;
    this.staleMs = timing.staleMs ?? 120_000;
  }

  /** Claims `ref` for an order of `cartId`, or says what the key already did. */
  async claim(ref: KeyRef, cartId: string): Promise<KeyClaim> {
    const { db } = this;
    const deadline = Date.now() + this.waitMs;
    const where = and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key));
    for (;;) {
      const orderId = randomUUID();
      const [claimed] = await db
        .insert(idempotencyKeys)
        .values({ ...ref, cartId, orderId })
        .onConflictDoNothing()
        .returning({ orderId: idempotencyKeys.orderId });
      if (claimed) return { kind: 'claimed', orderId: claimed.orderId };
      const [held] = await db.select().from(idempotencyKeys).where(where);
      if (!held) continue; // given back between the insert and the read: claim it again
      if (held.cartId !== cartId) return { kind: 'reused' };
      if (held.completedAt) return { kind: 'replay', orderId: held.orderId, action: held.action };
      const written = await this.orderExists(held.orderId);
      // Taken over only while no order exists and the claim is old: an order being written
      // refreshes `claimed_at` under the row's lock (see `confirm`), so both cannot happen.
      if (!written) {
        const [taken] = await db
          .update(idempotencyKeys)
          .set({ orderId, claimedAt: sql`now()` })
          .where(
            and(
              where,
              eq(idempotencyKeys.orderId, held.orderId),
              isNull(idempotencyKeys.completedAt),
              sql`${idempotencyKeys.claimedAt} < now() - make_interval(secs => ${this.staleMs / 1000})`,
            ),
          )
          .returning({ orderId: idempotencyKeys.orderId });
        if (taken) return { kind: 'claimed', orderId: taken.orderId };
      }
      if (Date.now() >= deadline) {
        // The order exists but its first answer is still being made (a slow payment step):
        // answer it as it stands.
        return written ? { kind: 'replay', orderId: held.orderId, action: null } : { kind: 'busy' };
      }
      await sleep(this.pollMs);
    }
  }

  /**
   * Inside the transaction that writes the order: locks the claim and checks it still names
   * `orderId` (refreshing it, so no takeover can happen from here on). False: the claim was
   * taken over, the order must not be written.
   */
  async confirm(tx: Tx, ref: KeyRef, orderId: string): Promise<boolean> {
    const [row] = await tx
      .update(idempotencyKeys)
      .set({ claimedAt: sql`now()` })
      .where(
        and(
          eq(idempotencyKeys.scope, ref.scope),
          eq(idempotencyKeys.key, ref.key),
          eq(idempotencyKeys.orderId, orderId),
        ),
      )
      .returning({ orderId: idempotencyKeys.orderId });
    return row !== undefined;
  }

  /** The first answer is complete: later requests with the key replay it. */
  async complete(ref: KeyRef, orderId: string, action: unknown): Promise<void> {
    await this.db
      .update(idempotencyKeys)
      .set({ completedAt: sql`now()`, action: action ?? null })
      .where(
        and(
          eq(idempotencyKeys.scope, ref.scope),
          eq(idempotencyKeys.key, ref.key),
          eq(idempotencyKeys.orderId, orderId),
        ),
      );
  }

  /**
   * A refused attempt gives its key back: nothing is kept. Never once its order exists (an
   * attempt that failed after writing it): then the claim is completed, for replays.
   */
  async release(ref: KeyRef, orderId: string): Promise<void> {
    const deleted = await this.db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.scope, ref.scope),
          eq(idempotencyKeys.key, ref.key),
          eq(idempotencyKeys.orderId, orderId),
          sql`not exists (select 1 from ${orders} where ${orders.id} = ${orderId})`,
        ),
      )
      .returning({ orderId: idempotencyKeys.orderId });
    if (deleted.length === 0) await this.complete(ref, orderId, null);
  }

  private async orderExists(orderId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.id, orderId));
    return row !== undefined;
  }
}
