/**
 * A cart event worker: consumes checkout's order and payment events and identity's erasures, beside subgraph replicas started with
 * CART_EVENT_WORKER=false. Same environment as the subgraph (`src/env.ts`); run as many as the
 * queue needs.
 */
import { runService, startTracing } from '@commerce-graph/kit';
import { startEventWorker } from './app.ts';
import { cartConfig } from './config.ts';
import { readEnv } from './env.ts';

startTracing('cart-events');

await runService(async () => startEventWorker(cartConfig(readEnv())));
