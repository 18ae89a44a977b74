/** The product page both benchmarks measure: `$n` products with variants, prices, availability. */
export const PRODUCT_PAGE_QUERY = /* GraphQL */ `
  query ProductPage($n: Int!) {
    products(first: $n) {
      totalCount
      edges {
        node {
          id
          name
          variants {
            id
            sku
            price {
              amount
              currencyCode
            }
            availability {
              available
              inStock
            }
          }
        }
      }
    }
  }
`;
