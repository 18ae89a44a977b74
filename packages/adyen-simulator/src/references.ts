import { randomBytes, randomInt } from 'node:crypto';

const PSP_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Issues Adyen-style 16-character pspReferences, never the same one twice per generator. */
export function createPspReferenceGenerator(): () => string {
  const issued = new Set<string>();
  return () => {
    for (;;) {
      const bytes = randomBytes(16);
      let reference = '';
      for (const byte of bytes) reference += PSP_ALPHABET[byte % PSP_ALPHABET.length];
      if (!issued.has(reference)) {
        issued.add(reference);
        return reference;
      }
    }
  };
}

/** A checkout session id shaped like Adyen's: `CS` followed by 16 uppercase hex digits. */
export function newSessionId(): string {
  return `CS${randomBytes(8).toString('hex').toUpperCase()}`;
}

/** An opaque base64 blob standing in for Adyen's encrypted session or payment data. */
export function newOpaqueBlob(bytes = 48): string {
  return randomBytes(bytes).toString('base64');
}

/** A six-digit authorisation code as issuers return it. */
export function newAuthCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
