import { z } from 'zod';

// Client text is checked where it enters a service, before any I/O: PostgreSQL refuses NUL in
// `text` (a query error, not an answer), and control, bidi and zero-width characters let one
// string pass for another in a receipt, a log line or a payment provider's dashboard.

/** C0 and C1 control characters: NUL, tab, newline, ESC, DEL, U+0080..U+009F. */
const CONTROL = /\p{Cc}/u;
/** Format characters: bidi embeddings, overrides and isolates, zero-width characters, BOM. */
const FORMAT = /\p{Cf}/u;
const WHITESPACE = /\s/u;
/** Whitespace other than the ordinary space U+0020 (no-break and wide spaces, line separators). */
const UNUSUAL_WHITESPACE = /[^\S ]/u;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Longest email address SMTP can carry (RFC 5321 path limit minus the angle brackets). */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_SLUG_LENGTH = 100;

const isWellFormed = (value: string): boolean => value.isWellFormed();

const messages = {
  lone: 'Must be well-formed Unicode (it holds a lone surrogate)',
  nul: 'Must not contain NUL characters',
  control: 'Must not contain control characters (such as NUL, tab or newline)',
  format: 'Must not contain invisible formatting characters (bidi overrides, zero-width spaces)',
  space: 'Must not contain spaces',
  unusualSpace: 'Must not contain whitespace other than ordinary spaces',
};

export interface TextOptions {
  /** Longest accepted value, in UTF-16 code units (`String.length`). */
  max: number;
  /** Shortest accepted value; default 1. */
  min?: number;
  /** Free text such as a holder name: ordinary spaces (U+0020) allowed. Default false. */
  spaces?: boolean;
}

/** A string with no control or format characters and no lone surrogates, `min`..`max` long. */
function text({ max, min = 1, spaces = false }: TextOptions) {
  return z
    .string()
    .min(min, min === 1 ? 'Must not be empty' : `Must be at least ${min} characters`)
    .max(max, `Must be at most ${max} characters`)
    .refine(isWellFormed, messages.lone)
    .refine((value) => !CONTROL.test(value), messages.control)
    .refine((value) => !FORMAT.test(value), messages.format)
    .refine(
      (value) => !(spaces ? UNUSUAL_WHITESPACE : WHITESPACE).test(value),
      spaces ? messages.unusualSpace : messages.space,
    );
}

/**
 * A string PostgreSQL stores unchanged (no NUL, no lone surrogate), anything else allowed: for
 * values that echo what the database holds, such as the product name inside a cursor.
 */
function storedText(max: number) {
  return z
    .string()
    .max(max, `Must be at most ${max} characters`)
    .refine(isWellFormed, messages.lone)
    .refine((value) => !value.includes('\u0000'), messages.nul);
}

/**
 * An email address: trimmed and NFC-normalised, at most 254 characters, zod's email pattern
 * (ASCII), no markup, double quotes or backticks, whitespace or control characters (an
 * apostrophe, as in o'brien@, is fine); the domain comes out lower-case
 * (the local part keeps its case: only the receiving server may fold it).
 */
