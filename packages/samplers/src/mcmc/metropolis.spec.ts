import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { createChains } from './chains.js';
import { metropolisUpdate } from './metropolis.js';
import { gaussianTarget } from './testing/gaussian-target.js';

describe('metropolisUpdate(chains, logRatio, uniforms)', () => {
  it('accepts where log u < log ratio, writes alpha = min(1, exp(log ratio)), and treats NaN as a rejection', () => {
    const chains = createChains('test', gaussianTarget([0], [[1]]), createRng(0), Float32Array.of(0, 1, 2, 3), Uint32Array.of(0, 1, 2, 3), 1, 1);
    chains.proposal.set([10, 11, 12, 13]);
    chains.proposalLogDensity.set([-1, -2, -3, -4]);
    chains.proposalGradient.set([5, 6, 7, 8]);
    metropolisUpdate(chains, Float64Array.of(0.5, Math.log(0.2), Math.log(0.2), Number.NaN), Float64Array.of(0.99, 0.1, 0.3, 1e-9), true);
    expect(Array.from(chains.alpha)).toEqual([1, Math.exp(Math.log(0.2)), Math.exp(Math.log(0.2)), 0]);
    expect(Array.from(chains.accepted)).toEqual([1, 1, 0, 0]);
    expect(Array.from(chains.x)).toEqual([10, 11, 2, 3]);
    expect(Array.from(chains.logDensity)).toEqual([-1, -2, 0, 0]);
    expect(Array.from(chains.gradient)).toEqual([5, 6, 0, 0]);
  });
});
