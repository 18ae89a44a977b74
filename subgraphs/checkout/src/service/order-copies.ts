/** The copies an order keeps of its cart: addresses as stored, read back for the API. */
import type { PostalAddress } from '@commerce-graph/kit';
import type { StoredOrderAddress } from '../db/schema.ts';

/**
 * A stored order address as the API shows it; null for none, and for one reduced to its country
 * by the customer's erasure (the country stays in the row for VAT reporting, not for display).
 */
export function orderAddress(stored: StoredOrderAddress | null): PostalAddress | null {
  if (!stored || !('name' in stored)) return null;
  return stored;
}
