/**
 * SQL statements executed for `products(first: N)` with variants, prices and availability, per
 * subgraph: `pnpm bench:sql`.
 *
 * How counting works: the whole graph runs in this process (`startGraph`). Each subgraph opens
 * its postgres.js pool with a `debug` hook (kit `connectDatabase`), and postgres.js calls that
 * hook with the text of every statement the pool sends, on any of its connections, before it
 * goes out; `startGraph`'s `onQuery(subgraph, sql)` forwards it here. Queries run one at a time,
 * and a statement counts for a request when it is seen while that request is in flight and its
 * subgraph was fetched by the gateway during that request, and it is no poll's: the outbox relays
 * and products' price boundary poll run every second on the same pools, and their `begin`/
 * `select ... for update skip locked`/`commit` would otherwise land in a request by chance
 * (`isBackgroundStatement`; they are reported apart as background).
 *
 * Subgraph fetches are the HTTP requests each subgraph server received during the request
 * (node:http's `http.server.request.start` diagnostics channel): that is the executed query plan.
 *
 * Migrations, seeding and the BullMQ PostgreSQL backend use connections of their own and are
 * never counted. Each N runs once unmeasured first: postgres.js reads its type catalogue on a
 * new connection, and that would be charged to the first request.
 */
import diagnostics from 'node:diagnostics_channel';
import type http from 'node:http';
import { isBackgroundStatement } from '../background-statements.ts';
import { buildDemoCatalog } from '../demo-catalog.ts';
import { SINGLE_CLIENT_BUDGETS, startGraph } from '../graph.ts';
import { createBenchDatabase } from './database.ts';
import { readBenchEnv } from './env.ts';
import { runBench } from './harness.ts';
import { formatTable } from './table.ts';
import { PRODUCT_PAGE_QUERY } from './operations.ts';

const SUBGRAPHS = ['products', 'inventory', 'cart', 'checkout'] as const;
type Subgraph = (typeof SUBGRAPHS)[number];

const PAGE_SIZES = [1, 6, 24, 48, 100];
const RUNS = 5;
const SHOWN_PAGE_SIZE = 24;

interface RequestTrace {
  statements: Record<Subgraph, string[]>;
  fetches: Record<Subgraph, number>;
}

const emptyTrace = (): RequestTrace => ({
  statements: { products: [], inventory: [], cart: [], checkout: [] },
  fetches: { products: 0, inventory: 0, cart: 0, checkout: 0 },
});

/** A statement on one line, cut to `length` characters. */
const oneLine = (query: string, length: number) =>
  query.replace(/\s+/g, ' ').trim().slice(0, length);

/** "products, inventory x2": the subgraphs fetched, with their average count when above one. */
function fetchedSubgraphs(fetches: number[], format: (value: number) => string): string {
  return SUBGRAPHS.flatMap((subgraph, i) => {
    const count = fetches[i] ?? 0;
    if (count === 0) return [];
    return [count === 1 ? subgraph : `${subgraph} x${format(count)}`];
  }).join(', ');
}

