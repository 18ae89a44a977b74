/**
 * `pnpm seed [--products N] [--database-url URL]`: loads the deterministic demo catalog of N
 * products (default 1,000, what `pnpm start` loads) and its stock into an empty database.
 * Refuses, with exit code 1, when the database already has a catalog.
 */
import { parseArgs } from 'node:util';
import { buildDemoCatalog } from '../demo-catalog.ts';
import { seedDemoData } from '../graph.ts';
import { openCatalogDatabase } from './database.ts';
import { startProgress, type Progress } from './progress.ts';

const USAGE = 'usage: pnpm seed [--products N] [--database-url postgres://...]';
/** Largest catalog the command makes: 10 million variants are past any demo. */
const MAX_PRODUCTS = 2_500_000;

let args;
try {
  args = parseArgs({
    options: {
      products: { type: 'string', default: '1000' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const count = Number(args.products);
if (!/^\d+$/.test(args.products) || count > MAX_PRODUCTS) {
  console.error(`--products must be a whole number from 0 to ${MAX_PRODUCTS}\n${USAGE}`);
  process.exit(2);
}

const seconds = (from: number, to = performance.now()) => `${((to - from) / 1000).toFixed(1)} s`;
const database = await openCatalogDatabase(args['database-url']);
let progress: Progress | undefined;
try {
  const startedAt = performance.now();
  const catalog = buildDemoCatalog(count);
  const loadingAt = performance.now();
  console.log(
    `generated ${count} products, ${count * 4} variants in ${seconds(startedAt, loadingAt)}; ` +
      `loading into ${database.label}`,
  );
  // When each phase last reported: the catalog is written, then indexed; the stock follows.
  const phaseEnd = { written: loadingAt, indexed: loadingAt };
  let step = '';
  const seeded = await seedDemoData(database.url, catalog, {
    onProgress: (phase, done, total) => {
      if (phase !== step) {
        progress?.stop();
        step = phase;
        progress = startProgress({
          label: phase === 'written' ? 'writing ' : 'indexing',
          total,
          format: '{done}/{total} products',
          initial: { done: 0, total },
        });
      }
      progress?.update(done, { done, total });
      phaseEnd[phase] = performance.now();
    },
  });
  progress?.stop();
  if (!seeded) {
    console.error(
      `${database.label} already has a catalog: pnpm seed loads only into an empty one ` +
        '(use a new database, or drop the products and inventory schemas first)',
    );
    process.exitCode = 1;
  } else {
    const doneAt = performance.now();
    const indexedAt = Math.max(phaseEnd.written, phaseEnd.indexed);
    const rate = Math.round(count / Math.max((doneAt - loadingAt) / 1000, 0.001));
    console.log(
      `seeded ${count} products, ${count * 4} variants, ${count * 12} prices and their stock ` +
        `in ${seconds(loadingAt, doneAt)}, ${rate} products/s (catalog ` +
        `${seconds(loadingAt, phaseEnd.written)}, search index ` +
        `${seconds(phaseEnd.written, indexedAt)}, stock ${seconds(indexedAt, doneAt)})`,
    );
  }
} catch (error) {
  progress?.stop();
  console.error('seed failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
