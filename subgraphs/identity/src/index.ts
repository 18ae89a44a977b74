import { runService, startTracing } from '@commerce-graph/kit';
import { startIdentity } from './app.ts';
import { identityConfig } from './config.ts';
import { readEnv } from './env.ts';

// First, so that everything this process starts is traced (when OTLP is configured).
startTracing('identity');

await runService(async () => startIdentity(identityConfig(readEnv())));
