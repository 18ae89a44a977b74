import { describe, expect, it } from 'vitest';
import { createAdyenProvider, type AdyenConfig } from './adyen.ts';

/** Adyen's published HMAC test vector (docs: "Verify HMAC signatures"). */
const VECTOR_KEY = '44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056';
const VECTOR_ITEM = {
  pspReference: '7914073381342284',
  originalReference: '',
  merchantAccountCode: 'TestMerchant',
  merchantReference: 'TestPayment-1407325143704',
  amount: { value: 1130, currency: 'EUR' },
  eventCode: 'AUTHORISATION',
  success: 'true',
  additionalData: { hmacSignature: 'coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0=' },
};
const OTHER_KEY = 'A'.repeat(64);

const provider = (keys: Pick<AdyenConfig, 'hmacKeyHex' | 'previousHmacKeyHex'>) =>
  createAdyenProvider({
    apiKey: 'test-key',
    merchantAccount: 'TestMerchant',
    environment: 'TEST',
    ...keys,
  });

describe('verifyNotification', () => {
  it("accepts Adyen's published test vector, and nothing changed in it", () => {
    const adyen = provider({ hmacKeyHex: VECTOR_KEY });
    expect(adyen.verifyNotification(VECTOR_ITEM)).toBe(true);
    expect(
      adyen.verifyNotification({ ...VECTOR_ITEM, amount: { value: 1131, currency: 'EUR' } }),
    ).toBe(false);
    expect(adyen.verifyNotification({ ...VECTOR_ITEM, additionalData: {} })).toBe(false);
    expect(provider({ hmacKeyHex: OTHER_KEY }).verifyNotification(VECTOR_ITEM)).toBe(false);
  });

  it('accepts the previous key during a rotation, and only then', () => {
    expect(
      provider({ hmacKeyHex: OTHER_KEY, previousHmacKeyHex: VECTOR_KEY }).verifyNotification(
        VECTOR_ITEM,
      ),
    ).toBe(true);
    expect(
      provider({ hmacKeyHex: VECTOR_KEY, previousHmacKeyHex: OTHER_KEY }).verifyNotification(
        VECTOR_ITEM,
      ),
    ).toBe(true);
    expect(provider({ hmacKeyHex: OTHER_KEY }).verifyNotification(VECTOR_ITEM)).toBe(false);
  });
});
