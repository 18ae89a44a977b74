import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './http.ts';

export type { Logger };

/**
 * Payment data that must never reach a log (PCI DSS: the server sees no card number, and Adyen's
 * encrypted fields, 3-D Secure and redirect results and session data stay out of logs too), and
 * secrets. At the top level of a log line and one level down (`{ paymentMethod }`,
 * `{ request: { paymentMethod } }`): pino's redaction has no recursive wildcard.
 */
const SECRET_FIELDS = [
  'paymentMethod',
  'encryptedCardNumber',
  'encryptedSecurityCode',
  'encryptedExpiryMonth',
  'encryptedExpiryYear',
  'cvc',
  'details',
  'threeDSResult',
  'redirectResult',
  'paymentData',
  'sessionData',
  'hmacSignature',
  'authorization',
  'password',
];

/**
 * Creates a JSON logger named after the service; payment data and secrets are redacted, and a
 * line logged while serving a request carries its `requestId`.
 */
export function createLogger(
  name: string,
  level = 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    name,
    level,
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: {
      paths: [
        ...SECRET_FIELDS,
        ...SECRET_FIELDS.map((field) => `*.${field}`),
        'req.headers.authorization',
        'additionalData.hmacSignature',
        '*.additionalData.hmacSignature',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
