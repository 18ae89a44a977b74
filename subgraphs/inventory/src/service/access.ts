import { can, forbidden, type Actor } from '@commerce-graph/kit';

/**
 * Throws FORBIDDEN unless the caller is a staff member with `stock:write` or a partner whose key
 * has `inventory:write`: every admin read and change of stock goes through it.
 */
export function assertMayChangeStock(actor: Actor): void {
  if (can(actor, 'stock:write')) return;
  if (actor.kind === 'partner' && actor.scopes.includes('inventory:write')) return;
  throw forbidden('Changing stock needs the stock:write permission or an inventory:write key');
}

/** Who made an admin change, as the ledger records it: `staff:<id>` or `partner:<key id>`. */
export function actorLabel(actor: Actor): string | null {
  if (actor.kind === 'customer') return `staff:${actor.customerId}`;
  if (actor.kind === 'partner') return `partner:${actor.keyId}`;
  return null;
}
