import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  internalHeaders,
  signIdentityAssertion,
  type Actor,
  type RunningService,
} from '@commerce-graph/kit';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { graphql as post } from '../../../test/support/graphql.ts';
import { queueBackends } from '../../../test/support/queues.ts';
import { migrationsFolder, startProducts } from '../src/app.ts';

const INTERNAL_TOKEN = 'products-admin-test-internal-token-0123456789';
const staff: Actor = {
  kind: 'customer',
  customerId: randomUUID(),
  sessionId: randomUUID(),
  permissions: ['catalog:write'],
};
const shopper: Actor = { kind: 'customer', customerId: randomUUID(), sessionId: randomUUID() };
const stockManager: Actor = {
  kind: 'customer',
  customerId: randomUUID(),
  sessionId: randomUUID(),
  permissions: ['stock:write'],
};
const partner: Actor = { kind: 'partner', keyId: randomUUID(), scopes: ['catalog:write'] };

// The small catalog every test starts from (inserted with SQL, not through the API).
const ids = {
  apparel: randomUUID(),
  jackets: randomUUID(),
  parkas: randomUUID(),
  footwear: randomUUID(),
  brand: randomUUID(),
  material: randomUUID(),
  waterproof: randomUUID(),
  weight: randomUUID(),
  care: randomUUID(),
  jacketType: randomUUID(),
  published: randomUUID(),
  publishedVariant: randomUUID(),
};

let database: TestDatabase;
let service: RunningService;
let sql: postgres.Sql;

/** Posts as the gateway does: the internal token, and the actor's signed assertion if any. */
async function gql<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
  actor?: Actor,
) {
  const headers = internalHeaders(INTERNAL_TOKEN);
  if (actor) headers[IDENTITY_HEADER] = await signIdentityAssertion(INTERNAL_TOKEN, actor);
  const response = await post<T>(service.url, query, variables, headers);
  // A document the schema refuses has no `data` at all: say why rather than fail further on.
  if (response.data === undefined)
    throw new Error(JSON.stringify(response.errors?.map((e) => e.message)));
  return response;
}

const count = async (table: string, where = sql`true`) => {
  const [row] = await sql<[{ n: number }]>`
    select count(*)::int as n from ${sql('products')}.${sql(table)} where ${where}`;
  return row!.n;
};

/** Row counts of every catalog table and the outbox: a refused write changes none of them. */
const snapshot = async () => {
  const tables = [
    'products',
    'variants',
    'prices',
    'categories',
    'collections',
    'collection_products',
    'attributes',
    'attribute_values',
    'product_types',
    'product_type_attributes',
    'product_attribute_values',
    'media',
    'outbox_events',
  ];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));
};

async function seedCatalog() {
  const now = new Date();
  await sql`insert into products.categories ${sql([
    { id: ids.apparel, slug: 'apparel', name: 'Apparel', parent_id: null, path: `${ids.apparel}/` },
    {
      id: ids.jackets,
      slug: 'jackets',
      name: 'Jackets',
      parent_id: ids.apparel,
      path: `${ids.apparel}/${ids.jackets}/`,
    },
    {
      id: ids.parkas,
      slug: 'parkas',
      name: 'Parkas',
      parent_id: ids.jackets,
      path: `${ids.apparel}/${ids.jackets}/${ids.parkas}/`,
    },
    {
      id: ids.footwear,
      slug: 'footwear',
      name: 'Footwear',
      parent_id: null,
      path: `${ids.footwear}/`,
    },
  ])}`;
  await sql`insert into products.attributes ${sql([
    { id: ids.brand, code: 'brand', name: 'Brand', kind: 'ENUM', filterable: true, position: 0 },
    {
      id: ids.material,
      code: 'material',
      name: 'Material',
      kind: 'MULTI_ENUM',
      filterable: true,
      position: 1,
    },
    {
      id: ids.waterproof,
      code: 'waterproof',
      name: 'Waterproof',
      kind: 'BOOLEAN',
      filterable: true,
      position: 2,
    },
    {
      id: ids.weight,
      code: 'weight',
      name: 'Weight',
      kind: 'NUMBER',
      filterable: false,
      position: 3,
    },
    { id: ids.care, code: 'care', name: 'Care', kind: 'TEXT', filterable: false, position: 4 },
  ])}`;
  await sql`insert into products.attribute_values ${sql([
    { attribute_id: ids.brand, code: 'northwind', label: 'Northwind', position: 0 },
    { attribute_id: ids.brand, code: 'fjellwear', label: 'Fjellwear', position: 1 },
    { attribute_id: ids.material, code: 'cotton', label: 'Cotton', position: 0 },
    { attribute_id: ids.material, code: 'nylon', label: 'Nylon', position: 1 },
    { attribute_id: ids.material, code: 'wool', label: 'Wool', position: 2 },
  ])}`;
  await sql`insert into products.product_types ${sql([
    { id: ids.jacketType, code: 'jacket', name: 'Jacket' },
  ])}`;
  await sql`insert into products.product_type_attributes ${sql(
    [ids.brand, ids.material, ids.waterproof, ids.weight].map((attribute_id, position) => ({
      product_type_id: ids.jacketType,
      attribute_id,
      position,
    })),
  )}`;
  await sql`insert into products.products ${sql([
    {
      id: ids.published,
      slug: 'storm-parka',
      name: 'Storm Parka',
      description: 'Warm.',
      category_id: ids.parkas,
      product_type_id: ids.jacketType,
      status: 'PUBLISHED',
      published_at: now,
    },
  ])}`;
  await sql`insert into products.variants ${sql([
    { id: ids.publishedVariant, product_id: ids.published, sku: 'PARKA-M', position: 0 },
  ])}`;
  await sql`insert into products.prices ${sql(
    [
      ['EUR', 19900],
      ['USD', 21900],
      ['GBP', 17900],
    ].map(([currency, amount]) => ({ variant_id: ids.publishedVariant, currency, amount })),
  )}`;
}

beforeAll(async () => {
  database = await createTestDatabase([{ subgraph: 'products', folder: migrationsFolder }]);
  sql = postgres(database.url, { max: 2, onnotice: () => undefined });
  await seedCatalog();
  service = await startProducts({
    databaseUrl: database.url,
    queue: queueBackends().at(-1)!.config(database.url),
    port: 0,
    migrate: false,
    logLevel: 'silent',
    internalToken: INTERNAL_TOKEN,
    priceBoundaryPollMs: 3_600_000,
  });
});

