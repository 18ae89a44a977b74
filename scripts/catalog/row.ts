/**
 * One line of a catalog import file (JSON Lines): a product with its variants, attribute values,
 * media and base prices, checked for form with zod before anything touches the database. What
 * needs the database (an attribute that exists, a value of its kind, a SKU of another product)
 * is checked by import.ts. README.md ("Catalog data") documents the format.
 */
import { z } from 'zod';
import { userInput } from '@commerce-graph/kit';
import {
  MAX_ALT_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_MEDIA,
  MAX_NAME_LENGTH,
  MAX_OPTION_VALUE_LENGTH,
  MAX_PRODUCT_ATTRIBUTES,
  MAX_SEO_DESCRIPTION_LENGTH,
  MAX_SEO_TITLE_LENGTH,
  MAX_SKU_LENGTH,
  MAX_TEXT_VALUE_LENGTH,
  MAX_URL_LENGTH,
  MAX_VALUE_OPTIONS,
  MAX_VARIANT_OPTIONS,
} from '../../subgraphs/products/src/service/admin/catalog-input.ts';
import { taxClasses } from '../../subgraphs/products/src/db/schema.ts';
import {
  MAX_PRICE_AMOUNT,
  STORE_CURRENCIES,
  isStoreCurrency,
} from '../../subgraphs/products/src/service/pricing.ts';

/** Most variants of one product in a file. */
export const MAX_ROW_VARIANTS = 100;
/** Deepest category path (`apparel/outerwear/jackets` is 3). */
export const MAX_CATEGORY_DEPTH = 5;
/** Longest line read; a longer one is refused without being parsed. */
export const MAX_LINE_LENGTH = 1_000_000;

const CONTROL = /\p{Cc}/u;
const FORMAT = /\p{Cf}/u;

/** Trimmed text on one line, 1..max characters, ordinary spaces allowed. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .pipe(userInput.text({ max, spaces: true }));

const slug = userInput.slug().min(1, 'Must not be empty');

const description = z
  .string()
  .max(MAX_DESCRIPTION_LENGTH, `Must be at most ${MAX_DESCRIPTION_LENGTH} characters`)
  .refine((value) => value.isWellFormed(), 'Must be well-formed Unicode')
  .refine(
    (value) => !CONTROL.test(value.replace(/[\t\n\r]/g, '')),
    'Must not contain control characters other than line breaks and tabs',
  )
  .refine(
    (value) => !FORMAT.test(value),
    'Must not contain invisible formatting characters (bidi overrides, zero-width spaces)',
  );

const categoryPath = z
  .string()
  .max(MAX_CATEGORY_DEPTH * 101, 'Must be a category slug or a path of slugs')
  .regex(
    /^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/,
    'Must be a category slug or a path of slugs from the top (apparel/jackets)',
  )
  .refine(
    (path) => path.split('/').length <= MAX_CATEGORY_DEPTH,
    `At most ${MAX_CATEGORY_DEPTH} levels`,
  )
  .refine((path) => path.split('/').every((part) => part.length <= 100), 'A slug is 1..100 long');

const sku = z
  .string()
  .max(MAX_SKU_LENGTH, `Must be at most ${MAX_SKU_LENGTH} characters`)
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/,
    'Must be letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit',
  );

const amount = z
  .number({ error: 'Must be a number of minor units (1999 for 19.99)' })
  .int('Must be a whole number of minor units (1999 for 19.99)')
  .min(0, 'A price cannot be negative')
  .max(MAX_PRICE_AMOUNT, `Must be at most ${MAX_PRICE_AMOUNT}`);

/** Amounts by currency code; the currencies are checked by the variant. */
const amounts = z.record(z.string(), amount, { error: 'Must be an object of amounts by currency' });

