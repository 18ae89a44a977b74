import { randomUUID } from 'node:crypto';
import { adyenError, type ApiResponse } from './api-response.ts';
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

/** The `browserInfo` fields 3-D Secure 2 needs from a web shopper, and their JSON types. */
const BROWSER_INFO_FIELDS = {
  userAgent: 'string',
  acceptHeader: 'string',
  language: 'string',
  colorDepth: 'number',
  screenHeight: 'number',
  screenWidth: 'number',
  timeZoneOffset: 'number',
  javaEnabled: 'boolean',
} as const;

/**
 * What Adyen requires before a native 3-D Secure 2 challenge on the web: the native flow asked
 * for (`authenticationData.threeDSRequestData.nativeThreeDS: "preferred"`), `channel` Web, the
 * shopper page's `origin`, and the whole `browserInfo`. Answers the 422 of the first field
 * missing or wrong, or undefined when the request has them all.
 */
export function missingNativeThreeDSData(request: {
  channel?: string | undefined;
  origin?: string | undefined;
  browserInfo?: Record<string, unknown> | undefined;
  authenticationData?: { threeDSRequestData?: { nativeThreeDS?: string | undefined } | undefined };
}): ApiResponse | undefined {
  const required = (field: string) =>
    adyenError(422, '000', `Required field '${field}' is not provided.`);
  const nativeThreeDS = request.authenticationData?.threeDSRequestData?.nativeThreeDS;
  if (nativeThreeDS === undefined) {
    return required('authenticationData.threeDSRequestData.nativeThreeDS');
  }
  if (nativeThreeDS !== 'preferred') {
    return adyenError(
      422,
      '000',
      "Field 'nativeThreeDS' must be 'preferred' for native 3D Secure 2",
    );
  }
  if (request.channel === undefined) return required('channel');
  // The apps' SDKs collect their own device data; the web needs the page and the browser.
  if (request.channel !== 'Web') return undefined;
  if (request.origin === undefined) return required('origin');
  if (!URL.canParse(request.origin) || new URL(request.origin).origin !== request.origin) {
    return adyenError(422, '000', 'Invalid origin: expected scheme://host[:port] without a path');
  }
  if (request.browserInfo === undefined) return required('browserInfo');
  for (const [field, type] of Object.entries(BROWSER_INFO_FIELDS)) {
    const value = request.browserInfo[field];
    if (value === undefined) return required(`browserInfo.${field}`);
    if (typeof value !== type) {
      return adyenError(422, '000', `Field 'browserInfo.${field}' must be a ${type}`);
    }
  }
  return undefined;
}
