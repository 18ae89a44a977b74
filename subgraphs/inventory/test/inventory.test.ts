import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { createEventPublisher, eventQueueName, type EventEnvelope } from '@commerce-graph/events';
import {
  createQueueFactory,
  IDENTITY_HEADER,
  internalHeaders,
  signIdentityAssertion,
  type Actor,
  type RunningService,
} from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { graphql as post } from '../../../test/support/graphql.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { isBackgroundStatement } from '../../../scripts/background-statements.ts';
import { migrationsFolder, seedInventory, startInventory } from '../src/app.ts';

const INTERNAL_TOKEN = 'inventory-test-internal-token-0123456789';
/** A staff member whose roles grant stock:write, as the gateway asserts one. */
const admin: Actor = {
  kind: 'customer',
  customerId: randomUUID(),
  sessionId: randomUUID(),
  permissions: ['stock:write'],
  network: '203.0.113.7',
};

/** Posts as the gateway does: the internal token, and the actor's signed assertion if any. */
async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  actor?: Actor,
) {
  const headers = internalHeaders(INTERNAL_TOKEN);
  if (actor) headers[IDENTITY_HEADER] = await signIdentityAssertion(INTERNAL_TOKEN, actor);
  return post<T>(url, query, variables, headers);
}
const variantA = randomUUID(); // 6 in AMS + 4 in BER
const variantB = randomUUID(); // 3 in AMS
const soldOut = randomUUID(); // 0 everywhere
const abandonedVariant = randomUUID(); // 5 in BER, for checkout.order.abandoned
/** A guest shopper, as checkout names one for purchase limits. */
const customerKey = 'email:shopper@example.com';

const RESERVE = /* GraphQL */ `
  mutation ($input: ReserveStockInput!) {
    reserveStock(input: $input) {
      __typename
      ... on Reservation {
        orderId
        lines {
          variantId
          warehouseCode
          quantity
        }
      }
      ... on InsufficientStock {
        code
        lines {
          variantId
          requested
          available
        }
      }
    }
  }
`;
const AVAILABILITY = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on ProductVariant {
        id
        availability {
          available
          inStock
        }
      }
    }
  }
