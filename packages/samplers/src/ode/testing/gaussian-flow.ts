import { type Sde, type Stage, createRng, makeParticleBatch, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import type { ReverseSamplerOptions } from '../../shared/reverse-sampler.js';
import { gaussianScore } from '../../testing/gaussian.js';

/**
 * Test-only: the exact probability-flow ODE map of the target N(mu, sigma^2 I) diffused by a linear
 * SDE, from time `from` to time `to`. The marginal at t is N(m_t mu, v_t I), v_t = m_t^2 sigma^2 +
 * s_t^2, and the flow is the affine map between the two Gaussians:
 *
 *   x_to = m_to mu + sqrt(v_to / v_from) (x_from - m_from mu).
 */
export function gaussianFlow(sde: Sde, mu: number, sigma: number, fromTime: number, toTime: number, x: number): number {
  const a = sde.marginal(fromTime);
  const b = sde.marginal(toTime);
  const va = a.mean * a.mean * sigma * sigma + a.std * a.std;
  const vb = b.mean * b.mean * sigma * sigma + b.std * b.std;
  return b.mean * mu + Math.sqrt(vb / va) * (x - a.mean * mu);
}

/**
 * Test-only: runs `stage` on a few deterministic 2-D particles spread over p_{t_0} (at m mu + k sqrt(v)
 * for k in -2.5..2.5) and returns the largest absolute error of the final positions against
 * `gaussianFlow` from times[0] to the last time: the global error of an ODE solver.
 */
export async function flowError(stage: Stage, sde: Sde, mu: number, sigma: number, times: Float64Array): Promise<number> {
  const start = times[0];
  const end = times[times.length - 1];
  const { mean, std } = sde.marginal(start);
  const spread = Math.sqrt(mean * mean * sigma * sigma + std * std);
  const offsets = [-2.5, -1.5, -0.5, 0, 0.5, 1.5, 2.5];
  const x0 = new Float32Array(offsets.length * 2);
  offsets.forEach((k, i) => {
    x0[2 * i] = mean * mu + k * spread;
    x0[2 * i + 1] = mean * mu - 0.7 * k * spread;
  });
  const batch = makeParticleBatch({ x: x0, dim: 2, id: 0, step: 0, t: start });
  const out = positionsOf(await lastValueFrom(from([batch]).pipe(stage)));
  let error = 0;
  for (let i = 0; i < x0.length; i++) error = Math.max(error, Math.abs(out[i] - gaussianFlow(sde, mu, sigma, start, end, x0[i])));
  return error;
}

/** Test-only: least-squares slope of log(error) against log(steps): -p for a method of order p. */
export function logLogSlope(steps: readonly number[], errors: readonly number[]): number {
  const xs = steps.map(Math.log);
  const ys = errors.map(Math.log);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/**
 * Test-only: a sampler's convergence on the exact Gaussian flow. For each step count n, `make`
 * builds the stage from the exact score of N(mu, sigma^2 I) under `sde`, the times `timesOf(n)`
 * and one snapshot at the end; returns each run's `flowError` and their `logLogSlope`.
 */
export async function flowConvergence(
  sde: Sde,
  mu: number,
  sigma: number,
  steps: readonly number[],
  timesOf: (n: number) => Float64Array,
  make: (options: ReverseSamplerOptions) => Stage,
): Promise<{ errors: number[]; slope: number }> {
  const errors: number[] = [];
  for (const n of steps) {
    const times = timesOf(n);
    errors.push(await flowError(make({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times, includeInitial: false, snapshotEvery: n }), sde, mu, sigma, times));
  }
  return { errors, slope: logLogSlope(steps, errors) };
}
