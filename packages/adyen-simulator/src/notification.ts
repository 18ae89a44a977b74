import { signNotificationItem } from './hmac.ts';

/** Event codes the simulator sends, plus the others a checkout service should expect. */
export type KnownEventCode =
  | 'AUTHORISATION'
  | 'CAPTURE'
  | 'CAPTURE_FAILED'
  | 'CANCELLATION'
  | 'CANCEL_OR_REFUND'
  | 'REFUND'
  | 'REFUND_FAILED'
  | 'REFUNDED_REVERSED'
  | 'EXPIRE'
  | 'CHARGEBACK'
  | 'CHARGEBACK_REVERSED'
  | 'SECOND_CHARGEBACK'
  | 'TECHNICAL_CANCEL';

// `string & {}` keeps editor completion for the known codes while allowing any other code.
export type EventCode = KnownEventCode | (string & {});

/** An amount in minor units with its ISO 4217 currency. */
export interface Amount {
  currency: string;
  value: number;
}

/** One `NotificationRequestItem` of a standard notification, as it appears on the wire. */
export interface NotificationRequestItem {
  additionalData?: Record<string, string | undefined>;
  amount: Amount;
  eventCode: EventCode;
  eventDate: string;
  merchantAccountCode: string;
  merchantReference: string;
  originalReference?: string;
  paymentMethod?: string;
  pspReference: string;
  reason?: string;
  success: 'true' | 'false';
  operations?: Array<'CANCEL' | 'CAPTURE' | 'REFUND'>;
}

/** The body Adyen POSTs to a standard-notification webhook. */
export interface Notification {
  live: 'true' | 'false';
  notificationItems: Array<{ NotificationRequestItem: NotificationRequestItem }>;
}

/** What a caller states about an event; dates, string booleans and the signature are filled in. */
export interface NotificationItemInput {
  eventCode: EventCode;
  pspReference: string;
  merchantAccountCode: string;
  merchantReference: string;
  amount: Amount;
  success: boolean;
  originalReference?: string;
  reason?: string;
  paymentMethod?: string;
  eventDate?: Date | string;
  operations?: NotificationRequestItem['operations'];
  additionalData?: Record<string, string>;
}

/** Formats a date the way Adyen writes `eventDate`: ISO 8601 with seconds and a UTC offset. */
export function formatEventDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

/** Turns an input into a wire-format notification item signed with the hex HMAC key. */
export function createNotificationItem(
  input: NotificationItemInput,
  hmacKeyHex: string,
): NotificationRequestItem {
  const eventDate =
    typeof input.eventDate === 'string'
      ? input.eventDate
      : formatEventDate(input.eventDate ?? new Date());
  const item: NotificationRequestItem = {
    additionalData: input.additionalData,
    amount: { currency: input.amount.currency, value: input.amount.value },
    eventCode: input.eventCode,
    eventDate,
    merchantAccountCode: input.merchantAccountCode,
    merchantReference: input.merchantReference,
    // AUTHORISATION carries no originalReference at all; leaving the key out keeps it that way.
    ...(input.originalReference === undefined
      ? {}
      : { originalReference: input.originalReference }),
    paymentMethod: input.paymentMethod,
    pspReference: input.pspReference,
    reason: input.reason ?? '',
    success: input.success ? 'true' : 'false',
    ...(input.operations === undefined ? {} : { operations: input.operations }),
  };
  return signNotificationItem(item, hmacKeyHex);
}

/** Builds a complete standard-notification body with every item signed, ready to POST. */
export function buildNotification(
  items: NotificationItemInput | readonly NotificationItemInput[],
  hmacKeyHex: string,
  options: { live?: boolean } = {},
): Notification {
  const list: readonly NotificationItemInput[] = Array.isArray(items) ? items : [items];
  return {
    live: options.live === true ? 'true' : 'false',
    notificationItems: list.map((input) => ({
      NotificationRequestItem: createNotificationItem(input, hmacKeyHex),
    })),
  };
}
