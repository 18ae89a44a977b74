/**
 * `pnpm catalog:import FILE.jsonl`: loads products from a JSON Lines file (row.ts), 1,000 rows a
 * transaction, as upserts keyed on product slug and variant SKU. A row whose every value equals
 * what is stored writes nothing (each upsert compares with IS DISTINCT FROM), so a second run
 * of the same file changes no row and no `updated_at`. Bad rows are reported by line number
 * with the reason and skipped; the good rows around them load.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { connectDatabase, createLogger, type Logger } from '@commerce-graph/kit';
import { schema, type ProductsDb } from '../../subgraphs/products/src/db/client.ts';
import { PostgresSearch } from '../../subgraphs/products/src/service/search/postgres-search.ts';
import { writeBatch, type BatchOutcome, type ImportItem, type Rejection } from './import-batch.ts';
import { checkReferences, loadDefinitions, type Definitions } from './import-rules.ts';
import { BATCH_SIZE, analyzeCatalog } from './records.ts';
import { MAX_LINE_LENGTH, catalogRowSchema, describeIssues } from './row.ts';

export type { Rejection };

export interface ImportCounts {
  /** Non-blank lines read. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportProgress extends ImportCounts {
  bytesRead: number;
  totalBytes: number;
}

export interface ImportSummary extends ImportCounts {
  rejections: Rejection[];
  seconds: number;
  rowsPerSecond: number;
}

export interface ImportOptions {
  databaseUrl: string;
  file: string;
  /** Rows per transaction (default 1,000). */
  batchSize?: number;
  /** Told after every batch. */
  onProgress?: (progress: ImportProgress) => void;
  logger?: Logger;
}

/** Imports `options.file` into the products schema; see the module comment. */
export async function importCatalog(options: ImportOptions): Promise<ImportSummary> {
  const startedAt = performance.now();
  const { size: totalBytes } = await stat(options.file);
  const logger = options.logger ?? createLogger('catalog-import', 'warn');
  const database = connectDatabase(options.databaseUrl, schema, {
    max: 2,
    applicationName: 'catalog-import',
    // Index builds and large batches run longer than a request's statement limit.
    statementTimeoutMs: 0,
  });
  try {
    const run = new CatalogImport(
      database.db,
      new PostgresSearch({ db: database.db, now: () => new Date(), logger }),
      await loadDefinitions(database.db),
      logger,
    );
    const input = createReadStream(options.file);
    const lines = createInterface({ input, crlfDelay: Infinity });
    const batchSize = options.batchSize ?? BATCH_SIZE;
    const progress = () =>
      options.onProgress?.({ ...run.counts, bytesRead: input.bytesRead, totalBytes });
    let batch: ImportItem[] = [];
    let lineNumber = 0;
    // One batch is written while the next is read and checked: the database and this process
    // work at the same time. Batches still commit one after the other, in file order.
    let writing: Promise<void> = Promise.resolve();
    for await (const text of lines) {
      lineNumber++;
      const item = run.check(lineNumber, text);
      if (item) batch.push(item);
      if (batch.length >= batchSize) {
        const full = batch;
        batch = [];
        await writing;
        progress();
        writing = run.write(full);
        writing.catch(() => undefined); // awaited above or below; not unhandled meanwhile
      }
    }
    await writing;
    if (batch.length > 0) await run.write(batch);
    progress();
    const seconds = (performance.now() - startedAt) / 1000;
    const rejections = run.rejections.sort((a, b) => a.line - b.line);
    return {
      ...run.counts,
      rejections,
      seconds,
      rowsPerSecond: run.counts.rows / Math.max(seconds, 0.001),
    };
  } finally {
    await database.close();
  }
}

/** PostgreSQL's own message: drizzle wraps it in an error that repeats the whole statement. */
const databaseMessage = (error: unknown): string => {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : (error as Error).message;
};

/** One run over a file: the checks that need no database, the batches, and the counts. */
class CatalogImport {
  readonly counts: ImportCounts = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  readonly rejections: Rejection[] = [];
  private batchesWritten = 0;
  private analyzeFailed = false;
  /** The line that first used each slug and SKU: a later row with the same one is refused. */
  private readonly slugLines = new Map<string, number>();
  private readonly skuLines = new Map<string, number>();

  constructor(
    private readonly db: ProductsDb,
    private readonly search: PostgresSearch,
    private readonly definitions: Definitions,
    private readonly logger: Logger,
  ) {}

  private reject(line: number, reason: string): null {
    this.rejections.push({ line, reason });
    this.counts.rejected++;
    return null;
  }

  /** Parses and checks one line; null (and a rejection) when it cannot be loaded. */
  check(line: number, text: string): ImportItem | null {
    if (text.trim() === '') return null;
    this.counts.rows++;
    if (text.length > MAX_LINE_LENGTH) {
      return this.reject(line, `line longer than ${MAX_LINE_LENGTH} characters`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return this.reject(line, `invalid JSON: ${(error as Error).message}`);
    }
    const parsed = catalogRowSchema.safeParse(json);
    if (!parsed.success) return this.reject(line, describeIssues(parsed.error));
    const row = parsed.data;

    const problem = checkReferences(this.definitions, row);
    if (typeof problem === 'string') return this.reject(line, problem);

    const slugLine = this.slugLines.get(row.slug);
    if (slugLine !== undefined) {
      return this.reject(line, `slug: duplicate slug ${row.slug}, also on line ${slugLine}`);
    }
    for (const [i, variant] of row.variants.entries()) {
      const skuLine = this.skuLines.get(variant.sku);
      if (skuLine !== undefined) {
        return this.reject(
          line,
          `variants[${i}].sku: duplicate SKU ${variant.sku}, also on line ${skuLine}`,
        );
      }
    }
    this.slugLines.set(row.slug, line);
    for (const variant of row.variants) this.skuLines.set(variant.sku, line);
    return { line, row, ...problem };
  }

  /**
   * Writes a batch in one transaction. Should the database refuse it (a constraint, or a writer
   * racing the import), each row is retried alone, so only the rows at fault are rejected.
   */
  async write(items: ImportItem[]): Promise<void> {
    let outcome: BatchOutcome;
    try {
      outcome = await this.db.transaction((tx) =>
        writeBatch(tx, items, { definitions: this.definitions, search: this.search }),
      );
    } catch (error) {
      if (items.length === 1) {
        this.reject(items[0]!.line, `the database refused it: ${databaseMessage(error)}`);
        return;
      }
      for (const item of items) await this.write([item]);
      return;
    }
    for (const category of outcome.categories) {
      this.definitions.categories.set(category.slug, category);
    }
    await this.refreshStatistics();
    for (const rejection of outcome.rejections) this.reject(rejection.line, rejection.reason);
    this.counts.created += outcome.created;
    this.counts.updated += outcome.updated;
    this.counts.unchanged +=
      items.length - outcome.rejections.length - outcome.created - outcome.updated;
  }

  /**
   * ANALYZE after batch 1, 2, 4, 8...: the tables double in between, so statistics stay close
   * to the truth at a logarithmic cost. Not allowed (a role that does not own the tables), the
   * import goes on with the plans autovacuum's statistics give.
   */
  private async refreshStatistics(): Promise<void> {
    this.batchesWritten++;
    if (this.analyzeFailed || (this.batchesWritten & (this.batchesWritten - 1)) !== 0) return;
    try {
      await analyzeCatalog(this.db, true);
    } catch (error) {
      this.analyzeFailed = true;
      this.logger.warn({ err: error }, 'ANALYZE refused; statistics are left to autovacuum');
    }
  }
}
