import type { Actor } from '@commerce-graph/kit';
import type { Loaders } from './loaders.ts';
import type { AccountService } from './service/account.service.ts';
import type { ApiKeyService } from './service/api-key.service.ts';
import type { AddressService } from './service/address.service.ts';
import type { AuditService } from './service/audit.service.ts';
import type { PrivacyService } from './service/privacy.service.ts';
import type { SessionService } from './service/session.service.ts';
import type { StaffService } from './service/staff.service.ts';
import type { WebhookService } from './service/webhook.service.ts';

/** What every resolver gets: who the request acts for, per-request loaders, the services. */
export interface Context {
  /** As the gateway asserted it (`x-identity`); anonymous without an assertion. */
  actor: Actor;
  loaders: Loaders;
  accounts: AccountService;
  sessions: SessionService;
  addresses: AddressService;
  privacy: PrivacyService;
  apiKeys: ApiKeyService;
  staff: StaffService;
  audit: AuditService;
  webhooks: WebhookService;
}
