import { pino, type Logger } from 'pino';

export type { Logger };

/** Creates a JSON logger named after the service; card data and secrets are redacted. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        '*.encryptedCardNumber',
        '*.encryptedSecurityCode',
        '*.encryptedExpiryMonth',
        '*.encryptedExpiryYear',
        '*.sessionData',
        '*.authorization',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
