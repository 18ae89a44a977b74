import { sql } from 'drizzle-orm';
import {
  char,
  check,
  customType,
  index,
  pgSchema,
  text,
  timestamp,
  jsonb,
  boolean,
  integer,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { defineOutboxTable } from '@commerce-graph/events';
import { STAFF_ROLE_NAMES, type StaffRole } from '@commerce-graph/kit';

export const identitySchema = pgSchema('identity');

/** Raw bytes: token hashes are stored as their 32 SHA-256 bytes, never as the token. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const customers = identitySchema.table(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** As `userInput.email()` normalised it: trimmed, NFC, domain lower-case. */
    email: text('email').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /**
     * An argon2id PHC string (`$argon2id$v=19$m=...,t=...,p=...$salt$hash`); null once the
     * account is erased, so no password signs in to it.
     */
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the account was erased (GDPR): `email` is a placeholder, nothing personal is left. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'customers_erased_without_password',
      sql`${t.erasedAt} is null or ${t.passwordHash} is null`,
    ),
    // One account per address whatever the case of its local part: `Ann@x.io` is `ann@x.io`.
    uniqueIndex('customers_email_unique').on(sql`lower(${t.email})`),
  ],
);

export const sessionRevocationReasons = [
  'logout',
  'logout-everywhere',
  'password-changed',
  'password-reset',
  'refresh-token-reused',
  'account-erased',
] as const;
export type SessionRevocationReason = (typeof sessionRevocationReasons)[number];

/** One signed-in device or browser: a chain of refresh tokens, each used once. */
export const sessions = identitySchema.table(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason').$type<SessionRevocationReason>(),
  },
  (t) => [
    index('sessions_customer_id_idx').on(t.customerId),
    check(
      'sessions_revocation_consistent',
      sql`(${t.revokedAt} is null) = (${t.revokedReason} is null)`,
    ),
  ],
);

export const refreshTokens = identitySchema.table(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token: a leaked table yields no usable token. */
    tokenHash: bytea('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when the token was exchanged for the next one; presenting it again is reuse. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('refresh_tokens_token_hash_unique').on(t.tokenHash),
    index('refresh_tokens_session_id_idx').on(t.sessionId),
  ],
);

export const accountTokenPurposes = ['password-reset', 'email-verification'] as const;
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];

/** Single-use tokens sent by mail: password resets and email verifications. */
export const accountTokens = identitySchema.table(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<AccountTokenPurpose>().notNull(),
    tokenHash: bytea('token_hash').notNull(),
    /** The address the token was mailed to: it proves that address only. */
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('account_tokens_token_hash_unique').on(t.tokenHash),
    index('account_tokens_customer_id_idx').on(t.customerId, t.purpose),
    check(
      'account_tokens_purpose_valid',
      sql`${t.purpose} in ('password-reset', 'email-verification')`,
    ),
  ],
);

export const addresses = identitySchema.table(
  'addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    postalCode: text('postal_code'),
    region: text('region'),
    /** ISO 3166-1 alpha-2, upper case. */
    countryCode: char('country_code', { length: 2 }).notNull(),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('addresses_customer_id_idx').on(t.customerId, t.createdAt),
    check('addresses_country_code_valid', sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
  ],
);

/**
 * The development mail sink: every mail the worker would send, as it would be sent. A real
 * sender (SMTP, a mail API) replaces the sink; nothing else reads this table.
 */
export const outboundMail = identitySchema.table('outbound_mail', {
  /** The `identity.email.requested` event's id: a redelivered event stores nothing twice. */
  id: uuid('id').primaryKey(),
  recipient: text('recipient').notNull(),
  template: text('template').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});

export const privacyActions = ['export', 'erasure'] as const;
export type PrivacyAction = (typeof privacyActions)[number];
export const privacyActorKinds = ['customer', 'admin'] as const;
export type PrivacyActorKind = (typeof privacyActorKinds)[number];

/**
 * The audit trail of GDPR requests: every export and erasure, who asked (the customer or an
 * admin on their behalf), for which customer, when and from which network. Kept after erasure:
 * it proves the request was honoured, and names the customer by id only.
 */
export const privacyAudit = identitySchema.table(
  'privacy_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    action: text('action').$type<PrivacyAction>().notNull(),
    /** The customer whose data was exported or erased; no foreign key, the row outlives it. */
    customerId: uuid('customer_id').notNull(),
    actorKind: text('actor_kind').$type<PrivacyActorKind>().notNull(),
    /** The network (IPv4 address or IPv6 /64) the gateway saw the request come from. */
    network: text('network'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('privacy_audit_customer_id_idx').on(t.customerId, t.createdAt),
    check('privacy_audit_action_valid', sql`${t.action} in ('export', 'erasure')`),
    check('privacy_audit_actor_kind_valid', sql`${t.actorKind} in ('customer', 'admin')`),
  ],
);

/** The scopes a partner API key can hold, by the names the gateway checks. */
export const apiKeyScopes = [
  'catalog:read',
  'orders:read',
  'orders:write',
  'inventory:write',
  'webhooks:manage',
] as const;
export type ApiKeyScopeName = (typeof apiKeyScopes)[number];

