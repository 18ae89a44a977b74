export {
  createAdyenSimulator,
  DEFAULT_CLIENT_KEY,
  DEFAULT_RETRY_DELAYS_MS,
  WEBHOOKS_PATH,
  type AdyenSimulator,
  type AdyenSimulatorOptions,
  type WebhookInput,
} from './simulator.ts';
export {
  calculateHmacSignature,
  hmacSigningString,
  signNotificationItem,
  type SignableNotificationItem,
} from './hmac.ts';
export {
  buildNotification,
  createNotificationItem,
  formatEventDate,
  type Amount,
  type EventCode,
  type KnownEventCode,
  type Notification,
  type NotificationItemInput,
  type NotificationRequestItem,
} from './notification.ts';
export { buildThreeDSResult, type ThreeDS2ChallengeAction, type TransStatus } from './three-ds.ts';
export { testCards } from './test-cards.ts';
export {
  ADYEN_GIVE_UP_AFTER_MS,
  ADYEN_RETRY_DELAYS_MS,
  mulberry32,
  type SimulatorLog,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryItem,
  type WebhookFaults,
} from './webhook-dispatcher.ts';
export type { AdyenErrorBody, AdyenErrorType } from './api-response.ts';
