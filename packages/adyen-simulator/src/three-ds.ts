import { randomUUID } from 'node:crypto';
import { newOpaqueBlob } from './references.ts';

/** The `action` a `/payments` response carries when the issuer wants a 3-D Secure 2 challenge. */
export interface ThreeDS2ChallengeAction {
  type: 'threeDS2';
  subtype: 'challenge';
  paymentData: string;
  token: string;
  paymentMethodType: 'scheme';
}

/** 3-D Secure 2 transaction statuses: `Y` authenticated, `A` attempted, the rest failed. */
export type TransStatus = 'Y' | 'A' | 'N' | 'U' | 'R';

/** Creates a challenge action and the transaction id the shopper's result will refer to. */
export function createChallengeAction(): {
  action: ThreeDS2ChallengeAction;
  transactionId: string;
} {
  const transactionId = randomUUID();
  const token = toBase64Json({
    threeDSServerTransID: transactionId,
    acsTransID: randomUUID(),
    acsReferenceNumber: 'ADYEN-SIMULATOR-ACS',
    messageVersion: '2.2.0',
  });
  return {
    action: {
      type: 'threeDS2',
      subtype: 'challenge',
      paymentData: newOpaqueBlob(),
      token,
      paymentMethodType: 'scheme',
    },
    transactionId,
  };
}

/**
 * Builds the `details.threeDSResult` that Adyen's 3-D Secure component hands back after the
 * shopper's challenge. Pass the action to tie the result to its payment without `paymentData`.
 */
export function buildThreeDSResult(
  transStatus: TransStatus,
  action?: Pick<ThreeDS2ChallengeAction, 'token'>,
): string {
  const token = action === undefined ? undefined : readJson(action.token);
  return toBase64Json({
    transStatus,
    ...(typeof token?.threeDSServerTransID === 'string'
      ? { threeDSServerTransID: token.threeDSServerTransID }
      : {}),
  });
}

/** Reads a `threeDSResult`; undefined when it is not base64-encoded JSON. */
export function decodeThreeDSResult(
  value: string,
): { transStatus?: string; threeDSServerTransID?: string } | undefined {
  const json = readJson(value);
  if (json === undefined) return undefined;
  return {
    ...(typeof json.transStatus === 'string' ? { transStatus: json.transStatus } : {}),
    ...(typeof json.threeDSServerTransID === 'string'
      ? { threeDSServerTransID: json.threeDSServerTransID }
      : {}),
  };
}

function toBase64Json(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
}

function readJson(base64: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
