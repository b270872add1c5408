/**
 * The conditioning contract: every conditioning stage (replacement, RePaint, DPS, twisted SMC),
 * with the exact unconditional score of the double Gaussian under each SDE, observing x2 = 0.3
 * (sigma_y = 0.05): x1 keeps the double Gaussian's law (x1 and x2 are independent there, so the
 * exact conditional leaves x1 alone: the sampler contract's checks), x2 ends in the law the stage
 * aims at (the exact conditional, or y itself for the noise-free stages), and the stage reports
 * the NFE its plan foretells. A weighted stage (twisted SMC) is judged at its effective sample
 * size, emits uniform weights after its final resampling and reports its ESS.
 */
import { diffuseMixture, MIXTURE_PRESETS, weightsOf } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { modeStats, runCase } from '../sampler-contract/run-case.js';
import { SDE_SETUPS } from '../sampler-contract/sampler-case.js';
import { observedPosterior } from './conditioning-case.js';
import { CONDITIONING_CASES } from './conditioning-cases.js';

const particles = 20_000;

describe('conditioning contract', () => {
  for (const conditioningCase of CONDITIONING_CASES) {
    for (const setup of conditioningCase.sdes) {
      const grid = (conditioningCase.grid ?? SDE_SETUPS[setup].grid).type;
      it(`${conditioningCase.type} under ${setup}, ${conditioningCase.steps} steps on the ${grid} grid, keeps x1's double Gaussian and brings x2 to y`, async () => {
        const { x, batch, stats, nfe, tEnd, sde, kind, plan } = await runCase(conditioningCase, setup, particles);
        const { mean: m, std: s } = sde.marginal(tEnd);
        // Resampling copies particles: a weighted population is worth about its smallest ESS in
        // independent draws (each resampling keeps ESS >= essThreshold N of them).
        const effective = conditioningCase.weighted ? particles * (stats.minEssFraction?.mean ?? Number.NaN) : particles;
        expect(effective).toBeGreaterThan(0.2 * particles);
        // x1: the double Gaussian diffused to tEnd, as in the sampler contract.
        const target = diffuseMixture(MIXTURE_PRESETS['double-gaussian'](), m, s);
        modeStats(x).forEach((mode, k) => {
          const std = target.stds[2 * k];
          const n = (mode.n * effective) / particles;
          expect(Math.abs(mode.n / particles - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / effective));
          expect(Math.abs(mode.mean[0] - target.means[2 * k])).toBeLessThan((5 * std) / Math.sqrt(n) + conditioningCase.bias);
          expect(Math.abs(mode.std[0] - std)).toBeLessThan((5 * std) / Math.sqrt(2 * n) + conditioningCase.bias);
        });
        // x2: the exact conditional N(0.297, 0.0498^2), or y diffused to tEnd, N(m y, s^2).
        const law = conditioningCase.observed === 'posterior' ? observedPosterior() : { mean: m * 0.3, std: s };
        const x2 = Array.from({ length: particles }, (_, i) => x[2 * i + 1]);
        const mean = x2.reduce((sum, v) => sum + v, 0) / particles;
        const spread = Math.sqrt(x2.reduce((sum, v) => sum + (v - mean) ** 2, 0) / particles);
        expect(Math.abs(mean - law.mean)).toBeLessThan((5 * law.std) / Math.sqrt(effective) + conditioningCase.observedBias);
        expect(Math.abs(spread - law.std)).toBeLessThan((5 * law.std) / Math.sqrt(2 * effective) + conditioningCase.observedBias);
        // What the stage says of itself.
        expect(nfe?.particles).toBe(particles);
        if (conditioningCase.nfe !== undefined) expect(nfe?.mean).toBe(conditioningCase.nfe);
        expect(kind).toBe('reverse-sde');
        expect(plan.steps).toBe(conditioningCase.steps);
        if (plan.scoreEvaluationsPerStep !== undefined) expect(nfe?.mean).toBe(plan.scoreEvaluationsPerStep * conditioningCase.steps);
        const weights = weightsOf(batch);
        if (conditioningCase.weighted) {
          for (const w of weights ?? []) expect(w).toBeCloseTo(1 / particles, 10);
          expect(weights?.length).toBe(particles);
          expect(stats.essFraction?.mean).toBeGreaterThanOrEqual(stats.minEssFraction?.mean ?? 1);
          expect(stats.essFraction?.mean).toBeLessThanOrEqual(1);
          expect(stats.resamplings?.mean).toBeLessThanOrEqual(conditioningCase.steps);
        } else {
          expect(weights).toBeUndefined();
        }
      });
    }
  }
});
