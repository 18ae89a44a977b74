import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRow, AddressRow, ApiKeyRow, AdminAuditRow } from '../db/schema.ts';
import type { SessionView } from '../service/session.service.ts';
import type { ApiKeyCreatedView, ApiKeyGrantView } from '../service/api-key.service.ts';
import type { SessionGrantView, StaffMemberView } from '../service/staff.service.ts';
import type { AdminAuditPageView } from '../service/audit.service.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Any JSON value: payment provider action objects (3-D Secure, redirects), GDPR export documents. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The account is erased; the other subgraphs follow within moments. */
export type AccountErased = {
  __typename?: 'AccountErased';
  /** The erased customer's id, as the audit and the remaining order records name it. */
  customerId: Scalars['ID']['output'];
  /** When the account was erased (ISO 8601). */
  erasedAt: Scalars['String']['output'];
};

/** No account has this email address (erased ones have none). Code ACCOUNT_NOT_FOUND. */
export type AccountNotFound = UserError & {
  __typename?: 'AccountNotFound';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The address that matched no account. */
  email: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A postal address in a customer's address book. */
export type Address = {
  __typename?: 'Address';
  /** City or town. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code, such as NL. */
  countryCode: Scalars['String']['output'];
  /** Stable id; use it to update or remove the address. */
  id: Scalars['ID']['output'];
  /** Street and number. */
  line1: Scalars['String']['output'];
  /** More of the street address. */
  line2?: Maybe<Scalars['String']['output']>;
  /** Who receives mail there. */
  name: Scalars['String']['output'];
  /** Phone number for the carrier. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Postal code, when the country has them. */
  postalCode?: Maybe<Scalars['String']['output']>;
  /** State, province or region. */
  region?: Maybe<Scalars['String']['output']>;
};

/**
 * A postal address as a customer keeps it, checked by the same per-country rules as a cart's
 * shipping address. Free text allows ordinary spaces but no control or invisible formatting
 * characters; it is trimmed, and an empty string counts as absent. The first problem is answered
 * as InvalidInput naming the field (`input.postalCode`).
 */
export type AddressInput = {
  /** City or town, 1 to 100 characters. */
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2 code of a known country, such as NL (lower case is accepted, stored upper). */
  countryCode: Scalars['String']['input'];
  /** Street and number, 1 to 200 characters. */
  line1: Scalars['String']['input'];
  /** More of the street address (flat, floor), up to 200 characters. */
  line2?: InputMaybe<Scalars['String']['input']>;
  /** Who receives mail there, 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** Phone number for the carrier: digits, spaces and + ( ) - . /, up to 32 characters. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /**
   * Postal code. Required and shape-checked in NL (1234 AB), DE and FR (5 digits), BE (4 digits),
   * GB (a UK postcode) and the US (12345 or 12345-6789), stored upper case with the usual space
   * (1234ab becomes 1234 AB); elsewhere optional, checked where its shape is known, else up to 20
   * characters.
   */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** State, province or region, up to 100 characters; in the US required, a state code or DC (NY). */
  region?: InputMaybe<Scalars['String']['input']>;
};

/** The address book is full. Code ADDRESS_LIMIT_REACHED. */
export type AddressLimitReached = UserError & {
  __typename?: 'AddressLimitReached';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Most addresses a customer keeps. */
  maxAddresses: Scalars['Int']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The customer has no address with this id. Code ADDRESS_NOT_FOUND. */
export type AddressNotFound = UserError & {
  __typename?: 'AddressNotFound';
  /** The id that matched no address of the customer. */
  addressId: Scalars['ID']['output'];
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** `removeAddress` removed the address. */
export type AddressRemoved = {
  __typename?: 'AddressRemoved';
  /** The id of the removed address. */
  id: Scalars['ID']['output'];
};

/** The outcome of `addAddress` and `updateAddress`. */
export type AddressResult = Address | AddressLimitReached | AddressNotFound | InvalidInput | NotSignedIn;

/** Who did an admin action. */
export type AdminActorKind =
  /** An operator at the command line (the bootstrap); no `actorId`. */
  | 'OPERATOR'
  /** A partner API key; `actorId` is the key's id. */
  | 'PARTNER'
  /** A signed-in staff member; `actorId` is their customer id. */
  | 'STAFF';

/** One admin action: who, what, when, from where. */
export type AdminAuditEntry = {
  __typename?: 'AdminAuditEntry';
  /** What was done, as the mutation is named (`adjustStock`, `grantStaffRole`, ...). */
  action: Scalars['String']['output'];
  /** The staff member's email today; null for partners, operators and erased accounts. */
  actorEmail?: Maybe<Scalars['String']['output']>;
  /** The staff member's or partner key's id; null for an operator. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** Who did it. */
  actorKind: AdminActorKind;
  /** What changed: before and after, the scopes or role given. */
  details: Scalars['JSON']['output'];
  /** Stable id of the entry. */
  id: Scalars['ID']['output'];
  /** The network (IPv4 address or IPv6 /64) the request came from, as the gateway saw it. */
  network?: Maybe<Scalars['String']['output']>;
  /** When it happened (ISO 8601). */
  occurredAt: Scalars['String']['output'];
  /** The request's id (`x-request-id`), to find it in the logs. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** The subgraph it happened in, such as `inventory`. */
  service: Scalars['String']['output'];
  /** Which one. */
  targetId: Scalars['String']['output'];
  /** What kind of thing it was done to (`StockLevel`, `ApiKey`, `Customer`). */
  targetType: Scalars['String']['output'];
};

/** A page of the audit log. */
export type AdminAuditPage = {
  __typename?: 'AdminAuditPage';
  /** The entries, newest first. */
  entries: Array<AdminAuditEntry>;
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor?: Maybe<Scalars['String']['output']>;
};

/** A partner API key as an admin sees it; never the key itself. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When the key was made (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** Stable id; revoke the key with it. */
  id: Scalars['ID']['output'];
  /** When the key was last used (ISO 8601, to the minute); null if never. */
  lastUsedAt?: Maybe<Scalars['String']['output']>;
  /** What the key is for. */
  name: Scalars['String']['output'];
  /** When the key was revoked (ISO 8601); null while it works. */
  revokedAt?: Maybe<Scalars['String']['output']>;
  /** What the key may do. */
  scopes: Array<ApiKeyScope>;
};

/** A new partner API key: `key` is shown here once and cannot be read again. */
export type ApiKeyCreated = {
  __typename?: 'ApiKeyCreated';
  /** The key's record. */
  apiKey: ApiKey;
  /** The key (`cgk_` and 43 characters): send it as `Authorization: Bearer <key>`. */
  key: Scalars['String']['output'];
};

/** Internal (the gateway): what a valid partner API key may do. */
export type ApiKeyGrant = {
  __typename?: 'ApiKeyGrant';
  /** The key's id. */
  id: Scalars['ID']['output'];
  /** Its scopes. */
  scopes: Array<ApiKeyScope>;
};

/**
 * What a partner API key may do. The gateway checks each field of an operation against them
 * (`catalog:read` and so on are the names in the gateway's scope table).
 */
export type ApiKeyScope =
  /** `catalog:read`: products, variants, categories, warehouses. */
  | 'CATALOG_READ'
  /** `inventory:write`: setStock, adjustStock and the stock levels per warehouse. */
  | 'INVENTORY_WRITE'
  /** `orders:read`: any order, by id. */
  | 'ORDERS_READ'
  /** `orders:write`: placeOrder and submitPaymentDetails. */
  | 'ORDERS_WRITE'
  /** `webhooks:manage`: the key's own webhook subscriptions and their deliveries. */
  | 'WEBHOOKS_MANAGE';

/** The outcome of `changePassword`. */
export type ChangePasswordResult = InvalidCredentials | NotSignedIn | PasswordChanged | TooManyAttempts | WeakPassword;

/** What a partner's webhook subscription needs. */
export type CreateWebhookSubscriptionInput = {
  /** The events to send there; at least one. */
  events: Array<WebhookEvent>;
  /** The receiver: https (http only to localhost, and not in production), at most 2,000 characters. */
  url: Scalars['String']['input'];
};

/** The outcome of `createWebhookSubscription`. */
export type CreateWebhookSubscriptionResult = InvalidWebhookEvents | InvalidWebhookUrl | WebhookSubscriptionCreated;

/**
 * A customer account. Only the customer themself can read it: for anyone else it resolves to
 * null.
 */
export type Customer = {
  __typename?: 'Customer';
  /** The customer's address book, oldest first. */
  addresses: Array<Address>;
  /** When the account was opened (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** The address the customer signs in with. */
  email: Scalars['String']['output'];
  /** Whether the customer proved they receive mail at `email`. */
  emailVerified: Scalars['Boolean']['output'];
  /** Stable id of the account. */
  id: Scalars['ID']['output'];
  /** What those roles grant together, so an admin interface knows what to offer. */
  permissions: Array<Permission>;
  /** The staff roles the account holds; empty for a shopper. */
  staffRoles: Array<StaffRole>;
};

/** No customer account has this id (or it is malformed). Code CUSTOMER_NOT_FOUND. */
export type CustomerNotFound = UserError & {
  __typename?: 'CustomerNotFound';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The id that matched no customer. */
  customerId: Scalars['ID']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The customer's address is verified already. Code EMAIL_ALREADY_VERIFIED. */
export type EmailAlreadyVerified = UserError & {
  __typename?: 'EmailAlreadyVerified';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** An account with this email address exists already. Code EMAIL_TAKEN. */
export type EmailTaken = UserError & {
  __typename?: 'EmailTaken';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** `verifyEmail` marked the address as verified. */
export type EmailVerified = {
  __typename?: 'EmailVerified';
  /** The verified address. */
  email: Scalars['String']['output'];
};

/** The outcome of `eraseMyAccount` and `eraseCustomer`. */
export type EraseAccountResult = AccountErased | CustomerNotFound | InvalidCredentials | NotSignedIn | TooManyAttempts;

/** The outcome of `exportMyData` and `exportCustomerData`. */
export type ExportDataResult = CustomerNotFound | NotSignedIn | PersonalDataExport;

/**
 * The email and password do not match an account. Code INVALID_CREDENTIALS; the same whether the
 * email is unknown or the password wrong.
 */
export type InvalidCredentials = UserError & {
  __typename?: 'InvalidCredentials';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A field of the input is not acceptable; `field` names it. Code INVALID_INPUT. */
export type InvalidInput = UserError & {
  __typename?: 'InvalidInput';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** The refused field, such as `email` or `input.countryCode`. */
  field: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The refresh token cannot be used; sign in again. Code INVALID_REFRESH_TOKEN. */
export type InvalidRefreshToken = UserError & {
  __typename?: 'InvalidRefreshToken';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Why. */
  reason: InvalidRefreshTokenReason;
};

/** Why a refresh token was refused. */
export type InvalidRefreshTokenReason =
  /** The token is older than 30 days. */
  | 'EXPIRED'
  /** The token was used before: its session has now been ended. */
  | 'REUSED'
  /** Its session was ended (logout, password change or reset). */
  | 'REVOKED'
  /** No such token. */
  | 'UNKNOWN';

/** The token from the mail is unknown, used or expired. Code INVALID_TOKEN; ask for a new mail. */
export type InvalidToken = UserError & {
  __typename?: 'InvalidToken';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** No event given, or one the key's scopes may not read. Code INVALID_WEBHOOK_EVENTS. */
export type InvalidWebhookEvents = UserError & {
  __typename?: 'InvalidWebhookEvents';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The receiver URL is not acceptable. Code INVALID_WEBHOOK_URL. */
export type InvalidWebhookUrl = UserError & {
  __typename?: 'InvalidWebhookUrl';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The last owner cannot lose the owner role: grant it to someone else first. Code LAST_OWNER. */
export type LastOwner = UserError & {
  __typename?: 'LastOwner';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** `logout` ended sessions. */
export type LoggedOut = {
  __typename?: 'LoggedOut';
  /** How many sessions ended. */
  sessionsRevoked: Scalars['Int']['output'];
};

/** The outcome of `logout`. */
export type LogoutResult = InvalidRefreshToken | LoggedOut;

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds an address to the signed-in customer's address book (at most 20). */
  addAddress: AddressResult;
  /**
   * Changes the signed-in customer's password and ends their other sessions; this one stays
   * signed in. Errors: NOT_SIGNED_IN, INVALID_CREDENTIALS (wrong current password),
   * WEAK_PASSWORD, TOO_MANY_ATTEMPTS.
   */
  changePassword: ChangePasswordResult;
  /**
   * Staff (`keys:manage`): makes a partner API key with these scopes. The key is in the answer and
   * nowhere else: only its hash is stored. FORBIDDEN to anyone else; a name that is not 1 to 100
   * characters of text, or no scope, is BAD_USER_INPUT. Audited.
   */
  createApiKey: ApiKeyCreated;
  /**
   * Partner key (`webhooks:manage`): sends these events to `url`, signed by the Standard Webhooks
   * scheme with the secret in the answer (shown this once). Order events need the key to hold
   * `orders:read`, `product.updated` needs `catalog:read`. Errors: INVALID_WEBHOOK_URL (not https;
   * http only to localhost outside production), INVALID_WEBHOOK_EVENTS (none, or one the key may
   * not read).
   */
  createWebhookSubscription: CreateWebhookSubscriptionResult;
  /**
   * Partner key (`webhooks:manage`): stops one of the key's subscriptions (nothing more is sent;
   * its deliveries stay readable). False if unknown or already stopped.
   */
  deleteWebhookSubscription: Scalars['Boolean']['output'];
  /**
   * Staff (`customers:manage`): `eraseMyAccount` on a customer's behalf, without their password;
   * erasing an erased account again asks the other subgraphs again (FORBIDDEN to anyone else).
   * Audited. Errors: CUSTOMER_NOT_FOUND.
   */
  eraseCustomer: EraseAccountResult;
  /**
   * GDPR erasure: after the password is checked again, anonymises the signed-in customer's account
   * for good (the email becomes a placeholder, the password, addresses and mails are deleted,
   * every session ends) and has every other subgraph erase what it holds; order records that tax
   * law requires stay, without personal fields. Recorded in the privacy audit. Errors:
   * NOT_SIGNED_IN, INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS.
   */
  eraseMyAccount: EraseAccountResult;
  /**
   * Staff (`customers:manage`): `exportMyData` on a customer's behalf (FORBIDDEN to anyone else).
   * Audited. Errors: CUSTOMER_NOT_FOUND.
   */
  exportCustomerData: ExportDataResult;
  /**
   * GDPR export: every piece of personal data the graph holds about the signed-in customer
   * (account, address book, sessions, mails, carts, orders and payments) as one JSON document.
   * Each export is recorded in the privacy audit. Errors: NOT_SIGNED_IN.
   */
  exportMyData: ExportDataResult;
  /**
   * Staff (`staff:manage`): gives the account with this email a staff role; it takes effect on
   * the account's next request (within 10 seconds). Only roles whose every permission the granter
   * holds can be granted (a `security` member cannot make an owner). Granting a held role changes
   * nothing. Audited. Errors: ACCOUNT_NOT_FOUND (no account has the email).
   */
  grantStaffRole: StaffRoleResult;
  /**
   * Signs in with email and password. A wrong password and an unknown email answer the same
   * INVALID_CREDENTIALS; repeated attempts answer TOO_MANY_ATTEMPTS before any password is checked.
   */
  login: SessionResult;
  /**
   * Ends the session of a refresh token, or with `everywhere` every session of its customer. The
   * gateway refuses the session's access tokens from then on (within 10 seconds).
   */
  logout: LogoutResult;
  /**
   * Exchanges a refresh token for a new access token and a new refresh token. Each refresh token
   * works once: presenting a used one again ends its session (it was copied). Errors:
   * INVALID_REFRESH_TOKEN.
   */
  refreshSession: SessionResult;
  /**
   * Opens an account and signs it in. Sends a mail to verify the address. Errors: EMAIL_TAKEN,
   * WEAK_PASSWORD, INVALID_INPUT, TOO_MANY_ATTEMPTS.
   */
  register: SessionResult;
  /** Removes an address from the signed-in customer's address book. */
  removeAddress: RemoveAddressResult;
  /**
   * Partner key (`webhooks:manage`): sends a delivery again (a new series of attempts, same
   * `webhook-id` and body, a fresh timestamp and signature). Null for a delivery that is not the
   * key's.
   */
  replayWebhookDelivery?: Maybe<WebhookDelivery>;
  /** Mails the signed-in customer a new token to verify their address, valid for 24 hours. */
  requestEmailVerification: RequestEmailVerificationResult;
  /**
   * Mails a password reset token to the address, valid for 1 hour, when an account has it. Always
   * answers true: the answer does not tell whether the address has an account.
   */
  requestPasswordReset: Scalars['Boolean']['output'];
  /**
   * Sets a new password with a token from a password reset mail (once), ends every session of the
   * customer and signs in anew. Errors: INVALID_TOKEN, WEAK_PASSWORD.
   */
  resetPassword: SessionResult;
  /**
   * Staff (`keys:manage`): revokes a partner API key for good; the gateway refuses it within 10
   * seconds. Revoking a revoked key changes nothing. Null for an unknown id. Audited.
   */
  revokeApiKey?: Maybe<ApiKey>;
  /**
   * Staff (`staff:manage`): takes a staff role back, under the same rule as `grantStaffRole`. The
   * last owner's `OWNER` role cannot be taken (LAST_OWNER). Audited. Errors: CUSTOMER_NOT_FOUND.
   */
  revokeStaffRole: StaffRoleResult;
  /** Replaces an address of the signed-in customer's address book. */
  updateAddress: AddressResult;
  /** Marks an address as verified with the token from a verification mail (once). */
  verifyEmail: VerifyEmailResult;
};


export type MutationAddAddressArgs = {
  input: AddressInput;
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  name: Scalars['String']['input'];
  scopes: Array<ApiKeyScope>;
};


export type MutationCreateWebhookSubscriptionArgs = {
  input: CreateWebhookSubscriptionInput;
};


export type MutationDeleteWebhookSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEraseCustomerArgs = {
  customerId: Scalars['ID']['input'];
};


export type MutationEraseMyAccountArgs = {
  password: Scalars['String']['input'];
};


export type MutationExportCustomerDataArgs = {
  customerId: Scalars['ID']['input'];
};


export type MutationGrantStaffRoleArgs = {
  email: Scalars['String']['input'];
  role: StaffRole;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationLogoutArgs = {
  everywhere?: InputMaybe<Scalars['Boolean']['input']>;
  refreshToken: Scalars['String']['input'];
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationRemoveAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReplayWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeStaffRoleArgs = {
  customerId: Scalars['ID']['input'];
  role: StaffRole;
};


export type MutationUpdateAddressArgs = {
  id: Scalars['ID']['input'];
  input: AddressInput;
};


export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};

/**
 * The operation needs a signed-in customer with a live session. Code NOT_SIGNED_IN: sign in, or
 * refresh the session.
 */
export type NotSignedIn = UserError & {
  __typename?: 'NotSignedIn';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** `changePassword` set the new password. */
export type PasswordChanged = {
  __typename?: 'PasswordChanged';
  /** How many other sessions of the customer were ended. */
  otherSessionsRevoked: Scalars['Int']['output'];
};

/** What is wrong with a refused password. */
export type PasswordProblem =
  /** Not well-formed Unicode (it holds a lone surrogate). */
  | 'MALFORMED'
  /** The password is the account's email address. */
  | 'SAME_AS_EMAIL'
  /** Longer than `maxLength` characters. */
  | 'TOO_LONG'
  /** Shorter than `minLength` characters. */
  | 'TOO_SHORT';

/**
 * What a staff member may do; each `StaffRole` grants a fixed set. Subgraphs check them on every
 * admin operation.
 */
export type Permission =
  /** `audit:read`: read the audit log of admin actions. */
  | 'AUDIT_READ'
  /** `catalog:write`: change products, prices and categories. */
  | 'CATALOG_WRITE'
  /** `customers:manage`: export or erase a customer's personal data on their behalf. */
  | 'CUSTOMERS_MANAGE'
  /** `discounts:manage`: create, read and disable discount codes. */
  | 'DISCOUNTS_MANAGE'
  /** `keys:manage`: make, list and revoke partner API keys. */
  | 'KEYS_MANAGE'
  /** `orders:manage`: read any order; fulfil, cancel and refund orders. */
  | 'ORDERS_MANAGE'
  /** `staff:manage`: grant and revoke staff roles, list the staff. */
  | 'STAFF_MANAGE'
  /** `stock:write`: set and adjust stock, read stock per warehouse. */
  | 'STOCK_WRITE';

/** A GDPR export: the personal data every subgraph holds about one customer, as of `exportedAt`. */
export type PersonalDataExport = {
  __typename?: 'PersonalDataExport';
  /**
   * The document: `{ exportedAt, customerId, identity, cart, checkout }`, each subgraph's part its
   * tables as lists of rows (column names in camelCase, timestamps in ISO 8601).
   */
  data: Scalars['JSON']['output'];
  /** When the document was assembled (ISO 8601). */
  exportedAt: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * Staff (`audit:read`): the audit log of admin actions across the graph, newest first. Page with
   * `after`, the `nextCursor` of the page before.
   */
  adminAuditLog: AdminAuditPage;
  /**
   * Internal (the gateway): the key id and scopes of a partner API key, or null when the key is
   * unknown or revoked. Records when the key was last used (at most once a minute).
   */
  apiKeyByToken?: Maybe<ApiKeyGrant>;
  /** Staff (`keys:manage`): every partner API key, newest first, revoked ones included. */
  apiKeys: Array<ApiKey>;
  /**
   * The signed-in customer: the one the request's access token names. Null when the request is
   * anonymous.
   */
  me?: Maybe<Customer>;
  /**
   * Internal (the gateway): what the session of an access token may do, or null when it may not
   * act at all (ended by a logout, a password change or reset, or the account's erasure).
   */
  sessionGrant?: Maybe<SessionGrant>;
  /** Staff (`staff:manage`): every account that holds a staff role, by email. */
  staff: Array<StaffMember>;
  /**
   * Partner key (`webhooks:manage`): the latest 100 deliveries of one of the key's subscriptions,
   * newest first, optionally of one status, each with what the receiver last answered. Empty for a
   * subscription that is not the key's.
   */
  webhookDeliveries: Array<WebhookDelivery>;
  /** Partner key (`webhooks:manage`): the key's webhook subscriptions, newest first; never a secret. */
  webhookSubscriptions: Array<WebhookSubscription>;
};


export type QueryAdminAuditLogArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryApiKeyByTokenArgs = {
  key: Scalars['String']['input'];
};


export type QuerySessionGrantArgs = {
  customerId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};


export type QueryWebhookDeliveriesArgs = {
  status?: InputMaybe<WebhookDeliveryStatus>;
  subscriptionId: Scalars['ID']['input'];
};

/** What a new account needs. */
export type RegisterInput = {
  /** The customer's email address; one account per address, whatever its letter case. */
  email: Scalars['String']['input'];
  /** 10 to 200 characters, not the email address. */
  password: Scalars['String']['input'];
};

/** The outcome of `removeAddress`. */
export type RemoveAddressResult = AddressNotFound | AddressRemoved | NotSignedIn;

/** The outcome of `requestEmailVerification`. */
export type RequestEmailVerificationResult = EmailAlreadyVerified | NotSignedIn | TooManyAttempts | VerificationEmailSent;

/**
 * A signed-in session. Send the access token as `Authorization: Bearer <accessToken>`; before it
 * expires, exchange the refresh token for a new pair with `refreshSession`.
 */
export type Session = {
  __typename?: 'Session';
  /** Short-lived bearer token (a signed JWT) naming the customer and this session. */
  accessToken: Scalars['String']['output'];
  /** The signed-in customer. */
  customer: Customer;
  /** When the access token expires (ISO 8601), 15 minutes after it was issued. */
  expiresAt: Scalars['String']['output'];
  /** Opaque, single-use token for `refreshSession` and `logout`; keep it secret. */
  refreshToken: Scalars['String']['output'];
  /** When the refresh token expires (ISO 8601), 30 days after it was issued. */
  refreshTokenExpiresAt: Scalars['String']['output'];
};

/** Internal (the gateway): what a live session may do. */
export type SessionGrant = {
  __typename?: 'SessionGrant';
  /** The permissions of the customer's staff roles; empty for a shopper. */
  permissions: Array<Permission>;
};

/**
 * The outcome of signing in (register, login, refreshSession, resetPassword): a session, or why
 * there is none.
 */
export type SessionResult = EmailTaken | InvalidCredentials | InvalidInput | InvalidRefreshToken | InvalidToken | Session | TooManyAttempts | WeakPassword;

/** An account that holds staff roles, as `staff:manage` sees it. */
export type StaffMember = {
  __typename?: 'StaffMember';
  /** The address the staff member signs in with. */
  email: Scalars['String']['output'];
  /** The account's customer id. */
  id: Scalars['ID']['output'];
  /** What the roles grant together. */
  permissions: Array<Permission>;
  /** The roles held, in the order of `StaffRole`. */
  roles: Array<StaffRole>;
};

/** A staff role: a named set of permissions an account can hold. */
export type StaffRole =
  /** CATALOG_WRITE and DISCOUNTS_MANAGE. */
  | 'CATALOG_MANAGER'
  /** ORDERS_MANAGE and CUSTOMERS_MANAGE. */
  | 'CUSTOMER_SUPPORT'
  /** ORDERS_MANAGE. */
  | 'ORDER_MANAGER'
  /** Every permission. The first admin's role (see the bootstrap in identity's README). */
  | 'OWNER'
  /** KEYS_MANAGE, STAFF_MANAGE and AUDIT_READ, for granting roles up to their own. */
  | 'SECURITY'
  /** STOCK_WRITE. */
  | 'STOCK_MANAGER';

/** The outcome of `grantStaffRole` and `revokeStaffRole`. */
export type StaffRoleResult = AccountNotFound | CustomerNotFound | LastOwner | StaffMember;

/**
 * Too many attempts in a short time, from this account or this network. Code TOO_MANY_ATTEMPTS;
 * nothing was checked.
 */
export type TooManyAttempts = UserError & {
  __typename?: 'TooManyAttempts';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Seconds until another attempt is accepted. */
  retryAfterSeconds: Scalars['Int']['output'];
};

/** An expected failure the client can act on. */
export type UserError = {
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A verification mail is on its way. */
export type VerificationEmailSent = {
  __typename?: 'VerificationEmailSent';
  /** Where the mail goes. */
  email: Scalars['String']['output'];
};

/** The outcome of `verifyEmail`. */
export type VerifyEmailResult = EmailVerified | InvalidToken;

/** The new password is not acceptable. Code WEAK_PASSWORD. */
export type WeakPassword = UserError & {
  __typename?: 'WeakPassword';
  /** Stable machine-readable code, such as INVALID_QUANTITY. */
  code: Scalars['String']['output'];
  /** Most characters a password has. */
  maxLength: Scalars['Int']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Fewest characters a password has. */
  minLength: Scalars['Int']['output'];
  /** What is wrong with it. */
  problem: PasswordProblem;
};

/** One event for one subscription, with what the receiver last answered. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Attempts so far. */
  attempts: Scalars['Int']['output'];
  /** When the event was taken (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** The event. */
  event: WebhookEvent;
  /** The id of the domain event it came from. */
  eventId: Scalars['ID']['output'];
  /** Stable id; also the `webhook-id` header, the same on every attempt. */
  id: Scalars['ID']['output'];
  /** Why the last attempt failed (timeout, connection refused, status), if it did. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The start of the last answer's body (at most 1,000 characters). */
  lastResponse?: Maybe<Scalars['String']['output']>;
  /** The HTTP status of the last attempt; null if none, or no answer. */
  lastStatus?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due (ISO 8601), while PENDING and waiting for a retry. */
  nextAttemptAt?: Maybe<Scalars['String']['output']>;
  /** The JSON body as sent. */
  payload: Scalars['JSON']['output'];
  /** Where it stands. */
  status: WebhookDeliveryStatus;
  /** The subscription it is for. */
  subscriptionId: Scalars['ID']['output'];
  /** When it last changed (ISO 8601). */
  updatedAt: Scalars['String']['output'];
};

/** Where a delivery stands. */
export type WebhookDeliveryStatus =
  /** The receiver answered 2xx. */
  | 'DELIVERED'
  /** Every attempt failed; `replayWebhookDelivery` sends it again. */
  | 'FAILED'
  /** Not yet delivered; attempts go on with exponential backoff. */
  | 'PENDING';

/** An event a partner can receive by webhook, by the `type` its receiver sees. */
export type WebhookEvent =
  /** `order.paid`: an order's payment was authorised (id, payment id, total). */
  | 'ORDER_PAID'
  /** `order.placed`: an order was placed (id, lines, total). */
  | 'ORDER_PLACED'
  /** `order.refunded`: money of a paid order went back (refunded so far, captured, full). */
  | 'ORDER_REFUNDED'
  /** `product.updated`: staff changed a product, a variant or a price (ids only). */
  | 'PRODUCT_UPDATED';

/** A partner key's webhook endpoint; never its secret after creation. */
export type WebhookSubscription = {
  __typename?: 'WebhookSubscription';
  /** False once deleted (`deleteWebhookSubscription`). */
  active: Scalars['Boolean']['output'];
  /** When it was made (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** What is sent there. */
  events: Array<WebhookEvent>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Where deliveries are posted. */
  url: Scalars['String']['output'];
};

/** A new subscription: `secret` (`whsec_...`) is shown here once; verify every delivery with it. */
export type WebhookSubscriptionCreated = {
  __typename?: 'WebhookSubscriptionCreated';
  /** The signing secret, by the Standard Webhooks scheme. */
  secret: Scalars['String']['output'];
  /** The subscription. */
  subscription: WebhookSubscription;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Customer: Customer;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  AddressResult:
    | ( AddressRow & { __typename: 'Address' } )
    | ( AddressLimitReached & { __typename: 'AddressLimitReached' } )
    | ( AddressNotFound & { __typename: 'AddressNotFound' } )
    | ( InvalidInput & { __typename: 'InvalidInput' } )
    | ( NotSignedIn & { __typename: 'NotSignedIn' } )
  ;
  ChangePasswordResult:
    | ( InvalidCredentials & { __typename: 'InvalidCredentials' } )
    | ( NotSignedIn & { __typename: 'NotSignedIn' } )
    | ( PasswordChanged & { __typename: 'PasswordChanged' } )
    | ( TooManyAttempts & { __typename: 'TooManyAttempts' } )
    | ( WeakPassword & { __typename: 'WeakPassword' } )
  ;
  CreateWebhookSubscriptionResult:
    | ( InvalidWebhookEvents & { __typename: 'InvalidWebhookEvents' } )
    | ( InvalidWebhookUrl & { __typename: 'InvalidWebhookUrl' } )
    | ( WebhookSubscriptionCreated & { __typename: 'WebhookSubscriptionCreated' } )
  ;
  EraseAccountResult:
    | ( AccountErased & { __typename: 'AccountErased' } )
    | ( CustomerNotFound & { __typename: 'CustomerNotFound' } )
    | ( InvalidCredentials & { __typename: 'InvalidCredentials' } )
    | ( NotSignedIn & { __typename: 'NotSignedIn' } )
    | ( TooManyAttempts & { __typename: 'TooManyAttempts' } )
  ;
  ExportDataResult:
    | ( CustomerNotFound & { __typename: 'CustomerNotFound' } )
    | ( NotSignedIn & { __typename: 'NotSignedIn' } )
    | ( PersonalDataExport & { __typename: 'PersonalDataExport' } )
  ;
  LogoutResult:
    | ( InvalidRefreshToken & { __typename: 'InvalidRefreshToken' } )
    | ( LoggedOut & { __typename: 'LoggedOut' } )
  ;
  RemoveAddressResult:
    | ( AddressNotFound & { __typename: 'AddressNotFound' } )
    | ( AddressRemoved & { __typename: 'AddressRemoved' } )
    | ( NotSignedIn & { __typename: 'NotSignedIn' } )
  ;
  RequestEmailVerificationResult:
    | ( EmailAlreadyVerified & { __typename: 'EmailAlreadyVerified' } )
    | ( NotSignedIn & { __typename: 'NotSignedIn' } )
    | ( TooManyAttempts & { __typename: 'TooManyAttempts' } )
    | ( VerificationEmailSent & { __typename: 'VerificationEmailSent' } )
  ;
  SessionResult:
    | ( EmailTaken & { __typename: 'EmailTaken' } )
    | ( InvalidCredentials & { __typename: 'InvalidCredentials' } )
    | ( InvalidInput & { __typename: 'InvalidInput' } )
    | ( InvalidRefreshToken & { __typename: 'InvalidRefreshToken' } )
    | ( InvalidToken & { __typename: 'InvalidToken' } )
    | ( SessionView & { __typename: 'Session' } )
    | ( TooManyAttempts & { __typename: 'TooManyAttempts' } )
    | ( WeakPassword & { __typename: 'WeakPassword' } )
  ;
  StaffRoleResult:
    | ( AccountNotFound & { __typename: 'AccountNotFound' } )
    | ( CustomerNotFound & { __typename: 'CustomerNotFound' } )
    | ( LastOwner & { __typename: 'LastOwner' } )
    | ( StaffMemberView & { __typename: 'StaffMember' } )
  ;
  VerifyEmailResult:
    | ( EmailVerified & { __typename: 'EmailVerified' } )
    | ( InvalidToken & { __typename: 'InvalidToken' } )
  ;
}>;

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError:
    | ( AccountNotFound & { __typename: 'AccountNotFound' } )
    | ( AddressLimitReached & { __typename: 'AddressLimitReached' } )
    | ( AddressNotFound & { __typename: 'AddressNotFound' } )
    | ( CustomerNotFound & { __typename: 'CustomerNotFound' } )
    | ( EmailAlreadyVerified & { __typename: 'EmailAlreadyVerified' } )
    | ( EmailTaken & { __typename: 'EmailTaken' } )
    | ( InvalidCredentials & { __typename: 'InvalidCredentials' } )
    | ( InvalidInput & { __typename: 'InvalidInput' } )
    | ( InvalidRefreshToken & { __typename: 'InvalidRefreshToken' } )
    | ( InvalidToken & { __typename: 'InvalidToken' } )
    | ( InvalidWebhookEvents & { __typename: 'InvalidWebhookEvents' } )
    | ( InvalidWebhookUrl & { __typename: 'InvalidWebhookUrl' } )
    | ( LastOwner & { __typename: 'LastOwner' } )
    | ( NotSignedIn & { __typename: 'NotSignedIn' } )
    | ( TooManyAttempts & { __typename: 'TooManyAttempts' } )
    | ( WeakPassword & { __typename: 'WeakPassword' } )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccountErased: ResolverTypeWrapper<AccountErased>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AccountNotFound: ResolverTypeWrapper<AccountNotFound>;
  Address: ResolverTypeWrapper<AddressRow>;
  AddressInput: AddressInput;
  AddressLimitReached: ResolverTypeWrapper<AddressLimitReached>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AddressNotFound: ResolverTypeWrapper<AddressNotFound>;
  AddressRemoved: ResolverTypeWrapper<AddressRemoved>;
  AddressResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['AddressResult']>;
  AdminActorKind: AdminActorKind;
  AdminAuditEntry: ResolverTypeWrapper<AdminAuditRow>;
  AdminAuditPage: ResolverTypeWrapper<AdminAuditPageView>;
  ApiKey: ResolverTypeWrapper<ApiKeyRow>;
  ApiKeyCreated: ResolverTypeWrapper<ApiKeyCreatedView>;
  ApiKeyGrant: ResolverTypeWrapper<ApiKeyGrantView>;
  ApiKeyScope: ApiKeyScope;
  ChangePasswordResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ChangePasswordResult']>;
  CreateWebhookSubscriptionInput: CreateWebhookSubscriptionInput;
  CreateWebhookSubscriptionResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CreateWebhookSubscriptionResult']>;
  Customer: ResolverTypeWrapper<CustomerRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CustomerNotFound: ResolverTypeWrapper<CustomerNotFound>;
  EmailAlreadyVerified: ResolverTypeWrapper<EmailAlreadyVerified>;
  EmailTaken: ResolverTypeWrapper<EmailTaken>;
  EmailVerified: ResolverTypeWrapper<EmailVerified>;
  EraseAccountResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['EraseAccountResult']>;
  ExportDataResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ExportDataResult']>;
  InvalidCredentials: ResolverTypeWrapper<InvalidCredentials>;
  InvalidInput: ResolverTypeWrapper<InvalidInput>;
  InvalidRefreshToken: ResolverTypeWrapper<InvalidRefreshToken>;
  InvalidRefreshTokenReason: InvalidRefreshTokenReason;
  InvalidToken: ResolverTypeWrapper<InvalidToken>;
  InvalidWebhookEvents: ResolverTypeWrapper<InvalidWebhookEvents>;
  InvalidWebhookUrl: ResolverTypeWrapper<InvalidWebhookUrl>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LastOwner: ResolverTypeWrapper<LastOwner>;
  LoggedOut: ResolverTypeWrapper<LoggedOut>;
  LogoutResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['LogoutResult']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NotSignedIn: ResolverTypeWrapper<NotSignedIn>;
  PasswordChanged: ResolverTypeWrapper<PasswordChanged>;
  PasswordProblem: PasswordProblem;
  Permission: Permission;
  PersonalDataExport: ResolverTypeWrapper<PersonalDataExport>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterInput: RegisterInput;
  RemoveAddressResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RemoveAddressResult']>;
  RequestEmailVerificationResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RequestEmailVerificationResult']>;
  Session: ResolverTypeWrapper<SessionView>;
  SessionGrant: ResolverTypeWrapper<SessionGrantView>;
  SessionResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SessionResult']>;
  StaffMember: ResolverTypeWrapper<StaffMemberView>;
  StaffRole: StaffRole;
  StaffRoleResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['StaffRoleResult']>;
  TooManyAttempts: ResolverTypeWrapper<TooManyAttempts>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VerificationEmailSent: ResolverTypeWrapper<VerificationEmailSent>;
  VerifyEmailResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['VerifyEmailResult']>;
  WeakPassword: ResolverTypeWrapper<WeakPassword>;
  WebhookDelivery: ResolverTypeWrapper<WebhookDelivery>;
  WebhookDeliveryStatus: WebhookDeliveryStatus;
  WebhookEvent: WebhookEvent;
  WebhookSubscription: ResolverTypeWrapper<WebhookSubscription>;
  WebhookSubscriptionCreated: ResolverTypeWrapper<WebhookSubscriptionCreated>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AccountErased: AccountErased;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  AccountNotFound: AccountNotFound;
  Address: AddressRow;
  AddressInput: AddressInput;
  AddressLimitReached: AddressLimitReached;
  Int: Scalars['Int']['output'];
  AddressNotFound: AddressNotFound;
  AddressRemoved: AddressRemoved;
  AddressResult: ResolversUnionTypes<ResolversParentTypes>['AddressResult'];
  AdminAuditEntry: AdminAuditRow;
  AdminAuditPage: AdminAuditPageView;
  ApiKey: ApiKeyRow;
  ApiKeyCreated: ApiKeyCreatedView;
  ApiKeyGrant: ApiKeyGrantView;
  ChangePasswordResult: ResolversUnionTypes<ResolversParentTypes>['ChangePasswordResult'];
  CreateWebhookSubscriptionInput: CreateWebhookSubscriptionInput;
  CreateWebhookSubscriptionResult: ResolversUnionTypes<ResolversParentTypes>['CreateWebhookSubscriptionResult'];
  Customer: CustomerRow;
  Boolean: Scalars['Boolean']['output'];
  CustomerNotFound: CustomerNotFound;
  EmailAlreadyVerified: EmailAlreadyVerified;
  EmailTaken: EmailTaken;
  EmailVerified: EmailVerified;
  EraseAccountResult: ResolversUnionTypes<ResolversParentTypes>['EraseAccountResult'];
  ExportDataResult: ResolversUnionTypes<ResolversParentTypes>['ExportDataResult'];
  InvalidCredentials: InvalidCredentials;
  InvalidInput: InvalidInput;
  InvalidRefreshToken: InvalidRefreshToken;
  InvalidToken: InvalidToken;
  InvalidWebhookEvents: InvalidWebhookEvents;
  InvalidWebhookUrl: InvalidWebhookUrl;
  JSON: Scalars['JSON']['output'];
  LastOwner: LastOwner;
  LoggedOut: LoggedOut;
  LogoutResult: ResolversUnionTypes<ResolversParentTypes>['LogoutResult'];
  Mutation: Record<PropertyKey, never>;
  NotSignedIn: NotSignedIn;
  PasswordChanged: PasswordChanged;
  PersonalDataExport: PersonalDataExport;
  Query: Record<PropertyKey, never>;
  RegisterInput: RegisterInput;
  RemoveAddressResult: ResolversUnionTypes<ResolversParentTypes>['RemoveAddressResult'];
  RequestEmailVerificationResult: ResolversUnionTypes<ResolversParentTypes>['RequestEmailVerificationResult'];
  Session: SessionView;
  SessionGrant: SessionGrantView;
  SessionResult: ResolversUnionTypes<ResolversParentTypes>['SessionResult'];
  StaffMember: StaffMemberView;
  StaffRoleResult: ResolversUnionTypes<ResolversParentTypes>['StaffRoleResult'];
  TooManyAttempts: TooManyAttempts;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  VerificationEmailSent: VerificationEmailSent;
  VerifyEmailResult: ResolversUnionTypes<ResolversParentTypes>['VerifyEmailResult'];
  WeakPassword: WeakPassword;
  WebhookDelivery: WebhookDelivery;
  WebhookSubscription: WebhookSubscription;
  WebhookSubscriptionCreated: WebhookSubscriptionCreated;
}>;

export type AccountErasedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccountErased'] = ResolversParentTypes['AccountErased']> = ResolversObject<{
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  erasedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AccountNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccountNotFound'] = ResolversParentTypes['AccountNotFound']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AddressLimitReachedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AddressLimitReached'] = ResolversParentTypes['AddressLimitReached']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxAddresses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AddressNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AddressNotFound'] = ResolversParentTypes['AddressNotFound']> = ResolversObject<{
  addressId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AddressRemovedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AddressRemoved'] = ResolversParentTypes['AddressRemoved']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AddressResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AddressResult'] = ResolversParentTypes['AddressResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Address' | 'AddressLimitReached' | 'AddressNotFound' | 'InvalidInput' | 'NotSignedIn', ParentType, ContextType>;
}>;

export type AdminAuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdminAuditEntry'] = ResolversParentTypes['AdminAuditEntry']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  actorKind?: Resolver<ResolversTypes['AdminActorKind'], ParentType, ContextType>;
  details?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AdminAuditPageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdminAuditPage'] = ResolversParentTypes['AdminAuditPage']> = ResolversObject<{
  entries?: Resolver<Array<ResolversTypes['AdminAuditEntry']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ApiKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ApiKeyScope']>, ParentType, ContextType>;
}>;

export type ApiKeyCreatedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyCreated'] = ResolversParentTypes['ApiKeyCreated']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ApiKeyGrantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyGrant'] = ResolversParentTypes['ApiKeyGrant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ApiKeyScope']>, ParentType, ContextType>;
}>;

export type ChangePasswordResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangePasswordResult'] = ResolversParentTypes['ChangePasswordResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidCredentials' | 'NotSignedIn' | 'PasswordChanged' | 'TooManyAttempts' | 'WeakPassword', ParentType, ContextType>;
}>;

export type CreateWebhookSubscriptionResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateWebhookSubscriptionResult'] = ResolversParentTypes['CreateWebhookSubscriptionResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidWebhookEvents' | 'InvalidWebhookUrl' | 'WebhookSubscriptionCreated', ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  addresses?: Resolver<Array<ResolversTypes['Address']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  emailVerified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['Permission']>, ParentType, ContextType>;
  staffRoles?: Resolver<Array<ResolversTypes['StaffRole']>, ParentType, ContextType>;
}>;

export type CustomerNotFoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerNotFound'] = ResolversParentTypes['CustomerNotFound']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type EmailAlreadyVerifiedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EmailAlreadyVerified'] = ResolversParentTypes['EmailAlreadyVerified']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type EmailTakenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EmailTaken'] = ResolversParentTypes['EmailTaken']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type EmailVerifiedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EmailVerified'] = ResolversParentTypes['EmailVerified']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type EraseAccountResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EraseAccountResult'] = ResolversParentTypes['EraseAccountResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AccountErased' | 'CustomerNotFound' | 'InvalidCredentials' | 'NotSignedIn' | 'TooManyAttempts', ParentType, ContextType>;
}>;

export type ExportDataResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExportDataResult'] = ResolversParentTypes['ExportDataResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CustomerNotFound' | 'NotSignedIn' | 'PersonalDataExport', ParentType, ContextType>;
}>;

