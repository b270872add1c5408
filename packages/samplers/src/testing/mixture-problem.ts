import {
  type CovarianceMixture,
  type GaussianMixture,
  allocateComponents,
  diffuseComponents,
  writeGradLogDensity,
  type ParticleBatch,
  type ScoreModel,
  type Sde,
  type Stage,
  collectAll,
  covarianceMixtureOf,
  createRng,
  diffuseCovarianceComponents,
  gaussianMixture,
  idsOf,
  linearObservation,
  makeParticleBatch,
  mixturePosterior,
  positionsOf,
  wholeSnapshotsOf,
  writeCovarianceScore,
} from '@scoreflow/core';
import { from } from 'rxjs';
import type { ReverseSamplerOptions } from '../shared/reverse-sampler.js';
import { linearSde } from './linear-sde.js';
import { uniformTimes } from './times.js';

/** Test-only: the exact score of a full-covariance mixture diffused by `sde`, from core's kernels (samplers never import score-models). */
export function covarianceScore(mixture: CovarianceMixture, sde: Sde): ScoreModel {
  let cached: { t: number; components: ReturnType<typeof diffuseCovarianceComponents> } | undefined;
  return {
    name: 'covariance-mixture-test',
    dim: mixture.dim,
    score(x, t, out) {
      if (cached?.t !== t) {
        const { mean, std } = sde.marginal(t);
        cached = { t, components: diffuseCovarianceComponents(mixture, mean, std) };
      }
      writeCovarianceScore(cached.components, x, out);
    },
  };
}

/** Test-only: the exact score of a diagonal mixture diffused by `sde`, from core's kernels (unrolled for K = 2 in the plane). */
export function diagonalScore(mixture: GaussianMixture, sde: Sde): ScoreModel {
  const components = allocateComponents('diagonalScore', mixture);
  return {
    name: 'mixture-test',
    dim: mixture.dim,
    score(x, t, out) {
      const { mean, std } = sde.marginal(t);
      writeGradLogDensity(diffuseComponents(mixture, mean, std, components), x, out);
    },
  };
}

/** Test-only: the mixture N(m mu_k, m^2 Sigma_k + s^2 I) of x_t. */
export function diffusedCovarianceMixture(mixture: CovarianceMixture, mean: number, std: number): CovarianceMixture {
  const { dim } = mixture;
  const covariances = mixture.covariances.map((value, i) => mean * mean * value + ((i % (dim * dim)) % (dim + 1) === 0 ? std * std : 0));
  return { ...mixture, means: mixture.means.map((mu) => mean * mu), covariances };
}

/**
 * Test-only: two modes at (-2, -2) and (2, 2), std 0.8, seen through x1 = a (noise `sigma`):
 * the prior, the exact posterior, and a VP-like SDE long enough (T = 12) that N(0, s_T^2) is p_T.
 */
export function twoModeProblem(a: number, sigma = 0) {
  const diagonal = gaussianMixture({ means: [[-2, -2], [2, 2]], std: 0.8 });
  const prior = covarianceMixtureOf(diagonal);
  const observation = linearObservation({ A: [[1, 0]], y: [a], sigma }, 2);
  const sde = linearSde({ beta: 1, T: 12, linear: true });
  return { prior, observation, sde, posterior: mixturePosterior(prior, observation).posterior, priorScore: diagonalScore(diagonal, sde), T: 12 };
}

/**
 * Test-only: runs the stage `make` builds on `n` prior draws of `sde` (in batches of `batchSize`)
 * along `steps` uniform times from T to `tEnd`; returns the final snapshot (every particle, by id).
 */
export async function runFromPrior(
  sde: Sde,
  make: (options: ReverseSamplerOptions) => Stage,
  { n, steps, score, tEnd = 1e-3, seed = 7, batchSize = n }: { n: number; steps: number; score: ScoreModel; tEnd?: number; seed?: number; batchSize?: number },
): Promise<ParticleBatch> {
  const rng = createRng(seed);
  const batches: ParticleBatch[] = [];
  for (let first = 0; first < n; first += batchSize) {
    const batch = makeParticleBatch({ x: new Float32Array(Math.min(batchSize, n - first) * 2), dim: 2, id: first, step: 0, t: sde.T });
    sde.prior(positionsOf(batch), idsOf(batch), 2, rng);
    batches.push(batch);
  }
  const stage = make({ sde, score, rng, times: uniformTimes(sde.T, tEnd, steps), snapshotEvery: steps, includeInitial: false });
  const last = wholeSnapshotsOf(await collectAll(from(batches).pipe(stage))).at(-1);
  if (last === undefined) throw new Error('runFromPrior: the stage emitted nothing');
  return last;
}

/** Test-only: the fraction of particles with x2 > 0 (the upper mode) and its standard error. */
export function upperModeWeight(batch: ParticleBatch): { weight: number; standardError: number } {
  const x = positionsOf(batch);
  const n = x.length / 2;
  let upper = 0;
  for (let i = 0; i < n; i++) if (x[2 * i + 1] > 0) upper++;
  const weight = upper / n;
  return { weight, standardError: Math.sqrt((weight * (1 - weight)) / n) };
}