const variant = z
  .strictObject({
    sku,
    options: z
      .record(line(MAX_NAME_LENGTH), line(MAX_OPTION_VALUE_LENGTH), {
        error: 'Must be an object of option values by name ({"size": "M"})',
      })
      .optional()
      .transform((options) => options ?? {})
      .refine(
        (options) => Object.keys(options).length <= MAX_VARIANT_OPTIONS,
        `At most ${MAX_VARIANT_OPTIONS} options`,
      ),
    prices: amounts,
    compareAt: amounts.optional(),
  })
  .superRefine((v, ctx) => {
    const unknown = (where: 'prices' | 'compareAt', code: string) =>
      ctx.addIssue({
        code: 'custom',
        path: [where, code],
        message: `Unknown currency "${code.slice(0, 10)}": the store sells in ${STORE_CURRENCIES.join(', ')}`,
      });
    for (const code of Object.keys(v.prices)) if (!isStoreCurrency(code)) unknown('prices', code);
    const missing = STORE_CURRENCIES.filter((code) => v.prices[code] === undefined);
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['prices'],
        message: `A variant needs a price in every store currency; missing ${missing.join(', ')}`,
      });
    }
    for (const [code, was] of Object.entries(v.compareAt ?? {})) {
      if (!isStoreCurrency(code)) unknown('compareAt', code);
      else if (v.prices[code] !== undefined && was <= v.prices[code]) {
        ctx.addIssue({
          code: 'custom',
          path: ['compareAt', code],
          message: `The compare-at price must be above the price (${v.prices[code]})`,
        });
      }
    }
  });

/** An attribute value as written; its kind is checked against the attribute. */
const attributeValue = z.union(
  [
    z.string().max(MAX_TEXT_VALUE_LENGTH, `Must be at most ${MAX_TEXT_VALUE_LENGTH} characters`),
    z.number().refine(Number.isFinite, 'Must be a finite number'),
    z.boolean(),
    z.array(z.string().max(100)).max(MAX_VALUE_OPTIONS, `At most ${MAX_VALUE_OPTIONS} options`),
  ],
  { error: 'Must be a string, a number, a boolean or an array of option codes' },
);

export const catalogRowSchema = z
  .strictObject({
    slug,
    name: line(MAX_NAME_LENGTH),
    description: description.optional().transform((d) => d ?? ''),
    category: categoryPath,
    productType: slug.optional(),
    attributes: z
      .record(slug, attributeValue, { error: 'Must be an object of values by attribute code' })
      .optional()
      .transform((a) => a ?? {})
      .refine(
        (a) => Object.keys(a).length <= MAX_PRODUCT_ATTRIBUTES,
        `At most ${MAX_PRODUCT_ATTRIBUTES} attribute values`,
      ),
    media: z
      .array(
        z.strictObject({
          url: userInput
            .text({ max: MAX_URL_LENGTH })
            .pipe(z.url({ protocol: /^https$/, error: 'Must be an https URL' })),
          alt: userInput
            .text({ max: MAX_ALT_LENGTH, min: 0, spaces: true })
            .optional()
            .transform((alt) => alt ?? ''),
        }),
      )
      .max(MAX_MEDIA, `At most ${MAX_MEDIA} images`)
      .optional()
      .transform((m) => m ?? []),
    seoTitle: line(MAX_SEO_TITLE_LENGTH)
      .nullish()
      .transform((t) => t ?? null),
    seoDescription: line(MAX_SEO_DESCRIPTION_LENGTH)
      .nullish()
      .transform((t) => t ?? null),
    status: z.enum(['DRAFT', 'PUBLISHED', 'ARCHIVED']).optional(),
    taxClass: z.enum(taxClasses).optional(),
    variants: z
      .array(variant)
      .min(1, 'A product needs at least one variant')
      .max(MAX_ROW_VARIANTS, `At most ${MAX_ROW_VARIANTS} variants`),
  })
  .superRefine((row, ctx) => {
    const seen = new Map<string, number>();
    row.variants.forEach((v, i) => {
      const first = seen.get(v.sku);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'sku'],
          message: `Duplicate SKU ${v.sku}: also variants[${first}]`,
        });
      } else {
        seen.set(v.sku, i);
      }
    });
  });

/** A row as written in the file. */
export type CatalogRowInput = z.input<typeof catalogRowSchema>;
/** A row after the form checks, defaults filled in. */
export type CatalogRow = z.output<typeof catalogRowSchema>;

/** The first problems of a failed parse as one line: `variants[0].prices.EUR: A price cannot be negative`. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const problems = error.issues.slice(0, max).map((issue) => {
    const field = issue.path
      .map((part, i) =>
        typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
      )
      .join('');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - max;
  return problems.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}
