import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type ScoreModel, createRegistry, createRunContext } from '@scoreflow/core';
import { relativeError } from '@scoreflow/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/index.js';
import { saveNetwork, sdeSignature } from '../../checkpoint/index.js';
import { mlpScoreNetwork } from '../../network/index.js';
import { testVpSde } from '../../testing/test-sde.js';
import { jitterWeights, testRows } from '../../wasm/testing/jitter-weights.js';
import { fileCheckpoint } from '../file-checkpoint.js';
import { networkPlugin } from './network-plugin.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-engine-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sde = testVpSde();
const folder = join(root, 'checkpoint');

beforeAll(async () => {
  await selectBackend('wasm');
  const network = mlpScoreNetwork({ dim: 2, width: 32, depth: 3, seed: 2 });
  jitterWeights(network, 3);
  await saveNetwork(network, fileCheckpoint(folder), { metadata: { sde: sdeSignature(sde) } });
  network.dispose();
});

const registry = createRegistry([networkPlugin]);
const create = (options: Record<string, unknown>): ScoreModel =>
  registry.create('score-model', { type: 'network', checkpoint: folder, ...options }, { run: createRunContext({ dim: 2 }), sde, path: 'pipeline.0.score' });

async function scoreOf(model: ScoreModel, x: Float32Array, t: number): Promise<Float32Array> {
  const out = new Float32Array(x.length);
  await model.score(x, t, out);
  return out;
}

describe('score model network, engine', () => {
  const x = testRows(300, 2);

  it("engine: wasm scores the checkpoint's weights as engine: tfjs does, to 1e-5 of the scale, and alike on 0 and 1 workers", async () => {
    const tfjs = await scoreOf(create({ workers: 0 }), x, 0.4);
    const wasm = await scoreOf(create({ engine: 'wasm', workers: 0 }), x, 0.4);
    expect(relativeError(wasm, tfjs)).toBeLessThan(1e-5);
    expect(await scoreOf(create({ engine: 'wasm', workers: 1 }), x, 0.4)).toEqual(wasm);
  });

  it('engine: wasm keeps the divergence (TF.js autodiff)', async () => {
    const model = create({ engine: 'wasm', workers: 0 });
    const out = new Float64Array(3);
    await model.divergence!(testRows(3, 2), 0.5, out);
    expect(out.every(Number.isFinite)).toBe(true);
  });

  it('rejects another engine naming the field and the allowed values', () => {
    expect(() => create({ engine: 'gpu' })).toThrow(ConfigError);
    expect(() => create({ engine: 'gpu' })).toThrow(/pipeline\.0\.score\.engine: .*"tfjs".*"wasm"/);
  });

  it("engine: wasm refuses an activation the kernels lack with a ConfigError at engine", async () => {
    const tanh = join(root, 'tanh');
    const network = mlpScoreNetwork({ dim: 2, width: 8, depth: 1, activation: 'tanh' });
    await saveNetwork(network, fileCheckpoint(tanh), { metadata: { sde: sdeSignature(sde) } });
    network.dispose();
    const model = create({ checkpoint: tanh, engine: 'wasm', workers: 0 });
    await expect(scoreOf(model, x, 0.5)).rejects.toThrow(/pipeline\.0\.score\.engine: wasm cannot evaluate this network: createWasmMlp: activation must be one of silu, relu, got 'tanh'\. Use engine 'tfjs'/);
  });
});
