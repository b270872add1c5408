import { type ParticleBatch, type Rng, type Sde, type Stage, compactIds, describeStage, positionsOf, runSteps, streamId } from '@scoreflow/core';
import { concatMap } from 'rxjs';
import { identityOf } from '../shared/batch-identity.js';
import { timeLoop } from '../shared/time-loop.js';

/** The forward diffusion's grid: `steps` equal steps from `tStart` to exactly `tEnd`. */
export const forwardTimes = (steps: number, tStart: number, tEnd: number): Float64Array =>
  Float64Array.from({ length: steps + 1 }, (_, k) => (k === steps ? tEnd : tStart + ((tEnd - tStart) * k) / steps));

/** How the forward process advances: the exact Gaussian transition, or Euler-Maruyama. */
export type ForwardMethod = 'exact' | 'euler-maruyama';

export interface ForwardDiffusionOptions {
  readonly sde: Sde;
  /** The run's random source (`ctx.rng`); noise is keyed by particle id and step. */
  readonly rng: Rng;
  /** Number of steps from `tStart` to `tEnd`. */
  readonly steps: number;
  /** Start time; the data are x_0 at t = 0 by default. */
  readonly tStart?: number;
  /** End time; `sde.T` by default. */
  readonly tEnd?: number;
  readonly method?: ForwardMethod;
  readonly snapshotEvery?: number;
  readonly includeInitial?: boolean;
  readonly signal?: AbortSignal;
  /** Names this stage in errors and keys its noise; `forward` by default. */
  readonly name?: string;
}

/**
 * The forward (noising) process dx = f(x, t) dt + g(t) dW run on data particles, emitting a
 * snapshot every `snapshotEvery` steps: the "shake the data into noise" half of a diffusion
 * model (Sohl-Dickstein et al. 2015; Song et al. 2021, eq. 5).
 *
 * `exact` draws each step from the Gaussian transition of a linear SDE (Song et al. 2021,
 * appendix B): x_{t'} | x_t ~ N(a x_t, (s(t')^2 - a^2 s(t)^2) I) with a = m(t') / m(t), where
 * (m, s) is the SDE's marginal; its snapshots have the exact law at every t. `euler-maruyama`
 * takes x += f(x, t) dt + g(t) sqrt(dt) z, with a discretisation error of order dt. The stage is
 * described as `forward` (`describeStage`) and reports no statistics.
 *
 * @example
 * gaussianMixtureSource(doubleGaussian).sample(ctx).pipe(forwardDiffusion({ sde: brownian(), steps: 100 }))
 */
export function forwardDiffusion(options: ForwardDiffusionOptions): Stage {
  const { sde, steps } = options;
  const method = options.method ?? 'exact';
  const name = options.name ?? 'forward';
  const tStart = options.tStart ?? 0;
  const tEnd = options.tEnd ?? sde.T;
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`${name}: steps must be an integer >= 1, got ${steps}.`);
  if (!(tEnd > tStart)) throw new RangeError(`${name}: tEnd (${tEnd}) must be after tStart (${tStart}).`);
  const times = forwardTimes(steps, tStart, tEnd);
  const schedule = { snapshotEvery: options.snapshotEvery ?? 1, includeInitial: options.includeInitial ?? true };
  const stream = streamId(name);
  const plan = { steps, warmup: 0, ...schedule, scoreEvaluationsPerStep: 0 };
  return describeStage({ kind: 'forward', plan }, () => concatMap((batch: ParticleBatch) => {
    const identity = identityOf(batch, name);
    const x = positionsOf(batch).slice();
    const z = new Float32Array(x.length);
    const drift = new Float32Array(method === 'euler-maruyama' ? x.length : 0);
    const { rng } = options;
    const noiseIds = compactIds(identity.ids);
    const loop = timeLoop(identity, x, times, (k, t, next) => {
      rng.normal(z, noiseIds, identity.dim, { step: k, stream });
      if (method === 'exact') {
        const from = sde.marginal(t);
        const to = sde.marginal(next);
        const scale = to.mean / from.mean;
        const noise = Math.sqrt(Math.max(0, to.std * to.std - scale * scale * from.std * from.std));
        for (let i = 0; i < x.length; i++) x[i] = scale * x[i] + noise * z[i];
      } else {
        const dt = next - t;
        const noise = sde.diffusion(t) * Math.sqrt(dt);
        sde.drift(x, t, drift);
        for (let i = 0; i < x.length; i++) x[i] += drift[i] * dt + noise * z[i];
      }
    });
    return runSteps(name, loop, schedule, options.signal);
  }));
}
