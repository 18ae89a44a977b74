import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLogger,
  createQueueFactory,
  type QueueConnectionConfig,
  type QueueFactory,
} from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import {
  createEventConsumer,
  createEventPublisher,
  eventJobOptions,
  eventQueueName,
  listDeadLetters,
  replayDeadLetters,
  type EventEnvelope,
} from '../src/index.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

/** An availability event for one new variant: products is its only consumer. */
function availabilityEvent(): EventEnvelope<'inventory.availability.changed'> {
  return {
    id: randomUUID(),
    name: 'inventory.availability.changed',
    occurredAt: new Date().toISOString(),
    payload: { changes: [{ variantId: randomUUID(), inStock: true, sequence: 1 }] },
  };
}

describe.each(queueBackends())('dead letters on $name', (backend) => {
  let config: QueueConnectionConfig;
  let services: QueueFactory;
  let operator: QueueFactory;
  let broken = true;
  const handled: string[] = [];

  beforeAll(async () => {
    config = backend.config(database.url);
    services = createQueueFactory(config);
    // The operator's tools use their own connections, as the script does.
    operator = createQueueFactory(config);
    const worker = createEventConsumer({
      queues: services,
      consumer: 'products',
      logger: createLogger('dead-letters-test', 'silent'),
      handlers: {
        'inventory.availability.changed': async (_payload, event) => {
          if (broken) throw new Error('search index unavailable');
          handled.push(event.id);
        },
      },
    });
    await worker.waitUntilReady();
  });

  afterAll(async () => {
    await operator?.close();
    await services?.close();
  });

  // Guards issue 8: an event whose handler fails for good must stay listable and replayable.
  it('lists a failed-for-good event, replays it once fixed, and then lists nothing', async () => {
    // Two quick attempts instead of ten over four minutes; the rest of the policy as in service.
    const publisher = createEventPublisher(services, {
      attempts: 2,
      backoff: { type: 'fixed', delay: 10 },
    });
    const event = availabilityEvent();
    await publisher.publish(event);

    const [letter] = await eventually(async () => {
      const letters = await listDeadLetters(operator, 'products');
      return letters.length > 0 && letters;
    });
    expect(letter).toMatchObject({
      consumer: 'products',
      eventId: event.id,
      eventName: 'inventory.availability.changed',
      attempts: 2,
      failedReason: 'search index unavailable',
      event,
    });
    expect(letter!.failedAt).toBeInstanceOf(Date);
    expect(handled).toEqual([]);
    // Listing every consumer finds it too, and nothing in the queues of the others.
    expect((await listDeadLetters(operator)).map((l) => [l.consumer, l.eventId])).toEqual([
      ['products', event.id],
    ]);

    broken = false;
    expect(await replayDeadLetters(operator, { consumer: 'products', ids: [event.id] })).toEqual({
      replayed: [{ consumer: 'products', eventId: event.id }],
      notFound: [],
    });
    await eventually(async () => handled.includes(event.id));
    expect(handled).toEqual([event.id]);
    expect(await listDeadLetters(operator)).toEqual([]);
    // Replayed and completed: a second replay finds no dead letter and runs nothing.
    expect(await replayDeadLetters(operator, { ids: [event.id] })).toEqual({
      replayed: [],
      notFound: [event.id],
    });
  });

  it('dead-letters a malformed event at once and keeps it by count, not by age', async () => {
    const publisher = createEventPublisher(services);
    const event = { ...availabilityEvent(), payload: { changes: [] } } as unknown as EventEnvelope;
    await publisher.publish(event);
    const [letter] = await eventually(async () => {
      const letters = await listDeadLetters(operator, 'products');
      return letters.length > 0 && letters;
    });
    // UnrecoverableError: one attempt, no retries.
    expect(letter).toMatchObject({ eventId: event.id, attempts: 1 });
    expect(letter!.failedReason).toMatch(/^Malformed inventory\.availability\.changed/);
    const queue = operator.createQueue<EventEnvelope>(eventQueueName('products'));
    try {
      const job = await queue.getJob(event.id);
      expect(job!.opts.removeOnFail).toEqual({ count: 100_000 });
      expect(job!.opts.removeOnFail).toEqual(eventJobOptions.removeOnFail);
    } finally {
      await queue.close();
    }

    // Replaying it cannot fix the payload: it fails for good again and stays listed.
    expect((await replayDeadLetters(operator, { consumer: 'products' })).replayed).toEqual([
      { consumer: 'products', eventId: event.id },
    ]);
    const [again] = await eventually(async () => {
      const letters = await listDeadLetters(operator, 'products');
      return letters.length > 0 && letters[0]!.failedAt! > letter!.failedAt! && letters;
    });
    expect(again).toMatchObject({ eventId: event.id, attempts: 1 });
  });

  it('lists and replays through pnpm events:dead-letters', async () => {
    // REDIS_URL only on Redis: without it the script uses the PostgreSQL backend.
    const { REDIS_URL: _unset, ...inherited } = process.env;
    const env = {
      ...inherited,
      DATABASE_URL: database.url,
      NODE_ENV: 'development',
      ...(config.redisUrl ? { REDIS_URL: config.redisUrl } : {}),
    };
    const cli = (...args: string[]) =>
      run(
        path.join(ROOT, 'node_modules/.bin/tsx'),
        ['scripts/dead-letters.ts', ...args, '--namespace', config.namespace!],
        { cwd: ROOT, env },
      ).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const [letter] = await listDeadLetters(operator, 'products');
    expect(letter).toBeDefined();

    const listed = await cli('list', '--consumer', 'products');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^consumer\s+event\s+event id\s+attempts\s+failed at\s+failed reason$/,
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^products\\s+inventory\\.availability\\.changed\\s+${letter!.eventId}\\s+1\\s+` +
          `${letter!.failedAt!.toISOString().replace(/\./g, '\\.')}\\s+Malformed`,
      ),
    );
    expect(lines.at(-1)).toBe('1 dead letter');

    const unknown = await cli('replay', '--id', randomUUID());
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/0 replayed, 1 not found/);

    const replayed = await cli('replay', '--consumer', 'products', '--id', letter!.eventId);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain(`replayed products ${letter!.eventId}`);
    // Three runs of tsx, each loading the kit and the gateway's env: slow on a busy machine.
  }, 120_000);
});