function email() {
  return z
    .string()
    .trim()
    .normalize('NFC')
    .max(MAX_EMAIL_LENGTH, `Must be at most ${MAX_EMAIL_LENGTH} characters`)
    .refine(isWellFormed, messages.lone)
    .refine((value) => !CONTROL.test(value), messages.control)
    .refine((value) => !FORMAT.test(value), messages.format)
    .refine((value) => !/[<>]/.test(value), 'Must not contain markup (< or >)')
    .refine((value) => !/["`]/.test(value), 'Must not contain quotes')
    .refine((value) => !WHITESPACE.test(value), messages.space)
    .pipe(z.email({ error: 'Not a valid email address' }))
    .transform((value) => {
      const at = value.lastIndexOf('@');
      return value.slice(0, at + 1) + value.slice(at + 1).toLowerCase();
    });
}

/** A URL slug: lower-case ASCII letters, digits and hyphens, 1..100 characters. */
function slug() {
  return z
    .string()
    .max(MAX_SLUG_LENGTH, `Must be at most ${MAX_SLUG_LENGTH} characters`)
    .regex(/^[a-z0-9-]+$/, 'Must be lower-case letters, digits and hyphens');
}

/** An opaque cursor as the API hands it out: base64url, at most `max` characters. */
function cursor(max: number) {
  return z
    .string()
    .max(max, `Must be at most ${max} characters`)
    .regex(BASE64URL, 'Must be a cursor this API returned');
}

/** A warehouse code such as `AMS`: an upper-case letter, then 2..9 upper-case letters or digits. */
function warehouseCode() {
  return z
    .string()
    .regex(
      /^[A-Z][A-Z0-9]{2,9}$/,
      'Must be 3 to 10 upper-case letters or digits, starting with a letter (such as AMS)',
    );
}

export interface JsonObjectOptions {
  /** Longest accepted `JSON.stringify` of the whole object. */
  maxLength: number;
  /** Deepest nesting of objects and arrays; the object itself is depth 1. */
  maxDepth: number;
}

/**
 * A JSON object (not an array or a scalar) of bounded size and depth, whose keys and string
 * values pass `text` (ordinary spaces allowed). It is walked with an explicit stack, so a
 * deeply nested value cannot exhaust the call stack.
 */
function jsonObject({ maxLength, maxDepth }: JsonObjectOptions) {
  const key = text({ max: 256, spaces: true });
  const value = text({ max: maxLength, min: 0, spaces: true });
  return z
    .record(z.string(), z.unknown(), { error: 'Must be a JSON object' })
    .superRefine((root, ctx) => {
      const stack: Array<{ node: unknown; path: Array<string | number>; depth: number }> = [
        { node: root, path: [], depth: 1 },
      ];
      const refuse = (path: Array<string | number>, message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      while (stack.length > 0) {
        const { node, path, depth } = stack.pop()!;
        if (typeof node === 'string') {
          const checked = value.safeParse(node);
          if (!checked.success) return refuse(path, checked.error.issues[0]!.message);
        } else if (typeof node === 'number') {
          if (!Number.isFinite(node)) return refuse(path, 'Must be a finite number');
        } else if (Array.isArray(node) || (typeof node === 'object' && node !== null)) {
          if (depth > maxDepth) return refuse(path, `Must not nest deeper than ${maxDepth} levels`);
          const entries: Array<[string | number, unknown]> = Array.isArray(node)
            ? node.map((item, index) => [index, item])
            : Object.entries(node);
          for (const [name, child] of entries.reverse()) {
            if (typeof name === 'string') {
              const checked = key.safeParse(name);
              if (!checked.success)
                return refuse([...path, name], checked.error.issues[0]!.message);
            }
            stack.push({ node: child, path: [...path, name], depth: depth + 1 });
          }
        } else if (typeof node !== 'boolean' && node !== null) {
          return refuse(path, 'Must be a JSON value');
        }
      }
      if (JSON.stringify(root).length > maxLength) {
        refuse([], `Must be at most ${maxLength} characters of JSON`);
      }
    });
}

/** Reusable zod pieces for values clients send; each refuses with a message a client can read. */
export const userInput = {
  text,
  storedText,
  email,
  slug,
  cursor,
  warehouseCode,
  jsonObject,
};

/** What was wrong with an input: the field's path (`paymentMethod.holderName`) and why. */
export interface InputProblem {
  field: string;
  message: string;
}

/** The first issue of a failed parse, with its path written `a.b[2].c`. */
export function firstProblem(error: z.ZodError): InputProblem {
  const issue = error.issues[0];
  if (!issue) return { field: '', message: 'Invalid input' };
  const field = issue.path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
  return { field, message: issue.message };
}

export type ParsedInput<T, E> = { ok: true; value: T } | { ok: false; error: E };

/**
 * Parses client input with `schema`. On failure, `refuse` turns the first problem into the
 * caller's typed error (`InvalidCheckoutInput`, `UnknownWarehouse`, a `badUserInput`), so a
 * service checks a whole input in two lines.
 */
export function parseInput<S extends z.ZodType, E>(
  schema: S,
  value: unknown,
  refuse: (problem: InputProblem) => E,
): ParsedInput<z.output<S>, E> {
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: refuse(firstProblem(result.error)) };
}
