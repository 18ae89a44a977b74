import { z } from 'zod';

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