export type InvalidCredentialsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidCredentials'] = ResolversParentTypes['InvalidCredentials']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidInputResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidInput'] = ResolversParentTypes['InvalidInput']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidRefreshTokenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidRefreshToken'] = ResolversParentTypes['InvalidRefreshToken']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['InvalidRefreshTokenReason'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidTokenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidToken'] = ResolversParentTypes['InvalidToken']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidWebhookEventsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidWebhookEvents'] = ResolversParentTypes['InvalidWebhookEvents']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type InvalidWebhookUrlResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvalidWebhookUrl'] = ResolversParentTypes['InvalidWebhookUrl']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LastOwnerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LastOwner'] = ResolversParentTypes['LastOwner']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LoggedOutResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LoggedOut'] = ResolversParentTypes['LoggedOut']> = ResolversObject<{
  sessionsRevoked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LogoutResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LogoutResult'] = ResolversParentTypes['LogoutResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'InvalidRefreshToken' | 'LoggedOut', ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addAddress?: Resolver<ResolversTypes['AddressResult'], ParentType, ContextType, RequireFields<MutationAddAddressArgs, 'input'>>;
  changePassword?: Resolver<ResolversTypes['ChangePasswordResult'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  createApiKey?: Resolver<ResolversTypes['ApiKeyCreated'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'name' | 'scopes'>>;
  createWebhookSubscription?: Resolver<ResolversTypes['CreateWebhookSubscriptionResult'], ParentType, ContextType, RequireFields<MutationCreateWebhookSubscriptionArgs, 'input'>>;
  deleteWebhookSubscription?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteWebhookSubscriptionArgs, 'id'>>;
  eraseCustomer?: Resolver<ResolversTypes['EraseAccountResult'], ParentType, ContextType, RequireFields<MutationEraseCustomerArgs, 'customerId'>>;
  eraseMyAccount?: Resolver<ResolversTypes['EraseAccountResult'], ParentType, ContextType, RequireFields<MutationEraseMyAccountArgs, 'password'>>;
  exportCustomerData?: Resolver<ResolversTypes['ExportDataResult'], ParentType, ContextType, RequireFields<MutationExportCustomerDataArgs, 'customerId'>>;
  exportMyData?: Resolver<ResolversTypes['ExportDataResult'], ParentType, ContextType>;
  grantStaffRole?: Resolver<ResolversTypes['StaffRoleResult'], ParentType, ContextType, RequireFields<MutationGrantStaffRoleArgs, 'email' | 'role'>>;
  login?: Resolver<ResolversTypes['SessionResult'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  logout?: Resolver<ResolversTypes['LogoutResult'], ParentType, ContextType, RequireFields<MutationLogoutArgs, 'everywhere' | 'refreshToken'>>;
  refreshSession?: Resolver<ResolversTypes['SessionResult'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  register?: Resolver<ResolversTypes['SessionResult'], ParentType, ContextType, RequireFields<MutationRegisterArgs, 'input'>>;
  removeAddress?: Resolver<ResolversTypes['RemoveAddressResult'], ParentType, ContextType, RequireFields<MutationRemoveAddressArgs, 'id'>>;
  replayWebhookDelivery?: Resolver<Maybe<ResolversTypes['WebhookDelivery']>, ParentType, ContextType, RequireFields<MutationReplayWebhookDeliveryArgs, 'id'>>;
  requestEmailVerification?: Resolver<ResolversTypes['RequestEmailVerificationResult'], ParentType, ContextType>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['SessionResult'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'newPassword' | 'token'>>;
  revokeApiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  revokeStaffRole?: Resolver<ResolversTypes['StaffRoleResult'], ParentType, ContextType, RequireFields<MutationRevokeStaffRoleArgs, 'customerId' | 'role'>>;
  updateAddress?: Resolver<ResolversTypes['AddressResult'], ParentType, ContextType, RequireFields<MutationUpdateAddressArgs, 'id' | 'input'>>;
  verifyEmail?: Resolver<ResolversTypes['VerifyEmailResult'], ParentType, ContextType, RequireFields<MutationVerifyEmailArgs, 'token'>>;
}>;

export type NotSignedInResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotSignedIn'] = ResolversParentTypes['NotSignedIn']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PasswordChangedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PasswordChanged'] = ResolversParentTypes['PasswordChanged']> = ResolversObject<{
  otherSessionsRevoked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PersonalDataExportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonalDataExport'] = ResolversParentTypes['PersonalDataExport']> = ResolversObject<{
  data?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  exportedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  adminAuditLog?: Resolver<ResolversTypes['AdminAuditPage'], ParentType, ContextType, RequireFields<QueryAdminAuditLogArgs, 'first'>>;
  apiKeyByToken?: Resolver<Maybe<ResolversTypes['ApiKeyGrant']>, ParentType, ContextType, RequireFields<QueryApiKeyByTokenArgs, 'key'>>;
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  sessionGrant?: Resolver<Maybe<ResolversTypes['SessionGrant']>, ParentType, ContextType, RequireFields<QuerySessionGrantArgs, 'customerId' | 'sessionId'>>;
  staff?: Resolver<Array<ResolversTypes['StaffMember']>, ParentType, ContextType>;
  webhookDeliveries?: Resolver<Array<ResolversTypes['WebhookDelivery']>, ParentType, ContextType, RequireFields<QueryWebhookDeliveriesArgs, 'subscriptionId'>>;
  webhookSubscriptions?: Resolver<Array<ResolversTypes['WebhookSubscription']>, ParentType, ContextType>;
}>;

export type RemoveAddressResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RemoveAddressResult'] = ResolversParentTypes['RemoveAddressResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AddressNotFound' | 'AddressRemoved' | 'NotSignedIn', ParentType, ContextType>;
}>;

export type RequestEmailVerificationResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RequestEmailVerificationResult'] = ResolversParentTypes['RequestEmailVerificationResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'EmailAlreadyVerified' | 'NotSignedIn' | 'TooManyAttempts' | 'VerificationEmailSent', ParentType, ContextType>;
}>;

export type SessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshTokenExpiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SessionGrantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SessionGrant'] = ResolversParentTypes['SessionGrant']> = ResolversObject<{
  permissions?: Resolver<Array<ResolversTypes['Permission']>, ParentType, ContextType>;
}>;

export type SessionResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SessionResult'] = ResolversParentTypes['SessionResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'EmailTaken' | 'InvalidCredentials' | 'InvalidInput' | 'InvalidRefreshToken' | 'InvalidToken' | 'Session' | 'TooManyAttempts' | 'WeakPassword', ParentType, ContextType>;
}>;

