import { jsonScalar } from '@commerce-graph/kit';
import { scopesOf } from './service/api-key.service.ts';
import { permissionEnumsOf, roleEnumsOf } from './service/staff.service.ts';
import { permissionsOf } from '@commerce-graph/kit';
import type { Resolvers } from './__generated__/resolvers-types.ts';

/** Every union member and UserError carries its `__typename`. */
const byTypename = {
  __resolveType: <T extends { __typename: string }>(result: T) =>
    result.__typename as T['__typename'],
};

const ADMIN_ACTOR_KINDS = { staff: 'STAFF', partner: 'PARTNER', operator: 'OPERATOR' } as const;

/** Thin adapters: each resolver is one call into a service or a per-request loader. */
export const resolvers: Resolvers = {
  JSON: jsonScalar,
  Query: {
    me: (_, __, { accounts, loaders, actor }) => accounts.me(loaders, actor),
    sessionGrant: (_, { customerId, sessionId }, { staff, loaders }) =>
      staff.sessionGrant(loaders, { customerId, sessionId }),
    apiKeys: (_, __, { apiKeys, actor }) => apiKeys.listApiKeys(actor),
    staff: (_, __, { staff, actor }) => staff.list(actor),
    adminAuditLog: (_, args, { audit, actor }) => audit.list(actor, args),
    apiKeyByToken: (_, { key }, { apiKeys }) => apiKeys.grantFor(key),
    webhookSubscriptions: (_, __, { webhooks, actor }) => webhooks.listSubscriptions(actor),
    webhookDeliveries: (_, args, { webhooks, actor }) => webhooks.listDeliveries(actor, args),
  },
  Mutation: {
    register: (_, { input }, { accounts, actor }) => accounts.register(actor, input),
    login: (_, args, { accounts, actor }) => accounts.login(actor, args),
    refreshSession: async (_, { refreshToken }, { sessions }) => {
      const result = await sessions.refreshSession(refreshToken);
      return '__typename' in result ? result : { __typename: 'Session', ...result };
    },
    logout: async (_, { refreshToken, everywhere }, { sessions }) => {
      const result = await sessions.logout(refreshToken, everywhere ?? false);
      return typeof result === 'number'
        ? { __typename: 'LoggedOut', sessionsRevoked: result }
        : result;
    },
    changePassword: (_, args, { accounts, loaders, actor }) =>
      accounts.changePassword(loaders, actor, args),
    requestPasswordReset: async (_, args, { accounts, actor }) => {
      await accounts.requestPasswordReset(actor, args);
      return true;
    },
    resetPassword: (_, args, { accounts }) => accounts.resetPassword(args),
    requestEmailVerification: (_, __, { accounts, loaders, actor }) =>
      accounts.requestEmailVerification(loaders, actor),
    verifyEmail: (_, args, { accounts }) => accounts.verifyEmail(args),
    addAddress: (_, { input }, { addresses, loaders, actor }) =>
      addresses.addAddress(loaders, actor, input),
    updateAddress: (_, args, { addresses, loaders, actor }) =>
      addresses.updateAddress(loaders, actor, args),
    removeAddress: (_, args, { addresses, loaders, actor }) =>
      addresses.removeAddress(loaders, actor, args),
    exportMyData: (_, __, { privacy, loaders, actor }) => privacy.exportMyData(loaders, actor),
    eraseMyAccount: (_, args, { privacy, loaders, actor }) =>
      privacy.eraseMyAccount(loaders, actor, args),
    exportCustomerData: (_, { customerId }, { privacy, actor }) =>
      privacy.exportCustomerData(actor, customerId),
    eraseCustomer: (_, { customerId }, { privacy, actor }) =>
      privacy.eraseCustomer(actor, customerId),
    createApiKey: (_, args, { apiKeys, actor }) => apiKeys.createApiKey(actor, args),
    revokeApiKey: (_, { id }, { apiKeys, actor }) => apiKeys.revokeApiKey(actor, id),
    createWebhookSubscription: (_, { input }, { webhooks, actor }) =>
      webhooks.createSubscription(actor, input),
    deleteWebhookSubscription: (_, { id }, { webhooks, actor }) =>
      webhooks.deleteSubscription(actor, id),
    replayWebhookDelivery: (_, { id }, { webhooks, actor }) => webhooks.replayDelivery(actor, id),
    grantStaffRole: (_, args, { staff, actor }) => staff.grantRole(actor, args),
    revokeStaffRole: (_, args, { staff, actor }) => staff.revokeRole(actor, args),
  },
  SessionResult: byTypename,
  LogoutResult: byTypename,
  ChangePasswordResult: byTypename,
  RequestEmailVerificationResult: byTypename,
  VerifyEmailResult: byTypename,
  AddressResult: byTypename,
  RemoveAddressResult: byTypename,
  ExportDataResult: byTypename,
  EraseAccountResult: byTypename,
  StaffRoleResult: byTypename,
  CreateWebhookSubscriptionResult: byTypename,
  UserError: byTypename,
  Session: {
    expiresAt: (session) => session.expiresAt.toISOString(),
    refreshTokenExpiresAt: (session) => session.refreshTokenExpiresAt.toISOString(),
  },
  ApiKey: {
    scopes: (key) => scopesOf(key.scopes),
    createdAt: (key) => key.createdAt.toISOString(),
    lastUsedAt: (key) => key.lastUsedAt?.toISOString() ?? null,
    revokedAt: (key) => key.revokedAt?.toISOString() ?? null,
  },
  ApiKeyGrant: {
    scopes: (grant) => scopesOf(grant.scopes),
  },
  Customer: {
    __resolveReference: (ref, { accounts, loaders, actor }) =>
      accounts.customerForActor(loaders, actor, ref.id),
    emailVerified: (customer) => customer.emailVerifiedAt !== null,
    createdAt: (customer) => customer.createdAt.toISOString(),
    addresses: (customer, _, { loaders }) => loaders.addressesByCustomerId.load(customer.id),
    staffRoles: async (customer, _, { loaders }) =>
      roleEnumsOf((await loaders.staffRolesByCustomerId.load(customer.id)).map((row) => row.role)),
    permissions: async (customer, _, { loaders }) =>
      permissionEnumsOf(
        permissionsOf(
          (await loaders.staffRolesByCustomerId.load(customer.id)).map((row) => row.role),
        ),
      ),
  },
  SessionGrant: {
    permissions: (grant) => permissionEnumsOf(grant.permissions),
  },
  StaffMember: {
    roles: (member) => roleEnumsOf(member.roles),
    permissions: (member) => permissionEnumsOf(permissionsOf(member.roles)),
  },
  AdminAuditEntry: {
    occurredAt: (entry) => entry.occurredAt.toISOString(),
    actorKind: (entry) => ADMIN_ACTOR_KINDS[entry.actorKind],
    actorEmail: async (entry, _, { loaders }) => {
      if (entry.actorKind !== 'staff' || !entry.actorId) return null;
      const customer = await loaders.customerById.load(entry.actorId);
      return customer && !customer.erasedAt ? customer.email : null;
    },
  },
};
