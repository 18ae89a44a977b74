import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_PATH, composeGraph, SUPERGRAPH_PATH } from '../scripts/supergraph.ts';

describe('the committed schemas (run `pnpm compose` and commit when these fail)', () => {
  const { supergraphSdl, apiSchemaSdl } = composeGraph();

  it('schema/supergraph.graphql is what the subgraph SDL composes to', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(supergraphSdl);
  });

  it('schema/api.graphql is the API schema of that supergraph', () => {
    expect(readFileSync(API_SCHEMA_PATH, 'utf8')).toBe(apiSchemaSdl);
  });

  it('schema/api.graphql leaves out federation internals and @inaccessible fields', () => {
    expect(apiSchemaSdl).not.toMatch(/join__|link__|@inaccessible|_entities|_Service/);
    // Examples of @inaccessible fields the subgraphs use between themselves.
    expect(apiSchemaSdl).not.toMatch(/\breserveStock\b|\bcartPersonalData\b/);
    expect(apiSchemaSdl).toMatch(/^type Query \{/m);
  });
});
