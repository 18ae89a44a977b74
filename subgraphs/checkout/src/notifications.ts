/**
 * A checkout notification worker: applies the Adyen notifications the webhook stored and
 * queued, beside subgraph replicas started with CHECKOUT_NOTIFICATION_WORKER=false. Same
 * environment as the subgraph (`src/env.ts`); run as many as the queue needs.
 */
import { runService, startTracing } from '@commerce-graph/kit';
import { startNotificationWorker } from './app.ts';
import { checkoutConfig } from './config.ts';
import { readEnv } from './env.ts';

startTracing('checkout-notifications');

await runService(async () => startNotificationWorker(checkoutConfig(readEnv())));
