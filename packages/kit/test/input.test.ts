import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { firstProblem, parseInput, userInput } from '../src/index.ts';

/** Characters no client text may carry, by what they are. */
const HOSTILE = {
  nul: 'a\u0000b',
  escape: 'a\u001b[31mb',
  newline: 'a\nb',
  tab: 'a\tb',
  c1: 'a\u0085b',
  'lone high surrogate': 'a\ud800b',
  'lone low surrogate': 'a\udc00b',
  'right-to-left override': 'a\u202eb',
  'left-to-right isolate': 'a\u2066b',
  'zero-width space': 'a\u200bb',
  'zero-width joiner': 'a\u200db',
  'byte-order mark': '\ufeffab',
};

const messageOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe('userInput.text', () => {
  const token = userInput.text({ max: 10 });
  const name = userInput.text({ max: 20, spaces: true });

  it('accepts plain text, emoji and accented letters', () => {
    expect(token.parse('test_4111')).toBe('test_4111');
    expect(token.parse('Zoë🙂')).toBe('Zoë🙂');
    expect(name.parse('Jane van Dijk')).toBe('Jane van Dijk');
  });

  it.each(Object.entries(HOSTILE))('refuses a %s', (_, value) => {
    expect(token.safeParse(value).success).toBe(false);
    expect(name.safeParse(value).success).toBe(false);
  });

  it('says why, first problem first', () => {
    expect(messageOf(token, 'a\u0000b')).toMatch(/control characters/);
    expect(messageOf(token, 'a\u202eb')).toMatch(/bidi overrides/);
    expect(messageOf(token, 'a\ud800b')).toMatch(/lone surrogate/);
    expect(messageOf(token, 'x'.repeat(11))).toBe('Must be at most 10 characters');
    expect(messageOf(token, '')).toBe('Must not be empty');
  });

  it('allows ordinary spaces only in free text, and no other whitespace anywhere', () => {
    expect(messageOf(token, 'a b')).toBe('Must not contain spaces');
    expect(name.safeParse('a\u00a0b').success).toBe(false);
    expect(name.safeParse('a\u2028b').success).toBe(false);
    expect(name.safeParse('a\u3000b').success).toBe(false);
  });

  it('accepts the empty string when min is 0', () => {
    expect(userInput.text({ max: 5, min: 0 }).parse('')).toBe('');
  });
});

describe('userInput.storedText', () => {
  it('accepts anything PostgreSQL stores, and refuses NUL and lone surrogates', () => {
    const stored = userInput.storedText(50);
    expect(stored.parse('Tee 👩‍💻 \u00ad\t')).toBe('Tee 👩‍💻 \u00ad\t');
    expect(stored.safeParse('a\u0000').success).toBe(false);
    expect(stored.safeParse('a\udfff').success).toBe(false);
    expect(stored.safeParse('x'.repeat(51)).success).toBe(false);
  });
});

describe('userInput.email', () => {
  const email = userInput.email();

  it('trims, NFC-normalises and lower-cases the domain only', () => {
    expect(email.parse('  Jane.Doe+shop@Example.COM \n')).toBe('Jane.Doe+shop@example.com');
    // KELVIN SIGN is canonically equivalent to K: NFC stores the one plain form.
    expect(email.parse('\u212Aim@example.com')).toBe('Kim@example.com');
    // Apostrophes are common in real addresses; they are not markup.
    expect(email.parse("o'brien@example.com")).toBe("o'brien@example.com");
  });

  it.each([
    ['no domain', 'shopper@'],
    ['no top-level domain', 'shopper@example'],
    ['two @', 'a@b@example.com'],
    ['markup', '<script>@example.com'],
    ['a closing bracket', 'a>b@example.com'],
    ['a double quote', '"a"@example.com'],
    ['inner whitespace', 'a b@example.com'],
    ['a NUL byte', 'shopper\u0000@example.com'],
    ['a lone surrogate', 'shopper\ud800@example.com'],
    ['a right-to-left override', 'shopper\u202e@example.com'],
    ['a zero-width space', 'shop\u200bper@example.com'],
    ['a control character', 'shopper\u0007@example.com'],
    ['non-ASCII letters', 'josé@example.com'],
    ['more than 254 characters', `${'a'.repeat(64)}@${'b'.repeat(190)}.com`],
  ])('refuses %s', (_, value) => {
    expect(email.safeParse(value).success).toBe(false);
  });

  it('names the problem in its message', () => {
    expect(messageOf(email, 'a<b@example.com')).toBe('Must not contain markup (< or >)');
    expect(messageOf(email, 'a\u0000@example.com')).toMatch(/control characters/);
    expect(messageOf(email, 'shopper@example')).toBe('Not a valid email address');
  });

  it('accepts 254 characters after trimming', () => {
    const long = `${'a'.repeat(60)}@${'b'.repeat(189)}.com`;
    expect(long).toHaveLength(254);
    expect(email.parse(`  ${long}  `)).toBe(long);
  });
});

