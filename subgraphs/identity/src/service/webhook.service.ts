import { lookup, type LookupAddress } from 'node:dns';
import { and, desc, eq, sql } from 'drizzle-orm';
import ipaddr from 'ipaddr.js';
import { Agent, fetch } from 'undici';
import {
  forbidden,
  isUuid,
  newWebhookSecret,
  signWebhook,
  type Actor,
  type JobQueue,
  type Logger,
  type QueueFactory,
} from '@commerce-graph/kit';
import type {
  CreateWebhookSubscriptionInput,
  WebhookDeliveryStatus as WebhookDeliveryStatusEnum,
  WebhookEvent,
} from '../__generated__/resolvers-types.ts';
import type { IdentityDb } from '../db/client.ts';
import {
  apiKeys,
  webhookDeliveries,
  webhookSubscriptions,
  type ApiKeyScopeName,
  type WebhookDeliveryRow,
  type WebhookEventType,
  type WebhookSubscriptionRow,
} from '../db/schema.ts';

/** How deliveries are retried: `attempts` in all, the n-th retry `backoffMs * 2^(n-1)` later. */
export interface WebhookDeliveryPolicy {
  attempts: number;
  backoffMs: number;
  /** How long one attempt waits for the receiver's answer. */
  timeoutMs: number;
}

/** 10 attempts over about 4 hours (30 s, 1 min, 2 min, ... 2 h 8 min). */
export const DEFAULT_WEBHOOK_POLICY: WebhookDeliveryPolicy = {
  attempts: 10,
  backoffMs: 30_000,
  timeoutMs: 10_000,
};

/** What an attempt reads of its BullMQ job. */
interface DeliveryJob {
  data: { deliveryId: string };
  attemptsMade: number;
  opts: { attempts?: number };
}

/** The BullMQ queue of delivery attempts, one job per delivery (job id = delivery id). */
export const WEBHOOK_QUEUE = 'webhook-deliveries';

/** The SDL's names of the events, and the names receivers see. */
const EVENT_NAMES: Record<WebhookEvent, WebhookEventType> = {
  ORDER_PLACED: 'order.placed',
  ORDER_PAID: 'order.paid',
  ORDER_REFUNDED: 'order.refunded',
  PRODUCT_UPDATED: 'product.updated',
};
const EVENT_ENUMS = Object.fromEntries(
  Object.entries(EVENT_NAMES).map(([value, name]) => [name, value]),
) as Record<WebhookEventType, WebhookEvent>;

