/**
 * The inputs of staff's catalog mutations and the checks they get before any I/O: text lengths
 * and characters, slug and SKU formats, https media, price amounts, currencies and windows.
 * What needs the database (a category or attribute that exists, a value of the attribute's
 * kind) is checked by the admin services next to this file.
 */
import { z } from 'zod';
import { parseInput, userInput, type ParsedInput } from '@commerce-graph/kit';
import type {
  CreateAttributeInput,
  CreateCategoryInput,
  CreateCollectionInput,
  CreateProductInput,
  CreateProductTypeInput,
  CreateVariantInput,
  MoneyInput,
  SetPriceInput,
  UpdateCategoryInput,
  UpdateCollectionInput,
  UpdateProductInput,
  UpdateVariantInput,
} from '../../__generated__/resolvers-types.ts';
import { taxClasses } from '../../db/schema.ts';
import { refuse, type CatalogRefusal } from './catalog-errors.ts';
import {
  MAX_PRICE_AMOUNT,
  STORE_CURRENCIES,
  isStoreCurrency,
  type StoreCurrency,
} from '../pricing.ts';

/** Longest name of a product, variant option, category, collection, attribute or type. */
export const MAX_NAME_LENGTH = 200;
/** Longest product or collection description (newlines allowed). */
export const MAX_DESCRIPTION_LENGTH = 10_000;
/** Longest SEO title and description: what search engines show, with some room. */
export const MAX_SEO_TITLE_LENGTH = 70;
export const MAX_SEO_DESCRIPTION_LENGTH = 300;
/** Longest media URL and alternative text, and most images per product. */
export const MAX_URL_LENGTH = 2_048;
export const MAX_ALT_LENGTH = 500;
export const MAX_MEDIA = 20;
/** Most attribute values per product, longest TEXT value, most options per MULTI_ENUM value. */
export const MAX_PRODUCT_ATTRIBUTES = 100;
export const MAX_TEXT_VALUE_LENGTH = 1_000;
export const MAX_VALUE_OPTIONS = 100;
/** Longest SKU, most options per variant, longest option value. */
export const MAX_SKU_LENGTH = 64;
export const MAX_VARIANT_OPTIONS = 10;
export const MAX_OPTION_VALUE_LENGTH = 100;
/** Most allowed values of one attribute, and most attributes of one product type. */
export const MAX_ATTRIBUTE_OPTIONS = 500;
export const MAX_TYPE_ATTRIBUTES = 100;
/** Most products in one collection. */
export const MAX_COLLECTION_PRODUCTS = 1_000;
/** Largest `position` of a variant or category. */
export const MAX_POSITION = 1_000_000;

/** C0 and C1 control characters (tab, line feed and carriage return are removed first). */
const CONTROL = /\p{Cc}/u;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/g;
const FORMAT = /\p{Cf}/u;

/** Trimmed text on one line, 1..max characters, ordinary spaces allowed. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .pipe(userInput.text({ max, spaces: true }));

/** Text that may span lines (descriptions): no other control or invisible formatting characters. */
const paragraphs = (max: number) =>
  z
    .string()
    .max(max, `Must be at most ${max} characters`)
    .refine((value) => value.isWellFormed(), 'Must be well-formed Unicode')
    .refine(
      (value) => !CONTROL.test(value.replace(LINE_BREAKS_AND_TABS, '')),
      'Must not contain control characters other than line breaks and tabs',
    )
    .refine(
      (value) => !FORMAT.test(value),
      'Must not contain invisible formatting characters (bidi overrides, zero-width spaces)',
    );

const slug = userInput.slug().min(1, 'Must not be empty');
/** A code (attribute, option, product type) has a slug's form. */
const code = slug;
/** A reference by slug or code: any bounded string; one that is not a slug matches nothing. */
const reference = z.string().max(200, 'Must be at most 200 characters');
const position = z.number().int().min(0, 'Must be 0 or more').max(MAX_POSITION);

const sku = z
  .string()
  .max(MAX_SKU_LENGTH, `Must be at most ${MAX_SKU_LENGTH} characters`)
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/,
    'Must be letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit',
  );

const media = z
  .array(
    z.object({
      url: userInput
        .text({ max: MAX_URL_LENGTH })
        .pipe(z.url({ protocol: /^https$/, error: 'Must be an https URL' })),
      alt: userInput
        .text({ max: MAX_ALT_LENGTH, min: 0, spaces: true })
        .nullish()
        .transform((alt) => alt ?? ''),
    }),
  )
  .max(MAX_MEDIA, `At most ${MAX_MEDIA} images`);

