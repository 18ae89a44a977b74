/**
 * A identity event worker: consumes mails, audit events and partner webhooks, beside subgraph replicas started with
 * IDENTITY_EVENT_WORKER=false. Same environment as the subgraph (`src/env.ts`); run as many as the
 * queue needs.
 */
import { runService, startTracing } from '@commerce-graph/kit';
import { startEventWorker } from './app.ts';
import { identityConfig } from './config.ts';
import { readEnv } from './env.ts';

startTracing('identity-events');

await runService(async () => startEventWorker(identityConfig(readEnv())));