`;

for (const backend of queueBackends()) {
  describe(`inventory (${backend.name} queue)`, () => {
    let database: TestDatabase;
    let service: RunningService;
    let sql: postgres.Sql;
    const statements: string[] = [];
    let queueConfig: ReturnType<typeof backend.config>;

    beforeAll(async () => {
      database = await createTestDatabase([{ subgraph: 'inventory', folder: migrationsFolder }]);
      sql = postgres(database.url, { max: 2, onnotice: () => undefined });
      await seedInventory(database.url, {
        warehouses: [
          { code: 'AMS', name: 'Amsterdam' },
          { code: 'BER', name: 'Berlin' },
        ],
        levels: [
          { variantId: variantA, warehouseCode: 'AMS', onHand: 6 },
          { variantId: variantA, warehouseCode: 'BER', onHand: 4 },
          { variantId: variantB, warehouseCode: 'AMS', onHand: 3 },
          { variantId: soldOut, warehouseCode: 'BER', onHand: 0 },
          { variantId: abandonedVariant, warehouseCode: 'BER', onHand: 5 },
        ],
      });
      queueConfig = backend.config(database.url);
      service = await startInventory({
        databaseUrl: database.url,
        queue: queueConfig,
        port: 0,
        internalToken: INTERNAL_TOKEN,
        migrate: false,
        logLevel: 'silent',
        onQuery: (q) => {
          if (!isBackgroundStatement(q)) statements.push(q);
        },
      });
    });

    afterAll(async () => {
      await service?.close();
      await sql?.end();
      await database?.drop();
    });

    const available = async (variantId: string) => {
      const { data } = await graphql<{ _entities: Array<{ availability: { available: number } }> }>(
        service.url,
        AVAILABILITY,
        { r: [{ __typename: 'ProductVariant', id: variantId }] },
      );
      return data!._entities[0]!.availability.available;
    };

    it('reports availability for many variants in one statement', async () => {
      await available(variantA); // a new pool first reads the server's type catalogue once
      statements.length = 0;
      const ids = [variantA, variantB, soldOut, randomUUID()];
      const { data } = await graphql<{
        _entities: Array<{ availability: { available: number; inStock: boolean } }>;
      }>(service.url, AVAILABILITY, { r: ids.map((id) => ({ __typename: 'ProductVariant', id })) });
      expect(data!._entities.map((e) => e.availability)).toEqual([
        { available: 10, inStock: true },
        { available: 3, inStock: true },
        { available: 0, inStock: false },
        { available: 0, inStock: false },
      ]);
      expect(statements).toHaveLength(1);
    });

    it('reserves across warehouses, fullest first, and is idempotent per order', async () => {
      const orderId = randomUUID();
      const input = { orderId, customerKey, lines: [{ variantId: variantA, quantity: 8 }] };
      const first = await graphql<{ reserveStock: { lines: unknown[] } }>(service.url, RESERVE, {
        input,
      });
      expect(first.data!.reserveStock).toEqual({
        __typename: 'Reservation',
        orderId,
        lines: [
          { variantId: variantA, warehouseCode: 'AMS', quantity: 6 },
          { variantId: variantA, warehouseCode: 'BER', quantity: 2 },
        ],
      });
      const again = await graphql(service.url, RESERVE, { input });
      expect(again.data).toEqual(first.data);
      expect(await available(variantA)).toBe(2);
      await graphql(
        service.url,
        `
          mutation ($id: ID!) {
            releaseReservation(orderId: $id)
          }
        `,
        { id: orderId },
      );
      expect(await available(variantA)).toBe(10);
    });

    it('refuses more than is available, lists every short line, and reserves nothing', async () => {
      const { data } = await graphql<{ reserveStock: unknown }>(service.url, RESERVE, {
        input: {
          orderId: randomUUID(),
          customerKey,
          lines: [
            { variantId: variantA, quantity: 1 },
            { variantId: variantB, quantity: 4 },
            { variantId: soldOut, quantity: 1 },
          ],
        },
      });
      expect(data!.reserveStock).toEqual({
        __typename: 'InsufficientStock',
        code: 'INSUFFICIENT_STOCK',
        lines: expect.arrayContaining([
          { variantId: variantB, requested: 4, available: 3 },
          { variantId: soldOut, requested: 1, available: 0 },
        ]),
      });
      expect(await available(variantA)).toBe(10);
      const [{ n }] = await sql<
        [{ n: number }]
      >`select count(*)::int as n from inventory.reservations where status = 'RESERVED'`;
      expect(n).toBe(0);
    });

    it('never oversells when 40 orders race for 10 units', async () => {
      const orderIds = Array.from({ length: 40 }, () => randomUUID());
      const results = await Promise.all(
        orderIds.map((orderId) =>
          graphql<{ reserveStock: { __typename: string } }>(service.url, RESERVE, {
            input: { orderId, customerKey, lines: [{ variantId: variantA, quantity: 1 }] },
          }),
        ),
      );
      const won = results.filter((r) => r.data?.reserveStock.__typename === 'Reservation');
      expect(won).toHaveLength(10);
      expect(await available(variantA)).toBe(0);
      const [{ reserved }] = await sql<
        [{ reserved: number }]
      >`select sum(reserved)::int as reserved from inventory.stock_levels where variant_id = ${variantA}`;
      expect(reserved).toBe(10);
      // Released through the service, so every replica's sold-out marker hears it.
      for (const orderId of orderIds) {
        await graphql(service.url, 'mutation($o: ID!) { releaseReservation(orderId: $o) }', {
          o: orderId,
        });
      }
      expect(await available(variantA)).toBe(10);
    });

    it('refuses absurd or malformed reservation input with BAD_USER_INPUT', async () => {
      for (const lines of [
        [{ variantId: variantA, quantity: 0 }],
        [{ variantId: variantA, quantity: -3 }],
        [{ variantId: variantA, quantity: 5000 }],
        [{ variantId: 'not-a-uuid', quantity: 1 }],
        [],
      ]) {
        const result = await graphql(service.url, RESERVE, {
          input: { orderId: randomUUID(), customerKey, lines },
        });
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('sells reserved stock on checkout.payment.authorised and releases on checkout.payment.failed', async () => {
      const paid = randomUUID();
      const failed = randomUUID();
      for (const orderId of [paid, failed]) {
        await graphql(service.url, RESERVE, {
          input: { orderId, customerKey, lines: [{ variantId: variantB, quantity: 1 }] },
        });
      }
      const queues = createQueueFactory(queueConfig);
      const publisher = createEventPublisher(queues);
      const authorised = {
        id: randomUUID(),
        name: 'checkout.payment.authorised' as const,
        occurredAt: new Date().toISOString(),
        payload: {
          orderId: paid,
          paymentId: randomUUID(),
          pspReference: 'PSP1',
          amount: { amount: 100, currencyCode: 'EUR' },
        },
      };
      await publisher.publish(authorised);
      await publisher.publish(authorised); // a duplicate delivery must change nothing
      await publisher.publish({
        id: randomUUID(),
        name: 'checkout.payment.failed',
        occurredAt: new Date().toISOString(),
        payload: {
          orderId: failed,
          cartId: randomUUID(),
          paymentId: randomUUID(),
          reason: 'Refused',
        },
      });
      await eventually(async () => {
        const rows =
          await sql`select order_id, status from inventory.reservations where order_id in (${paid}, ${failed}) and status <> 'RESERVED'`;
        return rows.length === 2;
      });
      const [level] =
        await sql`select on_hand, reserved from inventory.stock_levels where variant_id = ${variantB}`;
      expect(level).toEqual({ on_hand: 2, reserved: 0 });
      await queues.close();
    });

    describe('checkout.order.abandoned', () => {
      const abandonedEvent = (orderId: string): EventEnvelope<'checkout.order.abandoned'> => ({
        id: randomUUID(),
        name: 'checkout.order.abandoned',
        occurredAt: new Date().toISOString(),
        payload: {
          orderId,
          cartId: randomUUID(),
          reason: 'inventory: unreachable; reservation not released: inventory: unreachable',
        },
      });
      /** Publishes each event and waits until inventory's worker completed it. */
      async function deliver(...events: EventEnvelope[]) {
        const queues = createQueueFactory(queueConfig);
        const jobs = queues.createQueue<EventEnvelope>(eventQueueName('inventory'));
        try {
          for (const event of events) {
            await createEventPublisher(queues).publish(event);
            await eventually(async () => (await jobs.getJobState(event.id)) === 'completed');
          }
        } finally {
          await queues.close();
        }
      }
      const stockOf = async () =>
        (
          await sql`select on_hand, reserved from inventory.stock_levels where variant_id = ${abandonedVariant}`
        )[0];
      const movementsOf = (orderId: string) =>
        sql`select kind, reserved_delta from inventory.stock_movements where order_id = ${orderId} order by id`;

      it('releases the reservation, and a redelivery changes nothing', async () => {
        const orderId = randomUUID();
        const reserved = await graphql(service.url, RESERVE, {
          input: { orderId, customerKey, lines: [{ variantId: abandonedVariant, quantity: 2 }] },
        });
        expect(reserved.data?.reserveStock.__typename).toBe('Reservation');
        expect(await stockOf()).toEqual({ on_hand: 5, reserved: 2 });
        const event = abandonedEvent(orderId);
        // The same event twice (deduplicated by id), then another record of the same give-up.
        await deliver(event, event, abandonedEvent(orderId));
        expect(await stockOf()).toEqual({ on_hand: 5, reserved: 0 });
        expect(await movementsOf(orderId)).toEqual([
          { kind: 'RESERVATION', reserved_delta: 2 },
          { kind: 'RELEASE', reserved_delta: -2 },
        ]);
      });

      // Guards the timeout hole: the give-back may be consumed before the reserve commits.
      it('leaves nothing held when it arrives before a late reserve of the order', async () => {
        const orderId = randomUUID();
        await deliver(abandonedEvent(orderId));
        const late = await graphql(service.url, RESERVE, {
          input: { orderId, customerKey, lines: [{ variantId: abandonedVariant, quantity: 2 }] },
        });
        expect(late.data?.reserveStock.__typename).toBe('ReservationReleased');
        expect(await stockOf()).toEqual({ on_hand: 5, reserved: 0 });
        expect(await movementsOf(orderId)).toEqual([]);
      });
    });

    describe('admin stock changes', () => {
      const SET = /* GraphQL */ `
        mutation ($input: SetStockInput!) {
          setStock(input: $input) {
            __typename
            ... on StockLevel {
              onHand
              reserved
              available
              warehouse {
                code
              }
            }
            ... on UserError {
              code
              message
            }
          }
        }
      `;

      it('are refused to anyone but staff with stock:write and inventory:write keys', async () => {
        const input = { variantId: variantB, warehouseCode: 'AMS', onHand: 50 };
        const shopper: Actor = {
          kind: 'customer',
          customerId: randomUUID(),
          sessionId: randomUUID(),
        };
        const otherStaff: Actor = { ...shopper, permissions: ['catalog:write', 'orders:manage'] };
        const partner = (scopes: string[]): Actor => ({
          kind: 'partner',
          keyId: randomUUID(),
          scopes,
        });
        for (const actor of [
          undefined,
          { kind: 'anonymous' } as const,
          shopper,
          otherStaff,
          partner(['catalog:read', 'orders:write']),
          partner([]),
        ]) {
          const result = await graphql(service.url, SET, { input }, actor);
          expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
        const [level] = await sql`
          select on_hand from inventory.stock_levels s join inventory.warehouses w on w.id = s.warehouse_id
          where variant_id = ${variantB} and w.code = 'AMS'`;
        expect(level!.on_hand).not.toBe(50);
        const byPartner = await graphql<{ setStock: { __typename: string } }>(
          service.url,
          SET,
          { input: { ...input, onHand: 3 } },
          partner(['inventory:write']),
        );
        expect(byPartner.data?.setStock.__typename).toBe('StockLevel');
      });

      it('tell the catalog when a variant comes into or goes out of stock, and only then', async () => {
        const variantId = randomUUID();
        const changesOf = async () =>
          (
            await sql<
              Array<{
                payload: {
                  changes: Array<{ variantId: string; inStock: boolean; sequence: number }>;
                };
              }>
            >`
              select payload from inventory.outbox_events
              where name = 'inventory.availability.changed'
                and payload->'changes' @> ${sql.json([{ variantId }])}
              order by occurred_at, id`
          ).flatMap((row) => row.payload.changes.filter((c) => c.variantId === variantId));
        const set = (onHand: number) =>
          graphql(service.url, SET, { input: { variantId, warehouseCode: 'AMS', onHand } }, admin);
        await set(2);
        await set(5); // still in stock: nothing to tell
        const orderId = randomUUID();
        const reserved = await graphql<{ reserveStock: { __typename: string } }>(
          service.url,
          RESERVE,
          { input: { orderId, customerKey, lines: [{ variantId, quantity: 5 }] } },
        );
        expect(reserved.data?.reserveStock.__typename).toBe('Reservation');
        await graphql(service.url, 'mutation($o: ID!) { releaseReservation(orderId: $o) }', {
          o: orderId,
        });
        await set(0);
        const changes = await changesOf();
        expect(changes.map(({ sequence: _, ...change }) => change)).toEqual([
          { variantId, inStock: true },
          { variantId, inStock: false },
          { variantId, inStock: true },
          { variantId, inStock: false },
        ]);
        // Each change carries a sequence that grows, so a consumer can drop an older one.
        const sequences = changes.map((c) => c.sequence);
        expect(sequences.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
        expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
        expect(new Set(sequences).size).toBe(4);
      });

      it('audit every change: who, what, before and after, from where', async () => {
        const variantId = randomUUID();
        await graphql(
          service.url,
          SET,
          { input: { variantId, warehouseCode: 'AMS', onHand: 4 } },
          admin,
        );
        const refused = await graphql<{ setStock: { __typename: string } }>(
          service.url,
          SET,
          { input: { variantId, warehouseCode: 'XXX', onHand: 9 } },
          admin,
        );
        expect(refused.data?.setStock.__typename).toBe('UnknownWarehouse');
        const events = await sql<Array<{ name: string; payload: any }>>`
          select name, payload from inventory.outbox_events
          where payload->'details'->>'variantId' = ${variantId}`;
        // The refused change wrote nothing, the applied one exactly one event.
        expect(events).toEqual([
          {
            name: 'inventory.admin-action.recorded',
            payload: {
              actor: { kind: 'staff', id: (admin as { customerId: string }).customerId },
              action: 'setStock',
              target: { type: 'StockLevel', id: `${variantId}@AMS` },
              details: { variantId, warehouseCode: 'AMS', before: 0, after: 4 },
              network: '203.0.113.7',
              requestId: expect.any(String),
            },
          },
        ]);
      });

      it('set and adjust stock, creating the level when missing', async () => {
        const fresh = randomUUID();
        const set = await graphql<{ setStock: unknown }>(
          service.url,
          SET,
          { input: { variantId: fresh, warehouseCode: 'BER', onHand: 7 } },
          admin,
        );
        expect(set.data!.setStock).toEqual({
          __typename: 'StockLevel',
          onHand: 7,
          reserved: 0,
          available: 7,
          warehouse: { code: 'BER' },
        });
        const adjusted = await graphql<{ adjustStock: { onHand: number } }>(
          service.url,
          `
            mutation ($input: AdjustStockInput!) {
              adjustStock(input: $input) {
                ... on StockLevel {
                  onHand
                }
              }
            }
          `,
          { input: { variantId: fresh, warehouseCode: 'BER', delta: -2 } },
          admin,
        );
        expect(adjusted.data!.adjustStock.onHand).toBe(5);
        expect(await available(fresh)).toBe(5);
      });

      it('refuses to go below what is reserved, or an unknown warehouse', async () => {
        const orderId = randomUUID();
        await graphql(service.url, RESERVE, {
          input: { orderId, customerKey, lines: [{ variantId: variantA, quantity: 5 }] },
        });
        const below = await graphql<{ setStock: { __typename: string } }>(
          service.url,
          SET,
          { input: { variantId: variantA, warehouseCode: 'AMS', onHand: 1 } },
          admin,
        );
        expect(below.data!.setStock).toMatchObject({
          __typename: 'InvalidStockQuantity',
          code: 'INVALID_STOCK_QUANTITY',
        });
        const unknown = await graphql<{ setStock: { __typename: string } }>(
          service.url,
          SET,
          { input: { variantId: variantA, warehouseCode: 'XXX', onHand: 1 } },
          admin,
        );
        expect(unknown.data!.setStock).toMatchObject({
          __typename: 'UnknownWarehouse',
          code: 'UNKNOWN_WAREHOUSE',
        });
        const [{ on_hand }] = await sql<
          [{ on_hand: number }]
        >`select on_hand from inventory.stock_levels where variant_id = ${variantA} and warehouse_id = (select id from inventory.warehouses where code = 'AMS')`;
        expect(on_hand).toBe(6);
      });

      describe('given hostile input', () => {
        const ADJUST = /* GraphQL */ `
          mutation ($input: AdjustStockInput!) {
            adjustStock(input: $input) {
              __typename
              ... on UserError {
                code
                message
              }
            }
          }
        `;
        /** Every row an admin change could write. */
        const rowCounts = async () => {
          const [row] = await sql<[{ levels: number; onHand: number; warehouses: number }]>`
            select (select count(*) from inventory.stock_levels)::int as levels,
                   (select coalesce(sum(on_hand), 0) from inventory.stock_levels)::int as "onHand",
                   (select count(*) from inventory.warehouses)::int as warehouses`;
          return row;
        };
        /** Runs `change` and checks that no stock level, on-hand count or warehouse changed. */
        async function expectNothingWritten<T>(change: () => Promise<T>): Promise<T> {
          const before = await rowCounts();
          const result = await change();
          expect(await rowCounts()).toEqual(before);
          return result;
        }

        it.each([
          ['a NUL byte', 'AMS\u0000'],
          ['a lone surrogate', 'AMS\ud800'],
          ['a right-to-left override', '\u202eAMS'],
          ['a zero-width space', 'A\u200bMS'],
          ['a control character', 'AMS\u001b'],
          ['markup', '<b>AMS</b>'],
          ['lower case', 'ams'],
          ['over 10 characters', 'A'.repeat(11)],
          ['nothing', ''],
        ])('refuses a warehouse code with %s as UnknownWarehouse, without SQL', async (_, code) => {
          const fresh = randomUUID();
          for (const [query, input] of [
            [SET, { variantId: fresh, warehouseCode: code, onHand: 5 }],
            [ADJUST, { variantId: fresh, warehouseCode: code, delta: 5 }],
          ] as const) {
            statements.length = 0;
            const result = await expectNothingWritten(() =>
              graphql<Record<string, unknown>>(service.url, query, { input }, admin),
            );
            expect(result.errors).toBeUndefined();
            expect(Object.values(result.data!)[0]).toEqual({
              __typename: 'UnknownWarehouse',
              code: 'UNKNOWN_WAREHOUSE',
              message: expect.stringContaining('Not a warehouse code'),
            });
            expect(statements).toEqual([]);
          }
        });

        it('refuses a hostile variant id with BAD_USER_INPUT, without SQL', async () => {
          for (const variantId of ['\u0000', `${variantA}\u202e`, 'x'.repeat(10_000)]) {
            statements.length = 0;
            const result = await expectNothingWritten(() =>
              graphql(
                service.url,
                SET,
                { input: { variantId, warehouseCode: 'AMS', onHand: 1 } },
                admin,
              ),
            );
            expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
            expect(statements).toEqual([]);
          }
        });

        it('refuses negative and huge quantities as InvalidStockQuantity, leaving no row behind', async () => {
          const fresh = randomUUID();
          for (const [query, input] of [
            [SET, { variantId: fresh, warehouseCode: 'AMS', onHand: -1 }],
            [SET, { variantId: fresh, warehouseCode: 'AMS', onHand: 2_147_483_647 }],
            [ADJUST, { variantId: fresh, warehouseCode: 'AMS', delta: -1 }],
            [ADJUST, { variantId: fresh, warehouseCode: 'AMS', delta: -2_147_483_648 }],
            [ADJUST, { variantId: fresh, warehouseCode: 'AMS', delta: 2_147_483_647 }],
          ] as const) {
            const result = await expectNothingWritten(() =>
              graphql<Record<string, unknown>>(service.url, query, { input }, admin),
            );
            expect(Object.values(result.data!)[0]).toMatchObject({
              __typename: 'InvalidStockQuantity',
              code: 'INVALID_STOCK_QUANTITY',
            });
          }
        });

        it('leaves fractional and out-of-Int quantities to GraphQL, which refuses them', async () => {
          for (const onHand of [1.5, 2_147_483_648, '7']) {
            const result = await expectNothingWritten(() =>
              graphql(
                service.url,
                SET,
                { input: { variantId: variantB, warehouseCode: 'AMS', onHand } },
                admin,
              ),
            );
            expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
            expect(result.data ?? null).toBeNull();
          }
        });
      });
    });
  });
}
