import { hmacValidator, type Types } from '@adyen/api-library';
import { describe, expect, it } from 'vitest';
import {
  buildNotification,
  calculateHmacSignature,
  hmacSigningString,
  signNotificationItem,
  type NotificationItemInput,
} from '../src/index.ts';
import { HMAC_KEY } from './support/harness.ts';

const capture: NotificationItemInput = {
  eventCode: 'CAPTURE',
  pspReference: 'QFQTPCQ8HXSKGK82',
  originalReference: 'KHQC5N7G84BLNK43',
  merchantAccountCode: 'CommerceGraphECOM',
  merchantReference: 'order:42',
  amount: { currency: 'EUR', value: 1130 },
  success: true,
  eventDate: '2024-06-01T10:00:00+02:00',
};

describe('hmacSigningString', () => {
  it('joins the eight signed fields in order without escaping the separator', () => {
    const [item] = buildNotification(capture, HMAC_KEY).notificationItems;

    expect(hmacSigningString(item!.NotificationRequestItem)).toBe(
      'QFQTPCQ8HXSKGK82:KHQC5N7G84BLNK43:CommerceGraphECOM:order:42:1130:EUR:CAPTURE:true',
    );
  });

  it('writes a missing originalReference as an empty value', () => {
    const { originalReference: _omitted, ...authorisation } = capture;
    const [item] = buildNotification(
      { ...authorisation, eventCode: 'AUTHORISATION' },
      HMAC_KEY,
    ).notificationItems;

    expect(item?.NotificationRequestItem).not.toHaveProperty('originalReference');
    expect(hmacSigningString(item!.NotificationRequestItem)).toBe(
      'QFQTPCQ8HXSKGK82::CommerceGraphECOM:order:42:1130:EUR:AUTHORISATION:true',
    );
  });
});

describe('signNotificationItem', () => {
  it('produces the signature the library calculates and accepts', () => {
    const [entry] = buildNotification(capture, HMAC_KEY).notificationItems;
    const item = entry!.NotificationRequestItem as Types.notification.NotificationRequestItem;
    const validator = new hmacValidator();

    expect(item.additionalData?.hmacSignature).toBe(validator.calculateHmac(item, HMAC_KEY));
    expect(validator.validateHMAC(item, HMAC_KEY)).toBe(true);
  });

  it('leaves the input untouched and keeps other additionalData', () => {
    const item = { ...capture, success: 'true', additionalData: { authCode: '123456' } };

    const signed = signNotificationItem(item, HMAC_KEY);

    expect(item.additionalData).toEqual({ authCode: '123456' });
    expect(signed.additionalData).toEqual({
      authCode: '123456',
      hmacSignature: calculateHmacSignature(item, HMAC_KEY),
    });
  });

  it('refuses a key that is not hex instead of signing with a truncated key', () => {
    expect(() => calculateHmacSignature({ pspReference: 'X' }, `${HMAC_KEY.slice(2)}zz`)).toThrow(
      /hex/,
    );
  });
});

describe('buildNotification', () => {
  it('wraps each item as Adyen does, with string booleans', () => {
    const notification = buildNotification(
      [
        capture,
        { ...capture, eventCode: 'REFUND', success: false, reason: 'Insufficient balance' },
      ],
      HMAC_KEY,
    );

    expect(notification.live).toBe('false');
    expect(notification.notificationItems.map((i) => i.NotificationRequestItem)).toMatchObject([
      { eventCode: 'CAPTURE', success: 'true', eventDate: '2024-06-01T10:00:00+02:00' },
      { eventCode: 'REFUND', success: 'false', reason: 'Insufficient balance' },
    ]);
  });
});
