import type { SamplerState } from '../shared/reverse-sampler.js';

/**
 * How the Langevin corrector sets its step size eps = 2 alpha (snr ||z|| / ||grad||)^2.
 * score_sde averages the per-sample norms over the batch, so that each particle depends on the
 * others in its batch; here no particle does, whatever the batch size:
 * - `noise-level`: ||z|| / ||grad|| is replaced by its value s(t) when the noise dominates the
 *   data (the score of N(m x_0, s^2 I) is -z / s, and E||grad log p_t||^2 <= d / s^2 always, by
 *   the Fisher information inequality), so eps = 2 alpha snr^2 s(t)^2, the same for every
 *   particle: score_sde's large-batch step at high noise, a smaller one near the data;
 * - `per-particle`: each particle's own norms. In high dimension the norms concentrate and this is
 *   score_sde's step; in low dimension ||grad|| comes close to 0 near a mode often enough that
 *   eps has no finite mean (in d <= 2) and a few particles jump far: use it for images, not 2-D.
 */
export type LangevinStepSize = 'noise-level' | 'per-particle';

/** The parameters of one Langevin corrector step (see `langevinCorrect`). */
export interface LangevinStep {
  readonly snr: number;
  /** The weight alpha: 1 - beta_i for VP, 1 otherwise. */
  readonly alpha: number;
  readonly stepSize: LangevinStepSize;
  /** s(t), the marginal's noise std at the corrector's time. */
  readonly std: number;
}

/**
 * One Langevin corrector step at time t (Song et al. 2021, Algorithm 4, with appendix G's step
 * size; score_sde's `LangevinCorrector`), in place on `state.x`:
 *
 *   grad = score(x, t),  z ~ N(0, I),  eps = 2 alpha (snr ||z|| / ||grad||)^2,
 *   x <- x + eps grad + sqrt(2 eps) z,
 *
 * with the norms' ratio as `LangevinStepSize` says. A particle whose score is exactly zero does
 * not move (`per-particle`). Without `noisy`, the noise is not added (score_sde's `x_mean`).
 * One score evaluation; noise from stream index `use`.
 */
export async function langevinCorrect(state: SamplerState, k: number, t: number, use: number, step: LangevinStep, noisy: boolean): Promise<void> {
  const { x, dim } = state;
  const grad = state.buffer('score');
  await state.score(x, t, grad);
  const z = state.normal(state.buffer('noise'), k, use);
  const scale = 2 * step.alpha * step.snr * step.snr;
  if (step.stepSize === 'noise-level') {
    const eps = scale * step.std * step.std;
    const noise = noisy ? Math.sqrt(2 * eps) : 0;
    for (let i = 0; i < x.length; i++) x[i] += eps * grad[i] + noise * z[i];
    return;
  }
  for (let offset = 0; offset < x.length; offset += dim) {
    let gradSquare = 0;
    let noiseSquare = 0;
    for (let j = offset; j < offset + dim; j++) {
      gradSquare += grad[j] * grad[j];
      noiseSquare += z[j] * z[j];
    }
    const eps = gradSquare > 0 ? (scale * noiseSquare) / gradSquare : 0;
    const noise = noisy ? Math.sqrt(2 * eps) : 0;
    for (let j = offset; j < offset + dim; j++) x[j] += eps * grad[j] + noise * z[j];
  }
}
