import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  safeEqual,
  type JobQueue,
  type Logger,
  type RawRequest,
  type Route,
  type RouteResponse,
} from '@commerce-graph/kit';
import type { PaymentProvider } from './adyen.ts';
import type { CheckoutDb } from './db/client.ts';
import { adyenNotifications } from './db/schema.ts';

/** The queue that carries stored notifications to the worker: the job data is the row id. */
export const NOTIFICATION_QUEUE = 'checkout-adyen-notifications';
export interface NotificationJob {
  notificationId: string;
}

const item = z.object({
  pspReference: z.string().min(1).max(64),
  originalReference: z.string().max(64).optional(),
  merchantAccountCode: z.string().min(1).max(255),
  merchantReference: z.string().max(255),
  eventCode: z.string().min(1).max(64),
  eventDate: z.string().max(64).optional(),
  success: z.enum(['true', 'false']),
  reason: z.string().max(10_000).optional(),
  amount: z.object({ value: z.number().int(), currency: z.string().length(3) }),
  additionalData: z.record(z.string(), z.unknown()).optional(),
});
const notification = z.object({
  live: z.enum(['true', 'false']),
  notificationItems: z
    .array(z.object({ NotificationRequestItem: item.loose() }))
    .min(1)
    .max(1_000),
});

const text = (status: number, body: string): RouteResponse => ({
  status,
  body,
  contentType: 'text/plain; charset=utf-8',
});

/**
 * `POST /webhooks/adyen`: checks Basic auth (when configured) and every item's HMAC signature,
 * stores the items (a redelivery is recognised, not stored twice), queues them for the worker
 * and answers `[accepted]`. Nothing is applied to orders here: Adyen wants an answer within
 * 10 seconds, and a slow database must not make it retry.
 */
export function createAdyenWebhookRoute(deps: {
  db: CheckoutDb;
  provider: PaymentProvider;
  queue: JobQueue<NotificationJob>;
  logger: Logger;
  basicAuth?: { username: string; password: string };
  merchantAccount: string;
  /** Whether this is the LIVE environment: notifications of the other one are not ours. */
  live: boolean;
}): Route {
  return {
    method: 'POST',
    path: '/webhooks/adyen',
    async handle(request: RawRequest) {
      if (deps.basicAuth && !hasBasicAuth(request, deps.basicAuth)) {
        return {
          ...text(401, 'Unauthorized'),
          headers: { 'www-authenticate': 'Basic realm="adyen"' },
        };
      }
      let body: unknown;
      try {
        body = JSON.parse(request.body.toString('utf8'));
      } catch {
        return text(400, 'Body is not JSON');
      }
      const parsed = notification.safeParse(body);
      if (!parsed.success) {
        return text(
          400,
          `Not an Adyen notification: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
      }
      const all = parsed.data.notificationItems.map((i) => i.NotificationRequestItem);
      // Verify every item before storing any: one forged item rejects the whole delivery.
      for (const entry of all) {
        if (!deps.provider.verifyNotification(entry)) {
          deps.logger.warn({ pspReference: entry.pspReference }, 'webhook HMAC signature invalid');
          return text(401, 'Invalid HMAC signature');
        }
      }
      // Genuine, but not ours to apply: a test notification on the live endpoint (or the other
      // way round), an item of another merchant account on a shared endpoint. Answering an
      // error would make Adyen retry it for days; it is acknowledged, logged and dropped.
      if ((parsed.data.live === 'true') !== deps.live) {
        deps.logger.warn(
          { live: parsed.data.live, items: all.length },
          'notification of the other Adyen environment ignored',
        );
        return text(200, '[accepted]');
      }
      const items = all.filter((entry) => {
        if (entry.merchantAccountCode === deps.merchantAccount) return true;
        deps.logger.warn(
          { pspReference: entry.pspReference, merchantAccount: entry.merchantAccountCode },
          'notification of another merchant account ignored',
        );
        return false;
      });
      if (items.length === 0) return text(200, '[accepted]');

      const deliveries = items.map((entry) => ({
        pspReference: entry.pspReference,
        originalReference: entry.originalReference || null,
        merchantReference: entry.merchantReference,
        eventCode: entry.eventCode,
        success: entry.success === 'true',
        amountValue: entry.amount.value,
        amountCurrency: entry.amount.currency,
        reason: entry.reason || null,
        eventDate: entry.eventDate ?? null,
        item: entry,
      }));
      // One statement cannot upsert the same key twice: keep one copy of a repeated item.
      const rows = [
        ...new Map(
          deliveries.map((row) => [
            `${row.pspReference}|${row.eventCode}|${row.success}|${row.amountValue}|${row.amountCurrency}`,
            row,
          ]),
        ).values(),
      ];
      // A redelivery hits the unique key; the no-op update makes it return its row too, so every
      // delivery that is not processed yet gets queued, new or redelivered (if an earlier attempt
      // stored it but failed to queue it, this is where it gets queued).
      const stored = await deps.db
        .insert(adyenNotifications)
        .values(rows)
        .onConflictDoUpdate({
          target: [
            adyenNotifications.pspReference,
            adyenNotifications.eventCode,
            adyenNotifications.success,
            adyenNotifications.amountValue,
            adyenNotifications.amountCurrency,
          ],
          set: { pspReference: sql`excluded.psp_reference` },
        })
        .returning({ id: adyenNotifications.id, processedAt: adyenNotifications.processedAt });
      const pending = stored.filter((row) => row.processedAt === null);
      await Promise.all(
        pending.map(({ id }) =>
          deps.queue.add('adyen-notification', { notificationId: id }, { jobId: id }),
        ),
      );
      return text(200, '[accepted]');
    },
  };
}

function hasBasicAuth(
  request: RawRequest,
  expected: { username: string; password: string },
): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  return safeEqual(
    Buffer.from(header.slice('Basic '.length), 'base64'),
    `${expected.username}:${expected.password}`,
  );
}
