export {
  createAdyenSimulator,
  DEFAULT_RETRY_DELAYS_MS,
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
export type { SimulatorLog, WebhookDelivery } from './webhook-dispatcher.ts';
export type { AdyenErrorBody, AdyenErrorType } from './api-response.ts';
