import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** Fewest characters (Unicode code points, after NFKC) a password has. */
export const MIN_PASSWORD_LENGTH = 10;
/** Most characters a password has: bounds the work one request can ask of the hasher. */
export const MAX_PASSWORD_LENGTH = 200;

/** argon2id cost parameters. */
export interface PasswordHashing {
  /** KiB of memory per hash. */
  memoryCost: number;
  /** Passes over the memory. */
  timeCost: number;
  parallelism: number;
}

/**
 * OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane): about 40 ms per hash on one core of
 * this project's 2-core machines, so a burst of sign-ins does not starve the event loop's host.
 */
export const DEFAULT_PASSWORD_HASHING: PasswordHashing = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

// `Algorithm` is an ambient const enum, which isolated modules cannot read: its value, typed.
const ARGON2ID: Algorithm = 2;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'SAME_AS_EMAIL' | 'MALFORMED';

/**
 * The form a password is hashed in: NFKC (NIST SP 800-63B), so the same password typed on two
 * keyboards that encode an accented letter differently still matches. Never trimmed.
 */
function normalise(password: string): string {
  return password.normalize('NFKC');
}

/** Why a new password is refused, or null when it is acceptable for the account of `email`. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if (!password.isWellFormed()) return 'MALFORMED';
  // Checked on the raw string first: a 10,000-character value is not spread into code points.
  if (password.length > MAX_PASSWORD_LENGTH * 2) return 'TOO_LONG';
  const normalised = normalise(password);
  const length = [...normalised].length;
  if (length < MIN_PASSWORD_LENGTH) return 'TOO_SHORT';
  if (length > MAX_PASSWORD_LENGTH) return 'TOO_LONG';
  if (normalised.trim().toLowerCase() === email.toLowerCase()) return 'SAME_AS_EMAIL';
  return null;
}

/** Whether a presented password could be any account's: longer ones are refused unhashed. */
export function couldBePassword(password: string): boolean {
  return password.isWellFormed() && [...password].length <= MAX_PASSWORD_LENGTH * 2;
}

/** Hashes and verifies passwords with argon2id; unknown accounts cost the same as known ones. */
export class PasswordHasher {
  private readonly dummyHash: Promise<string>;
  private readonly prefix: string;

  constructor(private readonly params: PasswordHashing = DEFAULT_PASSWORD_HASHING) {
    this.prefix = `$argon2id$v=19$m=${params.memoryCost},t=${params.timeCost},p=${params.parallelism}$`;
    // Verified against when an email has no account, so that answer takes as long as a wrong
    // password does.
    this.dummyHash = this.hash(randomBytes(16).toString('base64url'));
  }

  /** A PHC string of a new random salt and the password's argon2id hash. */
  hash(password: string): Promise<string> {
    return hash(normalise(password), { algorithm: ARGON2ID, ...this.params });
  }

  /**
   * Whether `password` matches `stored`. Without a stored hash (no such account) it verifies
   * against a dummy hash of the same cost and answers false.
   */
  async verify(stored: string | null, password: string): Promise<boolean> {
    if (stored === null) {
      await verify(await this.dummyHash, normalise(password)).catch(() => false);
      return false;
    }
    return verify(stored, normalise(password)).catch(() => false);
  }

  /** Whether a stored hash was made with other parameters than today's (rehash at sign-in). */
  needsRehash(stored: string): boolean {
    // The PHC prefix names algorithm, version and every cost parameter.
    return !stored.startsWith(this.prefix);
  }
}
