import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError } from '@scoreflow/core/testing';
import { selectBackend } from '../backend/select-backend.js';
import { flattenTensors } from '../network/flat-weights.js';
import { mlpScoreNetwork } from '../network/mlp.js';
import { testVpSde } from '../testing/test-sde.js';
import { createTrainer } from '../training/trainer.js';
import { testRows } from './testing/jitter-weights.js';
import { createWasmTrainer } from './wasm-trainer.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const sde = testVpSde();

describe('createWasmTrainer(network, sde, options)', () => {
  it("takes createTrainer's steps: the same losses and weights after 20 steps, to float32 roundoff", async () => {
    const options = { learningRate: 3e-3, warmup: 5, seed: 7 };
    const [tfjs, wasm] = [mlpScoreNetwork({ dim: 2, width: 32, depth: 3, seed: 1 }), mlpScoreNetwork({ dim: 2, width: 32, depth: 3, seed: 1 })];
    const [reference, trainer] = [createTrainer(tfjs, sde, options), createWasmTrainer(wasm, sde, options)];
    const x0 = testRows(256, 2);
    for (let step = 0; step < 20; step++) {
      const [expected, actual] = [await reference.step(x0), await trainer.step(x0)];
      expect(Math.abs(actual / expected - 1), `loss at step ${step}`).toBeLessThan(1e-4);
    }
    expect(trainer.steps).toBe(20);
    // Adam divides by sqrt(v): roundoff in small gradients moves the weights by more than in the loss.
    expect(relativeError(flattenTensors(wasm.variables), flattenTensors(tfjs.variables))).toBeLessThan(1e-4);
    const state = await trainer.state();
    expect(state.steps).toBe(20);
    [reference, trainer].forEach((t) => t.dispose());
    [tfjs, wasm].forEach((n) => n.dispose());
  });

  it('refuses a network the kernels do not train', () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8, residual: true });
    expect(() => createWasmTrainer(network, sde)).toThrow(/only an eps network with SiLU, no residual and no classes/);
    network.dispose();
  });
});
