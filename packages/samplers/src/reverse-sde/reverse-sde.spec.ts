import { createRng, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { SamplerState } from '../shared/reverse-sampler.js';
import { gaussianBatches, gaussianScore } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { uniformTimes } from '../testing/times.js';
import { eulerMaruyama } from './euler-maruyama.js';
import { reverseDiffusion } from './reverse-diffusion.js';
import { reverseSde } from './reverse-sde.js';

const x = Float32Array.from([1, -2, 0.5, 3]);
const score = Float32Array.from([0.25, 1, -1, 2]);

/** A state over `x` whose score model returns `score` and whose noise is all ones. */
function fixedState(positions: Float32Array): SamplerState {
  const buffers = new Map<string, Float32Array>();
  return {
    x: positions,
    dim: 2,
    score: (_at, _t, out) => void out.set(score),
    buffer: (name) => buffers.get(name) ?? buffers.set(name, new Float32Array(positions.length)).get(name)!,
    normal: (out) => out.fill(1),
    uniform: (out) => out.fill(0.5),
  };
}

describe('reverseSde(sde, probabilityFlow)', () => {
  for (const linear of [true, false]) {
    const sde = linearSde({ beta: 2, g: 1.5, linear });
    const f = (value: number) => -1 * value; // -beta/2 x

    it(`gives Anderson's drift f - g^2 s (${linear ? 'drift coefficient' : 'general drift'})`, () => {
      const out = new Float32Array(4);
      reverseSde(sde).drift(x, 0.5, score, out, () => new Float32Array(4));
      expect([...out]).toEqual([...x].map((value, i) => Math.fround(f(value) - 2.25 * score[i])));
    });

    it(`gives the probability-flow drift f - g^2 s / 2 and no noise (${linear ? 'drift coefficient' : 'general drift'})`, () => {
      const flow = reverseSde(sde, true);
      const out = new Float32Array(4);
      flow.drift(x, 0.5, score, out, () => new Float32Array(4));
      expect([...out]).toEqual([...x].map((value, i) => Math.fround(f(value) - 1.125 * score[i])));
      expect([flow.scoreWeight, flow.diffusion(0.5), reverseSde(sde).diffusion(0.5)]).toEqual([0.5, 0, 1.5]);
    });

    it(`takes one Euler-Maruyama step x + (f - g^2 s) dt + g sqrt(-dt) z (${linear ? 'fused' : 'general drift'})`, async () => {
      const state = fixedState(x.slice());
      await reverseSde(sde).eulerMaruyamaStep(state, 0, 0.5, 0.25, true);
      const dt = -0.25;
      const expected = [...x].map((value, i) => value + (f(value) - 2.25 * score[i]) * dt + 1.5 * Math.sqrt(0.25));
      [...state.x].forEach((value, i) => expect(value).toBeCloseTo(expected[i], 5));
    });
  }

  it('is the one step of euler-maruyama and of reverse-diffusion with the euler discretisation: identical particles', async () => {
    const sde = linearSde({ beta: 1, linear: true });
    const score = gaussianScore(sde, 2, 0.5, 0.3);
    const times = uniformTimes(1, 1e-3, 20);
    const run = async (stage: ReturnType<typeof eulerMaruyama>) =>
      positionsOf((await lastValueFrom(from(gaussianBatches(createRng(3), 300, 2, 0, 1)).pipe(stage)))!);
    const em = await run(eulerMaruyama({ sde, score, rng: createRng(7), times, name: 'same' }));
    const rd = await run(reverseDiffusion({ sde, score, rng: createRng(7), times, name: 'same', discretization: 'euler' }));
    expect(rd).toEqual(em);
  });
});
