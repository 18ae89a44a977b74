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

/** A product page (`pnpm bench`): one product by slug with what its page shows. */
export const PRODUCT_BY_SLUG_QUERY = /* GraphQL */ `
  query ProductBySlug($slug: String!) {
    product(slug: $slug) {
      id
      slug
      name
      description
      seoTitle
      seoDescription
      category {
        slug
        name
      }
      media {
        url
        alt
      }
      variants {
        id
        sku
        options {
          name
          value
        }
        price {
          amount
          currencyCode
        }
        compareAtPrice {
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
`;

/** A category page (`pnpm bench`): `$n` products of a category with variants, prices, availability. */
export const CATEGORY_PAGE_QUERY = /* GraphQL */ `
  query CategoryPage($slug: String!, $n: Int!) {
    category(slug: $slug) {
      id
      name
      children {
        slug
        name
      }
    }
    products(first: $n, categorySlug: $slug) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          slug
          name
          variants {
            id
            sku
            price {
              amount
              currencyCode
            }
            compareAtPrice {
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

/** A results page with facets (`pnpm bench`): text and filters, every facet count, price bounds. */
export const SEARCH_PAGE_QUERY = /* GraphQL */ `
  query SearchPage($query: String, $filters: [FacetFilterInput!], $n: Int!) {
    search(query: $query, filters: $filters, first: $n) {
      correctedQuery
      priceRange {
        min {
          amount
          currencyCode
        }
        max {
          amount
          currencyCode
        }
      }
      facets {
        name
        label
        values {
          value
          label
          count
          selected
        }
      }
      products {
        totalCount
        edges {
          node {
            id
            slug
            name
            variants {
              id
              price {
                amount
                currencyCode
              }
              availability {
                inStock
              }
            }
          }
        }
      }
    }
  }
`;

/** A cart page (`pnpm bench`): every line with its variant and prices. */
export const CART_PAGE_QUERY = /* GraphQL */ `
  query CartPage($id: ID!) {
    cart(id: $id) {
      id
      totalQuantity
      subtotal {
        amount
        currencyCode
      }
      lines {
        id
        quantity
        unitPrice {
          amount
          currencyCode
        }
        lineTotal {
          amount
          currencyCode
        }
        variant {
          id
          sku
          product {
            name
          }
          availability {
            inStock
          }
        }
      }
    }
  }
`;

/**
 * A guest order paid with the simulator's approving card, with every refusal a rush meets
 * (`pnpm bench:flash-sale`, `pnpm drill`).
 */
export const PLACE_APPROVED_ORDER = /* GraphQL */ `
  mutation BenchOrder($cartId: ID!, $idempotencyKey: String!, $email: String!) {
    placeOrder(
      input: {
        cartId: $cartId
        idempotencyKey: $idempotencyKey
        email: $email
        paymentMethod: {
          type: "scheme"
          encryptedCardNumber: "test_4111111145551142"
          encryptedExpiryMonth: "test_03"
          encryptedExpiryYear: "test_2030"
          encryptedSecurityCode: "test_737"
          holderName: "APPROVED"
        }
      }
    ) {
      __typename
      ... on OrderPlaced {
        order {
          id
        }
      }
      ... on OutOfStock {
        code
        lines {
          available
        }
      }
      ... on PurchaseLimitExceeded {
        code
      }
      ... on CheckoutUnavailable {
        code
      }
      ... on CartUnavailable {
        code
      }
      ... on InvalidCheckoutInput {
        code
        message
      }
    }
  }
`;
