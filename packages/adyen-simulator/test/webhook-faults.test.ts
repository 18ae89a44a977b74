import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hmacValidator, type Types } from '@adyen/api-library';
import { afterEach, describe, expect, it } from 'vitest';
import {
  WEBHOOKS_PATH,
  type AdyenSimulator,
  type AdyenSimulatorOptions,
  type Notification,
  type NotificationRequestItem,
} from '../src/index.ts';
import { API_KEY, HMAC_KEY, startSimulator } from './support/harness.ts';

/** How the receiver answers one request: status and body, optionally only after a pause. */
interface Answer {
  status?: number;
  body?: string;
  /** Answer only after this long (to trip the simulator's timeout). */
  stallMs?: number;
}

/** A webhook endpoint that answers from a script, then `200 [accepted]`. */
async function startReceiver(script: Answer[] = []) {
  const received: Notification[] = [];
  const pending = [...script];
  const stalled = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Notification);
      const answer = pending.shift() ?? {};
      const reply = () => {
        stalled.delete(res);
        if (res.destroyed) return;
        res.writeHead(answer.status ?? 200, { 'content-type': 'text/plain' });
        res.end(answer.body ?? '[accepted]');
      };
      if (answer.stallMs === undefined) return reply();
      stalled.add(res);
      setTimeout(reply, answer.stallMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/adyen`,
    received,
    items: (): NotificationRequestItem[] =>
      received.flatMap((body) =>
        body.notificationItems.map((entry) => entry.NotificationRequestItem),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(options: Partial<AdyenSimulatorOptions>, script: Answer[] = []) {
  const receiver = await startReceiver(script);
  cleanups.push(() => receiver.close());
  const started = await startSimulator({ webhookUrl: receiver.url, ...options });
  cleanups.push(() => started.simulator.close());
  return { receiver, ...started };
}

/** Queues `count` AUTHORISATIONs with pspReferences PSP01, PSP02, ... */
function sendAuthorisations(simulator: AdyenSimulator, count: number): void {
  for (let n = 1; n <= count; n += 1) {
    const psp = `PSP${String(n).padStart(2, '0')}`;
    simulator.sendWebhook({
      eventCode: 'AUTHORISATION',
      pspReference: psp,
      merchantReference: `order-${psp}`,
      amount: { currency: 'EUR', value: 1000 + n },
      success: true,
    });
  }
}

const PSPS = ['PSP01', 'PSP02', 'PSP03', 'PSP04', 'PSP05', 'PSP06'];

describe('webhook faults', () => {
  it('sends every Nth delivery twice, with the same signed body, marked duplicateOf', async () => {
    const { receiver, simulator } = await setUp({ webhookFaults: { duplicateEvery: 2 } });
    sendAuthorisations(simulator, 4);
    await simulator.flushWebhooks();

    expect(receiver.items().map((i) => i.pspReference)).toEqual([
      'PSP01',
      'PSP02',
      'PSP02',
      'PSP03',
      'PSP04',
      'PSP04',
    ]);
    expect(receiver.received[2]).toEqual(receiver.received[1]);
    const duplicates = simulator.deliveries.filter((d) => d.duplicateOf !== undefined);
    expect(duplicates.map((d) => d.pspReference)).toEqual(['PSP02', 'PSP04']);
    for (const duplicate of duplicates) {
      const original = simulator.deliveries.find((d) => d.id === duplicate.duplicateOf);
      expect(original?.pspReference).toBe(duplicate.pspReference);
      expect(original?.duplicateOf).toBeUndefined();
    }
    expect(new Set(simulator.deliveries.map((d) => d.id)).size).toBe(6);
  });

  it('duplicates by rate, reproducibly for a seed', async () => {
    const run = async () => {
      const { receiver, simulator } = await setUp({
        webhookFaults: { duplicateRate: 0.5, seed: 7 },
      });
      sendAuthorisations(simulator, 6);
      await simulator.flushWebhooks();
      return receiver.items().map((i) => i.pspReference);
    };
    const first = await run();
    const second = await run();

    expect(second).toEqual(first);
    expect(first.length).toBeGreaterThan(6);
    expect([...new Set(first)]).toEqual(PSPS);
  });

  it('reorders within the window, the same way for the same seed', async () => {
    const run = async (seed: number) => {
      const { receiver, simulator } = await setUp({
        webhookFaults: { reorderWindow: 6, seed },
      });
      expect(simulator.webhookSeed).toBe(seed);
      sendAuthorisations(simulator, 6);
      await simulator.flushWebhooks();
      return receiver.items().map((i) => i.pspReference);
    };
    const first = await run(42);
    const again = await run(42);
    const other = await run(43);

    expect(first).not.toEqual(PSPS);
    expect([...first].sort()).toEqual(PSPS);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('releases a partly filled window after holdMs, without a flush', async () => {
    const { receiver, simulator } = await setUp({
      webhookFaults: { reorderWindow: 10, holdMs: 20 },
    });
    sendAuthorisations(simulator, 3);
    await waitFor(
      () => simulator.deliveries.every((d) => d.delivered) && receiver.items().length === 3,
    );

    expect(simulator.deliveries).toHaveLength(3);
  });

  it('batches several signed items into one POST', async () => {
    const { receiver, simulator } = await setUp({ webhookFaults: { batchSize: 4 } });
    sendAuthorisations(simulator, 6);
    await simulator.flushWebhooks();

    expect(receiver.received.map((body) => body.notificationItems.length)).toEqual([4, 2]);
    expect(receiver.items().map((i) => i.pspReference)).toEqual(PSPS);
    const validator = new hmacValidator();
    for (const item of receiver.items()) {
      expect(
        validator.validateHMAC(item as Types.notification.NotificationRequestItem, HMAC_KEY),
      ).toBe(true);
    }
    expect(simulator.deliveries.map((d) => d.items.map((i) => i.pspReference))).toEqual([
      PSPS.slice(0, 4),
      PSPS.slice(4),
    ]);
  });
});

describe('retries until acknowledged', () => {
  it('retries after a 500 and logs every attempt', async () => {
    const { receiver, simulator } = await setUp({}, [{ status: 500, body: 'oops' }]);
    sendAuthorisations(simulator, 1);
    await simulator.flushWebhooks();

    expect(receiver.received).toHaveLength(2);
    expect(simulator.deliveries[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      attemptLog: [
        { status: 500, error: 'HTTP 500', accepted: false },
        { status: 200, accepted: true },
      ],
    });
    expect(simulator.deliveries[0]?.attemptLog[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('does not count a 2xx whose body is not exactly [accepted]', async () => {
    const { receiver, simulator } = await setUp({}, [
      { status: 200, body: 'ok' },
      { status: 202, body: '[accepted]\n' },
      { status: 202, body: '[accepted]' },
    ]);
    sendAuthorisations(simulator, 1);
    await simulator.flushWebhooks();

    expect(receiver.received).toHaveLength(3);
    expect(simulator.deliveries[0]?.attemptLog.map((a) => [a.status, a.accepted])).toEqual([
      [200, false],
      [202, false],
      [202, true],
    ]);
    expect(simulator.deliveries[0]?.attemptLog[0]?.error).toContain('[accepted]');
  });

  it('treats no answer within webhookTimeoutMs as a failed attempt', async () => {
    const { receiver, simulator } = await setUp({ webhookTimeoutMs: 100 }, [{ stallMs: 1_000 }]);
    sendAuthorisations(simulator, 1);
    await simulator.flushWebhooks();

    expect(receiver.received).toHaveLength(2);
    const [timedOut, accepted] = simulator.deliveries[0]?.attemptLog ?? [];
    expect(timedOut).toMatchObject({ accepted: false });
    expect(timedOut?.status).toBeUndefined();
    expect(timedOut?.error).toMatch(/timeout|abort/i);
    expect(accepted).toMatchObject({ status: 200, accepted: true });
  });

  it('retries a refused connection, then gives up after webhookGiveUpAfterMs', async () => {
    const receiver = await startReceiver();
    const url = receiver.url;
    await receiver.close(); // nothing listens on that port any more
    const { simulator } = await startSimulator({
      webhookUrl: url,
      retryDelaysMs: [5, 10],
      webhookGiveUpAfterMs: 150,
    });
    cleanups.push(() => simulator.close());
    sendAuthorisations(simulator, 1);
    await simulator.flushWebhooks();

    const [delivery] = simulator.deliveries;
    expect(delivery?.status).toBe('failed');
    expect(delivery?.delivered).toBe(false);
    // The last delay repeats past the list's end until the give-up time.
    expect(delivery?.attempts).toBeGreaterThan(3);
    expect(delivery?.attemptLog.every((a) => !a.accepted && a.error !== undefined)).toBe(true);
    expect(delivery?.lastError).toMatch(/fetch failed/);
  });

  it('keeps later deliveries waiting behind one being retried (in order, as Adyen)', async () => {
    const { receiver, simulator } = await setUp({}, [{ status: 503 }, { status: 503 }]);
    sendAuthorisations(simulator, 2);
    await simulator.flushWebhooks();

    expect(receiver.items().map((i) => i.pspReference)).toEqual([
      'PSP01',
      'PSP01',
      'PSP01',
      'PSP02',
    ]);
  });
});

describe(`GET ${WEBHOOKS_PATH}`, () => {
  it('lists deliveries with items, duplicateOf and attempt logs, behind the API key', async () => {
    const { simulator, url } = await setUp({ webhookFaults: { duplicateEvery: 2, seed: 5 } }, [
      { status: 500 },
    ]);
    sendAuthorisations(simulator, 2);
    await simulator.flushWebhooks();

    const anonymous = await fetch(`${url}${WEBHOOKS_PATH}`);
    expect(anonymous.status).toBe(401);

    const response = await fetch(`${url}${WEBHOOKS_PATH}`, { headers: { 'x-api-key': API_KEY } });
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      seed: number;
      deliveries: Array<Record<string, unknown>>;
    };
    expect(report.seed).toBe(5);
    expect(report.deliveries).toMatchObject([
      {
        id: 'wh-1',
        status: 'delivered',
        items: [{ eventCode: 'AUTHORISATION', pspReference: 'PSP01' }],
        attempts: [
          { status: 500, accepted: false },
          { status: 200, accepted: true },
        ],
      },
      { id: 'wh-2', items: [{ pspReference: 'PSP02' }] },
      { id: 'wh-3', items: [{ pspReference: 'PSP02' }], duplicateOf: 'wh-2' },
    ]);
    expect(report.deliveries[0]).not.toHaveProperty('duplicateOf');
    expect(report.deliveries[0]).not.toHaveProperty('notification');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
