import { desc, eq } from 'drizzle-orm';
import {
  badUserInput,
  isUuid,
  parseInput,
  requirePermission,
  userInput,
  type Actor,
  type Logger,
} from '@commerce-graph/kit';
import type { ApiKeyScope } from '../__generated__/resolvers-types.ts';
import type { IdentityDb } from '../db/client.ts';
import { apiKeys, type ApiKeyRow, type ApiKeyScopeName } from '../db/schema.ts';
import type { AuditService } from './audit.service.ts';
import { newSecretToken, tokenHash } from './tokens.ts';

/** What every partner API key starts with: the gateway tells it from an access token (a JWT). */
export const API_KEY_PREFIX = 'cgk_';

/** The SDL's scope names and the names the gateway checks and the table stores. */
export const SCOPE_NAMES: Record<ApiKeyScope, ApiKeyScopeName> = {
  CATALOG_READ: 'catalog:read',
  ORDERS_READ: 'orders:read',
  ORDERS_WRITE: 'orders:write',
  INVENTORY_WRITE: 'inventory:write',
  WEBHOOKS_MANAGE: 'webhooks:manage',
};
const SCOPES_BY_NAME = Object.fromEntries(
  Object.entries(SCOPE_NAMES).map(([scope, name]) => [name, scope]),
) as Record<ApiKeyScopeName, ApiKeyScope>;

/** The SDL's names of stored scopes. */
export const scopesOf = (names: readonly ApiKeyScopeName[]): ApiKeyScope[] =>
  names.map((name) => SCOPES_BY_NAME[name]);

/** `createApiKey`'s answer: the key, shown this once, and its record. */
export interface ApiKeyCreatedView {
  key: string;
  apiKey: ApiKeyRow;
}

/** What the gateway learns of a valid key. */
export interface ApiKeyGrantView {
  id: string;
  scopes: ApiKeyScopeName[];
}

/** `last_used_at` is written at most this often per key, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const keyName = userInput.text({ min: 1, max: 100, spaces: true });

/**
 * Partner API keys: staff with `keys:manage` make, list and revoke them; the gateway asks what a key may do. A
 * key is `cgk_` and 32 random bytes in base64url, stored as its SHA-256 (a fast hash suits a key
 * with 256 bits of entropy).
 */
export class ApiKeyService {
  constructor(private readonly deps: { db: IdentityDb; audit: AuditService; logger: Logger }) {}

  /** Staff with `keys:manage`: makes a key; the answer holds the only copy of it. */
  async createApiKey(
    actor: Actor,
    input: { name: string; scopes: ApiKeyScope[] },
  ): Promise<ApiKeyCreatedView> {
    requirePermission(actor, 'keys:manage');
    const name = parseInput(keyName, input.name, ({ message }) => badUserInput(`name: ${message}`));
    if (!name.ok) throw name.error;
    if (input.scopes.length === 0) throw badUserInput('scopes: give the key at least one scope');
    const key = `${API_KEY_PREFIX}${newSecretToken()}`;
    const apiKey = await this.deps.db.transaction(async (tx) => {
      const [made] = await tx
        .insert(apiKeys)
        .values({
          name: name.value,
          scopes: [...new Set(input.scopes.map((scope) => SCOPE_NAMES[scope]))],
          keyHash: tokenHash(key)!,
        })
        .returning();
      await this.deps.audit.record(
        tx,
        actor,
        'createApiKey',
        { type: 'ApiKey', id: made!.id },
        { name: made!.name, scopes: made!.scopes },
      );
      return made;
    });
    this.deps.logger.info({ apiKeyId: apiKey!.id, scopes: apiKey!.scopes }, 'API key created');
    return { key, apiKey: apiKey! };
  }

  /** Staff with `keys:manage`: every key, newest first. */
  async listApiKeys(actor: Actor): Promise<ApiKeyRow[]> {
    requirePermission(actor, 'keys:manage');
    return this.deps.db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  }

  /**
   * Staff with `keys:manage`: revokes a key (once: a second revocation keeps the first time);
   * null if unknown.
   */
  async revokeApiKey(actor: Actor, id: string): Promise<ApiKeyRow | null> {
    requirePermission(actor, 'keys:manage');
    if (!isUuid(id)) return null;
    const [row] = await this.deps.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    if (!row || row.revokedAt) return row ?? null;
    const revoked = await this.deps.db.transaction(async (tx) => {
      const [done] = await tx
        .update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(eq(apiKeys.id, id))
        .returning();
      await this.deps.audit.record(
        tx,
        actor,
        'revokeApiKey',
        { type: 'ApiKey', id },
        {
          name: row.name,
        },
      );
      return done;
    });
    this.deps.logger.info({ apiKeyId: id }, 'API key revoked');
    return revoked ?? null;
  }

  /**
   * The gateway's look-up: the key's id and scopes, or null when it is unknown or revoked.
   * Records the use when the last recorded one is a minute old or more.
   */
  async grantFor(key: string): Promise<ApiKeyGrantView | null> {
    if (!key.startsWith(API_KEY_PREFIX)) return null;
    const hash = tokenHash(key);
    if (!hash) return null;
    const [row] = await this.deps.db.select().from(apiKeys).where(eq(apiKeys.keyHash, hash));
    if (!row || row.revokedAt) return null;
    const now = new Date();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.deps.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
    }
    return { id: row.id, scopes: row.scopes };
  }
}
