import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { loadNetwork, saveNetwork } from '../checkpoint/checkpoint.js';
import { type MlpOptions, mlpScoreNetwork } from '../network/mlp.js';
import { testGaussianSource } from '../testing/test-gaussian-source.js';
import { testVpSde } from '../testing/test-sde.js';
import { createTrainer, disposeTrainerState } from '../training/trainer.js';
import { train } from '../training/train.js';
import { weightEma } from '../ema/weight-ema.js';
import { fileCheckpoint } from './file-checkpoint.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-resume-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  await selectBackend('wasm');
});

const sde = testVpSde();
const data = testGaussianSource([1, -1], 0.5);
const options: MlpOptions = { dim: 2, width: 16, depth: 2, seed: 4 };
const trainOptions = { batchSize: 64, poolSize: 512, learningRate: 1e-2, warmup: 4, seed: 7 };

describe('save, load and resume', () => {
  it('10 steps equal 5 steps, a checkpoint to files, a load and 5 resumed steps (weights and losses)', async () => {
    const whole = mlpScoreNetwork(options);
    const wholeLosses = (await lastValueFrom(train(whole, sde, data, { ...trainOptions, steps: 10 }).pipe(toArray()))).map((r) => r.loss);

    const first = mlpScoreNetwork(options);
    const trainer = createTrainer(first, sde, trainOptions);
    const firstLosses = (await lastValueFrom(train(first, sde, data, { ...trainOptions, steps: 5, trainer }).pipe(toArray()))).map((r) => r.loss);
    const state = await trainer.state();
    expect(state.steps).toBe(5);
    await saveNetwork(first, fileCheckpoint(join(root, 'ckpt')), { trainer: state });
    disposeTrainerState(state);
    trainer.dispose();
    first.dispose();

    const loaded = await loadNetwork(fileCheckpoint(join(root, 'ckpt')));
    expect(loaded.trainer?.steps).toBe(5);
    const resumed = createTrainer(loaded.network, sde, { ...trainOptions, resume: loaded.trainer });
    if (loaded.trainer) disposeTrainerState(loaded.trainer);
    const records = await lastValueFrom(train(loaded.network, sde, data, { ...trainOptions, steps: 10, trainer: resumed }).pipe(toArray()));
    expect(records.map((r) => r.step)).toEqual([6, 7, 8, 9, 10]);
    expect([...firstLosses, ...records.map((r) => r.loss)]).toEqual(wholeLosses);
    loaded.network.variables.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(Array.from(whole.variables[i]?.dataSync() ?? [])));
    resumed.dispose();
    loaded.network.dispose();
    whole.dispose();
  });

  it('with a weight EMA: 10 steps equal 5, a checkpoint with the EMA, a raw load and 5 resumed steps (raw and EMA weights)', async () => {
    const whole = mlpScoreNetwork(options);
    const wholeEma = weightEma(whole, 0.9);
    await lastValueFrom(train(whole, sde, data, { ...trainOptions, steps: 10, ema: wholeEma }).pipe(toArray()));

    const first = mlpScoreNetwork(options);
    const firstEma = weightEma(first, 0.9);
    const trainer = createTrainer(first, sde, trainOptions);
    await lastValueFrom(train(first, sde, data, { ...trainOptions, steps: 5, trainer, ema: firstEma }).pipe(toArray()));
    const state = await trainer.state();
    await saveNetwork(first, fileCheckpoint(join(root, 'ckpt-ema')), { trainer: state, ema: firstEma, metadata: { config: { steps: 5 } } });
    disposeTrainerState(state);
    trainer.dispose();
    firstEma.dispose();
    first.dispose();

    const loaded = await loadNetwork(fileCheckpoint(join(root, 'ckpt-ema')), { weights: 'raw' });
    expect(loaded.weights).toBe('raw');
    expect(loaded.ema?.decay).toBe(0.9);
    const resumed = createTrainer(loaded.network, sde, { ...trainOptions, resume: loaded.trainer });
    if (loaded.trainer) disposeTrainerState(loaded.trainer);
    await lastValueFrom(train(loaded.network, sde, data, { ...trainOptions, steps: 10, trainer: resumed, ema: loaded.ema }).pipe(toArray()));
    const values = (tensors: readonly { dataSync(): ArrayLike<number> }[]) => tensors.map((w) => Array.from(w.dataSync()));
    expect(values(loaded.network.variables)).toEqual(values(whole.variables));
    expect(values(loaded.ema?.weights ?? [])).toEqual(values(wholeEma.weights));
    // A load for sampling gets the EMA weights.
    await saveNetwork(loaded.network, fileCheckpoint(join(root, 'ckpt-ema-10')), { ema: loaded.ema });
    const sampling = await loadNetwork(fileCheckpoint(join(root, 'ckpt-ema-10')));
    expect(values(sampling.network.variables)).toEqual(values(wholeEma.weights));
    for (const disposable of [resumed, loaded.network, loaded.ema, sampling.network, sampling.ema, whole, wholeEma]) disposable?.dispose();
  });
});
