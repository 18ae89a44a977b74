import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { migrationsFolder, schema } from '../src/db/client.ts';
import { CheckoutPrivacyService } from '../src/service/privacy.service.ts';

const DAY_MS = 24 * 3600 * 1000;

describe('pruneNotificationBodies (retention of Adyen notification bodies)', () => {
  let database: TestDatabase;
  let connection: ReturnType<typeof connectDatabase<typeof schema>>;
  let privacy: CheckoutPrivacyService;

  beforeAll(async () => {
    database = await createTestDatabase([{ subgraph: 'checkout', folder: migrationsFolder }]);
    connection = connectDatabase(database.url, schema, { max: 2 });
    privacy = new CheckoutPrivacyService(connection.db);
  });
  afterAll(async () => {
    await connection?.close();
    await database?.drop();
  });

  /** Stores a notification received `ageDays` ago, processed or not. */
  const store = async (ageDays: number, processed = true) => {
    const pspReference = `PSP${randomUUID().slice(0, 8)}`;
    const [row] = await connection.sql<{ id: string }[]>`
      insert into checkout.adyen_notifications
        (psp_reference, merchant_reference, event_code, success, amount_value, amount_currency,
         item, received_at, processed_at, outcome)
      values (${pspReference}, ${randomUUID()}, 'AUTHORISATION', true, 1999, 'EUR',
        ${JSON.stringify({ pspReference, additionalData: { shopperEmail: 'a@example.com' } })}::jsonb,
        now() - make_interval(days => ${ageDays}),
        ${processed ? connection.sql`now()` : null}, ${processed ? 'applied' : null})
      returning id`;
    return { id: row!.id, pspReference };
  };
  const read = async (id: string) =>
    (await connection.sql`select * from checkout.adyen_notifications where id = ${id}`)[0]!;

  it('prunes the bodies of processed notifications past the retention period and keeps the rest', async () => {
    const old = await store(91);
    const recent = await store(89);
    const oldUnprocessed = await store(200, false);

    expect(await privacy.pruneNotificationBodies(90 * DAY_MS)).toBe(1);

    // The row keeps the facts that deduplicate a redelivery and say what happened.
    expect(await read(old.id)).toMatchObject({
      item: null,
      psp_reference: old.pspReference,
      event_code: 'AUTHORISATION',
      success: true,
      outcome: 'applied',
    });
    expect((await read(old.id)).processed_at).not.toBeNull();
    expect((await read(recent.id)).item).toMatchObject({ pspReference: recent.pspReference });
    // Not processed yet: kept for whoever must look into it.
    expect((await read(oldUnprocessed.id)).item).not.toBeNull();
    // A second run finds nothing left to prune.
    expect(await privacy.pruneNotificationBodies(90 * DAY_MS)).toBe(0);
  });
});
