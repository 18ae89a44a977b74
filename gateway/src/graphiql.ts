import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route, RouteResponse } from '@commerce-graph/kit';

/**
 * The browser side: GraphiQL over the gateway's own `/graphql`. Bundled from the installed
 * packages, so the page loads nothing from the internet.
 */
const ENTRY = `
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });
createRoot(document.getElementById('graphiql')).render(<GraphiQL fetcher={fetcher} />);
`;

/**
 * The page's own policy, stricter than the edge's development one: everything from this origin,
 * nothing from anywhere else. Inline styles and `data:` fonts and images are GraphiQL's
 * (CodeMirror and the UI set `style` attributes; the stylesheet inlines its fonts).
 */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join(';');

export interface GraphiQLBundle {
  js: string;
  css: string;
  /** A hash of both assets: the page names them with it, so they can be cached for good. */
  version: string;
  buildMs: number;
}

/** Bundles the entry with esbuild into one minified script and one stylesheet, in memory. */
export async function bundleGraphiQL(): Promise<GraphiQLBundle> {
  // Loaded here, not at import time: production never pays for esbuild.
  const { build } = await import('esbuild');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const started = performance.now();
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: here, loader: 'jsx', sourcefile: 'graphiql-entry.jsx' },
    bundle: true,
    write: false,
    outdir: 'graphiql',
    entryNames: 'app',
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const buildMs = Math.round(performance.now() - started);
  const output = (extension: string) => {
    const file = result.outputFiles.find((f) => f.path.endsWith(extension));
    if (!file) throw new Error(`the GraphiQL bundle has no ${extension} output`);
    return file.text;
  };
  const js = output('.js');
  const css = output('.css');
  const version = createHash('sha256').update(js).update(css).digest('hex').slice(0, 16);
  return { js, css, version, buildMs };
}

const page = (version: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>GraphiQL · commerce graph</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/graphiql/app.css?v=${version}" />
    <style>
      body { margin: 0; height: 100vh; }
      #graphiql { height: 100vh; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="/graphiql/app.js?v=${version}"></script>
  </body>
</html>
`;

/**
 * GraphiQL at `GET /graphiql`, with its script and stylesheet: an offline alternative to Apollo
 * Sandbox (whose page loads from Apollo's CDN), for development only. The bundle is built on the
 * first request and kept in memory, so start-up does not wait for it.
 */
export function graphiqlRoutes(): Route[] {
  let bundle: Promise<GraphiQLBundle> | undefined;
  const current = () => {
    bundle ??= bundleGraphiQL().catch((error: unknown) => {
      bundle = undefined; // the next request tries again
      throw error;
    });
    return bundle;
  };
  const asset =
    (pick: (b: GraphiQLBundle) => string, contentType: string) =>
    async (): Promise<RouteResponse> => {
      const built = await current();
      return {
        status: 200,
        body: pick(built),
        contentType,
        headers: {
          // The page asks for `?v=<version>`: a new bundle comes under a new URL.
          'cache-control': 'public, max-age=31536000, immutable',
          etag: `"${built.version}"`,
        },
      };
    };
  return [
    {
      method: 'GET',
      path: '/graphiql',
      handle: async () => {
        const built = await current();
        return {
          status: 200,
          body: page(built.version),
          contentType: 'text/html; charset=utf-8',
          headers: { 'cache-control': 'no-cache', 'content-security-policy': PAGE_CSP },
        };
      },
    },
    {
      method: 'GET',
      path: '/graphiql/app.js',
      handle: asset((b) => b.js, 'text/javascript; charset=utf-8'),
    },
    {
      method: 'GET',
      path: '/graphiql/app.css',
      handle: asset((b) => b.css, 'text/css; charset=utf-8'),
    },
  ];
}
