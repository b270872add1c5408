import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type ScoreModel, createRegistry, createRunContext } from '@scoreflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend, tf } from '../../backend/index.js';
import { saveNetwork, sdeSignature } from '../../checkpoint/index.js';
import { weightEma } from '../../ema/index.js';
import { mlpScoreNetwork, networkScore } from '../../network/index.js';
import { testVpSde } from '../../testing/test-sde.js';
import { fileCheckpoint } from '../file-checkpoint.js';
import { networkPlugin } from './network-plugin.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-plugin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sde = testVpSde();
const folder = join(root, 'checkpoint');
let network: ReturnType<typeof mlpScoreNetwork>;
let ema: ReturnType<typeof weightEma>;

beforeAll(async () => {
  await selectBackend('wasm');
  network = mlpScoreNetwork({ dim: 3, width: 8, depth: 2, seed: 2 });
  ema = weightEma(network, 0.5);
  network.variables.forEach((v, i) => v.assign(tf.tidy(() => tf.add(v, tf.randomNormal(v.shape, 0, 0.2, 'float32', i)))));
  ema.update();
  await saveNetwork(network, fileCheckpoint(folder), { ema, metadata: { sde: sdeSignature(sde), config: { sde: { type: 'test-vp' } } } });
});

const registry = createRegistry([networkPlugin]);
const create = (options: Record<string, unknown>, withSde = sde): ScoreModel =>
  registry.create('score-model', { type: 'network', ...options }, { run: createRunContext({ dim: 3 }), sde: withSde, path: 'pipeline.0.score' });

async function scoreOf(model: ScoreModel, x: Float32Array, t: number): Promise<Float32Array> {
  const out = new Float32Array(x.length);
  await model.score(x, t, out);
  return out;
}

describe('score model network', () => {
  const x = Float32Array.from([0.1, -0.4, 1.2, 2, 0.3, -1]);

  it('learns dim from model.json and scores with the EMA weights by default, the raw ones with weights: raw', async () => {
    const model = create({ checkpoint: folder });
    expect(model.dim).toBe(3);
    expect(model.name).toBe('network(ema)');
    const averaged = mlpScoreNetwork(network.options);
    ema.copyTo(averaged);
    expect(await scoreOf(model, x, 0.3)).toEqual(await scoreOf(networkScore(averaged, sde), x, 0.3));
    const raw = create({ checkpoint: folder, weights: 'raw', backend: 'wasm' });
    expect(await scoreOf(raw, x, 0.3)).toEqual(await scoreOf(networkScore(network, sde), x, 0.3));
    averaged.dispose();
  });

  it('scores alike in this thread (workers: 0) and shared with a worker thread (workers: 1)', async () => {
    const inline = await scoreOf(create({ checkpoint: folder, workers: 0 }), x, 0.6);
    expect(await scoreOf(create({ checkpoint: folder, workers: 1 }), x, 0.6)).toEqual(inline);
  });

  it('takes a label only for a network trained with classes, within its classes', async () => {
    expect(() => create({ checkpoint: folder, label: 0 })).toThrow(/pipeline\.0\.score\.label: must be a class of the network \(none: the network was trained without classes\), got 0/);
    const conditional = mlpScoreNetwork({ dim: 3, width: 8, depth: 2, classes: 2 });
    const labelled = join(root, 'conditional');
    await saveNetwork(conditional, fileCheckpoint(labelled), { metadata: { sde: sdeSignature(sde) } });
    expect(() => create({ checkpoint: labelled, label: 2 })).toThrow(/label: must be a class of the network \(0 to 1\), got 2/);
    const [first, second] = [await scoreOf(create({ checkpoint: labelled, label: 0, workers: 0 }), x, 0.4), await scoreOf(create({ checkpoint: labelled, label: 1, workers: 0 }), x, 0.4)];
    expect(first).toEqual(await scoreOf(networkScore(conditional, sde, { label: 0 }), x, 0.4));
    expect(second).not.toEqual(first);
    conditional.dispose();
  });

  it('names the checkpoint option when the folder is missing or not a score-net checkpoint', () => {
    expect(() => create({ checkpoint: join(root, 'nowhere') })).toThrow(ConfigError);
    expect(() => create({ checkpoint: join(root, 'nowhere') })).toThrow(/pipeline\.0\.score\.checkpoint: folder not found: .*nowhere/);
    const other = join(root, 'other');
    mkdirSync(other);
    expect(() => create({ checkpoint: other })).toThrow(/pipeline\.0\.score\.checkpoint: .*holds no model\.json/);
    writeFileSync(join(other, 'model.json'), JSON.stringify({ format: 'layers-model', modelTopology: {} }));
    expect(() => create({ checkpoint: other })).toThrow(/not a scoreflow score-net checkpoint .*got format 'layers-model'/);
  });

  it('refuses a velocity network (a flow objective\'s checkpoint), naming the checkpoint option and the objective', async () => {
    const velocity = mlpScoreNetwork({ dim: 3, width: 4, depth: 1, output: 'velocity' });
    const flow = join(root, 'velocity');
    await saveNetwork(velocity, fileCheckpoint(flow), { metadata: { objective: 'otcfm' } });
    expect(() => create({ checkpoint: flow })).toThrow(ConfigError);
    expect(() => create({ checkpoint: flow })).toThrow(
      /pipeline\.0\.score\.checkpoint: holds a velocity network \(trained by training\.objective otcfm\), not a score network: integrate it as a velocity model/,
    );
    velocity.dispose();
  });

  it('rejects bad options naming the field and the allowed values', () => {
    expect(() => create({ checkpoint: folder, weights: 'best' })).toThrow(/pipeline\.0\.score\.weights: .*"ema".*"raw"/);
    expect(() => create({ checkpoint: folder, backend: 'gpu' })).toThrow(/pipeline\.0\.score\.backend: .*"best".*"wasm".*"cpu".*"tensorflow"/);
  });

  it('rejects a pipeline SDE other than the training SDE, and a pipeline without an SDE', () => {
    expect(() => create({ checkpoint: folder }, testVpSde(2))).toThrow(/checkpoint: was trained under another SDE .*T is 2.*\{"type":"test-vp"\}/);
    expect(() =>
      registry.create('score-model', { type: 'network', checkpoint: folder }, { run: createRunContext({ dim: 3 }), path: 'pipeline.0.score' }),
    ).toThrow(/pipeline\.0\.score: the network score model needs an SDE/);
  });
});
