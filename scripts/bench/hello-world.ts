/**
 * The ceiling of `pnpm bench`: a node:http server that reads each request and answers a small
 * JSON body, in a process of its own. HELLO_PORT (default 0: any free port) and HOST (default
 * 127.0.0.1); prints `listening on <port>` once it serves.
 */
import http from 'node:http';

const BODY = '{"data":{"hello":"world"}}';

const server = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(BODY),
    });
    response.end(BODY);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.HELLO_PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on ${typeof address === 'object' && address ? address.port : '?'}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
