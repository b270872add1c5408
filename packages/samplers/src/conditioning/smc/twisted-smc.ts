import {
  ConfigError,
  type LinearObservation,
  type ParticleBatch,
  type Stage,
  compactIds,
  concatParticleBatches,
  describeStage,
  makeParticleBatch,
  positionsOf,
  runSteps,
  streamId,
} from '@scoreflow/core';
import { EMPTY, concatMap, defer, finalize, from, toArray } from 'rxjs';
import { reverseSde } from '../../reverse-sde/reverse-sde.js';
import { identityOf } from '../../shared/batch-identity.js';
import type { ReverseSamplerOptions } from '../../shared/reverse-sampler.js';
import { normaliseWeights } from './effective-sample-size.js';
import { observationLogLikelihood } from './observation-log-likelihood.js';
import { systematicResampling } from './systematic-resampling.js';

export interface TwistedSmcOptions extends ReverseSamplerOptions {
  /** y = A x + N(0, sigma^2 I) with sigma > 0 (the final weight is the likelihood p(y | x_0)). */
  readonly observation: LinearObservation;
  /** Resample when the effective sample size falls under this fraction of the particles; 0.5 by default. */
  readonly essThreshold?: number;
  /** Resample once more after the last step, so that the output is an unweighted sample; true by default. */
  readonly finalResampling?: boolean;
  /** Take the last reverse step without noise; true by default. */
  readonly noiseRemoval?: boolean;
}

/**
 * Sequential Monte Carlo over the reverse process: the twisted diffusion sampler of Wu et al. 2023
 * (TDS) with the unconditional Euler-Maruyama kernel as proposal (their "twisting" in the weights
 * only; SMCDiff of Trippe et al. 2022 is the noise-free special case). Particle i carries a log
 * weight; after each step x_k -> x_{k+1} it gains
 *
 *   log p~_{k+1}(y | x_{k+1}) - log p~_k(y | x_k),   p~_k(y | x) = N(y; A x0_hat(x), sigma^2 + (s_k / m_k)^2 |a_r|^2),
 *
 * x0_hat Tweedie's denoiser, and at the last step log p(y | x_N) - log p~(y | x_{N-1}) instead. The
 * weights telescope to p(y | x_N) for any twist, so the weighted population targets the
 * unconditional sampler's law of x_N given y: exact, as the particles grow, up to the time
 * discretisation of the unconditional sampler (replacement is not, however many particles).
 * When the effective sample size falls under `essThreshold` N, the population is resampled
 * (systematic; one uniform per step, keyed by the step, so that a seed gives one result).
 *
 * Resampling couples the particles: the stage gathers every batch it receives into one
 * population before its first step (memory grows with the population; ids stay, positions move
 * to their ancestors'), and emits whole-population snapshots with a `weight` column (normalised,
 * summing to 1). One score evaluation per step, plus one at the start.
 *
 * Its `stats` carry, beside `nfe`, the effective sample size 1 / sum_i W_i^2 as a fraction of the
 * particles: of the final weights, before the final resampling (`essFraction`; how many
 * independent draws the output is worth, as a share), its smallest value over the steps
 * (`minEssFraction`, checked before each step's resampling decision and after the last step), and
 * the number of steps that resampled (`resamplings`, the final resampling not counted).
 */
