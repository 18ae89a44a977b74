import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  internalHeaders,
  signIdentityAssertion,
  type Actor,
} from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { graphql as post } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { isBackgroundStatement } from '../../../scripts/background-statements.ts';
import {
  migrationsFolder,
  seedInventory,
  startInventory,
  type CheckoutClient,
  type OrderPaymentState,
  type RunningInventory,
} from '../src/app.ts';

const INTERNAL_TOKEN = 'inventory-test-internal-token-0123456789';
const admin: Actor = {
  kind: 'customer',
  customerId: randomUUID(),
  sessionId: randomUUID(),
  permissions: ['stock:write'],
};

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

const RESERVE = /* GraphQL */ `
  mutation ($input: ReserveStockInput!) {
    reserveStock(input: $input) {
      __typename
      ... on Reservation {
        orderId
        status
        expiresAt
        lines {
          variantId
          warehouseCode
          quantity
          backordered
        }
      }
      ... on InsufficientStock {
        lines {
          variantId
          requested
          available
        }
      }
      ... on PurchaseLimitExceeded {
        code
        lines {
          variantId
          limit
          requested
          alreadyBought
        }
      }
      ... on ReservationReleased {
        code
        orderId
      }
      ... on ReservationConflict {
        code
        orderId
      }
    }
  }
`;
const RELEASE = 'mutation($o: ID!) { releaseReservation(orderId: $o) }';
const POLICY = /* GraphQL */ `
  mutation ($input: SetVariantInventoryPolicyInput!) {
    setVariantInventoryPolicy(input: $input) {
      __typename
      ... on InvalidInventoryPolicy {
        code
        field
      }
    }
  }
`;
const AVAILABILITY = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on ProductVariant {
        availability {
          available
          inStock
          backorderable
          tracked
          maxPerOrder
          maxPerCustomer
        }
      }
    }
  }
