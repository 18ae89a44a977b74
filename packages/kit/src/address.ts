import { z } from 'zod';
// The code table only: the package's main entry also loads its 80-odd locale files of country
// names, which no rule here reads.
import { getAlpha2Codes } from 'i18n-iso-countries/index.js';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { userInput } from './input.ts';

/** A postal address as the store keeps it: validated and normalised by `parsePostalAddress`. */
export interface PostalAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string;
  phone: string | null;
}

/** The shape of a stored `PostalAddress`, for services that read one another's answers. */
export const storedPostalAddress = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  postalCode: z.string().nullable(),
  region: z.string().nullable(),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  phone: z.string().nullable(),
});

/**
 * Why an address was refused. `INVALID_TEXT` is any field's character or length rule (control
 * characters, too long, not a string); the others are the field's own shape rule.
 */
export type AddressProblemReason =
  | 'REQUIRED'
  | 'INVALID_TEXT'
  | 'UNKNOWN_COUNTRY'
  | 'INVALID_POSTAL_CODE'
  | 'INVALID_REGION'
  | 'INVALID_PHONE';

/** The first thing wrong with an address: which field, why (stable), and a readable message. */
export interface AddressProblem {
  field: keyof PostalAddress;
  reason: AddressProblemReason;
  message: string;
}

export type ParsedPostalAddress =
  { ok: true; value: PostalAddress } | { ok: false; problem: AddressProblem };

/** Longest free-text postal code, for countries without a known shape. */
const MAX_POSTAL_CODE_LENGTH = 20;
const MAX_PHONE_LENGTH = 32;
const PHONE = /^\+?[0-9][0-9 ()./-]*$/;

const TEXT_LIMITS = {
  name: 100,
  line1: 200,
  line2: 200,
  city: 100,
  postalCode: MAX_POSTAL_CODE_LENGTH,
  region: 100,
  countryCode: 2,
  phone: MAX_PHONE_LENGTH,
} as const satisfies Record<keyof PostalAddress, number>;

const textSchemas = new Map(
  Object.entries(TEXT_LIMITS).map(([field, max]) => [field, userInput.text({ max, spaces: true })]),
);

const ALPHA2 = new Set(Object.keys(getAlpha2Codes()));

/** The 50 states and the District of Columbia (territories have ISO country codes of their own). */
const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH ' +
    'NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'
  ).split(' '),
);

interface PostalCodeRule {
  /** Our canonical spelling of a code the client may have typed loosely; its shape is checked after. */
  normalise: (code: string) => string;
  /** A check of our own on top of `postcode-validator`'s shape, if any. */
  refine?: (code: string) => boolean;
  example: string;
  label: string;
}

const withoutSpaces = (code: string) => code.replace(/ /g, '');

/**
 * Countries whose postal code is required, with the spelling we store. The shape itself is
 * `postcode-validator`'s; our normalisation runs first so `1234ab` and `sw1a1aa` pass and are
 * stored the way a carrier's label prints them.
 */
const REQUIRED_POSTAL_CODES: Record<string, PostalCodeRule> = {
  NL: {
    normalise: (code) => {
      const compact = withoutSpaces(code).toUpperCase();
      return compact.length === 6 ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact;
    },
    // Dutch postcodes run from 1000: the library's pattern lets a leading zero through.
    refine: (code) => !code.startsWith('0'),
    example: '1234 AB',
    label: 'a Dutch postcode',
  },
  DE: { normalise: withoutSpaces, example: '10115', label: 'a German Postleitzahl (5 digits)' },
  BE: { normalise: withoutSpaces, example: '1000', label: 'a Belgian postcode (4 digits)' },
  FR: { normalise: withoutSpaces, example: '75001', label: 'a French code postal (5 digits)' },
  GB: {
    // The inward code is always the last three characters: one space before it, however typed.
    normalise: (code) => {
      const compact = withoutSpaces(code).toUpperCase();
      return compact.length >= 5 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
    },
    example: 'SW1A 1AA',
    label: 'a UK postcode',
  },
  US: {
    normalise: withoutSpaces,
    // The library's pattern already is exactly ZIP or ZIP+4.
    example: '12345 or 12345-6789',
    label: 'a US ZIP code',
  },
};