afterAll(async () => {
  await service?.close();
  await sql?.end();
  await database?.drop();
});

/** The fields of each refusal type, for the result unions that have it. */
const REFUSAL_FIELDS: Record<string, string> = {
  InvalidCatalogInput: 'field',
  SlugTaken: 'slug',
  SkuTaken: 'sku',
  CodeTaken: 'taken',
  UnknownCategory: 'categorySlug',
  UnknownAttribute: 'attributeCode',
  InvalidAttributeValue: 'attributeCode',
  UnknownCurrency: 'currencyCode',
  ProductNotFound: 'productId',
  VariantNotFound: 'variantId',
  CategoryNotFound: 'categoryId',
  CollectionNotFound: 'collectionId',
};
const resultFields = (...refusals: string[]) => `
  __typename
  ... on UserError { code message }
  ${refusals.map((t) => `... on ${t} { ${REFUSAL_FIELDS[t]} }`).join('\n')}
`;
const PRODUCT_RESULT = resultFields(
  'ProductNotFound',
  'SlugTaken',
  'UnknownCategory',
  'UnknownAttribute',
  'InvalidAttributeValue',
  'InvalidCatalogInput',
);
const VARIANT_RESULT = resultFields(
  'ProductNotFound',
  'VariantNotFound',
  'SkuTaken',
  'UnknownCurrency',
  'InvalidCatalogInput',
);
const CATEGORY_RESULT = resultFields(
  'CategoryNotFound',
  'SlugTaken',
  'UnknownCategory',
  'InvalidCatalogInput',
);
const COLLECTION_RESULT = resultFields(
  'CollectionNotFound',
  'SlugTaken',
  'ProductNotFound',
  'InvalidCatalogInput',
);
const ATTRIBUTE_RESULT = resultFields('CodeTaken', 'InvalidCatalogInput');
const PRODUCT_TYPE_RESULT = resultFields('CodeTaken', 'UnknownAttribute', 'InvalidCatalogInput');

const PRODUCT_FIELDS = /* GraphQL */ `
  id
  slug
  name
  description
  status
  taxClass
  seoTitle
  seoDescription
  category {
    slug
  }
  productType {
    code
  }
  attributes {
    attribute {
      code
    }
    text
    number
    boolean
    options {
      code
    }
  }
  media {
    url
    alt
  }
  variants {
    id
    sku
  }
`;

const CREATE_PRODUCT = /* GraphQL */ `
  mutation ($input: CreateProductInput!) {
    createProduct(input: $input) {
      ${PRODUCT_RESULT}
      ... on Product { ${PRODUCT_FIELDS} }
    }
  }
`;
const UPDATE_PRODUCT = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      ${PRODUCT_RESULT}
      ... on Product { ${PRODUCT_FIELDS} }
    }
  }
`;
const SET_STATUS = /* GraphQL */ `
  mutation ($id: ID!, $status: PublishState!) {
    setProductStatus(id: $id, status: $status) {
      ${PRODUCT_RESULT}
      ... on Product { id status }
    }
  }
`;
const CREATE_VARIANT = /* GraphQL */ `
  mutation ($productId: ID!, $input: CreateVariantInput!) {
    createVariant(productId: $productId, input: $input) {
      ${VARIANT_RESULT}
      ... on ProductVariant {
        id
        sku
        options { name value }
        price(currencyCode: "USD") { amount currencyCode }
        prices { amount { amount currencyCode } startsAt endsAt }
      }
    }
  }
`;
const UPDATE_VARIANT = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateVariantInput!) {
    updateVariant(id: $id, input: $input) {
      ${VARIANT_RESULT}
      ... on ProductVariant { id sku options { name value } }
    }
  }
`;
const CREATE_CATEGORY = /* GraphQL */ `
  mutation ($input: CreateCategoryInput!) {
    createCategory(input: $input) {
      ${CATEGORY_RESULT}
      ... on Category { id slug name parent { slug } }
    }
  }
`;
const UPDATE_CATEGORY = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateCategoryInput!) {
    updateCategory(id: $id, input: $input) {
      ${CATEGORY_RESULT}
      ... on Category { id slug name parent { slug } }
    }
  }
`;
const CREATE_COLLECTION = /* GraphQL */ `
  mutation ($input: CreateCollectionInput!) {
    createCollection(input: $input) {
      ${COLLECTION_RESULT}
      ... on Collection { id slug status }
    }
  }
`;
const UPDATE_COLLECTION = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateCollectionInput!) {
    updateCollection(id: $id, input: $input) {
      ${COLLECTION_RESULT}
      ... on Collection { id slug status }
    }
  }
`;
const SET_COLLECTION_PRODUCTS = /* GraphQL */ `
  mutation ($id: ID!, $productIds: [ID!]!) {
    setCollectionProducts(id: $id, productIds: $productIds) {
      ${COLLECTION_RESULT}
      ... on Collection { id }
    }
  }
`;
const CREATE_ATTRIBUTE = /* GraphQL */ `
  mutation ($input: CreateAttributeInput!) {
    createAttribute(input: $input) {
      ${ATTRIBUTE_RESULT}
      ... on Attribute { id code kind filterable values { code label } }
    }
  }
`;
const CREATE_PRODUCT_TYPE = /* GraphQL */ `
  mutation ($input: CreateProductTypeInput!) {
    createProductType(input: $input) {
      ${PRODUCT_TYPE_RESULT}
      ... on ProductType { id code attributes { code } }
    }
  }
`;
const ADMIN_PRODUCT = /* GraphQL */ `
  query ($id: ID!) {
    adminProduct(id: $id) { ${PRODUCT_FIELDS} }
  }
`;
const STOREFRONT = /* GraphQL */ `
  query ($id: ID!, $slug: String!, $variant: ID!) {
    product(slug: $slug) {
      id
    }
    products(first: 100) {
      edges {
        node {
          id
        }
      }
      totalCount
    }
    _entities(
      representations: [
        { __typename: "Product", id: $id }
        { __typename: "ProductVariant", id: $variant }
      ]
    ) {
      ... on Product {
        id
      }
      ... on ProductVariant {
        id
      }
    }
  }
`;

const prices = (eur = 4900, usd = 5400, gbp = 4200) => [
  { currencyCode: 'EUR', amount: eur },
  { currencyCode: 'USD', amount: usd },
  { currencyCode: 'GBP', amount: gbp },
];

