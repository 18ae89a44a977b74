/**
 * GraphQL documents an attacker sends to knock a gateway over, and the code the gateway refuses
 * each with. The attack tests send them once each; `pnpm bench:abuse` floods with them. `salt`
 * varies the text without changing the shape, so a flood cannot lean on any cache of verdicts.
 */
export interface AbusiveDocument {
  name: string;
  query: string;
  /** `extensions.code` of the refusal (HTTP 400). */
  code: string;
}

const nest = (levels: number, inner: string) =>
  'children { '.repeat(levels) + inner + ' }'.repeat(levels);

/** Every abusive document, made anew for `salt` (any short word of letters and digits). */
export function abusiveDocuments(salt = 'x'): AbusiveDocument[] {
  return [
    {
      name: 'depth bomb (30 levels)',
      query: `query Deep_${salt} { categories { ${nest(30, 'id')} } }`,
      code: 'QUERY_TOO_DEEP',
    },
    {
      name: 'depth bomb through fragments that spread the next twice',
      query:
        `query FragmentDeep_${salt} { categories { ...C0 } } ` +
        Array.from(
          { length: 30 },
          (_, i) =>
            `fragment C${i} on Category { id children { ${i === 29 ? 'id' : `...C${i + 1} ...C${i + 1}`} } }`,
        ).join(' '),
      code: 'QUERY_TOO_DEEP',
    },
    {
      name: 'alias bomb: 100 aliased product lookups',
      query: `query Aliases_${salt} { ${Array.from({ length: 100 }, (_, i) => `a${i}: product(slug: "p${i}") { id }`).join(' ')} }`,
      code: 'QUERY_TOO_MANY_ALIASES',
    },
    {
      name: 'alias bomb: 1,000 aliased product lookups',
      query: `query ManyAliases_${salt} { ${Array.from({ length: 1_000 }, (_, i) => `a${i}: product(slug: "p${i}") { id }`).join(' ')} }`,
      code: 'QUERY_TOO_MANY_TOKENS',
    },
    {
      name: 'one mutation with 100 aliased addCartLine',
      query: `mutation AddMany_${salt} { ${Array.from({ length: 100 }, (_, i) => `l${i}: addCartLine(cartId: "00000000-0000-4000-8000-000000000000", variantId: "v", quantity: 1) { __typename }`).join(' ')} }`,
      code: 'QUERY_TOO_MANY_ALIASES',
    },
    {
      name: 'field duplication: one field 1,900 times',
      query: `query Duplicate_${salt} { products { ${'totalCount '.repeat(1_900)}} }`,
      code: 'QUERY_TOO_MANY_FIELDS',
    },
    {
      name: 'too many root fields',
      query: `query Roots_${salt} { ${Array.from({ length: 15 }, () => 'categories { id }').join(' ')} }`,
      code: 'QUERY_TOO_MANY_ROOT_FIELDS',
    },
    {
      name: 'fragment cycle',
      query: `query Cycle_${salt} { ...A } fragment A on Query { ...B } fragment B on Query { categories { id } ...A }`,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'fragment-spread explosion: 30 fragments spreading the next twice (2^30 fields)',
      query:
        `query Explosion_${salt} { ...F0 } ` +
        Array.from(
          { length: 30 },
          (_, i) =>
            `fragment F${i} on Query { ${i === 29 ? 'categories { id }' : `...F${i + 1} ...F${i + 1}`} }`,
        ).join(' '),
      code: 'QUERY_TOO_MANY_ROOT_FIELDS',
    },
    {
      name: 'fragment chain of 2,000',
      query:
        `query Chain_${salt} { ...F0 } ` +
        Array.from(
          { length: 2_000 },
          (_, i) => `fragment F${i} on Query { ${i === 1_999 ? '__typename' : `...F${i + 1}`} }`,
        ).join(' '),
      code: 'QUERY_TOO_MANY_TOKENS',
    },
    {
      name: '5,000 fragment spreads',
      query: `query Spreads_${salt} { ${'...F '.repeat(5_000)}} fragment F on Query { __typename }`,
      code: 'QUERY_TOO_MANY_TOKENS',
    },
    {
      name: 'directive flood',
      query: `query Directives_${salt} { products { totalCount${' @include(if: true)'.repeat(60)} } }`,
      code: 'QUERY_TOO_MANY_DIRECTIVES',
    },
    {
      name: 'huge string literal',
      query: `query Huge_${salt} { product(slug: "${'a'.repeat(60_000)}") { id } }`,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a NUL byte in a literal',
      query: `query Nul_${salt} { product(slug: "shoe\\u0000") { id } }`,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'query cost over the maximum',
      query: `query Costly_${salt} { products(first: 100) { edges { node { variants { options { name } price { amount } } } } } }`,
      code: 'QUERY_TOO_COMPLEX',
    },
  ];
}
