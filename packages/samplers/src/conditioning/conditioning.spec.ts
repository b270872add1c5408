import { type StatsWatch, covarianceMixtureCovariance, covarianceMixtureMean, mixtureKsDistance, mixtureMarginalCdf, positionsOf, watchStats, weightsOf } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { eulerMaruyama } from '../reverse-sde/euler-maruyama.js';
import type { ReverseSamplerOptions } from '../shared/reverse-sampler.js';
import { covarianceScore, diffusedCovarianceMixture, runFromPrior, twoModeProblem, upperModeWeight } from '../testing/mixture-problem.js';
import { dps } from './dps.js';
import { repaint } from './repaint.js';
import { replacement } from './replacement.js';
import { twistedSmc } from './smc/twisted-smc.js';

/** The 0.1% critical value of the Kolmogorov-Smirnov statistic is 1.95 / sqrt(n). */
const ksCritical = (n: number) => 1.95 / Math.sqrt(n);

describe('the exact posterior score under the reverse SDE', () => {
  it('samples x2 given x1 = a with the conditional moments (3 standard errors) and its CDF (KS test)', async () => {
    const problem = twoModeProblem(0.25);
    const n = 8000;
    const tEnd = 1e-3;
    const batch = await runFromPrior(problem.sde, (options) => eulerMaruyama(options), { n, steps: 400, tEnd, score: covarianceScore(problem.posterior, problem.sde) });
    // The law at tEnd: the posterior diffused to tEnd (x1 is pinned only up to s(tEnd) = 0.03).
    const { mean, std } = problem.sde.marginal(tEnd);
    const law = diffusedCovarianceMixture(problem.posterior, mean, std);
    const x = positionsOf(batch);
    // x1 is pinned at a; x2 (unobserved) has the conditional's mean and variance.
    for (let i = 0; i < n; i += 97) expect(Math.abs(x[2 * i] - 0.25)).toBeLessThan(0.15);
    const exactMean = covarianceMixtureMean(law)[1];
    const exactVariance = covarianceMixtureCovariance(law)[3];
    const values = Array.from({ length: n }, (_, i) => x[2 * i + 1]);
    const sampleMean = values.reduce((sum, v) => sum + v, 0) / n;
    const central = (power: number) => values.reduce((sum, v) => sum + (v - sampleMean) ** power, 0) / n;
    expect(Math.abs(sampleMean - exactMean)).toBeLessThan(3 * Math.sqrt(exactVariance / n));
    // The sample variance's standard error is sqrt((m4 - v^2) / n).
    expect(Math.abs(central(2) - exactVariance)).toBeLessThan(3 * Math.sqrt((central(4) - central(2) ** 2) / n));
    expect(mixtureKsDistance(law, x, 1)).toBeLessThan(ksCritical(n));
  });
});

describe('the conditioning baselines against the exact conditional (two modes, x1 = 0.25)', () => {
  const problem = twoModeProblem(0.25);
  const exactUpper = 1 - mixtureMarginalCdf(problem.posterior, 1, 0);
  const n = 10_000;
  const run = (make: Parameters<typeof runFromPrior>[1], steps = 500) => runFromPrior(problem.sde, make, { n, steps, score: problem.priorScore });

  it('replacement is biased: its mode weight misses the exact one by more than 5 standard errors', async () => {
    const { weight, standardError } = upperModeWeight(await run((options) => replacement({ ...options, observation: problem.observation })));
    expect(exactUpper).toBeGreaterThan(0.8);
    expect(Math.abs(weight - exactUpper)).toBeGreaterThan(5 * standardError);
  });

  it('RePaint comes closer than replacement, and x_0 ends at a for both', async () => {
    const plain = await run((options) => replacement({ ...options, observation: problem.observation }));
    const jumps = await run((options) => repaint({ ...options, observation: problem.observation, resampling: 5 }), 200);
    expect(Math.abs(upperModeWeight(jumps).weight - exactUpper)).toBeLessThan(Math.abs(upperModeWeight(plain).weight - exactUpper));
    for (const batch of [plain, jumps]) {
      const x = positionsOf(batch);
      for (let i = 0; i < 100; i++) expect(Math.abs(x[2 * i] - 0.25)).toBeLessThan(0.15);
    }
  });

  it('DPS is biased too: its mode weight misses the exact one by more than 5 standard errors', async () => {
    const { weight, standardError } = upperModeWeight(await run((options) => dps({ ...options, observation: problem.observation, scale: 0.05 })));
    expect(Math.abs(weight - exactUpper)).toBeGreaterThan(5 * standardError);
  });
});

