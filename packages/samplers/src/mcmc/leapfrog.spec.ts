import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { createChains } from './chains.js';
import { leapfrog } from './leapfrog.js';
import { gaussianTarget } from './testing/gaussian-target.js';

/** Two 1-D chains on N(0, 1) (grad log p(q) = -q) with step sizes 0.1 and 0.5. */
function setUp(q: number[], p: number[]) {
  const target = gaussianTarget([0], [[1]]);
  const chains = createChains('test', target, createRng(0), Float32Array.from(q), Uint32Array.of(0, 1), 1, 0.1);
  chains.stepSize[1] = 0.5;
  chains.proposal.set(q);
  target.gradLogDensity(chains.proposal, chains.proposalGradient);
  return { chains, momentum: Float64Array.from(p), target };
}

describe('leapfrog(chains, momentum, steps)', () => {
  it('takes the Stormer-Verlet map of the harmonic oscillator, one step size per chain', () => {
    const { chains, momentum, target } = setUp([1, 1], [0, 0]);
    leapfrog(chains, momentum, 1);
    // One step from (q, p): p_half = p - eps q / 2, q' = q + eps p_half, p' = p_half - eps q' / 2.
    for (const [i, eps] of [[0, 0.1], [1, 0.5]]) {
      const half = -eps / 2;
      const q = 1 + eps * half;
      expect(chains.proposal[i]).toBeCloseTo(q, 6);
      expect(momentum[i]).toBeCloseTo(half - (eps * q) / 2, 6);
    }
    expect(target.gradientCalls).toBe(2);
  });

  it('is reversible: negating the momentum and integrating again returns to the start', () => {
    const { chains, momentum } = setUp([0.3, -1.2], [1.1, 0.4]);
    leapfrog(chains, momentum, 25);
    for (let i = 0; i < 2; i++) momentum[i] = -momentum[i];
    leapfrog(chains, momentum, 25);
    expect(chains.proposal[0]).toBeCloseTo(0.3, 5);
    expect(chains.proposal[1]).toBeCloseTo(-1.2, 5);
    expect(momentum[0]).toBeCloseTo(-1.1, 5);
    expect(momentum[1]).toBeCloseTo(-0.4, 5);
  });

  it('keeps the energy error O(eps^2): halving eps quarters it over the same time', () => {
    const energyError = (eps: number) => {
      const { chains, momentum } = setUp([1, 1], [0.5, 0.5]);
      chains.stepSize.fill(eps);
      leapfrog(chains, momentum, Math.round(1 / eps));
      return Math.abs(0.5 * chains.proposal[0] ** 2 + 0.5 * momentum[0] ** 2 - 0.625);
    };
    const ratio = energyError(0.1) / energyError(0.05);
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.5);
  });
});
