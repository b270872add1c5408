import { describe, expect, it } from 'vitest';
import { type FigureContext, stageName, stepName, whenOf } from './figure-context.js';

const context = (stageTypes: string[]): FigureContext => ({ outDir: '.', run: 'run', dim: 2, stageTypes, metrics: [] });

describe('figure titles', () => {
  it('stageName numbers stages from 0, as the config does (pipeline.1 is stage 1)', () => {
    expect(stageName(context(['euler-maruyama', 'hmc']), 1)).toBe('stage 1 (hmc)');
    expect(stageName(context(['euler-maruyama']), 0)).toBe('stage 0 (euler-maruyama)');
    expect(stageName(context([]), 0)).toBe('source');
  });

  it('whenOf says "iteration" for an MCMC stage and "step, t" for a sampler', () => {
    const both = context(['euler-maruyama', 'hmc']);
    expect(whenOf(both, 1, { step: 40, t: 40 })).toBe('iteration 40');
    expect(whenOf(both, 0, { step: 10, t: 0.123456 })).toBe('step 10, t = 0.123');
    expect(whenOf(both, 0, { step: 10, t: 0.5 }, false)).toBe('t = 0.5');
    expect(stepName(both, 1, 40)).toBe('iteration 40');
    expect(stepName(both, 0, 'last')).toBe('the last step');
  });
});
