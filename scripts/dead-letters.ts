/**
 * `pnpm events:dead-letters list [--consumer X]` prints the event jobs that failed for good;
 * `pnpm events:dead-letters replay [--consumer X] (--id ID ... | --all)` sends them back to their
 * consumer's queue with a fresh set of attempts, for the running workers to process. Reads
 * REDIS_URL (queues on Redis) or DATABASE_URL (queues on BullMQ's PostgreSQL backend) like
 * `pnpm start`; `--namespace` only when the services run with one (tests do).
 */
import { parseArgs } from 'node:util';
import {
  consumers,
  listDeadLetters,
  replayDeadLetters,
  type Consumer,
  type DeadLetter,
} from '@commerce-graph/events';
import { ConfigError, createQueueFactory } from '@commerce-graph/kit';
import { readStartEnv } from './env.ts';

const USAGE = [
  'usage: pnpm events:dead-letters list [--consumer <name>]',
  '       pnpm events:dead-letters replay [--consumer <name>] (--id <event id> ... | --all)',
  `consumers: ${consumers.join(', ')}; reads REDIS_URL, else DATABASE_URL`,
].join('\n');

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      consumer: { type: 'string' },
      id: { type: 'string', multiple: true },
      all: { type: 'boolean', default: false },
      namespace: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [command, ...extra] = positionals;
if ((command !== 'list' && command !== 'replay') || extra.length > 0) fail('name one command');
const consumer = values.consumer as Consumer | undefined;
if (consumer !== undefined && !consumers.includes(consumer)) {
  fail(`unknown consumer ${values.consumer}`);
}
if (command === 'list' && (values.id || values.all)) fail('--id and --all are for replay');
if (command === 'replay' && (values.id ? 1 : 0) + (values.all ? 1 : 0) !== 1) {
  // Re-driving every dead letter is a decision, not a default.
  fail('replay needs --id <event id> (repeatable) or --all');
}

let env;
try {
  env = readStartEnv();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error), 1);
}
if (!env.REDIS_URL && !env.DATABASE_URL) {
  fail('set REDIS_URL, or DATABASE_URL for queues on PostgreSQL (the services’ database)', 1);
}

const queues = createQueueFactory({
  redisUrl: env.REDIS_URL,
  // Unused on Redis: the factory reads it only for the PostgreSQL backend.
  databaseUrl: env.DATABASE_URL ?? '',
  namespace: values.namespace,
});

/** One line per dead letter, columns aligned; the reason last, cut to its first line. */
function printTable(letters: DeadLetter[]) {
  const rows = letters.map((l) => [
    l.consumer,
    l.eventName,
    l.eventId,
    String(l.attempts),
    l.failedAt?.toISOString() ?? '-',
    l.failedReason.split('\n')[0]!.slice(0, 200),
  ]);
  const header = ['consumer', 'event', 'event id', 'attempts', 'failed at', 'failed reason'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  }
}

let exitCode = 0;
try {
  if (command === 'list') {
    const letters = await listDeadLetters(queues, consumer);
    printTable(letters);
    console.log(`${letters.length} dead letter${letters.length === 1 ? '' : 's'}`);
  } else {
    const result = await replayDeadLetters(queues, { consumer, ids: values.id });
    for (const r of result.replayed) console.log(`replayed ${r.consumer} ${r.eventId}`);
    for (const id of result.notFound) console.error(`not a dead letter: ${id}`);
    console.log(`${result.replayed.length} replayed, ${result.notFound.length} not found`);
    if (result.notFound.length > 0) exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await queues.close();
}
process.exit(exitCode);