type Fields = Partial<Record<keyof PostalAddress, unknown>>;

class Refusal {
  constructor(readonly problem: AddressProblem) {}
}

const refusal = (field: keyof PostalAddress, reason: AddressProblemReason, message: string) =>
  new Refusal({ field, reason, message });

/**
 * A field's text, trimmed and NFC-normalised, or null when absent: undefined, null, empty and
 * all-space strings are all absent. Refuses text the store never keeps (`userInput.text`).
 */
function textOf(fields: Fields, field: keyof PostalAddress): string | null {
  const raw = fields[field];
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') throw refusal(field, 'INVALID_TEXT', 'Must be a string');
  const value = raw.trim().normalize('NFC');
  if (value === '') return null;
  const checked = textSchemas.get(field)!.safeParse(value);
  if (!checked.success) {
    throw refusal(field, 'INVALID_TEXT', checked.error.issues[0]?.message ?? 'Invalid text');
  }
  return checked.data;
}

function required(fields: Fields, field: keyof PostalAddress): string {
  const value = textOf(fields, field);
  if (value === null) throw refusal(field, 'REQUIRED', 'Must not be empty');
  return value;
}

function countryOf(fields: Fields): string {
  const raw = fields.countryCode;
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    throw refusal('countryCode', 'REQUIRED', 'Must not be empty');
  }
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(code) || !ALPHA2.has(code)) {
    throw refusal(
      'countryCode',
      'UNKNOWN_COUNTRY',
      'Must be an ISO 3166-1 alpha-2 country code, such as NL',
    );
  }
  return code;
}

function postalCodeOf(fields: Fields, country: string): string | null {
  const rule = REQUIRED_POSTAL_CODES[country];
  const given = rule ? required(fields, 'postalCode') : textOf(fields, 'postalCode');
  if (given === null) return null;
  if (rule) {
    const code = rule.normalise(given);
    if (!postcodeValidator(code, country) || (rule.refine && !rule.refine(code))) {
      throw refusal(
        'postalCode',
        'INVALID_POSTAL_CODE',
        `Must be ${rule.label}, such as ${rule.example}`,
      );
    }
    return code;
  }
  if (!postcodeValidatorExistsForCountry(country)) return given;
  // Elsewhere the shape is the library's; letters are stored upper case, spaces single.
  const code = given.replace(/ +/g, ' ').toUpperCase();
  if (!postcodeValidator(code, country)) {
    throw refusal('postalCode', 'INVALID_POSTAL_CODE', `Must be a postal code used in ${country}`);
  }
  return code;
}

function regionOf(fields: Fields, country: string): string | null {
  if (country !== 'US') return textOf(fields, 'region');
  const state = required(fields, 'region').toUpperCase();
  if (!US_STATES.has(state)) {
    throw refusal(
      'region',
      'INVALID_REGION',
      'Must be the two-letter code of a US state or DC, such as NY',
    );
  }
  return state;
}

function phoneOf(fields: Fields): string | null {
  const phone = textOf(fields, 'phone');
  if (phone !== null && !PHONE.test(phone)) {
    throw refusal(
      'phone',
      'INVALID_PHONE',
      'Must be digits, spaces and + ( ) - . / only, such as +31 20 123 4567',
    );
  }
  return phone;
}

/**
 * Validates and normalises a client address: per-country required fields and postal code
 * shapes. Text is trimmed and NFC-normalised, empty strings count as absent, the country code
 * and the postal codes it knows come out upper case. Fields are checked in a fixed order
 * (name, line1, line2, city, countryCode, postalCode, region, phone) and the first problem wins.
 */
export function parsePostalAddress(input: unknown): ParsedPostalAddress {
  const fields: Fields = typeof input === 'object' && input !== null ? (input as Fields) : {};
  try {
    const name = required(fields, 'name');
    const line1 = required(fields, 'line1');
    const line2 = textOf(fields, 'line2');
    const city = required(fields, 'city');
    const countryCode = countryOf(fields);
    const postalCode = postalCodeOf(fields, countryCode);
    const region = regionOf(fields, countryCode);
    const phone = phoneOf(fields);
    return {
      ok: true,
      value: { name, line1, line2, city, postalCode, region, countryCode, phone },
    };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}