describe('userInput.slug', () => {
  const slug = userInput.slug();

  it('accepts every slug of the demo catalog', () => {
    const catalog = buildDemoCatalog(1_000);
    for (const s of [...catalog.categories, ...catalog.products].map((x) => x.slug)) {
      expect(slug.safeParse(s).success, s).toBe(true);
    }
  });

  it.each([
    '',
    'Upper',
    'with space',
    'under_score',
    'a\u0000b',
    'tee\u202e',
    'caf\u00e9',
    '../etc',
    'x'.repeat(101),
  ])('refuses %j', (value) => {
    expect(slug.safeParse(value).success).toBe(false);
  });
});

describe('userInput.cursor', () => {
  const cursor = userInput.cursor(20);

  it('accepts base64url and refuses anything else', () => {
    expect(cursor.parse(Buffer.from('["a","b"]').toString('base64url'))).toBeTruthy();
    for (const value of ['', 'a+b/', 'abc=', 'a\u0000', 'x'.repeat(21)]) {
      expect(cursor.safeParse(value).success, value).toBe(false);
    }
  });
});

describe('userInput.warehouseCode', () => {
  it('accepts codes like AMS and refuses anything else', () => {
    const code = userInput.warehouseCode();
    for (const value of ['AMS', 'BER', 'AMS2', 'FULFIL1234']) {
      expect(code.safeParse(value).success, value).toBe(true);
    }
    for (const value of [
      '',
      'ams',
      'AM',
      '2AM',
      'AMS\u0000',
      'A\u200bMS',
      'AMS-1',
      'A'.repeat(11),
    ]) {
      expect(code.safeParse(value).success, value).toBe(false);
    }
  });
});

describe('userInput.jsonObject', () => {
  const details = userInput.jsonObject({ maxLength: 200, maxDepth: 3 });
  const problem = (value: unknown) =>
    parseInput(z.object({ details }), { details: value }, (p) => p);

  it('accepts a small object of clean strings, numbers, booleans and null', () => {
    const value = { threeDSResult: 'eyJ0cmFuc1N0YXR1cyI6IlkifQ==', n: 1, ok: true, x: null };
    expect(details.parse(value)).toEqual(value);
    expect(details.parse({ list: ['a b', { c: 'd' }] })).toEqual({ list: ['a b', { c: 'd' }] });
  });

  it('refuses what is not an object', () => {
    for (const value of [[], 'text', 1, null, true]) {
      expect(problem(value)).toEqual({
        ok: false,
        error: { field: 'details', message: 'Must be a JSON object' },
      });
    }
  });

  it('names the path of a dirty string or key', () => {
    expect(problem({ a: { b: ['ok', 'x\u0000'] } })).toMatchObject({
      ok: false,
      error: { field: 'details.a.b[1]', message: expect.stringMatching(/control/) },
    });
    expect(problem({ 'k\u202e': 'v' })).toMatchObject({
      ok: false,
      error: { field: 'details.k\u202e', message: expect.stringMatching(/bidi/) },
    });
    expect(problem({ a: '\ud800' })).toMatchObject({ ok: false, error: { field: 'details.a' } });
  });

  it('refuses deep nesting without recursing, and oversized objects', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problem({ deep })).toMatchObject({
      ok: false,
      error: { message: 'Must not nest deeper than 3 levels' },
    });
    expect(problem({ a: 'x'.repeat(150), b: 'y'.repeat(150) })).toMatchObject({
      ok: false,
      error: { field: 'details', message: 'Must be at most 200 characters of JSON' },
    });
  });
});

describe('parseInput and firstProblem', () => {
  const schema = z.object({
    email: userInput.email(),
    lines: z.array(z.object({ quantity: z.number().int() })),
  });

  it('returns the parsed value, normalised', () => {
    expect(parseInput(schema, { email: ' a@B.org ', lines: [] }, () => 'refused')).toEqual({
      ok: true,
      value: { email: 'a@b.org', lines: [] },
    });
  });

  it("hands the first issue's path and message to refuse", () => {
    const result = parseInput(
      schema,
      { email: 'a@b.org', lines: [{ quantity: 1 }, { quantity: 1.5 }] },
      (problem) => ({ __typename: 'Invalid' as const, ...problem }),
    );
    expect(result).toEqual({
      ok: false,
      error: { __typename: 'Invalid', field: 'lines[1].quantity', message: expect.any(String) },
    });
  });

  it('writes a root problem with an empty path', () => {
    const result = z.string().safeParse(1);
    expect(result.success).toBe(false);
    if (!result.success) expect(firstProblem(result.error).field).toBe('');
  });
});
