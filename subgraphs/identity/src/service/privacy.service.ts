import { and, asc, eq, getTableColumns, or, sql } from 'drizzle-orm';
import { recordEvent, type OutboxRelay } from '@commerce-graph/events';
import {
  isUuid,
  requirePermission,
  toPlainJson,
  type Actor,
  type Logger,
  type PlainJson,
  type SubgraphClient,
} from '@commerce-graph/kit';
import type { ResolversParentTypes } from '../__generated__/resolvers-types.ts';
import type { IdentityDb } from '../db/client.ts';
import {
  accountTokens,
  addresses,
  adminAudit,
  customers,
  outboundMail,
  outboxEvents,
  privacyAudit,
  sessions,
  staffRoles,
  type PrivacyActorKind,
} from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import type { AuditService } from './audit.service.ts';
import { accountKey, type AttemptLimits } from './limits.ts';
import { couldBePassword, type PasswordHasher } from './passwords.ts';
import { refuse } from './refusals.ts';
import type { SessionService } from './session.service.ts';

type Result<N extends keyof ResolversParentTypes> = ResolversParentTypes[N];
export type ExportDataResult = Result<'ExportDataResult'>;
export type EraseAccountResult = Result<'EraseAccountResult'>;

/** Who asks for an export or an erasure: the customer themself, or staff on their behalf. */
interface Requester {
  kind: PrivacyActorKind;
  network: string | undefined;
  /** The staff member acting on the customer's behalf: the request goes in the admin audit too. */
  staff?: Actor;
}

/** The placeholder an erased account's email becomes: unique per customer, never deliverable. */
export const erasedEmail = (customerId: string) => `erased-${customerId}@erased.invalid`;

const CART_PERSONAL_DATA = /* GraphQL */ `
  query CartPersonalData($customerId: ID!) {
    cartPersonalData(customerId: $customerId)
  }
`;
const CHECKOUT_PERSONAL_DATA = /* GraphQL */ `
  query CheckoutPersonalData($customerId: ID!) {
    checkoutPersonalData(customerId: $customerId)
  }
`;

/**
 * GDPR: the export of everything the graph holds about a customer (identity's part, and cart's
 * and checkout's through their internal `cartPersonalData` and `checkoutPersonalData` queries),
 * and erasure (identity anonymises the account and tells the other subgraphs through
 * `identity.customer.erased`).
 * Every export and erasure is recorded in `identity.privacy_audit`.
 */
export class PrivacyService {
  constructor(
    private readonly deps: {
      db: IdentityDb;
      sessions: SessionService;
      passwords: PasswordHasher;
      limits: AttemptLimits;
      relay: OutboxRelay;
      audit: AuditService;
      /** The subgraphs holding data by customer id, called with the internal token. */
      upstream: { cart: SubgraphClient; checkout: SubgraphClient };
      logger: Logger;
    },
  ) {}

  /** The signed-in customer's export (a live session needed). */
  async exportMyData(loaders: Loaders, actor: Actor): Promise<ExportDataResult> {
    const signedIn = await this.deps.sessions.signedIn(loaders, actor);
    if (!signedIn) return refuse.notSignedIn();
    return this.export(signedIn.customer.id, { kind: 'customer', network: actor.network });
  }

  /** Staff with `customers:manage`: the export on a customer's behalf. */
  async exportCustomerData(actor: Actor, customerId: string): Promise<ExportDataResult> {
    requirePermission(actor, 'customers:manage');
    const id = await this.existing(customerId);
    if (!id) return refuse.customerNotFound(customerId);
    return this.export(id, { kind: 'admin', network: actor.network, staff: actor });
  }