let serial = 0;
/** A new DRAFT product (with one variant) through the API; answers its ids. */
async function draftProduct(extra: Record<string, unknown> = {}) {
  serial += 1;
  const slug = `test-product-${serial}`;
  const created = await gql(
    CREATE_PRODUCT,
    { input: { slug, name: `Test Product ${serial}`, categorySlug: 'jackets', ...extra } },
    staff,
  );
  expect(created.data?.createProduct.__typename).toBe('Product');
  const id = created.data!.createProduct.id as string;
  const variant = await gql(
    CREATE_VARIANT,
    { productId: id, input: { sku: `TEST-${serial}`, prices: prices() } },
    staff,
  );
  expect(variant.data?.createVariant.__typename).toBe('ProductVariant');
  return { id, slug, variantId: variant.data!.createVariant.id as string };
}

/** The storefront's view of a product: by slug, in the listing, through `_entities`. */
async function storefrontSees(product: { id: string; slug: string; variantId: string }) {
  const { data, errors } = await gql(STOREFRONT, {
    id: product.id,
    slug: product.slug,
    variant: product.variantId,
  });
  expect(errors).toBeUndefined();
  return {
    bySlug: data!.product !== null,
    inListing: data!.products.edges.some((e: { node: { id: string } }) => e.node.id === product.id),
    productEntity: data!._entities[0] !== null,
    variantEntity: data!._entities[1] !== null,
  };
}

