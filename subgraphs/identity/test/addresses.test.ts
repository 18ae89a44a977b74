import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@commerce-graph/kit';
import { queueBackends } from '../../../test/support/queues.ts';
import { MAX_ADDRESSES } from '../src/service/address.service.ts';
import { startHarness, type Harness, type Result } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(queueBackends()[0]!);
});

afterAll(async () => {
  await h?.close();
});

const ADDRESS_FIELDS = /* GraphQL */ `
  fragment AddressFields on Address {
    id
    name
    line1
    line2
    city
    postalCode
    region
    countryCode
    phone
  }
`;

const RESULT = /* GraphQL */ `
  fragment AddressResultFields on AddressResult {
    __typename
    ...AddressFields
    ... on UserError {
      code
      message
    }
    ... on InvalidInput {
      field
    }
    ... on AddressNotFound {
      addressId
    }
    ... on AddressLimitReached {
      maxAddresses
    }
  }
  ${ADDRESS_FIELDS}
`;

const HOME = {
  name: 'Ann Smith',
  line1: 'Keizersgracht 123',
  line2: '',
  city: 'Amsterdam',
  postalCode: '1015 CJ',
  countryCode: 'NL',
  phone: '+31 20 123 4567',
};

async function signedIn(): Promise<Actor> {
  return h.actorOf(await h.signUp());
}

async function add(actor: Actor | undefined, input: Record<string, unknown>): Promise<Result> {
  const query = `mutation($input: AddressInput!) { addAddress(input: $input) { ...AddressResultFields } } ${RESULT}`;
  return (await h.run(query, { input }, actor)).addAddress;
}

async function update(actor: Actor, id: string, input: Record<string, unknown>): Promise<Result> {
  const query = `mutation($id: ID!, $input: AddressInput!) {
    updateAddress(id: $id, input: $input) { ...AddressResultFields } } ${RESULT}`;
  return (await h.run(query, { id, input }, actor)).updateAddress;
}

async function remove(actor: Actor | undefined, id: string): Promise<Result> {
  const query = `mutation($id: ID!) { removeAddress(id: $id) {
    __typename ... on AddressRemoved { id } ... on UserError { code } } }`;
  return (await h.run(query, { id }, actor)).removeAddress;
}

async function book(actor: Actor): Promise<Array<Record<string, unknown>>> {
  const query = `{ me { addresses { ...AddressFields } } } ${ADDRESS_FIELDS}`;
  return (await h.run(query, {}, actor)).me.addresses;
}

