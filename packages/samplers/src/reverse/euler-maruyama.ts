import {
  DimensionError,
  type ParticleBatch,
  type Rng,
  type ScoreModel,
  type Sde,
  type Stage,
  type StepLoop,
  compactIds,
  positionsOf,
  runSteps,
  streamId,
} from '@scoreflow/core';
import { concatMap } from 'rxjs';
import { reverseGeneralStep, reverseLinearStep } from '../kernels/reverse-step.js';
import { identityOf } from '../shared/batch-identity.js';
import { snapshotBatch } from '../shared/snapshot.js';
import { type Spacing, timeGrid } from '../shared/time-grid.js';

export interface EulerMaruyamaOptions {
  readonly sde: Sde;
  readonly score: ScoreModel;
  /** The run's random source (`ctx.rng`); noise is keyed by particle id and step. */
  readonly rng: Rng;
  readonly steps: number;
  /** Start time of the reverse process; `sde.T` by default. */
  readonly tStart?: number;
  /** End time (> 0 keeps the score finite at the data); 1e-3 by default. */
  readonly tEnd?: number;
  readonly spacing?: Spacing;
  /** Take the last step without noise (score_sde's `noise_removal`); true by default. */
  readonly denoise?: boolean;
  readonly snapshotEvery?: number;
  readonly includeInitial?: boolean;
  readonly signal?: AbortSignal;
  /** Names this stage in errors and keys its noise; `euler-maruyama` by default. */
  readonly name?: string;
}

/**
 * The reverse-time SDE of Anderson (1982), dx = [f(x, t) - g(t)^2 grad log p_t(x)] dt + g(t) dW-bar,
 * integrated backwards from `tStart` to `tEnd` by Euler-Maruyama (Song et al. 2021, eq. 6 and
 * the "Euler-Maruyama" predictor of appendix D): with dt = t_{k+1} - t_k < 0,
 *
 *   x_{k+1} = x_k + [f(x_k, t_k) - g(t_k)^2 score(x_k, t_k)] dt + g(t_k) sqrt(|dt|) z_k.
 *
 * For pure noise (f = 0, g = 1) the backward drift is the score itself: particles climb
 * log p_t while the noise keeps them spread. Input batches are prior samples; each batch is one
 * independent run; snapshots are emitted every `snapshotEvery` steps.
 */
export function eulerMaruyama(options: EulerMaruyamaOptions): Stage {
  const { sde, score, steps, rng } = options;
  const name = options.name ?? 'euler-maruyama';
  const tStart = options.tStart ?? sde.T;
  const tEnd = options.tEnd ?? 1e-3;
  if (!(tEnd < tStart)) throw new RangeError(`${name}: tEnd (${tEnd}) must be below tStart (${tStart}): the reverse process runs backwards in time.`);
  const times = timeGrid(tStart, tEnd, steps, options.spacing ?? 'uniform');
  const denoise = options.denoise ?? true;
  const schedule = { snapshotEvery: options.snapshotEvery ?? 1, includeInitial: options.includeInitial ?? true };
  const stream = streamId(name);
  return concatMap((batch: ParticleBatch) => {
    const identity = identityOf(batch);
    if (identity.dim !== score.dim) throw new DimensionError(`${name}: score model '${score.name}' and particles`, score.dim, identity.dim);
    const x = positionsOf(batch).slice();
    const linear = sde.driftCoefficient !== undefined;
    const drift = new Float32Array(linear ? 0 : x.length);
    const gradient = new Float32Array(x.length);
    const z = new Float32Array(x.length);
    const noiseIds = compactIds(identity.ids);
    const loop: StepLoop = {
      steps,
      x,
      ids: identity.ids,
      dim: identity.dim,
      time: (k) => times[k],
      async step(k) {
        const t = times[k];
        const dt = times[k + 1] - t;
        const g = sde.diffusion(t);
        await score.score(x, t, gradient);
        const noise = denoise && k === steps - 1 ? 0 : g * Math.sqrt(-dt);
        if (noise !== 0) rng.normal(z, noiseIds, identity.dim, { step: k, stream });
        if (sde.driftCoefficient !== undefined) {
          return reverseLinearStep(x, gradient, z, 1 + sde.driftCoefficient(t) * dt, g * g * dt, noise);
        }
        sde.drift(x, t, drift);
        reverseGeneralStep(x, drift, gradient, z, dt, g * g * dt, noise);
      },
      snapshot: (k) => snapshotBatch(identity, x, k, times[k]),
    };
    return runSteps(name, loop, schedule, options.signal);
  });
}
