import { BANANA_DEFAULTS, gaussianMixture, linearObservation, mixtureMarginalCdf, mixturePosterior } from '@scoreflow/core';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { describe, expect, it } from 'vitest';
import { BANANA_PROBLEM, bananaConditional, bananaConditions, bananaMixture } from './banana-problem.js';
import { CONDITIONING_END, CONDITIONING_START, conditioningMarkers, conditioningTable } from './conditioning-doc.js';
import { conditioningFigure } from './conditioning-figure.js';
import type { ConditioningRow } from './conditioning-row.js';
import { TWO_MODE_PROBLEM, raceConditions, upperShare } from './conditions.js';
import { conditioningContestants } from './contestants.js';
import { runCondition } from './run-condition.js';

describe('the conditioning race', () => {
  it('raceConditions spans the gap: the exact upper-mode share rises from near 0 to near 1', () => {
    const shares = raceConditions(5).map(upperShare);
    expect(shares[0]).toBeLessThan(0.01);
    expect(shares[4]).toBeGreaterThan(0.99);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]);
  });

  it('every contestant runs through the registry and spends no more than its budget of evaluations per particle, on both problems', async () => {
    const registry = createBrowserRegistry();
    for (const problem of [TWO_MODE_PROBLEM, BANANA_PROBLEM]) {
      const [c] = problem.conditions(1);
      for (const contestant of conditioningContestants(problem.prior)) {
        const run = await runCondition(registry, problem, c, contestant.source, contestant.stage(c, 20), 64, 0);
        expect(run.evaluations / 64, contestant.name).toBeLessThanOrEqual(20);
        expect(run.evaluations / 64, contestant.name).toBeGreaterThan(10);
        expect(run.ks).toBeGreaterThanOrEqual(0);
        expect(run.summaryError).toBeGreaterThanOrEqual(0);
      }
    }
  }, 120_000);

  it('writes one table row per contestant and budget between the problem\'s markers, and a figure with every contestant', () => {
    const rows: ConditioningRow[] = [
      { contestant: 'mala chains', kind: 'mcmc', perParticle: 20, evaluations: 4e5, seconds: 0.5, ks: 0.49, summaryError: 0.44 },
      { contestant: 'twisted smc', kind: 'diffusion', perParticle: 20, evaluations: 3.8e5, seconds: 0.2, ks: 0.1, summaryError: 0.019 },
    ];
    const table = conditioningTable(TWO_MODE_PROBLEM, rows, 20, 1000);
    expect(table.startsWith(CONDITIONING_START) && table.endsWith(CONDITIONING_END)).toBe(true);
    expect(table).toContain('| twisted smc | diffusion | 20 | 380,000 | 0.2 | 0.1 | 0.019 |');
    expect(table).toContain('mean KS distance of 0.0275');
    expect(table).toContain('| mean mode-weight error |');
    const banana = conditioningTable(BANANA_PROBLEM, rows, 20, 1000);
    expect(banana.startsWith(conditioningMarkers(BANANA_PROBLEM).start)).toBe(true);
    expect(banana).toContain('| mean error of E[x2 \\| y] |');
    const svg = conditioningFigure(BANANA_PROBLEM, rows, 1000);
    expect(svg).toContain('mala chains');
    expect(svg).toContain('twisted smc');
  });
});

describe('the banana problem', () => {
  const { scale: s, curvature: c, width: w } = BANANA_DEFAULTS;

  it('bananaConditional is the quadrature of x2 | y: its mean is c (mu^2 + v - s^2) and its variance w^2 + 2 c^2 v (2 mu^2 + v) to 1e-9', () => {
    for (const y of [-3.8, 0, 1.3, 3.8]) {
      const sigma = 0.05;
      const v = 1 / (1 / s ** 2 + 1 / sigma ** 2);
      const mu = (v * y) / sigma ** 2;
      const law = bananaConditional(y, sigma);
      let mean = 0;
      let square = 0;
      for (let k = 0; k < law.components; k++) {
        mean += law.weights[k] * law.means[2 * k + 1];
        square += law.weights[k] * (law.means[2 * k + 1] ** 2 + law.covariances[4 * k + 3]);
      }
      expect(mean).toBeCloseTo(c * (mu ** 2 + v - s ** 2), 9);
      // Var c u^2 for u ~ N(mu, v) is c^2 (4 mu^2 v + 2 v^2).
      expect(square - mean ** 2).toBeCloseTo(w ** 2 + c ** 2 * (4 * mu ** 2 * v + 2 * v ** 2), 9);
    }
  });

  it('bananaMixture keeps x1 ~ N(0, s^2) and its conditionals are within KS 0.01 of the banana\'s at every race condition', () => {
    const prior = bananaMixture();
    const mixture = gaussianMixture({ means: prior.means.map((m) => [...m]), std: (prior.std as number[][]).map((row) => [...row]), weights: [...(prior.weights ?? [])] });
    let variance = 0;
    for (let k = 0; k < mixture.components; k++) variance += mixture.weights[k] * (mixture.means[2 * k] ** 2 + mixture.stds[2 * k] ** 2);
    // The grid ends at 5 s: the tails beyond hold 6e-5 of the variance.
    expect(variance).toBeCloseTo(s ** 2, 3);
    for (const condition of bananaConditions(20)) {
      const posterior = mixturePosterior(mixture, linearObservation(condition.observation, 2)).posterior;
      let ks = 0;
      for (let z = -6; z <= 8; z += 0.02) ks = Math.max(ks, Math.abs(mixtureMarginalCdf(posterior, 1, z) - mixtureMarginalCdf(condition.posterior, 1, z)));
      expect(ks).toBeLessThan(0.01);
    }
  });
});
