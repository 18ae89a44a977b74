import { runService, startTracing } from '@commerce-graph/kit';
import { startProducts } from './app.ts';
import { productsConfig } from './config.ts';
import { readEnv } from './env.ts';

// First, so that everything this process starts is traced (when OTLP is configured).
startTracing('products');

await runService(async () => startProducts(productsConfig(readEnv())));
