/**
 * The sampler contract: every sampler plugin, with the exact score of the double Gaussian under
 * each SDE it supports, brings prior samples to the target at a moderate NFE: modes in equal
 * share, each mode's mean and standard deviation within the sampling error plus the sampler's
 * stated bias, and the NFE it reports, which its plan foretells where it states score evaluations
 * per step.
 */
import { diffuseMixture, MIXTURE_PRESETS } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { SAMPLER_CASES } from './cases/index.js';
import { modeStats, runCase } from './run-case.js';
import { SDE_SETUPS } from './sampler-case.js';

const particles = 20_000;

describe('sampler contract', () => {
  for (const samplerCase of SAMPLER_CASES) {
    for (const setup of samplerCase.sdes) {
      const grid = (samplerCase.grid ?? SDE_SETUPS[setup].grid).type;
      const options = samplerCase.options ? ` ${JSON.stringify(samplerCase.options)}` : '';
      it(`${samplerCase.type}${options} under ${setup}, ${samplerCase.steps} steps on the ${grid} grid, returns the double Gaussian`, async () => {
        const { x, nfe, tEnd, sde, kind, plan } = await runCase(samplerCase, setup, particles);
        // The exact law at tEnd: the double Gaussian diffused to tEnd.
        const { mean: m, std: s } = sde.marginal(tEnd);
        const target = diffuseMixture(MIXTURE_PRESETS['double-gaussian'](), m, s);
        const modes = modeStats(x);
        modes.forEach((mode, k) => {
          const std = target.stds[2 * k];
          expect(Math.abs(mode.n / particles - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / particles));
          expect(Math.abs(mode.mean[0] - target.means[2 * k])).toBeLessThan((5 * std) / Math.sqrt(mode.n) + samplerCase.bias);
          expect(Math.abs(mode.mean[1])).toBeLessThan((5 * std) / Math.sqrt(mode.n) + samplerCase.bias);
          for (const value of mode.std) expect(Math.abs(value - std)).toBeLessThan((5 * std) / Math.sqrt(2 * mode.n) + samplerCase.bias);
        });
        expect(nfe?.particles).toBe(particles);
        if (samplerCase.nfe !== undefined) expect(nfe?.mean).toBe(samplerCase.nfe);
        // The stage says what it is and what it does: a reverse-time process of the configured steps.
        expect(['reverse-sde', 'ode', 'ancestral', 'langevin']).toContain(kind);
        expect(plan.steps).toBe(samplerCase.steps);
        if (plan.scoreEvaluationsPerStep !== undefined) expect(nfe?.mean).toBe(plan.scoreEvaluationsPerStep * samplerCase.steps);
      });
    }
  }
});
