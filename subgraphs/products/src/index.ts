import { runService, startTracing } from '@commerce-graph/kit';
import { startProducts } from './app.ts';
import { readEnv } from './env.ts';

// First, so that everything this process starts is traced (when OTLP is configured).
startTracing('products');

await runService(async () => {
  const env = readEnv();
  return startProducts({
    databaseUrl: env.DATABASE_URL,
    queue: { redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL },
    port: env.PRODUCTS_PORT,
    host: env.HOST,
    migrate: env.MIGRATE_ON_START,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    internalToken: env.INTERNAL_TOKEN,
  });
});
