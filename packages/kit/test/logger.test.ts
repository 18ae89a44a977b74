import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

describe('createLogger', () => {
  it('never writes card data, payment details or secrets, at the top level or one down', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('test', 'info', sink as never);
    logger.info(
      {
        paymentMethod: { type: 'scheme', encryptedCardNumber: 'adyenjs_0_1_25$secret-card' },
        request: {
          paymentMethod: { encryptedSecurityCode: 'adyenjs_0_1_25$secret-cvc' },
          details: { threeDSResult: 'secret-3ds' },
        },
        item: { additionalData: { hmacSignature: 'secret-signature' } },
        headers: { authorization: 'Bearer secret-token' },
        orderId: 'kept-order-id',
      },
      'payment request',
    );
    const written = lines.join('');
    expect(written).not.toMatch(/secret/);
    expect(written).toContain('kept-order-id');
    expect(written).toContain('[redacted]');
  });
});
