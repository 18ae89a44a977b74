import { runService, startTracing } from '@commerce-graph/kit';
import { startCart } from './app.ts';
import { cartConfig } from './config.ts';
import { readEnv } from './env.ts';

// First, so that everything this process starts is traced (when OTLP is configured).
startTracing('cart');

await runService(async () => startCart(cartConfig(readEnv())));
