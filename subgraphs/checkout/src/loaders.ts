import DataLoader from 'dataloader';
import { asc, sql } from 'drizzle-orm';
import { anyOf, anyUuidOf, loaderByGroup, loaderByKey } from '@commerce-graph/kit';
import type { CheckoutDb } from './db/client.ts';
import {
  cartShippingSelections,
  orderHistory,
  orderLines,
  orders,
  paymentModifications,
  payments,
  shippingMethods,
  taxRates,
  type ShippingMethodRow,
} from './db/schema.ts';

/** Per-request loaders: every lookup by key in this subgraph is one statement per batch. */
export function createLoaders(db: CheckoutDb) {
  return {
    orderById: loaderByKey(
      (ids: readonly string[]) => db.select().from(orders).where(anyUuidOf(orders.id, ids)),
      (row) => row.id,
    ),
    /**
     * Keys are parsed order numbers (`orderByNumber` validates them: no bigint overflow), bound
     * as decimal strings: postgres.js cannot bind an array of JavaScript bigints.
     */
    orderByNumber: loaderByKey(
      (numbers: readonly bigint[]) =>
        db
          .select()
          .from(orders)
          .where(anyOf(orders.number, numbers.map(String))),
      (row) => row.number,
    ),
    linesByOrderId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(orderLines)
          .where(anyUuidOf(orderLines.orderId, ids))
          .orderBy(asc(orderLines.position)),
      (row) => row.orderId,
    ),
    historyByOrderId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(orderHistory)
          .where(anyUuidOf(orderHistory.orderId, ids))
          .orderBy(asc(orderHistory.at), asc(orderHistory.id)),
      (row) => row.orderId,
    ),
    paymentByOrderId: loaderByKey(
      (ids: readonly string[]) =>
        db.select().from(payments).where(anyUuidOf(payments.orderId, ids)),
      (row) => row.orderId,
    ),
    modificationsByPaymentId: loaderByGroup(
      (ids: readonly string[]) =>
        db
          .select()
          .from(paymentModifications)
          .where(anyUuidOf(paymentModifications.paymentId, ids))
          .orderBy(asc(paymentModifications.createdAt), asc(paymentModifications.id)),
      (row) => row.paymentId,
    ),
    /** Every shipping method (active or not) whose zone holds the country: one `&&` per batch. */
    shippingMethodsByCountry: new DataLoader<string, ShippingMethodRow[]>(async (countries) => {
      const rows = await db
        .select()
        .from(shippingMethods)
        .where(sql`${shippingMethods.countries} && ${sql.param([...countries])}::text[]`);
      return countries.map((country) => rows.filter((row) => row.countries.includes(country)));
    }),
    taxRatesByCountry: loaderByGroup(
      (countries: readonly string[]) =>
        db.select().from(taxRates).where(anyOf(taxRates.countryCode, countries)),
      (row) => row.countryCode,
    ),
    shippingSelectionByCartId: loaderByKey(
      (ids: readonly string[]) =>
        db
          .select()
          .from(cartShippingSelections)
          .where(anyUuidOf(cartShippingSelections.cartId, ids)),
      (row) => row.cartId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
