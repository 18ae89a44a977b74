import { createHmac } from 'node:crypto';

/** The fields of a standard notification item that Adyen's HMAC signature covers. */
export interface SignableNotificationItem {
  pspReference?: string;
  originalReference?: string;
  merchantAccountCode?: string;
  merchantReference?: string;
  amount?: { value?: number; currency?: string };
  eventCode?: string;
  success?: string;
  additionalData?: Record<string, string | undefined>;
}

/** Builds the string Adyen signs: eight values joined by `:`, missing ones empty, no escaping. */
export function hmacSigningString(item: SignableNotificationItem): string {
  return [
    item.pspReference,
    item.originalReference,
    item.merchantAccountCode,
    item.merchantReference,
    item.amount?.value,
    item.amount?.currency,
    item.eventCode,
    item.success,
  ]
    .map((value) => (value === undefined ? '' : String(value)))
    .join(':');
}

/** Computes base64(HMAC-SHA256) of a notification item with a hex-encoded HMAC key. */
export function calculateHmacSignature(item: SignableNotificationItem, hmacKeyHex: string): string {
  return createHmac('sha256', hmacKeyBytes(hmacKeyHex))
    .update(hmacSigningString(item), 'utf8')
    .digest('base64');
}

/** Returns a copy of the item with `additionalData.hmacSignature` set, as Adyen sends it. */
export function signNotificationItem<T extends SignableNotificationItem>(
  item: T,
  hmacKeyHex: string,
): T & { additionalData: Record<string, string | undefined> } {
  return {
    ...item,
    additionalData: {
      ...item.additionalData,
      hmacSignature: calculateHmacSignature(item, hmacKeyHex),
    },
  };
}

function hmacKeyBytes(hmacKeyHex: string): Buffer {
  // Buffer.from(hex) silently stops at the first bad character; a typo in the key would
  // then sign with a shorter key and every signature would mysteriously fail to verify.
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hmacKeyHex)) {
    throw new Error('HMAC key must be a non-empty, even-length hex string');
  }
  return Buffer.from(hmacKeyHex, 'hex');
}