describe('the address book', () => {
  it('adds, lists, updates and removes addresses of the signed-in customer', async () => {
    const actor = await signedIn();
    const home = await add(actor, HOME);
    expect(home).toMatchObject({ __typename: 'Address', ...HOME, line2: null, region: null });
    const work = await add(actor, { ...HOME, name: 'Ann at work', line1: 'Damrak 1', phone: null });
    expect(await book(actor)).toEqual([
      expect.objectContaining({ id: home.id }),
      expect.objectContaining({ id: work.id, phone: null }),
    ]);

    const moved = await update(actor, home.id as string, {
      ...HOME,
      line1: 'Prinsengracht 263',
      region: 'Noord-Holland',
    });
    expect(moved).toMatchObject({
      id: home.id,
      line1: 'Prinsengracht 263',
      region: 'Noord-Holland',
    });
    expect(await remove(actor, work.id as string)).toEqual({
      __typename: 'AddressRemoved',
      id: work.id,
    });
    expect((await book(actor)).map((a) => a.id)).toEqual([home.id]);
    expect(await remove(actor, work.id as string)).toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
  });

  it("never touches another customer's addresses", async () => {
    const ann = await signedIn();
    const bob = await signedIn();
    const home = await add(ann, HOME);
    expect(await update(bob, home.id as string, { ...HOME, name: 'Bob' })).toMatchObject({
      __typename: 'AddressNotFound',
      addressId: home.id,
    });
    expect(await remove(bob, home.id as string)).toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
    expect(await update(bob, 'not-a-uuid', HOME)).toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
    expect(await update(bob, randomUUID(), HOME)).toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
    expect(await book(ann)).toEqual([expect.objectContaining({ name: 'Ann Smith' })]);
  });

  it('refuses anonymous callers', async () => {
    expect(await add(undefined, HOME)).toMatchObject({
      __typename: 'NotSignedIn',
      code: 'NOT_SIGNED_IN',
    });
    expect(await remove({ kind: 'anonymous' }, randomUUID())).toMatchObject({
      code: 'NOT_SIGNED_IN',
    });
  });

  it('normalises an address by its country: code, postal code and state upper case, text trimmed', async () => {
    const actor = await signedIn();
    expect(
      await add(actor, { ...HOME, name: ' Ann Smith ', countryCode: 'nl', postalCode: '1015cj' }),
    ).toMatchObject({
      __typename: 'Address',
      name: 'Ann Smith',
      countryCode: 'NL',
      postalCode: '1015 CJ',
    });
    expect(
      await add(actor, {
        ...HOME,
        city: 'London',
        postalCode: 'sw1a1aa',
        countryCode: 'GB',
        phone: '',
      }),
    ).toMatchObject({ postalCode: 'SW1A 1AA', countryCode: 'GB', phone: null });
    expect(
      await add(actor, {
        ...HOME,
        city: 'New York',
        postalCode: '10001',
        region: 'ny',
        countryCode: 'US',
      }),
    ).toMatchObject({ postalCode: '10001', region: 'NY' });
    // Where no postal code shape is known, it is optional free text.
    expect(
      await add(actor, { ...HOME, city: 'Hong Kong', postalCode: null, countryCode: 'HK' }),
    ).toMatchObject({ __typename: 'Address', postalCode: null });
    const [home] = await book(actor);
    expect(
      await update(actor, home!.id as string, { ...HOME, countryCode: 'de', postalCode: '10115' }),
    ).toMatchObject({ countryCode: 'DE', postalCode: '10115' });
  });

  it('refuses invalid fields, naming the field, and writes nothing', async () => {
    const actor = await signedIn();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ countryCode: 'NLD' }, 'input.countryCode'],
      [{ countryCode: 'ZZ' }, 'input.countryCode'],
      [{ countryCode: '' }, 'input.countryCode'],
      [{ postalCode: null }, 'input.postalCode'],
      [{ postalCode: '1015' }, 'input.postalCode'],
      [{ countryCode: 'DE', postalCode: '1015 CJ' }, 'input.postalCode'],
      [{ countryCode: 'GB', postalCode: '12345' }, 'input.postalCode'],
      [{ countryCode: 'US', postalCode: '10001' }, 'input.region'],
      [{ countryCode: 'US', postalCode: '10001', region: 'Texas' }, 'input.region'],
      [{ countryCode: 'HK', postalCode: '1'.repeat(21) }, 'input.postalCode'],
      [{ name: '' }, 'input.name'],
      [{ name: 'Ann\u0000' }, 'input.name'],
      [{ city: 'Amster\u202edam' }, 'input.city'],
      [{ line1: 'x'.repeat(201) }, 'input.line1'],
      [{ line2: 'tab\there' }, 'input.line2'],
      [{ phone: 'call me maybe' }, 'input.phone'],
    ];
    for (const [change, field] of cases) {
      expect(await add(actor, { ...HOME, ...change })).toMatchObject({
        __typename: 'InvalidInput',
        code: 'INVALID_INPUT',
        field,
      });
    }
    expect(await book(actor)).toEqual([]);
  });

  it('refuses an update the country rules refuse and keeps the stored address', async () => {
    const actor = await signedIn();
    const home = await add(actor, HOME);
    expect(
      await update(actor, home.id as string, { ...HOME, line1: 'Damrak 1', postalCode: 'AB 1015' }),
    ).toMatchObject({ __typename: 'InvalidInput', field: 'input.postalCode' });
    expect(await book(actor)).toEqual([expect.objectContaining({ line1: HOME.line1 })]);
  });

  it(`keeps at most ${MAX_ADDRESSES} addresses, also when many are added at once`, async () => {
    const actor = await signedIn();
    const results = await Promise.all(
      Array.from({ length: MAX_ADDRESSES + 5 }, (_, i) =>
        add(actor, { ...HOME, name: `Ann ${i}` }),
      ),
    );
    expect(results.filter((r) => r.__typename === 'Address')).toHaveLength(MAX_ADDRESSES);
    expect(results.filter((r) => r.__typename === 'AddressLimitReached')).toHaveLength(5);
    expect(results.find((r) => r.__typename === 'AddressLimitReached')).toMatchObject({
      code: 'ADDRESS_LIMIT_REACHED',
      maxAddresses: MAX_ADDRESSES,
    });
    expect(await book(actor)).toHaveLength(MAX_ADDRESSES);
  });
});
