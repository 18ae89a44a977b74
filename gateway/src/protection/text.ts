/** C0 and C1 control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidi embeddings, overrides and isolates: they reorder how text is shown (Trojan Source). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** The longest string the gateway passes on; fields have their own, smaller limits. */
export const MAX_STRING_LENGTH = 10_000;

/**
 * Why a string may not enter the graph at all, or undefined: NUL and other control characters,
 * bidi controls, lone surrogates (not valid UTF-16, so not valid UTF-8 for PostgreSQL) and
 * excessive length. Each subgraph validates its own fields more strictly (emails, slugs).
 */
export function unsafeTextReason(value: string): string | undefined {
  if (value.length > MAX_STRING_LENGTH) return `is longer than ${MAX_STRING_LENGTH} characters`;
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (CONTROL.test(value)) return 'contains a control character';
  if (BIDI_CONTROL.test(value)) return 'contains a bidirectional control character';
  if (!value.isWellFormed()) return 'is not well-formed UTF-16 (a lone surrogate)';
  return undefined;
}

/** Deepest nesting accepted in variables; real inputs are a few levels deep. */
export const MAX_VARIABLE_DEPTH = 32;

/**
 * The first unsafe string anywhere in a JSON value (the variables, keys included) with its path,
 * or a value nested deeper than MAX_VARIABLE_DEPTH. Iterative: a deeply nested body cannot
 * overflow the stack.
 */
export function findUnsafeText(value: unknown): { path: string; reason: string } | undefined {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value, path: '', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { path, depth } = next;
    if (typeof next.value === 'string') {
      const reason = unsafeTextReason(next.value);
      if (reason) return { path, reason };
    } else if (next.value && typeof next.value === 'object') {
      if (depth >= MAX_VARIABLE_DEPTH) {
        return { path, reason: `is nested deeper than ${MAX_VARIABLE_DEPTH} levels` };
      }
      for (const [key, item] of Object.entries(next.value)) {
        const itemPath = Array.isArray(next.value)
          ? `${path}[${key}]`
          : path
            ? `${path}.${key}`
            : key;
        const keyReason = unsafeTextReason(key);
        if (keyReason) return { path: itemPath, reason: keyReason };
        pending.push({ value: item, path: itemPath, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
