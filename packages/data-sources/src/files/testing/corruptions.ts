import { createRng, streamId } from '@scoreflow/core';

/** A damaged copy of a file's bytes and what was done to it (test helper). */
export interface Corruption {
  /** What was done, e.g. `cut at byte 12`, `byte 40 xor 0x1f`, `wrong magic`. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** How many damaged copies `corruptions` makes, and from which seed. */
export interface CorruptionPlan {
  /** Seed of the offsets and flip masks. */
  readonly seed: number;
  /** Truncations at seeded offsets, besides the first 8 bytes and the last byte (which are always cut). */
  readonly cuts: number;
  /** Single-byte flips at seeded offsets (each xor a seeded mask from 1 to 255). */
  readonly flips: number;
  /** Every offset instead of a sample: a cut at each and a flip of each (the long campaign). */
  readonly every?: boolean;
  /** Bytes of the format's magic number at the start of the file; 0 for none (CSV). */
  readonly magic: number;
}

const OFFSETS = streamId('corrupt-files/offsets');
const MASKS = streamId('corrupt-files/masks');

/**
 * Damaged copies of `bytes`, the way a disk, a copy or a writer that was killed damages files:
 * the file cut short (at each of its first 8 bytes, just before its end, and at `cuts` seeded
 * offsets), one byte flipped (at `flips` seeded offsets), and, where the format has one, its
 * magic number wrong. The offsets and masks come from core's keyed RNG, so a seed always gives
 * the same cases (test helper).
 *
 * @example
 * corruptions(bytes, { seed: 1, cuts: 16, flips: 40, magic: 4 }); // 8 + 1 + 16 + 40 + 1 cases (fewer if offsets repeat)
 */
export function corruptions(bytes: Uint8Array, plan: CorruptionPlan): Corruption[] {
  const n = bytes.length;
  const rng = createRng(plan.seed);
  const draw = (count: number, stream: number) => Array.from(rng.uniform(new Float64Array(count), { first: 0, count }, 1, { step: 0, stream }));
  const all = Array.from({ length: n }, (_, i) => i);
  const cutAt = plan.every ? all : [...Array.from({ length: Math.min(8, n) }, (_, i) => i), n - 1, ...draw(plan.cuts, OFFSETS).map((u) => Math.floor(u * n))];
  const flipAt = plan.every ? all : draw(plan.flips, OFFSETS + 1).map((u) => Math.floor(u * n));
  const masks = draw(flipAt.length, MASKS).map((u) => 1 + Math.floor(u * 255));
  const cases: Corruption[] = [...new Set(cutAt)].sort((a, b) => a - b).map((at) => ({ name: `cut at byte ${at}`, bytes: bytes.slice(0, at) }));
  const flipped = new Set<number>();
  flipAt.forEach((at, k) => {
    if (flipped.has(at)) return;
    flipped.add(at);
    const copy = bytes.slice();
    copy[at] ^= masks[k];
    cases.push({ name: `byte ${at} xor 0x${masks[k].toString(16).padStart(2, '0')}`, bytes: copy });
  });
  if (plan.magic > 0) {
    const copy = bytes.slice();
    for (let i = 0; i < plan.magic; i++) copy[i] = 0x3f; // '?'
    cases.push({ name: 'wrong magic', bytes: copy });
  }
  return cases;
}
