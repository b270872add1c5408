import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError } from '@scoreflow/core/testing';
import { selectBackend } from '../../backend/select-backend.js';
import { flattenTensors } from '../../network/flat-weights.js';
import { mlpScoreNetwork } from '../../network/mlp.js';
import { testVpSde } from '../../testing/test-sde.js';
import { testRows } from '../../wasm/testing/jitter-weights.js';
import { createWasmTrainer } from '../../wasm/wasm-trainer.js';
import { createParallelTrainer } from './parallel-trainer.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const sde = testVpSde();

describe("createParallelTrainer(network, sde, { engine: 'wasm', workers })", () => {
  it('equals createWasmTrainer bit for bit with 0 workers, and to float32 roundoff with 1 worker', async () => {
    const options = { learningRate: 3e-3, warmup: 2, seed: 5 };
    const x0 = testRows(300, 2);
    const networks = [0, 1, 2].map(() => mlpScoreNetwork({ dim: 2, width: 16, depth: 2, seed: 3 }));
    const [alone, none, one] = [
      createWasmTrainer(networks[0]!, sde, options),
      await createParallelTrainer(networks[1]!, sde, { ...options, engine: 'wasm', workers: 0 }),
      await createParallelTrainer(networks[2]!, sde, { ...options, engine: 'wasm', workers: 1 }),
    ];
    for (let step = 0; step < 5; step++) {
      const [a, b, c] = [await alone.step(x0), await none.step(x0), await one.step(x0)];
      expect(b).toBe(a);
      expect(Math.abs(c / a - 1)).toBeLessThan(1e-5);
    }
    const [wa, wb, wc] = networks.map((n) => flattenTensors(n.variables));
    expect(wb).toEqual(wa);
    expect(relativeError(wc!, wa!)).toBeLessThan(1e-4);
    [alone, none, one].forEach((t) => t.dispose());
    networks.forEach((n) => n.dispose());
  });
});
