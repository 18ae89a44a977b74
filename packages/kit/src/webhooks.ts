import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed outgoing webhooks by the Standard Webhooks scheme (https://www.standardwebhooks.com,
 * spec/standard-webhooks.md): the signed content is `<webhook-id>.<webhook-timestamp>.<body>`,
 * signed with HMAC-SHA256 under the base64-decoded part of the `whsec_` secret, and sent as
 * `webhook-signature: v1,<base64 signature>`. Any Standard Webhooks library verifies it.
 */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A new signing secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX)
    ? secret.slice(WEBHOOK_SECRET_PREFIX.length)
    : secret;
  return Buffer.from(encoded, 'base64');
}

/** The base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` under the secret's key. */
export function webhookSignature(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): string {
  return createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** The three headers of one attempt; `timestamp` is the attempt's time in unix seconds. */
export function signWebhook(
  secret: string,
  id: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `v1,${webhookSignature(secret, id, timestamp, body)}`,
  };
}

/** Why `verifyWebhook` refused a delivery. */
export type WebhookRefusal =
  'missing-headers' | 'bad-signature' | 'timestamp-out-of-tolerance' | 'replayed';

export type WebhookVerification =
  { ok: true; id: string; timestamp: number } | { ok: false; reason: WebhookRefusal };

/**
 * The receiver's check: the signature must match (any `v1,` entry of the header, compared in
 * constant time), the timestamp must be within `toleranceSeconds` of now (a captured delivery
 * cannot be sent again later), and the id must not be in `seen` (nor sent twice within the
 * tolerance). A delivery that passes is added to `seen`, so keep its ids for the tolerance
 * window at least. Pass the body exactly as received, before any JSON parsing.
 */
export function verifyWebhook(options: {
  secret: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  toleranceSeconds?: number;
  seen?: { has(id: string): boolean; add(id: string): unknown };
  now?: Date;
}): WebhookVerification {
  const header = (name: string) => {
    const value = options.headers[name] ?? options.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = header('webhook-id');
  const timestampText = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestampText || !signatures || !/^\d+$/.test(timestampText)) {
    return { ok: false, reason: 'missing-headers' };
  }
  const timestamp = Number(timestampText);
  const expected = Buffer.from(webhookSignature(options.secret, id, timestamp, options.body));
  const matches = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return { ok: false, reason: 'bad-signature' };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) {
    return { ok: false, reason: 'timestamp-out-of-tolerance' };
  }
  if (options.seen?.has(id)) return { ok: false, reason: 'replayed' };
  options.seen?.add(id);
  return { ok: true, id, timestamp };
}