describe('twistedSmc', () => {
  const problem = twoModeProblem(0.25, 0.05);
  const smc = (options: ReverseSamplerOptions) => twistedSmc({ ...options, observation: problem.observation });

  it('matches the exact posterior mode weight within 4 standard errors, emitting normalised weights', async () => {
    const batch = await runFromPrior(problem.sde, smc, { n: 4096, steps: 200, score: problem.priorScore });
    const exactUpper = 1 - mixtureMarginalCdf(problem.posterior, 1, 0);
    const { weight, standardError } = upperModeWeight(batch);
    expect(Math.abs(weight - exactUpper)).toBeLessThan(4 * standardError);
    const weights = weightsOf(batch);
    expect(weights?.length).toBe(4096);
    expect(weights?.reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 5);
  });

  it('its error falls as the particles grow: the KS distance to the exact conditional at 4096 particles is under half that at 256 (mean of 4 seeds)', async () => {
    const ks = async (n: number) => {
      let total = 0;
      for (const seed of [1, 2, 3, 4]) total += mixtureKsDistance(problem.posterior, positionsOf(await runFromPrior(problem.sde, smc, { n, steps: 100, score: problem.priorScore, seed })), 1);
      return total / 4;
    };
    const small = await ks(256);
    const large = await ks(4096);
    expect(large).toBeLessThan(small / 2);
  });

  it('gathers the population: batches of 100 give the particles one batch gives, byte for byte', async () => {
    const one = await runFromPrior(problem.sde, smc, { n: 300, steps: 50, score: problem.priorScore });
    const split = await runFromPrior(problem.sde, smc, { n: 300, steps: 50, score: problem.priorScore, batchSize: 100 });
    expect(Array.from(positionsOf(split))).toEqual(Array.from(positionsOf(one)));
  });

  it('reports its effective sample size: essFraction is 1 / (N sum W^2) of the weights it emits, minEssFraction the smallest, resamplings the steps that resampled', async () => {
    const n = 2000;
    const steps = 40;
    const run = async (essThreshold: number) => {
      let watch: StatsWatch | undefined;
      const batch = await runFromPrior(problem.sde, (options) => {
        const stage = twistedSmc({ ...options, observation: problem.observation, essThreshold, finalResampling: false });
        watch = watchStats(stage.stats);
        return stage;
      }, { n, steps, score: problem.priorScore });
      const summary = watch?.summary() ?? {};
      watch?.unsubscribe();
      return { batch, summary };
    };
    const { batch, summary } = await run(0.5);
    const weights = weightsOf(batch) ?? new Float32Array();
    const ess = 1 / weights.reduce((sum, w) => sum + w * w, 0);
    // The emitted weights are Float32: their ESS agrees to float32 rounding.
    expect(summary.essFraction?.mean).toBeCloseTo(ess / n, 4);
    expect(summary.essFraction?.particles).toBe(n);
    expect(summary.minEssFraction?.mean).toBeLessThan(0.5);
    expect(summary.minEssFraction?.mean).toBeLessThanOrEqual(summary.essFraction?.mean ?? 0);
    expect(summary.resamplings?.mean).toBeGreaterThanOrEqual(1);
    expect(summary.resamplings?.mean).toBeLessThanOrEqual(steps);
    // Threshold 0 never resamples (the weights degenerate); threshold 1 resamples at every step
    // whose weights are not equal to rounding (near t = T the twist's spread s / m is large and
    // the first steps' weights are flat), so more often than 0.5.
    const never = await run(0);
    expect(never.summary.resamplings?.mean).toBe(0);
    expect(never.summary.minEssFraction?.mean).toBeLessThan(summary.minEssFraction?.mean ?? 0);
    const always = (await run(1)).summary.resamplings?.mean ?? 0;
    expect(always).toBeGreaterThan(summary.resamplings?.mean ?? steps);
    expect(always).toBeLessThanOrEqual(steps);
  });

  it('rejects a noise-free observation with a ConfigError naming observation.sigma', () => {
    const noiseFree = twoModeProblem(0.25);
    expect(() => twistedSmc({ sde: noiseFree.sde, score: noiseFree.priorScore, rng: undefined as never, times: Float64Array.from([1, 0.5]), observation: noiseFree.observation })).toThrow(/observation\.sigma: expected sigma > 0/);
  });
});
