/**
 * Test-only: a small seeded uniform generator on [0, 1) (mulberry32, Tommy Ettinger 2017) for
 * test data. Nothing outside tests draws from it: training and initialisation use core's keyed RNG.
 */
export function uniformSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let r = Math.imul(state ^ (state >>> 15), 1 | state);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
