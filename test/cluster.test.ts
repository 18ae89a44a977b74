import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCluster, type RunningCluster } from '../scripts/cluster.ts';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { auditOrders, startLoad, Timeline, type ShopperRecord } from '../scripts/drill.ts';
import { createScratchDatabase, type ScratchDatabase } from '../scripts/scratch-database.ts';

const hasNginx = spawnSync('nginx', ['-v']).error === undefined;
if (!hasNginx)
  console.warn('cluster.test.ts skipped: nginx is not installed (apt-get install nginx-light)');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A short `pnpm drill`: 2 gateways and 2 checkouts behind nginx (one of the rest), queues on
// PostgreSQL, shoppers ordering while one gateway replica is SIGKILLed and started again.
describe.skipIf(!hasNginx)('a cluster behind nginx', () => {
  const catalog = buildDemoCatalog(24);
  let database: ScratchDatabase;
  let cluster: RunningCluster;

  beforeAll(async () => {
    database = await createScratchDatabase(inject('databaseUrl'), 'cg_test');
    cluster = await startCluster({
      databaseUrl: database.url,
      replicas: {
        gateway: 2,
        checkout: 2,
        products: 1,
        inventory: 1,
        cart: 1,
        identity: 1,
        'checkout-notifications': 1,
      },
      catalog,
      poolMax: 2,
      graceMs: 5_000,
      env: { ANONYMOUS_COST_BUDGET: '1000000000' },
    });
  }, 120_000);

  afterAll(async () => {
    await cluster?.close();
    await database?.drop();
  }, 60_000);

  it('loses and doubles no order while a gateway replica is killed', async () => {
    const timeline = new Timeline();
    const record: ShopperRecord = { told: new Map(), sentAt: new Map(), firstErrors: [] };
    const load = startLoad({
      gatewayUrl: cluster.gatewayUrl,
      catalog,
      browsers: 1,
      shoppers: 3,
      timeline,
      record,
    });
    await sleep(3_000);
    await cluster.kill('gateway-1');
    const placedAtKill = timeline.orders.reduce((a, b) => a + b, 0);
    await sleep(2_000);
    await cluster.restart('gateway-1');
    await sleep(2_000);
    await load.stop();
    const placed = timeline.orders.reduce((a, b) => a + b, 0);

    const audit = await auditOrders(database.url, record.told);
    expect(audit.lost).toEqual([]);
    expect(audit.doubled).toEqual([]);
    expect(audit.unsettled).toBe(0);
    // Orders went on through the surviving replica and after the restart.
    expect(placed).toBeGreaterThan(placedAtKill);
  }, 90_000);
});
