import { describe, expect, it } from 'vitest';
import { stageName, stepName, whenOf } from './titles.js';

const input = (types: string[], chains: string[] = ['hmc']) => ({ stages: types.map((type) => ({ type, chains: chains.includes(type) })) });

describe('figure titles', () => {
  it('stageName numbers stages from 0, as the config does (pipeline.1 is stage 1)', () => {
    expect(stageName(input(['euler-maruyama', 'hmc']), 1)).toBe('stage 1 (hmc)');
    expect(stageName(input(['euler-maruyama']), 0)).toBe('stage 0 (euler-maruyama)');
    expect(stageName(input([]), 0)).toBe('source');
  });

  it('whenOf says "iteration" for an MCMC stage (one whose particles are chains) and "step, t" for a sampler', () => {
    const both = input(['euler-maruyama', 'hmc']);
    expect(whenOf(both, 1, { step: 40, t: 40 })).toBe('iteration 40');
    expect(whenOf(both, 0, { step: 10, t: 0.123456 })).toBe('step 10, t = 0.123');
    expect(whenOf(both, 0, { step: 10, t: 0.5 }, false)).toBe('t = 0.5');
    expect(stepName(both, 1, 40)).toBe('iteration 40');
    expect(stepName(both, 0, 'last')).toBe('the last step');
    // The stage says whether it runs chains; the figure does not know plugin names.
    expect(whenOf(input(['my-sampler'], ['my-sampler']), 0, { step: 7, t: 7 })).toBe('iteration 7');
  });
});
