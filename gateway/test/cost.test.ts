import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileCost } from '../src/protection/cost.ts';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    products(first: Int = 24, after: String): ProductConnection!
    product(slug: String): Product
    categories: [Category!]!
    cart(id: ID!): Cart
    search(first: Int = 24): SearchResult!
  }
  type SearchResult {
    products: ProductConnection!
    facets: [Facet!]!
  }
  type Facet {
    name: String!
    values: [FacetValue!]!
  }
  type FacetValue {
    count: Int!
  }
  type Mutation {
    createCart: Cart!
  }
  type ProductConnection {
    totalCount: Int!
    edges: [ProductEdge!]!
  }
  type ProductEdge {
    cursor: String!
    node: Product!
  }
  type Product {
    id: ID!
    name: String!
    variants: [Variant!]!
  }
  type Variant {
    id: ID!
    price: Money!
  }
  type Money {
    amount: Int!
  }
  type Category {
    name: String!
    children: [Category!]!
  }
  type Cart {
    id: ID!
    lines: [Line!]!
  }
  type Line {
    quantity: Int!
  }
`);

const costOf = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  return compileCost(schema, document, getOperationAST(document)!)(variables);
};

describe('query cost', () => {
  it('charges objects, not scalars', () => {
    expect(costOf('{ product(slug: "a") { id name } }')).toBe(1);
    expect(costOf('{ __typename }')).toBe(0);
  });

  it('multiplies a connection’s edges by first, literal, variable or default', () => {
    // 1 (connection) + 24 edges x (1 + node 1)
    expect(costOf('{ products { edges { node { id } } } }')).toBe(1 + 24 * 2);
    expect(costOf('{ products(first: 5) { totalCount edges { node { id } } } }')).toBe(1 + 5 * 2);
    const withVariable = 'query($n: Int) { products(first: $n) { edges { node { id } } } }';
    expect(costOf(withVariable, { n: 100 })).toBe(1 + 100 * 2);
    expect(costOf(withVariable, {})).toBe(1 + 24 * 2);
    expect(costOf('query($n: Int = 3) { products(first: $n) { edges { cursor } } }')).toBe(1 + 3);
    expect(costOf(withVariable, { n: 1e9 })).toBeGreaterThan(1e9);
  });

  it('counts a list without first at its expected size', () => {
    // 10 categories x (1 + 10 children x 1)
    expect(costOf('{ categories { name children { name } } }')).toBe(10 * (1 + 10));
    // A cart holds at most 50 lines.
    expect(costOf('{ cart(id: "c") { lines { quantity } } }')).toBe(1 + 50);
  });

  it('passes first through an object that holds the connection, and sizes facets by their own', () => {
    // search 1 + products 1 + 24 edges x 2 + 10 facets x (1 + 25 values x 1)
    const query = '{ search { products { edges { node { id } } } facets { values { count } } } }';
    expect(costOf(query)).toBe(1 + 1 + 24 * 2 + 10 * (1 + 25));
    expect(costOf('{ search(first: 100) { products { edges { cursor } } } }')).toBe(1 + 1 + 100);
  });

  it('charges mutations 10 each', () => {
    expect(costOf('mutation { a: createCart { id } b: createCart { id } }')).toBe(20);
  });

  it('costs a fragment as often as it is spread, computing it once', () => {
    const query = /* GraphQL */ `
      {
        products(first: 2) {
          edges {
            node {
              ...P
            }
          }
        }
        product(slug: "x") {
          ...P
        }
      }
      fragment P on Product {
        variants {
          price {
            amount
          }
        }
      }
    `;
    // products: 1 + 2 x (1 + 1 + 10 x 2) = 45; product: 1 + 10 x 2 = 21
    expect(costOf(query)).toBe(45 + 21);
  });
});