/** Attribute values as given; their kinds and options are checked against the attributes. */
const attributeValues = z
  .array(
    z.object({
      code: reference,
      text: z.string().nullish(),
      number: z.number().nullish(),
      boolean: z.boolean().nullish(),
      options: z.array(reference).max(MAX_VALUE_OPTIONS).nullish(),
    }),
  )
  .max(MAX_PRODUCT_ATTRIBUTES, `At most ${MAX_PRODUCT_ATTRIBUTES} attribute values`)
  .superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (seen.has(value.code)) {
        ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'Given twice' });
      }
      seen.add(value.code);
    });
  });
export type AttributeValueIn = z.output<typeof attributeValues>[number];

const seoTitle = line(MAX_SEO_TITLE_LENGTH).nullish();
const seoDescription = line(MAX_SEO_DESCRIPTION_LENGTH).nullish();

const createProduct = z.object({
  slug,
  name: line(MAX_NAME_LENGTH),
  description: paragraphs(MAX_DESCRIPTION_LENGTH)
    .nullish()
    .transform((d) => d ?? ''),
  categorySlug: reference,
  productTypeCode: reference.nullish(),
  attributes: attributeValues.nullish().transform((a) => a ?? []),
  media: media.nullish().transform((m) => m ?? []),
  seoTitle,
  seoDescription,
  // GraphQL checks the enum; zod again for callers that are not GraphQL.
  taxClass: z
    .enum(taxClasses)
    .nullish()
    .transform((t) => t ?? 'STANDARD'),
});

// Omitted fields stay; `null` clears only what may be empty (the SEO texts).
const updateProduct = z.object({
  slug: slug.optional(),
  name: line(MAX_NAME_LENGTH).optional(),
  description: paragraphs(MAX_DESCRIPTION_LENGTH).optional(),
  categorySlug: reference.optional(),
  attributes: attributeValues.optional(),
  media: media.optional(),
  seoTitle,
  seoDescription,
  taxClass: z.enum(taxClasses).optional(),
});

const options = z
  .array(
    z.object({
      name: line(MAX_NAME_LENGTH),
      value: line(MAX_OPTION_VALUE_LENGTH),
    }),
  )
  .max(MAX_VARIANT_OPTIONS, `At most ${MAX_VARIANT_OPTIONS} options`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((option, i) => {
      const key = option.name.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'Given twice' });
      seen.add(key);
    });
  });

const createVariant = z.object({
  sku,
  options: options.nullish().transform((o) => o ?? []),
  position: position.nullish().transform((p) => p ?? 0),
});

const updateVariant = z.object({
  sku: sku.optional(),
  options: options.optional(),
  position: position.optional(),
});

const createCategory = z.object({
  slug,
  name: line(MAX_NAME_LENGTH),
  parentSlug: reference.nullish(),
  position: position.nullish().transform((p) => p ?? 0),
});

const updateCategory = z.object({
  slug: slug.optional(),
  name: line(MAX_NAME_LENGTH).optional(),
  // `null` moves the category to the top of the tree; omitted leaves it where it is.
  parentSlug: reference.nullable().optional(),
  position: position.optional(),
});

const createCollection = z.object({
  slug,
  name: line(MAX_NAME_LENGTH),
  description: paragraphs(MAX_DESCRIPTION_LENGTH)
    .nullish()
    .transform((d) => d ?? ''),
});

const updateCollection = z.object({
  slug: slug.optional(),
  name: line(MAX_NAME_LENGTH).optional(),
  description: paragraphs(MAX_DESCRIPTION_LENGTH).optional(),
  status: z.enum(['DRAFT', 'PUBLISHED', 'ARCHIVED']).optional(),
});