export function twistedSmc(options: TwistedSmcOptions): Stage {
  const { sde, score, rng, times, observation } = options;
  const name = options.name ?? 'twisted-smc';
  const essThreshold = options.essThreshold ?? 0.5;
  if (!(observation.sigma > 0)) {
    throw new ConfigError(`${name}: the final weight p(y | x_0) needs observation noise`, [{ path: 'observation.sigma', message: `expected sigma > 0 (e.g. 0.05 for inpainting), got ${observation.sigma}` }]);
  }
  if (!(essThreshold >= 0 && essThreshold <= 1)) throw new RangeError(`${name}: essThreshold must be in [0, 1], got ${essThreshold}.`);
  const reverse = reverseSde(sde);
  const steps = times.length - 1;
  const last = steps - 1;
  const schedule = { snapshotEvery: options.snapshotEvery ?? 1, includeInitial: options.includeInitial ?? true };
  const noiseStream = streamId(name);
  const resampleStream = streamId(`${name}:resample`);
  const plan = { steps, warmup: 0, ...schedule, scoreEvaluationsPerStep: 1 };
  return describeStage({ kind: 'reverse-sde', plan }, (report) => (source) =>
    source.pipe(
      toArray(),
      concatMap((batches: ParticleBatch[]) => {
        if (batches.length === 0) return EMPTY;
        return defer(() => {
          const whole = batches.length === 1 ? batches[0] : concatParticleBatches(batches);
          const identity = identityOf(whole, name, { dim: score.dim, what: `score model '${score.name}'` });
          const { ids, dim } = identity;
          const n = ids.length;
          const x = positionsOf(whole).slice();
          const label = identity.label?.slice();
          const noiseIds = compactIds(ids);
          const buffer = () => new Float32Array(x.length);
          const [scores, drift, forward, z, denoised] = [buffer(), buffer(), buffer(), buffer(), buffer()];
          const logTwist = new Float64Array(n);
          const logWeights = new Float64Array(n);
          const weights = new Float64Array(n);
          const update = new Float64Array(n);
          let evaluations = 0;
          let done = 0;
          const ess = { final: 1, min: 1, resamplings: 0 };
          /** Normalises the weights and records ESS / N (the smallest so far, and the latest). */
          const essFraction = () => {
            const fraction = normaliseWeights(logWeights, weights) / n;
            ess.min = Math.min(ess.min, fraction);
            ess.final = fraction;
            return fraction;
          };
          const evaluate = async (t: number) => {
            evaluations++;
            await score.score(x, t, scores);
          };
          const twist = (t: number, out: Float64Array) => {
            const { mean, std } = sde.marginal(t);
            for (let i = 0; i < x.length; i++) denoised[i] = (x[i] + std * std * scores[i]) / mean;
            return observationLogLikelihood(observation, denoised, std / mean, out);
          };
          const resample = (k: number, withScores: boolean) => {
            normaliseWeights(logWeights, weights);
            const u = rng.uniform(new Float64Array(1), { first: 0, count: 1 }, 1, { step: k, stream: resampleStream })[0];
            const ancestors = systematicResampling(weights, u, new Uint32Array(n));
            const moved = (values: Float32Array) => {
              const copy = values.slice();
              for (let i = 0; i < n; i++) values.set(copy.subarray(ancestors[i] * dim, (ancestors[i] + 1) * dim), i * dim);
            };
            moved(x);
            if (withScores) moved(scores);
            const twistCopy = logTwist.slice();
            const labelCopy = label?.slice();
            for (let i = 0; i < n; i++) {
              logTwist[i] = twistCopy[ancestors[i]];
              if (label !== undefined && labelCopy !== undefined) label[i] = labelCopy[ancestors[i]];
            }
            logWeights.fill(0);
          };
          const start = async () => {
            await evaluate(times[0]);
            twist(times[0], logTwist);
            logWeights.set(logTwist);
          };
          const loop = {
            steps,
            x,
            ids,
            dim,
            time: (k: number) => times[k],
            async step(k: number) {
              done = k + 1;
              const t = times[k];
              const next = times[k + 1];
              if (essFraction() < essThreshold) {
                resample(k, true);
                ess.resamplings++;
              }
              reverse.drift(x, t, scores, drift, () => forward);
              const dt = next - t;
              const noise = options.noiseRemoval !== false && k === last ? 0 : sde.diffusion(t) * Math.sqrt(-dt);
              if (noise !== 0) rng.normal(z, noiseIds, dim, { step: k, stream: noiseStream });
              for (let i = 0; i < x.length; i++) x[i] += drift[i] * dt + (noise === 0 ? 0 : noise * z[i]);
              if (k === last) {
                observationLogLikelihood(observation, x, 0, update);
              } else {
                await evaluate(next);
                twist(next, update);
              }
              for (let i = 0; i < n; i++) {
                logWeights[i] += update[i] - logTwist[i];
                logTwist[i] = update[i];
              }
              if (k === last) {
                essFraction();
                if (options.finalResampling !== false) resample(k + 1, false);
              }
            },
            snapshot(k: number): ParticleBatch {
              normaliseWeights(logWeights, weights);
              return makeParticleBatch({ x: x.slice(), dim, id: ids, step: k, t: times[k], label: label?.slice(), weight: Float32Array.from(weights), metadata: identity.metadata });
            },
          };
          return from(start()).pipe(
            concatMap(() => runSteps(name, loop, schedule, options.signal)),
            finalize(() => {
              if (done === 0) return;
              report({ particles: n, values: { nfe: evaluations, essFraction: ess.final, minEssFraction: ess.min, resamplings: ess.resamplings } });
              options.onBatchDone?.({ nfe: evaluations, particles: n });
            }),
          );
        });
      }),
    ),
  );
}
