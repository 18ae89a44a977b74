/** Adyen's error categories, as sent in `errorType`. */
export type AdyenErrorType = 'validation' | 'security' | 'configuration' | 'internal';

/** The JSON body Adyen returns with every 4xx/5xx answer. */
export interface AdyenErrorBody {
  status: number;
  errorCode: string;
  message: string;
  errorType: AdyenErrorType;
}

/** A response the HTTP layer writes as JSON; handlers return these instead of touching sockets. */
export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Builds an Adyen-shaped error response. */
export function adyenError(
  status: number,
  errorCode: string,
  message: string,
  errorType: AdyenErrorType = 'validation',
  headers?: Record<string, string>,
): ApiResponse {
  const body: AdyenErrorBody = { status, errorCode, message, errorType };
  return headers === undefined ? { status, body } : { status, body, headers };
}