/**
 * Partner API keys, made and revoked by an admin. The key itself is shown once, when it is
 * made; only its SHA-256 is kept.
 */
export const apiKeys = identitySchema.table(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    scopes: text('scopes').array().$type<ApiKeyScopeName[]>().notNull(),
    /** SHA-256 of the key: a leaked table yields no usable key. */
    keyHash: bytea('key_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the gateway last looked the key up, to the minute (not written on every request). */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_keys_key_hash_unique').on(t.keyHash),
    check(
      'api_keys_scopes_valid',
      sql`${t.scopes} <@ array['catalog:read', 'orders:read', 'orders:write', 'inventory:write', 'webhooks:manage']::text[]`,
    ),
  ],
);

/**
 * Staff: the roles customer accounts hold (`owner`, `stock-manager`, ...; kit's STAFF_ROLES says
 * what each grants). An account without a row here is a shopper. Deleted with the account's
 * erasure.
 */
export const staffRoles = identitySchema.table(
  'staff_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    role: text('role').$type<StaffRole>().notNull(),
    /** The staff member who granted it; null when an operator did (the bootstrap command). */
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_roles_customer_role_unique').on(t.customerId, t.role),
    check(
      'staff_roles_role_valid',
      sql.raw(`role in (${STAFF_ROLE_NAMES.map((role) => `'${role}'`).join(', ')})`),
    ),
  ],
);

export const adminActorKinds = ['staff', 'partner', 'operator'] as const;
export type AdminActorKind = (typeof adminActorKinds)[number];

/**
 * The audit log of admin actions across the graph: who (a staff member, a partner key, or an
 * operator at the command line), what (the action and its target), when, from where (the
 * network and the request id). Identity writes its own rows in the transaction of the action;
 * the other subgraphs send theirs as `<subgraph>.admin-action.recorded` events, whose id is the
 * row's id (a redelivered event adds nothing). Kept after an erasure: actors are ids.
 */
export const adminAudit = identitySchema.table(
  'admin_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** The subgraph where the action happened. */
    service: text('service').notNull(),
    actorKind: text('actor_kind').$type<AdminActorKind>().notNull(),
    /** The staff member's customer id or the partner key's id; null for an operator. */
    actorId: uuid('actor_id'),
    /** What was done, as the mutation is named (`adjustStock`, `revokeApiKey`, ...). */
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    /** What changed (before and after, the scopes granted, ...); never a secret. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** The network (IPv4 address or IPv6 /64) the gateway saw the request come from. */
    network: text('network'),
    requestId: text('request_id'),
  },
  (t) => [
    index('admin_audit_occurred_at_idx').on(t.occurredAt, t.id),
    index('admin_audit_actor_idx').on(t.actorId, t.occurredAt),
    check('admin_audit_actor_kind_valid', sql`${t.actorKind} in ('staff', 'partner', 'operator')`),
  ],
);

export const outboxEvents = defineOutboxTable(identitySchema);

/** The events a partner can subscribe to, by the names its receiver sees in `type`. */
export const webhookEventTypes = [
  'order.placed',
  'order.paid',
  'order.refunded',
  'product.updated',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/**
 * A partner key's webhook endpoint: which events go to which URL, signed with `secret` (shown
 * once, when it is made). Deleted with its key's deliveries when the partner deletes it.
 */
export const webhookSubscriptions = identitySchema.table(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    events: text('events').array().$type<WebhookEventType[]>().notNull(),
    /** `whsec_` and the base64 signing key (Standard Webhooks); the partner verifies with it. */
    secret: text('secret').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_subscriptions_api_key_idx').on(t.apiKeyId),
    check(
      'webhook_subscriptions_events_valid',
      sql`${t.events} <@ array['order.placed', 'order.paid', 'order.refunded', 'product.updated']::text[] and cardinality(${t.events}) > 0`,
    ),
  ],
);

export const webhookDeliveryStatuses = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One event for one subscription: its payload as signed and sent, and what the last attempt
 * got back. Unique on (subscription, event): a redelivered domain event adds nothing.
 */
export const webhookDeliveries = identitySchema.table(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    /** The domain event's id (`checkout.order.paid`'s envelope id). */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').$type<WebhookEventType>().notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    /** The HTTP status of the last attempt; null when it got no answer (timeout, refused). */
    lastStatus: integer('last_status'),
    /** The start of the last answer's body (at most 1,000 characters). */
    lastResponse: text('last_response'),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_subscription_event_unique').on(t.subscriptionId, t.eventId),
    index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt),
    check(
      'webhook_deliveries_status_valid',
      sql`${t.status} in ('PENDING', 'DELIVERED', 'FAILED')`,
    ),
  ],
);

export type CustomerRow = typeof customers.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
export type AccountTokenRow = typeof accountTokens.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;
export type PrivacyAuditRow = typeof privacyAudit.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type StaffRoleRow = typeof staffRoles.$inferSelect;
export type AdminAuditRow = typeof adminAudit.$inferSelect;
export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type NewAddress = typeof addresses.$inferInsert;
