import { describe, expect, it } from 'vitest';
import { ConfigError } from '@commerce-graph/kit';
import { readEnv as readGatewayEnv } from '../gateway/src/env.ts';
import { readEnv as readCartEnv } from '../subgraphs/cart/src/env.ts';
import { readEnv as readCheckoutEnv } from '../subgraphs/checkout/src/env.ts';
import { readEnv as readIdentityEnv } from '../subgraphs/identity/src/env.ts';
import { readEnv as readInventoryEnv } from '../subgraphs/inventory/src/env.ts';
import { readEnv as readProductsEnv } from '../subgraphs/products/src/env.ts';

type Source = Record<string, string | undefined>;
const database = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/shop' };
/** Each service with the least environment it starts with in development. */
const SERVICES: Array<{ name: string; readEnv: (source: Source) => unknown; valid: Source }> = [
  { name: 'gateway', readEnv: readGatewayEnv, valid: {} },
  { name: 'products', readEnv: readProductsEnv, valid: database },
  { name: 'inventory', readEnv: readInventoryEnv, valid: database },
  { name: 'cart', readEnv: readCartEnv, valid: database },
  {
    name: 'checkout',
    readEnv: readCheckoutEnv,
    valid: {
      ...database,
      ADYEN_API_KEY: 'test-key',
      ADYEN_MERCHANT_ACCOUNT: 'CommerceGraphECOM',
      ADYEN_HMAC_KEY: 'ab'.repeat(32),
    },
  },
  {
    name: 'identity',
    readEnv: readIdentityEnv,
    valid: { ...database, ACCESS_TOKEN_SECRET: 's'.repeat(32) },
  },
];
const TOKEN = 'x'.repeat(32);
const MISSING = 'INTERNAL_TOKEN: required when NODE_ENV is production';

/** The problems `readEnv` reports for `source`, or [] when it accepts it. */
function problemsIn(readEnv: (source: Source) => unknown, source: Source): string[] {
  try {
    readEnv(source);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

for (const { name, readEnv, valid } of SERVICES) {
  const problemsOf = (source: Source) => problemsIn(readEnv, source);

  describe(`${name} configuration`, () => {
    it('refuses production without INTERNAL_TOKEN (an empty one counts as none)', () => {
      expect(problemsOf({ ...valid, NODE_ENV: 'production' })).toEqual([MISSING]);
      expect(problemsOf({ ...valid, NODE_ENV: 'production', INTERNAL_TOKEN: '' })).toEqual([
        MISSING,
      ]);
      expect(problemsOf({ ...valid, NODE_ENV: 'production', INTERNAL_TOKEN: 'short' })).toEqual([
        'INTERNAL_TOKEN: use at least 32 characters',
      ]);
    });

    it('lists the missing token together with the other problems', () => {
      const problems = problemsOf({ ...valid, NODE_ENV: 'production', LOG_LEVEL: 'loud' });
      expect(problems).toContain(MISSING);
      expect(problems.some((p) => p.startsWith('LOG_LEVEL:'))).toBe(true);
    });

    it('runs in production with a token, and in development without one', () => {
      expect(problemsOf({ ...valid, NODE_ENV: 'production', INTERNAL_TOKEN: TOKEN })).toEqual([]);
      expect(problemsOf(valid)).toEqual([]);
      expect(problemsOf({ ...valid, NODE_ENV: 'test' })).toEqual([]);
    });
  });
}

describe('checkout CHECKOUT_RETURN_URL_ORIGINS', () => {
  const valid = SERVICES.find((service) => service.name === 'checkout')!.valid;
  const shop = { ...valid, RETURN_URL: 'https://shop.example/checkout/return' };

  it('defaults to the development origins, which hold the default RETURN_URL', () => {
    expect(readCheckoutEnv(valid).CHECKOUT_RETURN_URL_ORIGINS).toEqual([
      'http://localhost:3000',
      'http://localhost:4000',
    ]);
  });

  it('reads a comma-separated list, trimmed', () => {
    const env = readCheckoutEnv({
      ...shop,
      CHECKOUT_RETURN_URL_ORIGINS: ' https://shop.example, https://m.shop.example:8443 ',
    });

    expect(env.CHECKOUT_RETURN_URL_ORIGINS).toEqual([
      'https://shop.example',
      'https://m.shop.example:8443',
    ]);
  });

  it.each([
    ['a path', 'https://shop.example/checkout'],
    ['a trailing slash', 'https://shop.example/'],
    ['another scheme', 'ftp://shop.example'],
    ['upper case', 'https://Shop.example'],
    ['no URL at all', 'shop.example'],
  ])('refuses an origin with %s', (_, origin) => {
    const problems = problemsIn(readCheckoutEnv, {
      ...shop,
      CHECKOUT_RETURN_URL_ORIGINS: `https://shop.example,${origin}`,
    });

    expect(problems).toEqual([
      expect.stringMatching(/^CHECKOUT_RETURN_URL_ORIGINS\.1: each origin is http\(s\):\/\//),
    ]);
  });

  it('refuses a RETURN_URL on none of the origins', () => {
    expect(
      problemsIn(readCheckoutEnv, {
        ...valid,
        CHECKOUT_RETURN_URL_ORIGINS: 'https://shop.example',
      }),
    ).toEqual(["RETURN_URL: RETURN_URL's origin must be one of CHECKOUT_RETURN_URL_ORIGINS"]);
  });
});
