import type http from 'node:http';
import cors from 'cors';
import helmet from 'helmet';
import proxyAddr from 'proxy-addr';
import type { RawRequest } from '@commerce-graph/kit';

export interface EdgeConfig {
  production: boolean;
  /** Browser origins allowed to call the API (CORS); others get no CORS headers. */
  corsOrigins: string[];
  /**
   * Proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed (proxy-addr's trust list:
   * `loopback`, `uniquelocal`, addresses, CIDRs). Empty: the peer address is the client.
   */
  trustProxy: string[];
}

type Middleware = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** Runs a Connect-style middleware; true when it answered the request itself. */
function run(middleware: Middleware, req: http.IncomingMessage, res: http.ServerResponse) {
  return new Promise<boolean>((resolve, reject) => {
    middleware(req, res, (error) => (error ? reject(error) : resolve(false)));
    if (res.writableEnded) resolve(true);
  });
}

/**
 * What the gateway does at the HTTP edge, before GraphQL: security headers (helmet: nosniff,
 * `frame-ancestors 'none'`, no referrer, HSTS only when the request came over TLS), CORS by
 * allowlist (the cors package; preflights answered here), and the client's address behind the
 * trusted proxies (proxy-addr).
 */
export function createEdge(config: EdgeConfig) {
  const trust = proxyAddr.compile(config.trustProxy);
  const headers = (hsts: boolean) =>
    helmet({
      // Production serves JSON only. Development serves Apollo Sandbox's page, whose scripts
      // and frames come from Apollo's CDN: there only framing is forbidden.
      contentSecurityPolicy: config.production
        ? { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }
        : {
            useDefaults: false,
            directives: {
              defaultSrc: helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
              frameAncestors: ["'none'"],
            },
          },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }) as Middleware;
  const plainHeaders = headers(false);
  const tlsHeaders = headers(true);
  const corsPolicy = cors({
    origin: config.corsOrigins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'accept-language',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'x-request-id',
    ],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  }) as Middleware;

  const overTls = (req: http.IncomingMessage) => {
    if ((req.socket as { encrypted?: boolean }).encrypted) return true;
    const peer = req.socket.remoteAddress;
    return !!peer && trust(peer, 0) && req.headers['x-forwarded-proto'] === 'https';
  };

  return {
    /** For `createHttpServer({ intercept })`. */
    async intercept(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
      if (await run(overTls(req) ? tlsHeaders : plainHeaders, req, res)) return true;
      return run(corsPolicy, req, res);
    },
    /** The client's address: the first untrusted hop of X-Forwarded-For, or the peer. */
    clientAddress(request: RawRequest): string | undefined {
      if (!request.remoteAddress) return undefined;
      return proxyAddr(
        { headers: request.headers, socket: { remoteAddress: request.remoteAddress } } as never,
        trust,
      );
    },
  };
}
