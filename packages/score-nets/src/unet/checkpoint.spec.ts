import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { loadNetwork, saveNetwork } from '../checkpoint/checkpoint.js';
import { weightEma } from '../ema/weight-ema.js';
import { fileCheckpoint } from '../node/file-checkpoint.js';
import { readCheckpointInfo } from '../node/plugins/read-checkpoint-info.js';
import { testBarImages } from '../testing/test-images.js';
import { testVpSde } from '../testing/test-sde.js';
import { train } from '../training/train.js';
import { createTrainer, disposeTrainerState } from '../training/trainer.js';
import { isUnet } from './network-of.js';
import type { UnetOptions } from './unet-options.js';
import { unetScoreNetwork } from './unet.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-unet-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  await selectBackend('wasm');
});

const options: UnetOptions = { type: 'unet', height: 8, width: 8, baseChannels: 8, channelMultipliers: [1, 2], groups: 4, attention: true, classes: 2, seed: 5 };
const sde = testVpSde();
const data = testBarImages(8);
const trainOptions = { batchSize: 16, poolSize: 64, learningRate: 2e-3, warmup: 2, clipNorm: 1, seed: 9 };
const values = (v: tf.Tensor) => Array.from(v.dataSync());

describe('U-Net checkpoints', () => {
  it('round trip: a unet topology, the same options, weights and outputs', async () => {
    const net = unetScoreNetwork(options);
    await saveNetwork(net, fileCheckpoint(join(root, 'round-trip')), { metadata: { note: 'unet' } });
    const info = readCheckpointInfo(join(root, 'round-trip'));
    expect('problem' in info ? info.problem : info.options).toEqual(net.options);
    const loaded = await loadNetwork(fileCheckpoint(join(root, 'round-trip')));
    expect(isUnet(loaded.network)).toBe(true);
    expect(loaded.network.options).toEqual(net.options);
    expect(loaded.metadata).toEqual({ note: 'unet' });
    loaded.network.variables.forEach((v, i) => expect(values(v)).toEqual(values(net.variables[i]!)));
    const x = tf.randomNormal([2, 64], 0, 1, 'float32', 3) as tf.Tensor2D;
    const labels = tf.tensor1d([0, 1], 'int32');
    expect(values(loaded.network.apply(x, 0.4, labels))).toEqual(values(net.apply(x, 0.4, labels)));
    net.dispose();
    loaded.network.dispose();
  });
  it('resume is bit-exact: 6 steps equal 3 steps, a checkpoint (raw weights, Adam, EMA), a load and 3 resumed steps', async () => {
    const whole = unetScoreNetwork(options);
    const wholeEma = weightEma(whole, 0.9);
    const wholeLosses = (await lastValueFrom(train(whole, sde, data, { ...trainOptions, steps: 6, ema: wholeEma }).pipe(toArray()))).map((r) => r.loss);

    const first = unetScoreNetwork(options);
    const ema = weightEma(first, 0.9);
    const trainer = createTrainer(first, sde, trainOptions);
    const firstLosses = (await lastValueFrom(train(first, sde, data, { ...trainOptions, steps: 3, trainer, ema }).pipe(toArray()))).map((r) => r.loss);
    const state = await trainer.state();
    await saveNetwork(first, fileCheckpoint(join(root, 'resume')), { trainer: state, ema });
    disposeTrainerState(state);
    trainer.dispose();
    ema.dispose();
    first.dispose();

    const loaded = await loadNetwork(fileCheckpoint(join(root, 'resume')), { weights: 'raw' });
    expect(loaded.trainer?.steps).toBe(3);
    const resumed = createTrainer(loaded.network, sde, { ...trainOptions, resume: loaded.trainer });
    if (loaded.trainer) disposeTrainerState(loaded.trainer);
    const records = await lastValueFrom(train(loaded.network, sde, data, { ...trainOptions, steps: 6, trainer: resumed, ema: loaded.ema }).pipe(toArray()));
    expect(records.map((r) => r.step)).toEqual([4, 5, 6]);
    expect([...firstLosses, ...records.map((r) => r.loss)]).toEqual(wholeLosses);
    loaded.network.variables.forEach((v, i) => expect(values(v)).toEqual(values(whole.variables[i]!)));
    loaded.ema?.weights.forEach((w, i) => expect(values(w)).toEqual(values(wholeEma.weights[i]!)));
    resumed.dispose();
    loaded.ema?.dispose();
    loaded.network.dispose();
    wholeEma.dispose();
    whole.dispose();
  });
  it('refuses a topology whose type does not match its options', async () => {
    const net = unetScoreNetwork({ ...options, attention: false, classes: 0 });
    let saved: tf.io.ModelArtifacts | undefined;
    await saveNetwork(net, tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const forged = { ...saved!, modelTopology: { type: 'mlp', options: net.options } };
    await expect(loadNetwork(tf.io.fromMemory(forged))).rejects.toThrow(/the topology's type 'mlp' does not match its options/);
    net.dispose();
  });
});
