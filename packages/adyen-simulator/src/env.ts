import { z } from 'zod';
import type { AdyenSimulatorOptions } from './simulator.ts';
import type { WebhookFaults } from './webhook-dispatcher.ts';

const milliseconds = z.coerce.number().int().min(0);
const count = z.coerce.number().int().min(0);

const envSchema = z
  .object({
    ADYEN_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    ADYEN_SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
    ADYEN_API_KEY: z.string({ error: 'is required' }),
    ADYEN_HMAC_KEY: z
      .string({ error: 'is required' })
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (the key from the Customer Area)'),
    ADYEN_MERCHANT_ACCOUNT: z.string({ error: 'is required' }),
    ADYEN_WEBHOOK_URL: z.url().optional(),
    ADYEN_WEBHOOK_USERNAME: z.string().optional(),
    ADYEN_WEBHOOK_PASSWORD: z.string().optional(),
    ADYEN_WEBHOOK_DELAY_MS: milliseconds.optional(),
    ADYEN_WEBHOOK_RETRY_DELAYS_MS: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (value.toLowerCase() === 'adyen') return 'adyen' as const;
        const parts = value.split(',').map((part) => part.trim());
        if (parts.some((part) => !/^\d+$/.test(part))) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be "adyen" or milliseconds separated by commas, e.g. 200,400,800',
          });
          return z.NEVER;
        }
        return parts.map(Number);
      })
      .optional(),
    ADYEN_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1).optional(),
    ADYEN_WEBHOOK_GIVE_UP_AFTER_MS: milliseconds.optional(),
    ADYEN_WEBHOOK_DUPLICATE_RATE: z.coerce.number().min(0).max(1).optional(),
    ADYEN_WEBHOOK_DUPLICATE_EVERY: count.optional(),
    ADYEN_WEBHOOK_REORDER_WINDOW: count.optional(),
    ADYEN_WEBHOOK_BATCH_SIZE: z.coerce.number().int().min(1).optional(),
    ADYEN_WEBHOOK_HOLD_MS: milliseconds.optional(),
    ADYEN_WEBHOOK_SEED: z.coerce.number().int().min(0).max(0xffffffff).optional(),
  })
  .refine(
    (env) =>
      (env.ADYEN_WEBHOOK_USERNAME === undefined) === (env.ADYEN_WEBHOOK_PASSWORD === undefined),
    {
      message: 'set both ADYEN_WEBHOOK_USERNAME and ADYEN_WEBHOOK_PASSWORD, or neither',
      path: ['ADYEN_WEBHOOK_USERNAME'],
    },
  );

/** The simulator's validated configuration. */
export type SimulatorEnv = z.output<typeof envSchema>;

export type SimulatorEnvResult =
  { ok: true; env: SimulatorEnv } | { ok: false; problems: string[] };

/** Parses the simulator's configuration; the only place in this package that reads process.env. */
export function parseSimulatorEnv(
  source: Record<string, string | undefined> = process.env,
): SimulatorEnvResult {
  // Empty strings count as unset, so `ADYEN_WEBHOOK_URL=` behaves like no URL at all.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    problems: result.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
    ),
  };
}

/** The webhook delivery options of `createAdyenSimulator` that the environment sets. */
export function webhookOptionsFromEnv(env: SimulatorEnv): Partial<AdyenSimulatorOptions> {
  const faults: WebhookFaults = {
    duplicateRate: env.ADYEN_WEBHOOK_DUPLICATE_RATE,
    duplicateEvery: env.ADYEN_WEBHOOK_DUPLICATE_EVERY,
    reorderWindow: env.ADYEN_WEBHOOK_REORDER_WINDOW,
    batchSize: env.ADYEN_WEBHOOK_BATCH_SIZE,
    holdMs: env.ADYEN_WEBHOOK_HOLD_MS,
    seed: env.ADYEN_WEBHOOK_SEED,
  };
  const options: Partial<AdyenSimulatorOptions> = {
    webhookDelayMs: env.ADYEN_WEBHOOK_DELAY_MS,
    retryDelaysMs: env.ADYEN_WEBHOOK_RETRY_DELAYS_MS,
    webhookTimeoutMs: env.ADYEN_WEBHOOK_TIMEOUT_MS,
    webhookGiveUpAfterMs: env.ADYEN_WEBHOOK_GIVE_UP_AFTER_MS,
    webhookFaults: Object.values(faults).some((v) => v !== undefined)
      ? withoutUndefined(faults)
      : undefined,
  };
  return withoutUndefined(options);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
