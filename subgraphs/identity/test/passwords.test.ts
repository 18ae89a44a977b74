import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD_HASHING } from '../../../test/support/passwords.ts';
import {
  DEFAULT_PASSWORD_HASHING,
  PasswordHasher,
  passwordProblem,
} from '../src/service/passwords.ts';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

describe('PasswordHasher', () => {
  it('hashes with argon2id at the OWASP minimum by default', async () => {
    const hasher = new PasswordHasher();
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(DEFAULT_PASSWORD_HASHING).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(hash, 'correct horse battery stapler')).toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
    expect(new PasswordHasher(TEST_PASSWORD_HASHING).needsRehash(hash)).toBe(true);
  });

  it('spends as long on an unknown account as on a wrong password', async () => {
    const hasher = new PasswordHasher();
    const hash = await hasher.hash('correct horse battery staple');
    await hasher.verify(null, 'warm up');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await timed(() => hasher.verify(hash, 'wrong password')));
      unknown.push(await timed(() => hasher.verify(null, 'wrong password')));
    }
    // Without the dummy hash an unknown account would answer in microseconds, not milliseconds.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.3);
    expect(await hasher.verify(null, 'anything')).toBe(false);
  });

  it('matches a password typed in another Unicode normal form', async () => {
    const hasher = new PasswordHasher(TEST_PASSWORD_HASHING);
    const composed = 'caf\u00e9 au lait, please';
    const hash = await hasher.hash(composed);
    expect(await hasher.verify(hash, composed.normalize('NFD'))).toBe(true);
  });
});

describe('passwordProblem', () => {
  it('counts characters as code points and refuses the email address itself', () => {
    expect(passwordProblem('123456789', 'a@b.io')).toBe('TOO_SHORT');
    expect(passwordProblem('1234567890', 'a@b.io')).toBeNull();
    expect(passwordProblem('\u{1F511}'.repeat(10), 'a@b.io')).toBeNull();
    expect(passwordProblem('x'.repeat(201), 'a@b.io')).toBe('TOO_LONG');
    expect(passwordProblem('x'.repeat(10_000), 'a@b.io')).toBe('TOO_LONG');
    expect(passwordProblem('Ann@Example.com', 'ann@example.com')).toBe('SAME_AS_EMAIL');
    expect(passwordProblem('\ud800 lone surrogate', 'a@b.io')).toBe('MALFORMED');
  });
});
