import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_REFERENCE_PATH, writeSchemaReference } from './schema-docs.ts';
import { API_SCHEMA_PATH, composeGraph, SUPERGRAPH_PATH } from './supergraph.ts';

// `pnpm compose`: writes schema/supergraph.graphql, schema/api.graphql and the reference made
// from it, docs/schema/index.html; commit them with the SDL change.
const { supergraphSdl, apiSchemaSdl } = composeGraph();
writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
console.log(`wrote ${fileURLToPath(SUPERGRAPH_PATH)}`);
writeFileSync(API_SCHEMA_PATH, apiSchemaSdl);
console.log(`wrote ${fileURLToPath(API_SCHEMA_PATH)}`);
writeSchemaReference();
console.log(`wrote ${fileURLToPath(SCHEMA_REFERENCE_PATH)}`);
