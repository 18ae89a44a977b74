import { describe, expect, it } from 'vitest';
import { ConfigError } from '@commerce-graph/kit';
import { readEnv } from '../src/env.ts';

const valid = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/shop' };
const token = 'x'.repeat(32);

/** The problems readEnv reports for `source`, or [] when it accepts it. */
function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    readEnv(source);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('readEnv', () => {
  it('refuses production without INTERNAL_TOKEN', () => {
    expect(problemsOf({ ...valid, NODE_ENV: 'production' })).toEqual([
      'INTERNAL_TOKEN: required when NODE_ENV is production',
    ]);
    // `INTERNAL_TOKEN=` counts as unset.
    expect(problemsOf({ ...valid, NODE_ENV: 'production', INTERNAL_TOKEN: '' })).toEqual([
      'INTERNAL_TOKEN: required when NODE_ENV is production',
    ]);
  });

  it('accepts production with INTERNAL_TOKEN', () => {
    expect(readEnv({ ...valid, NODE_ENV: 'production', INTERNAL_TOKEN: token })).toMatchObject({
      NODE_ENV: 'production',
      INTERNAL_TOKEN: token,
    });
  });

  it('lists the missing token together with the other problems', () => {
    const problems = problemsOf({ NODE_ENV: 'production', LOG_LEVEL: 'loud' });
    expect(problems).toContain('INTERNAL_TOKEN: required when NODE_ENV is production');
    expect(problems.some((p) => p.startsWith('DATABASE_URL:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('LOG_LEVEL:'))).toBe(true);
  });

  it('still refuses a short token in production, once', () => {
    expect(problemsOf({ ...valid, NODE_ENV: 'production', INTERNAL_TOKEN: 'short' })).toEqual([
      'INTERNAL_TOKEN: use at least 32 characters',
    ]);
  });

  it('lets development and test run without a token', () => {
    expect(readEnv(valid).INTERNAL_TOKEN).toBeUndefined();
    expect(readEnv({ ...valid, NODE_ENV: 'test' }).INTERNAL_TOKEN).toBeUndefined();
  });
});
