import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { CheckpointError } from '../checkpoint/checkpoint-error.js';
import { loadNetwork, saveNetwork } from '../checkpoint/checkpoint.js';
import { mlpScoreNetwork } from '../network/mlp.js';
import { MODEL_JSON, WEIGHTS_BIN, fileCheckpoint } from './file-checkpoint.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  await selectBackend('wasm');
});

function outputsOf(net: ReturnType<typeof mlpScoreNetwork>): number[] {
  return tf.tidy(() => Array.from(net.apply(tf.tensor2d([0.3, -0.2, 1.5, 0.7], [2, 2]), tf.tensor1d([0.1, 0.8])).dataSync()));
}

describe('fileCheckpoint(folder) with saveNetwork / loadNetwork', () => {
  it('writes model.json and weights.bin, and the loaded network reproduces the outputs exactly', async () => {
    const net = mlpScoreNetwork({ dim: 2, width: 16, depth: 2, residual: true, output: 'denoiser', seed: 3 });
    // Move the weights off their seeded initial values, so that loading must really restore them.
    net.variables.forEach((v) => v.assign(tf.tidy(() => tf.add(v, tf.randomNormal(v.shape, 0, 0.1, 'float32', 9)))));
    const folder = join(root, 'a');
    await saveNetwork(net, fileCheckpoint(folder), { metadata: { config: { steps: 10 } } });
    expect(readdirSync(folder).sort()).toEqual([MODEL_JSON, WEIGHTS_BIN]);
    const json = JSON.parse(readFileSync(join(folder, MODEL_JSON), 'utf8')) as { weightsManifest: { paths: string[] }[] };
    expect(json.weightsManifest[0]?.paths).toEqual([WEIGHTS_BIN]);
    const before = tf.memory().numTensors;
    const { network, metadata } = await loadNetwork(fileCheckpoint(folder));
    expect(tf.memory().numTensors - before).toBe(net.variables.length + 1); // weights + Fourier frequencies
    expect(network.output).toBe('denoiser');
    expect(metadata).toEqual({ config: { steps: 10 } });
    expect(outputsOf(network)).toEqual(outputsOf(net));
    network.dispose();
    net.dispose();
  });
  it('loadNetwork rejects a folder that is not a score-net checkpoint', async () => {
    const folder = join(root, 'b');
    await fileCheckpoint(folder).save?.({ format: 'layers-model', modelTopology: {}, weightSpecs: [], weightData: new ArrayBuffer(0) });
    await expect(loadNetwork(fileCheckpoint(folder))).rejects.toBeInstanceOf(CheckpointError);
  });
});

describe('the main entry', () => {
  it('keeps file-system code out (it stays browser-safe)', () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from '(node:|fs')/);
      for (const [, relative] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) visit(join(dirname(file), `${relative}.ts`));
    };
    visit(join(src, 'index.ts'));
    expect(seen.size).toBeGreaterThan(10);
  });
});
