import { mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type DeferredScoreDescription, type ScoreModel, createRegistry, createRunContext } from '@scoreflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend, tf } from '../../backend/index.js';
import { saveNetwork, sdeSignature } from '../../checkpoint/index.js';
import { weightEma } from '../../ema/index.js';
import { deferredMlpDescription, describeMlp, mlpScoreNetwork } from '../../network/index.js';
import { testVpSde } from '../../testing/test-sde.js';
import { unetScoreNetwork } from '../../unet/index.js';
import { WEIGHTS_BIN, fileCheckpoint } from '../file-checkpoint.js';
import { networkPlugin } from './network-plugin.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-describe-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sde = testVpSde();
const PATH = 'pipeline.0.score.checkpoint';
let network: ReturnType<typeof mlpScoreNetwork>;
let ema: ReturnType<typeof weightEma>;

/** A checkpoint folder `name` holding `net` (with `extras`), saved as `scoreflow train` saves one. */
async function saved(name: string, net: Parameters<typeof saveNetwork>[0], extras: Parameters<typeof saveNetwork>[2] = {}): Promise<string> {
  const folder = join(root, name);
  await saveNetwork(net, fileCheckpoint(folder), { ...extras, metadata: { sde: sdeSignature(sde) } });
  return folder;
}

beforeAll(async () => {
  await selectBackend('wasm');
  network = mlpScoreNetwork({ dim: 3, width: 8, depth: 2, seed: 2, classes: 2 });
  ema = weightEma(network, 0.5);
  network.variables.forEach((v, i) => v.assign(tf.tidy(() => tf.add(v, tf.randomNormal(v.shape, 0, 0.2, 'float32', i)))));
  ema.update();
}, 120_000);

const registry = createRegistry([networkPlugin]);
const create = (options: Record<string, unknown>, dim = 3): ScoreModel =>
  registry.create('score-model', { type: 'network', backend: 'wasm', workers: 0, ...options }, { run: createRunContext({ dim }), sde, path: 'pipeline.0.score' });
const deferredOf = (model: ScoreModel) => model.describe?.() as DeferredScoreDescription;

async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('score model network: describe() for device webgpu, weights later', () => {
  it('describes an MLP checkpoint at once from model.json (kind, dim, the checkpoint option), and on load() the weights it scores with', async () => {
    const folder = await saved('mlp', network, { ema });
    const model = create({ checkpoint: folder, label: 1 });
    const deferred = deferredOf(model);
    expect({ kind: deferred.kind, expected: deferred.expected, path: deferred.path }).toEqual({ kind: 'deferred', expected: { kind: 'mlp', dim: 3 }, path: PATH });
    expect(model.describe?.()).toBe(deferred);
    const averaged = mlpScoreNetwork(network.options);
    ema.copyTo(averaged);
    const expected = describeMlp(averaged, 1);
    const [first, second] = await Promise.all([deferred.load(), deferred.load()]);
    expect(second).toBe(first);
    expect(first).toEqual(expected);
    // Raw weights when asked for: not the averaged ones.
    expect((await deferredOf(create({ checkpoint: folder, weights: 'raw' })).load())).toEqual(describeMlp(network));
    expect(describeMlp(network).weights).not.toEqual(expected.weights);
    averaged.dispose();
  });

  it('weights cut short reject load() with a ConfigError at the checkpoint option', async () => {
    const folder = await saved('cut', network);
    truncateSync(join(folder, WEIGHTS_BIN), 16);
    const error = await rejection(deferredOf(create({ checkpoint: folder })).load());
    expect(error.issues).toEqual([{ path: PATH, message: expect.stringMatching(/^cannot load .*cut.*bytes/) }]);
  });

  it('a U-Net checkpoint does not describe itself', async () => {
    const unet = unetScoreNetwork({ type: 'unet', height: 4, width: 4, channels: 1, baseChannels: 4, channelMultipliers: [1], groups: 2, attention: false });
    const folder = await saved('unet', unet);
    expect(create({ checkpoint: folder }, 16).describe).toBeUndefined();
    unet.dispose();
  });
});

describe('deferredMlpDescription(dim, path, network, label)', () => {
  it('loads the network once; a network other than the expected MLP score is a ConfigError at path', async () => {
    let loads = 0;
    const once = deferredMlpDescription(3, PATH, () => {
      loads++;
      return Promise.resolve(network);
    });
    await Promise.all([once.load(), once.load()]);
    expect(loads).toBe(1);
    const otherDim = await rejection(deferredMlpDescription(2, PATH, () => Promise.resolve(network)).load());
    expect(otherDim.issues).toEqual([{ path: PATH, message: 'holds an MLP of dimension 3, its model.json said 2' }]);
    const badLabel = await rejection(deferredMlpDescription(3, PATH, () => Promise.resolve(network), 7).load());
    expect(badLabel.issues).toEqual([{ path: PATH, message: expect.stringMatching(/^cannot be described for device webgpu: describeMlp: label must be an integer in \[0, 2\], got 7/) }]);
    const velocity = mlpScoreNetwork({ dim: 3, width: 4, depth: 1, output: 'velocity' });
    const notScore = await rejection(deferredMlpDescription(3, PATH, () => Promise.resolve(velocity)).load());
    expect(notScore.issues[0]?.message).toMatch(/only a network whose output is an eps, a score or a denoiser/);
    velocity.dispose();
  });

  it('a U-Net is a ConfigError at path', async () => {
    const unet = unetScoreNetwork({ type: 'unet', height: 4, width: 4, channels: 1, baseChannels: 4, channelMultipliers: [1], groups: 2, attention: false });
    const error = await rejection(deferredMlpDescription(16, PATH, () => Promise.resolve(unet)).load());
    expect(error.issues).toEqual([{ path: PATH, message: expect.stringMatching(/holds a U-Net, not an MLP/) }]);
    unet.dispose();
  });
});