  /** Erases the signed-in customer's account after checking the password again. */
  async eraseMyAccount(
    loaders: Loaders,
    actor: Actor,
    input: { password: string },
  ): Promise<EraseAccountResult> {
    const signedIn = await this.deps.sessions.signedIn(loaders, actor);
    if (!signedIn) return refuse.notSignedIn();
    const { customer } = signedIn;
    const throttled = await this.deps.limits.signIn(actor.network, accountKey(customer.email));
    if (throttled) return throttled;
    if (
      !couldBePassword(input.password) ||
      !(await this.deps.passwords.verify(customer.passwordHash, input.password))
    ) {
      return refuse.invalidCredentials();
    }
    const result = await this.erase(customer.id, { kind: 'customer', network: actor.network });
    loaders.customerById.clear(customer.id);
    return result;
  }

  /**
   * An admin's erasure on a customer's behalf. Erasing an erased account again records another
   * audit row and event: the other subgraphs erase again whatever arrived since (a cart made
   * with an access token that outlived the erasure).
   */
  async eraseCustomer(actor: Actor, customerId: string): Promise<EraseAccountResult> {
    requirePermission(actor, 'customers:manage');
    const id = await this.existing(customerId);
    if (!id) return refuse.customerNotFound(customerId);
    return this.erase(id, { kind: 'admin', network: actor.network, staff: actor });
  }

  /** Assembles the export document, then records the audit row; nothing is handed out unaudited. */
  private async export(customerId: string, requester: Requester): Promise<ExportDataResult> {
    const variables = { customerId };
    const [identity, cart, checkout] = await Promise.all([
      this.identityPart(customerId),
      this.deps.upstream.cart.request<{ cartPersonalData: PlainJson }>(
        CART_PERSONAL_DATA,
        variables,
      ),
      this.deps.upstream.checkout.request<{ checkoutPersonalData: PlainJson }>(
        CHECKOUT_PERSONAL_DATA,
        variables,
      ),
    ]);
    const exportedAt = new Date();
    await this.deps.db.transaction((tx) => this.audit(tx, 'export', customerId, requester));
    this.deps.logger.info({ customerId, requester: requester.kind }, 'personal data exported');
    return {
      __typename: 'PersonalDataExport',
      exportedAt: exportedAt.toISOString(),
      data: {
        exportedAt: exportedAt.toISOString(),
        customerId,
        identity,
        cart: cart.cartPersonalData,
        checkout: checkout.checkoutPersonalData,
      },
    };
  }

  /**
   * Identity's part: the account, address book, sessions, mail tokens (without their hashes),
   * the mails sent to the address, the audit of earlier privacy requests, staff roles and the
   * admin audit entries the customer did or was the target of. The password hash
   * and token hashes are secrets, not data about the customer, and stay out.
   */
  private async identityPart(customerId: string): Promise<PlainJson> {
    const db = this.deps.db;
    const { passwordHash: _password, ...customerColumns } = getTableColumns(customers);
    const { tokenHash: _token, ...tokenColumns } = getTableColumns(accountTokens);
    const [customer] = await db
      .select(customerColumns)
      .from(customers)
      .where(eq(customers.id, customerId));
    if (!customer) throw new Error(`Customer ${customerId} vanished during its export`);
    const [book, devices, tokens, mails, audit, roles, adminActions] = await Promise.all([
      db
        .select()
        .from(addresses)
        .where(eq(addresses.customerId, customerId))
        .orderBy(asc(addresses.createdAt), asc(addresses.id)),
      db
        .select()
        .from(sessions)
        .where(eq(sessions.customerId, customerId))
        .orderBy(asc(sessions.createdAt), asc(sessions.id)),
      db
        .select(tokenColumns)
        .from(accountTokens)
        .where(eq(accountTokens.customerId, customerId))
        .orderBy(asc(accountTokens.createdAt), asc(accountTokens.id)),
      // The mail sink keeps no customer id: the mails are the ones sent to the account's address.
      db
        .select()
        .from(outboundMail)
        .where(sql`lower(${outboundMail.recipient}) = lower(${customer.email})`)
        .orderBy(asc(outboundMail.sentAt), asc(outboundMail.id)),
      db
        .select()
        .from(privacyAudit)
        .where(eq(privacyAudit.customerId, customerId))
        .orderBy(asc(privacyAudit.createdAt), asc(privacyAudit.id)),
      db
        .select()
        .from(staffRoles)
        .where(eq(staffRoles.customerId, customerId))
        .orderBy(asc(staffRoles.grantedAt), asc(staffRoles.role)),
      // What the customer did as staff, and what staff did to their account.
      db
        .select()
        .from(adminAudit)
        .where(or(eq(adminAudit.actorId, customerId), eq(adminAudit.targetId, customerId)))
        .orderBy(asc(adminAudit.occurredAt), asc(adminAudit.id)),
    ]);
    return toPlainJson({
      customers: [customer],
      addresses: book,
      sessions: devices,
      accountTokens: tokens,
      outboundMail: mails,
      privacyAudit: audit,
      staffRoles: roles,
      adminAudit: adminActions,
    });
  }

