import { runService } from '@commerce-graph/kit';
import { startCheckout } from './app.ts';
import { checkoutConfig } from './config.ts';
import { readEnv } from './env.ts';

await runService(async () => startCheckout(checkoutConfig(readEnv())));
