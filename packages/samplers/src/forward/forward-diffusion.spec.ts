import { createRng, positionsOf, stepsOf, timesOf } from '@scoreflow/core';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { gaussianBatches, moments } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { type ForwardMethod, forwardDiffusion } from './forward-diffusion.js';

const n = 20_000;
const dim = 2;
const mu = 1;
const sigma = 0.5;

describe('forwardDiffusion', () => {
  for (const method of ['exact', 'euler-maruyama'] as ForwardMethod[]) {
    for (const beta of [0, 2]) {
      it(`matches the closed-form marginal N(m mu, m^2 sigma^2 + s^2) at several t (${method}, beta = ${beta})`, async () => {
        const sde = linearSde({ beta, g: 1, T: 1 });
        const rng = createRng(1);
        const stage = forwardDiffusion({ sde, rng, steps: 200, snapshotEvery: 50, method });
        const out = await lastValueFrom(from(gaussianBatches(rng, n, dim, mu, sigma, 8192)).pipe(stage, toArray()));
        for (const step of [0, 50, 100, 200]) {
          const t = step / 200;
          const { mean, std } = sde.marginal(t);
          const expectedStd = Math.sqrt(mean * mean * sigma * sigma + std * std);
          const sample = moments(out, step);
          expect(sample.n).toBe(n * dim);
          // Five standard errors of the mean and of the standard deviation.
          expect(Math.abs(sample.mean - mean * mu)).toBeLessThan((5 * expectedStd) / Math.sqrt(sample.n));
          expect(Math.abs(sample.std - expectedStd)).toBeLessThan((5 * expectedStd) / Math.sqrt(2 * sample.n));
        }
      });
    }
  }

  it('stamps snapshots with step and t and keeps ids', async () => {
    const sde = linearSde({ T: 2 });
    const rng = createRng(2);
    const out = await lastValueFrom(
      from(gaussianBatches(rng, 10, dim, 0, 1)).pipe(forwardDiffusion({ sde, rng, steps: 4, snapshotEvery: 2 }), toArray()),
    );
    expect(out.map((batch) => [stepsOf(batch)[0], timesOf(batch)[0]])).toEqual([[0, 0], [2, 1], [4, 2]]);
    expect(out[2].getChild('id')!.toArray()).toEqual(Uint32Array.from({ length: 10 }, (_, i) => i));
  });

  it('gives the same particles whatever the batch size', async () => {
    const sde = linearSde({ beta: 1 });
    const run = async (batchSize: number) => {
      const rng = createRng(3);
      const out = await lastValueFrom(
        from(gaussianBatches(rng, 5000, dim, 0, 1, batchSize)).pipe(forwardDiffusion({ sde, rng, steps: 5, snapshotEvery: 5, includeInitial: false }), toArray()),
      );
      return Float32Array.from(out.flatMap((batch) => [...positionsOf(batch)]));
    };
    expect(await run(700)).toEqual(await run(5000));
  });
});