  /**
   * In one transaction: the email becomes a placeholder, the password hash goes (no login can
   * succeed), addresses, mail tokens, sent mails and unsent mail events are deleted, every
   * session ends, the audit row is written and `identity.customer.erased` goes to the outbox.
   */
  private async erase(customerId: string, requester: Requester): Promise<EraseAccountResult> {
    const erasedAt = await this.deps.db.transaction(async (tx) => {
      const [customer] = await tx
        .select()
        .from(customers)
        .where(eq(customers.id, customerId))
        .for('update');
      if (!customer) throw new Error(`Customer ${customerId} vanished during its erasure`);
      if (!customer.erasedAt) {
        await tx
          .delete(outboundMail)
          .where(sql`lower(${outboundMail.recipient}) = lower(${customer.email})`);
      }
      const [erased] = await tx
        .update(customers)
        .set({
          email: erasedEmail(customerId),
          passwordHash: null,
          emailVerifiedAt: null,
          erasedAt: sql`coalesce(${customers.erasedAt}, now())`,
          updatedAt: sql`now()`,
        })
        .where(eq(customers.id, customerId))
        .returning({ erasedAt: customers.erasedAt });
      await tx.delete(addresses).where(eq(addresses.customerId, customerId));
      await tx.delete(staffRoles).where(eq(staffRoles.customerId, customerId));
      await tx.delete(accountTokens).where(eq(accountTokens.customerId, customerId));
      // Mail events not yet relayed carry the address and a token: they must not go out now.
      await tx
        .delete(outboxEvents)
        .where(
          and(
            eq(outboxEvents.name, 'identity.email.requested'),
            sql`${outboxEvents.payload}->>'customerId' = ${customerId}`,
          ),
        );
      await this.deps.sessions.revokeSessions(tx, customerId, 'account-erased');
      await this.audit(tx, 'erasure', customerId, requester);
      await recordEvent(tx, outboxEvents, 'identity.customer.erased', { customerId });
      return erased!.erasedAt!;
    });
    void this.deps.relay.flush();
    this.deps.logger.info({ customerId, requester: requester.kind }, 'customer erased');
    return { __typename: 'AccountErased', customerId, erasedAt: erasedAt.toISOString() };
  }

  /** The privacy audit row, and the admin audit's when staff asked. */
  private async audit(
    db: Pick<IdentityDb, 'insert'>,
    action: 'export' | 'erasure',
    customerId: string,
    requester: Requester,
  ): Promise<void> {
    await db.insert(privacyAudit).values({
      action,
      customerId,
      actorKind: requester.kind,
      network: requester.network ?? null,
    });
    if (requester.staff) {
      await this.deps.audit.record(
        db,
        requester.staff,
        action === 'export' ? 'exportCustomerData' : 'eraseCustomer',
        { type: 'Customer', id: customerId },
      );
    }
  }

  /** The canonical id of an existing customer, erased ones included; null otherwise. */
  private async existing(customerId: string): Promise<string | null> {
    if (!isUuid(customerId)) return null;
    const [row] = await this.deps.db
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.id, customerId.toLowerCase()));
    return row?.id ?? null;
  }
}
