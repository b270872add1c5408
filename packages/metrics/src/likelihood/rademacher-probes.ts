import { type Rng, streamId } from '@scoreflow/core';

/** The stream of the Hutchinson probes in core's keyed generator. */
export const PROBE_STREAM = streamId('hutchinson-probe');

/**
 * Rademacher probes for Hutchinson's trace estimator (Hutchinson 1989): n * dim independent signs
 * +1 or -1 with probability 1/2 each, for particles `first .. first + n - 1`, keyed by particle id
 * through core's generator (stream `hutchinson-probe`, step `draw`), so that a particle gets the
 * same probe in whatever batch it travels. Drawn once per ODE solve and held fixed through it
 * (score_sde's `likelihood.py`; FFJORD): fresh noise at every evaluation would defeat the adaptive
 * step control.
 */
export function rademacherProbes(rng: Rng, first: number, n: number, dim: number, draw = 0): Float32Array {
  const probes = rng.uniform(new Float32Array(n * dim), { first, count: n }, dim, { step: draw, stream: PROBE_STREAM });
  for (let i = 0; i < probes.length; i++) probes[i] = probes[i] < 0.5 ? -1 : 1;
  return probes;
}
