import { z } from 'zod';
import { storedPostalAddress } from './address.ts';

// The contract between cart and checkout: the cart answers its priced contents in the internal
// field `Cart.checkoutQuote`; checkout, which owns shipping and tax, turns it into `Cart.totals`
// (through federation's @requires) and into the order. Both ends use this one schema.

/** A product's VAT class; the rate per class and country is checkout's `tax_rates` table. */
export const TAX_CLASSES = ['STANDARD', 'REDUCED', 'ZERO'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

const minorUnits = z.number().int().nonnegative();

export const cartQuoteSchema = z.object({
  cartId: z.string(),
  /** ISO 4217: EUR, USD or GBP. */
  currencyCode: z.string().length(3),
  /** The lines the catalog sells now, oldest first, at live prices. */
  lines: z.array(
    z.object({
      lineId: z.string(),
      variantId: z.string(),
      quantity: z.number().int().positive(),
      unitPrice: minorUnits,
      /** unitPrice * quantity. */
      lineTotal: minorUnits,
      /** This line's share of the cart's discount; the shares add up to `discount` exactly. */
      discount: minorUnits,
      taxClass: z.enum(TAX_CLASSES),
    }),
  ),
  /** Sum of the line totals. */
  subtotal: minorUnits,
  /** What the applied discount code takes off now (0 without one). */
  discount: minorUnits,
  discountCode: z.string().nullable(),
  shippingAddress: storedPostalAddress.nullable(),
  /** Null: the same as the shipping address. */
  billingAddress: storedPostalAddress.nullable(),
  /** Lines whose variant the catalog no longer sells: the cart cannot be ordered. */
  hasUnavailableLines: z.boolean(),
});

export type CartQuote = z.infer<typeof cartQuoteSchema>;
