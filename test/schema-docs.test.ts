import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  renderCommittedSchemaReference,
  renderSchemaReference,
  SCHEMA_REFERENCE_PATH,
  undocumentedCoordinates,
} from '../scripts/schema-docs.ts';
import { API_SCHEMA_PATH } from '../scripts/supergraph.ts';

describe('docs/schema/index.html', () => {
  it('is the reference for schema/api.graphql (run `pnpm docs:schema` and commit when this fails)', () => {
    expect(readFileSync(SCHEMA_REFERENCE_PATH, 'utf8')).toBe(renderCommittedSchemaReference());
  });

  it('documents every type, field, argument and deprecation, linking the types', () => {
    const html = renderSchemaReference(
      buildSchema(/* GraphQL */ `
        """
        Entry points.
        """
        type Query {
          """
          A product by slug.
          """
          product(
            """
            The product's slug.
            """
            slug: String!
          ): Product
        }
        """
        A thing for sale.
        """
        type Product {
          """
          Display name, <b>plain</b> text.
          """
          name: String!
          """
          Old name.
          """
          title: String @deprecated(reason: "Use Product.name instead. Removal: 2027-06-01.")
        }
      `),
    );
    expect(html).toContain('<section id="Product">');
    expect(html).toContain('<code>product: <a href="#Product">Product</a></code>');
    expect(html).toContain('<code>slug: <span class="builtin">String</span>!</code>');
    expect(html).toContain("<p>The product's slug.</p>");
    expect(html).toContain('Display name, &lt;b&gt;plain&lt;/b&gt; text.');
    expect(html).toContain('Deprecated: Use Product.name instead. Removal: 2027-06-01.');
    expect(html).not.toMatch(/<(?:link|script)\b|src="http/);
  });
});

describe('the public API descriptions', () => {
  const schema = buildSchema(readFileSync(API_SCHEMA_PATH, 'utf8'));
  const undocumented = undocumentedCoordinates(schema);

  it('cover every public type, field, argument and enum value', () => {
    expect(
      undocumented,
      'add a """description""" in the subgraph SDL, then `pnpm compose`',
    ).toEqual([]);
  });

  it('finds an undocumented field, argument and enum value', () => {
    expect(
      undocumentedCoordinates(
        buildSchema(/* GraphQL */ `
          """
          Entry points.
          """
          type Query {
            product(slug: String): Status
          }
          """
          A status.
          """
          enum Status {
            """
            Live.
            """
            ACTIVE
            DRAFT
          }
        `),
      ),
    ).toEqual(['Query.product', 'Query.product(slug:)', 'Status.DRAFT']);
  });
});