const createAttribute = z
  .object({
    code,
    name: line(MAX_NAME_LENGTH),
    kind: z.enum(['TEXT', 'NUMBER', 'BOOLEAN', 'ENUM', 'MULTI_ENUM']),
    filterable: z
      .boolean()
      .nullish()
      .transform((f) => f ?? false),
    values: z
      .array(z.object({ code, label: line(MAX_NAME_LENGTH) }))
      .max(MAX_ATTRIBUTE_OPTIONS, `At most ${MAX_ATTRIBUTE_OPTIONS} values`)
      .nullish()
      .transform((v) => v ?? []),
  })
  .superRefine((attribute, ctx) => {
    const enumerated = attribute.kind === 'ENUM' || attribute.kind === 'MULTI_ENUM';
    if (attribute.filterable && !(enumerated || attribute.kind === 'BOOLEAN')) {
      ctx.addIssue({
        code: 'custom',
        path: ['filterable'],
        message: 'Only ENUM, MULTI_ENUM and BOOLEAN attributes can be search facets',
      });
    }
    if (enumerated && attribute.values.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `An ${attribute.kind} attribute needs at least one value`,
      });
    }
    if (!enumerated && attribute.values.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `A ${attribute.kind} attribute has no list of values`,
      });
    }
    const seen = new Set<string>();
    attribute.values.forEach((value, i) => {
      if (seen.has(value.code)) {
        ctx.addIssue({ code: 'custom', path: ['values', i, 'code'], message: 'Given twice' });
      }
      seen.add(value.code);
    });
  });

const createProductType = z.object({
  code,
  name: line(MAX_NAME_LENGTH),
  attributeCodes: z
    .array(reference)
    .max(MAX_TYPE_ATTRIBUTES, `At most ${MAX_TYPE_ATTRIBUTES} attributes`)
    .superRefine((codes, ctx) => {
      codes.forEach((c, i) => {
        if (codes.indexOf(c) !== i)
          ctx.addIssue({ code: 'custom', path: [i], message: 'Given twice' });
      });
    }),
});

const collectionProducts = z
  .array(z.string().max(100))
  .max(MAX_COLLECTION_PRODUCTS, `At most ${MAX_COLLECTION_PRODUCTS} products`)
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      const key = id.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'Given twice' });
      seen.add(key);
    });
  });

type Invalid = Extract<CatalogRefusal, { __typename: 'InvalidCatalogInput' }>;
/** InvalidCatalogInput for the first problem; `prefix` names a list argument (`productIds[2]`). */
const invalid =
  (prefix = '') =>
  ({ field, message }: { field: string; message: string }): Invalid =>
    refuse.invalidInput(prefix + field, message);

export type ValidCreateProduct = z.output<typeof createProduct>;
export type ValidUpdateProduct = z.output<typeof updateProduct>;
export type ValidCreateVariant = z.output<typeof createVariant>;
export type ValidUpdateVariant = z.output<typeof updateVariant>;
export type ValidCreateCategory = z.output<typeof createCategory>;
export type ValidUpdateCategory = z.output<typeof updateCategory>;
export type ValidCreateCollection = z.output<typeof createCollection>;
export type ValidUpdateCollection = z.output<typeof updateCollection>;
export type ValidCreateAttribute = z.output<typeof createAttribute>;
export type ValidCreateProductType = z.output<typeof createProductType>;

/** Each mutation's input, checked for form; the first problem names its field. */
export const checkInput = {
  createProduct: (input: CreateProductInput) => parseInput(createProduct, input, invalid()),
  updateProduct: (input: UpdateProductInput) => parseInput(updateProduct, input, invalid()),
  createVariant: (input: Omit<CreateVariantInput, 'prices'>) =>
    parseInput(createVariant, input, invalid()),
  updateVariant: (input: UpdateVariantInput) => parseInput(updateVariant, input, invalid()),
  createCategory: (input: CreateCategoryInput) => parseInput(createCategory, input, invalid()),
  updateCategory: (input: UpdateCategoryInput) => parseInput(updateCategory, input, invalid()),
  createCollection: (input: CreateCollectionInput) =>
    parseInput(createCollection, input, invalid()),
  updateCollection: (input: UpdateCollectionInput) =>
    parseInput(updateCollection, input, invalid()),
  createAttribute: (input: CreateAttributeInput) => parseInput(createAttribute, input, invalid()),
  createProductType: (input: CreateProductTypeInput) =>
    parseInput(createProductType, input, invalid()),
  collectionProducts: (productIds: readonly string[]) =>
    parseInput(collectionProducts, productIds, invalid('productIds')),
};

/** A TEXT attribute value: one line of ordinary text. */
export const textValue = line(MAX_TEXT_VALUE_LENGTH);

// ---------------------------------------------------------------------------------------------
// Prices

