import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { gql } from 'graphql-tag';

/** The subgraphs in the graph, with the URLs they listen on by default. */
export const SUBGRAPHS = [
  { name: 'products', url: 'http://127.0.0.1:4001/graphql' },
  { name: 'inventory', url: 'http://127.0.0.1:4002/graphql' },
  { name: 'cart', url: 'http://127.0.0.1:4003/graphql' },
  { name: 'checkout', url: 'http://127.0.0.1:4004/graphql' },
  { name: 'identity', url: 'http://127.0.0.1:4005/graphql' },
] as const;

export const SUPERGRAPH_PATH = new URL('../schema/supergraph.graphql', import.meta.url);

/** The public API schema partners build against: no federation internals, no `@inaccessible`. */
export const API_SCHEMA_PATH = new URL('../schema/api.graphql', import.meta.url);

/** Composes the subgraphs' SDL files into the supergraph SDL, or throws with every error. */
export function composeSupergraph(): string {
  return composeGraph().supergraphSdl;
}

/** The composed supergraph SDL and its API schema SDL (types and fields sorted by name). */
export function composeGraph(): { supergraphSdl: string; apiSchemaSdl: string } {
  const result = composeServices(
    SUBGRAPHS.map(({ name, url }) => ({
      name,
      url,
      typeDefs: gql(
        readFileSync(new URL(`../subgraphs/${name}/src/schema.graphql`, import.meta.url), 'utf8'),
      ),
    })),
  );
  if (result.errors) {
    throw new Error(
      `Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  // Sorted, so that moving a field between subgraphs or within a file does not show as a change.
  const apiSchema = lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return { supergraphSdl: result.supergraphSdl, apiSchemaSdl: `${printSchema(apiSchema)}\n` };
}
