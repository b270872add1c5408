/** Rows `first .. first + count - 1` of a population: the particles one GPU buffer holds. */
export interface ParticleRange {
  readonly first: number;
  readonly count: number;
}

/**
 * Splits `n` particles of dimension `dim` (float32 coordinates) into consecutive ranges whose
 * positions take at most `maxBytes` each (a device's `maxStorageBufferBindingSize`, or
 * `maxBufferSize` where smaller): as few ranges as can be, all full but the last. No particles
 * give no ranges.
 *
 * @example
 * planChunks(10, 2, 32); // [{ first: 0, count: 4 }, { first: 4, count: 4 }, { first: 8, count: 2 }]
 */
export function planChunks(n: number, dim: number, maxBytes: number): ParticleRange[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`planChunks: n must be an integer >= 0, got ${n}.`);
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`planChunks: dim must be an integer >= 1, got ${dim}.`);
  const perChunk = Math.floor(maxBytes / (4 * dim));
  if (!(perChunk >= 1)) {
    throw new RangeError(`planChunks: one particle of dimension ${dim} takes ${4 * dim} bytes, more than the ${maxBytes} bytes a buffer may bind.`);
  }
  const ranges: ParticleRange[] = [];
  for (let first = 0; first < n; first += perChunk) ranges.push({ first, count: Math.min(perChunk, n - first) });
  return ranges;
}
