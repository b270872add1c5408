import type { DrawKey, ParticleIds, Rng } from '@scoreflow/core';

/**
 * Keyed draws into reused Float64 buffers, for the toy sources: `uniform(ids, width, stream)`
 * returns `width` uniforms in (0, 1) per particle (row-major, `n * width`), `normal(...)`
 * standard normals, all at step 0 and keyed by particle id (core's `Rng`), so a particle gets the
 * same numbers whatever batch it travels in. Each (distribution, stream) has its own buffer: the
 * view a call returns stays valid until the next call for the same distribution and stream.
 */
export interface KeyedDraws {
  uniform(ids: ParticleIds, width: number, stream: number): Float64Array;
  normal(ids: ParticleIds, width: number, stream: number): Float64Array;
}

/** Creates the keyed draws of one subscription (call it inside `sample(ctx)`, once per run). */
export function keyedDraws(rng: Rng): KeyedDraws {
  const buffers = new Map<string, Float64Array>();
  const buffer = (tag: string, length: number): Float64Array => {
    let values = buffers.get(tag);
    if (values === undefined || values.length < length) {
      values = new Float64Array(length);
      buffers.set(tag, values);
    }
    return values.subarray(0, length);
  };
  const count = (ids: ParticleIds) => (ids instanceof Uint32Array ? ids.length : ids.count);
  const key = (stream: number): DrawKey => ({ step: 0, stream });
  return {
    uniform: (ids, width, stream) => rng.uniform(buffer(`u${stream}`, count(ids) * width), ids, width, key(stream)),
    normal: (ids, width, stream) => rng.normal(buffer(`n${stream}`, count(ids) * width), ids, width, key(stream)),
  };
}
