import { createNodeRegistry } from '@scoreflow/catalogue/node';
import { MIXTURE_PRESETS, type ScoreModel, collectAll, concatParticleBatches, createRunContext, positionsOf } from '@scoreflow/core';
import { eulerMaruyama } from '@scoreflow/samplers';
import { mixtureScore } from '@scoreflow/score-models';
import { type MlpScoreNetwork, type TrainingSession, mlpScoreNetwork, networkScore, saveNetwork, sdeSignature, selectBackend, tf, trainingSession } from '@scoreflow/score-nets';
import { fileCheckpoint } from '@scoreflow/score-nets/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniformGrid } from '@scoreflow/sdes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLER_CASES } from '../sampler-contract/cases/index.js';
import { modeStats, registry, runCase } from '../sampler-contract/run-case.js';

// Train-then-sample: a score network learned by denoising score matching on the double Gaussian
// of "Diffusion Models: The Main Ideas", sampled by the reverse SDE through a real sampler.
const run = createRunContext({ name: 'learned-score', seed: 5, dim: 2, particles: 4000, batchSize: 4000 });
const sde = registry.create('sde', { type: 'vp' }, { run, path: 'sde' });
const data = registry.create('data-source', { type: 'gaussian-mixture', preset: 'double-gaussian' }, { run, sde, path: 'data' });
let session: TrainingSession;
let sampling: MlpScoreNetwork;

beforeAll(async () => {
  await selectBackend('wasm');
  session = await trainingSession({ network: { dim: 2, width: 64, depth: 3, seed: 2 }, sde, data, steps: 800, batchSize: 512, poolSize: 16_384, learningRate: 3e-3, warmup: 50, seed: 1, emaDecay: 0.99 });
  expect((await session.run()).status).toBe('completed');
  sampling = mlpScoreNetwork(session.network.options);
  session.ema.copyTo(sampling);
}, 60_000);
const root = mkdtempSync(join(tmpdir(), 'learned-score-'));
afterAll(() => {
  session.dispose();
  sampling.dispose();
  rmSync(root, { recursive: true, force: true });
});

/** Samples `run.particles` by reverse Euler-Maruyama from the prior, 200 steps to t = 1e-3. */
async function sample(score: ScoreModel): Promise<Float32Array> {
  const prior = registry.create('data-source', { type: 'prior' }, { run, sde, path: 'source' });
  const stage = eulerMaruyama({ sde, score, rng: run.rng, times: uniformGrid().times(sde, 200, 1e-3), snapshotEvery: 200, includeInitial: false });
  return positionsOf(concatParticleBatches(await collectAll(prior.sample(run).pipe(stage))));
}

describe('a score network trained on the double Gaussian, sampled by reverse Euler-Maruyama', () => {
  it('gives both modes in equal share (0.5 +- 0.05), near the exact score samples, and no live tensor accumulates over sampling steps', async () => {
    const counts: number[] = [];
    const learned = networkScore(sampling, sde);
    const watched: ScoreModel = {
      ...learned,
      score: async (x, t, out) => {
        await learned.score(x, t, out);
        counts.push(tf.memory().numTensors);
      },
    };
    const before = tf.memory().numTensors;
    const x = await sample(watched);
    expect(counts).toHaveLength(200);
    expect(new Set(counts)).toEqual(new Set([before]));
    const modes = modeStats(x);
    const share = (modes[1]?.n ?? 0) / run.particles;
    expect(Math.abs(share - 0.5)).toBeLessThan(0.05);
    // The modes sit at (+-2, 0) with standard deviation 0.5 (standard errors about 0.01).
    for (const [k, mode] of modes.entries()) {
      expect(Math.abs((mode.mean[0] ?? 0) - (k === 0 ? -2 : 2))).toBeLessThan(0.08);
      expect(Math.abs((mode.std[0] ?? 0) - 0.5)).toBeLessThan(0.05);
    }
  }, 60_000);

  it('the learned score is close to the exact mixture score on samples of p_t', async () => {
    // The session's score error (core's scoreErrorOverTime): E|s_net - s_exact|^2 / E|s_exact|^2 over samples of p_t.
    const rows = await session.scoreError(mixtureScore(MIXTURE_PRESETS['double-gaussian'](), sde), { particles: 4000, fractions: [0.1, 0.5, 1], run });
    for (const row of rows) expect(row.relativeMse).toBeLessThan(0.04);
  });

  it('every sampler of the contract suite samples it through the network score model (a checkpoint, VP): both modes, equal shares', async () => {
    const checkpoint = join(root, 'checkpoint');
    await saveNetwork(sampling, fileCheckpoint(checkpoint), { metadata: { sde: sdeSignature(sde) } });
    const plugins = createNodeRegistry();
    const cases = SAMPLER_CASES.filter((samplerCase) => samplerCase.sdes.includes('vp'));
    expect(cases.length).toBeGreaterThan(10);
    for (const samplerCase of cases) {
      const { x } = await runCase(samplerCase, 'vp', 2000, 7, { type: 'network', checkpoint, workers: 0 }, plugins);
      const modes = modeStats(x);
      // 2,000 particles: the share's standard error is 0.011.
      expect(Math.abs((modes[1]?.n ?? 0) / 2000 - 0.5), samplerCase.type).toBeLessThan(0.05);
      for (const [k, mode] of modes.entries()) expect(Math.abs((mode.mean[0] ?? 0) - (k === 0 ? -2 : 2)), samplerCase.type).toBeLessThan(0.15);
    }
  }, 60_000);
});
