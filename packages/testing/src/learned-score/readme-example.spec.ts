import { createRunContext, positionsOf } from '@scoreflow/core';
import { TWO_MOONS_PRESETS, priorSource, twoMoonsSource } from '@scoreflow/data-sources';
import { eulerMaruyama } from '@scoreflow/samplers';
import { mlpScoreNetwork, networkScore, selectBackend, train, weightEma } from '@scoreflow/score-nets';
import { uniformGrid, vp } from '@scoreflow/sdes';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';

// The README's "With a learned score" example, smaller: 50 training steps of 512 rows (the README:
// 5,000 of 4,096), 2,000 particles and 100 sampling steps (the README: 10,000 and 500).
describe("the README's learned-score example", () => {
  it('trains a network on the two moons, then samples them with it', async () => {
    const [steps, batchSize, particles, samplingSteps] = [50, 512, 2000, 100];
    await selectBackend('wasm'); // or 'cpu', 'tensorflow', 'best'
    const sde = vp({ betaMin: 0.1, betaMax: 20 });
    const data = twoMoonsSource(TWO_MOONS_PRESETS.standard);
    const network = mlpScoreNetwork({ dim: 2, width: 128, depth: 3 }); // predicts eps from [x, Fourier(t)]
    const ema = weightEma(network, 0.999);
    await lastValueFrom(train(network, sde, data, { steps, batchSize, learningRate: 1e-3, ema })); // progress records
    ema.copyTo(network); // sample with the averaged weights
    const ctx = createRunContext({ name: 'learned', seed: 0, dim: 2, particles });
    const score = networkScore(network, sde); // an async ScoreModel: every sampler takes it
    const snapshots = await lastValueFrom(
      priorSource(sde, 2).sample(ctx).pipe(eulerMaruyama({ sde, score, rng: ctx.rng, times: uniformGrid().times(sde, samplingSteps, 1e-3), snapshotEvery: samplingSteps }), toArray()),
    );
    const last = positionsOf(snapshots.at(-1)!);
    expect(last).toHaveLength(2 * particles);
    expect(last.every(Number.isFinite)).toBe(true);
    ema.dispose();
    network.dispose();
  }, 60_000);
});
