import type { MlpScoreDescription } from '@scoreflow/core';

/**
 * The time embedding of `times`, one row of E = 2 * frequencies.length features per time:
 * [sin(t f_0) .. sin(t f_{E/2-1}), cos(t f_0) .. cos(t f_{E/2-1})], computed on the host as
 * TF.js's cpu backend computes score-nets' embedding (the angle t f_k a float32 product, its sine
 * rounded to float32). The GPU reads these rows instead of evaluating sin and cos itself: WGSL's
 * sin and cos are specified to 2^-11 absolute error on [-pi, pi] only, and random Fourier angles
 * reach hundreds of radians.
 */
export function mlpTimeFeatures(description: Pick<MlpScoreDescription, 'frequencies'>, times: ArrayLike<number>): Float32Array {
  const { frequencies } = description;
  const half = frequencies.length;
  const out = new Float32Array(times.length * 2 * half);
  for (let i = 0; i < times.length; i++) {
    const t = Math.fround(times[i] as number);
    for (let k = 0; k < half; k++) {
      const angle = Math.fround(t * (frequencies[k] as number));
      out[i * 2 * half + k] = Math.sin(angle);
      out[i * 2 * half + half + k] = Math.cos(angle);
    }
  }
  return out;
}
