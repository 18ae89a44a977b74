import { describe, expect, it } from 'vitest';
import { MAX_CART_AMOUNT, allocateDiscount } from './pricing.ts';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('allocateDiscount', () => {
  it('gives the minor units the floors leave to the largest remainders', () => {
    // Exact shares 555.56, 166.67, 277.78.
    expect(allocateDiscount(1_000, [10_000, 3_000, 5_000])).toEqual([555, 167, 278]);
  });

  it('gives a tied minor unit to the earlier line', () => {
    expect(allocateDiscount(1, [2_000, 2_000])).toEqual([1, 0]);
    expect(allocateDiscount(3, [1, 1, 1, 1])).toEqual([1, 1, 1, 0]);
  });

  it('gives nothing to a line of weight 0 (not eligible), and all of it to the only other', () => {
    expect(allocateDiscount(701, [0, 5_000, 0])).toEqual([0, 701, 0]);
    expect(allocateDiscount(0, [5_000, 3_000])).toEqual([0, 0]);
    expect(allocateDiscount(0, [])).toEqual([]);
  });

  it('stays exact where amount times weight passes 2^53', () => {
    const weights = [MAX_CART_AMOUNT - 3, 1, 2];
    const shares = allocateDiscount(MAX_CART_AMOUNT - 1, weights);
    expect(sum(shares)).toBe(MAX_CART_AMOUNT - 1);
    expect(shares[0]).toBe(MAX_CART_AMOUNT - 4);
    shares.forEach((share, i) => expect(share).toBeLessThanOrEqual(weights[i]!));
  });

  it('always adds up to the amount, each share within a unit of its exact share and at most its line', () => {
    const next = random(12);
    for (let round = 0; round < 500; round += 1) {
      const weights = Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
        next() < 0.15 ? 0 : Math.floor(next() * 500_000),
      );
      const total = sum(weights);
      const amount = Math.floor(next() * (total + 1));
      const shares = allocateDiscount(amount, weights);
      expect(sum(shares)).toBe(amount);
      shares.forEach((share, i) => {
        const exact = total === 0 ? 0 : (amount * weights[i]!) / total;
        expect(share).toBeGreaterThanOrEqual(Math.floor(exact));
        expect(share).toBeLessThanOrEqual(Math.ceil(exact));
        expect(share).toBeLessThanOrEqual(weights[i]!);
      });
    }
  });

  it('refuses to allocate more than the lines are worth (a bug upstream)', () => {
    expect(() => allocateDiscount(10, [3, 4])).toThrow(/cannot allocate/);
  });
});
