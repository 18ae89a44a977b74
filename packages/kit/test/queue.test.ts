import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  createLogger,
  createQueueFactory,
  QueueUnavailableError,
  type QueueFactory,
} from '../src/index.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('createQueueFactory on Redis', () => {
  let proxy: TcpProxy | undefined;
  let factory: QueueFactory | undefined;

  afterEach(async () => {
    await factory?.close();
    await proxy?.close();
    factory = proxy = undefined;
  });

  async function throughProxy(options: { cutFirst?: boolean } = {}): Promise<QueueFactory> {
    const target = new URL(redisUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    if (options.cutFirst) await proxy.cut();
    factory = createQueueFactory({
      databaseUrl: 'postgres://unused',
      redisUrl: `redis://127.0.0.1:${proxy.port}`,
      namespace: `test_${randomBytes(5).toString('hex')}`,
      producerTimeoutMs: 500,
      logger: createLogger('queue-test', 'silent'),
    });
    return factory;
  }

  // Guards issue 12: a producer must not wait for ever while Redis is away.
  it('rejects add while Redis is cut, for a queue made before and one made during the outage', async () => {
    const queues = await throughProxy();
    const before = queues.createQueue<{ n: number }>('before');
    await before.add('job', { n: 1 }, { jobId: 'one' });
    await proxy!.cut();
    await expect(before.add('job', { n: 2 }, { jobId: 'two' })).rejects.toThrow();
    const during = queues.createQueue<{ n: number }>('during');
    await expect(during.add('job', { n: 3 }, { jobId: 'three' })).rejects.toBeInstanceOf(
      QueueUnavailableError,
    );
    await expect(during.addBulk([{ name: 'job', data: { n: 4 } }])).rejects.toBeInstanceOf(
      QueueUnavailableError,
    );
  });

  it('closes, workers and all, while Redis is away', async () => {
    const queues = await throughProxy();
    const worker = queues.createWorker<{ n: number }>('closing', async () => undefined);
    worker.on('error', () => undefined);
    await worker.waitUntilReady();
    queues.createQueue<{ n: number }>('closing');
    await proxy!.cut();
    // The worker's connection waits to reconnect and its QUIT would queue for ever: close
    // gives up waiting after its grace period and drops the connections. Without that, this
    // close never returns and the test times out.
    await queues.close();
    expect(worker.closing).toBeInstanceOf(Promise);
    factory = undefined;
  });

  it('rejects add within its timeout when Redis was never reachable', async () => {
    const queues = await throughProxy({ cutFirst: true });
    const queue = queues.createQueue<{ n: number }>('never');
    await expect(queue.add('job', { n: 1 })).rejects.toBeInstanceOf(QueueUnavailableError);
  });

  it('adds again once Redis is back, and its workers reconnect and process', async () => {
    const queues = await throughProxy();
    const queue = queues.createQueue<{ n: number }>('jobs');
    const seen: number[] = [];
    const worker = queues.createWorker<{ n: number }>('jobs', async (job) => {
      seen.push(job.data.n);
    });
    worker.on('error', () => undefined);
    await worker.waitUntilReady();
    await queue.add('job', { n: 1 }, { jobId: 'one' });
    // Cut once the worker is idle: a job in flight at the cut waits for the stall check instead.
    for (let i = 0; i < 100 && seen.length < 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await proxy!.cut();
    await expect(queue.add('job', { n: 2 }, { jobId: 'two' })).rejects.toThrow();
    await proxy!.restore();
    // ioredis reconnects with a backoff; the producer answers within its timeout meanwhile.
    let added = false;
    for (let i = 0; i < 40 && !added; i++) {
      added = await queue.add('job', { n: 3 }, { jobId: 'three' }).then(
        () => true,
        () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 250)),
      );
    }
    expect(added).toBe(true);
    for (let i = 0; i < 100 && seen.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seen.sort()).toEqual([1, 3]);
  });
});
