/**
 * Serves the storefront: bundles `src/main.ts` with esbuild once at start (in memory) and
 * answers the page, the bundle, the styles and `/config.js` (where the gateway is) with
 * node:http. The storefront talks to nothing but the public gateway, from the browser.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(fileURLToPath(import.meta.url));

export interface StorefrontOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The gateway's GraphQL URL as the browser reaches it (a function: read per request). */
  gatewayUrl: string | (() => string);
}

export interface RunningStorefront {
  url: string;
  close(): Promise<void>;
}

interface Asset {
  type: string;
  body: string | Uint8Array;
}

/** Bundles the app and the static files into memory. */
async function buildAssets(): Promise<Map<string, Asset>> {
  const bundle = await build({
    entryPoints: [path.join(root, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: path.join(root, 'app.js'),
    sourcemap: 'linked',
    write: false,
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of bundle.outputFiles) {
    const name = `/${path.basename(file.path)}`;
    assets.set(name, {
      type: name.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8',
      body: file.contents,
    });
  }
  const html = await readFile(path.join(root, 'index.html'), 'utf8');
  assets.set('/', { type: 'text/html; charset=utf-8', body: html });
  assets.set('/styles.css', {
    type: 'text/css; charset=utf-8',
    body: await readFile(path.join(root, 'styles.css'), 'utf8'),
  });
  return assets;
}

/** Starts the storefront's HTTP server; the bundle is built before it listens. */
export async function startStorefront(options: StorefrontOptions): Promise<RunningStorefront> {
  const assets = await buildAssets();
  const gatewayUrl = () =>
    typeof options.gatewayUrl === 'function' ? options.gatewayUrl() : options.gatewayUrl;

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://storefront').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const gateway = gatewayUrl();
    const asset: Asset | undefined =
      pathname === '/config.js'
        ? {
            type: 'text/javascript; charset=utf-8',
            body: `window.STOREFRONT_CONFIG = ${JSON.stringify({ gatewayUrl: gateway })};\n`,
          }
        : assets.get(pathname === '/index.html' ? '/' : pathname);
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': asset.type,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // Scripts, styles and data from here, GraphQL from the gateway, nothing else.
      'content-security-policy': [
        "default-src 'self'",
        `connect-src 'self' ${new URL(gateway).origin}`,
        "img-src 'self' data:",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ].join('; '),
    });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
