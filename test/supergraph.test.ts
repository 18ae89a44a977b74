import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, SUPERGRAPH_PATH } from '../scripts/supergraph.ts';

describe('schema/supergraph.graphql', () => {
  it('is what the subgraph SDL composes to (run `pnpm compose` and commit when this fails)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
  });
});