`;

/** Checkout as inventory sees it: answers per order, and counts how often it was asked. */
function fakeCheckout() {
  const answers = new Map<string, OrderPaymentState>();
  const asked: string[] = [];
  const client: CheckoutClient = {
    async expireUnpaidOrder(orderId) {
      asked.push(orderId);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return answers.get(orderId) ?? 'NOT_FOUND';
    },
  };
  return { answers, asked, client };
}

type Reserved = { reserveStock: { __typename: string; [key: string]: any } };

const backend = queueBackends()[0]!;

describe('reservations', () => {
  let database: TestDatabase;
  let inventory: RunningInventory;
  let sql: postgres.Sql;
  const checkout = fakeCheckout();
  const statements: string[] = [];

  const variantA = randomUUID(); // 5 in AMS, 5 in BER
  const twoWarehouses = randomUUID(); // 30 in AMS, 30 in BER
  const limited = randomUUID(); // 50 in AMS
  const scarce = randomUUID(); // 3 in BER
  const backorderable = randomUUID(); // 2 in AMS
  const untracked = randomUUID(); // none

  beforeAll(async () => {
    database = await createTestDatabase([{ subgraph: 'inventory', folder: migrationsFolder }]);
    sql = postgres(database.url, { max: 4, onnotice: () => undefined });
    await seedInventory(database.url, {
      warehouses: [
        { code: 'AMS', name: 'Amsterdam' },
        { code: 'BER', name: 'Berlin' },
      ],
      levels: [
        { variantId: variantA, warehouseCode: 'AMS', onHand: 5 },
        { variantId: variantA, warehouseCode: 'BER', onHand: 5 },
        { variantId: twoWarehouses, warehouseCode: 'AMS', onHand: 30 },
        { variantId: twoWarehouses, warehouseCode: 'BER', onHand: 30 },
        { variantId: limited, warehouseCode: 'AMS', onHand: 50 },
        { variantId: scarce, warehouseCode: 'BER', onHand: 3 },
        { variantId: backorderable, warehouseCode: 'AMS', onHand: 2 },
      ],
    });
    inventory = await startInventory({
      databaseUrl: database.url,
      queue: backend.config(database.url),
      port: 0,
      internalToken: INTERNAL_TOKEN,
      migrate: false,
      logLevel: 'silent',
      checkout: checkout.client,
      onQuery: (q) => statements.push(q),
    });
  });

  afterAll(async () => {
    await inventory?.close();
    await sql?.end();
    await database?.drop();
  });

  const reserve = (
    lines: Array<{ variantId: string; quantity: number }>,
    orderId = randomUUID(),
    customerKey = `email:${randomUUID()}@example.com`,
  ) => graphql<Reserved>(inventory.url, RESERVE, { input: { orderId, customerKey, lines } });
  const release = (orderId: string) => graphql(inventory.url, RELEASE, { o: orderId });
  const levelsOf = async (variantId: string) =>
    sql<Array<{ code: string; on_hand: number; reserved: number }>>`
      select w.code, s.on_hand, s.reserved from inventory.stock_levels s
      join inventory.warehouses w on w.id = s.warehouse_id
      where s.variant_id = ${variantId} order by w.code`;
  /** Rows whose on hand or reserved differ from the sums of their movements. */
  const unbalanced = () => sql`
    select s.variant_id, s.warehouse_id, s.on_hand, s.reserved, m.on_hand as m_on_hand, m.reserved as m_reserved
    from inventory.stock_levels s
    full join (select variant_id, warehouse_id, sum(on_hand_delta)::int as on_hand,
                      sum(reserved_delta)::int as reserved
               from inventory.stock_movements group by 1, 2) m
      using (variant_id, warehouse_id)
    where coalesce(s.on_hand, 0) <> coalesce(m.on_hand, 0)
       or coalesce(s.reserved, 0) <> coalesce(m.reserved, 0)`;
  const expire = (orderId: string) =>
    sql`update inventory.order_reservations set expires_at = now() - interval '1 second' where order_id = ${orderId}`;

  describe('reserveStock', () => {
    it('allocates the fullest warehouse first, ties by warehouse code, and records its expiry', async () => {
      const orderId = randomUUID();
      const { data } = await reserve([{ variantId: variantA, quantity: 7 }], orderId);
      expect(data!.reserveStock).toMatchObject({
        __typename: 'Reservation',
        status: 'RESERVED',
        lines: [
          { variantId: variantA, warehouseCode: 'AMS', quantity: 5, backordered: false },
          { variantId: variantA, warehouseCode: 'BER', quantity: 2, backordered: false },
        ],
      });
      const expiresAt = Date.parse(data!.reserveStock.expiresAt);
      expect(expiresAt).toBeGreaterThan(Date.now() + 10 * 60_000);
      await release(orderId);
    });

    it('never oversells when 80 orders race across two warehouses, and the ledger balances', async () => {
      const orderIds = Array.from({ length: 80 }, () => randomUUID());
      const results = await Promise.all(
        orderIds.map((orderId, i) =>
          reserve([{ variantId: twoWarehouses, quantity: 1 + (i % 2) }], orderId),
        ),
      );
      const won = results.filter((r) => r.data?.reserveStock.__typename === 'Reservation');
      const units = won.reduce(
        (sum, r) =>
          sum + r.data!.reserveStock.lines.reduce((n: number, l: any) => n + l.quantity, 0),
        0,
      );
      expect(results.every((r) => r.errors === undefined)).toBe(true);
      expect(units).toBeLessThanOrEqual(60);
      expect(units).toBeGreaterThanOrEqual(59); // only a 2-unit order can miss the last unit
      const levels = await levelsOf(twoWarehouses);
      expect(levels.every((l) => l.reserved <= l.on_hand)).toBe(true);
      expect(levels.reduce((n, l) => n + l.reserved, 0)).toBe(units);
      expect(await unbalanced()).toEqual([]);
      await Promise.all(orderIds.map((o) => release(o)));
      expect((await levelsOf(twoWarehouses)).map((l) => l.reserved)).toEqual([0, 0]);
      expect(await unbalanced()).toEqual([]);
    });

    it('answers a repeat with the current truth: the reservation, its sale, a conflict', async () => {
      const orderId = randomUUID();
      const lines = [{ variantId: variantA, quantity: 1 }];
      await reserve(lines, orderId);
      const again = await reserve(lines, orderId);
      expect(again.data!.reserveStock).toMatchObject({
        __typename: 'Reservation',
        status: 'RESERVED',
      });
      // Guards: a repeat with other lines used to return the old reservation as if it matched.
      const other = await reserve([{ variantId: variantA, quantity: 2 }], orderId);
      expect(other.data!.reserveStock).toEqual({
        __typename: 'ReservationConflict',
        code: 'RESERVATION_CONFLICT',
        orderId,
      });
      await inventory.services.reservations.commitReservation(orderId);
      const sold = await reserve(lines, orderId);
      expect(sold.data!.reserveStock).toMatchObject({ __typename: 'Reservation', status: 'SOLD' });
    });

    it('refuses a repeat after a release and holds nothing', async () => {
      const orderId = randomUUID();
      const lines = [{ variantId: variantA, quantity: 1 }];
      await reserve(lines, orderId);
      await release(orderId);
      // Guards: a repeat used to return the released rows as a live reservation.
      const again = await reserve(lines, orderId);
      expect(again.data!.reserveStock).toEqual({
        __typename: 'ReservationReleased',
        code: 'RESERVATION_RELEASED',
        orderId,
      });
      const [{ n }] = await sql<[{ n: number }]>`
        select count(*)::int as n from inventory.reservations where order_id = ${orderId} and status = 'RESERVED'`;
      expect(n).toBe(0);
    });

    it('refuses a reserve that arrives after its release (checkout timed out) and holds nothing', async () => {
      // Guards: a release that ran before a slow reserve committed left the reserve's stock held.
      const orderId = randomUUID();
      expect((await release(orderId)).data).toEqual({ releaseReservation: false });
      const late = await reserve([{ variantId: variantA, quantity: 3 }], orderId);
      expect(late.data!.reserveStock.__typename).toBe('ReservationReleased');
      const [{ n }] = await sql<[{ n: number }]>`
        select count(*)::int as n from inventory.reservations where order_id = ${orderId}`;
      expect(n).toBe(0);
    });

    it('leaves nothing held when reserves race their releases', async () => {
      // Guards: release and reserve of one order serialise on the order's lock, in either order.
      const orderIds = Array.from({ length: 20 }, () => randomUUID());
      await Promise.all(
        orderIds.flatMap((orderId) => [
          reserve([{ variantId: variantA, quantity: 1 }], orderId),
          release(orderId),
        ]),
      );
      const [{ n }] = await sql<[{ n: number }]>`
        select count(*)::int as n from inventory.reservations
        where order_id = any(${orderIds}::uuid[]) and status = 'RESERVED'`;
      expect(n).toBe(0);
      expect((await levelsOf(variantA)).map((l) => l.reserved)).toEqual([0, 0]);
    });

    it('enforces the limit per order and per customer under parallel orders', async () => {
      await graphql(
        inventory.url,
        POLICY,
        { input: { variantId: limited, maxPerOrder: 4, maxPerCustomer: 3 } },
        admin,
      );
      const overOrder = await reserve([{ variantId: limited, quantity: 5 }]);
      expect(overOrder.data!.reserveStock).toEqual({
        __typename: 'PurchaseLimitExceeded',
        code: 'PURCHASE_LIMIT_EXCEEDED',
        lines: [{ variantId: limited, limit: 4, requested: 5, alreadyBought: 0 }],
      });
      const customerKey = 'email:flash@example.com';
      const results = await Promise.all(
        Array.from({ length: 12 }, () =>
          reserve([{ variantId: limited, quantity: 1 }], randomUUID(), customerKey),
        ),
      );
      const kinds = results.map((r) => r.data!.reserveStock.__typename);
      expect(kinds.filter((k) => k === 'Reservation')).toHaveLength(3);
      expect(kinds.filter((k) => k === 'PurchaseLimitExceeded')).toHaveLength(9);
      const refused = results.find(
        (r) => r.data!.reserveStock.__typename === 'PurchaseLimitExceeded',
      )!;
      expect(refused.data!.reserveStock.lines).toEqual([
        { variantId: limited, limit: 3, requested: 1, alreadyBought: 3 },
      ]);
      // Another customer is not held back by the first one's purchases.
      const other = await reserve([{ variantId: limited, quantity: 3 }]);
      expect(other.data!.reserveStock.__typename).toBe('Reservation');
    });

    it('backorders beyond stock without touching it, and reserves nothing for an untracked variant', async () => {
      await graphql(
        inventory.url,
        POLICY,
        { input: { variantId: backorderable, allowBackorder: true } },
        admin,
      );
      await graphql(
        inventory.url,
        POLICY,
        { input: { variantId: untracked, trackInventory: false } },
        admin,
      );
      const { data } = await reserve([
        { variantId: backorderable, quantity: 5 },
        { variantId: untracked, quantity: 4 },
      ]);
      const lines = data!.reserveStock.lines as Array<Record<string, unknown>>;
      expect(lines).toHaveLength(3);
      expect(lines).toEqual(
        expect.arrayContaining([
          { variantId: backorderable, warehouseCode: 'AMS', quantity: 2, backordered: false },
          { variantId: backorderable, warehouseCode: null, quantity: 3, backordered: true },
          { variantId: untracked, warehouseCode: null, quantity: 4, backordered: false },
        ]),
      );
      expect(await levelsOf(untracked)).toEqual([]);
      const availability = await graphql<{ _entities: Array<{ availability: unknown }> }>(
        inventory.url,
        AVAILABILITY,
        { r: [backorderable, untracked].map((id) => ({ __typename: 'ProductVariant', id })) },
      );
      expect(availability.data!._entities.map((e) => e.availability)).toEqual([
        {
          available: 0,
          inStock: true,
          backorderable: true,
          tracked: true,
          maxPerOrder: null,
          maxPerCustomer: null,
        },
        {
          available: 0,
          inStock: true,
          backorderable: false,
          tracked: false,
          maxPerOrder: null,
          maxPerCustomer: null,
        },
      ]);
      expect(await unbalanced()).toEqual([]);
    });

    it('refuses a sold-out variant without a transaction or a lock, and takes it again after a release', async () => {
      const orderId = randomUUID();
      const taken = await reserve([{ variantId: scarce, quantity: 3 }], orderId);
      expect(taken.data!.reserveStock.__typename).toBe('Reservation');
      // The sale of the last unit reaches the marker through LISTEN/NOTIFY.
      await eventually(async () => inventory.services.markers.isSoldOut(scarce), 5_000);
      statements.length = 0;
      const refused = await reserve([{ variantId: scarce, quantity: 1 }]);
      expect(refused.data!.reserveStock).toEqual({
        __typename: 'InsufficientStock',
        lines: [{ variantId: scarce, requested: 1, available: 0 }],
      });
      const own = statements.filter((q) => !isBackgroundStatement(q));
      expect(own.some((q) => /pg_advisory_xact_lock|for update|^\s*begin/i.test(q))).toBe(false);
      expect(own).toHaveLength(1); // the order's header, so a repeat still gets its reservation
      await release(orderId);
      await eventually(async () => !inventory.services.markers.isSoldOut(scarce), 5_000);
      const again = await reserve([{ variantId: scarce, quantity: 1 }]);
      expect(again.data!.reserveStock.__typename).toBe('Reservation');
    });

    it('refuses hostile reservation input and writes nothing', async () => {
      for (const input of [
        { orderId: randomUUID(), customerKey: '', lines: [{ variantId: variantA, quantity: 1 }] },
        {
          orderId: randomUUID(),
          customerKey: 'x'.repeat(500),
          lines: [{ variantId: variantA, quantity: 1 }],
        },
        {
          orderId: 'nope',
          customerKey: 'email:a@b.c',
          lines: [{ variantId: variantA, quantity: 1 }],
        },
        {
          orderId: randomUUID(),
          customerKey: 'email:a@b.c',
          lines: [{ variantId: variantA, quantity: 2_000 }],
        },
      ]) {
        const result = await graphql(inventory.url, RESERVE, { input });
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('transferStock and the ledger', () => {
    const TRANSFER = /* GraphQL */ `
      mutation ($input: TransferStockInput!) {
        transferStock(input: $input) {
          __typename
          ... on StockTransfer {
            quantity
            from {
              onHand
              reserved
              warehouse {
                code
              }
            }
            to {
              onHand
              reserved
              warehouse {
                code
              }
            }
          }
          ... on UserError {
            code
          }
          ... on InvalidTransferQuantity {
            requested
            available
          }
        }
      }
    `;
    const MOVEMENTS = /* GraphQL */ `
      query ($v: ID!, $first: Int, $after: String) {
        stockMovements(variantId: $v, first: $first, after: $after) {
          edges {
            cursor
            node {
              kind
              onHandDelta
              reservedDelta
              orderId
              actor
              warehouse {
                code
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `;

    it('moves available units only, refuses bad transfers with typed errors, and writes nothing for them', async () => {
      const variantId = randomUUID();
      const set = (code: string, onHand: number) =>
        graphql(
          inventory.url,
          `
            mutation ($i: SetStockInput!) {
              setStock(input: $i) {
                __typename
              }
            }
          `,
          { i: { variantId, warehouseCode: code, onHand } },
          admin,
        );
      await set('AMS', 6);
      const orderId = randomUUID();
      await reserve([{ variantId, quantity: 4 }], orderId);
      const transfer = (input: Record<string, unknown>, actor: Actor | undefined = admin) =>
        graphql<{ transferStock: any }>(
          inventory.url,
          TRANSFER,
          { input: { variantId, fromWarehouseCode: 'AMS', toWarehouseCode: 'BER', ...input } },
          actor,
        );
      const movementsBefore = await sql`select count(*)::int as n from inventory.stock_movements`;
      for (const [input, typename] of [
        [{ quantity: 3 }, 'InvalidTransferQuantity'], // only 2 are not reserved
        [{ quantity: 0 }, 'InvalidTransferQuantity'],
        [{ quantity: -2 }, 'InvalidTransferQuantity'],
        [{ quantity: 1, toWarehouseCode: 'AMS' }, 'SameWarehouseTransfer'],
        [{ quantity: 1, toWarehouseCode: 'XYZ' }, 'UnknownWarehouse'],
        [{ quantity: 1, toWarehouseCode: 'bad code' }, 'UnknownWarehouse'],
      ] as const) {
        const result = await transfer(input);
        expect(result.data!.transferStock.__typename).toBe(typename);
      }
      expect((await transfer({ quantity: 3 })).data!.transferStock).toMatchObject({
        requested: 3,
        available: 2,
      });
      expect(await sql`select count(*)::int as n from inventory.stock_movements`).toEqual(
        movementsBefore,
      );
      expect(await levelsOf(variantId)).toEqual([{ code: 'AMS', on_hand: 6, reserved: 4 }]);
      expect(
        (
          await transfer(
            { quantity: 1 },
            { kind: 'customer', customerId: randomUUID(), sessionId: randomUUID() },
          )
        ).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');

      const moved = await transfer({ quantity: 2 });
      expect(moved.data!.transferStock).toEqual({
        __typename: 'StockTransfer',
        quantity: 2,
        from: { onHand: 4, reserved: 4, warehouse: { code: 'AMS' } },
        to: { onHand: 2, reserved: 0, warehouse: { code: 'BER' } },
      });
      await inventory.services.reservations.commitReservation(orderId);
      expect(await unbalanced()).toEqual([]);

      const page = await graphql<{ stockMovements: any }>(
        inventory.url,
        MOVEMENTS,
        { v: variantId, first: 3 },
        admin,
      );
      expect(page.data!.stockMovements.edges.map((e: any) => e.node.kind)).toEqual([
        'SALE',
        'TRANSFER_IN',
        'TRANSFER_OUT',
      ]);
      expect(page.data!.stockMovements.edges[1].node.actor).toBe(
        `staff:${(admin as { customerId: string }).customerId}`,
      );
      expect(page.data!.stockMovements.pageInfo.hasNextPage).toBe(true);
      const rest = await graphql<{ stockMovements: any }>(
        inventory.url,
        MOVEMENTS,
        { v: variantId, first: 50, after: page.data!.stockMovements.pageInfo.endCursor },
        admin,
      );
      expect(rest.data!.stockMovements.edges.map((e: any) => e.node.kind)).toEqual([
        'RESERVATION',
        'ADJUSTMENT',
      ]);
      expect(rest.data!.stockMovements.pageInfo.hasNextPage).toBe(false);
      const anonymous = await graphql(inventory.url, MOVEMENTS, { v: variantId });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const audit = await sql`
        select payload->>'action' as action from inventory.outbox_events
        where name = 'inventory.admin-action.recorded' and payload->'details'->>'variantId' = ${variantId}`;
      expect(audit.map((a) => a.action)).toEqual(['setStock', 'transferStock']);
    });

    it('refuses an out-of-range policy with a typed error and changes nothing', async () => {
      const variantId = randomUUID();
      for (const [input, field] of [
        [{ safetyStock: -1 }, 'safetyStock'],
        [{ maxPerOrder: 0 }, 'maxPerOrder'],
        [{ maxPerOrder: 5_000 }, 'maxPerOrder'],
        [{ maxPerCustomer: -4 }, 'maxPerCustomer'],
      ] as const) {
        const result = await graphql<{ setVariantInventoryPolicy: unknown }>(
          inventory.url,
          POLICY,
          { input: { variantId, ...input } },
          admin,
        );
        expect(result.data!.setVariantInventoryPolicy).toEqual({
          __typename: 'InvalidInventoryPolicy',
          code: 'INVALID_INVENTORY_POLICY',
          field,
        });
      }
      expect(
        await sql`select 1 from inventory.variant_settings where variant_id = ${variantId}`,
      ).toEqual([]);
      const forbidden = await graphql(inventory.url, POLICY, {
        input: { variantId, safetyStock: 1 },
      });
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('keeps safety stock back from sale', async () => {
      const variantId = randomUUID();
      await graphql(
        inventory.url,
        `
          mutation ($i: SetStockInput!) {
            setStock(input: $i) {
              __typename
            }
          }
        `,
        { i: { variantId, warehouseCode: 'AMS', onHand: 5 } },
        admin,
      );
      await graphql(inventory.url, POLICY, { input: { variantId, safetyStock: 3 } }, admin);
      const over = await reserve([{ variantId, quantity: 3 }]);
      expect(over.data!.reserveStock).toEqual({
        __typename: 'InsufficientStock',
        lines: [{ variantId, requested: 3, available: 2 }],
      });
      expect((await reserve([{ variantId, quantity: 2 }])).data!.reserveStock.__typename).toBe(
        'Reservation',
      );
    });
  });

  describe('expireReservation', () => {
    it('releases exactly once when the job runs twice and races a payment refusal', async () => {
      const orderId = randomUUID();
      await reserve([{ variantId: variantA, quantity: 2 }], orderId);
      await expire(orderId);
      checkout.answers.set(orderId, 'FAILED');
      const outcomes = await Promise.all([
        inventory.services.reservations.expireReservation(orderId),
        inventory.services.reservations.expireReservation(orderId),
        inventory.services.reservations.releaseReservation(orderId),
      ]);
      expect(outcomes.slice(0, 2).filter((o) => o === 'RELEASED').length).toBeLessThanOrEqual(1);
      const movements = await sql`
        select kind from inventory.stock_movements where order_id = ${orderId} and kind = 'RELEASE'`;
      expect(movements).toHaveLength(1);
      expect((await levelsOf(variantA)).map((l) => l.reserved)).toEqual([0, 0]);
    });

    it('sells instead of releasing when checkout says the order is paid, once, racing the payment event', async () => {
      const orderId = randomUUID();
      await reserve([{ variantId: variantA, quantity: 2 }], orderId);
      const before = await levelsOf(variantA);
      await expire(orderId);
      checkout.answers.set(orderId, 'PAID');
      await Promise.all([
        inventory.services.reservations.expireReservation(orderId),
        inventory.services.reservations.expireReservation(orderId),
        inventory.services.reservations.commitReservation(orderId),
      ]);
      const sales = await sql`
        select kind from inventory.stock_movements where order_id = ${orderId} and kind = 'SALE'`;
      expect(sales.length).toBeGreaterThan(0);
      const released = await sql`
        select kind from inventory.stock_movements where order_id = ${orderId} and kind = 'RELEASE'`;
      expect(released).toEqual([]);
      const after = await levelsOf(variantA);
      const onHand = (rows: typeof before) => rows.reduce((n, l) => n + l.on_hand, 0);
      expect(onHand(before) - onHand(after)).toBe(2);
      expect(await unbalanced()).toEqual([]);
    });

    it('leaves a reservation that is not due yet', async () => {
      const orderId = randomUUID();
      await reserve([{ variantId: variantA, quantity: 1 }], orderId);
      const asked = checkout.asked.length;
      expect(await inventory.services.reservations.expireReservation(orderId)).toBe('NOT_DUE');
      expect(checkout.asked.length).toBe(asked);
      await release(orderId);
    });
  });

  describe('the expiry sweep', () => {
    it('asks checkout before releasing, never releases a paid order, and runs on one replica at a time', async () => {
      const paid = randomUUID();
      const failed = randomUUID();
      const unknown = randomUUID();
      for (const orderId of [paid, failed, unknown]) {
        await reserve([{ variantId: variantA, quantity: 1 }], orderId);
        await expire(orderId);
      }
      checkout.answers.set(paid, 'PAID');
      checkout.answers.set(failed, 'FAILED');
      checkout.asked.length = 0;
      // Two replicas' sweeps at once: one takes the lock, the other skips its run.
      const settled = await Promise.all([
        inventory.services.reservations.sweepExpiredReservations(),
        inventory.services.reservations.sweepExpiredReservations(),
      ]);
      expect(settled.sort()).toEqual([0, 3]);
      expect(checkout.asked.sort()).toEqual([paid, failed, unknown].sort());
      const statuses = await sql<Array<{ order_id: string; status: string }>>`
        select order_id, status from inventory.order_reservations
        where order_id in (${paid}, ${failed}, ${unknown})`;
      expect(Object.fromEntries(statuses.map((s) => [s.order_id, s.status]))).toEqual({
        [paid]: 'SOLD',
        [failed]: 'RELEASED',
        [unknown]: 'RELEASED',
      });
      expect(await unbalanced()).toEqual([]);
    });
  });
});

describe('reservation expiry jobs', () => {
  let database: TestDatabase;
  let inventory: RunningInventory;
  let sql: postgres.Sql;
  const checkout = fakeCheckout();
  const variantId = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase([{ subgraph: 'inventory', folder: migrationsFolder }]);
    sql = postgres(database.url, { max: 1, onnotice: () => undefined });
    await seedInventory(database.url, {
      warehouses: [{ code: 'AMS', name: 'Amsterdam' }],
      levels: [{ variantId, warehouseCode: 'AMS', onHand: 5 }],
    });
    inventory = await startInventory({
      databaseUrl: database.url,
      queue: backend.config(database.url),
      port: 0,
      internalToken: INTERNAL_TOKEN,
      migrate: false,
      logLevel: 'silent',
      reservationTtlMs: 500,
      checkout: checkout.client,
    });
  });

  afterAll(async () => {
    await inventory?.close();
    await sql?.end();
    await database?.drop();
  });

  it('release an unpaid order after the TTL and sell a paid one, asking checkout first', async () => {
    const unpaid = randomUUID();
    const paid = randomUUID();
    checkout.answers.set(unpaid, 'FAILED');
    checkout.answers.set(paid, 'PAID');
    for (const orderId of [unpaid, paid]) {
      const { data } = await graphql<Reserved>(inventory.url, RESERVE, {
        input: { orderId, customerKey: 'email:a@example.com', lines: [{ variantId, quantity: 2 }] },
      });
      expect(data!.reserveStock.__typename).toBe('Reservation');
    }
    await eventually(async () => {
      const rows = await sql`
        select status from inventory.order_reservations
        where order_id in (${unpaid}, ${paid}) and status <> 'RESERVED'`;
      return rows.length === 2;
    }, 15_000);
    expect(new Set(checkout.asked)).toEqual(new Set([unpaid, paid]));
    const [level] =
      await sql`select on_hand, reserved from inventory.stock_levels where variant_id = ${variantId}`;
    expect(level).toEqual({ on_hand: 3, reserved: 0 });
  });
});
