import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { createHttpServer, listen } from '../src/http.ts';
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

  it('writes the request id on every line logged while serving a request', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('test', 'info', sink as never);
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' });
    await apollo.start();
    const server = createHttpServer({
      apollo,
      context: async () => ({}),
      logger,
      routes: [
        {
          method: 'POST',
          path: '/hook',
          handle: async () => {
            await new Promise((resolve) => setTimeout(resolve, 1));
            logger.info('hook received');
            return { status: 204, body: '' };
          },
        },
      ],
    });
    const http = await listen(server, 0);
    try {
      await fetch(http.url.replace('/graphql', '/hook'), {
        method: 'POST',
        headers: { 'x-request-id': 'req-0123456789' },
      });
      logger.info('outside any request');
    } finally {
      await http.close();
      await apollo.stop();
    }
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({ msg: 'hook received', requestId: 'req-0123456789' });
    expect(outside).not.toHaveProperty('requestId');
  });
});
