import { describe, expect, it } from 'vitest';
import { parseSimulatorEnv } from '../src/env.ts';
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
});
