import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations, type Logger } from '@commerce-graph/kit';
import { buildDemoCatalog } from '../../../scripts/demo-catalog.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startTestGraph, type TestGraph } from '../../../test/support/graph.ts';
import { graphql } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { migrationsFolder, schema } from '../src/db/client.ts';
import { orderStatus, type OrderStatus } from '../src/db/schema.ts';
import { isLegalTransition, transitionOrder } from '../src/service/order-state.ts';
import { CARD, cartWith, orderInput, placeOrderOk, variantPicker } from './support/shop.ts';

/** A logger that keeps what was warned, for the "refused and logged" checks. */
function recordingLogger() {
  const warnings: Array<{ fields: unknown; message: string }> = [];
  const ignore = () => undefined;
  const logger = {
    warn: (fields: unknown, message: string) => warnings.push({ fields, message }),
    error: ignore,
    info: ignore,
    debug: ignore,
    trace: ignore,
    fatal: ignore,
  } as unknown as Logger;
  return { logger, warnings };
}

describe('transitionOrder', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;

  beforeAll(async () => {
    database = await createTestDatabase();
    await runMigrations(database.url, 'checkout', migrationsFolder);
    sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  });

  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  const orderIn = async (status: OrderStatus) => {
    const id = randomUUID();
    await sql`insert into checkout.orders (id, cart_id, status, subtotal_amount, total_amount, currency)
      values (${id}, ${randomUUID()}, ${status}, 100, 100, 'EUR')`;
    return id;
  };

  it('applies exactly the legal moves with a history row each, and refuses, logs and never applies the others', async () => {
    const db = drizzle(sql, { schema });
    const legal: string[] = [];
    for (const from of orderStatus) {
      for (const to of orderStatus) {
        const orderId = await orderIn(from);
        const { logger, warnings } = recordingLogger();
        const result = await db.transaction((tx) =>
          transitionOrder(tx, logger, orderId, to, 'test move'),
        );
        const [row] = await sql<[{ status: string }]>`
          select status from checkout.orders where id = ${orderId}`;
        const history = await sql`
          select from_status, to_status, cause from checkout.order_history where order_id = ${orderId}`;
        if (isLegalTransition(from, to)) {
          legal.push(`${from}->${to}`);
          expect(result, `${from}->${to}`).toMatchObject({ ok: true, from });
          expect(row.status).toBe(to);
          expect(history).toEqual([{ from_status: from, to_status: to, cause: 'test move' }]);
          expect(warnings).toEqual([]);
        } else {
          expect(result, `${from}->${to}`).toEqual({ ok: false, reason: 'ILLEGAL', from, to });
          expect(row.status).toBe(from);
          expect(history).toEqual([]);
          expect(warnings).toEqual([
            {
              fields: { orderId, from, to, cause: 'test move' },
              message: 'illegal order transition refused',
            },
          ]);
        }
      }
    }
    // The whole table, spelled out: a change to it must change this test too.
    expect(legal.sort()).toEqual(
      [
        'PENDING_PAYMENT->AUTHORISED',
        'PENDING_PAYMENT->PAID',
        'PENDING_PAYMENT->PAYMENT_FAILED',
        'PENDING_PAYMENT->CANCELLED',
        'AUTHORISED->PAID',
        'AUTHORISED->PAYMENT_FAILED',
        'AUTHORISED->CANCELLED',
        'PAID->FULFILLED',
        'PAID->CANCELLED',
        'PAID->PARTIALLY_REFUNDED',
        'PAID->REFUNDED',
        'FULFILLED->PARTIALLY_REFUNDED',
        'FULFILLED->REFUNDED',
        'PARTIALLY_REFUNDED->PARTIALLY_REFUNDED',
        'PARTIALLY_REFUNDED->REFUNDED',
        // Money back to the merchant: a failed refund, a reversed chargeback.
        'PARTIALLY_REFUNDED->PAID',
        'PARTIALLY_REFUNDED->FULFILLED',
        'REFUNDED->PARTIALLY_REFUNDED',
        'REFUNDED->PAID',
        'REFUNDED->FULFILLED',
      ].sort(),
    );
  });

  it('answers NOT_FOUND for an unknown order and writes nothing', async () => {
    const db = drizzle(sql, { schema });
    const { logger } = recordingLogger();
    const result = await db.transaction((tx) =>
      transitionOrder(tx, logger, randomUUID(), 'PAID', 'test move'),
    );
    expect(result).toEqual({ ok: false, reason: 'NOT_FOUND' });
  });

  it('lets one of two racing moves from the same status through, and refuses the other', async () => {
    const db = drizzle(sql, { schema });
    const orderId = await orderIn('PENDING_PAYMENT');
    const { logger } = recordingLogger();
    const results = await Promise.all(
      (['PAID', 'PAYMENT_FAILED'] as const).map((to) =>
        db.transaction((tx) => transitionOrder(tx, logger, orderId, to, 'race')),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const history = await sql`select 1 from checkout.order_history where order_id = ${orderId}`;
    expect(history).toHaveLength(1);
  });
});

describe('Order.history', () => {
  const catalog = buildDemoCatalog(12);
  const pickVariant = variantPicker(catalog);
  let shop: TestGraph;
  let checkoutUrl: string;
  let cartUrl: string;

  beforeAll(async () => {
    shop = await startTestGraph(queueBackends()[0]!, { catalog });
    checkoutUrl = shop.url('checkout');
    cartUrl = shop.url('cart');
  });

  afterAll(async () => {
    await shop?.close();
  });

  type Transition = { from: string | null; to: string; cause: string; at: string };
  const historyOf = async (placed: { order: { id: string }; accessKey: string | null }) => {
    const answer = await graphql<{
      order: { status: string; history: Transition[] } | null;
    }>(
      checkoutUrl,
      `
        query ($id: ID!, $key: String) {
          order(id: $id, accessKey: $key) {
            status
            history {
              from
              to
              cause
              at
            }
          }
        }
      `,
      { id: placed.order.id, key: placed.accessKey },
    );
    return answer.data!.order!;
  };

  it('shows the placement and the authorisation that paid the order, oldest first', async () => {
    const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
      { variantId: pickVariant(1).id, quantity: 1 },
    ]);
    const placed = await placeOrderOk(checkoutUrl, orderInput(cartId));
    const paid = await eventually(async () => {
      const order = await historyOf(placed);
      return order.status === 'PAID' ? order : null;
    });
    expect(paid.history).toEqual([
      { from: null, to: 'PENDING_PAYMENT', cause: 'order placed', at: expect.any(String) },
      {
        from: 'PENDING_PAYMENT',
        to: 'PAID',
        cause: `payment authorised (${placed.payment.pspReference})`,
        at: expect.any(String),
      },
    ]);
    expect(Date.parse(paid.history[1]!.at)).toBeGreaterThanOrEqual(Date.parse(paid.history[0]!.at));
  });

  it('shows a refused card as PENDING_PAYMENT -> PAYMENT_FAILED with the reason', async () => {
    const cartId = await cartWith({ cart: cartUrl, checkout: checkoutUrl }, [
      { variantId: pickVariant(1).id, quantity: 1 },
    ]);
    const placed = await placeOrderOk(
      checkoutUrl,
      orderInput(cartId, { paymentMethod: { ...CARD, holderName: 'DECLINED' } }),
    );
    const order = await historyOf(placed);
    expect(order.status).toBe('PAYMENT_FAILED');
    expect(order.history.map(({ from, to }) => [from, to])).toEqual([
      [null, 'PENDING_PAYMENT'],
      ['PENDING_PAYMENT', 'PAYMENT_FAILED'],
    ]);
    expect(order.history[1]!.cause).toMatch(/^payment refused: /);
  });

  it('keeps every order status equal to its last history row', async () => {
    // Regression guard: a status written without its history row (outside transitionOrder).
    const drift = await shop.sql`
      select o.id from checkout.orders o
      where o.status <> (select h.to_status from checkout.order_history h
                         where h.order_id = o.id order by h.at desc, h.id desc limit 1)`;
    expect(drift).toEqual([]);
  });
});
