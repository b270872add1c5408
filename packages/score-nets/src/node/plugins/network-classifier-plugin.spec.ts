import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ScoreModel, createRegistry, createRunContext } from '@scoreflow/core';
import { configErrorOf } from '@scoreflow/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/index.js';
import { saveNetwork, sdeSignature } from '../../checkpoint/index.js';
import { classifierScore, noisyClassifier } from '../../classifier/index.js';
import { mlpScoreNetwork } from '../../network/index.js';
import { testVpSde } from '../../testing/test-sde.js';
import { fileCheckpoint } from '../file-checkpoint.js';
import { networkClassifierPlugin } from './network-classifier-plugin.js';
import { networkPlugin } from './network-plugin.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-classifier-plugin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sde = testVpSde();
const classifierFolder = join(root, 'classifier');
const scoreFolder = join(root, 'score');
let classifier: ReturnType<typeof noisyClassifier>;

beforeAll(async () => {
  await selectBackend('wasm');
  // Two classes in two dimensions: outputs = dim, told apart from a score network by `outputs`.
  classifier = noisyClassifier({ dim: 2, classes: 2, width: 8, depth: 2, seed: 3 });
  await saveNetwork(classifier, fileCheckpoint(classifierFolder), { metadata: { sde: sdeSignature(sde) } });
  const score = mlpScoreNetwork({ dim: 2, width: 8, depth: 2 });
  await saveNetwork(score, fileCheckpoint(scoreFolder), { metadata: { sde: sdeSignature(sde) } });
  score.dispose();
});

const registry = createRegistry([networkPlugin, networkClassifierPlugin]);
const scope = { run: createRunContext({ dim: 2 }), sde, path: 'pipeline.0.score' };
const create = (config: Record<string, unknown>): ScoreModel => registry.create('score-model', config, scope);

describe('score model network-classifier', () => {
  it('gives grad_x log p(y | x, t) of the saved classifier (classifierScore of the loaded weights)', async () => {
    const x = Float32Array.from([0.1, -0.4, 1.2, 2]);
    const [loaded, direct] = [new Float32Array(4), new Float32Array(4)];
    await create({ type: 'network-classifier', checkpoint: classifierFolder, label: 1, weights: 'raw' }).score(x, 0.3, loaded);
    await classifierScore(classifier, 1).score(x, 0.3, direct);
    expect(loaded).toEqual(direct);
  });

  it('refuses a label out of range and a score network, naming the option', () => {
    expect(configErrorOf(() => create({ type: 'network-classifier', checkpoint: classifierFolder, label: 2 })).issues).toEqual([
      { path: 'pipeline.0.score.label', message: 'must be a class of the classifier (0 to 1), got 2' },
    ]);
    expect(configErrorOf(() => create({ type: 'network-classifier', checkpoint: scoreFolder, label: 0 })).issues[0]).toEqual({
      path: 'pipeline.0.score.checkpoint',
      message: 'holds a score network, not a noisy classifier: train one with training.objective: classifier',
    });
  });

  it('the network score model refuses a classifier checkpoint and names the plugin to use', () => {
    const error = configErrorOf(() => create({ type: 'network', checkpoint: classifierFolder }));
    expect(error.issues[0].path).toBe('pipeline.0.score.checkpoint');
    expect(error.issues[0].message).toMatch(/noisy classifier of 2 classes.*type: network-classifier/);
  });
});
