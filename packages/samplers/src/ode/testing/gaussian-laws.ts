import { type ParticleBatch, type Rng, type Sde, type Stage, collectAll, positionsOf, sigmaOf, stepsOf, timeOfSigma } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import { gaussianBatches } from '../../testing/gaussian.js';

/**
 * Test-only: the data law N(mu, sigma^2) = N(1.5, 0.5^2) per coordinate, the time T = 2 it is diffused
 * to, and the particle count of the moment checks, shared by the sigma-stepping samplers' specs
 * (ddim, euler-ancestral).
 */
export const SIGMA_SAMPLER_CASE = { mu: 1.5, sigma: 0.5, T: 2, particles: 20_000 } as const;

/**
 * Test-only: `steps + 1` times from tStart down to tEnd > 0 with equal steps in log sigma(t), i.e.
 * in lambda = -log sigma (the "logSNR" grid of DPM-Solver): the grid on which samplers that step
 * in sigma show their order, whatever sigma(t) is.
 */
export function logSigmaTimes(sde: Sde, tStart: number, tEnd: number, steps: number): Float64Array {
  const from = Math.log(sigmaOf(sde, tStart));
  const to = Math.log(sigmaOf(sde, tEnd));
  const times = Float64Array.from({ length: steps + 1 }, (_, k) => timeOfSigma(sde, Math.exp(from + ((to - from) * k) / steps)));
  times[0] = tStart;
  times[steps] = tEnd;
  return times;
}

/** Test-only: one batch of n particles drawn from p_t, the target N(mu, sigma^2 I) diffused to time t. */
export function diffusedGaussianBatch(sde: Sde, rng: Rng, n: number, dim: number, mu: number, sigma: number, t: number): ParticleBatch {
  const { mean, std } = sde.marginal(t);
  return gaussianBatches(rng, n, dim, mean * mu, Math.sqrt(mean * mean * sigma * sigma + std * std), n, t)[0];
}

/** Test-only: Tweedie's E[x_0 | x_t = x] for the target N(mu, sigma^2): (x + s^2 score) / m. */
export function gaussianDenoised(sde: Sde, mu: number, sigma: number, t: number, x: number): number {
  const { mean: m, std: s } = sde.marginal(t);
  const v = m * m * sigma * sigma + s * s;
  return (x - (s * s * (x - m * mu)) / v) / m;
}

/**
 * Test-only: the exact law (mean, std of each coordinate) of the DDIM chain of Song, Meng and Ermon
 * 2021 started from the exact p_{t_0} of the target N(mu, sigma^2), written independently of the
 * samplers: each SDE time is mapped to the VP process with the same sigma = s / m
 * (alpha-bar = 1 / (1 + sigma^2), y = x / (m sqrt(1 + sigma^2))), where eqs. 12 and 16 apply
 * literally:
 *
 *   y' = sqrt(ab') x0-hat + sqrt(1 - ab' - sigma_t^2) eps-hat + sigma_t z,
 *   sigma_t = eta sqrt((1 - ab') / (1 - ab)) sqrt(1 - ab / ab').
 *
 * With the exact score x0-hat and eps-hat are affine in x, so the chain is x' = A x + B + C z and
 * its Gaussian law follows by mean' = A mean + B, var' = A^2 var + C^2.
 */
export function ddimChainLaw(sde: Sde, mu: number, sigma: number, times: Float64Array, eta: number): { mean: number; std: number } {
  const start = sde.marginal(times[0]);
  let mean = start.mean * mu;
  let variance = start.mean * start.mean * sigma * sigma + start.std * start.std;
  for (let k = 0; k + 1 < times.length; k++) {
    const { mean: m, std: s } = sde.marginal(times[k]);
    const { mean: mNext, std: sNext } = sde.marginal(times[k + 1]);
    const level = s / m;
    const levelNext = sNext / mNext;
    const ab = 1 / (1 + level * level);
    const abNext = 1 / (1 + levelNext * levelNext);
    const v = m * m * sigma * sigma + s * s;
    // x0-hat = p x + q; eps-hat = (x / m - x0-hat) / sigma = e1 x + e0 (per unit of y's scale).
    const p = (1 - (s * s) / v) / m;
    const q = (s * s * mu) / v;
    const e1 = (1 / m - p) / level;
    const e0 = -q / level;
    const sigmaT = eta * Math.sqrt((1 - abNext) / (1 - ab)) * Math.sqrt(Math.max(0, 1 - ab / abNext));
    const c = Math.sqrt(Math.max(0, 1 - abNext - sigmaT * sigmaT));
    const scale = mNext * Math.sqrt(1 + levelNext * levelNext);
    const A = scale * (Math.sqrt(abNext) * p + c * e1);
    const B = scale * (Math.sqrt(abNext) * q + c * e0);
    const C = scale * sigmaT;
    mean = A * mean + B;
    variance = A * A * variance + C * C;
  }
  return { mean, std: Math.sqrt(variance) };
}

/**
 * Test-only: runs `stage` (built on `times`, ending at t = 0) on `batch` with a snapshot every
 * step and returns the largest |x_N - m(0) x0-hat(x_{N-1}, t_{N-1})|: zero when the last step lands
 * on the denoised estimate of the particles it starts from.
 */
export async function landingError(stage: Stage, sde: Sde, mu: number, sigma: number, times: Float64Array, batch: ParticleBatch): Promise<number> {
  const steps = times.length - 1;
  const out = await collectAll(from([batch]).pipe(stage));
  const at = (step: number) => {
    const snapshot = out.find((b) => stepsOf(b)[0] === step);
    if (snapshot === undefined) throw new Error(`landingError: no snapshot at step ${step}; run the stage with snapshotEvery: 1.`);
    return positionsOf(snapshot);
  };
  const before = at(steps - 1);
  const after = at(steps);
  const m0 = sde.marginal(0).mean;
  let error = 0;
  for (let i = 0; i < after.length; i++) error = Math.max(error, Math.abs(after[i] - m0 * gaussianDenoised(sde, mu, sigma, times[steps - 1], before[i])));
  return error;
}

/** Test-only: mean and std of all coordinates of the last snapshot of `stage` run on `batch`. */
export async function finalMoments(stage: Stage, batch: ParticleBatch): Promise<{ mean: number; std: number; n: number }> {
  const out = await lastValueFrom(from([batch]).pipe(stage));
  const x = positionsOf(out);
  let sum = 0;
  let squares = 0;
  for (const v of x) {
    sum += v;
    squares += v * v;
  }
  const mean = sum / x.length;
  return { mean, std: Math.sqrt(squares / x.length - mean * mean), n: x.length };
}