describe('permissions', () => {
  const outsiders: Array<[string, Actor | undefined]> = [
    ['an anonymous caller', undefined],
    ['a shopper', shopper],
    ['staff without catalog:write', stockManager],
    ['a partner key', partner],
  ];

  it.each(outsiders)(
    'refuses every catalog mutation to %s (FORBIDDEN), writing nothing',
    async (_, actor) => {
      const before = await snapshot();
      const attempts: Array<[string, Record<string, unknown>]> = [
        [CREATE_PRODUCT, { input: { slug: 'forbidden', name: 'X', categorySlug: 'jackets' } }],
        [UPDATE_PRODUCT, { id: ids.published, input: { name: 'Hacked' } }],
        [SET_STATUS, { id: ids.published, status: 'ARCHIVED' }],
        [CREATE_VARIANT, { productId: ids.published, input: { sku: 'NOPE', prices: prices() } }],
        [UPDATE_VARIANT, { id: ids.publishedVariant, input: { sku: 'NOPE' } }],
        [
          `mutation { setPrice(input: { variantId: "${ids.publishedVariant}", currencyCode: "EUR", amount: 1 }) { __typename } }`,
          {},
        ],
        [`mutation { removePrice(id: "${randomUUID()}") { __typename } }`, {}],
        [CREATE_CATEGORY, { input: { slug: 'nope', name: 'Nope' } }],
        [UPDATE_CATEGORY, { id: ids.jackets, input: { name: 'Nope' } }],
        [CREATE_COLLECTION, { input: { slug: 'nope', name: 'Nope' } }],
        [UPDATE_COLLECTION, { id: randomUUID(), input: { name: 'Nope' } }],
        [SET_COLLECTION_PRODUCTS, { id: randomUUID(), productIds: [] }],
        [CREATE_ATTRIBUTE, { input: { code: 'nope', name: 'Nope', kind: 'TEXT' } }],
        [CREATE_PRODUCT_TYPE, { input: { code: 'nope', name: 'Nope', attributeCodes: [] } }],
        [ADMIN_PRODUCT, { id: ids.published }],
        [`{ productTypes { code } }`, {}],
        [`{ attributes { code } }`, {}],
        [
          `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { prices { id } } } }`,
          { r: [{ __typename: 'ProductVariant', id: ids.publishedVariant }] },
        ],
      ];
      for (const [query, variables] of attempts) {
        const { errors } = await gql(query, variables, actor);
        expect(errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      }
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe('createProduct', () => {
  it('creates a DRAFT product with attributes, media and SEO texts, seen by staff only', async () => {
    const { data } = await gql(
      CREATE_PRODUCT,
      {
        input: {
          slug: 'alpine-shell',
          name: '  Alpine Shell  ',
          description: 'Light.\nPackable.',
          categorySlug: 'jackets',
          productTypeCode: 'jacket',
          attributes: [
            { code: 'weight', number: 412.5 },
            { code: 'brand', options: ['fjellwear'] },
            { code: 'material', options: ['nylon', 'cotton'] },
            { code: 'waterproof', boolean: true },
          ],
          media: [
            { url: 'https://cdn.example.com/shell-front.jpg', alt: 'Front' },
            { url: 'https://cdn.example.com/shell-back.jpg' },
          ],
          seoTitle: 'Alpine Shell jacket',
        },
      },
      staff,
    );
    const product = data!.createProduct;
    expect(product).toMatchObject({
      __typename: 'Product',
      slug: 'alpine-shell',
      name: 'Alpine Shell',
      description: 'Light.\nPackable.',
      status: 'DRAFT',
      seoTitle: 'Alpine Shell jacket',
      seoDescription: 'Light.\nPackable.',
      category: { slug: 'jackets' },
      productType: { code: 'jacket' },
      media: [
        { url: 'https://cdn.example.com/shell-front.jpg', alt: 'Front' },
        { url: 'https://cdn.example.com/shell-back.jpg', alt: '' },
      ],
      variants: [],
    });
    // In the attributes' order, whatever the input's.
    expect(product.attributes).toEqual([
      {
        attribute: { code: 'brand' },
        text: null,
        number: null,
        boolean: null,
        options: [{ code: 'fjellwear' }],
      },
      {
        attribute: { code: 'material' },
        text: null,
        number: null,
        boolean: null,
        options: [{ code: 'cotton' }, { code: 'nylon' }],
      },
      { attribute: { code: 'waterproof' }, text: null, number: null, boolean: true, options: [] },
      { attribute: { code: 'weight' }, text: null, number: 412.5, boolean: null, options: [] },
    ]);
    const admin = await gql(ADMIN_PRODUCT, { id: product.id }, staff);
    expect(admin.data!.adminProduct).toMatchObject({ id: product.id, status: 'DRAFT' });
    const storefront = await gql(`query ($id: ID) { product(id: $id) { id } }`, { id: product.id });
    expect(storefront.data).toEqual({ product: null });
  });

  it('answers a taken slug with SlugTaken and writes nothing', async () => {
    const before = await snapshot();
    const { data } = await gql(
      CREATE_PRODUCT,
      { input: { slug: 'storm-parka', name: 'Another', categorySlug: 'jackets' } },
      staff,
    );
    expect(data!.createProduct).toMatchObject({
      __typename: 'SlugTaken',
      code: 'SLUG_TAKEN',
      slug: 'storm-parka',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('lets one of two concurrent creations with the same slug win; the other is SlugTaken', async () => {
    const input = { slug: 'race-for-a-slug', name: 'Race', categorySlug: 'jackets' };
    const results = await Promise.all(
      [1, 2].map(async () => (await gql(CREATE_PRODUCT, { input }, staff)).data!.createProduct),
    );
    expect(results.map((r) => r.__typename).sort()).toEqual(['Product', 'SlugTaken']);
    expect(await count('products', sql`slug = 'race-for-a-slug'`)).toBe(1);
  });

  const base = { slug: 'refused-product', name: 'Refused', categorySlug: 'jackets' };
  const refusals: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    [
      'an unknown category',
      { categorySlug: 'no-such-category' },
      { __typename: 'UnknownCategory', code: 'UNKNOWN_CATEGORY', categorySlug: 'no-such-category' },
    ],
    [
      'a malformed category slug',
      { categorySlug: 'Bad Slug\u0000' },
      { __typename: 'UnknownCategory' },
    ],
    [
      'an unknown product type',
      { productTypeCode: 'spaceship' },
      { __typename: 'UnknownAttribute', attributeCode: 'spaceship' },
    ],
    [
      'an unknown attribute',
      { attributes: [{ code: 'colour', options: ['red'] }] },
      { __typename: 'UnknownAttribute', code: 'UNKNOWN_ATTRIBUTE', attributeCode: 'colour' },
    ],
    [
      'a text for a NUMBER attribute',
      { attributes: [{ code: 'weight', text: 'heavy' }] },
      {
        __typename: 'InvalidAttributeValue',
        code: 'INVALID_ATTRIBUTE_VALUE',
        attributeCode: 'weight',
      },
    ],
    [
      'a number and a text for one attribute',
      { attributes: [{ code: 'weight', number: 1, text: 'one' }] },
      { __typename: 'InvalidAttributeValue', attributeCode: 'weight' },
    ],
    [
      'an unknown option',
      { attributes: [{ code: 'brand', options: ['acme'] }] },
      { __typename: 'InvalidAttributeValue', attributeCode: 'brand' },
    ],
    [
      'two options for an ENUM',
      { attributes: [{ code: 'brand', options: ['northwind', 'fjellwear'] }] },
      { __typename: 'InvalidAttributeValue', attributeCode: 'brand' },
    ],
    [
      'an empty MULTI_ENUM',
      { attributes: [{ code: 'material', options: [] }] },
      { __typename: 'InvalidAttributeValue', attributeCode: 'material' },
    ],
    [
      'an attribute its product type does not carry',
      { productTypeCode: 'jacket', attributes: [{ code: 'care', text: 'Wash cold' }] },
      { __typename: 'InvalidAttributeValue', attributeCode: 'care' },
    ],
    [
      'an attribute given twice',
      {
        attributes: [
          { code: 'care', text: 'A' },
          { code: 'care', text: 'B' },
        ],
      },
      { __typename: 'InvalidCatalogInput', code: 'INVALID_INPUT', field: 'attributes[1].code' },
    ],
    [
      'an upper-case slug',
      { slug: 'Refused' },
      { __typename: 'InvalidCatalogInput', field: 'slug' },
    ],
    ['a blank name', { name: '   ' }, { __typename: 'InvalidCatalogInput', field: 'name' }],
    [
      'a 201-character name',
      { name: 'n'.repeat(201) },
      { __typename: 'InvalidCatalogInput', field: 'name' },
    ],
    [
      'a description over 10,000 characters',
      { description: 'd'.repeat(10_001) },
      { __typename: 'InvalidCatalogInput', field: 'description' },
    ],
    [
      'a control character in the description',
      { description: 'ring\u0007' },
      { __typename: 'InvalidCatalogInput', field: 'description' },
    ],
    [
      'a bidi override in the description',
      { description: 'evil\u202Etxt' },
      { __typename: 'InvalidCatalogInput', field: 'description' },
    ],
    [
      'an http media URL',
      { media: [{ url: 'http://cdn.example.com/a.jpg' }] },
      { __typename: 'InvalidCatalogInput', field: 'media[0].url' },
    ],
    [
      'a javascript: media URL',
      { media: [{ url: 'javascript:alert(1)' }] },
      { __typename: 'InvalidCatalogInput', field: 'media[0].url' },
    ],
    [
      'a 71-character SEO title',
      { seoTitle: 't'.repeat(71) },
      { __typename: 'InvalidCatalogInput', field: 'seoTitle' },
    ],
    [
      'a 301-character SEO description',
      { seoDescription: 's'.repeat(301) },
      { __typename: 'InvalidCatalogInput', field: 'seoDescription' },
    ],
  ];

  it.each(refusals)(
    'refuses %s with its typed error and writes nothing',
    async (_, change, expected) => {
      const before = await snapshot();
      const { data, errors } = await gql(CREATE_PRODUCT, { input: { ...base, ...change } }, staff);
      expect(errors).toBeUndefined();
      expect(data!.createProduct).toMatchObject(expected);
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe('updateProduct', () => {
  it('changes only the given fields, replaces attributes and media, clears an SEO title with null', async () => {
    const product = await draftProduct({
      productTypeCode: 'jacket',
      attributes: [{ code: 'brand', options: ['northwind'] }],
      media: [{ url: 'https://cdn.example.com/old.jpg' }],
      seoTitle: 'Old title',
      description: 'Kept',
    });
    const { data } = await gql(
      UPDATE_PRODUCT,
      {
        id: product.id,
        input: {
          name: 'Renamed',
          categorySlug: 'parkas',
          attributes: [{ code: 'material', options: ['wool'] }],
          media: [{ url: 'https://cdn.example.com/new.jpg', alt: 'New' }],
          seoTitle: null,
        },
      },
      staff,
    );
    expect(data!.updateProduct).toMatchObject({
      __typename: 'Product',
      slug: product.slug,
      name: 'Renamed',
      description: 'Kept',
      category: { slug: 'parkas' },
      seoTitle: 'Renamed',
      attributes: [{ attribute: { code: 'material' }, options: [{ code: 'wool' }] }],
      media: [{ url: 'https://cdn.example.com/new.jpg', alt: 'New' }],
    });
    expect(data!.updateProduct.attributes).toHaveLength(1);
  });

  it('answers SlugTaken, ProductNotFound and InvalidAttributeValue, writing nothing', async () => {
    const product = await draftProduct({ productTypeCode: 'jacket' });
    const before = await snapshot();
    const taken = await gql(
      UPDATE_PRODUCT,
      { id: product.id, input: { slug: 'storm-parka' } },
      staff,
    );
    expect(taken.data!.updateProduct).toMatchObject({
      __typename: 'SlugTaken',
      slug: 'storm-parka',
    });
    const missing = randomUUID();
    const unknown = await gql(UPDATE_PRODUCT, { id: missing, input: { name: 'X' } }, staff);
    expect(unknown.data!.updateProduct).toMatchObject({
      __typename: 'ProductNotFound',
      code: 'PRODUCT_NOT_FOUND',
      productId: missing,
    });
    const malformed = await gql(UPDATE_PRODUCT, { id: 'not-an-id', input: { name: 'X' } }, staff);
    expect(malformed.data!.updateProduct).toMatchObject({ __typename: 'ProductNotFound' });
    const wrongType = await gql(
      UPDATE_PRODUCT,
      {
        id: product.id,
        input: { name: 'Changed', attributes: [{ code: 'waterproof', text: 'yes' }] },
      },
      staff,
    );
    expect(wrongType.data!.updateProduct).toMatchObject({
      __typename: 'InvalidAttributeValue',
      attributeCode: 'waterproof',
    });
    const nullName = await gql(UPDATE_PRODUCT, { id: product.id, input: { name: null } }, staff);
    expect(nullName.data!.updateProduct).toMatchObject({
      __typename: 'InvalidCatalogInput',
      field: 'name',
    });
    expect(await snapshot()).toEqual(before);
    const [row] = await sql`select name from products.products where id = ${product.id}`;
    expect(row!.name).not.toBe('Changed');
  });
});

describe('tax classes', () => {
  const VARIANT_TAX_CLASS = /* GraphQL */ `
    query ($r: [_Any!]!) {
      _entities(representations: $r) {
        ... on ProductVariant {
          taxClass
        }
      }
    }
  `;

  it('creates a product STANDARD unless told otherwise, and its variants follow it', async () => {
    const standard = await draftProduct();
    const reduced = await draftProduct({ taxClass: 'REDUCED' });
    const admin = await gql(ADMIN_PRODUCT, { id: reduced.id }, staff);
    expect(admin.data!.adminProduct.taxClass).toBe('REDUCED');
    const rows = await sql`
      select id, tax_class from products.products where id in ${sql([standard.id, reduced.id])}`;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.tax_class]))).toEqual({
      [standard.id]: 'STANDARD',
      [reduced.id]: 'REDUCED',
    });
    const { data } = await gql(
      VARIANT_TAX_CLASS,
      {
        r: [standard.variantId, reduced.variantId].map((id) => ({
          __typename: 'ProductVariant',
          id,
        })),
      },
      staff,
    );
    expect(data!._entities).toEqual([{ taxClass: 'STANDARD' }, { taxClass: 'REDUCED' }]);
  });

  it('changes the class with updateProduct and leaves it alone when omitted', async () => {
    const product = await draftProduct({ taxClass: 'REDUCED' });
    const renamed = await gql(UPDATE_PRODUCT, { id: product.id, input: { name: 'Kept' } }, staff);
    expect(renamed.data!.updateProduct).toMatchObject({ name: 'Kept', taxClass: 'REDUCED' });
    const zero = await gql(UPDATE_PRODUCT, { id: product.id, input: { taxClass: 'ZERO' } }, staff);
    expect(zero.data!.updateProduct).toMatchObject({ name: 'Kept', taxClass: 'ZERO' });
  });

  it('refuses a null or unknown class, writing nothing', async () => {
    const product = await draftProduct();
    const before = await snapshot();
    const nullClass = await gql(
      UPDATE_PRODUCT,
      { id: product.id, input: { name: 'Changed', taxClass: null } },
      staff,
    );
    expect(nullClass.data!.updateProduct).toMatchObject({
      __typename: 'InvalidCatalogInput',
      field: 'taxClass',
    });
    const unknown = await post(
      service.url,
      UPDATE_PRODUCT,
      { id: product.id, input: { taxClass: 'LUXURY' } },
      {
        ...internalHeaders(INTERNAL_TOKEN),
        [IDENTITY_HEADER]: await signIdentityAssertion(INTERNAL_TOKEN, staff),
      },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
    const [row] = await sql`select name, tax_class from products.products where id = ${product.id}`;
    expect(row).toMatchObject({ tax_class: 'STANDARD' });
    expect(row!.name).not.toBe('Changed');
  });

  it('has the database refuse a class it does not know', async () => {
    const product = await draftProduct();
    await expect(
      sql`update products.products set tax_class = 'LUXURY' where id = ${product.id}`,
    ).rejects.toThrow(/products_tax_class_valid/);
  });
});

describe('setProductStatus', () => {
  it('publishes to the storefront (published_at set once); DRAFT and ARCHIVED hide it everywhere but adminProduct', async () => {
    const product = await draftProduct();
    expect(await storefrontSees(product)).toEqual({
      bySlug: false,
      inListing: false,
      productEntity: false,
      variantEntity: false,
    });

    const published = await gql(SET_STATUS, { id: product.id, status: 'PUBLISHED' }, staff);
    expect(published.data!.setProductStatus).toMatchObject({
      __typename: 'Product',
      status: 'PUBLISHED',
    });
    expect(await storefrontSees(product)).toEqual({
      bySlug: true,
      inListing: true,
      productEntity: true,
      variantEntity: true,
    });
    const [first] = await sql`select published_at from products.products where id = ${product.id}`;
    expect(first!.published_at).toBeInstanceOf(Date);

    for (const status of ['ARCHIVED', 'DRAFT']) {
      await gql(SET_STATUS, { id: product.id, status }, staff);
      expect(await storefrontSees(product)).toEqual({
        bySlug: false,
        inListing: false,
        productEntity: false,
        variantEntity: false,
      });
      const admin = await gql(ADMIN_PRODUCT, { id: product.id }, staff);
      expect(admin.data!.adminProduct).toMatchObject({ id: product.id, status });
    }

    await gql(SET_STATUS, { id: product.id, status: 'PUBLISHED' }, staff);
    const [again] = await sql`select published_at from products.products where id = ${product.id}`;
    expect(again!.published_at).toEqual(first!.published_at);
  });

  it('answers ProductNotFound for an unknown id', async () => {
    const id = randomUUID();
    const { data } = await gql(SET_STATUS, { id, status: 'PUBLISHED' }, staff);
    expect(data!.setProductStatus).toMatchObject({ __typename: 'ProductNotFound', productId: id });
  });

  it('answers adminProduct(id) with null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await gql(ADMIN_PRODUCT, { id: randomUUID() }, staff);
    expect(unknown.data).toEqual({ adminProduct: null });
    const malformed = await gql(ADMIN_PRODUCT, { id: '42' }, staff);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('createVariant and updateVariant', () => {
  it('creates a variant with a base price in every store currency', async () => {
    const product = await draftProduct();
    const { data } = await gql(
      CREATE_VARIANT,
      {
        productId: product.id,
        input: {
          sku: 'SHELL-L-NAVY',
          options: [
            { name: 'size', value: 'L' },
            { name: 'colour', value: 'Navy' },
          ],
          prices: prices(9900, 10900, 8900),
        },
      },
      staff,
    );
    expect(data!.createVariant).toMatchObject({
      __typename: 'ProductVariant',
      sku: 'SHELL-L-NAVY',
      options: [
        { name: 'size', value: 'L' },
        { name: 'colour', value: 'Navy' },
      ],
      price: { amount: 10900, currencyCode: 'USD' },
    });
    expect(data!.createVariant.prices).toHaveLength(3);
    expect(data!.createVariant.prices.every((p: { startsAt: null }) => p.startsAt === null)).toBe(
      true,
    );
  });

  const variantRefusals: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    [
      'a taken SKU',
      { sku: 'PARKA-M' },
      { __typename: 'SkuTaken', code: 'SKU_TAKEN', sku: 'PARKA-M' },
    ],
    [
      'an unknown currency',
      { prices: [...prices(), { currencyCode: 'JPY', amount: 100 }] },
      { __typename: 'UnknownCurrency', code: 'UNKNOWN_CURRENCY', currencyCode: 'JPY' },
    ],
    [
      'a negative price',
      { prices: prices(-1) },
      { __typename: 'InvalidPrice', code: 'INVALID_PRICE' },
    ],
    ['a price over the maximum', { prices: prices(10_000_001) }, { __typename: 'InvalidPrice' }],
    ['a missing currency', { prices: prices().slice(0, 2) }, { __typename: 'InvalidPrice' }],
    [
      'a currency given twice',
      { prices: [...prices(), { currencyCode: 'EUR', amount: 1 }] },
      { __typename: 'InvalidPrice' },
    ],
    ['a SKU with spaces', { sku: 'A B' }, { __typename: 'InvalidCatalogInput', field: 'sku' }],
    [
      'an option name given twice',
      {
        options: [
          { name: 'size', value: 'S' },
          { name: 'Size', value: 'M' },
        ],
      },
      { __typename: 'InvalidCatalogInput', field: 'options[1].name' },
    ],
    [
      'a negative position',
      { position: -1 },
      { __typename: 'InvalidCatalogInput', field: 'position' },
    ],
  ];

  it.each(variantRefusals)('refuses %s and writes nothing', async (_, change, expected) => {
    const before = await snapshot();
    const { data } = await gql(
      CREATE_VARIANT,
      { productId: ids.published, input: { sku: 'NEW-SKU', prices: prices(), ...change } },
      staff,
    );
    expect(data!.createVariant).toMatchObject(expected);
    expect(await snapshot()).toEqual(before);
  });

  it('answers ProductNotFound for a variant of an unknown product', async () => {
    const productId = randomUUID();
    const { data } = await gql(
      CREATE_VARIANT,
      { productId, input: { sku: 'ORPHAN', prices: prices() } },
      staff,
    );
    expect(data!.createVariant).toMatchObject({ __typename: 'ProductNotFound', productId });
  });

  it('updates SKU and options, and answers SkuTaken and VariantNotFound without writing', async () => {
    const product = await draftProduct();
    const { data } = await gql(
      UPDATE_VARIANT,
      {
        id: product.variantId,
        input: { sku: 'RENAMED-SKU', options: [{ name: 'size', value: 'XL' }] },
      },
      staff,
    );
    expect(data!.updateVariant).toMatchObject({
      __typename: 'ProductVariant',
      sku: 'RENAMED-SKU',
      options: [{ name: 'size', value: 'XL' }],
    });
    const before = await snapshot();
    const taken = await gql(
      UPDATE_VARIANT,
      { id: product.variantId, input: { sku: 'PARKA-M' } },
      staff,
    );
    expect(taken.data!.updateVariant).toMatchObject({ __typename: 'SkuTaken', sku: 'PARKA-M' });
    const id = randomUUID();
    const missing = await gql(UPDATE_VARIANT, { id, input: { sku: 'X1' } }, staff);
    expect(missing.data!.updateVariant).toMatchObject({
      __typename: 'VariantNotFound',
      variantId: id,
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('categories', () => {
  const pathOf = async (slug: string) =>
    (await sql`select path from products.categories where slug = ${slug}`)[0]!.path as string;

  it('creates a category under its parent with the right path, and refuses taken or unknown slugs', async () => {
    const { data } = await gql(
      CREATE_CATEGORY,
      { input: { slug: 'rain-jackets', name: 'Rain Jackets', parentSlug: 'jackets' } },
      staff,
    );
    expect(data!.createCategory).toMatchObject({
      __typename: 'Category',
      slug: 'rain-jackets',
      parent: { slug: 'jackets' },
    });
    expect(await pathOf('rain-jackets')).toBe(
      `${ids.apparel}/${ids.jackets}/${data!.createCategory.id}/`,
    );

    const before = await snapshot();
    const taken = await gql(CREATE_CATEGORY, { input: { slug: 'parkas', name: 'Parkas' } }, staff);
    expect(taken.data!.createCategory).toMatchObject({ __typename: 'SlugTaken', slug: 'parkas' });
    const unknown = await gql(
      CREATE_CATEGORY,
      { input: { slug: 'orphans', name: 'Orphans', parentSlug: 'nowhere' } },
      staff,
    );
    expect(unknown.data!.createCategory).toMatchObject({
      __typename: 'UnknownCategory',
      categorySlug: 'nowhere',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('moves a subtree: every descendant path follows and the storefront filter with it', async () => {
    const top = await gql(CREATE_CATEGORY, { input: { slug: 'outdoor', name: 'Outdoor' } }, staff);
    const outdoorId = top.data!.createCategory.id as string;
    const child = await gql(
      CREATE_CATEGORY,
      { input: { slug: 'shells', name: 'Shells', parentSlug: 'outdoor' } },
      staff,
    );
    const grandchild = await gql(
      CREATE_CATEGORY,
      { input: { slug: 'hardshells', name: 'Hardshells', parentSlug: 'shells' } },
      staff,
    );
    const shellsId = child.data!.createCategory.id as string;
    const hardId = grandchild.data!.createCategory.id as string;
    const product = await draftProduct();
    await gql(UPDATE_PRODUCT, { id: product.id, input: { categorySlug: 'hardshells' } }, staff);
    await gql(SET_STATUS, { id: product.id, status: 'PUBLISHED' }, staff);

    const moved = await gql(
      UPDATE_CATEGORY,
      { id: shellsId, input: { parentSlug: 'apparel' } },
      staff,
    );
    expect(moved.data!.updateCategory).toMatchObject({
      __typename: 'Category',
      parent: { slug: 'apparel' },
    });
    expect(await pathOf('shells')).toBe(`${ids.apparel}/${shellsId}/`);
    expect(await pathOf('hardshells')).toBe(`${ids.apparel}/${shellsId}/${hardId}/`);
    const listing = async (slug: string) =>
      (
        await gql(
          `query ($c: String) { products(first: 100, categorySlug: $c) { edges { node { id } } } }`,
          {
            c: slug,
          },
        )
      ).data!.products.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await listing('apparel')).toContain(product.id);
    expect(await listing('outdoor')).not.toContain(product.id);

    const toTop = await gql(UPDATE_CATEGORY, { id: shellsId, input: { parentSlug: null } }, staff);
    expect(toTop.data!.updateCategory).toMatchObject({ __typename: 'Category', parent: null });
    expect(await pathOf('hardshells')).toBe(`${shellsId}/${hardId}/`);
    expect(outdoorId).toBeTruthy();
  });

  it('refuses a move under itself or a descendant (no cycles), and an unknown category id', async () => {
    const before = await snapshot();
    const paths = await sql`select id, path, parent_id from products.categories order by id`;
    const self = await gql(
      UPDATE_CATEGORY,
      { id: ids.jackets, input: { parentSlug: 'jackets' } },
      staff,
    );
    expect(self.data!.updateCategory).toMatchObject({
      __typename: 'UnknownCategory',
      code: 'UNKNOWN_CATEGORY',
    });
    const below = await gql(
      UPDATE_CATEGORY,
      { id: ids.apparel, input: { parentSlug: 'parkas', name: 'X' } },
      staff,
    );
    expect(below.data!.updateCategory).toMatchObject({
      __typename: 'UnknownCategory',
      categorySlug: 'parkas',
    });
    const taken = await gql(
      UPDATE_CATEGORY,
      { id: ids.parkas, input: { slug: 'footwear' } },
      staff,
    );
    expect(taken.data!.updateCategory).toMatchObject({ __typename: 'SlugTaken', slug: 'footwear' });
    const id = randomUUID();
    const unknown = await gql(UPDATE_CATEGORY, { id, input: { name: 'X' } }, staff);
    expect(unknown.data!.updateCategory).toMatchObject({
      __typename: 'CategoryNotFound',
      categoryId: id,
    });
    expect(await snapshot()).toEqual(before);
    expect(await sql`select id, path, parent_id from products.categories order by id`).toEqual(
      paths,
    );
  });
});

describe('collections', () => {
  it('keeps the given product order, shows only published products, and publishes with updateCollection', async () => {
    const a = await draftProduct();
    const b = await draftProduct();
    const hidden = await draftProduct();
    for (const p of [a, b]) await gql(SET_STATUS, { id: p.id, status: 'PUBLISHED' }, staff);
    const created = await gql(
      CREATE_COLLECTION,
      { input: { slug: 'winter-picks', name: 'Winter picks' } },
      staff,
    );
    expect(created.data!.createCollection).toMatchObject({
      __typename: 'Collection',
      status: 'DRAFT',
    });
    const id = created.data!.createCollection.id as string;
    const set = await gql(
      SET_COLLECTION_PRODUCTS,
      { id, productIds: [b.id, hidden.id, ids.published, a.id] },
      staff,
    );
    expect(set.data!.setCollectionProducts).toMatchObject({ __typename: 'Collection', id });

    const storefront = `{ collection(slug: "winter-picks") { products { edges { node { id } } } } }`;
    expect((await gql(storefront)).data).toEqual({ collection: null });
    const published = await gql(UPDATE_COLLECTION, { id, input: { status: 'PUBLISHED' } }, staff);
    expect(published.data!.updateCollection).toMatchObject({ status: 'PUBLISHED' });
    const shown = await gql(storefront);
    expect(
      shown.data!.collection.products.edges.map((e: { node: { id: string } }) => e.node.id),
    ).toEqual([b.id, ids.published, a.id]);

    const before = await snapshot();
    const order =
      await sql`select product_id, position from products.collection_products where collection_id = ${id} order by position`;
    const missing = randomUUID();
    const unknown = await gql(SET_COLLECTION_PRODUCTS, { id, productIds: [a.id, missing] }, staff);
    expect(unknown.data!.setCollectionProducts).toMatchObject({
      __typename: 'ProductNotFound',
      productId: missing,
    });
    const twice = await gql(SET_COLLECTION_PRODUCTS, { id, productIds: [a.id, a.id] }, staff);
    expect(twice.data!.setCollectionProducts).toMatchObject({
      __typename: 'InvalidCatalogInput',
      field: 'productIds[1]',
    });
    const taken = await gql(UPDATE_COLLECTION, { id, input: { slug: 'winter-picks-2' } }, staff);
    expect(taken.data!.updateCollection).toMatchObject({ __typename: 'Collection' });
    const dup = await gql(
      CREATE_COLLECTION,
      { input: { slug: 'winter-picks-2', name: 'Dup' } },
      staff,
    );
    expect(dup.data!.createCollection).toMatchObject({
      __typename: 'SlugTaken',
      slug: 'winter-picks-2',
    });
    const nowhere = randomUUID();
    const notFound = await gql(SET_COLLECTION_PRODUCTS, { id: nowhere, productIds: [] }, staff);
    expect(notFound.data!.setCollectionProducts).toMatchObject({
      __typename: 'CollectionNotFound',
      collectionId: nowhere,
    });
    // The slug change above wrote (and audited) one row; nothing else changed.
    expect(await snapshot()).toEqual({ ...before, outbox_events: before.outbox_events + 1 });
    expect(
      await sql`select product_id, position from products.collection_products where collection_id = ${id} order by position`,
    ).toEqual(order);
  });
});

describe('attributes and product types', () => {
  it('creates an ENUM attribute with its values and a product type carrying it, listed for staff', async () => {
    const attribute = await gql(
      CREATE_ATTRIBUTE,
      {
        input: {
          code: 'colour-family',
          name: 'Colour family',
          kind: 'ENUM',
          filterable: true,
          values: [
            { code: 'blue', label: 'Blue' },
            { code: 'red', label: 'Red' },
          ],
        },
      },
      staff,
    );
    expect(attribute.data!.createAttribute).toMatchObject({
      __typename: 'Attribute',
      code: 'colour-family',
      kind: 'ENUM',
      filterable: true,
      values: [
        { code: 'blue', label: 'Blue' },
        { code: 'red', label: 'Red' },
      ],
    });
    const type = await gql(
      CREATE_PRODUCT_TYPE,
      { input: { code: 'sneaker', name: 'Sneaker', attributeCodes: ['colour-family', 'brand'] } },
      staff,
    );
    expect(type.data!.createProductType).toMatchObject({
      __typename: 'ProductType',
      code: 'sneaker',
      attributes: [{ code: 'colour-family' }, { code: 'brand' }],
    });
    const listed = await gql(
      `{ productTypes { code attributes { code } } attributes { code } }`,
      {},
      staff,
    );
    expect(listed.data!.productTypes).toContainEqual({
      code: 'sneaker',
      attributes: [{ code: 'colour-family' }, { code: 'brand' }],
    });
    expect(listed.data!.attributes.map((a: { code: string }) => a.code)).toEqual([
      'brand',
      'material',
      'waterproof',
      'weight',
      'care',
      'colour-family',
    ]);
  });

  const attributeRefusals: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    [
      'a taken code',
      { code: 'brand', kind: 'TEXT' },
      { __typename: 'CodeTaken', code: 'CODE_TAKEN', taken: 'brand' },
    ],
    [
      'a filterable TEXT attribute',
      { kind: 'TEXT', filterable: true },
      { __typename: 'InvalidCatalogInput', field: 'filterable' },
    ],
    [
      'a filterable NUMBER attribute',
      { kind: 'NUMBER', filterable: true },
      { __typename: 'InvalidCatalogInput', field: 'filterable' },
    ],
    [
      'an ENUM without values',
      { kind: 'ENUM' },
      { __typename: 'InvalidCatalogInput', field: 'values' },
    ],
    [
      'values on a BOOLEAN',
      { kind: 'BOOLEAN', values: [{ code: 'yes', label: 'Yes' }] },
      { __typename: 'InvalidCatalogInput', field: 'values' },
    ],
    [
      'a value code given twice',
      {
        kind: 'MULTI_ENUM',
        values: [
          { code: 'a', label: 'A' },
          { code: 'a', label: 'B' },
        ],
      },
      { __typename: 'InvalidCatalogInput', field: 'values[1].code' },
    ],
    [
      'a code that is not a slug',
      { code: 'Fit Type', kind: 'TEXT' },
      { __typename: 'InvalidCatalogInput', field: 'code' },
    ],
  ];

  it.each(attributeRefusals)(
    'refuses an attribute with %s and writes nothing',
    async (_, change, expected) => {
      const before = await snapshot();
      const { data } = await gql(
        CREATE_ATTRIBUTE,
        { input: { code: 'fit', name: 'Fit', ...change } },
        staff,
      );
      expect(data!.createAttribute).toMatchObject(expected);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses a product type with an unknown attribute or a taken code, and writes nothing', async () => {
    const before = await snapshot();
    const unknown = await gql(
      CREATE_PRODUCT_TYPE,
      { input: { code: 'boot', name: 'Boot', attributeCodes: ['brand', 'heel-height'] } },
      staff,
    );
    expect(unknown.data!.createProductType).toMatchObject({
      __typename: 'UnknownAttribute',
      attributeCode: 'heel-height',
    });
    const taken = await gql(
      CREATE_PRODUCT_TYPE,
      { input: { code: 'jacket', name: 'Jacket', attributeCodes: [] } },
      staff,
    );
    expect(taken.data!.createProductType).toMatchObject({
      __typename: 'CodeTaken',
      taken: 'jacket',
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('audit events', () => {
  beforeEach(async () => {
    await sql`delete from products.outbox_events`;
  });

  it('records products.admin-action.recorded for each write, naming the staff member, the action and the target', async () => {
    const product = await draftProduct();
    await gql(SET_STATUS, { id: product.id, status: 'PUBLISHED' }, staff);
    const rows = await sql<Array<{ payload: any }>>`
      select payload from products.outbox_events
      where name = 'products.admin-action.recorded' order by occurred_at, id`;
    const actions = rows.map((r) => r.payload);
    expect(actions.map((a) => [a.action, a.target.type])).toEqual(
      expect.arrayContaining([
        ['createProduct', 'Product'],
        ['createVariant', 'ProductVariant'],
        ['setProductStatus', 'Product'],
      ]),
    );
    expect(actions).toHaveLength(3);
    for (const action of actions)
      expect(action.actor).toEqual({ kind: 'staff', id: staff.customerId });
    expect(actions.find((a) => a.action === 'setProductStatus')).toMatchObject({
      target: { type: 'Product', id: product.id },
      details: { from: 'DRAFT', to: 'PUBLISHED' },
    });
  });

  it('records nothing for a refused write', async () => {
    await gql(
      CREATE_PRODUCT,
      { input: { slug: 'storm-parka', name: 'X', categorySlug: 'jackets' } },
      staff,
    );
    expect(await count('outbox_events')).toBe(0);
  });
});
