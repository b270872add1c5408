import type { LinearObservation, Stage } from '@scoreflow/core';
import { reverseSde } from '../reverse-sde/reverse-sde.js';
import { type ReverseSamplerOptions, type SamplerState, reverseSampler } from '../shared/reverse-sampler.js';
import { type ObservedProjection, observedProjection, writeResidual } from './observed-projection.js';

export interface DpsOptions extends ReverseSamplerOptions {
  readonly observation: LinearObservation;
  /** zeta: the step along -grad_x |y - A x0_hat(x)| after each reverse step (DPS's `scale`). */
  readonly scale: number;
  /** Take the last reverse step without noise; true by default. */
  readonly noiseRemoval?: boolean;
}

/**
 * Diffusion posterior sampling (Chung et al. 2022, Algorithm 1, as in their code's
 * `PosteriorSampling`): an Euler-Maruyama step of the unconditional reverse SDE, then
 *
 *   x <- x - zeta grad_{x_t} |y - A x0_hat(x_t)|,   x0_hat(x) = (x + s^2 score(x, t)) / m
 *
 * (Tweedie's denoiser; the code differentiates the unsquared norm). The gradient is
 * -J^T A^T r / |r| with r = y - A x0_hat and J = d x0_hat / d x = (I + s^2 grad^2 log p_t) / m,
 * which is symmetric: so J^T v is the directional derivative of x0_hat along v, taken here by one
 * central difference (step 0.01 s / m) through the score model: 3 score evaluations per step, for
 * any score model (the exact mixture's Hessian is not needed). Not exact: it ignores Cov(x_0 | x_t).
 */
export function dps(options: DpsOptions): Stage {
  const { sde, scale } = options;
  if (!(Number.isFinite(scale) && scale >= 0)) throw new RangeError(`dps: scale must be a finite number >= 0, got ${scale}.`);
  const reverse = reverseSde(sde);
  const projection = observedProjection(options.observation);
  const noiseRemoval = options.noiseRemoval ?? true;
  const last = options.times.length - 2;
  return reverseSampler(
    'dps',
    options,
    async (state, k, t, next) => {
      const { x } = state;
      const { mean, std } = sde.marginal(t);
      const score = state.buffer('score');
      await state.score(x, t, score);
      const direction = writeDirection(state, projection, score, mean, std);
      const epsilon = (0.01 * std) / mean;
      const plus = await denoisedAt(state, x, direction, epsilon, t, mean, std, 'plus');
      const minus = await denoisedAt(state, x, direction, -epsilon, t, mean, std, 'minus');
      const dt = next - t;
      const drift = state.buffer('drift');
      reverse.drift(x, t, score, drift, () => state.buffer('forward-drift'));
      const noise = noiseRemoval && k === last ? 0 : sde.diffusion(t) * Math.sqrt(-dt);
      const z = noise === 0 ? drift : state.normal(state.buffer('noise'), k);
      for (let i = 0; i < x.length; i++) x[i] += drift[i] * dt + noise * z[i] + (scale * (plus[i] - minus[i])) / (2 * epsilon);
    },
    { kind: 'reverse-sde', scoreEvaluationsPerStep: 3 },
  );
}

/** v = A^T r / |r| per particle, r = y - A x0_hat(x) (0 where r = 0), into the buffer `direction`. */
function writeDirection(state: SamplerState, p: ObservedProjection, score: Float32Array, mean: number, std: number): Float32Array {
  const { x, dim } = state;
  const { A, rows } = p.observation;
  const denoised = state.buffer('denoised');
  for (let i = 0; i < x.length; i++) denoised[i] = (x[i] + std * std * score[i]) / mean;
  const direction = state.buffer('direction');
  for (let base = 0; base < x.length; base += dim) {
    const norm = Math.sqrt(writeResidual(p, denoised, base, 1, 0, denoised, p.residual));
    for (let j = 0; j < dim; j++) {
      let v = 0;
      for (let r = 0; r < rows; r++) v += A[r * dim + j] * p.residual[r];
      direction[base + j] = norm === 0 ? 0 : v / norm;
    }
  }
  return direction;
}

/** x0_hat(x + epsilon v) into the buffer `name` (one score evaluation). */
async function denoisedAt(state: SamplerState, x: Float32Array, v: Float32Array, epsilon: number, t: number, mean: number, std: number, name: string): Promise<Float32Array> {
  const probe = state.buffer(`probe-${name}`);
  for (let i = 0; i < x.length; i++) probe[i] = x[i] + epsilon * v[i];
  const out = state.buffer(`denoised-${name}`);
  await state.score(probe, t, out);
  for (let i = 0; i < x.length; i++) out[i] = (probe[i] + std * std * out[i]) / mean;
  return out;
}
