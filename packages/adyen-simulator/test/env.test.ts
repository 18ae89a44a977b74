import { describe, expect, it } from 'vitest';
import { parseSimulatorEnv, webhookOptionsFromEnv } from '../src/env.ts';
import { HMAC_KEY } from './support/harness.ts';

const valid = {
  ADYEN_API_KEY: 'key',
  ADYEN_HMAC_KEY: HMAC_KEY,
  ADYEN_MERCHANT_ACCOUNT: 'CommerceGraphECOM',
};

describe('parseSimulatorEnv', () => {
  it('applies the default port and treats empty values as unset', () => {
    const result = parseSimulatorEnv({ ...valid, ADYEN_WEBHOOK_URL: '' });

    expect(result).toMatchObject({ ok: true, env: { ADYEN_SIMULATOR_PORT: 4010 } });
    expect(result.ok && result.env.ADYEN_WEBHOOK_URL).toBeUndefined();
  });

  it('lists every problem at once', () => {
    const result = parseSimulatorEnv({
      ADYEN_HMAC_KEY: 'abc',
      ADYEN_SIMULATOR_PORT: 'eighty',
      ADYEN_WEBHOOK_URL: 'not a url',
    });

    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.join('\n');
    for (const name of [
      'ADYEN_API_KEY',
      'ADYEN_HMAC_KEY',
      'ADYEN_MERCHANT_ACCOUNT',
      'ADYEN_SIMULATOR_PORT',
      'ADYEN_WEBHOOK_URL',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('wants webhook Basic auth credentials in pairs', () => {
    const result = parseSimulatorEnv({ ...valid, ADYEN_WEBHOOK_USERNAME: 'adyen' });

    expect(result.ok).toBe(false);
  });

  it('reads webhook faults and retry settings into simulator options', () => {
    const result = parseSimulatorEnv({
      ...valid,
      ADYEN_WEBHOOK_DELAY_MS: '25',
      ADYEN_WEBHOOK_RETRY_DELAYS_MS: '100, 200,400',
      ADYEN_WEBHOOK_TIMEOUT_MS: '5000',
      ADYEN_WEBHOOK_GIVE_UP_AFTER_MS: '60000',
      ADYEN_WEBHOOK_DUPLICATE_RATE: '0.25',
      ADYEN_WEBHOOK_DUPLICATE_EVERY: '3',
      ADYEN_WEBHOOK_REORDER_WINDOW: '4',
      ADYEN_WEBHOOK_BATCH_SIZE: '2',
      ADYEN_WEBHOOK_HOLD_MS: '50',
      ADYEN_WEBHOOK_SEED: '1234',
    });
    if (!result.ok) throw new Error(result.problems.join('; '));

    expect(webhookOptionsFromEnv(result.env)).toEqual({
      webhookDelayMs: 25,
      retryDelaysMs: [100, 200, 400],
      webhookTimeoutMs: 5000,
      webhookGiveUpAfterMs: 60000,
      webhookFaults: {
        duplicateRate: 0.25,
        duplicateEvery: 3,
        reorderWindow: 4,
        batchSize: 2,
        holdMs: 50,
        seed: 1234,
      },
    });
  });

  it("selects Adyen's real retry schedule by name and leaves unset options out", () => {
    const result = parseSimulatorEnv({ ...valid, ADYEN_WEBHOOK_RETRY_DELAYS_MS: 'adyen' });
    if (!result.ok) throw new Error(result.problems.join('; '));

    expect(webhookOptionsFromEnv(result.env)).toEqual({
      retryDelaysMs: 'adyen',
    });
  });

  it('rejects malformed webhook fault settings', () => {
    const result = parseSimulatorEnv({
      ...valid,
      ADYEN_WEBHOOK_RETRY_DELAYS_MS: '100,soon',
      ADYEN_WEBHOOK_DUPLICATE_RATE: '1.5',
      ADYEN_WEBHOOK_BATCH_SIZE: '0',
      ADYEN_WEBHOOK_SEED: '-1',
    });

    expect(result.ok).toBe(false);
    const problems = result.ok ? '' : result.problems.join('\n');
    for (const name of [
      'ADYEN_WEBHOOK_RETRY_DELAYS_MS',
      'ADYEN_WEBHOOK_DUPLICATE_RATE',
      'ADYEN_WEBHOOK_BATCH_SIZE',
      'ADYEN_WEBHOOK_SEED',
    ]) {
      expect(problems).toContain(name);
    }
  });
});
