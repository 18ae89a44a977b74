import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeSupergraph, SUPERGRAPH_PATH } from './supergraph.ts';

// `pnpm compose`: writes schema/supergraph.graphql; commit it with the SDL change.
writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
console.log(`wrote ${fileURLToPath(SUPERGRAPH_PATH)}`);
