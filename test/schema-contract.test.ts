import { describe, expect, it } from 'vitest';
import {
  acceptedBreakingChanges,
  checkCommittedSchemaContract,
  checkSchemaContract,
  formatSchemaContractReport,
} from '../scripts/schema-contract.ts';

const RELEASED = /* GraphQL */ `
  type Query {
    product(slug: String!): Product
  }
  type Product {
    slug: String!
    name: String!
    legacyName: String
  }
`;

const changelog = (...accepted: string[]) =>
  ['# Public API changelog', '', '## Unreleased', '', ...accepted, '', '## 1.0.0', ''].join('\n');

describe('the schema contract', () => {
  it('holds for the committed schema/api.graphql against schema/released/api.graphql', async () => {
    const report = await checkCommittedSchemaContract();
    expect(report.unaccepted, formatSchemaContractReport(report)).toEqual([]);
    expect(report.deprecationProblems, formatSchemaContractReport(report)).toEqual([]);
  });

  it('catches a removed field and a field turned nullable', async () => {
    const current = RELEASED.replace('legacyName: String\n', '').replace(
      'name: String!',
      'name: String',
    );
    const report = await checkSchemaContract({
      released: RELEASED,
      current,
      changelog: changelog(),
    });
    expect(report.unaccepted.map((change) => change.coordinate).sort()).toEqual([
      'Product.legacyName',
      'Product.name',
    ]);
    expect(formatSchemaContractReport(report)).toMatch(/BREAKING {2}Product\.legacyName: /);
    expect(formatSchemaContractReport(report)).toMatch(/schema contract broken: 2 problem/);
  });

  it('accepts breaking changes listed with a reason under Unreleased in the changelog', async () => {
    const current = RELEASED.replace('legacyName: String\n', '').replace(
      'name: String!',
      'name: String',
    );
    const report = await checkSchemaContract({
      released: RELEASED,
      current,
      changelog: changelog(
        '- BREAKING Product.legacyName: removed after its deprecation in 1.1.0; use Product.name.',
        '- BREAKING Product.name: null for products imported without a name.',
      ),
    });
    expect(report.unaccepted).toEqual([]);
    expect(report.accepted.map((change) => change.reason)).toContain(
      'null for products imported without a name.',
    );
  });

  it('does not accept a line without a reason, or one under an earlier release', async () => {
    const current = RELEASED.replace('legacyName: String\n', '');
    const withoutReason = await checkSchemaContract({
      released: RELEASED,
      current,
      changelog: changelog('- BREAKING Product.legacyName:'),
    });
    expect(withoutReason.unaccepted.map((change) => change.coordinate)).toEqual([
      'Product.legacyName',
    ]);
    const underRelease = await checkSchemaContract({
      released: RELEASED,
      current,
      changelog: `${changelog()}- BREAKING Product.legacyName: removed in 1.0.0.\n`,
    });
    expect(underRelease.unaccepted.map((change) => change.coordinate)).toEqual([
      'Product.legacyName',
    ]);
  });

  it('passes additions: a new type, field and optional argument', async () => {
    const current = RELEASED.replace(
      'product(slug: String!): Product',
      'product(slug: String!, currencyCode: String): Product\n    brand: Brand',
    ).concat('\n  type Brand {\n    name: String!\n  }\n');
    const report = await checkSchemaContract({
      released: RELEASED,
      current,
      changelog: changelog(),
    });
    expect(report.unaccepted).toEqual([]);
    // A new optional argument is "dangerous" (a client may not send it), not breaking.
    expect(report.dangerous.join('\n')).toMatch(/Query\.product\.currencyCode/);
    expect(formatSchemaContractReport(report)).toMatch(/^schema contract holds/m);
  });

  it('enforces the deprecation policy: a replacement and a removal date', async () => {
    const deprecate = (reason: string) =>
      RELEASED.replace('legacyName: String', `legacyName: String @deprecated(reason: "${reason}")`);
    const good = await checkSchemaContract({
      released: RELEASED,
      current: deprecate('Use Product.name instead. Removal: 2027-06-01.'),
      changelog: changelog(),
    });
    expect(good.deprecationProblems).toEqual([]);
    for (const reason of [
      'No longer supported',
      'Use Product.name instead.',
      'Removal: 2027-06-01.',
    ]) {
      const bad = await checkSchemaContract({
        released: RELEASED,
        current: deprecate(reason),
        changelog: changelog(),
      });
      expect(bad.deprecationProblems, reason).toEqual([
        expect.stringMatching(/^Product\.legacyName is deprecated with /),
      ]);
    }
  });
});

describe('acceptedBreakingChanges', () => {
  it('reads the BREAKING lines of the Unreleased section only', () => {
    const accepted = acceptedBreakingChanges(
      [
        '## Unreleased',
        '- BREAKING Query.cart.id: renamed to cartId; use Query.cart(cartId:).',
        'Some prose that mentions - BREAKING Other.thing: not at the start of a line.',
        '## 1.0.0',
        '- BREAKING Product.slug: an old acceptance.',
      ].join('\n'),
    );
    expect([...accepted]).toEqual([
      ['Query.cart.id', 'renamed to cartId; use Query.cart(cartId:).'],
    ]);
  });
});
