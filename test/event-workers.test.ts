import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventPublisher } from '@commerce-graph/events';
import {
  createQueueFactory,
  internalHeaders,
  type QueueConnectionConfig,
  type RunningService,
} from '@commerce-graph/kit';
import {
  migrationsFolder,
  seedInventory,
  startEventWorker,
  startInventory,
  type RunningInventory,
} from '../subgraphs/inventory/src/app.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { eventually } from './support/eventually.ts';
import { graphql } from './support/graphql.ts';
import { queueBackends } from './support/queues.ts';

const INTERNAL_TOKEN = 'event-workers-test-internal-token-0123';

const RESERVE = /* GraphQL */ `
  mutation ($input: ReserveStockInput!) {
    reserveStock(input: $input) {
      __typename
    }
  }
`;

describe.each(queueBackends())('event workers as separate processes ($name)', (backend) => {
  let database: TestDatabase;
  let queue: QueueConnectionConfig;
  let inventory: RunningInventory;
  let worker: RunningService | undefined;
  let sql: postgres.Sql;
  const variantId = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase([{ subgraph: 'inventory', folder: migrationsFolder }]);
    sql = postgres(database.url, { max: 1, onnotice: () => undefined });
    await seedInventory(database.url, {
      warehouses: [{ code: 'AMS', name: 'Amsterdam' }],
      levels: [{ variantId, warehouseCode: 'AMS', onHand: 5 }],
    });
    queue = backend.config(database.url);
    inventory = await startInventory({
      databaseUrl: database.url,
      queue,
      port: 0,
      internalToken: INTERNAL_TOKEN,
      migrate: false,
      logLevel: 'silent',
      eventWorker: false,
    });
  });

  afterAll(async () => {
    await worker?.close();
    await inventory?.close();
    await sql?.end();
    await database?.drop();
  });

  it('leaves inventory events to the event worker started apart from the HTTP process', async () => {
    // Ready without its worker: the HTTP replica no longer consumes events.
    const ready = await fetch(new URL('/ready', inventory.url));
    expect(ready.status).toBe(200);

    const orderId = randomUUID();
    const { data, errors } = await graphql<{ reserveStock: { __typename: string } }>(
      inventory.url,
      RESERVE,
      {
        input: {
          orderId,
          customerKey: 'email:a@example.com',
          lines: [{ variantId, quantity: 2 }],
        },
      },
      internalHeaders(INTERNAL_TOKEN),
    );
    expect(errors).toBeUndefined();
    expect(data!.reserveStock.__typename).toBe('Reservation');

    // Checkout gives the order up: an event only inventory's event worker applies.
    const queues = createQueueFactory(queue);
    try {
      await createEventPublisher(queues).publish({
        id: randomUUID(),
        name: 'checkout.order.abandoned',
        occurredAt: new Date().toISOString(),
        payload: { orderId, cartId: randomUUID(), reason: 'test: gave up' },
      });
    } finally {
      await queues.close();
    }
    const status = async () =>
      (
        await sql<Array<{ status: string }>>`
          select status from inventory.order_reservations where order_id = ${orderId}`
      )[0]?.status;

    // Without a worker the event stays queued: the reservation keeps its stock.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await status()).toBe('RESERVED');

    worker = await startEventWorker({
      databaseUrl: database.url,
      queue,
      port: 0,
      migrate: false,
      logLevel: 'silent',
    });
    await eventually(async () => (await status()) === 'RELEASED', 10_000);
    const [level] = await sql`
      select on_hand, reserved from inventory.stock_levels where variant_id = ${variantId}`;
    expect(level).toEqual({ on_hand: 5, reserved: 0 });
  });
});
