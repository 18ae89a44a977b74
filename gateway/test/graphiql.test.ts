import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '@commerce-graph/kit';
import { startGateway } from '../src/app.ts';

// The gateway plans from the supergraph file alone; these requests never reach a subgraph.
const UNREACHABLE = 'http://127.0.0.1:9/graphql';
const subgraphUrls = {
  products: UNREACHABLE,
  inventory: UNREACHABLE,
  cart: UNREACHABLE,
  checkout: UNREACHABLE,
};
const CHROMIUM = '/usr/bin/chromium';

/**
 * Places where a page or a script would load something from another origin: an attribute or
 * property naming a source, a stylesheet import, a CSS url(), a dynamic import or worker. Plain
 * URL strings in code (XML namespaces, links in help text, React's error URLs) load nothing.
 */
const REMOTE_LOADS = [
  /\b(?:src|srcset|srcSet)\s*[=:]\s*["'`]?\s*(?:https?:)?\/\//,
  /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//i,
  /\.href\s*=\s*["'`](?:https?:)?\/\//,
  /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//i,
  /url\(\s*["']?(?:https?:)?\/\//i,
  /\bimport\(\s*["'`](?:https?:)?\/\//,
  /\b(?:importScripts|Worker|SharedWorker)\(\s*["'`](?:https?:)?\/\//,
  /\bfetch\(\s*["'`](?:https?:)?\/\//,
];
const remoteLoadsIn = (text: string) =>
  REMOTE_LOADS.flatMap((pattern) => pattern.exec(text)?.[0] ?? []);

describe('GraphiQL at /graphiql', () => {
  let development: RunningService;
  let production: RunningService;
  let origin: string;

  beforeAll(async () => {
    development = await startGateway({ port: 0, subgraphUrls, logLevel: 'silent' });
    production = await startGateway({
      port: 0,
      subgraphUrls,
      logLevel: 'silent',
      production: true,
    });
    origin = new URL(development.url).origin;
  });

  afterAll(async () => {
    await development?.close();
    await production?.close();
  });

  it('serves a page whose script and stylesheet come from the gateway itself', async () => {
    const page = await fetch(`${origin}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    const script = /<script src="(\/graphiql\/app\.js\?v=\w+)"/.exec(html)?.[1];
    const stylesheet = /<link rel="stylesheet" href="(\/graphiql\/app\.css\?v=\w+)"/.exec(
      html,
    )?.[1];
    expect(script).toBeDefined();
    expect(stylesheet).toBeDefined();
    expect(remoteLoadsIn(html)).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//);
    // The page's own policy lets nothing come from another origin.
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");

    const js = await fetch(`${origin}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    const code = await js.text();
    expect(code.length).toBeGreaterThan(500_000);
    expect(code).toContain('graphiql-container');
    expect(remoteLoadsIn(code)).toEqual([]);

    const css = await fetch(`${origin}${stylesheet}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const rules = await css.text();
    expect(rules.length).toBeGreaterThan(50_000);
    expect(rules).toContain('.graphiql-container');
    expect(remoteLoadsIn(rules)).toEqual([]);
  });

  it('is not served in production', async () => {
    const productionOrigin = new URL(production.url).origin;
    for (const path of ['/graphiql', '/graphiql/app.js', '/graphiql/app.css']) {
      expect((await fetch(`${productionOrigin}${path}`)).status).toBe(404);
    }
  });

  it.skipIf(!existsSync(CHROMIUM))(
    'renders the editor in a browser and runs a query, with no request leaving the gateway',
    async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: CHROMIUM });
      try {
        const page = await browser.newPage();
        const requests: string[] = [];
        const problems: string[] = [];
        page.on('request', (request) => requests.push(request.url()));
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));

        await page.goto(`${origin}/graphiql`);
        const editor = page.locator('.graphiql-query-editor .CodeMirror');
        await editor.waitFor();
        await editor.evaluate((element, query) => {
          (element as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(
            query,
          );
        }, '{ __typename }');
        await page.locator('.graphiql-execute-button').click();
        await page.locator('.graphiql-response').getByText('"Query"').waitFor({ timeout: 10_000 });

        expect(requests.some((url) => url === `${origin}/graphql`)).toBe(true);
        expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
