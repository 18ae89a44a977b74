/**
 * `pnpm catalog:import FILE.jsonl [--database-url URL] [--errors FILE]`: imports a catalog file
 * (see import.ts and README.md, "Catalog data"), with a progress bar, and prints rows per second
 * and a summary. Exit code 0 when every row loaded, 1 when some were rejected, 2 for bad usage.
 *
 * `pnpm catalog:import --generate N FILE.jsonl` writes the first N demo products as such a file.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writeDemoFile } from './demo-file.ts';
import { openCatalogDatabase } from './database.ts';
import { importCatalog, type ImportSummary } from './import.ts';
import { startProgress } from './progress.ts';

const USAGE = [
  'usage: pnpm catalog:import FILE.jsonl [--database-url postgres://...] [--errors ERRORS.jsonl]',
  '       pnpm catalog:import --generate N FILE.jsonl',
].join('\n');
/** Rejections printed on the terminal; `--errors FILE` gets them all. */
const SHOWN_REJECTIONS = 20;

let parsed;
try {
  parsed = parseArgs({
    options: {
      generate: { type: 'string' },
      'database-url': { type: 'string' },
      errors: { type: 'string' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values: args, positionals } = parsed;
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const file = positionals[0]!;

if (args.generate !== undefined) {
  const count = Number(args.generate);
  if (!/^\d+$/.test(args.generate) || count > 2_500_000) {
    console.error(`--generate takes a number of products from 0 to 2500000\n${USAGE}`);
    process.exit(2);
  }
  const startedAt = performance.now();
  await writeDemoFile(file, count);
  console.log(
    `wrote ${count} demo products to ${file} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
  );
  process.exit(0);
}

const batchSize = args['batch-size'] === undefined ? undefined : Number(args['batch-size']);
if (
  batchSize !== undefined &&
  !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 10_000)
) {
  console.error('--batch-size takes a whole number from 1 to 10000');
  process.exit(2);
}

const database = await openCatalogDatabase(args['database-url']);
const progress = startProgress({
  label: 'import',
  total: 1,
  format: '{rows} rows | {rate} rows/s | {rejected} rejected',
  initial: { rows: 0, rate: 0, rejected: 0 },
});
let summary: ImportSummary;
const startedAt = performance.now();
try {
  summary = await importCatalog({
    databaseUrl: database.url,
    file,
    batchSize,
    onProgress: (p) => {
      const seconds = (performance.now() - startedAt) / 1000;
      // The bar counts bytes (the file's size is known, its number of lines is not).
      progress.update(p.totalBytes > 0 ? p.bytesRead / p.totalBytes : 1, {
        rows: p.rows,
        rate: Math.round(p.rows / Math.max(seconds, 0.001)),
        rejected: p.rejected,
      });
    },
  });
} catch (error) {
  progress.stop();
  console.error('import failed:', error instanceof Error ? error.message : error);
  await database.close();
  process.exit(2);
}
progress.stop();
await database.close();

for (const rejection of summary.rejections.slice(0, SHOWN_REJECTIONS)) {
  console.error(`line ${rejection.line}: ${rejection.reason}`);
}
if (summary.rejections.length > SHOWN_REJECTIONS) {
  console.error(
    `... and ${summary.rejections.length - SHOWN_REJECTIONS} more rejected rows` +
      (args.errors ? '' : ' (--errors FILE writes them all)'),
  );
}
if (args.errors) {
  await writeFile(
    args.errors,
    summary.rejections.map((rejection) => `${JSON.stringify(rejection)}\n`).join(''),
  );
}
console.log(
  [
    `imported ${file}: ${summary.rows} rows in ${summary.seconds.toFixed(1)} s, ` +
      `${Math.round(summary.rowsPerSecond)} rows/s`,
    `  created    ${summary.created}`,
    `  updated    ${summary.updated}`,
    `  unchanged  ${summary.unchanged}`,
    `  rejected   ${summary.rejected}`,
  ].join('\n'),
);
process.exit(summary.rejected > 0 ? 1 : 0);
