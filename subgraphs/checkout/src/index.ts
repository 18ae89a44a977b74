import { runService, startTracing } from '@commerce-graph/kit';
import { startCheckout } from './app.ts';
import { checkoutConfig } from './config.ts';
import { readEnv } from './env.ts';

// First, so that everything this process starts is traced (when OTLP is configured).
startTracing('checkout');

await runService(async () => startCheckout(checkoutConfig(readEnv())));
