import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { migrationsFolder, seedInventory, startInventory } from '../src/app.ts';

const variantId = randomUUID();
const RESERVE = /* GraphQL */ `
  mutation ($input: ReserveStockInput!) {
    reserveStock(input: $input) {
      __typename
    }
  }
`;

describe('abandoned reservations', () => {
  let database: TestDatabase;
  let service: RunningService;
  let sql: postgres.Sql;

  beforeAll(async () => {
    database = await createTestDatabase([{ subgraph: 'inventory', folder: migrationsFolder }]);
    await seedInventory(database.url, {
      warehouses: [{ code: 'AMS', name: 'Amsterdam' }],
      levels: [{ variantId, warehouseCode: 'AMS', onHand: 5 }],
    });
    service = await startInventory({
      databaseUrl: database.url,
      queue: queueBackends()[0]!.config(database.url),
      port: 0,
      migrate: false,
      logLevel: 'silent',
      reservationTtlMs: 1_000,
    });
    sql = postgres(database.url, { max: 1, onnotice: () => undefined });
  });

  afterAll(async () => {
    await service?.close();
    await sql?.end();
    await database?.drop();
  });

  const reserved = async () => {
    const [row] = await sql<[{ reserved: number }]>`
      select reserved from inventory.stock_levels where variant_id = ${variantId}`;
    return row.reserved;
  };

  it('are released after the reservation TTL, and younger ones are kept', async () => {
    const abandoned = randomUUID();
    const reserve = (orderId: string) =>
      graphql(service.url, RESERVE, { input: { orderId, lines: [{ variantId, quantity: 2 }] } });
    expect((await reserve(abandoned)).data).toEqual({
      reserveStock: { __typename: 'Reservation' },
    });
    expect(await reserved()).toBe(2);

    await eventually(async () => (await reserved()) === 0, 10_000);
    const [row] = await sql<[{ status: string }]>`
      select status from inventory.reservations where order_id = ${abandoned}`;
    expect(row.status).toBe('RELEASED');

    const young = randomUUID();
    await reserve(young);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await reserved()).toBe(2);
  });
});
