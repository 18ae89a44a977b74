import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { actorFromHeaders, type Actor } from '@commerce-graph/kit';

/** What reached the stand-in's products: the verified actor, and any authorization header. */
export interface Seen {
  actor: Actor | 'refused';
  authorization?: string;
}

/**
 * One HTTP server standing in for every subgraph behind a gateway under test. Operations naming
 * a field of `answers` (identity's internal `sessionGrant`, `apiKeyByToken`, ...) get that
 * field's answer for their variables; any other operation is products answering
 * `{ products: { totalCount } }`, recorded in `seen` before it answers, so a gateway's answer
 * implies the record.
 */
export async function startStandInGraph(options: {
  internalToken: string;
  totalCount: number;
  answers: Record<string, (variables: Record<string, string>) => unknown>;
}) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      res.setHeader('content-type', 'application/json');
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        query: string;
        variables?: Record<string, string>;
      };
      const field = Object.keys(options.answers).find((name) => body.query.includes(name));
      if (field) {
        const answer = options.answers[field]!(body.variables ?? {});
        res.end(JSON.stringify({ data: { [field]: answer } }));
        return;
      }
      const actor = await actorFromHeaders(options.internalToken, req.headers).catch(
        () => 'refused' as const,
      );
      seen.push({ actor, authorization: req.headers.authorization });
      res.end(JSON.stringify({ data: { products: { totalCount: options.totalCount } } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    seen,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
