import { and, count, eq, sql } from 'drizzle-orm';
import { isUuid, parsePostalAddress, type Actor } from '@commerce-graph/kit';
import type { AddressInput, ResolversParentTypes } from '../__generated__/resolvers-types.ts';
import type { IdentityDb } from '../db/client.ts';
import { addresses, customers } from '../db/schema.ts';
import type { Loaders } from '../loaders.ts';
import { refuse } from './refusals.ts';
import type { SessionService } from './session.service.ts';

/** Most addresses one customer keeps. */
export const MAX_ADDRESSES = 20;

type AddressResult = ResolversParentTypes['AddressResult'];
type RemoveAddressResult = ResolversParentTypes['RemoveAddressResult'];

/** The signed-in customer's address book. */
export class AddressService {
  constructor(
    private readonly db: IdentityDb,
    private readonly sessions: SessionService,
  ) {}

  /** Adds an address, refusing past `MAX_ADDRESSES`. */
  async addAddress(loaders: Loaders, actor: Actor, input: AddressInput): Promise<AddressResult> {
    const signedIn = await this.sessions.signedIn(loaders, actor);
    if (!signedIn) return refuse.notSignedIn();
    const parsed = parseAddress(input);
    if (!parsed.ok) return parsed.error;
    const customerId = signedIn.customer.id;
    const result = await this.db.transaction(async (tx): Promise<AddressResult> => {
      // The customer's row lock serialises additions, so two at once cannot pass the limit.
      await tx
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.id, customerId))
        .for('update');
      const [kept] = await tx
        .select({ n: count() })
        .from(addresses)
        .where(eq(addresses.customerId, customerId));
      if ((kept?.n ?? 0) >= MAX_ADDRESSES) return refuse.addressLimitReached(MAX_ADDRESSES);
      const [row] = await tx
        .insert(addresses)
        .values({ ...parsed.value, customerId })
        .returning();
      if (!row) throw new Error('insert into identity.addresses returned no row');
      return { __typename: 'Address', ...row };
    });
    loaders.addressesByCustomerId.clear(customerId);
    return result;
  }

  /** Replaces an address of the signed-in customer. */
  async updateAddress(
    loaders: Loaders,
    actor: Actor,
    input: { id: string; input: AddressInput },
  ): Promise<AddressResult> {
    const signedIn = await this.sessions.signedIn(loaders, actor);
    if (!signedIn) return refuse.notSignedIn();
    const parsed = parseAddress(input.input);
    if (!parsed.ok) return parsed.error;
    if (!isUuid(input.id)) return refuse.addressNotFound(input.id);
    const customerId = signedIn.customer.id;
    const [row] = await this.db
      .update(addresses)
      .set({ ...parsed.value, updatedAt: sql`now()` })
      .where(and(eq(addresses.id, input.id.toLowerCase()), eq(addresses.customerId, customerId)))
      .returning();
    loaders.addressesByCustomerId.clear(customerId);
    return row ? { __typename: 'Address', ...row } : refuse.addressNotFound(input.id);
  }

  /** Removes an address of the signed-in customer. */
  async removeAddress(
    loaders: Loaders,
    actor: Actor,
    input: { id: string },
  ): Promise<RemoveAddressResult> {
    const signedIn = await this.sessions.signedIn(loaders, actor);
    if (!signedIn) return refuse.notSignedIn();
    if (!isUuid(input.id)) return refuse.addressNotFound(input.id);
    const customerId = signedIn.customer.id;
    const [row] = await this.db
      .delete(addresses)
      .where(and(eq(addresses.id, input.id.toLowerCase()), eq(addresses.customerId, customerId)))
      .returning({ id: addresses.id });
    loaders.addressesByCustomerId.clear(customerId);
    return row ? { __typename: 'AddressRemoved', id: row.id } : refuse.addressNotFound(input.id);
  }
}

/**
 * The kit's per-country rules, the ones the cart applies to a shipping address, so an address
 * from the book is one the checkout accepts.
 */
function parseAddress(input: AddressInput) {
  const parsed = parsePostalAddress(input);
  if (parsed.ok) return parsed;
  const { field, message } = parsed.problem;
  return { ok: false as const, error: refuse.invalidInput({ field: `input.${field}`, message }) };
}
