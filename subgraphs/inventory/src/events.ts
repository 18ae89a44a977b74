/**
 * An inventory event worker: consumes checkout's payment outcomes and abandoned orders, beside
 * subgraph replicas started with INVENTORY_EVENT_WORKER=false. Same environment as the
 * subgraph (`src/env.ts`); run as many as the queue needs.
 */
import { runService, startTracing } from '@commerce-graph/kit';
import { startEventWorker } from './app.ts';
import { inventoryConfig } from './config.ts';
import { readEnv } from './env.ts';

startTracing('inventory-events');

await runService(async () => startEventWorker(inventoryConfig(readEnv())));