type PriceRefusal = Extract<CatalogRefusal, { __typename: 'InvalidPrice' | 'UnknownCurrency' }>;

const unknownCurrency = (code: string): PriceRefusal =>
  refuse.unknownCurrency(
    code.slice(0, 10),
    `The store does not sell in "${code.slice(0, 10)}"; it sells in ${STORE_CURRENCIES.join(', ')}`,
  );

/** Null when `amount` is a price the store can charge, else why not. */
function amountProblem(amount: number, what: string): PriceRefusal | null {
  if (!Number.isInteger(amount) || amount < 0 || amount > MAX_PRICE_AMOUNT) {
    return refuse.invalidPrice(
      `${what} must be a whole number of minor units from 0 to ${MAX_PRICE_AMOUNT}, not ${amount}`,
    );
  }
  return null;
}

/**
 * A new variant's base prices: one per store currency, each in every store currency, amounts in
 * range. An unknown currency is UnknownCurrency; anything else InvalidPrice.
 */
export function checkBasePrices(
  prices: readonly MoneyInput[],
): ParsedInput<Map<StoreCurrency, number>, PriceRefusal> {
  const amounts = new Map<StoreCurrency, number>();
  for (const price of prices) {
    if (!isStoreCurrency(price.currencyCode)) {
      return { ok: false, error: unknownCurrency(price.currencyCode) };
    }
    const problem = amountProblem(price.amount, `The ${price.currencyCode} price`);
    if (problem) return { ok: false, error: problem };
    if (amounts.has(price.currencyCode)) {
      return {
        ok: false,
        error: refuse.invalidPrice(`The ${price.currencyCode} price is given twice`),
      };
    }
    amounts.set(price.currencyCode, price.amount);
  }
  const missing = STORE_CURRENCIES.filter((currency) => !amounts.has(currency));
  if (missing.length > 0) {
    return {
      ok: false,
      error: refuse.invalidPrice(
        `A variant needs a base price in every store currency; missing: ${missing.join(', ')}`,
      ),
    };
  }
  return { ok: true, value: amounts };
}

/** A checked `setPrice`: a base price when both instants are null, else a scheduled one. */
export interface ValidSetPrice {
  currency: StoreCurrency;
  amount: number;
  compareAtAmount: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

const instant = z.iso.datetime({ offset: true });

/**
 * Checks a price before any I/O: a store currency, amounts in range with the compare-at price
 * above the amount, ISO 8601 instants (with `Z` or an offset) in order, and a window that has
 * not already ended at `now`.
 */
export function checkSetPrice(
  input: SetPriceInput,
  now: Date,
): ParsedInput<ValidSetPrice, PriceRefusal> {
  const fail = (error: PriceRefusal) => ({ ok: false as const, error });
  if (!isStoreCurrency(input.currencyCode)) return fail(unknownCurrency(input.currencyCode));
  const problem = amountProblem(input.amount, 'The amount');
  if (problem) return fail(problem);
  const compareAt = input.compareAtAmount ?? null;
  if (compareAt !== null) {
    const compareProblem = amountProblem(compareAt, 'The compare-at amount');
    if (compareProblem) return fail(compareProblem);
    if (compareAt <= input.amount) {
      return fail(refuse.invalidPrice('The compare-at amount must be above the amount'));
    }
  }
  const parseInstant = (value: string | null | undefined, name: string): Date | null | string => {
    if (value == null) return null;
    if (!instant.safeParse(value).success) {
      return `${name} must be an ISO 8601 instant with a time zone, such as 2030-01-31T09:00:00Z`;
    }
    return new Date(value);
  };
  const startsAt = parseInstant(input.startsAt, 'startsAt');
  if (typeof startsAt === 'string') return fail(refuse.invalidPrice(startsAt));
  const endsAt = parseInstant(input.endsAt, 'endsAt');
  if (typeof endsAt === 'string') return fail(refuse.invalidPrice(endsAt));
  if (startsAt && endsAt && startsAt.getTime() >= endsAt.getTime()) {
    return fail(refuse.invalidPrice('startsAt must be before endsAt'));
  }
  if (endsAt && endsAt.getTime() <= now.getTime()) {
    return fail(refuse.invalidPrice('The window has already ended'));
  }
  return {
    ok: true,
    value: {
      currency: input.currencyCode,
      amount: input.amount,
      compareAtAmount: compareAt,
      startsAt,
      endsAt,
    },
  };
}
