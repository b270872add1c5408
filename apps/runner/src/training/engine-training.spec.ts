import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { configErrorOf } from '@scoreflow/core/testing';
import { describe, expect, it } from 'vitest';
import { trainCommand } from '../cli/train-command.js';
import { trainConfigSchema } from '../config/train-config.js';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';
import { buildTraining } from './build-training.js';

/** A DSM training small enough for a test, its gradients on the WebAssembly kernels. */
const tiny = {
  name: 'tiny-wasm',
  seed: 1,
  backend: 'wasm',
  data: { type: 'gaussian-mixture', preset: 'double-gaussian' },
  sde: { type: 'vp' },
  network: { width: 16, depth: 2 },
  training: { steps: 10, batchSize: 64, poolSize: 256, warmup: 2, checkpointEvery: 10, engine: 'wasm', workers: 0 },
  scoreError: { particles: 64, times: [0.5] },
};

describe('scoreflow train, training.engine', () => {
  it('engine: wasm trains an eps MLP on the WebAssembly kernels and writes a checkpoint', { timeout: 120_000 }, async () => {
    const { file, out } = configWorkspace(tiny);
    expect(await trainCommand(file, { out }, quietIo().io)).toBe(0);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(metrics).toMatchObject({ status: 'completed', steps: 10 });
    expect(Number.isFinite(metrics.loss)).toBe(true);
  });

  it('engine: wasm refuses what the kernels do not train, at training.engine', () => {
    const registry = createBrowserRegistry();
    const config = trainConfigSchema.parse({ ...tiny, network: { width: 8, depth: 1, activation: 'tanh', residual: true } });
    expect(configErrorOf(() => buildTraining(config, registry)).issues).toEqual([
      { path: 'training.engine', message: 'wasm trains an eps MLP with SiLU, no residual layers and no classes by the dsm objective, not network.activation tanh, network.residual: use engine tfjs' },
    ]);
    expect(() => trainConfigSchema.parse({ ...tiny, training: { ...tiny.training, engine: 'gpu' } })).toThrow(/"tfjs"|tfjs/);
  });
});
