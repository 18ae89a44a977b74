import { runService, startTracing } from '@commerce-graph/kit';
import { startInventory } from './app.ts';
import { inventoryConfig } from './config.ts';
import { readEnv } from './env.ts';

// First, so that everything this process starts is traced (when OTLP is configured).
startTracing('inventory');

await runService(async () => startInventory(inventoryConfig(readEnv())));
