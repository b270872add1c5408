import { describe, expect, it } from 'vitest';
import type { SamplerState } from '../shared/reverse-sampler.js';
import { langevinCorrect } from './langevin.js';

/** A state of two 2-D particles with a fixed score and fixed noise. */
function fixedState(score: number[], noise: number[]): SamplerState & { calls: number } {
  const buffers = new Map<string, Float32Array>();
  return {
    x: Float32Array.of(1, 2, 3, 4),
    dim: 2,
    calls: 0,
    score(_x, _t, out) {
      this.calls++;
      out.set(score);
    },
    buffer(name) {
      if (!buffers.has(name)) buffers.set(name, new Float32Array(4));
      return buffers.get(name)!;
    },
    normal: (out) => (out.set(noise), out),
    uniform: (out) => out,
  };
}

describe('langevinCorrect', () => {
  const score = [3, 4, 0.6, -0.8];
  const noise = [1, 0, 0, 2];

  it('per-particle: eps = 2 alpha (snr ||z|| / ||grad||)^2 from each particle\'s own norms, x + eps grad + sqrt(2 eps) z', async () => {
    const state = fixedState(score, noise);
    await langevinCorrect(state, 0, 0.5, 1, { snr: 0.5, alpha: 0.8, stepSize: 'per-particle', std: 1 }, true);
    const eps = [2 * 0.8 * (0.5 * 1 / 5) ** 2, 2 * 0.8 * (0.5 * 2 / 1) ** 2];
    const expected = [0, 1, 2, 3].map((i) => [1, 2, 3, 4][i] + eps[i >> 1] * score[i] + Math.sqrt(2 * eps[i >> 1]) * noise[i]);
    expected.forEach((value, i) => expect(state.x[i]).toBeCloseTo(value, 6));
    expect(state.calls).toBe(1);
  });

  it('noise-level: eps = 2 alpha snr^2 s(t)^2 for every particle', async () => {
    const state = fixedState(score, noise);
    await langevinCorrect(state, 0, 0.5, 1, { snr: 0.5, alpha: 0.8, stepSize: 'noise-level', std: 0.3 }, true);
    const eps = 2 * 0.8 * 0.25 * 0.09;
    [1, 2, 3, 4].forEach((x, i) => expect(state.x[i]).toBeCloseTo(x + eps * score[i] + Math.sqrt(2 * eps) * noise[i], 6));
  });

  it('adds no noise when not noisy, and leaves a particle with a zero score in place (per-particle)', async () => {
    const state = fixedState([0, 0, 0.6, -0.8], noise);
    await langevinCorrect(state, 0, 0.5, 1, { snr: 0.5, alpha: 1, stepSize: 'per-particle', std: 1 }, false);
    const eps = 2 * (0.5 * 2) ** 2;
    expect(Array.from(state.x.subarray(0, 2))).toEqual([1, 2]);
    expect(state.x[2]).toBeCloseTo(3 + eps * 0.6, 6);
    expect(state.x[3]).toBeCloseTo(4 - eps * 0.8, 6);
  });
});
