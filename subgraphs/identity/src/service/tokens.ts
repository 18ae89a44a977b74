import { createHash, randomBytes } from 'node:crypto';

/** Bytes of randomness in every refresh, reset and verification token. */
const TOKEN_BYTES = 32;
/** Longest string worth hashing and looking up: a token is 43 characters of base64url. */
const MAX_TOKEN_LENGTH = 128;

/** A new secret token for a customer: 32 random bytes, base64url (43 characters). */
export function newSecretToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * What the database keeps of a token: its SHA-256. The token has 256 bits of entropy, so a fast
 * unsalted hash suffices, and a stolen table yields nothing to present. Null for a string that
 * cannot be a token (too long), which matches nothing.
 */
export function tokenHash(token: string): Buffer | null {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
  return createHash('sha256').update(token, 'utf8').digest();
}
