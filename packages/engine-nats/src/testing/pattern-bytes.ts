/**
 * The bytes a test work item `key` stands for: `length` bytes of a linear congruential sequence
 * seeded by the key, so every worker (in any process) computes the same result for the same item.
 */
export function patternBytes(key: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = (key * 2654435761 + 12345) >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}
