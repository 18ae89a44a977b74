import { parseSimulatorEnv, webhookOptionsFromEnv } from './env.ts';
import { createAdyenSimulator } from './simulator.ts';

// Standalone entry: `tsx packages/adyen-simulator/src/main.ts`.

const SHUTDOWN_GRACE_MS = 10_000;

const parsed = parseSimulatorEnv();
if (!parsed.ok) {
  console.error(
    `Invalid adyen-simulator configuration:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(1);
}
const env = parsed.env;

function log(msg: string, fields: object = {}): void {
  const { level = 'info', ...rest } = fields as { level?: string };
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    name: 'adyen-simulator',
    msg,
    ...rest,
  });
  if (level === 'info') console.log(line);
  else console.error(line);
}

const simulator = createAdyenSimulator({
  apiKey: env.ADYEN_API_KEY,
  hmacKeyHex: env.ADYEN_HMAC_KEY,
  merchantAccount: env.ADYEN_MERCHANT_ACCOUNT,
  webhookUrl: env.ADYEN_WEBHOOK_URL,
  webhookBasicAuth:
    env.ADYEN_WEBHOOK_USERNAME === undefined || env.ADYEN_WEBHOOK_PASSWORD === undefined
      ? undefined
      : { username: env.ADYEN_WEBHOOK_USERNAME, password: env.ADYEN_WEBHOOK_PASSWORD },
  ...webhookOptionsFromEnv(env),
  log,
});

await simulator.listen(env.ADYEN_SIMULATOR_PORT, env.ADYEN_SIMULATOR_HOST);
if (env.ADYEN_WEBHOOK_URL === undefined) log('ADYEN_WEBHOOK_URL not set: no webhooks will be sent');
else log('webhook fault seed', { seed: simulator.webhookSeed });

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('shutting down', { signal });
  // A stuck close must not keep the process alive forever; unref so it never delays a clean exit.
  setTimeout(() => {
    log('forced exit after shutdown timeout', { level: 'error' });
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  try {
    await simulator.close();
    process.exitCode = 0;
  } catch (error) {
    log('shutdown failed', { level: 'error', error: String(error) });
    process.exitCode = 1;
  }
}

process.once('SIGINT', (signal) => void shutdown(signal));
process.once('SIGTERM', (signal) => void shutdown(signal));
