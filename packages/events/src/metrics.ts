import { count, isNull, min } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { ServiceMetrics } from '@commerce-graph/kit';
import type { OutboxTable } from './outbox.ts';

/**
 * Reports a producer's outbox on each scrape: `outbox_lag_seconds` (age of the oldest
 * unpublished event, 0 when none waits) and `outbox_pending_events`. One statement per scrape,
 * the same filter the relay's poll reads with.
 */
export function observeOutbox(
  metrics: ServiceMetrics,
  db: PostgresJsDatabase<any>,
  table: OutboxTable,
): void {
  let last: { at: number; read: Promise<{ oldest: Date | null; pending: number }> } | undefined;
  // Both gauges are collected on the same scrape: they share one read.
  const read = () => {
    if (!last || Date.now() - last.at > 1_000) {
      const read = db
        .select({ oldest: min(table.occurredAt), pending: count() })
        .from(table)
        .where(isNull(table.publishedAt))
        .then(([row]) => ({ oldest: row?.oldest ?? null, pending: row?.pending ?? 0 }));
      read.catch(() => (last = undefined));
      last = { at: Date.now(), read };
    }
    return last.read;
  };
  metrics.collectedGauge({
    name: 'outbox_lag_seconds',
    help: 'Age of the oldest event recorded in the outbox and not yet published (0: none waits)',
    async collect(gauge) {
      const { oldest } = await read();
      gauge.set(oldest ? Math.max(0, (Date.now() - new Date(oldest).getTime()) / 1000) : 0);
    },
  });
  metrics.collectedGauge({
    name: 'outbox_pending_events',
    help: 'Events recorded in the outbox and not yet published',
    async collect(gauge) {
      gauge.set((await read()).pending);
    },
  });
}