/** What a key must also hold to receive an event: what it could read through the API. */
const SCOPE_FOR_EVENT: Record<WebhookEventType, ApiKeyScopeName> = {
  'order.placed': 'orders:read',
  'order.paid': 'orders:read',
  'order.refunded': 'orders:read',
  'product.updated': 'catalog:read',
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const RESPONSE_LIMIT = 1_000;

export interface WebhookSubscriptionView {
  id: string;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: string;
}

export interface WebhookDeliveryView {
  id: string;
  subscriptionId: string;
  event: WebhookEvent;
  eventId: string;
  payload: unknown;
  status: WebhookDeliveryStatusEnum;
  attempts: number;
  lastStatus: number | null;
  lastResponse: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CreateWebhookSubscriptionView =
  | {
      __typename: 'WebhookSubscriptionCreated';
      subscription: WebhookSubscriptionView;
      secret: string;
    }
  | { __typename: 'InvalidWebhookUrl'; code: 'INVALID_WEBHOOK_URL'; message: string }
  | { __typename: 'InvalidWebhookEvents'; code: 'INVALID_WEBHOOK_EVENTS'; message: string };

const subscriptionView = (row: WebhookSubscriptionRow): WebhookSubscriptionView => ({
  id: row.id,
  url: row.url,
  events: row.events.map((name) => EVENT_ENUMS[name]),
  active: row.active,
  createdAt: row.createdAt.toISOString(),
});

const deliveryView = (row: WebhookDeliveryRow): WebhookDeliveryView => ({
  id: row.id,
  subscriptionId: row.subscriptionId,
  event: EVENT_ENUMS[row.eventType],
  eventId: row.eventId,
  payload: row.payload,
  status: row.status,
  attempts: row.attempts,
  lastStatus: row.lastStatus,
  lastResponse: row.lastResponse,
  lastError: row.lastError,
  nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The key id of a partner holding `webhooks:manage`; FORBIDDEN to anyone else. */
function partnerKeyOf(actor: Actor): string {
  if (actor.kind !== 'partner' || !actor.scopes.includes('webhooks:manage')) {
    throw forbidden('This operation needs a partner API key with the webhooks:manage scope');
  }
  return actor.keyId;
}

/** Why a receiver URL is refused, or null when it is acceptable. */
export function webhookUrlProblem(url: string, production: boolean): string | null {
  if (url.length > 2_000) return 'url: at most 2,000 characters';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url: not an absolute URL';
  }
  if (parsed.username || parsed.password) return 'url: must not carry credentials';
  const literal = parsed.hostname.replace(/^\[|\]$/g, '');
  if (production && ipaddr.isValid(literal) && !isPublicAddress(literal)) {
    return 'url: must reach a public address, not a private or local one';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && !production && LOCAL_HOSTS.has(parsed.hostname)) return null;
  return production
    ? 'url: must be https'
    : 'url: must be https (http only to localhost outside production)';
}

/** Whether an address is on the public internet: not loopback, private, link-local, ... */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
  return ipaddr.process(address).range() === 'unicast';
}

/**
 * Connects only to public addresses, whatever a receiver's name resolves to when a delivery is
 * sent (checked on the resolved addresses, so DNS cannot point a partner's URL at the private
 * network after the subscription was accepted: SSRF).
 */
export function publicOnlyAgent(): Agent {
  return new Agent({
    connect: {
      lookup(hostname, options, callback) {
        lookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
          if (error) return callback(error, '', 0);
          const refused = found.find((entry) => !isPublicAddress(entry.address));
          if (refused || found.length === 0) {
            const problem = new Error(`${hostname} resolves to a non-public address`);
            return callback(problem as NodeJS.ErrnoException, '', 0);
          }
          if ((options as { all?: boolean }).all) {
            return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found);
          }
          callback(null, found[0]!.address, found[0]!.family);
        });
      },
    },
  });
}

/**
 * Partner webhooks: a key with `webhooks:manage` subscribes URLs to events; each domain event
 * becomes one delivery per matching subscription (unique on event and subscription), posted by
 * a BullMQ job signed by the Standard Webhooks scheme, retried with exponential backoff, then
 * FAILED until the partner replays it.
 */
export class WebhookService {
  private readonly queue: JobQueue<{ deliveryId: string }>;
  private readonly policy: WebhookDeliveryPolicy;
  /** In production, deliveries reach public addresses only; tests post to 127.0.0.1. */
  private readonly agent: Agent;

