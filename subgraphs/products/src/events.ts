/**
 * A products event worker: consumes inventory's availability changes, beside subgraph replicas started with
 * PRODUCTS_EVENT_WORKER=false. Same environment as the subgraph (`src/env.ts`); run as many as the
 * queue needs.
 */
import { runService, startTracing } from '@commerce-graph/kit';
import { startEventWorker } from './app.ts';
import { productsConfig } from './config.ts';
import { readEnv } from './env.ts';

startTracing('products-events');

await runService(async () => startEventWorker(productsConfig(readEnv())));
