import type { Logger, Sql } from '@commerce-graph/kit';
import { STOCK_CHANNEL, type StockNotice } from './availability.ts';

/** How long a marker is trusted without news: the safety net should a notice be missed. */
export const SOLD_OUT_MARKER_TTL_MS = 2_000;

/**
 * Which variants this process believes sold out, so `reserveStock` can refuse them without a
 * write transaction or a wait on their row locks. Markers come from `STOCK_CHANNEL` notices (every
 * replica hears the transaction that sold the last unit, and the one that brought units back) and
 * from reservations refused under the lock; each lapses after `ttlMs`. A marker only ever refuses:
 * "available" is always re-checked under the lock.
 */
export class SoldOutMarkers {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly ttlMs = SOLD_OUT_MARKER_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  isSoldOut(variantId: string): boolean {
    const until = this.until.get(variantId);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.until.delete(variantId);
    return false;
  }

  markSoldOut(variantId: string): void {
    this.until.set(variantId, this.now() + this.ttlMs);
  }

  clear(variantId: string): void {
    this.until.delete(variantId);
  }

  /** Applies one `STOCK_CHANNEL` notice. */
  apply(notice: StockNotice): void {
    for (const id of notice.soldOut) this.markSoldOut(id);
    for (const id of notice.inStock) this.clear(id);
  }

  /**
   * Follows `STOCK_CHANNEL` on a dedicated connection (postgres.js reconnects it). Until it
   * listens, and whenever it reconnects, markers may be stale for at most `ttlMs`.
   */
  async listen(sql: Sql, logger: Logger): Promise<{ unlisten(): Promise<void> }> {
    const subscription = await sql.listen(
      STOCK_CHANNEL,
      (payload) => {
        try {
          const notice = JSON.parse(payload) as StockNotice;
          this.apply({ soldOut: notice.soldOut ?? [], inStock: notice.inStock ?? [] });
        } catch (error) {
          logger.warn({ err: error }, 'ignored a malformed stock notice');
        }
      },
      // Missed notices while disconnected: forget everything rather than trust stale markers.
      () => this.until.clear(),
    );
    return { unlisten: () => subscription.unlisten() };
  }
}
