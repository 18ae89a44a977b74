import { describe, expect, it } from 'vitest';
import { parsePostalAddress, type AddressProblemReason, type PostalAddress } from '../src/index.ts';

/** A complete address in `countryCode`, with the fields its country requires. */
const addressIn = (countryCode: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Jane van Dijk',
  line1: 'Keizersgracht 1',
  city: 'Somewhere',
  postalCode: { NL: '1015 CJ', DE: '10115', BE: '1000', FR: '75001', GB: 'SW1A 1AA', US: '10001' }[
    countryCode
  ],
  region: countryCode === 'US' ? 'NY' : undefined,
  countryCode,
  ...overrides,
});

const accepted = (input: unknown): PostalAddress => {
  const parsed = parsePostalAddress(input);
  if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.problem)}`);
  return parsed.value;
};

const refusal = (input: unknown) => {
  const parsed = parsePostalAddress(input);
  if (parsed.ok) throw new Error(`accepted: ${JSON.stringify(parsed.value)}`);
  return parsed.problem;
};

const refusedAs = (input: unknown, field: keyof PostalAddress, reason: AddressProblemReason) =>
  expect(refusal(input)).toMatchObject({ field, reason, message: expect.any(String) });

describe('parsePostalAddress', () => {
  it('returns the whole address with absent optional fields as null', () => {
    expect(accepted(addressIn('NL'))).toEqual({
      name: 'Jane van Dijk',
      line1: 'Keizersgracht 1',
      line2: null,
      city: 'Somewhere',
      postalCode: '1015 CJ',
      region: null,
      countryCode: 'NL',
      phone: null,
    });
  });

  describe('postal codes of the countries that require one', () => {
    it.each([
      // [country, as typed, as stored]
      ['NL', '1015 CJ', '1015 CJ'],
      ['NL', '1015cj', '1015 CJ'],
      ['NL', ' 1015  cj ', '1015 CJ'],
      ['DE', '10115', '10115'],
      ['DE', '01067', '01067'],
      ['BE', '1000', '1000'],
      ['BE', '9000', '9000'],
      ['FR', '75001', '75001'],
      ['FR', '75 001', '75001'],
      ['FR', '20000', '20000'],
      ['GB', 'SW1A 1AA', 'SW1A 1AA'],
      ['GB', 'sw1a1aa', 'SW1A 1AA'],
      ['GB', 'M1 1AE', 'M1 1AE'],
      ['GB', 'm11ae', 'M1 1AE'],
      ['GB', 'B33 8TH', 'B33 8TH'],
      ['GB', 'CR2 6XH', 'CR2 6XH'],
      ['GB', 'DN55 1PT', 'DN55 1PT'],
      ['GB', 'W1A 0AX', 'W1A 0AX'],
      ['US', '10001', '10001'],
      ['US', '10001-1234', '10001-1234'],
    ])('%s accepts %j and stores %j', (country, typed, stored) => {
      expect(accepted(addressIn(country, { postalCode: typed })).postalCode).toBe(stored);
    });

    it.each([
      ['NL', '1015'],
      ['NL', '1015 C'],
      ['NL', '1015 CJX'],
      ['NL', 'CJ 1015'],
      ['NL', '0123 AB'],
      ['NL', '10155 CJ'],
      ['DE', '1011'],
      ['DE', '101155'],
      ['DE', 'D-10115'],
      ['DE', '1O115'],
      ['BE', '100'],
      ['BE', '10000'],
      ['BE', 'B-1000'],
      ['FR', '7500'],
      ['FR', '750011'],
      ['FR', 'F75001'],
      ['GB', 'SW1A'],
      ['GB', '1AA SW1'],
      ['GB', 'SW1A 1A'],
      ['GB', 'SW1A-1AA'],
      ['US', '1000'],
      ['US', '100011'],
      ['US', '10001-123'],
      ['US', '10001 1234 5'],
      ['US', 'ABCDE'],
    ])('%s refuses %j', (country, typed) => {
      refusedAs(addressIn(country, { postalCode: typed }), 'postalCode', 'INVALID_POSTAL_CODE');
    });

    it.each(['NL', 'DE', 'BE', 'FR', 'GB', 'US'])('%s requires one', (country) => {
      for (const postalCode of [undefined, null, '', '   ']) {
        refusedAs(addressIn(country, { postalCode }), 'postalCode', 'REQUIRED');
      }
    });

    it('names the shape it expects in the message', () => {
      expect(refusal(addressIn('NL', { postalCode: '1015' })).message).toContain('1234 AB');
    });
  });

  describe('postal codes elsewhere', () => {
    it('are optional', () => {
      expect(accepted({ ...addressIn('IE'), postalCode: null }).postalCode).toBeNull();
      expect(accepted({ ...addressIn('IE'), postalCode: '' }).postalCode).toBeNull();
    });

    it('are checked against the shape postcode-validator knows, upper case', () => {
      expect(accepted(addressIn('CA', { postalCode: 'k1a  0b1' })).postalCode).toBe('K1A 0B1');
      expect(accepted(addressIn('AT', { postalCode: '1010' })).postalCode).toBe('1010');
      refusedAs(addressIn('AT', { postalCode: '10100' }), 'postalCode', 'INVALID_POSTAL_CODE');
      refusedAs(addressIn('CA', { postalCode: '12345' }), 'postalCode', 'INVALID_POSTAL_CODE');
    });

    it('are free text of at most 20 characters where no shape is known', () => {
      // Hong Kong has no postal codes; postcode-validator has no pattern for it.
      expect(accepted(addressIn('HK', { postalCode: 'Kowloon 999077' })).postalCode).toBe(
        'Kowloon 999077',
      );
      expect(accepted(addressIn('HK', { postalCode: 'x'.repeat(20) })).postalCode).toHaveLength(20);
      refusedAs(addressIn('HK', { postalCode: 'x'.repeat(21) }), 'postalCode', 'INVALID_TEXT');
    });
  });

  describe('countryCode', () => {
    it('accepts lower case and stores upper case', () => {
      expect(accepted(addressIn('nl', { postalCode: '1015 CJ' })).countryCode).toBe('NL');
      expect(accepted(addressIn(' de ', { postalCode: '10115' })).countryCode).toBe('DE');
    });

    it('applies the country rules whatever case the code came in', () => {
      refusedAs(addressIn('us', { postalCode: '10001' }), 'region', 'REQUIRED');
    });

    it.each(['ZZ', 'XX', 'UK', 'EU', 'NLD', 'N', '528', 'N1', 7])(
      'refuses %j as unknown',
      (code) => {
        refusedAs(addressIn('NL', { countryCode: code }), 'countryCode', 'UNKNOWN_COUNTRY');
      },
    );

    it.each([undefined, null, '', '  '])('requires one (%j)', (code) => {
      refusedAs(addressIn('NL', { countryCode: code }), 'countryCode', 'REQUIRED');
    });
  });

  describe('region', () => {
    it('is a US state code, stored upper case', () => {
      expect(accepted(addressIn('US', { region: 'ny' })).region).toBe('NY');
      expect(accepted(addressIn('US', { region: 'DC' })).region).toBe('DC');
      expect(accepted(addressIn('US', { region: 'WY' })).region).toBe('WY');
    });

    it.each(['New York', 'PR', 'GU', 'XX', 'N'])('refuses %j in the US', (region) => {
      refusedAs(addressIn('US', { region }), 'region', 'INVALID_REGION');
    });

    it.each([undefined, null, ''])('is required in the US (%j)', (region) => {
      refusedAs(addressIn('US', { region }), 'region', 'REQUIRED');
    });

    it('is optional free text of at most 100 characters elsewhere', () => {
      expect(accepted(addressIn('NL')).region).toBeNull();
      expect(accepted(addressIn('NL', { region: 'Noord-Holland' })).region).toBe('Noord-Holland');
      refusedAs(addressIn('NL', { region: 'x'.repeat(101) }), 'region', 'INVALID_TEXT');
    });
  });

  describe('text fields', () => {
    it.each(['name', 'line1', 'city'])('requires %s', (field) => {
      for (const value of [undefined, null, '', '   ']) {
        refusedAs(addressIn('NL', { [field]: value }), field as keyof PostalAddress, 'REQUIRED');
      }
    });

    it.each([
      ['name', 100],
      ['line1', 200],
      ['line2', 200],
      ['city', 100],
    ])('limits %s to %i characters', (field, max) => {
      expect(accepted(addressIn('NL', { [field]: 'x'.repeat(max) }))).toBeTruthy();
      refusedAs(
        addressIn('NL', { [field]: 'x'.repeat(max + 1) }),
        field as keyof PostalAddress,
        'INVALID_TEXT',
      );
    });

    it.each(['name', 'line1', 'line2', 'city', 'region', 'phone', 'postalCode'])(
      'refuses control and invisible characters in %s',
      (field) => {
        for (const value of ['a\u0000b', 'a\nb', 'a\u202eb', 'a\u200bb', 'a\ud800b']) {
          refusedAs(
            addressIn('HK', { [field]: value }),
            field as keyof PostalAddress,
            'INVALID_TEXT',
          );
        }
      },
    );

    it('refuses a value that is not a string', () => {
      refusedAs(addressIn('NL', { name: 42 }), 'name', 'INVALID_TEXT');
      refusedAs(addressIn('NL', { postalCode: 1015 }), 'postalCode', 'INVALID_TEXT');
    });

    it('trims, NFC-normalises and stores absent optional text as null', () => {
      const value = accepted(
        addressIn('NL', { name: '  Zoe\u0308 Jansen ', line2: '  ', city: ' Amsterdam' }),
      );
      expect(value.name).toBe('Zoë Jansen');
      expect(value.name.normalize('NFC')).toBe(value.name);
      expect(value.line2).toBeNull();
      expect(value.city).toBe('Amsterdam');
    });

    it('keeps ordinary spaces, accents and emoji inside text', () => {
      const value = accepted(
        addressIn('NL', { line2: 'Huis  3 🙂', city: "Den Haag 's-Gravenhage" }),
      );
      expect(value.line2).toBe('Huis  3 🙂');
      expect(value.city).toBe("Den Haag 's-Gravenhage");
    });
  });

  describe('phone', () => {
    it.each(['+31 20 123 4567', '020-1234567', '+1 (212) 555.0100', '+44/20/7946/0958'])(
      'accepts %j',
      (phone) => {
        expect(accepted(addressIn('NL', { phone })).phone).toBe(phone);
      },
    );

    it.each(['call me', '+', '++31 20', '-1234', '0612345678 ext 3'])('refuses %j', (phone) => {
      refusedAs(addressIn('NL', { phone }), 'phone', 'INVALID_PHONE');
    });

    it('is optional and limited to 32 characters', () => {
      expect(accepted(addressIn('NL', { phone: '' })).phone).toBeNull();
      expect(accepted(addressIn('NL', { phone: '1'.repeat(32) })).phone).toHaveLength(32);
      refusedAs(addressIn('NL', { phone: '1'.repeat(33) }), 'phone', 'INVALID_TEXT');
    });
  });

  it('reports the first problem in field order', () => {
    refusedAs({ countryCode: 'ZZ', postalCode: 'bad' }, 'name', 'REQUIRED');
    refusedAs(addressIn('ZZ', { city: '' }), 'city', 'REQUIRED');
    refusedAs(addressIn('ZZ', { postalCode: '1' }), 'countryCode', 'UNKNOWN_COUNTRY');
    refusedAs(
      addressIn('US', { postalCode: '1', region: 'XX', phone: 'x' }),
      'postalCode',
      'INVALID_POSTAL_CODE',
    );
    refusedAs(addressIn('US', { region: 'XX', phone: 'x' }), 'region', 'INVALID_REGION');
  });

  it('treats an input that is not an object as empty', () => {
    for (const input of [null, undefined, 'NL', 42]) refusedAs(input, 'name', 'REQUIRED');
  });

  it('ignores fields it does not know', () => {
    expect(accepted({ ...addressIn('NL'), id: 'x', __typename: 'Address' })).not.toHaveProperty(
      'id',
    );
  });
});
