import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry, createRunContext } from '@scoreflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/index.js';
import { saveNetwork } from '../../checkpoint/index.js';
import { networkVelocity } from '../../flow/network-velocity.js';
import { mlpScoreNetwork } from '../../network/index.js';
import { fileCheckpoint } from '../file-checkpoint.js';
import { networkVelocityPlugin } from './network-velocity-plugin.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-velocity-plugin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  await selectBackend('wasm');
});

const registry = createRegistry([networkVelocityPlugin]);
const create = (checkpoint: string) => registry.create('velocity-model', { type: 'network', checkpoint, backend: 'wasm' }, { run: createRunContext({ dim: 2 }), path: 'pipeline.0.velocity' });

describe('velocity model network', () => {
  it('loads a velocity network from its checkpoint and evaluates it as networkVelocity does', async () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8, depth: 2, output: 'velocity', activation: 'selu', seed: 3 });
    const folder = join(root, 'velocity');
    await saveNetwork(network, fileCheckpoint(folder));
    const model = create(folder);
    expect(model.dim).toBe(2);
    const x = Float32Array.of(0.2, -1, 1.5, 0.3);
    const [out, expected] = [new Float32Array(4), new Float32Array(4)];
    await model.velocity(x, 0.4, out);
    await networkVelocity(network).velocity(x, 0.4, expected);
    expect([...out]).toEqual([...expected]);
    // Its divergence, for flowLogLikelihood, is networkVelocity's (autodiff).
    const [divergence, expectedDivergence] = [new Float64Array(2), new Float64Array(2)];
    await model.divergence?.(x, 0.4, divergence);
    await networkVelocity(network).divergence?.(x, 0.4, expectedDivergence);
    expect([...divergence]).toEqual([...expectedDivergence]);
    expect(Math.abs(divergence[0])).toBeGreaterThan(0);
    network.dispose();
  });

  it('refuses a checkpoint whose network is not a velocity, naming the checkpoint option', async () => {
    const network = mlpScoreNetwork({ dim: 2, width: 4, depth: 1 });
    const folder = join(root, 'eps');
    await saveNetwork(network, fileCheckpoint(folder));
    expect(() => create(folder)).toThrow(/pipeline\.0\.velocity\.checkpoint: holds a score network \(output 'eps'\), not a velocity network: train one with a flow objective/);
    // A checkpoint of scoreflow train records its objective: the refusal names it.
    const trained = join(root, 'dsm');
    await saveNetwork(network, fileCheckpoint(trained), { metadata: { objective: 'dsm' } });
    expect(() => create(trained)).toThrow(/holds a score network \(output 'eps', training\.objective dsm\), not a velocity network/);
    network.dispose();
  });
});