await runBench(async (defer) => {
  const env = readBenchEnv();
  const database = await createBenchDatabase(env.DATABASE_URL, defer);

  let current: RequestTrace | undefined;
  const background: Array<{ subgraph: Subgraph; query: string }> = [];
  let recordBackground = false;

  const graph = await startGraph({
    databaseUrl: database.url,
    queue: { databaseUrl: database.url },
    ports: { gateway: 0, products: 0, inventory: 0, cart: 0, checkout: 0, adyenSimulator: 0 },
    catalog: buildDemoCatalog(),
    logLevel: 'warn',
    gateway: { budgets: SINGLE_CLIENT_BUDGETS },
    onQuery: (subgraph, query) => {
      if (current && !isBackgroundStatement(query)) current.statements[subgraph].push(query);
      else if (recordBackground) background.push({ subgraph, query });
    },
  });
  defer(() => graph.close());

  // Which subgraph listens on which port, to name the HTTP requests the gateway makes.
  const subgraphByPort = new Map<number, Subgraph>();
  for (const service of graph.services) {
    const name = SUBGRAPHS.find((s) => s === service.name);
    if (name) subgraphByPort.set(Number(new URL(service.url).port), name);
  }
  const onRequest = (message: unknown) => {
    const { request, server } = message as { request: http.IncomingMessage; server: http.Server };
    const address = server.address();
    const subgraph =
      address && typeof address === 'object' ? subgraphByPort.get(address.port) : undefined;
    if (current && subgraph && request.method === 'POST') current.fetches[subgraph]++;
  };
  diagnostics.subscribe('http.server.request.start', onRequest);
  defer(() => {
    diagnostics.unsubscribe('http.server.request.start', onRequest);
  });

  async function productPage(n: number): Promise<RequestTrace> {
    const trace = emptyTrace();
    current = trace;
    try {
      const response = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: PRODUCT_PAGE_QUERY, variables: { n } }),
      });
      const body = (await response.json()) as {
        data?: { products?: { edges: unknown[] } };
        errors?: Array<{ message: string }>;
      };
      if (!response.ok || body.errors || body.data?.products?.edges.length !== n) {
        throw new Error(
          `products(first: ${n}) failed (HTTP ${response.status}): ${JSON.stringify(body).slice(0, 500)}`,
        );
      }
    } finally {
      current = undefined;
    }
    // A statement of a subgraph the gateway never asked cannot belong to this request.
    for (const subgraph of SUBGRAPHS) {
      if (trace.fetches[subgraph] === 0 && trace.statements[subgraph].length > 0) {
        background.push(...trace.statements[subgraph].map((query) => ({ subgraph, query })));
        trace.statements[subgraph] = [];
      }
    }
    return trace;
  }

  const rows: string[][] = [];
  let shown: RequestTrace | undefined;
  const startedAt = performance.now();
  recordBackground = true;
  for (const n of PAGE_SIZES) {
    await productPage(n); // warm-up, not counted
    const traces: RequestTrace[] = [];
    for (let run = 0; run < RUNS; run++) traces.push(await productPage(n));
    if (n === SHOWN_PAGE_SIZE) shown = traces[0];

    const average = (pick: (trace: RequestTrace) => number) =>
      traces.reduce((sum, trace) => sum + pick(trace), 0) / traces.length;
    const format = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
    const statements = SUBGRAPHS.map((s) => average((t) => t.statements[s].length));
    const fetches = SUBGRAPHS.map((s) => average((t) => t.fetches[s]));
    rows.push([
      String(n),
      ...statements.map(format),
      format(statements.reduce((a, b) => a + b, 0)),
      `${format(fetches.reduce((a, b) => a + b, 0))} (${fetchedSubgraphs(fetches, format)})`,
    ]);
  }
  recordBackground = false;
  const seconds = (performance.now() - startedAt) / 1000;

  console.log(
    [
      'SQL statements per request: products(first: N) { totalCount, edges.node { id name',
      '  variants { id sku price { amount currencyCode } availability { available inStock } } } }',
      `  through the gateway; 1,000 products / 4,000 variants; average of ${RUNS} runs after one warm-up`,
      `  database: ${database.server}`,
      '',
      formatTable(
        ['N', 'products', 'inventory', 'cart', 'checkout', 'total', 'subgraph fetches'],
        rows,
      ),
      '',
      `statements for N=${SHOWN_PAGE_SIZE} (one request, grouped by subgraph, each in the order sent; truncated to 120 chars):`,
      ...SUBGRAPHS.flatMap((subgraph) =>
        (shown?.statements[subgraph] ?? []).map(
          (query) => `  [${subgraph}] ${oneLine(query, 120)}`,
        ),
      ),
      '',
      `background statements while the ${seconds.toFixed(1)} s of queries ran, not counted ` +
        `above: ${background.length}${background.length > 0 ? ', distinct texts:' : ''}`,
      ...[...new Set(background.map((b) => `  [${b.subgraph}] ${oneLine(b.query, 100)}`))],
    ].join('\n'),
  );
});