  constructor(
    private readonly deps: {
      db: IdentityDb;
      queues: QueueFactory;
      logger: Logger;
      production: boolean;
      policy?: Partial<WebhookDeliveryPolicy>;
    },
  ) {
    this.policy = { ...DEFAULT_WEBHOOK_POLICY, ...deps.policy };
    this.agent = deps.production ? publicOnlyAgent() : new Agent();
    this.queue = deps.queues.createQueue<{ deliveryId: string }>(WEBHOOK_QUEUE, {
      attempts: this.policy.attempts,
      backoff: { type: 'exponential', delay: this.policy.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
    });
  }

  /** Drops the connections to receivers (after the delivery worker is closed). */
  close(): Promise<void> {
    return this.agent.close();
  }

  /** The worker that posts deliveries; closed with the queue factory. */
  createDeliveryWorker() {
    const worker = this.deps.queues.createWorker<{ deliveryId: string }>(
      WEBHOOK_QUEUE,
      (job) => this.attemptDelivery(job),
      { concurrency: 8 },
    );
    worker.on('error', (error) => this.deps.logger.error({ err: error }, 'webhook worker error'));
    return worker;
  }

  /** Partner: subscribes a receiver URL to events; the answer holds the only copy of the secret. */
  async createSubscription(
    actor: Actor,
    input: CreateWebhookSubscriptionInput,
  ): Promise<CreateWebhookSubscriptionView> {
    const keyId = partnerKeyOf(actor);
    const url = input.url.trim();
    const problem = webhookUrlProblem(url, this.deps.production);
    if (problem)
      return { __typename: 'InvalidWebhookUrl', code: 'INVALID_WEBHOOK_URL', message: problem };
    const events = [...new Set(input.events.map((event) => EVENT_NAMES[event]))];
    if (events.length === 0) {
      return {
        __typename: 'InvalidWebhookEvents',
        code: 'INVALID_WEBHOOK_EVENTS',
        message: 'events: give at least one event',
      };
    }
    const scopes = actor.kind === 'partner' ? actor.scopes : [];
    const unreadable = events.filter((event) => !scopes.includes(SCOPE_FOR_EVENT[event]));
    if (unreadable.length > 0) {
      return {
        __typename: 'InvalidWebhookEvents',
        code: 'INVALID_WEBHOOK_EVENTS',
        message: `events: ${unreadable
          .map((event) => `${event} needs the ${SCOPE_FOR_EVENT[event]} scope`)
          .join(', ')}`,
      };
    }
    const secret = newWebhookSecret();
    const [row] = await this.deps.db
      .insert(webhookSubscriptions)
      .values({ apiKeyId: keyId, url, events, secret })
      .returning();
    this.deps.logger.info(
      { subscriptionId: row!.id, apiKeyId: keyId, events },
      'webhook subscribed',
    );
    return {
      __typename: 'WebhookSubscriptionCreated',
      subscription: subscriptionView(row!),
      secret,
    };
  }

  /** Partner: the key's active subscriptions, newest first. */
  async listSubscriptions(actor: Actor): Promise<WebhookSubscriptionView[]> {
    const keyId = partnerKeyOf(actor);
    const rows = await this.deps.db
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.apiKeyId, keyId), eq(webhookSubscriptions.active, true)))
      .orderBy(desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id));
    return rows.map(subscriptionView);
  }

  /** Partner: stops a subscription of the key; its log stays readable. */
  async deleteSubscription(actor: Actor, id: string): Promise<boolean> {
    const keyId = partnerKeyOf(actor);
    if (!isUuid(id)) return false;
    const stopped = await this.deps.db
      .update(webhookSubscriptions)
      .set({ active: false })
      .where(
        and(
          eq(webhookSubscriptions.id, id),
          eq(webhookSubscriptions.apiKeyId, keyId),
          eq(webhookSubscriptions.active, true),
        ),
      )
      .returning({ id: webhookSubscriptions.id });
    return stopped.length === 1;
  }

  /** Partner: the latest 100 deliveries of one of the key's subscriptions, newest first. */
  async listDeliveries(
    actor: Actor,
    args: { subscriptionId: string; status?: WebhookDeliveryStatusEnum | null },
  ): Promise<WebhookDeliveryView[]> {
    const keyId = partnerKeyOf(actor);
    if (!isUuid(args.subscriptionId)) return [];
    const rows = await this.deps.db
      .select({ delivery: webhookDeliveries })
      .from(webhookDeliveries)
      .innerJoin(
        webhookSubscriptions,
        eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId),
      )
      .where(
        and(
          eq(webhookDeliveries.subscriptionId, args.subscriptionId),
          eq(webhookSubscriptions.apiKeyId, keyId),
          args.status ? eq(webhookDeliveries.status, args.status) : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(100);
    return rows.map((row) => deliveryView(row.delivery));
  }

  /** Partner: a new series of attempts for one of the key's deliveries. */
  async replayDelivery(actor: Actor, id: string): Promise<WebhookDeliveryView | null> {
    const keyId = partnerKeyOf(actor);
    if (!isUuid(id)) return null;
    const [row] = await this.deps.db
      .update(webhookDeliveries)
      .set({ status: 'PENDING', nextAttemptAt: null, updatedAt: new Date() })
      .where(
        and(
          eq(webhookDeliveries.id, id),
          sql`${webhookDeliveries.subscriptionId} in (select ${webhookSubscriptions.id} from ${webhookSubscriptions} where ${webhookSubscriptions.apiKeyId} = ${keyId} and ${webhookSubscriptions.active})`,
        ),
      )
      .returning();
    if (!row) return null;
    // A job of its own: the delivery's first job may still be kept as failed under its id.
    await this.queue.add('deliver', { deliveryId: id }, { jobId: `${id}-replay-${Date.now()}` });
    this.deps.logger.info({ deliveryId: id, apiKeyId: keyId }, 'webhook delivery replayed');
    return deliveryView(row);
  }

  /**
   * A domain event for partners: one delivery per active subscription to `type` whose key is
   * not revoked and may read it, then one job per delivery. Idempotent: a redelivered event
   * inserts nothing and re-adds jobs under the same ids.
   */
  async takeEvent(
    event: { id: string; occurredAt: string },
    type: WebhookEventType,
    data: Record<string, unknown>,
  ): Promise<void> {
    const targets = await this.deps.db
      .select({ id: webhookSubscriptions.id })
      .from(webhookSubscriptions)
      .innerJoin(apiKeys, eq(apiKeys.id, webhookSubscriptions.apiKeyId))
      .where(
        and(
          eq(webhookSubscriptions.active, true),
          sql`${apiKeys.revokedAt} is null`,
          sql`${type} = any(${webhookSubscriptions.events})`,
          sql`${apiKeys.scopes} @> array['webhooks:manage', ${SCOPE_FOR_EVENT[type]}]::text[]`,
        ),
      );
    if (targets.length === 0) return;
    const payload = { type, timestamp: event.occurredAt, data };
    await this.deps.db
      .insert(webhookDeliveries)
      .values(
        targets.map((target) => ({
          subscriptionId: target.id,
          eventId: event.id,
          eventType: type,
          payload,
        })),
      )
      .onConflictDoNothing();
    const pending = await this.deps.db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.eventId, event.id),
          eq(webhookDeliveries.status, 'PENDING'),
          eq(webhookDeliveries.attempts, 0),
        ),
      );
    await Promise.all(
      pending.map((delivery) =>
        this.queue.add('deliver', { deliveryId: delivery.id }, { jobId: delivery.id }),
      ),
    );
  }

  /** One attempt: posts the signed body, records the answer; throws to be retried. */
  private async attemptDelivery(job: DeliveryJob): Promise<void> {
    const [found] = await this.deps.db
      .select({ delivery: webhookDeliveries, subscription: webhookSubscriptions })
      .from(webhookDeliveries)
      .innerJoin(
        webhookSubscriptions,
        eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId),
      )
      .where(eq(webhookDeliveries.id, job.data.deliveryId));
    if (!found || !found.subscription.active || found.delivery.status !== 'PENDING') return;
    const { delivery, subscription } = found;
    const body = JSON.stringify(delivery.payload);
    let status: number | null = null;
    let response: string | null = null;
    let error: string | null = null;
    try {
      const answer = await fetch(subscription.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'commerce-graph-webhooks/1',
          ...signWebhook(subscription.secret, delivery.id, body),
        },
        body,
        redirect: 'manual',
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
      status = answer.status;
      response = (await answer.text()).slice(0, RESPONSE_LIMIT);
      if (status < 200 || status > 299) error = `receiver answered ${status}`;
    } catch (caught) {
      error =
        caught instanceof Error && caught.name === 'TimeoutError'
          ? `no answer within ${this.policy.timeoutMs} ms`
          : String((caught as Error).cause ?? (caught as Error).message ?? caught).slice(0, 500);
    }
    const attempts = job.opts.attempts ?? 1;
    const last = job.attemptsMade + 1 >= attempts;
    const outcome = error === null ? 'DELIVERED' : last ? 'FAILED' : 'PENDING';
    await this.deps.db
      .update(webhookDeliveries)
      .set({
        status: outcome,
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastStatus: status,
        lastResponse: response,
        lastError: error,
        nextAttemptAt:
          outcome === 'PENDING'
            ? new Date(Date.now() + this.policy.backoffMs * 2 ** job.attemptsMade)
            : null,
        updatedAt: new Date(),
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (outcome === 'PENDING') throw new Error(error!);
    if (outcome === 'FAILED') {
      this.deps.logger.warn(
        { deliveryId: delivery.id, subscriptionId: subscription.id, status, error },
        'webhook delivery failed for good',
      );
    }
  }
}