export type StaffMemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StaffMember'] = ResolversParentTypes['StaffMember']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['Permission']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['StaffRole']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StaffRoleResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StaffRoleResult'] = ResolversParentTypes['StaffRoleResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AccountNotFound' | 'CustomerNotFound' | 'LastOwner' | 'StaffMember', ParentType, ContextType>;
}>;

export type TooManyAttemptsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TooManyAttempts'] = ResolversParentTypes['TooManyAttempts']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AccountNotFound' | 'AddressLimitReached' | 'AddressNotFound' | 'CustomerNotFound' | 'EmailAlreadyVerified' | 'EmailTaken' | 'InvalidCredentials' | 'InvalidInput' | 'InvalidRefreshToken' | 'InvalidToken' | 'InvalidWebhookEvents' | 'InvalidWebhookUrl' | 'LastOwner' | 'NotSignedIn' | 'TooManyAttempts' | 'WeakPassword', ParentType, ContextType>;
}>;

export type VerificationEmailSentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VerificationEmailSent'] = ResolversParentTypes['VerificationEmailSent']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type VerifyEmailResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VerifyEmailResult'] = ResolversParentTypes['VerifyEmailResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'EmailVerified' | 'InvalidToken', ParentType, ContextType>;
}>;

export type WeakPasswordResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WeakPassword'] = ResolversParentTypes['WeakPassword']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  problem?: Resolver<ResolversTypes['PasswordProblem'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type WebhookDeliveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  event?: Resolver<ResolversTypes['WebhookEvent'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastResponse?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastStatus?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
  subscriptionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WebhookSubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WebhookSubscription'] = ResolversParentTypes['WebhookSubscription']> = ResolversObject<{
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['WebhookEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WebhookSubscriptionCreatedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WebhookSubscriptionCreated'] = ResolversParentTypes['WebhookSubscriptionCreated']> = ResolversObject<{
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['WebhookSubscription'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AccountErased?: AccountErasedResolvers<ContextType>;
  AccountNotFound?: AccountNotFoundResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  AddressLimitReached?: AddressLimitReachedResolvers<ContextType>;
  AddressNotFound?: AddressNotFoundResolvers<ContextType>;
  AddressRemoved?: AddressRemovedResolvers<ContextType>;
  AddressResult?: AddressResultResolvers<ContextType>;
  AdminAuditEntry?: AdminAuditEntryResolvers<ContextType>;
  AdminAuditPage?: AdminAuditPageResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyCreated?: ApiKeyCreatedResolvers<ContextType>;
  ApiKeyGrant?: ApiKeyGrantResolvers<ContextType>;
  ChangePasswordResult?: ChangePasswordResultResolvers<ContextType>;
  CreateWebhookSubscriptionResult?: CreateWebhookSubscriptionResultResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerNotFound?: CustomerNotFoundResolvers<ContextType>;
  EmailAlreadyVerified?: EmailAlreadyVerifiedResolvers<ContextType>;
  EmailTaken?: EmailTakenResolvers<ContextType>;
  EmailVerified?: EmailVerifiedResolvers<ContextType>;
  EraseAccountResult?: EraseAccountResultResolvers<ContextType>;
  ExportDataResult?: ExportDataResultResolvers<ContextType>;
  InvalidCredentials?: InvalidCredentialsResolvers<ContextType>;
  InvalidInput?: InvalidInputResolvers<ContextType>;
  InvalidRefreshToken?: InvalidRefreshTokenResolvers<ContextType>;
  InvalidToken?: InvalidTokenResolvers<ContextType>;
  InvalidWebhookEvents?: InvalidWebhookEventsResolvers<ContextType>;
  InvalidWebhookUrl?: InvalidWebhookUrlResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LastOwner?: LastOwnerResolvers<ContextType>;
  LoggedOut?: LoggedOutResolvers<ContextType>;
  LogoutResult?: LogoutResultResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NotSignedIn?: NotSignedInResolvers<ContextType>;
  PasswordChanged?: PasswordChangedResolvers<ContextType>;
  PersonalDataExport?: PersonalDataExportResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RemoveAddressResult?: RemoveAddressResultResolvers<ContextType>;
  RequestEmailVerificationResult?: RequestEmailVerificationResultResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  SessionGrant?: SessionGrantResolvers<ContextType>;
  SessionResult?: SessionResultResolvers<ContextType>;
  StaffMember?: StaffMemberResolvers<ContextType>;
  StaffRoleResult?: StaffRoleResultResolvers<ContextType>;
  TooManyAttempts?: TooManyAttemptsResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  VerificationEmailSent?: VerificationEmailSentResolvers<ContextType>;
  VerifyEmailResult?: VerifyEmailResultResolvers<ContextType>;
  WeakPassword?: WeakPasswordResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookSubscription?: WebhookSubscriptionResolvers<ContextType>;
  WebhookSubscriptionCreated?: WebhookSubscriptionCreatedResolvers<ContextType>;
}>;

