import {
  actorFromHeaders,
  createSubgraphApollo,
  loadTypeDefs,
  type Logger,
  type RawRequest,
} from '@commerce-graph/kit';
import type { Context } from './context.ts';
import type { IdentityDb } from './db/client.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import type { AccountService } from './service/account.service.ts';
import type { ApiKeyService } from './service/api-key.service.ts';
import type { AddressService } from './service/address.service.ts';
import type { AuditService } from './service/audit.service.ts';
import type { PrivacyService } from './service/privacy.service.ts';
import type { SessionService } from './service/session.service.ts';
import type { StaffService } from './service/staff.service.ts';
import type { WebhookService } from './service/webhook.service.ts';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** Builds the identity subgraph (schema, server, per-request context); does not listen. */
export function createServer(deps: {
  db: IdentityDb;
  accounts: AccountService;
  sessions: SessionService;
  addresses: AddressService;
  privacy: PrivacyService;
  apiKeys: ApiKeyService;
  staff: StaffService;
  audit: AuditService;
  webhooks: WebhookService;
  /** Verifies the gateway's identity assertions; without it, any assertion is refused. */
  internalToken: string | undefined;
  logger: Logger;
  production: boolean;
}) {
  const apollo = createSubgraphApollo<Context>({
    typeDefs,
    resolvers,
    logger: deps.logger,
    production: deps.production,
  });
  // A forged or expired assertion throws here: the request is answered 401 before any resolver.
  const context = async (request: RawRequest): Promise<Context> => ({
    actor: await actorFromHeaders(deps.internalToken, request.headers),
    loaders: createLoaders(deps.db),
    accounts: deps.accounts,
    sessions: deps.sessions,
    addresses: deps.addresses,
    privacy: deps.privacy,
    apiKeys: deps.apiKeys,
    staff: deps.staff,
    audit: deps.audit,
    webhooks: deps.webhooks,
  });
  return { apollo, context };
}
