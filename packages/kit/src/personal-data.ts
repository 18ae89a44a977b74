import { GraphQLScalarType } from 'graphql';

/** A value as JSON carries it: what a GDPR export document is made of. */
export type PlainJson =
  string | number | boolean | null | PlainJson[] | { [key: string]: PlainJson };

/**
 * Rows as plain JSON for a GDPR export: dates become ISO 8601 strings, `undefined` fields are
 * dropped, everything else is kept as it is. Callers leave secrets (hashes) out before.
 */
export function toPlainJson(value: unknown): PlainJson {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (typeof value === 'object') {
    const out: { [key: string]: PlainJson } = {};
    for (const [key, field] of Object.entries(value)) {
      if (field !== undefined) out[key] = toPlainJson(field);
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value as string | number | boolean;
}

/** The `JSON` scalar: any JSON value, passed through as it is. */
export const jsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
});
