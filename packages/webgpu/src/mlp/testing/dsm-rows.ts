import { createRng, streamId } from '@scoreflow/core';
import type { DsmRows } from '../mlp-trainer.js';

/**
 * A DSM batch of `n` rows of the double Gaussian (modes at (-2, -2) and (2, 2), std 0.5) under the
 * VP SDE of Song et al. 2021 (beta from 0.1 to 20): t ~ U[1e-3, 1], z ~ N(0, I), m(t) and s(t) of
 * the VP marginal, weight 1, all from core's keyed RNG at (`seed`, `step`).
 */
export function doubleGaussianRows(n: number, step: number, seed = 7): DsmRows {
  const rng = createRng(seed);
  const rows = { first: 0, count: n };
  const u = rng.uniform(new Float32Array(n), rows, 1, { step, stream: streamId('mode') });
  const x0 = rng.normal(new Float32Array(2 * n), rows, 2, { step, stream: streamId('x0') });
  const z = rng.normal(new Float32Array(2 * n), rows, 2, { step, stream: streamId('z') });
  const t = rng.uniform(new Float32Array(n), rows, 1, { step, stream: streamId('t') });
  const mean = new Float32Array(n);
  const std = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const centre = (u[i] as number) < 0.5 ? -2 : 2;
    x0[2 * i] = centre + 0.5 * (x0[2 * i] as number);
    x0[2 * i + 1] = centre + 0.5 * (x0[2 * i + 1] as number);
    t[i] = 1e-3 + (1 - 1e-3) * (t[i] as number);
    const ti = t[i] as number;
    const m = Math.exp(-0.25 * ti * ti * (20 - 0.1) - 0.5 * ti * 0.1);
    mean[i] = m;
    std[i] = Math.sqrt(1 - m * m);
  }
  return { n, dim: 2, x0, z, t, mean, std, weight: new Float32Array(n).fill(1) };
}
